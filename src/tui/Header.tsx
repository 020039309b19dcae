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

export function Header({ participant, coder, right, alert, width }: HeaderProps): React.JSX.Element {
  const left = `${participant} · ${coder}`;
  const room = Math.max(0, width - textWidth(left) - 2);
  // Whole parts only: « enregistré à 12:34 » is left out rather than cut to « enregistré à 1… ».
  const list = typeof right === 'string' ? [right] : right;
  let parts = list.length;
  const joined = (n: number): string => {
    const text = list.slice(0, n).join(' · ');
    return alert !== null ? `${alert}  ${text}` : text;
  };
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
