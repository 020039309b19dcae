/**
 * The review screen of `codage anonymise`: a thin shell over the pure reducer (review.ts). Keys →
 * actions → state → frame. It never touches the disk: when the researcher writes or cancels,
 * `onDone` receives the outcome and the decisions, and the screen closes.
 */
import { Box, Text, useApp } from 'ink';
import type React from 'react';
import { useCallback, useRef, useState } from 'react';
import { fileCounts, type FindingGroup, type ReviewDecision } from '../../core/privacy/review.js';
import { KIND_NAMES } from '../../core/privacy/problems.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { Language } from '../../core/types.js';
import { textWidth } from '../../core/text/width.js';
import { Header, Rule } from '../Header.js';
import { truncate } from '../line-fit.js';
import { StatusBar } from '../StatusBar.js';
import { TextPrompt } from '../TextPrompt.js';
import { useRawInput, useTerminalSize } from '../use-terminal.js';
import { feedInput } from './keymap.js';
import { decidedCount, initReview, labelOf, reduce, type Action, type ReviewState } from './review.js';
import { reviewStrings, type ReviewStrings } from './strings.js';

export interface AnonymiseAppProps {
  groups: readonly FindingGroup[];
  language: Language;
  /** Where the key will be written, and whether that is inside the study folder. */
  keyFile: string;
  keyInsideStudy: boolean;
  onDone: (outcome: 'write' | 'cancel', decisions: readonly (ReviewDecision | undefined)[]) => void;
}

function FindingView({ state, strings, width, height, language }: { state: ReviewState; strings: ReviewStrings; width: number; height: number; language: Language }): React.JSX.Element {
  const group = state.groups[state.index]!;
  const occurrence = group.occurrences[Math.min(state.occurrence, group.occurrences.length - 1)]!;
  const files = fileCounts(group.occurrences);
  const decision = state.decisions[state.index];
  const label = terminalSafe(labelOf(state, state.index));
  const before = terminalSafe(occurrence.context.slice(0, occurrence.at));
  const found = terminalSafe(occurrence.context.slice(occurrence.at, occurrence.at + occurrence.text.length));
  const after = terminalSafe(occurrence.context.slice(occurrence.at + occurrence.text.length));
  const decisionText =
    decision === undefined
      ? strings.undecided(label)
      : decision.type === 'replace'
        ? strings.replaced(label)
        : decision.type === 'keep'
          ? strings.kept
          : strings.skipped;
  const free = Math.max(2, height - (state.mode === 'label' ? 7 : 5));
  const contextRows = Math.min(free, Math.max(1, Math.ceil(textWidth(before + found + after) / width)));
  // The other places of the same text, one line each, in the rows left.
  const others = group.occurrences.map((o, i) => ({ o, i })).filter(({ i }) => i !== state.occurrence);
  const otherRows = free - contextRows - 1;
  const shown = otherRows >= 2 ? others.slice(0, otherRows - 1) : [];
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {strings.quote(terminalSafe(group.text))}
        <Text dimColor>{` · ${KIND_NAMES[group.kind][language]} · ${group.likely ? strings.likely : strings.possible}`}</Text>
      </Text>
      <Text wrap="truncate-end">{truncate(strings.places(group.occurrences.length, files), width)}</Text>
      <Text color="cyan" wrap="truncate-end">
        {`${terminalSafe(occurrence.file)}:${occurrence.line}:${occurrence.column}${occurrence.frontMatter ? ` (${strings.frontMatter})` : ''}  ${state.occurrence + 1}/${group.occurrences.length}`}
      </Text>
      <Box height={contextRows} overflow="hidden">
        <Text wrap="wrap">
          {before}
          <Text inverse bold>
            {found}
          </Text>
          {after}
        </Text>
      </Box>
      <Box flexDirection="column" height={free - contextRows} overflow="hidden">
        <Text> </Text>
        {shown.length > 0 ? <Text dimColor>{strings.otherPlaces(others.length)}</Text> : null}
        {shown.map(({ o, i }) => (
          <Text key={i} dimColor wrap="truncate-end">
            {truncate(`${terminalSafe(`${o.file}:${o.line}:${o.column}`)}  ${terminalSafe(o.context.slice(Math.max(0, o.at - 25)))}`, width)}
          </Text>
        ))}
      </Box>
      <Rule width={width} />
      <Text bold color={decision === undefined ? 'yellow' : 'green'} wrap="truncate-end">
        {decisionText}
      </Text>
      {state.mode === 'label' && state.label !== null ? <TextPrompt label={strings.labelPrompt(terminalSafe(group.text))} value={state.label.value} caret={state.label.caret} width={width} /> : null}
    </Box>
  );
}

function SummaryView({ state, strings, width, height, keyFile, keyInsideStudy }: { state: ReviewState; strings: ReviewStrings; width: number; height: number; keyFile: string; keyInsideStudy: boolean }): React.JSX.Element {
  const lines: { text: string; tone?: 'green' | 'yellow' | 'red' | 'dim' }[] = [];
  const by = (type: ReviewDecision['type'] | 'none') => state.groups.filter((_, i) => (state.decisions[i]?.type ?? 'none') === type);
  const replaced = by('replace');
  const places = replaced.reduce((n, g) => n + g.occurrences.length, 0);
  const files = fileCounts(replaced.flatMap((g) => g.occurrences));
  lines.push({ text: strings.summaryReplace(replaced.length, places, files), tone: 'green' });
  for (const g of replaced) {
    const i = state.groups.indexOf(g);
    lines.push({ text: `  ${terminalSafe(g.text)} → ${terminalSafe(labelOf(state, i))}  ×${g.occurrences.length}` });
  }
  const kept = by('keep');
  lines.push({ text: strings.summaryKeep(kept.length) });
  if (kept.length > 0) lines.push({ text: `  ${kept.map((g) => terminalSafe(g.text)).join(', ')}`, tone: 'dim' });
  const skipped = by('skip');
  const undecided = by('none');
  lines.push({ text: strings.summarySkip(skipped.length, undecided.length) });
  if (skipped.length + undecided.length > 0) lines.push({ text: `  ${[...skipped, ...undecided].map((g) => terminalSafe(g.text)).join(', ')}`, tone: 'dim' });
  lines.push({ text: strings.summaryKey(terminalSafe(keyFile)) });
  if (keyInsideStudy) lines.push({ text: strings.keyInside, tone: 'red' });
  lines.push({ text: strings.summaryAsk, tone: 'yellow' });
  const top = Math.min(state.summaryTop, Math.max(0, lines.length - height + 1));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{strings.summaryTitle}</Text>
      {lines.slice(top, top + height - 1).map((l, i) => (
        <Text key={i} wrap="truncate-end" color={l.tone === 'dim' ? undefined : l.tone} dimColor={l.tone === 'dim'}>
          {truncate(l.text, width)}
        </Text>
      ))}
    </Box>
  );
}

export function AnonymiseApp(props: AnonymiseAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = reviewStrings(props.language);
  const size = useTerminalSize();

  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<ReviewState>(() => initReview(props.groups));
  const stateRef = useRef(state);

  const dispatch = useCallback(
    (action: Action): void => {
      const next = reduce(stateRef.current, action);
      stateRef.current = next;
      setState(next);
      if (next.outcome !== null) {
        try {
          propsRef.current.onDone(next.outcome, next.decisions);
        } finally {
          exit();
        }
      }
    },
    [exit],
  );

  const onInput = useCallback(
    (raw: string): void => {
      if (stateRef.current.outcome !== null) return;
      feedInput(stateRef.current, raw, (_, action) => {
        dispatch(action);
        return stateRef.current;
      });
    },
    [dispatch],
  );
  useRawInput(onInput);

  const width = size.columns;
  const frame = Math.max(11, size.rows - 1);
  const body = frame - 4;
  const right = `${strings.progress(decidedCount(state), state.groups.length)} · ${strings.position(state.index + 1, state.groups.length)}`;
  let view: React.JSX.Element;
  if (state.mode === 'summary' || (state.mode === 'quit' && state.back === 'summary') || state.groups.length === 0) {
    view = <SummaryView state={state} strings={strings} width={width} height={body} keyFile={props.keyFile} keyInsideStudy={props.keyInsideStudy} />;
  } else {
    view = <FindingView state={state} strings={strings} width={width} height={body} language={props.language} />;
  }
  const message =
    state.mode === 'quit'
      ? { text: strings.quitAsk, tone: 'error' as const }
      : state.message === null
        ? null
        : { text: terminalSafe(state.message.text[props.language]), tone: state.message.tone };
  return (
    <Box flexDirection="column" width={width} height={frame}>
      <Header participant={strings.title} coder={strings.subtitle(state.groups.length)} right={right} alert={null} width={width} />
      <Rule width={width} />
      {view}
      <StatusBar message={message} position="" hints={strings.hints[state.mode]} width={width} />
    </Box>
  );
}
