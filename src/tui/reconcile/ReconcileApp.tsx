/**
 * The reconciliation screen of `codage reconcile`: a thin shell over the pure reducer
 * (reconcile.ts). Keys → actions → state → frame. It never touches the disk: each decision goes
 * out through `onDecide` (which saves it at once, and may throw), quitting through `onQuit`.
 */
import { Box, Text, useApp } from 'ink';
import type React from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Disagreement, SideItem } from '../../core/analysis/agreement/disagreements.js';
import { choiceLabel, type Decision } from '../../core/consensus/decisions.js';
import { kindLabel } from '../../core/consensus/log.js';
import type { SegmentNotes } from '../../core/consensus/notes.js';
import { codeLabel } from '../../core/codebook/query.js';
import { transcriptOffsets } from '../../core/study/anchor-codings.js';
import type { Codebook, Language } from '../../core/types.js';
import { CodePicker } from '../CodePicker.js';
import { Header, Rule } from '../Header.js';
import { HelpOverlay, Notices } from '../HelpOverlay.js';
import { GUTTER_WIDTH, LayoutCache, rowsOf, windowTop } from '../layout.js';
import { excerpt, truncate } from '../line-fit.js';
import { textWidth } from '../../core/text/width.js';
import { mergeSpans } from '../../core/spans.js';
import { StatusBar } from '../StatusBar.js';
import { TextPrompt } from '../TextPrompt.js';
import { useRawInput, useTerminalSize } from '../use-terminal.js';
import { ContextView, type ContextMarks } from './ContextView.js';
import { feedInput } from './keymap.js';
import { currentItem, decidedCount, decisionOf, hasMemos, initReconcile, reduce } from './reconcile.js';
import type { Action, Effect, ReconcileInput, ReconcileItem, ReconcileState } from './state.js';
import type { HelpGroup } from '../strings.js';
import { reconcileStrings, type ReconcileStrings } from './strings.js';

export interface ReconcileAppProps extends ReconcileInput {
  /** Saves a decision at once (log and consensus); throws when it cannot (the screen says so). */
  onDecide: (decision: Decision) => void;
  onQuit: () => void;
}

const MIN_SIZE = { columns: 40, rows: 12 };

/** Rows: header, rule, transcript, rule, panel (5) or picker, status, hints; one row short of the terminal. */
export function reconcileRegions(rows: number, mode: ReconcileState['mode']): { frame: number; body: number; view: number; bottom: number } {
  const frame = Math.max(11, rows - 1);
  const body = frame - 4;
  if (mode === 'help' || mode === 'notices' || mode === 'memos') return { frame, body, view: 0, bottom: 0 };
  const bottom = mode === 'codes' ? Math.min(14, Math.max(7, Math.floor(body * 0.55))) : 5;
  return { frame, body, view: Math.max(1, body - bottom - 1), bottom };
}

function codesText(codes: readonly string[], codebook: Codebook): string {
  return codes.map((c) => codeLabel(codebook, c)).join(', ');
}

/**
 * `A marie : Impuissance ★ — « quote » ✎ memo`: the codes, a star when the coder marked a quote
 * exemplary, the quote, and the coder's memo, each given room on the one row (the memo what the
 * quote leaves, and at least half).
 */
function sideLine(letter: string, coder: string, items: readonly SideItem[], notes: SegmentNotes | undefined, text: string, strings: ReconcileStrings, codebook: Codebook, width: number, language: Language): string {
  const head = `${letter} ${coder}${strings.colon} `;
  if (items.length === 0) return `${head}— ${strings.nothingCoded}`;
  const codes = `${codesText([...new Set(items.flatMap((i) => i.codes))], codebook)}${notes?.exemplary === true ? ' ★' : ''}`;
  const quote = items.map((i) => text.slice(i.start, i.end)).join(' […] ');
  const open = language === 'fr' ? '«\u00a0' : '"';
  const close = language === 'fr' ? '\u00a0»' : '"';
  const room = Math.max(10, width - textWidth(head) - textWidth(codes) - 8);
  const memo = notes?.memo?.replace(/\s+/g, ' ').trim();
  if (memo === undefined || memo === '') return `${head}${codes} — ${open}${excerpt(quote, room)}${close}`;
  // The memo whole when the quote leaves room for it, else at most half of the row's room.
  const quoteNeeds = textWidth(quote.replace(/\s+/g, ' ').trim());
  const memoRoom = Math.max(8, Math.min(textWidth(memo) + 2, Math.max(Math.floor(room / 2), room - 3 - quoteNeeds)));
  return `${head}${codes} — ${open}${excerpt(quote, Math.max(10, room - memoRoom - 3))}${close} ${truncate(`✎ ${memo}`, memoRoom)}`;
}

/** The memos of each side and the note of the disagreement, as written, for reading them whole (`v`). */
function memoGroups(state: ReconcileState, item: ReconcileItem, strings: ReconcileStrings): HelpGroup[] {
  const d = item.disagreement;
  const groups: HelpGroup[] = [];
  for (const [letter, side, coder] of [['A', 'a', state.coders[0]], ['B', 'b', state.coders[1]]] as const) {
    const memo = item.notes?.[side].memo;
    if (!memo) continue;
    const codes = codesText([...new Set(d[side].flatMap((i) => i.codes))], state.codebook);
    groups.push({ title: `${letter} ${coder}${strings.colon} ${codes}`, keys: [['✎', memo]] });
  }
  const note = decisionOf(state, item)?.note;
  if (note) groups.push({ title: strings.note, keys: [['', note]] });
  return groups;
}

function decisionLine(state: ReconcileState, decision: Decision | undefined, strings: ReconcileStrings): string {
  if (decision === undefined || decision.choice === null) return `${strings.decision}${strings.colon} ${strings.pending}`;
  const label = choiceLabel(decision.choice, state.coders[0], state.coders[1])[state.language];
  if (decision.choice !== 'edit') return `${strings.decision}${strings.colon} ${label}`;
  const codes = (decision.edited ?? []).flatMap((e) => e.codes);
  return `${strings.decision}${strings.colon} ${label} (${codesText([...new Set(codes)], state.codebook)})`;
}

function spansOf(d: Disagreement, side: 'a' | 'b'): ContextMarks['a'] {
  return mergeSpans(d[side].map((i) => ({ start: i.start, end: i.end })));
}

export function ReconcileApp(props: ReconcileAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = reconcileStrings(props.language);
  const size = useTerminalSize(MIN_SIZE);

  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<ReconcileState>(() => initReconcile(props));
  const stateRef = useRef(state);
  const quitting = useRef(false);

  const carryOut = useCallback(
    (current: ReconcileState, effect: Effect): ReconcileState => {
      switch (effect.type) {
        case 'save':
          try {
            propsRef.current.onDecide(effect.decision);
            return reduce(current, { type: 'saved' });
          } catch (error) {
            return reduce(current, { type: 'saveFailed', error: error instanceof Error ? error.message : String(error) });
          }
        case 'quit':
          quitting.current = true;
          try {
            propsRef.current.onQuit();
          } finally {
            exit();
          }
          return current;
      }
    },
    [exit],
  );

  const dispatch = useCallback(
    (action: Action): void => {
      let next = reduce(stateRef.current, action);
      for (let round = 0; next.effects.length > 0 && round < 8; round++) {
        const effects = next.effects;
        next = { ...next, effects: [] };
        for (const effect of effects) next = carryOut(next, effect);
      }
      stateRef.current = next;
      setState(next);
    },
    [carryOut],
  );

  // Keys: what the terminal sent is cut into keys (keys.ts), as on the coding screen, so that a
  // burst of keys counts every key; each key reads the state the previous one left.
  const onInput = useCallback(
    (raw: string): void => {
      if (quitting.current) return;
      feedInput(
        stateRef.current,
        raw,
        (_, action) => {
          dispatch(action);
          return stateRef.current;
        },
        () => quitting.current,
      );
    },
    [dispatch],
  );
  useRawInput(onInput);

  const caches = useMemo(() => new Map<string, LayoutCache>(), []);
  const item = currentItem(state);
  const width = size.columns;
  const regions = reconcileRegions(size.rows, state.mode);
  const right = [strings.progress(decidedCount(state), state.items.length), ...(item ? [strings.position(state.index + 1, state.items.length)] : [])].join(' · ');
  const message = state.message !== null ? { text: state.message.text[props.language], tone: state.message.tone } : null;

  let body: React.JSX.Element;
  if (state.mode === 'help') {
    body = <HelpOverlay title={strings.helpTitle} groups={strings.help} top={state.helpTop} height={regions.body} width={width} />;
  } else if (state.mode === 'memos' && item !== undefined) {
    body = <HelpOverlay title={strings.memosTitle(item.transcript.id, item.line)} groups={memoGroups(state, item, strings)} top={state.helpTop} height={regions.body} width={width} />;
  } else if (state.mode === 'notices') {
    body = <Notices title={strings.noticesTitle} notices={state.notices} height={regions.body} />;
  } else if (item === undefined) {
    body = (
      <Box flexDirection="column" height={regions.body}>
        <Text>{strings.noDisagreement}</Text>
      </Box>
    );
  } else {
    const d = item.disagreement;
    const text = item.transcript.text;
    let cache = caches.get(item.transcript.id);
    if (cache === undefined) caches.set(item.transcript.id, (cache = new LayoutCache(text)));
    const layout = cache.get(width - GUTTER_WIDTH);
    const focusSpan = state.edit ?? d;
    const focus = rowsOf(layout, focusSpan.start, focusSpan.end);
    const tall = focus.last - focus.first + 1;
    const centred = Math.max(0, focus.first - Math.max(1, Math.floor((regions.view - tall) / 2)));
    const top = windowTop(centred, focus, regions.view, layout.count);
    const marks: ContextMarks = { a: spansOf(d, 'a'), b: spansOf(d, 'b'), edit: state.edit === null ? null : { start: state.edit.start, end: state.edit.end } };
    const decision = decisionOf(state, item);
    let bottom: React.JSX.Element;
    if (state.mode === 'codes' && state.picker !== null) {
      const q = state.picker.query.trim();
      bottom = <CodePicker picker={state.picker} title={strings.pickerTitle} empty={strings.pickerEmpty(q)} height={regions.bottom} width={width} />;
    } else {
      const kind = kindLabel(d.kind)[props.language];
      const lines = [
        `${d.participant} ${strings.line} ${item.line} · ${kind}`,
        sideLine('A', state.coders[0], d.a, item.notes?.a, text, strings, state.codebook, width, props.language),
        sideLine('B', state.coders[1], d.b, item.notes?.b, text, strings, state.codebook, width, props.language),
      ];
      let tail: React.JSX.Element;
      if (state.mode === 'note' && state.note !== null) {
        tail = <TextPrompt label={strings.noteLabel} value={state.note.value} caret={state.note.caret} width={width} />;
      } else if (state.mode === 'edit' && state.edit !== null) {
        const e = state.edit;
        const codes = e.codes.length === 0 ? strings.noCode : codesText(e.codes, state.codebook);
        const quote = excerpt(text.slice(e.start, e.end), Math.max(10, width - 20));
        const map = transcriptOffsets(item.transcript);
        tail = (
          <>
            <Text bold wrap="truncate-end">{`${strings.edit}${strings.colon} ${props.language === 'fr' ? '«\u00a0' : '"'}${quote}${props.language === 'fr' ? '\u00a0»' : '"'}`}</Text>
            <Text wrap="truncate-end">{`${strings.codes}${strings.colon} ${codes}  ·  ${map.toCodePoint(e.start)}–${map.toCodePoint(e.end)}`}</Text>
          </>
        );
      } else {
        tail = (
          <>
            <Text bold={decision?.choice != null} color={decision?.choice != null ? 'green' : 'yellow'} wrap="truncate-end">
              {decisionLine(state, decision, strings)}
            </Text>
            <Text dimColor wrap="truncate-end">
              {decision?.note !== undefined ? `${strings.note}${strings.colon} ${decision.note}` : ' '}
            </Text>
          </>
        );
      }
      bottom = (
        <>
          <Text bold wrap="truncate-end">
            {lines[0]}
          </Text>
          <Text color="cyan" wrap="truncate-end">
            {lines[1]}
          </Text>
          <Text color="magenta" wrap="truncate-end">
            {lines[2]}
          </Text>
          {tail}
        </>
      );
    }
    body = (
      <>
        <ContextView text={text} layout={layout} top={top} height={regions.view} marks={marks} />
        <Rule width={width} />
        <Box flexDirection="column" height={regions.bottom}>
          {bottom}
        </Box>
      </>
    );
  }

  const position = item === undefined ? '' : `${item.transcript.id} · ${strings.line} ${item.line}`;
  // `v` is offered first where there is something to read whole, so that 80 columns show it.
  const hints = state.mode === 'review' && item !== undefined && hasMemos(state, item) ? [strings.memosHint, ...strings.hints.review] : strings.hints[state.mode];
  return (
    <Box flexDirection="column" width={width} height={regions.frame}>
      <Header participant={strings.title} coder={strings.who(state.coders[0], state.coders[1], state.into)} right={right} alert={state.saveError !== null ? '!' : null} width={width} />
      <Rule width={width} />
      {body}
      <StatusBar message={message} position={position} hints={hints} width={width} />
    </Box>
  );
}
