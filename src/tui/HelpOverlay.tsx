/** Every key, by group, in place of the transcript; scrolls when the terminal is short. */
import { Box, Text } from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import type { HelpGroup } from './strings.js';
import { truncate } from './line-fit.js';

export interface HelpOverlayProps {
  title: string;
  groups: HelpGroup[];
  top: number;
  height: number;
  width: number;
}

type Line = { kind: 'title' | 'group' | 'key' | 'blank'; keys?: string; text: string };

export function helpLines(title: string, groups: HelpGroup[]): Line[] {
  const lines: Line[] = [{ kind: 'title', text: title }];
  for (const group of groups) {
    lines.push({ kind: 'blank', text: '' }, { kind: 'group', text: group.title });
    for (const [keys, what] of group.keys) lines.push({ kind: 'key', keys, text: what });
  }
  return lines;
}

export function HelpOverlay({ title, groups, top, height, width }: HelpOverlayProps): React.JSX.Element {
  const lines = helpLines(title, groups);
  const keyWidth = Math.min(30, Math.max(...lines.map((l) => stringWidth(l.keys ?? ''))) + 2);
  const first = Math.min(top, Math.max(0, lines.length - height));
  const shown = lines.slice(first, first + height);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => {
        if (line.kind === 'title') {
          return (
            <Text key={i} bold color="cyan" wrap="truncate-end">
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
        const pad = ' '.repeat(Math.max(1, keyWidth - stringWidth(keys)));
        return (
          <Text key={i} wrap="truncate-end">
            {'  '}
            <Text color="cyan">{keys}</Text>
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
      <Text bold color="cyan">
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
