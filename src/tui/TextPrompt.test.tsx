import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TextPrompt, wrappedLines, wrappedRows } from './TextPrompt.js';

const MEMO = 'Le patient parle de sa sœur qui l’accompagne à chaque consultation, et du trajet depuis la campagne.';

describe('wrappedLines', () => {
  it('wraps at word boundaries and puts the caret on its line', () => {
    const lines = wrappedLines(MEMO, MEMO.length, 40, 6);
    expect(lines.map((l) => l.text.trim()).join(' ')).toBe(MEMO);
    for (const line of lines) expect(line.text.trimEnd().length).toBeLessThanOrEqual(39);
    expect(lines.at(-1)?.caret).toBe(lines.at(-1)?.text.length);
    expect(lines.slice(0, -1).every((l) => l.caret === null)).toBe(true);
  });

  it('shows the lines that end with the caret when the memo is longer than the rows', () => {
    const lines = wrappedLines(MEMO, MEMO.length, 20, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.caret).not.toBeNull();
    expect(wrappedLines(MEMO, 0, 20, 2)[0]?.caret).toBe(0);
  });

  it('shows a space typed at the end of a row', () => {
    const lines = wrappedLines('abc ', 4, 40, 3);
    expect(lines).toEqual([{ text: 'abc ', caret: 4 }]);
  });

  it('counts the rows a memo needs', () => {
    expect(wrappedRows('', 40, 6)).toBe(1);
    expect(wrappedRows(MEMO, 40, 6)).toBe(3);
    expect(wrappedRows(MEMO.repeat(5), 40, 6)).toBe(6);
  });
});

describe('TextPrompt', () => {
  it('draws a memo over several lines, every word of it', () => {
    const { lastFrame } = render(<TextPrompt label="Mémo :" value={MEMO} caret={MEMO.length} width={42} rows={4} />);
    const frame = lastFrame() ?? '';
    expect(frame.split('\n')).toHaveLength(4);
    expect(frame.replace(/[›\s]+/g, ' ').trim()).toBe(`Mémo : ${MEMO}`);
  });
});
