import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderInTerminal, stripEscapes } from '../../../test/support/fake-terminal.js';
import type { SplitItem, SplitState } from './split.js';
import { SplitApp, type SplitAppProps } from './SplitApp.js';

const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => cleanup());

const ITEMS: SplitItem[] = [
  { segments: ['s1'], participant: 'MG1', label: '(MG1)', coder: 'marie', text: 'Ça m’agace, le système ne suit pas.', otherCodes: ['Impuissance'], memos: ['à relire'], unplaced: false },
  { segments: ['s2', 's3', 's4'], participant: 'MG2', label: '(MG2)', coder: 'marie', text: 'Je suis fatigué. […] Toujours la même plainte. […] Encore.', otherCodes: [], memos: [], unplaced: false },
  { segments: ['s5'], participant: 'A1', label: '(A1)', coder: 'paul', text: 'Texte \u001b[2J hostile', otherCodes: [], memos: [], unplaced: true },
];

function props(overrides: Partial<SplitAppProps> = {}): SplitAppProps & { outcome: () => SplitState | null } {
  let final: SplitState | null = null;
  return {
    language: 'fr',
    code: 'Frustration',
    into: ['Colère', 'Lassitude'],
    items: ITEMS,
    coders: ['marie', 'paul'],
    contextOf: (_, n) => ({ before: `Avant ${n}.`, after: `Après ${n}.` }),
    onDone: (state) => {
      final = state;
    },
    outcome: () => final,
    ...overrides,
  };
}

function open(overrides: Partial<SplitAppProps> = {}) {
  const p = props(overrides);
  const app = render(<SplitApp {...p} />);
  const frame = () => stripEscapes(app.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await pause();
    }
  };
  return { app, frame, press, outcome: p.outcome };
}

describe('SplitApp', () => {
  it('lists the quotes with label, coder and other codes; assigns with keys; splits on Enter', async () => {
    const { frame, press, outcome } = open();
    await pause();
    expect(frame()).toContain('Scinder «\u00a0Frustration\u00a0» · marie, paul');
    expect(frame()).toContain('0/3 attribuée · citation 1/3');
    expect(frame()).toMatch(/1·c Colère 0 · 2·l Lassitude 0 · \? 3/);
    expect(frame()).toMatch(/▸ \? +\(MG1\) marie Ça m’agace, le système ne suit pas\. \+Impuissance/);
    expect(frame()).toContain('autres codes\u00a0: Impuissance');
    expect(frame()).toContain('mémo\u00a0: à relire');
    // Control characters from the study are shown escaped, never sent to the terminal.
    expect(frame()).toContain('Texte \\x1b[2J hostile');
    await press('c', 'l');
    expect(frame()).toMatch(/ 1 Colère +\(MG1\)/);
    expect(frame()).toMatch(/ 2 Lassitude +\(MG2\)/);
    expect(frame()).toContain('introuvable dans la transcription');
    await press(KEYS.enter);
    expect(outcome()).toBeNull();
    expect(frame()).toContain('1 citation(s) sans nouveau code');
    await press('1', KEYS.enter);
    expect(outcome()?.outcome).toBe('split');
    expect(outcome()?.choices).toEqual([0, 1, 0]);
  });

  it('shows more context around the quote under the cursor, set apart from the quote', async () => {
    const { frame, press } = open();
    await pause();
    await press('+', '+');
    expect(frame()).toContain('contexte\u00a0: 2 phrases');
    expect(frame()).toMatch(/Avant 2\.\] «\u00a0Ça m’agace/);
    expect(frame()).toContain('[Après 2. …] (MG1)');
    await press('-', '-');
    expect(frame()).not.toContain('Avant');
  });

  it('leaves on q or Esc with nothing decided', async () => {
    for (const key of ['q', KEYS.escape]) {
      const { press, outcome } = open();
      await pause();
      await press('1', key);
      expect(outcome()?.outcome).toBe('cancelled');
      cleanup();
    }
  });

  it('works in 80×24: every row fits, the frame is one row shorter than the terminal', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...ITEMS[i % 2]!, segments: [`x${i}`], label: `(P${i + 1})`, text: 'Une citation très longue '.repeat(8) }));
    const screen = renderInTerminal(<SplitApp {...props({ language: 'en', items: many, into: ['Anger at the system of care', 'Weariness', 'Kept'] })} />, 80, 24);
    await pause();
    for (const keys of [[], ['G'], ['+', '+', '+'], ['?']]) {
      for (const k of keys) {
        screen.stdin.write(k);
        await pause();
      }
      const lines = screen.lines();
      expect(lines.length).toBe(23);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    }
    expect(screen.lines().join('\n')).toContain('Splitting a code: the keys');
    screen.unmount();
  });
});
