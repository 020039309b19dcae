/** A one-line text input drawn from the session's prompt state (label, value, caret). */
import { Text } from 'ink';
import React from 'react';
import stringWidth from 'string-width';

export interface TextPromptProps {
  label: string;
  value: string;
  caret: number;
  width: number;
}

/** The part of `value` to show so that the caret stays visible in `width` columns. */
export function visiblePart(value: string, caret: number, width: number): { before: string; at: string; after: string } {
  let before = value.slice(0, caret);
  const atChar = value.slice(caret, caret + 1);
  let after = value.slice(caret + atChar.length);
  const room = Math.max(4, width - 1);
  while (stringWidth(before) > room - 1) before = [...before].slice(1).join('');
  while (stringWidth(before) + 1 + stringWidth(after) > room && after.length > 0) after = [...after].slice(0, -1).join('');
  return { before, at: atChar === '' ? ' ' : atChar, after };
}

export function TextPrompt({ label, value, caret, width }: TextPromptProps): React.JSX.Element {
  const { before, at, after } = visiblePart(value, caret, width - 2);
  return (
    <>
      <Text bold wrap="truncate-end">
        {label}
      </Text>
      <Text wrap="truncate-end">
        <Text color="cyan">› </Text>
        {before}
        <Text inverse>{at}</Text>
        {after}
      </Text>
    </>
  );
}
