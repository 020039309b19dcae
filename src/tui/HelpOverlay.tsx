/** Every key, by group, in place of the transcript; scrolls when the terminal is short. */
import { Box, Text } from 'ink';
import type React from 'react';
import { textWidth } from '../core/text/width.js';
import wrapAnsi from 'wrap-ansi';
import type { HelpGroup } from './strings.js';
import { truncate } from './line-fit.js';
import { hue } from './colour.js';

export interface HelpOverlayProps {
  title: string;
  groups: HelpGroup[];
  top: number;
  height: number;
  width: number;
}

type Line = { kind: 'title' | 'group' | 'key' | 'blank'; keys?: string; text: string };

/** Width of the keys column: the widest keys, within a third of the screen. */
function keysWidth(groups: HelpGroup[], width: number): number {
  let widest = 0;
  for (const group of groups) for (const [keys] of group.keys) widest = Math.max(widest, textWidth(keys));
  return Math.min(Math.max(12, Math.floor(width / 3)), widest + 2);
}

/**
 * The help as screen lines for `width` columns: a description longer than its column goes on
 * below, aligned (the help scrolls), rather than being cut; keys too long for their column too.
 */
export function helpLines(title: string, groups: HelpGroup[], width = Infinity): Line[] {
  const keyWidth = keysWidth(groups, width);
  const room = Number.isFinite(width) ? Math.max(10, width - keyWidth - 2) : Infinity;
  const lines: Line[] = [{ kind: 'title', text: title }];
  for (const group of groups) {
    lines.push({ kind: 'blank', text: '' }, { kind: 'group', text: group.title });
    for (const [keys, what] of group.keys) {
      const parts = Number.isFinite(room) ? wrapAnsi(what, room, { hard: true, trim: true }).split('\n') : [what];
      if (textWidth(keys) > keyWidth - 1) {
        lines.push({ kind: 'key', keys, text: '' });
        for (const part of parts) lines.push({ kind: 'key', keys: '', text: part });
      } else {
        for (const [i, part] of parts.entries()) lines.push({ kind: 'key', keys: i === 0 ? keys : '', text: part });
      }
    }
  }
  return lines;
}

export function HelpOverlay({ title, groups, top, height, width }: HelpOverlayProps): React.JSX.Element {
  const lines = helpLines(title, groups, width);
  const keyWidth = keysWidth(groups, width);
  const first = Math.min(top, Math.max(0, lines.length - height));
  const shown = lines.slice(first, first + height);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => {
        if (line.kind === 'title') {
          return (
            <Text key={i} bold color={hue('cyan')} wrap="truncate-end">
              {line.text}
            </Text>
          );
        }
        if (line.kind === 'group') {
          return (
            <Text key={i} bold wrap="truncate-end">
              {line.text}
            </Text>
          );
        }
        if (line.kind === 'blank') return <Text key={i}> </Text>;
        const keys = line.keys ?? '';
        if (line.text === '') {
          return (
            <Text key={i} wrap="truncate-end">
              {'  '}
              <Text color={hue('cyan')}>{keys}</Text>
            </Text>
          );
        }
        const pad = ' '.repeat(Math.max(1, keyWidth - textWidth(keys)));
        return (
          <Text key={i} wrap="truncate-end">
            {'  '}
            <Text color={hue('cyan')}>{keys}</Text>
            {pad}
            {truncate(line.text, Math.max(0, width - keyWidth - 2))}
          </Text>
        );
      })}
    </Box>
  );
}

export interface NoticesProps {
  title: string;
  notices: string[];
  height: number;
}

/** What the caller wants the coder to know before starting (e.g. segments re-anchored). */
export function Notices({ title, notices, height }: NoticesProps): React.JSX.Element {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold color={hue('cyan')}>
        {title}
      </Text>
      <Text> </Text>
      {notices.map((notice, i) => (
        <Text key={i} wrap="wrap">
          • {notice}
        </Text>
      ))}
    </Box>
  );
}
