/**
 * The transcript window: only the visible rows are rendered. Each row is one pre-styled
 * string (gutter + runs from `rowRuns`), so a frame is a few dozen Ink text nodes and React
 * skips the rows whose string did not change.
 */
import chalk from 'chalk';
import { Box, Text } from 'ink';
import React, { memo } from 'react';
import type { Layout } from './layout.js';
import { rowGutter, rowRuns, type Marks, type Run } from './row-style.js';

function styleRun(run: Run): string {
  let style = chalk;
  if (run.match) style = style.black.bgYellow;
  else if (run.current) style = style.cyan;
  if (run.label) style = style.bold;
  if (run.annotation && !run.selected && !run.match) style = style.dim;
  if (run.coded) style = style.underline;
  if (run.selected) style = style.inverse;
  return style === chalk ? run.text : style(run.text);
}

/** One visual row as a styled string: cursor mark, coded bar, space, text. */
export function rowString(text: string, start: number, end: number, marks: Marks): string {
  const gutter = rowGutter(start, end, marks);
  const cursor = gutter.cursor ? chalk.cyan.bold('›') : ' ';
  const bar = gutter.active ? chalk.yellow('┃') : gutter.coded ? chalk.green('│') : ' ';
  let out = `${cursor}${bar} `;
  for (const run of rowRuns(text, start, end, marks)) out += styleRun(run);
  return out;
}

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
    rows.push(<Row key={i} line={rowString(text, start, end, marks)} />);
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows}
    </Box>
  );
});
