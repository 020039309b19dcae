/**
 * The transcript window: only the visible rows are rendered. Each row is one pre-styled
 * string (gutter + runs from `rowRuns`), so a frame is a few dozen Ink text nodes and React
 * skips the rows whose string did not change.
 *
 * A row whose characters all take one column (Latin text, accents, French punctuation) is
 * known to fit, and is drawn as a `FittedLine`, which Ink does not measure (string-width's
 * slow path for every accented row, on every frame). Other rows go through `<Text>`, which
 * truncates them if needed.
 */
import chalk from 'chalk';
import { Box, Text } from 'ink';
import type React from 'react';
import { memo } from 'react';
import { FittedLine } from './FittedLine.js';
import type { Layout } from './layout.js';
import { rowGutter, rowRuns, type Marks, type Run } from './row-style.js';
import { COLOURS } from './colour.js';
import { isOneColumn } from '../core/text/width.js';

function styleRun(run: Run): string {
  let style = chalk;
  // Without colours (NO_COLOR), the word under the cursor and search matches are shown in inverse.
  if (run.point && !run.selected) style = COLOURS ? style.black.bgCyan : style.inverse;
  else if (run.match) style = COLOURS ? style.black.bgYellow : style.inverse;
  else if (run.current && COLOURS) style = style.cyan;
  if (run.annotation && !run.selected && !run.match) style = style.dim;
  if (run.coded) style = style.underline;
  if (run.selected) style = style.inverse;
  if (run.label) {
    // A Markdown transcript's speaker in bold (`**MG4** :`): the name bold, its asterisks dimmed.
    if (run.text.includes('*')) return run.text.replace(/\*+|[^*]+/g, (part) => (part.startsWith('*') ? style.dim(part) : style.bold(part)));
    style = style.bold;
  }
  return style === chalk ? run.text : style(run.text);
}

/** One visual row as a styled string: cursor mark, coded bar, space, text. */
export function rowString(text: string, start: number, end: number, marks: Marks): string {
  const gutter = rowGutter(start, end, marks);
  const cursor = gutter.cursor ? (COLOURS ? chalk.cyan.bold('›') : chalk.bold('›')) : ' ';
  const bar = gutter.active ? (COLOURS ? chalk.yellow('┃') : '┃') : gutter.coded ? (COLOURS ? chalk.green('│') : '│') : ' ';
  let out = `${cursor}${bar} `;
  for (const run of rowRuns(text, start, end, marks)) out += styleRun(run);
  return out;
}

/**
 * Whether every character of `text[start, end)` takes exactly one terminal column, for Ink as
 * for the terminal: printable Latin-1 and Latin Extended, and general punctuation (’ … « » –);
 * a tab is shown as a space.
 */
export function oneColumnEach(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x09 && !isOneColumn(code)) return false;
  }
  return true;
}

/** A row that may need truncating. */
const Row = memo(function Row({ line }: { line: string }) {
  return <Text wrap="truncate-end">{line}</Text>;
});

export interface TranscriptViewProps {
  text: string;
  layout: Layout;
  /** First visible row. */
  top: number;
  height: number;
  marks: Marks;
}

export const TranscriptView = memo(function TranscriptView({ text, layout, top, height, marks }: TranscriptViewProps) {
  const rows: React.JSX.Element[] = [];
  for (let i = 0; i < height; i++) {
    const r = top + i;
    if (r >= layout.count) {
      rows.push(<Row key={i} line=" " />);
      continue;
    }
    const start = layout.rowStart[r] ?? 0;
    const end = layout.rowEnd[r] ?? start;
    const line = rowString(text, start, end, marks);
    if (end - start <= layout.width && oneColumnEach(text, start, end)) {
      rows.push(<FittedLine key={i} line={line} label={text.slice(start, end)} />);
    } else {
      rows.push(<Row key={i} line={line} />);
    }
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows}
    </Box>
  );
});
