/**
 * The anonymisation review as a pure reducer: one finding (a text and every place it occurs) at a
 * time; the researcher replaces it with a label (proposed, editable), keeps it (the study allows
 * it from now on) or skips it (this time only); then a summary, and either write or cancel. The
 * screen (AnonymiseApp.tsx) only maps keys to these actions and draws the state; the command
 * writes what the outcome says, once, after the screen has closed.
 */
import type { FindingGroup, ReviewDecision } from '../../core/privacy/review.js';
import type { Localized } from '../../core/types.js';
import { nextCaret, previousCaret, wordStartBefore } from '../line-edit.js';

export type ReviewMode = 'review' | 'label' | 'summary' | 'quit';

export interface ReviewState {
  groups: readonly FindingGroup[];
  decisions: readonly (ReviewDecision | undefined)[];
  /** The finding shown. */
  index: number;
  /** Which of its occurrences is shown. */
  occurrence: number;
  mode: ReviewMode;
  /** The label being edited (mode `label`). */
  label: { value: string; caret: number } | null;
  /** Where the summary list starts (it scrolls). */
  summaryTop: number;
  /** The mode `quit` returns to when the researcher stays. */
  back: Exclude<ReviewMode, 'quit' | 'label'>;
  message: { text: Localized; tone: 'info' | 'error' } | null;
  /** Set once: write the decisions, or leave with nothing written. */
  outcome: 'write' | 'cancel' | null;
}

export type Action =
  | { type: 'move'; dir: 1 | -1 }
  | { type: 'nextUndecided' }
  | { type: 'occurrence'; dir: 1 | -1 }
  | { type: 'replace' }
  | { type: 'editLabel' }
  | { type: 'labelType'; text: string }
  | { type: 'labelErase' }
  | { type: 'labelEraseWord' }
  | { type: 'labelCaret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'labelClear' }
  | { type: 'labelConfirm' }
  | { type: 'labelCancel' }
  | { type: 'keep' }
  | { type: 'skip' }
  | { type: 'summary' }
  | { type: 'scrollSummary'; delta: number }
  | { type: 'back' }
  | { type: 'write' }
  | { type: 'quit' }
  | { type: 'quitConfirm' }
  | { type: 'quitCancel' };

export function initReview(groups: readonly FindingGroup[]): ReviewState {
  return {
    groups,
    decisions: groups.map(() => undefined),
    index: 0,
    occurrence: 0,
    mode: groups.length === 0 ? 'summary' : 'review',
    label: null,
    summaryTop: 0,
    back: 'review',
    message: null,
    outcome: null,
  };
}

export function decidedCount(state: ReviewState): number {
  return state.decisions.filter((d) => d !== undefined).length;
}

/** The label a finding would get now: the one chosen, else the proposed one. */
export function labelOf(state: ReviewState, index: number): string {
  const d = state.decisions[index];
  return d?.type === 'replace' ? d.label : (state.groups[index]?.proposed ?? '');
}

/** After a decision: the next undecided finding after this one (wrapping), or the summary when none is left. */
function advance(state: ReviewState): ReviewState {
  const n = state.groups.length;
  for (let step = 1; step <= n; step++) {
    const i = (state.index + step) % n;
    if (state.decisions[i] === undefined) return { ...state, index: i, occurrence: 0 };
  }
  return { ...state, mode: 'summary', summaryTop: 0 };
}

function decide(state: ReviewState, decision: ReviewDecision, message: Localized): ReviewState {
  const decisions = state.decisions.slice();
  decisions[state.index] = decision;
  return advance({ ...state, decisions, mode: 'review', label: null, message: { text: message, tone: 'info' } });
}

function reduceLabel(state: ReviewState, label: { value: string; caret: number }, action: Action): ReviewState {
  const { value, caret } = label;
  const update = (l: { value: string; caret: number }): ReviewState => ({ ...state, label: l, message: null });
  switch (action.type) {
    case 'labelType': {
      const clean = action.text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      if (clean === '') return state;
      return update({ value: value.slice(0, caret) + clean + value.slice(caret), caret: caret + clean.length });
    }
    case 'labelErase': {
      const at = previousCaret(value, caret);
      return update({ value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'labelEraseWord': {
      const at = wordStartBefore(value, caret);
      return update({ value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'labelCaret':
      return update({ value, caret: action.to === 'left' ? previousCaret(value, caret) : action.to === 'right' ? nextCaret(value, caret) : action.to === 'home' ? 0 : value.length });
    case 'labelClear':
      return update({ value: '', caret: 0 });
    case 'labelConfirm': {
      const chosen = value.trim();
      if (chosen === '') return { ...state, message: { text: { fr: 'Une étiquette vide effacerait le texte : écrivez-en une, ou Échap.', en: 'An empty label would erase the text: type one, or Esc.' }, tone: 'error' } };
      return decide(state, { type: 'replace', label: chosen }, { fr: `Remplacé par ${chosen} partout.`, en: `Replaced with ${chosen} everywhere.` });
    }
    case 'labelCancel':
    case 'back':
      return { ...state, mode: 'review', label: null, message: null };
    case 'quit':
      return { ...state, mode: 'quit', label: null, back: 'review' };
    default:
      return state;
  }
}

export function reduce(state: ReviewState, action: Action): ReviewState {
  if (state.outcome !== null) return state;
  if (state.mode === 'label' && state.label !== null) return reduceLabel(state, state.label, action);
  if (state.mode === 'quit') {
    if (action.type === 'quitConfirm') return { ...state, outcome: 'cancel' };
    return { ...state, mode: state.back };
  }
  const group = state.groups[state.index];
  switch (action.type) {
    case 'move': {
      if (state.mode !== 'review' || state.groups.length === 0) return state;
      const index = Math.min(state.groups.length - 1, Math.max(0, state.index + action.dir));
      return { ...state, index, occurrence: index === state.index ? state.occurrence : 0, message: null };
    }
    case 'nextUndecided': {
      if (state.mode !== 'review') return state;
      const next = advance(state);
      return next.mode === 'summary' ? { ...state, message: { text: { fr: 'Tout est décidé : w pour le résumé.', en: 'Everything is decided: w for the summary.' }, tone: 'info' } } : { ...next, message: null };
    }
    case 'occurrence': {
      if (state.mode !== 'review' || group === undefined) return state;
      const n = group.occurrences.length;
      return { ...state, occurrence: (state.occurrence + action.dir + n) % n, message: null };
    }
    case 'replace':
      if (state.mode !== 'review' || group === undefined) return state;
      return decide(state, { type: 'replace', label: labelOf(state, state.index) }, { fr: `Remplacé par ${labelOf(state, state.index)} partout.`, en: `Replaced with ${labelOf(state, state.index)} everywhere.` });
    case 'editLabel': {
      if (state.mode !== 'review' || group === undefined) return state;
      const value = labelOf(state, state.index);
      return { ...state, mode: 'label', label: { value, caret: value.length }, message: null };
    }
    case 'keep':
      if (state.mode !== 'review' || group === undefined) return state;
      return decide(state, { type: 'keep' }, { fr: `« ${group.text} » gardé : ajouté aux mots permis de privacy.yaml.`, en: `"${group.text}" kept: added to the words privacy.yaml allows.` });
    case 'skip':
      if (state.mode !== 'review' || group === undefined) return state;
      return decide(state, { type: 'skip' }, { fr: `« ${group.text} » laissé tel quel cette fois.`, en: `"${group.text}" left as it is this time.` });
    case 'summary':
      return { ...state, mode: 'summary', summaryTop: 0, message: null };
    case 'scrollSummary':
      if (state.mode !== 'summary') return state;
      return { ...state, summaryTop: Math.max(0, state.summaryTop + action.delta) };
    case 'back':
      if (state.mode === 'summary' && state.groups.length > 0) return { ...state, mode: 'review', message: null };
      return state;
    case 'write':
      return state.mode === 'summary' ? { ...state, outcome: 'write' } : state;
    case 'quit':
      return { ...state, mode: 'quit', back: state.mode === 'summary' ? 'summary' : 'review' };
    default:
      return state;
  }
}
