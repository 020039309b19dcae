/**
 * The list picker used to apply codes, edit a segment's codes, choose the theme of a new
 * code, or choose what to remove. Drawn from the session's picker state; keys are handled by
 * the session.
 */
import { terminalSafe } from '../core/text/terminal.js';
import { Box, Text } from 'ink';
import type React from 'react';
import { useRef } from 'react';
import { windowTop } from './layout.js';
import { truncate, wrapWords } from './line-fit.js';
import type { Picker } from './session.js';
import { hue } from './colour.js';

export interface CodePickerProps {
  picker: Picker;
  title: string;
  /** Line shown when nothing matches. */
  empty: string;
  /** Line shown under the list when the highlighted item has nothing to say. */
  hint?: string;
  /** Beside the filter, how many items are checked: `2 codes checked`. */
  checkedLabel?: (count: number) => string;
  height: number;
  width: number;
}

/**
 * The rows of an item's detail within `rows`: its first line (a code's definition) wrapped
 * between whole words over the rows the other lines (a suggestion's reason) leave, cut with `…`
 * on its last row; then the other lines, one row each.
 */
function detailLines(detail: readonly string[], width: number, rows: number): string[] {
  const [first, ...rest] = detail;
  if (first === undefined) return [];
  return [...wrapWords(first, width, Math.max(1, rows - rest.length)), ...rest];
}

export function CodePicker({ picker, title, empty, hint, checkedLabel, height, width }: CodePickerProps): React.JSX.Element {
  const topRef = useRef(0);
  // Detail lines under the list: as many as the items need (two at most), the list keeping three rows.
  // Counted over every item, so the list does not change height as the highlight moves.
  const detailRows = Math.max(1, Math.min(2, height - 5, Math.max(0, ...picker.items.map((item) => detailLines(item.detail ?? [], width, 2).length))));
  const listRows = Math.max(1, height - 2 - detailRows);
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
    // Names from the codebook, shown with their control and direction characters escaped (`\u202e`).
    const path = terminalSafe(item.note !== undefined ? `  ${item.note}` : item.path.length > 0 ? `  ${item.path.join(' › ')}` : '');
    rows.push(
      <Text key={i} wrap="truncate-end">
        <Text color={hue('cyan')} bold>
          {current ? '›' : ' '}
        </Text>
        <Text dimColor>{` ${number} `}</Text>
        {checkable ? <Text color={hue(checked ? 'green' : undefined)}>{checked ? '[x] ' : '[ ] '}</Text> : null}
        {item.lead !== undefined ? <Text dimColor>{`${item.lead} `}</Text> : null}
        <Text bold={current} inverse={current}>
          {terminalSafe(item.label)}
        </Text>
        <Text dimColor>{path}</Text>
      </Text>,
    );
  }

  const detail = picker.items.length === 0 ? [empty] : highlighted?.detail !== undefined ? detailLines(highlighted.detail.map(terminalSafe), width, detailRows) : hint !== undefined ? [hint] : [];
  // Lines past the rows there are join the last row.
  const footer = Array.from({ length: detailRows }, (_, i) => (i < detailRows - 1 ? (detail[i] ?? '') : detail.slice(i).join('  ')));
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
          {picker.checked.length > 0 && checkable ? <Text dimColor>{`   ✓ ${checkedLabel?.(picker.checked.length) ?? picker.checked.length}`}</Text> : null}
        </Text>
      ) : (
        <Text> </Text>
      )}
      {rows}
      {footer.map((line, i) => (
        <Text key={`detail${i}`} dimColor wrap="truncate-end">
          {truncate(line === '' ? ' ' : line, width)}
        </Text>
      ))}
    </Box>
  );
}
