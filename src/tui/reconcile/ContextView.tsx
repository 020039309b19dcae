/**
 * The transcript around a disagreement: coder A's text in cyan with `A` in the margin, coder B's
 * in magenta with `B`, text both coded in bold with `AB`, the coding being edited in inverse.
 * Only the visible rows are drawn. The margin letters say it without colour (NO_COLOR).
 */
import chalk from 'chalk';
import { Box, Text } from 'ink';
import type React from 'react';
import { memo } from 'react';
import type { Span } from '../../core/types.js';
import type { Layout } from '../layout.js';
import { displayText, overlapping } from '../row-style.js';

export interface ContextMarks {
  /** Coder A's spans and coder B's, each sorted and disjoint. */
  a: readonly Span[];
  b: readonly Span[];
  edit: Span | null;
}

function inside(spans: readonly Span[], at: number): boolean {
  for (const s of spans) if (s.start <= at && at < s.end) return true;
  return false;
}

/** One visual row as a styled string: margin, then the text. */
export function contextRow(text: string, start: number, end: number, marks: ContextMarks): string {
  const a = overlapping(marks.a, start, Math.max(end, start + 1));
  const b = overlapping(marks.b, start, Math.max(end, start + 1));
  const editHere = marks.edit !== null && marks.edit.start < Math.max(end, start + 1) && marks.edit.end > start && end > start;
  const margin = editHere ? '› ' : `${a.length > 0 && end > start ? 'A' : ' '}${b.length > 0 && end > start ? 'B' : ' '}`;
  const styledMargin = editHere ? chalk.bold(margin) : chalk.dim(margin);
  const cuts = new Set<number>([start, end]);
  for (const s of [...a, ...b, ...(marks.edit ? [marks.edit] : [])]) cuts.add(Math.min(end, Math.max(start, s.start))).add(Math.min(end, Math.max(start, s.end)));
  const points = [...cuts].sort((x, y) => x - y);
  let out = `${styledMargin} `;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    const inA = inside(a, from);
    const inB = inside(b, from);
    const inEdit = marks.edit !== null && marks.edit.start <= from && from < marks.edit.end;
    let style = chalk;
    if (inA && inB) style = style.bold.green;
    else if (inA) style = style.cyan;
    else if (inB) style = style.magenta;
    if (inA || inB) style = style.underline;
    if (inEdit) style = style.inverse;
    const piece = displayText(text.slice(from, to));
    out += style === chalk ? piece : style(piece);
  }
  return out;
}

export interface ContextViewProps {
  text: string;
  layout: Layout;
  top: number;
  height: number;
  marks: ContextMarks;
}

const Row = memo(function Row({ line }: { line: string }) {
  return <Text wrap="truncate-end">{line}</Text>;
});

export const ContextView = memo(function ContextView({ text, layout, top, height, marks }: ContextViewProps) {
  const rows: React.JSX.Element[] = [];
  for (let i = 0; i < height; i++) {
    const r = top + i;
    if (r >= layout.count) {
      rows.push(<Row key={i} line=" " />);
      continue;
    }
    const start = layout.rowStart[r] ?? 0;
    const end = layout.rowEnd[r] ?? start;
    rows.push(<Row key={i} line={contextRow(text, start, end, marks)} />);
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows}
    </Box>
  );
});
