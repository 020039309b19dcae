/**
 * Selecting text to code: a selection grows or shrinks by sentence, word or turn from its
 * active end; the cursor follows the active end.
 */
import type { Span } from '../core/types.js';
import { setCursor } from './cursor.js';
import { sentenceAt } from './sentence-index.js';
import type { Selection, SessionState } from './session-state.js';
import { currentSpan } from './session-queries.js';

/** A selection of the current sentence, its end active. */
export function freshSelection(state: SessionState): Selection {
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

/** Moves the selection's active end by one unit (starting a selection if there is none). */
export function extend(state: SessionState, unit: 'sentence' | 'word' | 'turn', dir: 1 | -1): SessionState {
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
export function followSelection(state: SessionState): SessionState {
  const sel = state.selection;
  if (sel === null) return state;
  const pos = sel.active === 'end' ? Math.max(sel.start, sel.end - 1) : sel.start;
  return setCursor(state, sentenceAt(state.sentences, pos));
}
