import chalk from 'chalk';
import { Box, render, Text } from 'ink';
import type React from 'react';
import { describe, expect, it } from 'vitest';
import { FakeStdout } from '../../test/support/fake-terminal.js';
import { layoutText, type Layout } from './layout.js';
import type { Marks } from './row-style.js';
import { oneColumnEach, rowString, TranscriptView } from './TranscriptView.js';

const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

const none: Marks = { labels: [], annotations: [], coded: [], matches: [], current: null, selection: null, active: null };

function frameOf(element: React.JSX.Element, columns = 40): string {
  const stdout = new FakeStdout(columns, 20);
  const instance = render(element, { stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false });
  const frame = stdout.lastWrite();
  instance.unmount();
  return frame;
}

/** The rows as plain `<Text wrap="truncate-end">`, as the view drew them before. */
function PlainRows({ text, layout, top, height, marks }: { text: string; layout: Layout; top: number; height: number; marks: Marks }) {
  const rows: React.JSX.Element[] = [];
  for (let i = 0; i < height; i++) {
    const r = top + i;
    const line = r < layout.count ? rowString(text, layout.rowStart[r] ?? 0, layout.rowEnd[r] ?? 0, marks) : ' ';
    rows.push(
      <Text key={i} wrap="truncate-end">
        {line}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows}
    </Box>
  );
}

describe('rowString', () => {
  it('dims the asterisks of a Markdown speaker label, the name in bold', () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const text = '**MG4** : Oui.';
      const row = rowString(text, 0, text.length, { ...none, labels: [{ start: 0, end: 9 }] });
      expect(strip(row)).toBe(`   ${text}`);
      expect(row).toContain(`${chalk.dim('**')}${chalk.bold('MG4')}${chalk.dim('**')}${chalk.bold(' :')}`);
    } finally {
      chalk.level = level;
    }
  });
});

describe('oneColumnEach', () => {
  it('accepts French text and its punctuation', () => {
    const text = 'Enquêteur : « Ça fait huit mois » – c’est l’œuvre… déjà, Ÿ ?';
    expect(oneColumnEach(text, 0, text.length)).toBe(true);
    expect(oneColumnEach('a\u00a0b\u202fc', 0, 3)).toBe(true);
  });

  it('refuses wide, combining, zero-width and control characters', () => {
    for (const text of ['漢', '😀', 'e\u0301', 'a\u200bb', 'x\u0085', 'x\u0007']) expect(oneColumnEach(text, 0, text.length)).toBe(false);
  });

  it('only looks at the given range', () => {
    expect(oneColumnEach('abc漢', 0, 3)).toBe(true);
    expect(oneColumnEach('abc漢', 1, 4)).toBe(false);
  });
});

describe('TranscriptView', () => {
  const text =
    'Enquêteur : Pouvez-vous me parler de votre dernier patient ?\n' +
    'P07 : Alors *rire* c’est compliqué. « Je ne sais plus » quoi lui proposer… 漢字のテキストも少しあります。 Et e\u0301 aussi.\n';
  const layout = layoutText(text, 37);
  const marks: Marks = {
    ...none,
    labels: [{ start: 0, end: 12 }],
    coded: [{ start: 67, end: 100 }],
    current: { start: 67, end: 95 },
    selection: { start: 70, end: 80 },
    active: { start: 67, end: 100 },
  };

  it('draws every row exactly as plain Text rows would', () => {
    for (const top of [0, 1, 2]) {
      const view = frameOf(<TranscriptView text={text} layout={layout} top={top} height={6} marks={marks} />);
      const plain = frameOf(<PlainRows text={text} layout={layout} top={top} height={6} marks={marks} />);
      expect(view).toBe(plain);
    }
  });

  it('shows the gutter and the text, each row within the width', () => {
    const frame = strip(frameOf(<TranscriptView text={text} layout={layout} top={0} height={8} marks={marks} />));
    const lines = frame.replace(/\n$/, '').split('\n');
    expect(lines[0]).toBe('   Enquêteur : Pouvez-vous me parler de');
    expect(frame).toContain('›┃');
    expect(frame).toContain('漢字');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
  });
});
