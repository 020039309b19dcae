/**
 * One pre-styled line that is known to fit the width, drawn cheaply.
 *
 * Ink measures every `<Text>` on every frame with string-width, whose slow path (any character
 * outside printable ASCII: accents, `·`, `─`) costs about a microsecond per character. Here Ink
 * measures a one-space placeholder, and `<Transform>` puts the real line in its place when the
 * frame is assembled. The caller guarantees that `line` fits: nothing truncates it.
 */
import { Transform } from 'ink';
import { memo } from 'react';

export interface FittedLineProps {
  /** The line with its ANSI styles, at most as wide as the frame. */
  line: string;
  /** The plain text, read out by screen readers. */
  label: string;
}

export const FittedLine = memo(function FittedLine({ line, label }: FittedLineProps) {
  return (
    <Transform transform={() => line} accessibilityLabel={label}>
      {' '}
    </Transform>
  );
});
