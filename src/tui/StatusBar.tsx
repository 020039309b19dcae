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

/** The words of `text` that fit in `width` columns, and the rest (`text` cut where no space is). */
export function splitAtWidth(text: string, width: number): [string, string] {
  if (textWidth(text) <= width) return [text, ''];
  let cut = -1;
  for (let i = text.indexOf(' '); i !== -1 && textWidth(text.slice(0, i)) <= width; i = text.indexOf(' ', i + 1)) cut = i;
  if (cut <= 0) return [truncate(text, width), ''];
  return [text.slice(0, cut), text.slice(cut + 1)];
}

export function StatusBar({ message, position, hints, width }: StatusBarProps): React.JSX.Element {
  // A message that does not fit beside the position takes the whole line, and the hints' line too
  // when it is longer than one line: a message is read once, the hints are there again after it.
  const alone = message !== null && textWidth(message.text) + textWidth(position) + 2 > width;
  const [first, rest] = message === null ? ['', ''] : alone ? splitAtWidth(message.text, width) : [truncate(message.text, width - textWidth(position) - 2), ''];
  const colour = hue(message?.tone === 'error' ? 'red' : undefined);
  return (
    <>
      <Text wrap="truncate-end">
        <Text color={colour}>{first}</Text>
        {alone ? '' : gapBetween(first, position, width)}
        {alone ? null : <Text dimColor>{position}</Text>}
      </Text>
      {rest === '' ? (
        <Text dimColor wrap="truncate-end">
          {fitHints(hints, width)}
        </Text>
      ) : (
        <Text wrap="truncate-end">
          <Text color={colour}>{truncate(rest, width)}</Text>
        </Text>
      )}
    </>
  );
}
