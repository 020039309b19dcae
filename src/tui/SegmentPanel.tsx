/** Two lines under the transcript: the codes of the segment under the cursor (with theme paths) and its memo. */
import { Text } from 'ink';
import type React from 'react';
import { truncate } from './line-fit.js';
import { hue } from './colour.js';

export interface PanelCode {
  name: string;
  path: string[];
}

export interface SegmentPanelProps {
  /** The active segment, or null. */
  segment: { codes: PanelCode[]; memo?: string; exemplary?: boolean; quote: string } | null;
  /** `2/3` when several segments lie under the cursor. */
  position: string | null;
  /** What to say when there is no segment. */
  idle: string;
  /** The second line when there is no segment (the transcript's memo). */
  note?: string;
  labels: { memo: string; exemplary: string; quote: (text: string) => string };
  width: number;
}

export function SegmentPanel({ segment, position, idle, note, labels, width }: SegmentPanelProps): React.JSX.Element {
  if (segment === null) {
    return (
      <>
        <Text dimColor wrap="truncate-end">
          {truncate(idle, width)}
        </Text>
        {note !== undefined ? (
          <Text dimColor wrap="truncate-end">
            {truncate(note, width)}
          </Text>
        ) : (
          <Text> </Text>
        )}
      </>
    );
  }
  const prefix = `▸ ${position !== null ? `[${position}] ` : ''}`;
  const second =
    segment.memo !== undefined ? `✎ ${labels.memo} ${segment.memo}` : labels.quote(segment.quote);
  return (
    <>
      <Text wrap="truncate-end">
        <Text color={hue('yellow')}>{prefix}</Text>
        {segment.codes.map((code, i) => (
          <Text key={i}>
            {i > 0 ? <Text dimColor> · </Text> : null}
            <Text bold>{code.name}</Text>
            {code.path.length > 0 ? <Text dimColor> ({code.path.join(' › ')})</Text> : null}
          </Text>
        ))}
        {segment.exemplary === true ? <Text color={hue('yellow')}> {labels.exemplary}</Text> : null}
      </Text>
      <Text dimColor={segment.memo === undefined} wrap="truncate-end">
        {truncate(second, width)}
      </Text>
    </>
  );
}
