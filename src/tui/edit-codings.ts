/**
 * Changing the codings: coding a span, changing or removing a segment. Every change goes on
 * the undo history and asks the screen to save.
 */
import type { Localized, Span } from '../core/types.js';
import { touchRecent } from './code-search.js';
import { markSpanRead } from './cursor.js';
import { sortSegments, withSegments } from './segment-coverage.js';
import { info, L, problem, type HistoryEntry, type Message, type ScreenSegment, type SessionState } from './session-state.js';
import { codeName, segmentsUnderCursor } from './session-queries.js';

/** Replaces the codings, records the previous ones for undo, and asks for a save. */
export function commit(
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

/** Asks the screen to save the current codings. */
export function withSave(state: SessionState): SessionState {
  return {
    ...state,
    effects: [
      ...state.effects,
      { type: 'save', segments: state.segments, transcriptMemo: state.transcriptMemo, recentCodes: state.recentCodes },
    ],
  };
}

/** The codes' names, comma-separated. */
export function names(state: SessionState, ids: readonly string[]): string {
  return ids.map((id) => codeName(state, id)).join(', ');
}

/** Same codes in the same order. */
export function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/** Codes a span: adds to the segment with exactly this span, or creates a segment. */
export function applyCodes(state: SessionState, span: Span, ids: string[]): SessionState {
  if (ids.length === 0 || span.end <= span.start) return { ...state, mode: 'read' as const, picker: null, prompt: null };
  // What is coded has been read, also the part of it the screen never showed.
  const closed = { ...markSpanRead(state, span), mode: 'read' as const, picker: null, prompt: null };
  const recent = touchRecent(state.recentCodes, ids);
  const same = state.segments.find((s) => s.start === span.start && s.end === span.end);
  if (same !== undefined) {
    const codes = [...same.codes, ...ids.filter((id) => !same.codes.includes(id))];
    if (codes.length === same.codes.length) {
      return { ...closed, selection: null, message: info('Ce segment a déjà ces codes.', 'This segment already has these codes.') };
    }
    const segments = state.segments.map((s) => (s === same ? { ...s, codes } : s));
    const label = L(`codé en ${names(state, ids)}`, `coded as ${names(state, ids)}`);
    return {
      ...commit({ ...closed, selection: null }, segments, state.transcriptMemo, span.start, label, recent),
      message: info(`Codé\u00a0: ${names(state, ids)}`, `Coded: ${names(state, ids)}`),
    };
  }
  const segment: ScreenSegment = { id: state.env.newSegmentId(), start: span.start, end: span.end, codes: [...new Set(ids)] };
  const segments = sortSegments([...state.segments, segment]);
  const label = L(`codé en ${names(state, ids)}`, `coded as ${names(state, ids)}`);
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

/** Changes (or, when `change` returns null, removes) one segment, as one undoable change. */
export function replaceSegment(
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

/** The message when a segment action finds no segment under the cursor. */
export function noSegmentHere(state: SessionState): SessionState {
  return {
    ...state,
    message: problem(
      'Aucun segment codé ici\u00a0: placez le curseur sur du texte souligné.',
      'No coded segment here: put the cursor on underlined text.',
    ),
  };
}
