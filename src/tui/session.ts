/**
 * The coding session as a pure reducer: `reduce(state, action) → state`.
 *
 * Everything the researcher does on the coding screen is an action; the screen only maps keys
 * to actions and renders the state. Side effects (saving, creating a code, quitting) are
 * returned as data in `state.effects` for the screen to carry out, and their outcome comes back
 * as actions (`saved`, `saveFailed`, `codeCreated`, …). No React, no Ink, no timers.
 *
 * Offsets are UTF-16 indices into `transcript.text`; spans are half-open.
 */
import type { Codebook, Language, Localized, Sentence, Span, Transcript } from '../core/types.js';
import {
  codeEntries,
  searchCodes,
  searchThemes,
  themeEntries,
  themePath,
  touchRecent,
  type CodeEntry,
  type ThemeEntry,
} from './code-search.js';
import { fold, findAll, foldWithMap, type FoldedText } from './fold.js';
import { mergeSpans } from './row-style.js';

/** A coded segment as the screen sees it (UTF-16 offsets). */
export interface ScreenSegment {
  id: string;
  start: number;
  end: number;
  codes: string[];
  memo?: string;
  exemplary?: boolean;
}

export interface SessionInput {
  transcript: Transcript;
  sentences: Sentence[];
  codebook: Codebook;
  segments: ScreenSegment[];
  transcriptMemo?: string;
  language: Language;
  initialCursor?: number;
  recentCodes?: string[];
  notices?: string[];
  newSegmentId: () => string;
  wordSpans: (start: number, end: number) => Span[];
}

export type Mode = 'read' | 'picker' | 'prompt' | 'help' | 'notices';

/** A selection being built: `active` is the end that moves. */
export interface Selection extends Span {
  active: 'start' | 'end';
}

export type PickerPurpose = 'apply' | 'edit' | 'theme' | 'remove';

export interface PickerItem {
  /** Code id, theme id, or null (theme picker: not yet grouped; remove: the whole segment). */
  id: string | null;
  label: string;
  /** Theme path shown beside the label. */
  path: string[];
  detail?: string;
}

export interface Picker {
  purpose: PickerPurpose;
  query: string;
  highlighted: number;
  /** Checked code ids (apply, edit). */
  checked: string[];
  items: PickerItem[];
  /** The text to code (apply) or the segment's span (edit, remove). */
  target: Span;
  segmentId?: string;
  /** Theme picker: the name of the code being created. */
  newCodeName?: string;
  /** Where Esc goes back to (theme picker → code picker). */
  back?: Picker;
}

export type PromptPurpose = 'segment-memo' | 'transcript-memo' | 'search' | 'goto' | 'code-name';

export interface Prompt {
  purpose: PromptPurpose;
  value: string;
  /** Caret position in `value` (UTF-16). */
  caret: number;
  segmentId?: string;
  back?: Picker;
}

export interface Search {
  query: string;
  matches: Span[];
  /** Index of the current match, -1 before the first jump. */
  index: number;
}

export interface Message {
  text: Localized;
  tone: 'info' | 'error';
}

/** What the screen must do for the reducer (the reducer itself never does it). */
export type Effect =
  | { type: 'save'; segments: readonly ScreenSegment[]; transcriptMemo: string | undefined; recentCodes: string[] }
  | { type: 'create-code'; name: string; themeId: string | null }
  | { type: 'quit'; cursor: number };

export interface HistoryEntry {
  segments: readonly ScreenSegment[];
  transcriptMemo: string | undefined;
  /** Where the change happened, to show it again on undo/redo. */
  at: number;
  label: Localized;
}

export interface SessionState {
  language: Language;
  transcript: Transcript;
  text: string;
  sentences: readonly Sentence[];
  codebook: Codebook;
  codes: CodeEntry[];
  themes: ThemeEntry[];
  segments: readonly ScreenSegment[];
  transcriptMemo: string | undefined;
  recentCodes: string[];
  initialIds: ReadonlySet<string>;

  /** Per sentence: 1 when some segment overlaps it. */
  coded: Uint8Array;
  codedCount: number;
  /** Per sentence: 1 when it belongs to a participant (not the interviewer). */
  codable: Uint8Array;
  codableCount: number;
  /** Codable sentences that are coded. */
  codedCodableCount: number;
  visited: Uint8Array;
  visitedCount: number;
  /** Union of the segments, for the coded marks. */
  coverage: Span[];
  /** Speaker labels and annotations, sorted. */
  labels: Span[];
  annotations: Span[];
  /** Offsets where each line of the text starts. */
  lineStarts: Int32Array;
  /** Sentence index ranges of consecutive sentences in one turn. */
  turnBlocks: { first: number; last: number }[];
  folded: FoldedText | null;

  /** Index of the current sentence. */
  cursor: number;
  selection: Selection | null;
  /** Which of the segments under the cursor is active (cycled with a key). */
  segmentCycle: number;
  mode: Mode;
  picker: Picker | null;
  prompt: Prompt | null;
  search: Search | null;
  helpTop: number;
  notices: string[];
  message: Message | null;
  saveError: string | null;
  /** A quit was refused once because the last save failed; the next one goes through. */
  quitArmed: boolean;
  undo: HistoryEntry[];
  redo: HistoryEntry[];
  /** Incremented on every change to the codings. */
  revision: number;
  effects: Effect[];
  env: { wordSpans: (start: number, end: number) => Span[]; newSegmentId: () => string };
}

export type Action =
  | { type: 'move'; unit: 'sentence' | 'turn'; dir: 1 | -1 }
  | { type: 'moveTo'; sentence: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'nextUncoded'; dir: 1 | -1 }
  | { type: 'select' }
  | { type: 'extend'; unit: 'sentence' | 'word' | 'turn'; dir: 1 | -1 }
  | { type: 'swapEnds' }
  | { type: 'cancel' }
  | { type: 'openPicker' }
  | { type: 'editSegment' }
  | { type: 'removeSegment' }
  | { type: 'cycleSegment' }
  | { type: 'toggleExemplary' }
  | { type: 'memoSegment' }
  | { type: 'memoTranscript' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'openSearch' }
  | { type: 'searchNext'; dir: 1 | -1 }
  | { type: 'openGoto' }
  | { type: 'help' }
  | { type: 'scrollHelp'; delta: number }
  | { type: 'dismiss' }
  | { type: 'quit' }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerErase' }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerToggle' }
  | { type: 'pickerQuick'; n: number }
  | { type: 'pickerConfirm' }
  | { type: 'pickerNewCode' }
  | { type: 'pickerClose' }
  | { type: 'promptType'; text: string }
  | { type: 'promptErase' }
  | { type: 'promptDeleteForward' }
  | { type: 'promptCaret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'promptClear' }
  | { type: 'promptConfirm' }
  | { type: 'promptCancel' }
  | { type: 'codeCreated'; codebook: Codebook; id: string }
  | { type: 'codeCreateFailed'; error: string }
  | { type: 'saved' }
  | { type: 'saveFailed'; error: string };

const L = (fr: string, en: string): Localized => ({ fr, en });
const info = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'info' });
const problem = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'error' });

// ─── Sentences and offsets ───────────────────────────────────────────────────────────────

/** Index of the sentence containing `offset`, or the last one starting before it (0 if none). */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first sentence that ends after `offset` (the one at or after it). */
function sentenceFrom(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, sentences.length - 1));
}

function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** 0-based line of the text holding `offset`. */
export function lineOf(lineStarts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function turnBlocksOf(sentences: readonly Sentence[]): { first: number; last: number }[] {
  const blocks: { first: number; last: number }[] = [];
  sentences.forEach((s, i) => {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && sentences[last.first]?.turn === s.turn) last.last = i;
    else blocks.push({ first: i, last: i });
  });
  return blocks;
}

function blockOf(state: SessionState, sentence: number): number {
  let lo = 0;
  let hi = state.turnBlocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((state.turnBlocks[mid]?.first ?? 0) <= sentence) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sortSegments(segments: ScreenSegment[]): ScreenSegment[] {
  return segments.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Marks the sentences that some segment overlaps. */
function codedSentences(sentences: readonly Span[], segments: readonly Span[]): Uint8Array {
  const coded = new Uint8Array(sentences.length);
  for (const seg of segments) {
    if (seg.end <= seg.start) continue;
    for (let i = sentenceFrom(sentences, seg.start); i < sentences.length; i++) {
      const s = sentences[i];
      if (s === undefined || s.start >= seg.end) break;
      if (s.end > seg.start) coded[i] = 1;
    }
  }
  return coded;
}

function countOnes(flags: Uint8Array, mask?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1 && (mask === undefined || mask[i] === 1)) n++;
  return n;
}

/** Recomputes what derives from the segments. */
function withSegments(state: SessionState, segments: readonly ScreenSegment[]): SessionState {
  const coded = codedSentences(state.sentences, segments);
  return {
    ...state,
    segments,
    coded,
    codedCount: countOnes(coded),
    codedCodableCount: countOnes(coded, state.codable),
    coverage: mergeSpans(segments),
  };
}

// ─── Setup ───────────────────────────────────────────────────────────────────────────────

export function initSession(input: SessionInput): SessionState {
  const { transcript, codebook } = input;
  const sentences = [...input.sentences].sort((a, b) => a.start - b.start);
  const codable = new Uint8Array(sentences.length);
  sentences.forEach((s, i) => {
    if (transcript.turns[s.turn]?.role !== 'interviewer') codable[i] = 1;
  });
  if (countOnes(codable) === 0) codable.fill(1);
  const labels = transcript.turns
    .filter((t) => t.speaker !== null && t.textStart > t.start)
    .map((t) => ({ start: t.start, end: t.textStart }))
    .sort((a, b) => a.start - b.start);
  const annotations = mergeSpans(transcript.annotations);
  const segments = sortSegments(input.segments.map((s) => ({ ...s, codes: [...s.codes] })));
  const cursor = input.initialCursor !== undefined ? sentenceAt(sentences, input.initialCursor) : 0;
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
    recentCodes: [...(input.recentCodes ?? [])],
    initialIds: new Set(input.segments.map((s) => s.id)),
    coded: new Uint8Array(sentences.length),
    codedCount: 0,
    codable,
    codableCount: countOnes(codable),
    codedCodableCount: 0,
    visited: new Uint8Array(sentences.length),
    visitedCount: 0,
    coverage: [],
    labels,
    annotations,
    lineStarts: lineStartsOf(transcript.text),
    turnBlocks: turnBlocksOf(sentences),
    folded: null,
    cursor: 0,
    selection: null,
    segmentCycle: 0,
    mode: input.notices !== undefined && input.notices.length > 0 ? 'notices' : 'read',
    picker: null,
    prompt: null,
    search: null,
    helpTop: 0,
    notices: [...(input.notices ?? [])],
    message: null,
    saveError: null,
    quitArmed: false,
    undo: [],
    redo: [],
    revision: 0,
    effects: [],
    env: { wordSpans: input.wordSpans, newSegmentId: input.newSegmentId },
  };
  return setCursor(withSegments(base, segments), cursor);
}

// ─── Queries used by the screen ─────────────────────────────────────────────────────────

/** The current sentence's span (an empty span for an empty transcript). */
export function currentSpan(state: SessionState): Span {
  const s = state.sentences[state.cursor];
  return s === undefined ? { start: 0, end: 0 } : { start: s.start, end: s.end };
}

/** What a new segment would cover: the selection, else the current sentence. */
export function targetSpan(state: SessionState): Span {
  return state.selection !== null ? { start: state.selection.start, end: state.selection.end } : currentSpan(state);
}

/** The segments overlapping the current sentence (or the selection), in text order. */
export function segmentsUnderCursor(state: SessionState): ScreenSegment[] {
  const span = targetSpan(state);
  const probeEnd = span.end > span.start ? span.end : span.start + 1;
  return state.segments.filter((s) => s.start < probeEnd && s.end > span.start);
}

export function activeSegment(state: SessionState): ScreenSegment | null {
  const under = segmentsUnderCursor(state);
  if (under.length === 0) return null;
  return under[state.segmentCycle % under.length] ?? null;
}

/** Offset where the researcher is: the start of the current sentence. */
export function cursorOffset(state: SessionState): number {
  return currentSpan(state).start;
}

/** Segments created during this session. */
export function sessionSegmentCount(state: SessionState): number {
  let n = 0;
  for (const s of state.segments) if (!state.initialIds.has(s.id)) n++;
  return n;
}

export interface Progress {
  sentences: number;
  visited: number;
  codable: number;
  coded: number;
}

export function progress(state: SessionState): Progress {
  return {
    sentences: state.sentences.length,
    visited: state.visitedCount,
    codable: state.codableCount,
    coded: state.codedCodableCount,
  };
}

/** A code's display name, or its id when the codebook no longer has it. */
export function codeName(state: SessionState, id: string): string {
  return state.codebook.byId.get(id)?.name ?? id;
}

export function codePath(state: SessionState, id: string): string[] {
  return themePath(state.codebook, id);
}

/** The current search match, if any. */
export function currentMatch(state: SessionState): Span | null {
  const search = state.search;
  if (search === null || search.index < 0) return null;
  return search.matches[search.index] ?? null;
}

// ─── Moving ──────────────────────────────────────────────────────────────────────────────

function setCursor(state: SessionState, index: number): SessionState {
  const count = state.sentences.length;
  if (count === 0) return state;
  const cursor = Math.min(Math.max(0, index), count - 1);
  let { visited, visitedCount } = state;
  if (visited[cursor] !== 1) {
    visited = visited.slice();
    visited[cursor] = 1;
    visitedCount++;
  }
  const segmentCycle = cursor === state.cursor ? state.segmentCycle : 0;
  return { ...state, cursor, visited, visitedCount, segmentCycle };
}

function moveTurn(state: SessionState, dir: 1 | -1): SessionState {
  const block = blockOf(state, state.cursor);
  const current = state.turnBlocks[block];
  if (current === undefined) return state;
  if (dir === 1) {
    const next = state.turnBlocks[block + 1];
    return next === undefined ? setCursor(state, current.last) : setCursor(state, next.first);
  }
  // Up: to the start of this turn, or of the previous one when already there.
  if (state.cursor > current.first) return setCursor(state, current.first);
  const previous = state.turnBlocks[block - 1];
  return previous === undefined ? state : setCursor(state, previous.first);
}

function nextUncoded(state: SessionState, dir: 1 | -1): SessionState {
  const count = state.sentences.length;
  for (let step = 1; step <= count; step++) {
    const i = (((state.cursor + dir * step) % count) + count) % count;
    if (state.codable[i] === 1 && state.coded[i] !== 1) {
      const wrapped = dir === 1 ? i <= state.cursor : i >= state.cursor;
      const moved = setCursor({ ...state, selection: null }, i);
      return wrapped
        ? { ...moved, message: info('Reprise depuis l’autre bout du texte.', 'Wrapped around the transcript.') }
        : moved;
    }
  }
  return {
    ...state,
    message: info('Toutes les phrases des participants sont codées.', 'Every participant sentence is coded.'),
  };
}

// ─── Selection ───────────────────────────────────────────────────────────────────────────

function freshSelection(state: SessionState): Selection {
  const span = currentSpan(state);
  return { start: span.start, end: span.end, active: 'end' };
}

/** Positions the active end can stop at, for a unit, near `pos`. */
function wordStops(state: SessionState, pos: number, which: 'start' | 'end'): number[] {
  const { sentences } = state;
  if (sentences.length === 0) return [];
  const i = sentenceAt(sentences, pos);
  const from = sentences[Math.max(0, i - 1)]?.start ?? 0;
  const to = sentences[Math.min(sentences.length - 1, i + 1)]?.end ?? state.text.length;
  const words = state.env.wordSpans(from, to).filter((w) => !insideLabel(state, w));
  return words.map((w) => (which === 'start' ? w.start : w.end));
}

function insideLabel(state: SessionState, span: Span): boolean {
  for (const label of state.labels) {
    if (label.start >= span.end) break;
    if (span.start >= label.start && span.end <= label.end) return true;
  }
  return false;
}

function sentenceStops(state: SessionState, which: 'start' | 'end', unit: 'sentence' | 'turn'): number[] {
  if (unit === 'sentence') return state.sentences.map((s) => (which === 'start' ? s.start : s.end));
  return state.turnBlocks.map((b) =>
    which === 'start' ? (state.sentences[b.first]?.start ?? 0) : (state.sentences[b.last]?.end ?? 0),
  );
}

/** Moves one end of the selection to the next stop in `dir`, or returns null if it cannot. */
function moveEnd(
  state: SessionState,
  sel: Selection,
  which: 'start' | 'end',
  unit: 'sentence' | 'word' | 'turn',
  dir: 1 | -1,
): Selection | null {
  const pos = which === 'start' ? sel.start : sel.end;
  const stops = unit === 'word' ? wordStops(state, pos, which) : sentenceStops(state, which, unit);
  let target: number | undefined;
  if (dir === 1) {
    for (const stop of stops) if (stop > pos && (target === undefined || stop < target)) target = stop;
  } else {
    for (const stop of stops) if (stop < pos && (target === undefined || stop > target)) target = stop;
  }
  if (target === undefined) return null;
  const next: Selection =
    which === 'start' ? { start: target, end: sel.end, active: 'start' } : { start: sel.start, end: target, active: 'end' };
  return next.end > next.start ? next : null;
}

function extend(state: SessionState, unit: 'sentence' | 'word' | 'turn', dir: 1 | -1): SessionState {
  if (state.sentences.length === 0) return state;
  const sel = state.selection ?? freshSelection(state);
  let next = moveEnd(state, sel, sel.active, unit, dir);
  // Shrinking the active end into the other one: the other end takes over and extends.
  if (next === null) {
    if (sel.active === 'end' && dir === -1) next = moveEnd(state, sel, 'start', unit, -1);
    else if (sel.active === 'start' && dir === 1) next = moveEnd(state, sel, 'end', unit, 1);
  }
  if (next === null) return { ...state, selection: sel };
  return followSelection({ ...state, selection: next });
}

/** Puts the cursor on the sentence where the selection's active end is. */
function followSelection(state: SessionState): SessionState {
  const sel = state.selection;
  if (sel === null) return state;
  const pos = sel.active === 'end' ? Math.max(sel.start, sel.end - 1) : sel.start;
  return setCursor(state, sentenceAt(state.sentences, pos));
}

// ─── Changing the codings ────────────────────────────────────────────────────────────────

function commit(
  state: SessionState,
  segments: readonly ScreenSegment[],
  transcriptMemo: string | undefined,
  at: number,
  label: Localized,
  recentCodes: string[] = state.recentCodes,
): SessionState {
  const entry: HistoryEntry = { segments: state.segments, transcriptMemo: state.transcriptMemo, at, label };
  const next = withSegments(
    { ...state, transcriptMemo, recentCodes, undo: [...state.undo, entry], redo: [], revision: state.revision + 1 },
    segments,
  );
  return withSave(next);
}

function withSave(state: SessionState): SessionState {
  return {
    ...state,
    effects: [
      ...state.effects,
      { type: 'save', segments: state.segments, transcriptMemo: state.transcriptMemo, recentCodes: state.recentCodes },
    ],
  };
}

function names(state: SessionState, ids: readonly string[]): string {
  return ids.map((id) => codeName(state, id)).join(', ');
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/** Codes a span: adds to the segment with exactly this span, or creates a segment. */
function applyCodes(state: SessionState, span: Span, ids: string[]): SessionState {
  const closed = { ...state, mode: 'read' as const, picker: null, prompt: null };
  if (ids.length === 0 || span.end <= span.start) return closed;
  const recent = touchRecent(state.recentCodes, ids);
  const same = state.segments.find((s) => s.start === span.start && s.end === span.end);
  if (same !== undefined) {
    const codes = [...same.codes, ...ids.filter((id) => !same.codes.includes(id))];
    if (codes.length === same.codes.length) {
      return { ...closed, selection: null, message: info('Ce segment a déjà ces codes.', 'This segment already has these codes.') };
    }
    const segments = state.segments.map((s) => (s === same ? { ...s, codes } : s));
    const label = L(`codage\u00a0: ${names(state, ids)}`, `coding: ${names(state, ids)}`);
    return {
      ...commit({ ...closed, selection: null }, segments, state.transcriptMemo, span.start, label, recent),
      message: info(`Codé\u00a0: ${names(state, ids)}`, `Coded: ${names(state, ids)}`),
    };
  }
  const segment: ScreenSegment = { id: state.env.newSegmentId(), start: span.start, end: span.end, codes: [...new Set(ids)] };
  const segments = sortSegments([...state.segments, segment]);
  const label = L(`codage\u00a0: ${names(state, ids)}`, `coding: ${names(state, ids)}`);
  const next = commit({ ...closed, selection: null }, segments, state.transcriptMemo, span.start, label, recent);
  // Make the new segment the active one under the cursor.
  const under = segmentsUnderCursor(next);
  const index = under.findIndex((s) => s.id === segment.id);
  return {
    ...next,
    segmentCycle: Math.max(0, index),
    message: info(`Codé\u00a0: ${names(state, ids)}`, `Coded: ${names(state, ids)}`),
  };
}

function replaceSegment(
  state: SessionState,
  id: string,
  change: (s: ScreenSegment) => ScreenSegment | null,
  label: Localized,
  message: Message,
  recent?: string[],
): SessionState {
  const old = state.segments.find((s) => s.id === id);
  if (old === undefined) return state;
  const updated = change(old);
  const segments =
    updated === null ? state.segments.filter((s) => s !== old) : state.segments.map((s) => (s === old ? updated : s));
  const next = commit(state, segments, state.transcriptMemo, old.start, label, recent ?? state.recentCodes);
  const under = segmentsUnderCursor(next);
  const index = updated === null ? 0 : under.findIndex((s) => s.id === id);
  return { ...next, segmentCycle: Math.max(0, index), message };
}

function noSegmentHere(state: SessionState): SessionState {
  return {
    ...state,
    message: problem(
      'Aucun segment codé ici\u00a0: placez le curseur sur du texte souligné.',
      'No coded segment here: put the cursor on underlined text.',
    ),
  };
}

function restore(state: SessionState, direction: 'undo' | 'redo'): SessionState {
  const from = direction === 'undo' ? state.undo : state.redo;
  const entry = from[from.length - 1];
  if (entry === undefined) {
    return {
      ...state,
      message: info(
        direction === 'undo' ? 'Rien à annuler.' : 'Rien à rétablir.',
        direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.',
      ),
    };
  }
  const back: HistoryEntry = { segments: state.segments, transcriptMemo: state.transcriptMemo, at: entry.at, label: entry.label };
  const rest = from.slice(0, -1);
  const stacks =
    direction === 'undo' ? { undo: rest, redo: [...state.redo, back] } : { undo: [...state.undo, back], redo: rest };
  const next = withSegments(
    { ...state, ...stacks, transcriptMemo: entry.transcriptMemo, selection: null, revision: state.revision + 1 },
    entry.segments,
  );
  const moved = setCursor(next, sentenceAt(state.sentences, entry.at));
  return {
    ...withSave(moved),
    message: info(
      `${direction === 'undo' ? 'Annulé' : 'Rétabli'}\u00a0: ${entry.label.fr}`,
      `${direction === 'undo' ? 'Undone' : 'Redone'}: ${entry.label.en}`,
    ),
  };
}

// ─── Picker ──────────────────────────────────────────────────────────────────────────────

function notYetGrouped(state: SessionState): PickerItem {
  return { id: null, label: state.language === 'fr' ? 'Pas encore regroupé' : 'Not yet grouped', path: [] };
}

function pickerItems(state: SessionState, picker: Picker): PickerItem[] {
  switch (picker.purpose) {
    case 'apply':
    case 'edit':
      return searchCodes(state.codes, picker.query, state.recentCodes).map((c) => {
        const item: PickerItem = { id: c.id, label: c.name, path: c.path };
        if (c.definition !== undefined) item.detail = c.definition;
        return item;
      });
    case 'theme': {
      const themes = searchThemes(state.themes, picker.query).map((t) => ({
        id: t.id,
        label: t.name,
        path: t.path.slice(0, -1),
      }));
      const none = notYetGrouped(state);
      const q = fold(picker.query).trim();
      return q === '' || fold(none.label).includes(q) ? [none, ...themes] : themes;
    }
    case 'remove':
      return picker.items;
  }
}

function withItems(state: SessionState, picker: Picker): Picker {
  const items = pickerItems(state, picker);
  return { ...picker, items, highlighted: Math.min(picker.highlighted, Math.max(0, items.length - 1)) };
}

function openCodePicker(state: SessionState, purpose: 'apply' | 'edit', target: Span, checked: string[], segmentId?: string): SessionState {
  const picker: Picker = { purpose, query: '', highlighted: 0, checked, items: [], target };
  if (segmentId !== undefined) picker.segmentId = segmentId;
  return { ...state, mode: 'picker', picker: withItems(state, picker), prompt: null };
}

/** The codes Enter applies: checked ones, plus the highlighted one when something is typed. */
function chosenCodes(picker: Picker): string[] {
  const highlighted = picker.items[picker.highlighted]?.id ?? null;
  if (picker.query.trim() !== '' && highlighted !== null) {
    return picker.checked.includes(highlighted) ? picker.checked : [...picker.checked, highlighted];
  }
  if (picker.checked.length > 0 || picker.purpose === 'edit') return picker.checked;
  return highlighted === null ? [] : [highlighted];
}

function confirmCodes(state: SessionState, picker: Picker, codes: string[]): SessionState {
  if (picker.purpose === 'apply') return applyCodes(state, picker.target, codes);
  // Edit: the segment's codes become exactly the chosen ones.
  const id = picker.segmentId;
  const segment = state.segments.find((s) => s.id === id);
  const closed: SessionState = { ...state, mode: 'read', picker: null, prompt: null };
  if (segment === undefined) return closed;
  if (codes.length === 0) {
    return {
      ...state,
      message: problem(
        'Aucun code coché. Pour retirer le segment\u00a0: Échap puis x.',
        'No code checked. To remove the segment: Esc, then x.',
      ),
    };
  }
  if (sameCodes(codes, segment.codes)) return closed;
  const added = codes.filter((c) => !segment.codes.includes(c));
  return replaceSegment(
    closed,
    segment.id,
    (s) => ({ ...s, codes }),
    L(`codes modifiés\u00a0: ${names(state, codes)}`, `codes changed: ${names(state, codes)}`),
    info(`Codes du segment\u00a0: ${names(state, codes)}`, `Segment codes: ${names(state, codes)}`),
    added.length > 0 ? touchRecent(state.recentCodes, added) : state.recentCodes,
  );
}

function removeFromSegment(state: SessionState, segment: ScreenSegment, codeId: string | null): SessionState {
  const closed: SessionState = { ...state, mode: 'read', picker: null };
  if (codeId === null || segment.codes.length <= 1) {
    return replaceSegment(
      closed,
      segment.id,
      () => null,
      L('segment retiré', 'segment removed'),
      info('Segment retiré (u pour annuler).', 'Segment removed (u to undo).'),
    );
  }
  const name = codeName(state, codeId);
  return replaceSegment(
    closed,
    segment.id,
    (s) => ({ ...s, codes: s.codes.filter((c) => c !== codeId) }),
    L(`code retiré\u00a0: ${name}`, `code removed: ${name}`),
    info(`Code retiré\u00a0: ${name} (u pour annuler).`, `Code removed: ${name} (u to undo).`),
  );
}

function pickerChoose(state: SessionState, picker: Picker, index: number): SessionState {
  const item = picker.items[index];
  switch (picker.purpose) {
    case 'apply':
    case 'edit': {
      if (item === undefined || item.id === null) return state;
      const codes = picker.checked.includes(item.id) ? picker.checked : [...picker.checked, item.id];
      return confirmCodes(state, picker, codes);
    }
    case 'theme': {
      if (item === undefined) return state;
      return {
        ...state,
        picker: { ...picker, highlighted: index },
        effects: [...state.effects, { type: 'create-code', name: picker.newCodeName ?? '', themeId: item.id }],
      };
    }
    case 'remove': {
      const segment = state.segments.find((s) => s.id === picker.segmentId);
      if (item === undefined || segment === undefined) return { ...state, mode: 'read', picker: null };
      return removeFromSegment(state, segment, item.id);
    }
  }
}

function reducePicker(state: SessionState, picker: Picker, action: Action): SessionState {
  const update = (p: Picker): SessionState => ({ ...state, picker: p });
  switch (action.type) {
    case 'pickerType':
      if (picker.purpose === 'remove') return state;
      return update(withItems(state, { ...picker, query: picker.query + action.text, highlighted: 0 }));
    case 'pickerErase':
      return update(withItems(state, { ...picker, query: [...picker.query].slice(0, -1).join(''), highlighted: 0 }));
    case 'pickerMove': {
      const count = picker.items.length;
      if (count === 0) return state;
      const h = Math.min(Math.max(0, picker.highlighted + action.delta), count - 1);
      return update({ ...picker, highlighted: h });
    }
    case 'pickerToggle': {
      if (picker.purpose !== 'apply' && picker.purpose !== 'edit') return pickerChoose(state, picker, picker.highlighted);
      const id = picker.items[picker.highlighted]?.id;
      if (id === undefined || id === null) return state;
      const checked = picker.checked.includes(id) ? picker.checked.filter((c) => c !== id) : [...picker.checked, id];
      return update({ ...picker, checked });
    }
    case 'pickerQuick':
      return pickerChoose(state, picker, action.n - 1);
    case 'pickerConfirm': {
      if (picker.purpose === 'theme' || picker.purpose === 'remove') return pickerChoose(state, picker, picker.highlighted);
      if (picker.items.length === 0) return openCodeName(state, picker);
      return confirmCodes(state, picker, chosenCodes(picker));
    }
    case 'pickerNewCode':
      if (picker.purpose !== 'apply' && picker.purpose !== 'edit') return state;
      return openCodeName(state, picker);
    case 'pickerClose':
      if (picker.back !== undefined) return { ...state, picker: withItems(state, picker.back) };
      return { ...state, mode: 'read', picker: null };
    default:
      return state;
  }
}

function openCodeName(state: SessionState, picker: Picker): SessionState {
  const value = picker.query.trim();
  return {
    ...state,
    mode: 'prompt',
    prompt: { purpose: 'code-name', value, caret: value.length, back: picker },
    picker: null,
  };
}

// ─── Prompt ──────────────────────────────────────────────────────────────────────────────

function openPrompt(state: SessionState, prompt: Omit<Prompt, 'caret'>): SessionState {
  return { ...state, mode: 'prompt', prompt: { ...prompt, caret: prompt.value.length } };
}

function previousCaret(value: string, caret: number): number {
  if (caret <= 0) return 0;
  const code = value.charCodeAt(caret - 1);
  return code >= 0xdc00 && code <= 0xdfff && caret >= 2 ? caret - 2 : caret - 1;
}

function nextCaret(value: string, caret: number): number {
  if (caret >= value.length) return value.length;
  const code = value.charCodeAt(caret);
  return code >= 0xd800 && code <= 0xdbff ? caret + 2 : caret + 1;
}

function closePrompt(state: SessionState): SessionState {
  const back = state.prompt?.back;
  if (back !== undefined) return { ...state, mode: 'picker', picker: withItems(state, back), prompt: null };
  return { ...state, mode: 'read', prompt: null };
}

function confirmPrompt(state: SessionState, prompt: Prompt): SessionState {
  const value = prompt.value.trim();
  switch (prompt.purpose) {
    case 'segment-memo': {
      const closed: SessionState = { ...state, mode: 'read', prompt: null };
      const segment = state.segments.find((s) => s.id === prompt.segmentId);
      if (segment === undefined || (segment.memo ?? '') === value) return closed;
      return replaceSegment(
        closed,
        segment.id,
        (s) => {
          const { memo: _old, ...rest } = s;
          return value === '' ? rest : { ...rest, memo: value };
        },
        L('mémo du segment', 'segment memo'),
        value === '' ? info('Mémo retiré.', 'Memo removed.') : info('Mémo enregistré.', 'Memo saved.'),
      );
    }
    case 'transcript-memo': {
      const closed: SessionState = { ...state, mode: 'read', prompt: null };
      if ((state.transcriptMemo ?? '') === value) return closed;
      return {
        ...commit(closed, state.segments, value === '' ? undefined : value, cursorOffset(state), L('mémo de l’entretien', 'transcript memo')),
        message: value === '' ? info('Mémo de l’entretien retiré.', 'Transcript memo removed.') : info('Mémo de l’entretien enregistré.', 'Transcript memo saved.'),
      };
    }
    case 'search':
      return runSearch({ ...state, mode: 'read', prompt: null }, prompt.value);
    case 'goto':
      return goTo({ ...state, mode: 'read', prompt: null }, value);
    case 'code-name': {
      if (value === '') {
        return { ...state, message: problem('Donnez un nom au nouveau code.', 'Give the new code a name.') };
      }
      const existing = state.codes.find((c) => fold(c.name) === fold(value));
      if (existing !== undefined) {
        return {
          ...state,
          message: problem(
            `Le code «\u00a0${existing.name}\u00a0» existe déjà\u00a0: Échap pour le choisir dans la liste.`,
            `The code "${existing.name}" already exists: Esc to pick it from the list.`,
          ),
        };
      }
      const back = prompt.back;
      const target = back?.target ?? targetSpan(state);
      const picker: Picker = {
        purpose: 'theme',
        query: '',
        highlighted: 0,
        checked: [],
        items: [],
        target,
        newCodeName: value,
      };
      if (back !== undefined) picker.back = back;
      return { ...state, mode: 'picker', prompt: null, picker: withItems(state, picker) };
    }
  }
}

function reducePrompt(state: SessionState, prompt: Prompt, action: Action): SessionState {
  const update = (p: Prompt): SessionState => ({ ...state, prompt: p });
  const { value, caret } = prompt;
  switch (action.type) {
    case 'promptType': {
      const text = action.text.replace(/[\r\n\t]+/g, ' ');
      // eslint-disable-next-line no-control-regex
      const clean = text.replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      if (clean === '') return state;
      return update({ ...prompt, value: value.slice(0, caret) + clean + value.slice(caret), caret: caret + clean.length });
    }
    case 'promptErase': {
      const at = previousCaret(value, caret);
      return update({ ...prompt, value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'promptDeleteForward': {
      const to = nextCaret(value, caret);
      return update({ ...prompt, value: value.slice(0, caret) + value.slice(to) });
    }
    case 'promptCaret': {
      const to =
        action.to === 'left'
          ? previousCaret(value, caret)
          : action.to === 'right'
            ? nextCaret(value, caret)
            : action.to === 'home'
              ? 0
              : value.length;
      return update({ ...prompt, caret: to });
    }
    case 'promptClear':
      return update({ ...prompt, value: '', caret: 0 });
    case 'promptConfirm':
      return confirmPrompt(state, prompt);
    case 'promptCancel':
      return closePrompt(state);
    default:
      return state;
  }
}

// ─── Search and go-to ────────────────────────────────────────────────────────────────────

function runSearch(state: SessionState, query: string): SessionState {
  if (query.trim() === '') return { ...state, search: null };
  const folded = state.folded ?? foldWithMap(state.text);
  const matches = findAll(folded, query);
  const withFold = { ...state, folded };
  if (matches.length === 0) {
    return {
      ...withFold,
      search: { query, matches, index: -1 },
      message: problem(`Aucun résultat pour «\u00a0${query}\u00a0».`, `No match for "${query}".`),
    };
  }
  const from = currentSpan(state).start;
  let index = matches.findIndex((m) => m.start >= from);
  if (index < 0) index = 0;
  return jumpToMatch({ ...withFold, search: { query, matches, index } });
}

function jumpToMatch(state: SessionState): SessionState {
  const search = state.search;
  const match = currentMatch(state);
  if (search === null || match === null) return state;
  const moved = setCursor({ ...state, selection: null }, sentenceAt(state.sentences, match.start));
  const n = `${search.index + 1}/${search.matches.length}`;
  return {
    ...moved,
    message: info(`«\u00a0${search.query}\u00a0»\u00a0: ${n} (n suivant, N précédent)`, `"${search.query}": ${n} (n next, N previous)`),
  };
}

function searchNext(state: SessionState, dir: 1 | -1): SessionState {
  const search = state.search;
  if (search === null || search.matches.length === 0) {
    return { ...state, message: info('Pas de recherche en cours\u00a0: / pour chercher.', 'No search yet: / to search.') };
  }
  const count = search.matches.length;
  const index = search.index < 0 ? 0 : (((search.index + dir) % count) + count) % count;
  return jumpToMatch({ ...state, search: { ...search, index } });
}

function goTo(state: SessionState, value: string): SessionState {
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(value);
  if (percent !== null) {
    const p = Math.min(100, Math.max(0, Number((percent[1] ?? '0').replace(',', '.'))));
    const offset = Math.min(state.text.length, Math.round((state.text.length * p) / 100));
    const index = p >= 100 ? state.sentences.length - 1 : sentenceFrom(state.sentences, offset);
    return setCursor({ ...state, selection: null }, index);
  }
  const line = /^(?:l\.?\s*)?(\d+)$/i.exec(value);
  if (line !== null) {
    const wanted = Number(line[1]);
    const index = Math.min(Math.max(0, wanted - state.transcript.bodyLine), state.lineStarts.length - 1);
    const offset = state.lineStarts[index] ?? 0;
    return setCursor({ ...state, selection: null }, sentenceFrom(state.sentences, offset));
  }
  return {
    ...state,
    message: problem(
      `«\u00a0${value}\u00a0»\u00a0: tapez un numéro de ligne (120) ou un pourcentage (50 %).`,
      `"${value}": type a line number (120) or a percentage (50%).`,
    ),
  };
}

// ─── The reducer ─────────────────────────────────────────────────────────────────────────

/** Actions that report on an effect: they keep the message on the status line. */
const QUIET = new Set<Action['type']>(['saved', 'saveFailed', 'codeCreated', 'codeCreateFailed']);

export function reduce(previous: SessionState, action: Action): SessionState {
  const state: SessionState = QUIET.has(action.type)
    ? previous
    : { ...previous, message: null, quitArmed: action.type === 'quit' ? previous.quitArmed : false };

  switch (action.type) {
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
      const message = info(`Code créé\u00a0: ${created}`, `Code created: ${created}`);
      if (back === undefined) return { ...withCodebook, mode: 'read', picker: null, prompt: null, message };
      const codes = back.checked.includes(action.id) ? back.checked : [...back.checked, action.id];
      const done = confirmCodes({ ...withCodebook, picker: null, prompt: null }, back, codes);
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
    default:
      break;
  }

  // Ctrl-C quits from anywhere: close what is open first.
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
  if (state.mode === 'notices') {
    if (action.type === 'quit') return reduce({ ...state, mode: 'read' }, action);
    return { ...state, mode: 'read', notices: [] };
  }

  switch (action.type) {
    case 'move':
      return action.unit === 'sentence'
        ? setCursor({ ...state, selection: null }, state.cursor + action.dir)
        : moveTurn({ ...state, selection: null }, action.dir);
    case 'moveTo':
      return setCursor({ ...state, selection: null }, action.sentence);
    case 'top':
      return setCursor({ ...state, selection: null }, 0);
    case 'bottom':
      return setCursor({ ...state, selection: null }, state.sentences.length - 1);
    case 'nextUncoded':
      return nextUncoded(state, action.dir);
    case 'select':
      if (state.selection !== null) return { ...state, selection: null };
      return state.sentences.length === 0 ? state : { ...state, selection: freshSelection(state) };
    case 'extend':
      return extend(state, action.unit, action.dir);
    case 'swapEnds': {
      const sel = state.selection;
      if (sel === null) return state;
      return followSelection({ ...state, selection: { ...sel, active: sel.active === 'end' ? 'start' : 'end' } });
    }
    case 'cancel':
      if (state.selection !== null) return { ...state, selection: null };
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
    case 'memoTranscript':
      return openPrompt(state, { purpose: 'transcript-memo', value: state.transcriptMemo ?? '' });
    case 'undo':
      return restore(state, 'undo');
    case 'redo':
      return restore(state, 'redo');
    case 'openSearch':
      return openPrompt(state, { purpose: 'search', value: state.search?.query ?? '' });
    case 'searchNext':
      return searchNext(state, action.dir);
    case 'openGoto':
      return openPrompt(state, { purpose: 'goto', value: '' });
    case 'help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'quit':
      if (state.saveError !== null && !state.quitArmed) {
        // Try once more; the outcome (saved, or failed again) tells the coder what q will do.
        return withSave({ ...state, quitArmed: true });
      }
      return { ...state, effects: [...state.effects, { type: 'quit', cursor: cursorOffset(state) }] };
    default:
      return state;
  }
}
