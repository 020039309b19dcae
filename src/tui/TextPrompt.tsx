/**
 * A text input drawn from the session's prompt state (label, value, caret): on one line that
 * scrolls sideways (search, go to, a code's name), or wrapped over several lines (memos).
 */
import { Text } from 'ink';
import type React from 'react';
import { textWidth } from '../core/text/width.js';
import { layoutText, rowOf } from './layout.js';
import { hue } from './colour.js';

export interface TextPromptProps {
  label: string;
  value: string;
  caret: number;
  width: number;
  /** Rows for the text: 1 scrolls sideways, more wraps. */
  rows?: number;
}

/** The part of `value` to show so that the caret stays visible in `width` columns. */
export function visiblePart(value: string, caret: number, width: number): { before: string; at: string; after: string } {
  let before = value.slice(0, caret);
  const atChar = value.slice(caret, caret + 1);
  let after = value.slice(caret + atChar.length);
  const room = Math.max(4, width - 1);
  while (textWidth(before) > room - 1) before = [...before].slice(1).join('');
  while (textWidth(before) + 1 + textWidth(after) > room && after.length > 0) after = [...after].slice(0, -1).join('');
  return { before, at: atChar === '' ? ' ' : atChar, after };
}

/** A wrapped line of the value, and where the caret is on it (null: not on this line). */
export interface PromptLine {
  text: string;
  caret: number | null;
}

/**
 * The value wrapped at word boundaries in `width` columns (one column kept for the caret), and
 * the `rows` lines to show: all of them if they fit, else the ones ending with the caret's.
 */
export function wrappedLines(value: string, caret: number, width: number, rows: number): PromptLine[] {
  const layout = layoutText(value, Math.max(8, width - 1));
  const caretRow = rowOf(layout, caret);
  const lines: PromptLine[] = [];
  for (let r = 0; r < layout.count; r++) {
    const start = layout.rowStart[r] ?? 0;
    const end = layout.rowEnd[r] ?? start;
    // The caret's row runs to the caret, so that a space just typed at the end of a row shows.
    const onRow = r === caretRow;
    lines.push({ text: value.slice(start, onRow ? Math.max(end, caret) : end), caret: onRow ? Math.max(0, caret - start) : null });
  }
  if (lines.length === 0) lines.push({ text: '', caret: 0 });
  const last = Math.max(caretRow, Math.min(lines.length, rows) - 1);
  return lines.slice(Math.max(0, last - rows + 1), last + 1);
}

/** Rows a wrapped value takes, for the frame to make room (at least 1, at most `max`). */
export function wrappedRows(value: string, width: number, max: number): number {
  return Math.max(1, Math.min(max, layoutText(value, Math.max(8, width - 1)).count));
}

export function TextPrompt({ label, value, caret, width, rows = 1 }: TextPromptProps): React.JSX.Element {
  if (rows <= 1) {
    const { before, at, after } = visiblePart(value, caret, width - 2);
    return (
      <>
        <Text bold wrap="truncate-end">
          {label}
        </Text>
        <Text wrap="truncate-end">
          <Text color={hue('cyan')}>› </Text>
          {before}
          <Text inverse>{at}</Text>
          {after}
        </Text>
      </>
    );
  }
  const lines = wrappedLines(value, caret, width - 2, rows);
  return (
    <>
      <Text bold wrap="truncate-end">
        {label}
      </Text>
      {lines.map((line, i) => {
        const prefix = i === 0 ? '› ' : '  ';
        if (line.caret === null) {
          return (
            <Text key={i} wrap="truncate-end">
              <Text color={hue('cyan')}>{prefix}</Text>
              {line.text}
            </Text>
          );
        }
        const before = line.text.slice(0, line.caret);
        const at = line.text.slice(line.caret, line.caret + 1);
        const after = line.text.slice(line.caret + at.length);
        return (
          <Text key={i} wrap="truncate-end">
            <Text color={hue('cyan')}>{prefix}</Text>
            {before}
            <Text inverse>{at === '' ? ' ' : at}</Text>
            {after}
          </Text>
        );
      })}
    </>
  );
}
