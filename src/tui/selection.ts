/**
 * Selecting text to code: a selection grows or shrinks by sentence, word or turn from its
 * active end; the cursor follows the active end.
 */
import type { Span } from '../core/types.js';
import { setCursor } from './cursor.js';
import { sentenceAt } from './sentence-index.js';
import type { Selection, SessionState } from './session-state.js';
import { currentMatch } from './session-queries.js';
import { nextStop, quoteSpan, unitAt, unitStops, wholeUnits } from './word-units.js';

/**
 * A new selection: the word under the word cursor (the search match there, whole words), else
 * the current sentence's quote (without a leading question number or annotation). Its end moves.
 */
export function freshSelection(state: SessionState): Selection {
  if (state.point !== null) {
    const match = currentMatch(state);
    if (match !== null && match.start === state.point) return { ...wholeUnits(state, match), active: 'end' };
    const unit = unitAt(state, state.point);
    if (unit !== null) return { start: unit.start, end: unit.end, active: 'end' };
  }
  const span = quoteSpan(state, state.cursor);
  return { start: span.start, end: span.end, active: 'end' };
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
  const stops = unit === 'word' ? unitStops(state, pos, which) : sentenceStops(state, which, unit);
  const target = nextStop(stops, pos, dir);
  if (target === null) return null;
  const next: Selection =
    which === 'start' ? { start: target, end: sel.end, active: 'start' } : { start: sel.start, end: target, active: 'end' };
  return next.end > next.start ? next : null;
}

/**
 * Moves the selection's active end by one unit (starting a selection if there is none); `side`
 * makes that end the active one first (`$`: the end, to the end of the turn).
 */
export function extend(state: SessionState, unit: 'sentence' | 'word' | 'turn', dir: 1 | -1, side?: 'start' | 'end'): SessionState {
  if (state.sentences.length === 0) return state;
  const current = state.selection ?? freshSelection(state);
  const sel: Selection = side === undefined ? current : { ...current, active: side };
  let next = moveEnd(state, sel, sel.active, unit, dir);
  // Shrinking the active end into the other one: the other end takes over and extends.
  if (next === null) {
    if (sel.active === 'end' && dir === -1) next = moveEnd(state, sel, 'start', unit, -1);
    else if (sel.active === 'start' && dir === 1) next = moveEnd(state, sel, 'end', unit, 1);
  }
  if (next === null) return { ...state, selection: sel, point: null };
  return followSelection({ ...state, selection: next, point: null });
}

/** Grows the selection to take in `span` (a search match), in whole words; its end toward it moves. */
export function extendTo(state: SessionState, span: Span): SessionState {
  const sel = state.selection;
  if (sel === null) return state;
  const hit = wholeUnits(state, span);
  const next: Selection =
    hit.start >= sel.start
      ? { start: sel.start, end: Math.max(sel.end, hit.end), active: 'end' }
      : { start: hit.start, end: Math.max(sel.end, hit.end), active: 'start' };
  return followSelection({ ...state, selection: next });
}

/** Puts the cursor on the sentence where the selection's active end is. */
export function followSelection(state: SessionState): SessionState {
  const sel = state.selection;
  if (sel === null) return state;
  const pos = sel.active === 'end' ? Math.max(sel.start, sel.end - 1) : sel.start;
  return setCursor(state, sentenceAt(state.sentences, pos));
}
