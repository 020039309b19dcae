/** Undo and redo: the codings as they were before (or after) a change, and the cursor where it happened. */
import { setCursor } from './cursor.js';
import { withSave } from './edit-codings.js';
import { withSegments } from './segment-coverage.js';
import { sentenceAt } from './sentence-index.js';
import { info, type HistoryEntry, type SessionState } from './session-state.js';

/** Undoes or redoes the last change, and shows where it happened. */
export function restore(state: SessionState, direction: 'undo' | 'redo'): SessionState {
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
