/**
 * The interactive coding screen of `codage code`.
 *
 * A thin shell over the pure session reducer: keys → actions (`keyToAction`) → new state
 * (`reduce`) → frame. It never touches the disk: codings go out through `onChange` after every
 * change, new codes through `onCreateCode`, the final position through `onQuit`.
 */
import { terminalSafe } from '../core/text/terminal.js';
import { Box, Text, useApp } from 'ink';
import { useRawInput, useTerminalSize } from './use-terminal.js';
import type React from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Codebook, Language, Sentence, Span, Transcript, Turn } from '../core/types.js';
import { CodePicker } from './CodePicker.js';
import { themePathOf } from './picker.js';
import { frameRegions, type Regions } from './frame.js';
import { Header, Rule } from './Header.js';
import { HelpOverlay, Notices } from './HelpOverlay.js';
import { feedInput, type KeyContext } from './keymap.js';
import { GUTTER_WIDTH, LayoutCache, layoutText, rowsOf, windowTop, type Layout } from './layout.js';
import { textWidth } from '../core/text/width.js';
import { spanSpeakers, spanTurns } from '../core/transcript/span-turns.js';
import { excerpt, fitPart } from './line-fit.js';
import type { Marks } from './row-style.js';
import { SegmentPanel, type SegmentPanelProps } from './SegmentPanel.js';
import {
  activeSegment,
  codeName,
  codePath,
  currentMatch,
  currentSpan,
  initSession,
  lineOf,
  progress,
  reduce,
  screenPosition,
  segmentsUnderCursor,
  sessionSegmentCount,
  type Action,
  type Effect,
  type ScreenMemos,
  type Suggest,
  type ScreenPosition,
  type ScreenSegment,
  type TranscriptEntry,
  type TranscriptHistory,
  type SessionState,
} from './session.js';
import { StatusBar } from './StatusBar.js';
import { percent, screenStrings, type ScreenStrings } from './strings.js';
import { TextPrompt, wrappedRows } from './TextPrompt.js';
import { TranscriptView } from './TranscriptView.js';
import { unitAt } from './word-units.js';
import { hue } from './colour.js';

export type { ScreenMemos, ScreenPosition, ScreenSegment, TranscriptEntry } from './session.js';

/** A new code asked for on the screen. */
export interface NewCodeRequest {
  name: string;
  themeId: string | null;
  /** Themes to create first: the first inside `themeId`, each next one inside the one before. */
  newThemes?: string[];
}

export interface CodingAppProps {
  transcript: Transcript;
  sentences: Sentence[];
  codebook: Codebook;
  /** This coder's segments in this transcript. */
  segments: ScreenSegment[];
  transcriptMemo?: string;
  /** The study's memos on this transcript and on the codes (codage memo). */
  memos?: ScreenMemos;
  /** Code suggestions from this coder's own coding (absent: none shown). */
  suggest?: Suggest;
  coder: string;
  /** All screen text in French or English. */
  language: Language;
  /** Character offset where the coder stopped last time. */
  initialCursor?: number;
  /** What the coder read in earlier sessions (counted in "read"). */
  read?: Span[];
  /** Code ids, most recent first. */
  recentCodes?: string[];
  /** Shown once at start (e.g. the re-anchoring report). */
  notices?: string[];
  newSegmentId: () => string;
  wordSpans: (start: number, end: number) => Span[];
  /**
   * Called after every action that changes codings (including undo/redo). The caller saves
   * atomically and may throw: the error is shown on the status line, the state is kept, and
   * the next change (or quitting) saves again.
   */
  /** `transcriptMemo`: the memo on the whole transcript, '' when there is none (removed). */
  onChange: (change: { segments: ScreenSegment[]; transcriptMemo: string; recentCodes: string[] }) => void;
  /** The caller writes codebook.yaml and returns the new codebook; may throw (message shown). */
  /**
   * The caller writes codebook.yaml (the code in `themeId`, or in the `newThemes` it creates there
   * first, each inside the one before) and returns the new codebook; may throw (message shown).
   */
  onCreateCode: (input: NewCodeRequest) => { codebook: Codebook; id: string };
  /** Where the coder stopped, when quitting (also on a signal: see `runCodingScreen`). */
  onQuit: (position: ScreenPosition) => void;
  /**
   * Where the coder is, to remember it before a crash or a closed window could lose it: with
   * every change to the codings, and a second after the cursor last moved. May throw (ignored:
   * it is only a convenience).
   */
  onPosition?: (position: ScreenPosition, recentCodes: string[]) => void;
  /**
   * Removes a code no coding uses any more from codebook.yaml (offered after undoing the coding
   * that created it); resolves with the new codebook, or rejects with the reason it was kept.
   */
  onRemoveCode?: (id: string) => Promise<Codebook>;
  lastSaved?: () => Date | null;
  /** Called once the first frame is drawn: work that can wait (the suggestion index) starts then. */
  onShown?: () => void;
  /** Kept up to date with the position (used by `runCodingScreen` on signals). */
  positionRef?: { current: ScreenPosition };
  /** The transcripts of the study with this coder's progress, for the switcher (t). */
  listTranscripts?: () => TranscriptEntry[];
  /** The screen's data for another transcript (null: it cannot be opened). */
  onOpenTranscript?: (id: string) => CodingAppProps | null;
  /**
   * The codebook as it is on disk now when codebook.yaml changed since the screen last read or
   * wrote it (a command in another terminal), else null. Asked every two seconds.
   */
  freshCodebook?: () => Codebook | null;
  /** This transcript's undo and redo from earlier in the session (see CodingScreen). */
  history?: TranscriptHistory;
  /** Called when the screen leaves this transcript, with its undo and redo. */
  keepHistory?: (history: TranscriptHistory) => void;
  /** Set by `CodingScreen`: shows another transcript in place of this one. */
  switchTo?: (id: string) => boolean;
}

/** An error as the screen shows it: in the screen's language when the error has both. */
function errorText(error: unknown, language: Language): string {
  const localized = (error as { localized?: Partial<Record<Language, unknown>> } | null)?.localized;
  const text = localized?.[language];
  if (typeof text === 'string') return text;
  if (error instanceof Error) return error.message;
  return String(error);
}

function clock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Rows the window must keep visible: the selection's moving end, else the current sentence. */
/**
 * The rows the window keeps in sight: the moving end of a selection; else the current sentence,
 * or, in a sentence taller than the window (a long answer never cut by a full stop), the word the
 * cursor is on (a search hit, `w`), so that what the status line names is on screen.
 */
function focusRows(state: SessionState, layout: Layout, viewRows: number): { first: number; last: number } {
  const sel = state.selection;
  if (sel !== null) {
    const at = sel.active === 'end' ? Math.max(sel.start, sel.end - 1) : sel.start;
    return rowsOf(layout, at, at + 1);
  }
  const span = currentSpan(state);
  const rows = rowsOf(layout, span.start, span.end);
  if (state.point !== null && rows.last - rows.first + 1 > viewRows - 2) return rowsOf(layout, state.point, state.point + 1);
  return rows;
}

/** How the frame's rows are shared out for this state: a memo being written wraps over up to 6 rows (and half the screen). */
function screenRegions(state: SessionState, size: { columns: number; rows: number }): { regions: Regions; promptRows: number } {
  if (state.mode === 'confirm' && state.confirm !== null) {
    // A question is read whole before it is answered: all its rows, never cut after the second.
    const rows = questionRows(state.confirm.question[state.language], size.columns).length;
    return { regions: frameRegions(size.rows, state.mode, rows), promptRows: 1 };
  }
  const memo = state.mode === 'prompt' && (state.prompt?.purpose === 'segment-memo' || state.prompt?.purpose === 'transcript-memo');
  const promptRows = memo && state.prompt !== null ? Math.max(3, wrappedRows(state.prompt.value, size.columns - 2, 6)) : 1;
  return { regions: frameRegions(size.rows, state.mode, promptRows + 1), promptRows };
}

/** A yes/no question wrapped at word boundaries for `columns` (what is shown is what is counted). */
function questionRows(question: string, columns: number): string[] {
  const layout = layoutText(question, Math.max(8, columns));
  return Array.from({ length: layout.count }, (_, r) => question.slice(layout.rowStart[r], layout.rowEnd[r]));
}

/** The window's first row: where it was (`previousTop`, -1 at first) while the focus stays in sight. */
function placeWindow(state: SessionState, layout: Layout, viewRows: number, previousTop: number): number {
  const focus = focusRows(state, layout, viewRows);
  const firstTop = previousTop < 0 ? Math.max(0, focus.first - Math.floor(viewRows / 3)) : previousTop;
  return viewRows > 0 ? windowTop(firstTop, focus, viewRows, layout.count) : Math.max(0, firstTop);
}

/** The text the window shows from row `top`, or null when it shows none. */
function windowSpan(layout: Layout, top: number, viewRows: number): Span | null {
  const last = Math.min(layout.count, top + viewRows) - 1;
  if (viewRows <= 0 || last < top) return null;
  return { start: layout.rowStart[top] ?? 0, end: layout.rowEnd[last] ?? 0 };
}

/**
 * The word the word cursor is on, or the search match it jumped to when that is no word (an
 * emoji): what is highlighted and named under the text.
 */
function wordAtPoint(state: SessionState, point: number): Span | null {
  const unit = unitAt(state, point);
  if (unit !== null && unit.start <= point) return unit;
  const match = currentMatch(state);
  return match !== null && match.start === point ? match : unit;
}

/** What Enter would create in the theme picker, said in the picker: the parent's path shortened first, then the name typed. */
function themeToCreate(state: SessionState, query: string, strings: ScreenStrings, width: number): string {
  const { themeId, newThemes } = themePathOf(state, query);
  const parent = themeId === null ? null : (state.themes.find((t) => t.id === themeId)?.path.join(' › ') ?? null);
  const typed = newThemes.join(' › ');
  const say = (name: string, path: string | null): string => strings.picker.noTheme(newThemes.length === 0 ? [] : [name], path);
  if (parent === null) return fitPart((name) => say(name, null), typed, width);
  const line = fitPart((path) => say(typed, path), parent, width, 'path');
  return textWidth(line) <= width ? line : fitPart((name) => say(name, '…'), typed, width);
}

/** Whether the codebook has a code yet (an empty one: the picker can only create the first). */
function hasCode(codebook: SessionState['codebook']): boolean {
  for (const node of codebook.byId.values()) if (node.kind === 'code') return true;
  return false;
}

function hintsFor(state: SessionState, strings: ScreenStrings): string[] {
  switch (state.mode) {
    case 'picker':
      return state.picker?.purpose === 'theme'
        ? strings.hints.theme
        : state.picker?.purpose === 'remove'
          ? strings.hints.remove
          : state.picker?.purpose === 'transcript'
            ? strings.hints.transcript
            : state.picker?.purpose === 'hits'
              ? strings.hints.hits
              : state.picker !== null && !hasCode(state.codebook)
                ? strings.hints.firstCode
                : strings.hints.picker;
    case 'prompt':
      return strings.hints.prompt;
    case 'help':
      return strings.hints.help;
    case 'notices':
      return strings.hints.notices;
    case 'confirm':
      return strings.hints.confirm;
    case 'read':
      // On a coded passage, what can be done with its segment first.
      return state.selection !== null ? strings.hints.selecting : segmentsUnderCursor(state).length > 0 ? strings.hints.segment : strings.hints.read;
  }
}

export function CodingApp(props: CodingAppProps): React.JSX.Element {
  const { exit } = useApp();
  const strings = screenStrings(props.language);

  const size = useTerminalSize({ columns: 20, rows: 8 });

  const propsRef = useRef(props);
  propsRef.current = props;
  const [state, setState] = useState<SessionState>(() =>
    initSession({
      transcript: props.transcript,
      sentences: props.sentences,
      codebook: props.codebook,
      segments: props.segments,
      language: props.language,
      newSegmentId: props.newSegmentId,
      wordSpans: props.wordSpans,
      ...(props.transcriptMemo !== undefined ? { transcriptMemo: props.transcriptMemo } : {}),
      ...(props.memos !== undefined ? { memos: props.memos } : {}),
      ...(props.suggest !== undefined ? { suggest: props.suggest } : {}),
      ...(props.initialCursor !== undefined ? { initialCursor: props.initialCursor } : {}),
      ...(props.read !== undefined ? { read: props.read } : {}),
      ...(props.recentCodes !== undefined ? { recentCodes: props.recentCodes } : {}),
      ...(props.notices !== undefined ? { notices: props.notices } : {}),
      ...(props.history !== undefined ? { history: props.history } : {}),
      // Nothing is on screen yet: what the window shows is reported once drawn.
      window: { start: 0, end: 0 },
    }),
  );
  const stateRef = useRef(state);
  // Another transcript opened (`t`): this one's undo is kept for when the coder comes back.
  useEffect(
    () => () => {
      const { undo, redo, initialIds } = stateRef.current;
      propsRef.current.keepHistory?.({ undo, redo, initialIds });
    },
    [],
  );
  const quitting = useRef(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const cache = useMemo(() => new LayoutCache(props.transcript.text), [props.transcript.text]);
  const layout = cache.get(size.columns - GUTTER_WIDTH);
  const sizeRef = useRef(size);
  sizeRef.current = size;
  const { regions, promptRows } = screenRegions(state, size);
  const keyContext = useRef<KeyContext>({ layout, viewRows: regions.view });
  // The window of visible rows: its first row, moved only when the focus reaches one of its edges.
  const topRef = useRef(-1);

  /** Remembers where the coder is (see `onPosition`): now, or once the cursor has rested a second. */
  const positionTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const rememberPosition = useCallback((when: 'now' | 'soon'): void => {
    clearTimeout(positionTimer.current);
    const save = (): void => {
      if (quitting.current) return;
      try {
        propsRef.current.onPosition?.(screenPosition(stateRef.current), stateRef.current.recentCodes);
      } catch {
        // Only a convenience: the codings themselves are saved by onChange.
      }
    };
    if (when === 'now') save();
    else positionTimer.current = setTimeout(save, 1000);
  }, []);
  useEffect(() => {
    propsRef.current.onShown?.();
  }, []);
  useEffect(() => {
    const position = propsRef.current.positionRef;
    if (position !== undefined) position.current = screenPosition(stateRef.current);
    return () => clearTimeout(positionTimer.current);
  }, []);

  /** Applies an action that arrives later (the outcome of an effect that takes time), and draws it. */
  const publishRef = useRef<(action: Action) => void>(() => undefined);
  const publish = useCallback((action: Action) => publishRef.current(action), []);

  /** Does what the reducer asked for and feeds the outcome back to it. */
  const carryOut = useCallback(
    (current: SessionState, effect: Effect): SessionState => {
      const p = propsRef.current;
      switch (effect.type) {
        case 'save':
          try {
            // The transcript's memo as the screen has it: '' when it was removed (or undone), so
            // that the file loses it too.
            p.onChange({ segments: [...effect.segments], transcriptMemo: effect.transcriptMemo ?? '', recentCodes: [...effect.recentCodes] });
            setSavedAt(new Date());
            return reduce(current, { type: 'saved' });
          } catch (error) {
            return reduce(current, { type: 'saveFailed', error: errorText(error, p.language) });
          }
        case 'create-code':
          try {
            const request: NewCodeRequest = { name: effect.name, themeId: effect.themeId };
            if (effect.newThemes !== undefined) request.newThemes = effect.newThemes;
            const created = p.onCreateCode(request);
            return reduce(current, {
              type: 'codeCreated',
              codebook: created.codebook,
              id: created.id,
              ...(effect.newThemes !== undefined ? { themes: effect.newThemes } : {}),
            });
          } catch (error) {
            return reduce(current, { type: 'codeCreateFailed', error: errorText(error, p.language) });
          }
        case 'remove-code': {
          const removal = p.onRemoveCode?.(effect.id) ?? Promise.reject(new Error('—'));
          removal.then(
            (codebook) => publish({ type: 'codeRemoved', codebook, id: effect.id }),
            (error: unknown) => publish({ type: 'codeRemoveFailed', error: errorText(error, p.language) }),
          );
          return current;
        }
        case 'list-transcripts': {
          rememberPosition('now');
          const entries = p.listTranscripts?.() ?? [];
          if (entries.length === 0) return current;
          return reduce(current, { type: 'transcriptsListed', entries });
        }
        case 'open-transcript':
          rememberPosition('now');
          if (p.switchTo?.(effect.id) === true) quitting.current = true;
          return current;
        case 'quit':
          quitting.current = true;
          clearTimeout(positionTimer.current);
          try {
            p.onQuit({ cursor: effect.cursor, furthest: effect.furthest, read: effect.read });
          } finally {
            exit();
          }
          return current;
      }
    },
    [exit, publish, rememberPosition],
  );

  /** Reduces one action and carries out the effects it asks for; the frame is drawn later. */
  const apply = useCallback(
    (action: Action): void => {
      const before = stateRef.current;
      let next = reduce(before, action);
      let saved = false;
      for (let round = 0; next.effects.length > 0 && round < 8; round++) {
        const effects = next.effects;
        next = { ...next, effects: [] };
        for (const effect of effects) {
          saved = saved || effect.type === 'save';
          next = carryOut(next, effect);
        }
      }
      // Where the window now is, and what of the current sentence it shows: read (see `shown`).
      if (!quitting.current) {
        const size = sizeRef.current;
        const viewRows = screenRegions(next, size).regions.view;
        const layout = cache.get(size.columns - GUTTER_WIDTH);
        const top = placeWindow(next, layout, viewRows, topRef.current);
        const shown = windowSpan(layout, top, viewRows);
        if (shown !== null) {
          topRef.current = top;
          keyContext.current = { ...keyContext.current, layout, viewRows, top };
          next = reduce(next, { type: 'shown', window: shown });
        }
      }
      stateRef.current = next;
      const position = propsRef.current.positionRef;
      if (position !== undefined) position.current = screenPosition(next);
      if (saved) rememberPosition('now');
      else if (next.cursor !== before.cursor || next.point !== before.point) rememberPosition('soon');
    },
    [cache, carryOut, rememberPosition],
  );

  publishRef.current = (action: Action) => {
    if (quitting.current) return;
    apply(action);
    setState(stateRef.current);
  };

  // codebook.yaml changed by another command (codebook add, rename in another terminal): shown.
  useEffect(() => {
    const timer = setInterval(() => {
      const codebook = propsRef.current.freshCodebook?.() ?? null;
      if (codebook !== null) publish({ type: 'codebookChanged', codebook });
    }, 2000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, [publish]);

  // Keys: what the terminal sent is cut into keys here (see keys.ts), so that a burst of keys
  // (`jjjjj`, a paste, a held key over SSH) counts every key. The handler reads the state
  // synchronously, so each key reaches the mode the previous one left.
  const pendingInput = useRef('');
  const onInput = useCallback(
    (raw: string): void => {
      if (quitting.current) return;
      let data = pendingInput.current + raw;
      pendingInput.current = '';
      // An old-style (X10) mouse report cut after its `ESC [ M`: wait for its three bytes.
      const x10 = data.lastIndexOf('\x1b[M');
      if (x10 >= 0 && data.length - x10 < 6) {
        pendingInput.current = data.slice(x10);
        data = data.slice(0, x10);
      }
      const before = stateRef.current;
      feedInput(before, data, keyContext.current, (_, action) => {
        // A page move scrolls the window a page (the next key of a burst pages from there).
        if (action.type === 'moveTo' && action.top !== undefined) {
          topRef.current = action.top;
          keyContext.current = { ...keyContext.current, top: action.top };
        }
        apply(action);
        return stateRef.current;
      }, () => quitting.current);
      if (stateRef.current !== before) setState(stateRef.current);
    },
    [apply],
  );
  useRawInput(onInput);

  const top = placeWindow(state, layout, regions.view, topRef.current);
  topRef.current = top;
  // The transcript is drawn under the header and its rule (screen rows 1 and 2).
  keyContext.current = { layout, viewRows: regions.view, top, viewRow: 3 };
  // What the first frame, or a resize, shows of the current sentence is read too.
  const shown = windowSpan(layout, top, regions.view);
  const shownStart = shown?.start ?? -1;
  const shownEnd = shown?.end ?? -1;
  useEffect(() => {
    if (shownStart < 0) return;
    const window = stateRef.current.window;
    if (window === null || window.start !== shownStart || window.end !== shownEnd) publish({ type: 'shown', window: { start: shownStart, end: shownEnd } });
  }, [shownStart, shownEnd, publish]);

  const active = activeSegment(state);
  const current = state.sentences.length > 0 ? currentSpan(state) : null;
  const pointWord = state.point !== null && state.selection === null ? wordAtPoint(state, state.point) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: spans are compared by their offsets, not identity: a new object for the same span must not rebuild the marks
  const marks = useMemo<Marks>(
    () => ({
      labels: state.labels,
      annotations: state.annotations,
      coded: state.coverage,
      matches: state.search?.matches ?? [],
      current: current === null ? null : current,
      selection: state.selection,
      point: pointWord,
      active: active === null ? null : { start: active.start, end: active.end },
    }),
    [state.labels, state.annotations, state.coverage, state.search, current?.start, current?.end, state.selection, pointWord?.start, pointWord?.end, active?.start, active?.end],
  );

  const width = size.columns;
  const p = progress(state);
  const saved = props.lastSaved?.() ?? savedAt;
  const right = [
    `${strings.read} ${percent(p.read, 1, props.language)}`,
    `${strings.coded} ${percent(p.coded, p.speech, props.language)}`,
    strings.sessionSegments(sessionSegmentCount(state)),
    ...(saved !== null ? [strings.saved(clock(saved))] : []),
  ];

  const sentence = state.sentences[state.cursor];
  const speaker = sentence === undefined ? null : (props.transcript.turns[sentence.turn]?.speaker ?? null);
  const line = lineOf(state.lineStarts, current?.start ?? 0) + props.transcript.bodyLine;
  const position = [
    `${strings.line} ${line}`,
    `${strings.sentence} ${state.sentences.length === 0 ? 0 : state.cursor + 1}/${state.sentences.length}`,
    ...(speaker !== null ? [speaker] : []),
  ].join(' · ');
  const message =
    state.message !== null
      ? { text: terminalSafe(state.message.text[props.language]), tone: state.message.tone }
      : state.saveError !== null
        ? { text: `${strings.unsavedError}${strings.colon} ${state.saveError}`, tone: 'error' as const }
        : null;

  let bottom: React.JSX.Element;
  if (state.mode === 'picker' && state.picker !== null) {
    const picker = state.picker;
    const title =
      picker.purpose === 'apply' && picker.targets !== undefined
        ? strings.picker.applyMany(picker.targets.length)
        : picker.purpose === 'hits'
          ? fitPart((q) => strings.picker.hits(q, picker.checked.length, picker.all?.length ?? 0), state.search?.query ?? '', width)
          : picker.purpose === 'apply'
        ? strings.picker.apply(excerpt(state.text.slice(picker.target.start, picker.target.end), Math.max(10, width - 16)))
        : picker.purpose === 'edit'
          ? strings.picker.edit
          : picker.purpose === 'theme'
            ? fitPart(strings.picker.theme, picker.newCodeName ?? '', width)
            : picker.purpose === 'transcript'
              ? strings.picker.transcripts(props.coder)
              : strings.picker.remove;
    const query = picker.query.trim();
    const empty =
      picker.purpose === 'transcript'
        ? strings.picker.noTranscript(query)
        : query === ''
          ? strings.picker.empty
          : picker.purpose === 'theme'
            ? themeToCreate(state, query, strings, width)
            : fitPart([strings.picker.noMatch, strings.picker.create], query, width);
    const hint = picker.purpose === 'theme' ? strings.picker.themeHint : undefined;
    const checkedLabel = (n: number) => strings.picker.checked(n, picker.purpose === 'hits');
    bottom = <CodePicker picker={picker} title={title} empty={empty} {...(hint !== undefined ? { hint } : {})} checkedLabel={checkedLabel} height={regions.bottom} width={width} />;
  } else if (state.mode === 'confirm' && state.confirm !== null) {
    bottom = (
      <>
        {questionRows(state.confirm.question[props.language], width).map((row, i) => (
          <Text key={i} bold color={hue('yellow')} wrap="truncate-end">
            {row}
          </Text>
        ))}
      </>
    );
  } else if (state.mode === 'prompt' && state.prompt !== null) {
    bottom = (
      <TextPrompt
        label={strings.prompts[state.prompt.purpose] + strings.colon}
        value={state.prompt.value}
        caret={state.prompt.caret}
        width={width}
        rows={Math.min(promptRows, regions.bottom - 1)}
      />
    );
  } else {
    const under = segmentsUnderCursor(state);
    const sel = state.selection;
    const segment: SegmentPanelProps['segment'] =
      active === null || sel !== null
        ? null
        : {
            codes: active.codes.map((id) => ({ name: codeName(state, id), path: codePath(state, id) })),
            quote: excerpt(state.text.slice(active.start, active.end), Math.max(10, width - 6)),
            ...(active.memo !== undefined ? { memo: active.memo } : {}),
            ...(active.exemplary === true ? { exemplary: true } : {}),
          };
    const idle =
      sel !== null
        ? selectionLine(sel, props.transcript.turns, props.wordSpans, strings)
        : pointWord !== null
          ? fitPart(strings.word, state.text.slice(pointWord.start, pointWord.end).replace(/\s+/g, ' '), width)
          : state.sentences.length === 0
          ? strings.emptyTranscript
          : strings.uncodedSentence;
    bottom = (
      <SegmentPanel
        segment={segment}
        position={under.length > 1 && segment !== null ? `${(state.segmentCycle % under.length) + 1}/${under.length}` : null}
        idle={idle}
        {...(state.memos.transcript !== undefined && sel === null ? { note: `✎ ${strings.memo} ${state.memos.transcript}` } : {})}
        labels={{ memo: strings.memo, exemplary: strings.exemplary, quote: strings.quote }}
        width={width}
      />
    );
  }

  let body: React.JSX.Element;
  if (state.mode === 'help') {
    body = <HelpOverlay title={strings.helpTitle} groups={strings.help} top={state.helpTop} height={regions.body} width={width} />;
  } else if (state.mode === 'notices') {
    body = <Notices title={strings.noticesTitle} notices={state.notices} height={regions.body} />;
  } else {
    body = (
      <>
        <TranscriptView text={state.text} layout={layout} top={top} height={regions.view} marks={marks} />
        <Rule width={width} />
        <Box flexDirection="column" height={regions.bottom}>
          {bottom}
        </Box>
      </>
    );
  }

  return (
    <Box flexDirection="column" width={width} height={regions.frame}>
      <Header
        participant={props.transcript.id}
        coder={props.coder}
        right={right}
        alert={state.saveError !== null ? strings.unsavedError : null}
        width={width}
      />
      <Rule width={width} />
      {body}
      <StatusBar message={message} position={position} hints={hintsFor(state, strings)} width={width} />
    </Box>
  );
}

/**
 * The coding screen over a session that may go from one transcript to another (t): each
 * transcript gets a fresh `CodingApp`. `currentRef` always holds the transcript shown.
 */
export function CodingScreen({
  first,
  currentRef,
}: {
  first: CodingAppProps;
  currentRef?: { current: CodingAppProps };
}): React.JSX.Element {
  const [current, setCurrent] = useState<CodingAppProps>(first);
  if (currentRef !== undefined) currentRef.current = current;
  // Each transcript's undo and redo, kept while the coder goes to another one and back.
  const histories = useRef(new Map<string, TranscriptHistory>());
  const id = current.transcript.id;
  const history = histories.current.get(id);
  const switchTo = useCallback(
    (id: string): boolean => {
      const next = current.onOpenTranscript?.(id) ?? null;
      if (next === null) return false;
      setCurrent({ ...next, positionRef: current.positionRef });
      return true;
    },
    [current],
  );
  return (
    <CodingApp
      key={id}
      {...current}
      {...(history !== undefined ? { history } : {})}
      keepHistory={(h) => histories.current.set(id, h)}
      switchTo={switchTo}
    />
  );
}

/**
 * What the status line says of a selection: its words of speech (speaker labels and timestamps are
 * not words), and the speakers when it runs over more than one turn — a quote that holds the
 * interviewer's words is then visible before it is coded, not only in the exports.
 */
function selectionLine(sel: Span, turns: readonly Turn[], wordSpans: (start: number, end: number) => Span[], strings: ScreenStrings): string {
  const covered = turns.filter((t) => t.end > sel.start && t.start < sel.end);
  const inLabel = (w: Span) => covered.some((t) => w.start >= t.start && w.start < t.textStart);
  const words = wordSpans(sel.start, sel.end).filter((w) => !inLabel(w)).length;
  return strings.selection(words, spanSpeakers(spanTurns(turns, sel.start, sel.end)));
}

