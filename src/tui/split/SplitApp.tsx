/**
 * The split screen of `codage codebook split A --into A1 A2 …`: a thin shell over the pure
 * reducer (split.ts). Keys → actions → state → frame. It never touches the disk: when the
 * researcher confirms or leaves, `onDone` receives the final state and the command writes (or not).
 */
import chalk from 'chalk';
import { Box, Text, useApp } from 'ink';
import { useRawInput, useTerminalSize } from '../use-terminal.js';
import type React from 'react';
import { useCallback, useRef, useState } from 'react';
import { textWidth } from '../../core/text/width.js';
import { terminalSafe as t } from '../../core/text/terminal.js';
import { wrapRuns, type Run } from '../../core/text/wrap.js';
import { FittedLine } from '../FittedLine.js';
import { Header, Rule } from '../Header.js';
import { HelpOverlay } from '../HelpOverlay.js';
import { excerpt, truncate } from '../line-fit.js';
import { StatusBar } from '../StatusBar.js';
import { feedInput } from './keymap.js';
import { chosenCount, countsByCode, initSplit, reduceSplit, type SplitAction, type SplitInput, type SplitState } from './split.js';
import { splitStrings, type SplitStrings } from './strings.js';

export interface SplitAppProps extends SplitInput {
  /** The transcript text around item `index`: `sentences` whole sentences before and after it. */
  contextOf: (index: number, sentences: number) => { before: string; after: string };
  /** Called once, when the researcher confirms the split or leaves. */
  onDone: (state: SplitState) => void;
}

/** Rows: header, keys, rule, list, rule, detail, status (2); one row short of the terminal. */
export function splitRegions(rows: number): { frame: number; list: number; detail: number } {
  const frame = Math.max(11, rows - 1);
  const detail = Math.max(3, Math.min(8, Math.floor((frame - 6) * 0.4)));
  return { frame, list: Math.max(1, frame - 6 - detail), detail };
}

const COLOURS = [chalk.cyan, chalk.magenta, chalk.green, chalk.yellow, chalk.blue, chalk.red] as const;

function colourOf(index: number): (text: string) => string {
  return COLOURS[index % COLOURS.length] as (text: string) => string;
}

/** The key that chooses new code `index`, as shown: its digit, and its initial when it has one. */
function keysOf(state: SplitState, index: number): string[] {
  return [...state.keys].filter(([, i]) => i === index).map(([k]) => k);
}

/** `1·c Colère 3 · 2·l Lassitude 1 · ? 4`: the new codes, their keys and how many quotes each has. */
function codesLine(state: SplitState, width: number): string {
  const counts = countsByCode(state);
  const parts = state.into.map((name, i) => {
    const keys = keysOf(state, i).join('·');
    const keep = i === state.keeps ? '=' : '';
    return colourOf(i)(`${keys} ${keep}${t(name)} ${counts[i] ?? 0}`);
  });
  const left = state.choices.filter((c) => c === null).length;
  if (left > 0) parts.push(chalk.yellow(`? ${left}`));
  const plain = parts.map((p) => p.replace(/\x1b\[[0-9;]*m/g, ''));
  let out = '';
  let used = 0;
  for (const [i, part] of parts.entries()) {
    const w = textWidth(plain[i] as string) + (i === 0 ? 0 : 3);
    if (used + w > width) break;
    out += (i === 0 ? '' : chalk.dim(' · ')) + part;
    used += w;
  }
  return out;
}

function tagOf(state: SplitState, index: number, width: number, strings: SplitStrings): { plain: string; styled: string } {
  const choice = state.choices[index];
  if (choice === null || choice === undefined) {
    const plain = strings.none.padEnd(width);
    return { plain, styled: chalk.yellow(plain) };
  }
  const key = keysOf(state, choice)[0] ?? '';
  const plain = truncate(`${key} ${t(state.into[choice] as string)}`, width).padEnd(width);
  return { plain, styled: choice === state.keeps ? chalk.dim(plain) : colourOf(choice)(plain) };
}

/** One row of the list: cursor, the new code chosen, label, the quote fitted to the width, other codes. */
function itemRow(state: SplitState, index: number, width: number, tagWidth: number, strings: SplitStrings): string {
  const item = state.items[index]!;
  const current = index === state.cursor;
  const pointer = current ? '▸ ' : '  ';
  const tag = tagOf(state, index, tagWidth, strings);
  const who = state.coders.length > 1 ? ` ${t(item.coder)}` : '';
  const label = `${t(item.label)}${who} `;
  const others = item.otherCodes.length > 0 ? ` +${item.otherCodes.map(t).join(', +')}` : '';
  const fixed = textWidth(pointer) + tagWidth + 1 + textWidth(label);
  const othersShown = truncate(others, Math.max(0, Math.floor((width - fixed) / 3)));
  const room = Math.max(4, width - fixed - textWidth(othersShown));
  // `excerpt` may go two columns over when it cuts in the middle.
  let quote = excerpt(t(item.text), room);
  if (textWidth(quote) > room) quote = excerpt(t(item.text), room - 2);
  const text = item.unplaced ? chalk.red(quote) : current ? chalk.bold(quote) : quote;
  return `${current ? chalk.bold(pointer) : pointer}${tag.styled} ${chalk.dim(label)}${text}${chalk.dim(othersShown)}`;
}

function detailLines(state: SplitState, props: SplitAppProps, width: number, height: number, strings: SplitStrings): string[] {
  const item = state.items[state.cursor];
  if (item === undefined) return [];
  const runs: Run<'dim' | 'bold'>[] = [];
  const around = state.context > 0 && !item.unplaced ? props.contextOf(state.cursor, state.context) : { before: '', after: '' };
  const before = t(around.before.replace(/\s+/g, ' ')).trim();
  const after = t(around.after.replace(/\s+/g, ' ')).trim();
  const colour = chalk.level > 0;
  if (before !== '') runs.push({ text: colour ? `… ${before}` : `[… ${before}]`, style: 'dim' });
  const open = state.language === 'fr' ? '«\u00a0' : '“';
  const close = state.language === 'fr' ? '\u00a0»' : '”';
  runs.push({ text: `${open}${t(item.text.replace(/\s+/g, ' '))}${close}`, style: 'bold' });
  if (after !== '') runs.push({ text: colour ? `${after} …` : `[${after} …]`, style: 'dim' });
  runs.push({ text: t(item.label) });
  const paint = (text: string, style: 'dim' | 'bold') => (style === 'dim' ? chalk.dim(text) : chalk.bold(text));
  // Each line of information: a styled name, then its value cut to what is left of the width.
  const info: string[] = [];
  const labelled = (name: string, style: (text: string) => string, value: string) => {
    const head = `${name}${strings.colon} `;
    info.push(`${style(head)}${truncate(value, Math.max(1, width - textWidth(head)))}`);
  };
  if (item.unplaced) info.push(chalk.red(truncate(strings.unplaced, width)));
  if (item.otherCodes.length > 0) labelled(strings.codes, chalk.dim, item.otherCodes.map(t).join(', '));
  for (const memo of item.memos) labelled(strings.memo, chalk.cyan, t(memo.replace(/\s+/g, ' ')));
  const quoteLines = wrapRuns(runs, width, { paint }).trimEnd().split('\n');
  const room = Math.max(1, height - info.length);
  // When the quote and its context are taller than the panel, the quote's own lines stay in view:
  // the context before is cut from the top.
  const shown = quoteLines.length > room ? quoteLines.slice(quoteLines.length - room) : quoteLines;
  return [...shown, ...info].slice(0, height);
}

export function SplitApp(props: SplitAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = splitStrings(props.language);
  const size = useTerminalSize();

  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<SplitState>(() => initSplit(props));
  const stateRef = useRef(state);
  const done = useRef(false);

  const dispatch = useCallback(
    (action: SplitAction): SplitState => {
      const next = reduceSplit(stateRef.current, action);
      stateRef.current = next;
      setState(next);
      if (next.outcome !== null && !done.current) {
        done.current = true;
        try {
          propsRef.current.onDone(next);
        } finally {
          exit();
        }
      }
      return next;
    },
    [exit],
  );

  const onInput = useCallback(
    (raw: string): void => {
      if (done.current) return;
      feedInput(stateRef.current, raw, (_, action) => dispatch(action));
    },
    [dispatch],
  );
  useRawInput(onInput);

  const width = size.columns;
  const regions = splitRegions(size.rows);
  const total = state.items.length;
  const right = [strings.chosen(chosenCount(state), total), ...(total > 0 ? [strings.position(state.cursor + 1, total)] : [])].join(' · ');
  const message = state.message !== null ? { text: state.message.text[props.language], tone: state.message.tone } : null;
  const position = state.context > 0 ? strings.context(state.context) : '';

  let body: React.JSX.Element;
  if (state.mode === 'help') {
    body = <HelpOverlay title={strings.helpTitle} groups={strings.help} top={0} height={regions.list + regions.detail + 2} width={width} />;
  } else if (total === 0) {
    body = (
      <Box flexDirection="column" height={regions.list + regions.detail + 2}>
        <Text>{strings.empty}</Text>
      </Box>
    );
  } else {
    const tagWidth = Math.min(18, Math.max(3, ...state.into.map((name, i) => textWidth(`${keysOf(state, i)[0] ?? ''} ${t(name)}`))));
    const top = Math.max(0, Math.min(state.cursor - Math.floor(regions.list / 2), total - regions.list));
    const rows: React.JSX.Element[] = [];
    for (let i = top; i < Math.min(total, top + regions.list); i++) {
      const line = itemRow(state, i, width, tagWidth, strings);
      rows.push(<FittedLine key={i} line={line} label={state.items[i]!.text} />);
    }
    const detail = detailLines(state, props, width, regions.detail, strings);
    body = (
      <>
        <Box flexDirection="column" height={regions.list}>
          {rows}
        </Box>
        <Rule width={width} />
        <Box flexDirection="column" height={regions.detail}>
          {detail.map((line, i) => (
            <FittedLine key={i} line={line} label="" />
          ))}
        </Box>
      </>
    );
  }
  const coders = props.coders.length > 1 ? props.coders.map(t).join(', ') : (props.coders[0] ?? '');
  return (
    <Box flexDirection="column" width={width} height={regions.frame}>
      <Header participant={strings.title(t(props.code))} coder={t(coders)} right={right} alert={null} width={width} />
      <FittedLine line={codesLine(state, width)} label="" />
      <Rule width={width} />
      {body}
      <StatusBar message={message} position={position} hints={strings.hints[state.mode]} width={width} />
    </Box>
  );
}
