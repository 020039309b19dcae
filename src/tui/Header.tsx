/** Top line: participant, coder, progress, last save. */
import chalk from 'chalk';
import { Text } from 'ink';
import type React from 'react';
import { FittedLine } from './FittedLine.js';
import { textWidth } from '../core/text/width.js';
import { gapBetween, truncate } from './line-fit.js';
import { hue } from './colour.js';

export interface HeaderProps {
  participant: string;
  coder: string;
  /** Progress and save state, already worded, most important first: the last ones are left out when the row is short. */
  right: string | readonly string[];
  /** Shown in red before the rest when the last save failed. */
  alert: string | null;
  width: number;
}

/** Columns a long participant id or coder name keeps when the header is short of room. */
const MIN_ID = 16;
const MIN_CODER = 8;

export function Header({ participant: fullParticipant, coder: fullCoder, right, alert, width }: HeaderProps): React.JSX.Element {
  // Whole parts only: « enregistré à 12:34 » is left out rather than cut to « enregistré à 1… ».
  const list = typeof right === 'string' ? [right] : right;
  const joined = (n: number): string => {
    const text = list.slice(0, n).join(' · ');
    return alert !== null ? `${alert}  ${text}` : text;
  };
  // A long id (a Zoom recording's name) and coder name give way to the alert and the first two
  // parts (read, coded): the coder's name first, then the id, each keeping its start.
  let participant = fullParticipant;
  let coder = fullCoder;
  const over = (): number => textWidth(`${participant} · ${coder}`) + 2 + textWidth(joined(Math.min(2, list.length))) - width;
  if (over() > 0) coder = truncate(fullCoder, Math.max(Math.min(MIN_CODER, textWidth(fullCoder)), textWidth(fullCoder) - over()));
  if (over() > 0) participant = truncate(fullParticipant, Math.max(Math.min(MIN_ID, textWidth(fullParticipant)), textWidth(fullParticipant) - over()));
  const left = `${participant} · ${coder}`;
  const room = Math.max(0, width - textWidth(left) - 2);
  let parts = list.length;
  while (parts > 1 && textWidth(joined(parts)) > room) parts--;
  const rightText = truncate(joined(parts), room);
  const alertPart = alert !== null && rightText.startsWith(alert) ? alert : '';
  return (
    <Text wrap="truncate-end">
      <Text bold>{participant}</Text>
      <Text dimColor> · {coder}</Text>
      {gapBetween(left, rightText, width)}
      {alertPart !== '' && (
        <Text color={hue('red')} bold>
          {alertPart}
        </Text>
      )}
      <Text dimColor>{rightText.slice(alertPart.length)}</Text>
    </Text>
  );
}

/** A dim horizontal line across the frame. */
export function Rule({ width }: { width: number }): React.JSX.Element {
  return <FittedLine line={chalk.dim('─'.repeat(Math.max(0, width)))} label="" />;
}
