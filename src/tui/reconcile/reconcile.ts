/**
 * The reconciliation screen as a pure reducer: `reduce(state, action) → state`. Keys become
 * actions (keymap.ts); decisions leave as `save` effects, which the screen hands to the caller
 * and whose outcome comes back as `saved` or `saveFailed`. No React, no clock (injected).
 */
import { choicesFor, choiceLabel, isDecided, type Choice, type Decision } from '../../core/consensus/decisions.js';
import { transcriptOffsets } from '../../core/study/anchor-codings.js';
import { codeEntries, searchCodes } from '../code-search.js';
import { nextCaret, previousCaret } from '../line-edit.js';
import { nextStop, transcriptMarks, unitStops, type UnitText } from '../word-units.js';
import type { Picker } from '../session-state.js';
import { info, problem, type Action, type Edit, type ReconcileInput, type ReconcileItem, type ReconcileState } from './state.js';

export function initReconcile(input: ReconcileInput): ReconcileState {
  const base: ReconcileState = {
    language: input.language,
    coders: input.coders,
    into: input.into,
    codebook: input.codebook,
    codes: codeEntries(input.codebook),
    items: input.items,
    decisions: new Map(input.decisions),
    index: 0,
    mode: input.notices !== undefined && input.notices.length > 0 ? 'notices' : 'review',
    note: null,
    edit: null,
    picker: null,
    notices: [...(input.notices ?? [])],
    message: null,
    saveError: null,
    quitArmed: false,
    helpTop: 0,
    effects: [],
    env: { who: input.who, now: input.now, wordSpans: input.wordSpans },
  };
  const first = nextPendingFrom(base, 0, 1, true);
  return { ...base, index: first ?? 0 };
}

export function currentItem(state: ReconcileState): ReconcileItem | undefined {
  return state.items[state.index];
}

export function decisionOf(state: ReconcileState, item: ReconcileItem | undefined): Decision | undefined {
  return item === undefined ? undefined : state.decisions.get(item.disagreement.key);
}

/** Whether a coder wrote a memo on the codings of this disagreement, or the coders a note on it: what `v` shows whole. */
export function hasMemos(state: ReconcileState, item: ReconcileItem): boolean {
  return Boolean(item.notes?.a.memo || item.notes?.b.memo || decisionOf(state, item)?.note);
}

export function decidedCount(state: ReconcileState): number {
  let n = 0;
  for (const item of state.items) if (isDecided(state.decisions.get(item.disagreement.key))) n++;
  return n;
}

/** The next undecided item from `from` in direction `dir` (including `from` itself when `inclusive`), wrapping; null when all are decided. */
function nextPendingFrom(state: ReconcileState, from: number, dir: 1 | -1, inclusive: boolean): number | null {
  const n = state.items.length;
  for (let step = inclusive ? 0 : 1; step <= n; step++) {
    const i = (((from + dir * step) % n) + n) % n;
    if (!isDecided(decisionOf(state, state.items[i]))) return i;
  }
  return null;
}

function goTo(state: ReconcileState, index: number): ReconcileState {
  if (state.items.length === 0) return state;
  return { ...state, index: Math.min(Math.max(0, index), state.items.length - 1), edit: null, picker: null, note: null, mode: 'review' };
}

/** Records a decision (or a note) on the current item: state, save effect, then the next pending item. */
function record(state: ReconcileState, decision: Decision, advance: boolean, message: ReconcileState['message']): ReconcileState {
  const decisions = new Map(state.decisions);
  decisions.set(decision.key, decision);
  let next: ReconcileState = { ...state, decisions, mode: 'review', note: null, edit: null, picker: null, message, effects: [...state.effects, { type: 'save', decision }] };
  if (advance) {
    const pending = nextPendingFrom(next, next.index, 1, false);
    if (pending === null) {
      next = {
        ...next,
        message: info(
          `Tous les désaccords sont tranchés : ${next.into} est complet. q pour quitter.`,
          `Every disagreement is settled: ${next.into} is complete. q to quit.`,
        ),
      };
    } else next = { ...next, index: pending };
  }
  return next;
}

function baseDecision(state: ReconcileState, item: ReconcileItem): Decision {
  const existing = decisionOf(state, item);
  const decision: Decision = { key: item.disagreement.key, choice: existing?.choice ?? null, who: state.env.who, when: state.env.now() };
  if (existing?.note !== undefined) decision.note = existing.note;
  if (existing?.edited !== undefined) decision.edited = existing.edited;
  return decision;
}

function decide(state: ReconcileState, choice: Exclude<Choice, 'edit'>): ReconcileState {
  const item = currentItem(state);
  if (item === undefined) return state;
  if (!choicesFor(item.disagreement).includes(choice)) {
    return { ...state, message: problem('Pas de texte commun : les deux codeurs n’ont pas appliqué le même code ici.', 'No common text: the two coders did not apply the same code here.') };
  }
  const { edited: _edited, ...decision } = { ...baseDecision(state, item), choice };
  const label = choiceLabel(choice, state.coders[0], state.coders[1]);
  return record(state, decision, true, info(`Décision enregistrée : ${label.fr}.`, `Decision saved: ${label.en}.`));
}

// --- Editing a coding by hand -------------------------------------------------------------

function startEdit(state: ReconcileState, from: 'a' | 'b' | 'all'): ReconcileState {
  const item = currentItem(state);
  if (item === undefined) return state;
  const d = item.disagreement;
  const sides = from === 'a' ? d.a : from === 'b' ? d.b : [...d.a, ...d.b];
  if (sides.length === 0) {
    const who = from === 'a' ? state.coders[0] : state.coders[1];
    return { ...state, message: problem(`${who} n’a rien codé ici.`, `${who} coded nothing here.`) };
  }
  const existing = decisionOf(state, item);
  let edit: Edit;
  if (from === 'all' && existing?.choice === 'edit' && existing.edited !== undefined && existing.edited.length > 0) {
    const map = transcriptOffsets(item.transcript);
    const first = existing.edited[0]!;
    edit = { start: map.toUtf16(first.start), end: map.toUtf16(first.end), active: 'end', codes: [...first.codes] };
  } else {
    edit = {
      start: Math.min(...sides.map((s) => s.start)),
      end: Math.max(...sides.map((s) => s.end)),
      active: 'end',
      codes: [...new Set(sides.flatMap((s) => s.codes))],
    };
  }
  return { ...state, mode: 'edit', edit, message: null };
}

/** The transcript of an item as word units are cut from it (`word-units.ts`, as on the coding screen). */
function unitText(state: ReconcileState, item: ReconcileItem): UnitText {
  const text = item.transcript.text;
  return { text, sentences: item.sentences, ...transcriptMarks(item.transcript), env: { wordSpans: (start, end) => state.env.wordSpans(text, start, end) } };
}

/**
 * Where a boundary goes one word or one sentence further. By word, it stops where the coding
 * screen's selection stops (`w`, `b`): an end after a word with the punctuation that closes its
 * sentence (`mieux.`, not `mieux`; not a comma), a start before a word and its opening quote.
 * By sentence: the end moving back drops the last sentence, forward takes in the next; the start
 * likewise. Never past the other boundary.
 */
function moveBoundary(state: ReconcileState, item: ReconcileItem, edit: Edit, unit: 'word' | 'sentence', dir: 1 | -1): number {
  const moving = edit.active;
  const at = moving === 'end' ? edit.end : edit.start;
  const valid = (e: number) => (moving === 'end' ? e > edit.start : e < edit.end);
  let target: number | undefined;
  if (unit === 'word') target = nextStop(unitStops(unitText(state, item), at, moving), at, dir) ?? undefined;
  else {
    const spans = item.sentences;
    if (moving === 'end' && dir === 1) target = spans.find((w) => w.end > at)?.end;
    else if (moving === 'start' && dir === -1) target = [...spans].reverse().find((w) => w.start < at)?.start;
    else if (moving === 'end') {
      // Back: drop the last sentence that ends at or before `at` (or the one cut by `at`).
      const cut = spans.find((w) => w.start < at && at < w.end);
      const before = spans.filter((w) => w.end <= at).map((w) => w.end);
      target = cut !== undefined ? before.at(-1) : before.at(-2);
    } else {
      // Forward: drop the first sentence that starts at or after `at` (or the one cut by `at`).
      const cut = spans.find((w) => w.start < at && at < w.end);
      const after = spans.filter((w) => w.start >= at).map((w) => w.start);
      target = cut !== undefined ? after[0] : after[1];
    }
  }
  if (target === undefined || !valid(target)) return at;
  // Never into another speaker's turn: the end stops where its turn ends, the start where its
  // turn's text starts (after the label), as the spreadsheet import never spans two speakers.
  const turns = item.transcript.turns;
  if (moving === 'end' && dir === 1) {
    const turn = turns.find((t) => t.start < at && at <= t.end);
    if (turn !== undefined && target > turn.end) return Math.max(at, turn.end);
  } else if (moving === 'start' && dir === -1) {
    const turn = turns.find((t) => t.textStart <= at && at < t.end);
    if (turn !== undefined && target < turn.textStart) return Math.min(at, turn.textStart);
  }
  return target;
}

function reduceEdit(state: ReconcileState, edit: Edit, action: Action): ReconcileState {
  const item = currentItem(state);
  if (item === undefined) return state;
  switch (action.type) {
    case 'editMove': {
      const to = moveBoundary(state, item, edit, action.unit, action.dir);
      const at = edit.active === 'end' ? edit.end : edit.start;
      const outward = (edit.active === 'end' && action.dir === 1) || (edit.active === 'start' && action.dir === -1);
      const message = to === at && outward ? info('Limite du tour de parole\u00a0: un segment ne déborde pas sur un autre locuteur.', 'The end of the speaker’s turn: a segment does not run into another speaker’s.') : null;
      return { ...state, message, edit: edit.active === 'end' ? { ...edit, end: to } : { ...edit, start: to } };
    }
    case 'editSwap':
      return { ...state, edit: { ...edit, active: edit.active === 'end' ? 'start' : 'end' } };
    case 'editCodes': {
      const picker: Picker = { purpose: 'edit', query: '', highlighted: 0, checked: [...edit.codes], items: [], target: { start: edit.start, end: edit.end } };
      return { ...state, mode: 'codes', picker: withItems(state, picker) };
    }
    case 'editConfirm': {
      if (edit.codes.length === 0) {
        return { ...state, message: problem('Choisissez au moins un code (c).', 'Choose at least one code (c).') };
      }
      const map = transcriptOffsets(item.transcript);
      const decision: Decision = {
        ...baseDecision(state, item),
        choice: 'edit',
        edited: [{ start: map.toCodePoint(edit.start), end: map.toCodePoint(edit.end), codes: [...edit.codes] }],
      };
      return record(state, decision, true, info('Décision enregistrée : codage modifié ensemble.', 'Decision saved: coding edited together.'));
    }
    case 'editCancel':
      return { ...state, mode: 'review', edit: null };
    case 'quit':
      return reduce({ ...state, mode: 'review', edit: null }, action);
    case 'help':
      return state;
    default:
      return state;
  }
}

function withItems(state: ReconcileState, picker: Picker): Picker {
  const items = searchCodes(state.codes, picker.query).map((c) => ({ id: c.id, label: c.name, path: c.path, ...(c.definition !== undefined ? { detail: [c.definition] } : {}) }));
  return { ...picker, items, highlighted: Math.min(picker.highlighted, Math.max(0, items.length - 1)) };
}

function reducePicker(state: ReconcileState, picker: Picker, action: Action): ReconcileState {
  const update = (p: Picker): ReconcileState => ({ ...state, picker: p });
  switch (action.type) {
    case 'pickerType':
      return update(withItems(state, { ...picker, query: picker.query + action.text, highlighted: 0 }));
    case 'pickerErase':
      return update(withItems(state, { ...picker, query: [...picker.query].slice(0, -1).join(''), highlighted: 0 }));
    case 'pickerMove': {
      if (picker.items.length === 0) return state;
      return update({ ...picker, highlighted: Math.min(Math.max(0, picker.highlighted + action.delta), picker.items.length - 1) });
    }
    case 'pickerToggle': {
      const id = picker.items[picker.highlighted]?.id;
      if (id === undefined || id === null) return state;
      return update({ ...picker, checked: picker.checked.includes(id) ? picker.checked.filter((c) => c !== id) : [...picker.checked, id] });
    }
    case 'pickerConfirm': {
      // Typed a filter and pressed Enter without checking anything: the highlighted code is added.
      const highlighted = picker.items[picker.highlighted]?.id ?? null;
      const untouched = state.edit !== null && picker.checked.length === state.edit.codes.length && picker.checked.every((c) => state.edit!.codes.includes(c));
      const add = picker.query.trim() !== '' && untouched && highlighted !== null && !picker.checked.includes(highlighted);
      const codes = add ? [...picker.checked, highlighted] : picker.checked;
      return { ...state, mode: 'edit', picker: null, edit: state.edit === null ? null : { ...state.edit, codes } };
    }
    case 'pickerClose':
    case 'quit':
      return { ...state, mode: 'edit', picker: null };
    default:
      return state;
  }
}

// --- The note ------------------------------------------------------------------------------

function reduceNote(state: ReconcileState, note: { value: string; caret: number }, action: Action): ReconcileState {
  const { value, caret } = note;
  const update = (n: { value: string; caret: number }): ReconcileState => ({ ...state, note: n });
  switch (action.type) {
    case 'noteType': {
      const clean = action.text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      if (clean === '') return state;
      return update({ value: value.slice(0, caret) + clean + value.slice(caret), caret: caret + clean.length });
    }
    case 'noteErase': {
      const at = previousCaret(value, caret);
      return update({ value: value.slice(0, at) + value.slice(caret), caret: at });
    }
    case 'noteCaret': {
      const to = action.to === 'left' ? previousCaret(value, caret) : action.to === 'right' ? nextCaret(value, caret) : action.to === 'home' ? 0 : value.length;
      return update({ value, caret: to });
    }
    case 'noteClear':
      return update({ value: '', caret: 0 });
    case 'noteCancel':
      return { ...state, mode: 'review', note: null };
    case 'noteConfirm': {
      const item = currentItem(state);
      if (item === undefined) return { ...state, mode: 'review', note: null };
      const text = value.trim();
      const existing = decisionOf(state, item);
      if ((existing?.note ?? '') === text) return { ...state, mode: 'review', note: null };
      const decision = baseDecision(state, item);
      if (text === '') delete decision.note;
      else decision.note = text;
      return record(state, decision, false, text === '' ? info('Note retirée.', 'Note removed.') : info('Note enregistrée.', 'Note saved.'));
    }
    case 'quit':
      return reduce({ ...state, mode: 'review', note: null }, action);
    default:
      return state;
  }
}

// --- The reducer ---------------------------------------------------------------------------

const QUIET = new Set<Action['type']>(['saved', 'saveFailed']);

export function reduce(previous: ReconcileState, action: Action): ReconcileState {
  const state: ReconcileState = QUIET.has(action.type) ? previous : { ...previous, message: null, quitArmed: action.type === 'quit' ? previous.quitArmed : false };
  if (action.type === 'saved') return state.saveError === null ? state : { ...state, saveError: null, message: info('Enregistré.', 'Saved.') };
  if (action.type === 'saveFailed') {
    return {
      ...state,
      saveError: action.error,
      message: problem(
        `Enregistrement impossible : ${action.error}. La décision reste affichée ; elle sera réessayée à la prochaine décision.`,
        `Cannot save: ${action.error}. The decision stays on screen; it is tried again with the next one.`,
      ),
    };
  }
  switch (state.mode) {
    case 'codes':
      return state.picker === null ? { ...state, mode: 'edit' } : reducePicker(state, state.picker, action);
    case 'edit':
      return state.edit === null ? { ...state, mode: 'review' } : reduceEdit(state, state.edit, action);
    case 'note':
      return state.note === null ? { ...state, mode: 'review' } : reduceNote(state, state.note, action);
    case 'help':
    case 'memos':
      if (action.type === 'scrollHelp') return { ...state, helpTop: Math.max(0, state.helpTop + action.delta) };
      if (action.type === 'quit') return reduce({ ...state, mode: 'review' }, action);
      return { ...state, mode: 'review', helpTop: 0 };
    case 'notices':
      if (action.type === 'quit') return reduce({ ...state, mode: 'review', notices: [] }, action);
      return { ...state, mode: 'review', notices: [] };
    case 'review':
      break;
  }
  switch (action.type) {
    case 'move':
      return goTo(state, state.index + action.dir);
    case 'first':
      return goTo(state, 0);
    case 'last':
      return goTo(state, state.items.length - 1);
    case 'nextPending': {
      const next = nextPendingFrom(state, state.index, action.dir, false);
      if (next === null) return { ...state, message: info('Plus rien à décider.', 'Nothing left to decide.') };
      return goTo(state, next);
    }
    case 'skip': {
      const next = nextPendingFrom(state, state.index, 1, false);
      if (next === null || next === state.index) return { ...state, message: info('Aucun autre désaccord en attente.', 'No other disagreement waiting.') };
      return { ...goTo(state, next), message: info('Passé : il reste à décider.', 'Skipped: still to decide.') };
    }
    case 'decide':
      return decide(state, action.choice);
    case 'openNote': {
      const item = currentItem(state);
      if (item === undefined) return state;
      const value = decisionOf(state, item)?.note ?? '';
      return { ...state, mode: 'note', note: { value, caret: value.length } };
    }
    case 'openEdit':
      return startEdit(state, action.from);
    case 'help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'memos': {
      const item = currentItem(state);
      if (item === undefined) return state;
      if (!hasMemos(state, item)) return { ...state, message: info('Ni mémo ni note sur ce désaccord.', 'No memo nor note on this disagreement.') };
      return { ...state, mode: 'memos', helpTop: 0 };
    }
    case 'quit':
      if (state.saveError !== null && !state.quitArmed) {
        return {
          ...state,
          quitArmed: true,
          message: problem(
            `La dernière décision n’est pas enregistrée (${state.saveError}). q de nouveau pour quitter quand même.`,
            `The last decision is not saved (${state.saveError}). q again to quit anyway.`,
          ),
        };
      }
      return { ...state, effects: [...state.effects, { type: 'quit' }] };
    default:
      return state;
  }
}
