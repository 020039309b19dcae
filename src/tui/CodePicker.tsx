/**
 * The list picker used to apply codes, edit a segment's codes, choose the theme of a new
 * code, or choose what to remove. Drawn from the session's picker state; keys are handled by
 * the session.
 */
import { Box, Text } from 'ink';
import type React from 'react';
import { useRef } from 'react';
import { windowTop } from './layout.js';
import { truncate } from './line-fit.js';
import type { Picker } from './session.js';
import { hue } from './colour.js';

export interface CodePickerProps {
  picker: Picker;
  title: string;
  /** Line shown when nothing matches. */
  empty: string;
  height: number;
  width: number;
}

export function CodePicker({ picker, title, empty, height, width }: CodePickerProps): React.JSX.Element {
  const topRef = useRef(0);
  const listRows = Math.max(1, height - 3);
  const top = windowTop(topRef.current, { first: picker.highlighted, last: picker.highlighted }, listRows, picker.items.length, 0);
  topRef.current = top;
  const checkable = picker.purpose === 'apply' || picker.purpose === 'edit' || picker.purpose === 'hits';
  const typing = picker.purpose !== 'remove';
  const highlighted = picker.items[picker.highlighted];

  const rows: React.JSX.Element[] = [];
  for (let i = 0; i < listRows; i++) {
    const index = top + i;
    const item = picker.items[index];
    if (item === undefined) {
      rows.push(<Text key={i}> </Text>);
      continue;
    }
    const current = index === picker.highlighted;
    const number = index < 9 ? String(index + 1) : ' ';
    const checked = item.id !== null && picker.checked.includes(item.id);
    const path = item.note !== undefined ? `  ${item.note}` : item.path.length > 0 ? `  ${item.path.join(' › ')}` : '';
    rows.push(
      <Text key={i} wrap="truncate-end">
        <Text color={hue('cyan')} bold>
          {current ? '›' : ' '}
        </Text>
        <Text dimColor>{` ${number} `}</Text>
        {checkable ? <Text color={hue(checked ? 'green' : undefined)}>{checked ? '[x] ' : '[ ] '}</Text> : null}
        <Text bold={current} inverse={current}>
          {item.label}
        </Text>
        <Text dimColor>{path}</Text>
      </Text>,
    );
  }

  const footer =
    picker.items.length === 0 ? empty : highlighted?.detail !== undefined ? highlighted.detail : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {typing ? (
        <Text wrap="truncate-end">
          <Text color={hue('cyan')}>{'› '}</Text>
          {picker.query}
          <Text inverse> </Text>
          {picker.checked.length > 0 && checkable ? <Text dimColor>{`   ${picker.checked.length} ✓`}</Text> : null}
        </Text>
      ) : (
        <Text> </Text>
      )}
      {rows}
      <Text dimColor wrap="truncate-end">
        {truncate(footer === '' ? ' ' : footer, width)}
      </Text>
    </Box>
  );
}
