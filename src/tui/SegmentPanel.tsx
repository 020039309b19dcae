/** Two lines under the transcript: the codes of the segment under the cursor (with theme paths) and its memo. */
import { terminalSafe } from '../core/text/terminal.js';
import { Text } from 'ink';
import type React from 'react';
import { textWidth } from '../core/text/width.js';
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
  // Names from the codebook, with their control and direction characters escaped (`\u202e`).
  const codes = segment.codes.map((code) => ({ ...code, name: terminalSafe(code.name), path: code.path.map(terminalSafe) }));
  const paths = fittedPaths(prefix, codes, segment.exemplary === true ? ` ${labels.exemplary}` : '', width);
  const second =
    segment.memo !== undefined ? `✎ ${labels.memo} ${segment.memo}` : labels.quote(segment.quote);
  return (
    <>
      <Text wrap="truncate-end">
        <Text color={hue('yellow')}>{prefix}</Text>
        {codes.map((code, i) => (
          <Text key={i}>
            {i > 0 ? <Text dimColor> · </Text> : null}
            <Text bold>{code.name}</Text>
            {paths[i] !== '' ? <Text dimColor> ({paths[i]})</Text> : null}
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

/**
 * Each code's theme path as the row has room for: whole; else from its own theme up
 * (`… › Contraintes d’exercice`); else none — the codes' names are what the row must say.
 */
export function fittedPaths(prefix: string, codes: readonly PanelCode[], suffix: string, width: number): string[] {
  const row = (paths: string[]): number =>
    textWidth(prefix) + textWidth(suffix) + codes.reduce((n, code, i) => n + (i > 0 ? 3 : 0) + textWidth(code.name) + (paths[i] === '' ? 0 : textWidth(paths[i]!) + 3), 0);
  const whole = codes.map((code) => code.path.join(' › '));
  if (row(whole) <= width) return whole;
  const last = codes.map((code) => (code.path.length === 0 ? '' : code.path.length === 1 ? code.path[0]! : `… › ${code.path.at(-1)}`));
  if (row(last) <= width) return last;
  return codes.map(() => '');
}
