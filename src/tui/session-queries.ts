/** Questions the screen asks about the session: where the cursor is, which segment is active, progress. */
import type { Span } from '../core/types.js';
import { themePath } from './code-search.js';
import { quoteSpan } from './word-units.js';
import type { ScreenPosition, ScreenSegment, SessionState } from './session-state.js';

/** The current sentence's span (an empty span for an empty transcript). */
export function currentSpan(state: SessionState): Span {
  const s = state.sentences[state.cursor];
  return s === undefined ? { start: 0, end: 0 } : { start: s.start, end: s.end };
}

/** What a new segment would cover: the selection, else the current sentence's quote (see `quoteSpan`). */
export function targetSpan(state: SessionState): Span {
  return state.selection !== null ? { start: state.selection.start, end: state.selection.end } : quoteSpan(state, state.cursor);
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

/**
 * Where reading got to: the end of what was read furthest (the cursor's sentence at least). Kept
 * in the state file for earlier versions of codage; whether a transcript was read through is
 * told from what was read (`read`, see core/study/reading.ts `readThrough`), not from this: a look
 * at the end (`G`) goes furthest and reads one sentence.
 */
export function furthestVisited(state: SessionState): number {
  return Math.max(state.read.at(-1)?.end ?? 0, currentSpan(state).end);
}

/** What was read, as sorted disjoint spans. */
export function readSpans(state: SessionState): Span[] {
  return state.read.map((s) => ({ start: s.start, end: s.end }));
}

/** Where the coder is, to be remembered. */
export function screenPosition(state: SessionState): ScreenPosition {
  return { cursor: cursorOffset(state), furthest: furthestVisited(state), read: readSpans(state) };
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
  /** Share of the transcript read, over every session (what `readShare` says of the sentences read). */
  read: number;
  /** Characters of participant speech, and those coded: the measure `codage stats` calls "speech coded". */
  speech: number;
  coded: number;
}

export function progress(state: SessionState): Progress {
  return {
    sentences: state.sentences.length,
    visited: state.visitedCount,
    read: state.readTotal === 0 ? 0 : state.readChars / state.readTotal,
    speech: state.speechCoverage.speech,
    coded: state.speechCoverage.coded,
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
