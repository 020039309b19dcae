/** Top line: participant, coder, progress, last save. */
import chalk from 'chalk';
import { Text } from 'ink';
import type React from 'react';
import { FittedLine } from './FittedLine.js';
import { gapBetween, truncate } from './line-fit.js';
import { hue } from './colour.js';

export interface HeaderProps {
  participant: string;
  coder: string;
  /** Progress and save state, already worded. */
  right: string;
  /** Shown in red before the rest when the last save failed. */
  alert: string | null;
  width: number;
}

export function Header({ participant, coder, right, alert, width }: HeaderProps): React.JSX.Element {
  const left = `${participant} · ${coder}`;
  const rightText = truncate(alert !== null ? `${alert}  ${right}` : right, Math.max(0, width - left.length - 2));
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
