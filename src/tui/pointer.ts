/**
 * The mouse, where the terminal reports it: a click puts the cursor on the word clicked; a drag
 * selects from the word where it began to the word under the pointer, in whole words.
 */
import { setCursor } from './cursor.js';
import { followSelection } from './selection.js';
import { sentenceAt } from './sentence-index.js';
import type { SessionState } from './session-state.js';
import { unitAt, unitsIn } from './word-units.js';

/** A press, a drag or a release at `offset` in the text (null: outside the text). */
export function pointer(state: SessionState, kind: 'press' | 'drag' | 'release', offset: number | null): SessionState {
  if (kind === 'release') return state.drag === null ? state : { ...state, drag: null };
  if (offset === null || state.sentences.length === 0) return state;
  const unit = unitAt(state, offset) ?? { start: offset, end: offset };
  if (kind === 'press' || state.drag === null) {
    const moved = setCursor({ ...state, selection: null }, sentenceAt(state.sentences, unit.start));
    const sentence = moved.sentences[moved.cursor]!;
    const inside = unit.end > unit.start && unit.start >= sentence.start && unit.start < sentence.end;
    return { ...moved, point: inside ? unit.start : null, drag: unit };
  }
  const anchor = state.drag;
  // From the first word to the last one dragged over: a drag that begins or ends on a speaker
  // label (`[00:00:05] P1 : `) or a blank line between turns never takes them into the quote.
  const units = unitsIn(state, Math.min(anchor.start, unit.start), Math.max(anchor.end, unit.end));
  const start = units[0]?.start ?? 0;
  const end = units.at(-1)?.end ?? 0;
  if (end <= start) return state;
  const active = unit.start < anchor.start ? 'start' : 'end';
  return followSelection({ ...state, point: null, selection: { start, end, active } });
}
