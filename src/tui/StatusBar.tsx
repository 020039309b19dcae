/** The two bottom lines: a message or the position, then the keys that matter now. */
import { Text } from 'ink';
import type React from 'react';
import { textWidth } from '../core/text/width.js';
import { fitHints, gapBetween, truncate } from './line-fit.js';
import { hue } from './colour.js';

export interface StatusBarProps {
  message: { text: string; tone: 'info' | 'error' } | null;
  position: string;
  /** Key hints, most useful first (the last two always shown). */
  hints: readonly string[];
  width: number;
}

export function StatusBar({ message, position, hints, width }: StatusBarProps): React.JSX.Element {
  // A message that does not fit beside the position takes the whole line.
  const alone = message !== null && textWidth(message.text) + textWidth(position) + 2 > width;
  const left = message === null ? '' : truncate(message.text, alone ? width : width - textWidth(position) - 2);
  return (
    <>
      <Text wrap="truncate-end">
        <Text color={hue(message?.tone === 'error' ? 'red' : undefined)}>{left}</Text>
        {alone ? '' : gapBetween(left, position, width)}
        {alone ? null : <Text dimColor>{position}</Text>}
      </Text>
      <Text dimColor wrap="truncate-end">
        {fitHints(hints, width)}
      </Text>
    </>
  );
}
