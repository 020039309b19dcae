/**
 * The coding session as a pure reducer: `reduce(state, action) → state`.
 *
 * Everything the researcher does on the coding screen is an action; the screen only maps keys
 * to actions and renders the state. Side effects (saving, creating a code, quitting) are
 * returned as data in `state.effects` for the screen to carry out, and their outcome comes back
 * as actions (`saved`, `saveFailed`, `codeCreated`, …). No React, no Ink, no timers.
 *
 * The reducer dispatches to one module per concept: cursor (moving), selection, edit-codings
 * (changing the codings), undo, picker, prompt, search; session-state holds the types and
 * session-queries what the screen asks. Offsets are UTF-16 indices into `transcript.text`;
 * spans are half-open.
 */
import { speechRanges } from '../core/analysis/speech.js';
import { mergeSpans } from '../core/spans.js';
import { readableCharacters } from '../core/study/reading.js';
import { codeEntries, themeEntries } from './code-search.js';
import { countOpening, markPassedOver, markRead, moveTurn, moveWord, nextUncoded, placeCursor, setCursor } from './cursor.js';
import { pointer } from './pointer.js';
import { noSegmentHere, replaceSegment, withSave } from './edit-codings.js';
import { confirmCodes, openCodePicker, openTranscriptPicker, reducePicker, removeFromSegment, withItems } from './picker.js';
import { openPrompt, reducePrompt } from './prompt.js';
import { transcriptMarks } from './word-units.js';
import { searchNext } from './search.js';
import { openHitsReview } from './code-hits.js';
import { countOnes, sortSegments, withSegments } from './segment-coverage.js';
import { extend, followSelection, freshSelection } from './selection.js';
import { lineStartsOf, sentenceAt, sentenceFrom, turnBlocksOf } from './sentence-index.js';
import { info, L, problem, type Action, type Picker, type PickerItem, type Prompt, type SessionInput, type SessionState } from './session-state.js';
import { activeSegment, codeName, codePath, screenPosition, segmentsUnderCursor, targetSpan } from './session-queries.js';
import { restore } from './undo.js';

export type {
  Action,
  Confirm,
  Effect,
  HistoryEntry,
  Message,
  Mode,
  Picker,
  PickerItem,
  PickerPurpose,
  Prompt,
  PromptPurpose,
  ScreenPosition,
  ScreenMemos,
  Suggest,
  ScreenSegment,
  Search,
  TranscriptEntry,
  TranscriptHistory,
  Selection,
  SessionInput,
  SessionState,
} from './session-state.js';
export { lineOf, sentenceAt } from './sentence-index.js';
export {
  activeSegment,
  codeName,
  codePath,
  currentMatch,
  currentSpan,
  cursorOffset,
  progress,
  readSpans,
  screenPosition,
  segmentsUnderCursor,
  sessionSegmentCount,
  targetSpan,
  type Progress,
} from './session-queries.js';

export function initSession(input: SessionInput): SessionState {
  const { transcript, codebook } = input;
  const sentences = [...input.sentences].sort((a, b) => a.start - b.start);
  const codable = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    if (transcript.turns[s.turn]?.role !== 'interviewer') codable[i] = 1;
  });
  if (countOnes(codable) === 0) codable.fill(1);
  const { labels, annotations } = transcriptMarks(transcript);
  const segments = sortSegments(input.segments.map((s) => ({ ...s, codes: [...s.codes] })));
  const cursor = input.initialCursor !== undefined ? sentenceAt(sentences, input.initialCursor) : 0;
  const visited = new Uint8Array(sentences.length);
  const read = mergeSpans(input.read ?? []);
  for (const span of read) {
    for (let i = sentenceFrom(sentences, span.start); i < sentences.length && sentences[i]!.start < span.end; i++) {
      if (sentences[i]!.start >= span.start) visited[i] = 1;
    }
  }
  const base: SessionState = {
    language: input.language,
    transcript,
    text: transcript.text,
    sentences,
    codebook,
    codes: codeEntries(codebook),
    themes: themeEntries(codebook),
    segments: [],
    transcriptMemo: input.transcriptMemo,
    memos: input.memos ?? { codes: new Map() },
    suggest: input.suggest,
    recentCodes: [...(input.recentCodes ?? [])],
    initialIds: input.history?.initialIds ?? new Set(input.segments.map((s) => s.id)),
    coded: new Uint8Array(sentences.length),
    codedCount: 0,
    codable,
    speech: speechRanges(transcript),
    speechCoverage: { speech: 0, coded: 0 },
    visited,
    visitedCount: countOnes(visited),
    read,
    readable: transcript.turns.map((t) => ({ start: t.textStart, end: t.end })),
    readChars: readableCharacters(transcript, read),
    readTotal: readableCharacters(transcript, [{ start: 0, end: transcript.text.length }]),
    window: input.window ?? null,
    coverage: [],
    labels,
    annotations,
    lineStarts: lineStartsOf(transcript.text),
    turnBlocks: turnBlocksOf(sentences),
    folded: null,
    cursor: 0,
    openedOn: null,
    point: null,
    count: null,
    drag: null,
    selection: null,
    segmentCycle: 0,
    mode: input.notices !== undefined && input.notices.length > 0 ? 'notices' : 'read',
    picker: null,
    prompt: null,
    search: null,
    searchHistory: [],
    confirm: null,
    createdCodes: [],
    helpTop: 0,
    notices: [...(input.notices ?? [])],
    message: null,
    saveError: null,
    quitArmed: false,
    undo: [...(input.history?.undo ?? [])],
    redo: [...(input.history?.redo ?? [])],
    revision: 0,
    effects: [],
    env: { wordSpans: input.wordSpans, newSegmentId: input.newSegmentId },
  };
  const opened = placeCursor(withSegments(base, segments), cursor);
  return { ...opened, openedOn: opened.sentences.length === 0 ? null : opened.cursor };
}

/** Actions that report on an effect: they keep the message on the status line. */
const QUIET = new Set<Action['type']>(['shown', 'saved', 'saveFailed', 'codeCreated', 'codeCreateFailed', 'codeRemoved', 'codeRemoveFailed', 'codebookChanged']);

export function reduce(previous: SessionState, action: Action): SessionState {
  const state: SessionState = QUIET.has(action.type)
    ? previous
    : { ...previous, message: null, quitArmed: action.type === 'quit' ? previous.quitArmed : false };

  switch (action.type) {
    case 'shown': {
      const window = action.window;
      const same = state.window !== null && state.window.start === window.start && state.window.end === window.end;
      const read = markRead(state, window);
      return same && read === state ? state : { ...read, window };
    }
    case 'saved':
      return state.saveError === null ? state : { ...state, saveError: null, message: info('Enregistré.', 'Saved.') };
    case 'saveFailed':
      return {
        ...state,
        saveError: action.error,
        message: state.quitArmed
          ? problem(
              `Enregistrement impossible\u00a0: ${action.error}. q\u00a0: quitter sans enregistrer.`,
              `Cannot save: ${action.error}. q: quit without saving.`,
            )
          : problem(
              `Enregistrement impossible\u00a0: ${action.error}. Codages gardés\u00a0; nouvel essai au prochain changement.`,
              `Cannot save: ${action.error}. Codings kept; trying again at the next change.`,
            ),
      };
    case 'codeCreated': {
      const codebook = action.codebook;
      const withCodebook: SessionState = { ...state, codebook, codes: codeEntries(codebook), themes: themeEntries(codebook) };
      const back = state.picker?.back ?? state.prompt?.back;
      const created = codebook.byId.get(action.id)?.name ?? action.id;
      const themes = action.themes ?? [];
      const createdCodes = [...state.createdCodes, action.id];
      const message =
        themes.length === 0
          ? info(`Code créé\u00a0: ${created}`, `Code created: ${created}`)
          : info(
              `Thème créé\u00a0: ${themes.join(' › ')}\u00a0; code créé\u00a0: ${created}`,
              `Theme created: ${themes.join(' › ')}; code created: ${created}`,
            );
      if (back === undefined) return { ...withCodebook, createdCodes, mode: 'read', picker: null, prompt: null, message };
      const codes = back.checked.includes(action.id) ? back.checked : [...back.checked, action.id];
      const done = confirmCodes({ ...withCodebook, createdCodes, picker: null, prompt: null }, back, codes);
      return { ...done, message: done.message?.tone === 'error' ? done.message : message };
    }
    case 'codeCreateFailed': {
      const picker = state.picker;
      const name = picker?.newCodeName ?? '';
      const prompt: Prompt = { purpose: 'code-name', value: name, caret: name.length };
      if (picker?.back !== undefined) prompt.back = picker.back;
      return {
        ...state,
        mode: 'prompt',
        picker: null,
        prompt,
        message: problem(`Code non créé\u00a0: ${action.error}`, `Code not created: ${action.error}`),
      };
    }
    case 'codeRemoved': {
      const codebook = action.codebook;
      const name = state.codebook.byId.get(action.id)?.name ?? action.id;
      return {
        ...state,
        codebook,
        codes: codeEntries(codebook),
        themes: themeEntries(codebook),
        createdCodes: state.createdCodes.filter((id) => id !== action.id),
        recentCodes: state.recentCodes.filter((id) => id !== action.id),
        // What could be redone used the code.
        redo: [],
        message: info(`Code retiré du livre de codes\u00a0: ${name}`, `Code removed from the codebook: ${name}`),
      };
    }
    case 'codebookChanged': {
      const codebook = action.codebook;
      const next: SessionState = { ...state, codebook, codes: codeEntries(codebook), themes: themeEntries(codebook) };
      // An open list shows the codes and themes as they now are.
      const picker = state.picker !== null && state.picker.purpose !== 'transcript' && state.picker.purpose !== 'hits' ? withItems(next, state.picker) : state.picker;
      return {
        ...next,
        picker,
        message: info('Livre de codes relu : codebook.yaml a été modifié par une autre commande.', 'Codebook read again: codebook.yaml was changed by another command.'),
      };
    }
    case 'codeRemoveFailed':
      return { ...state, message: problem(`Code gardé\u00a0: ${action.error}`, `Code kept: ${action.error}`) };
    default:
      break;
  }

  // Ctrl-C quits from anywhere: close what is open first — but a memo typed and not yet saved
  // (⏎ saves it) is not dropped at the first Ctrl-C: the coder is told, and the second one quits.
  if (action.type === 'quit' && state.mode === 'prompt' && state.prompt !== null && !state.prompt.quitWarned && memoUnsaved(state, state.prompt)) {
    return {
      ...state,
      prompt: { ...state.prompt, quitWarned: true },
      message: info(
        'Mémo pas encore enregistré\u00a0: ⏎ l’enregistre, Échap l’abandonne, Ctrl-C à nouveau quitte sans lui.',
        'Memo not saved yet: ⏎ saves it, Esc drops it, Ctrl-C again quits without it.',
      ),
    };
  }
  if (action.type === 'quit' && (state.mode === 'picker' || state.mode === 'prompt')) {
    return reduce({ ...state, mode: 'read', picker: null, prompt: null }, action);
  }
  if (state.mode === 'picker' && state.picker !== null) return reducePicker(state, state.picker, action);
  if (state.mode === 'prompt' && state.prompt !== null) return reducePrompt(state, state.prompt, action);
  if (state.mode === 'help') {
    if (action.type === 'scrollHelp') return { ...state, helpTop: Math.max(0, state.helpTop + action.delta) };
    if (action.type === 'quit') return reduce({ ...state, mode: 'read' }, action);
    return { ...state, mode: 'read', helpTop: 0 };
  }
  if (state.mode === 'confirm') {
    const confirm = state.confirm;
    const closed: SessionState = {
      ...state,
      mode: 'read',
      confirm: null,
      createdCodes: confirm === null ? state.createdCodes : state.createdCodes.filter((id) => id !== confirm.codeId),
    };
    if (action.type === 'quit') return reduce(closed, action);
    if (action.type === 'answer' && action.yes && confirm !== null) return { ...closed, effects: [...state.effects, confirm.yes] };
    return { ...closed, message: previous.message };
  }
  if (state.mode === 'notices') {
    if (action.type === 'quit') return reduce({ ...state, mode: 'read' }, action);
    return { ...state, mode: 'read', notices: [] };
  }

  // A count typed before a motion (`5w`, `3j`) repeats it; any other key forgets it.
  if (action.type === 'count') {
    const count = Math.min(9999, (state.count ?? 0) * 10 + action.digit);
    return { ...state, count, message: info(`${count}…`, `${count}…`) };
  }
  const times = state.count ?? 1;
  if (state.count !== null) return reduceRead({ ...state, count: null }, action, times);
  return reduceRead(state, action, 1);
}

function repeat(state: SessionState, times: number, step: (s: SessionState) => SessionState): SessionState {
  let current = state;
  for (let i = 0; i < times; i++) {
    const next = step(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Actions on the sentence under the cursor: the sentence the screen opened on is read then. */
const ACTING = new Set<Action['type']>(['select', 'extend', 'openPicker', 'editSegment', 'removeSegment', 'cycleSegment', 'toggleExemplary', 'memoSegment']);

/** The actions of reading mode (the transcript, with or without a selection). */
function reduceRead(previous: SessionState, action: Action, times: number): SessionState {
  const state = ACTING.has(action.type) ? countOpening(previous) : previous;
  switch (action.type) {
    case 'move':
      return repeat(state, times, (s) =>
        action.unit === 'sentence' ? setCursor({ ...s, selection: null, point: null }, s.cursor + action.dir) : moveTurn({ ...s, selection: null, point: null }, action.dir),
      );
    case 'word':
      return repeat(state, times, (s) => moveWord(s, action.dir));
    case 'mouse':
      return pointer(state, action.kind, action.offset);
    case 'moveTo': {
      // A page move shows the sentence, not a word of it: the window follows the page.
      const moved = setCursor({ ...state, selection: null, ...(action.top !== undefined ? { point: null } : {}) }, action.sentence);
      // The sentences it passed over were on the page left or the page come to: read.
      return action.shows === undefined ? moved : markPassedOver(moved, state.cursor, state.window, action.shows);
    }
    case 'top':
      return setCursor({ ...state, selection: null }, 0);
    case 'bottom':
      return setCursor({ ...state, selection: null }, state.sentences.length - 1);
    case 'nextUncoded':
      return nextUncoded(state, action.dir);
    case 'select':
      if (state.selection !== null) return { ...state, selection: null };
      return state.sentences.length === 0 ? state : followSelection({ ...state, selection: freshSelection(state), point: null });
    case 'extend':
      return repeat(state, times, (s) => extend(s, action.unit, action.dir, action.side));
    case 'swapEnds': {
      const sel = state.selection;
      if (sel === null) return state;
      return followSelection({ ...state, selection: { ...sel, active: sel.active === 'end' ? 'start' : 'end' } });
    }
    case 'cancel':
      if (state.selection !== null) return { ...state, selection: null };
      if (state.point !== null) return { ...state, point: null };
      return { ...state, search: null };
    case 'openPicker':
      if (state.sentences.length === 0) return state;
      return openCodePicker(state, 'apply', targetSpan(state), []);
    case 'editSegment': {
      const segment = activeSegment(state);
      if (segment === null) return noSegmentHere(state);
      return openCodePicker(
        { ...state, selection: null },
        'edit',
        { start: segment.start, end: segment.end },
        [...segment.codes],
        segment.id,
      );
    }
    case 'removeSegment': {
      const segment = activeSegment(state);
      if (segment === null) return noSegmentHere(state);
      if (segment.codes.length <= 1) return removeFromSegment(state, segment, null);
      const items: PickerItem[] = [
        ...segment.codes.map((id) => ({ id, label: codeName(state, id), path: codePath(state, id) })),
        { id: null, label: state.language === 'fr' ? 'Tout le segment' : 'The whole segment', path: [] },
      ];
      const picker: Picker = {
        purpose: 'remove',
        query: '',
        highlighted: 0,
        checked: [],
        items,
        target: { start: segment.start, end: segment.end },
        segmentId: segment.id,
      };
      return { ...state, mode: 'picker', picker };
    }
    case 'cycleSegment': {
      const under = segmentsUnderCursor(state);
      if (under.length === 0) return noSegmentHere(state);
      const segmentCycle = (state.segmentCycle + 1) % under.length;
      return {
        ...state,
        segmentCycle,
        message: info(`Segment ${segmentCycle + 1}/${under.length}`, `Segment ${segmentCycle + 1}/${under.length}`),
      };
    }
    case 'toggleExemplary': {
      const segment = activeSegment(state);
      if (segment === null) return noSegmentHere(state);
      const on = segment.exemplary !== true;
      return replaceSegment(
        state,
        segment.id,
        (s) => {
          const { exemplary: _old, ...rest } = s;
          return on ? { ...rest, exemplary: true } : rest;
        },
        on ? L('verbatim exemplaire', 'exemplary quote') : L('verbatim non exemplaire', 'quote no longer exemplary'),
        on
          ? info('★ Verbatim marqué exemplaire.', '★ Marked as an exemplary quote.')
          : info('Verbatim non exemplaire.', 'No longer an exemplary quote.'),
      );
    }
    case 'memoSegment': {
      const segment = activeSegment(state);
      if (segment === null) return noSegmentHere(state);
      return openPrompt(state, { purpose: 'segment-memo', value: segment.memo ?? '', segmentId: segment.id });
    }
    case 'openTranscripts':
      return { ...state, effects: [...state.effects, { type: 'list-transcripts' }] };
    case 'transcriptsListed':
      return openTranscriptPicker(state, action.entries);
    case 'memoTranscript':
      return openPrompt(state, { purpose: 'transcript-memo', value: state.transcriptMemo ?? '' });
    case 'undo':
      return offerUnusedCodeRemoval(restore(state, 'undo'));
    case 'redo':
      return restore(state, 'redo');
    case 'openSearch':
      // A new search starts empty; ↑ brings back the previous ones.
      return openPrompt(state, { purpose: 'search', value: '', history: state.searchHistory, historyAt: state.searchHistory.length });
    case 'searchNext':
      return searchNext(state, action.dir);
    case 'codeAllHits':
      return openHitsReview(state);
    case 'openGoto':
      return openPrompt(state, { purpose: 'goto', value: '' });
    case 'help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'quit':
      if (state.saveError !== null && !state.quitArmed) {
        // Try once more; the outcome (saved, or failed again) tells the coder what q will do.
        return withSave({ ...state, quitArmed: true });
      }
      return { ...state, effects: [...state.effects, { type: 'quit', ...screenPosition(state) }] };
    default:
      return state;
  }
}

/**
 * After an undo: a code created on this screen that no segment uses any more (the coding that
 * created it was undone) is offered for removal from the codebook.
 */
function offerUnusedCodeRemoval(state: SessionState): SessionState {
  const unused = state.createdCodes.find((id) => !state.segments.some((s) => s.codes.includes(id)));
  if (unused === undefined) return state;
  const name = codeName(state, unused);
  return {
    ...state,
    mode: 'confirm',
    confirm: {
      question: L(
        `Le code «\u00a0${name}\u00a0», créé pendant cette séance, ne sert plus. Le retirer du livre de codes (le codage annulé ne pourra plus être rétabli)\u00a0?`,
        `The code "${name}", created during this session, is no longer used. Remove it from the codebook (then the coding you undid cannot be redone)?`,
      ),
      yes: { type: 'remove-code', id: unused },
      codeId: unused,
    },
  };
}

/** Whether a memo prompt holds text that differs from the memo saved (what ⏎ would write). */
function memoUnsaved(state: SessionState, prompt: Prompt): boolean {
  const value = prompt.value.trim();
  if (prompt.purpose === 'segment-memo') return value !== (state.segments.find((s) => s.id === prompt.segmentId)?.memo ?? '');
  if (prompt.purpose === 'transcript-memo') return value !== (state.transcriptMemo ?? '');
  return false;
}
