import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../keymap.js';
import { keyToAction } from './keymap.js';
import { currentItem, decidedCount, initReconcile, reduce } from './reconcile.js';
import { sampleInput, TRANSCRIPT } from '../../../test/support/reconcile-sample.js';
import type { Action, ReconcileState } from './state.js';
import { reconcileStrings } from './strings.js';

const run = (state: ReconcileState, ...actions: Action[]): ReconcileState => actions.reduce(reduce, state);
const key = (state: ReconcileState, input: string, k: Partial<typeof NO_KEY> = {}) => keyToAction(state, input, { ...NO_KEY, ...k });

describe('the reconciliation reducer', () => {
  it('lists the disagreements in text order and opens on the first one not yet decided', () => {
    const input = sampleInput();
    expect(input.items.map((i) => i.disagreement.kind)).toEqual(['one-sided', 'different-codes', 'boundaries']);
    const first = input.items[0]!.disagreement.key;
    const state = initReconcile({ ...input, decisions: new Map([[first, { key: first, choice: 'keep-a', who: 'x', when: 't' }]]) });
    expect(state.index).toBe(1);
    expect(decidedCount(state)).toBe(1);
  });

  it('saves a decision at once, with who and when, and moves to the next one', () => {
    let state = initReconcile(sampleInput());
    state = reduce(state, { type: 'decide', choice: 'keep-a' });
    expect(state.effects).toEqual([
      { type: 'save', decision: { key: state.items[0]!.disagreement.key, choice: 'keep-a', who: 'marie, paul', when: '2026-03-01T10:00:00Z' } },
    ]);
    expect(state.index).toBe(1);
    expect(state.message?.text.en).toBe("Decision saved: keep marie's coding.");
    state = run({ ...state, effects: [] }, { type: 'decide', choice: 'both' }, { type: 'decide', choice: 'common' });
    expect(decidedCount(state)).toBe(3);
    expect(state.message?.text.fr).toBe('Tous les désaccords sont tranchés : consensus est complet. q pour quitter.');
  });

  it('refuses "the common text" where the coders did not apply the same code', () => {
    const state = reduce(initReconcile(sampleInput()), { type: 'decide', choice: 'common' });
    expect(state.effects).toEqual([]);
    expect(state.message?.tone).toBe('error');
  });

  it('saves a note on its own, without deciding and without moving', () => {
    let state = initReconcile(sampleInput());
    state = run(state, { type: 'openNote' }, { type: 'noteType', text: 'à voir avec la directrice' }, { type: 'noteErase' }, { type: 'noteType', text: 'e' });
    expect(state.mode).toBe('note');
    state = reduce(state, { type: 'noteConfirm' });
    expect(state.mode).toBe('review');
    expect(state.index).toBe(0);
    expect(state.effects).toMatchObject([{ type: 'save', decision: { choice: null, note: 'à voir avec la directrice' } }]);
    // Deciding afterwards keeps the note.
    state = reduce({ ...state, effects: [] }, { type: 'decide', choice: 'neither' });
    expect(state.effects).toMatchObject([{ type: 'save', decision: { choice: 'neither', note: 'à voir avec la directrice' } }]);
  });

  it('never moves an edited boundary into another speaker’s turn, and says why it stops', () => {
    let state = initReconcile(sampleInput());
    state = run(state, { type: 'move', dir: 1 }, { type: 'move', dir: 1 }, { type: 'openEdit', from: 'all' });
    const before = TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end);
    state = reduce(state, { type: 'editMove', unit: 'word', dir: 1 });
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end)).toBe(before);
    expect(state.message?.text.fr).toContain('Limite du tour de parole');
    // The start goes back sentence by sentence, and stops after « P1 : », not in the interviewer's question.
    state = run(state, { type: 'editSwap' }, ...Array.from({ length: 6 }, () => ({ type: 'editMove', unit: 'sentence', dir: -1 }) as Action));
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end).startsWith('Je ne sais plus quoi lui proposer.')).toBe(true);
  });

  it('edits boundaries by word and sentence, and the codes through the picker', () => {
    let state = initReconcile(sampleInput());
    state = run(state, { type: 'move', dir: 1 }, { type: 'move', dir: 1 }); // boundaries: « Huit mois … aussi. » vs « Huit mois … ! »
    const d = currentItem(state)!.disagreement;
    state = reduce(state, { type: 'openEdit', from: 'all' });
    expect(state.mode).toBe('edit');
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end)).toBe('Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre aussi.');
    expect(state.edit!.codes).toEqual(['delais']);
    state = run(state, { type: 'editMove', unit: 'word', dir: -1 }, { type: 'editMove', unit: 'word', dir: -1 });
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end)).toBe('Huit mois pour le centre antidouleur ! Et le kiné, il faut');
    state = reduce(state, { type: 'editMove', unit: 'sentence', dir: -1 });
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end)).toBe('Huit mois pour le centre antidouleur !');
    state = run(state, { type: 'editSwap' }, { type: 'editMove', unit: 'word', dir: 1 });
    expect(TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end)).toBe('mois pour le centre antidouleur !');
    // Codes: add « Humour » by typing, remove « Délais » by toggling it off.
    state = run(state, { type: 'editCodes' });
    expect(state.mode).toBe('codes');
    state = run(state, { type: 'pickerType', text: 'humo' }, { type: 'pickerConfirm' });
    expect(state.edit!.codes).toEqual(['delais', 'humour']);
    state = run(state, { type: 'editCodes' }, { type: 'pickerType', text: 'delai' }, { type: 'pickerToggle' }, { type: 'pickerConfirm' });
    expect(state.edit!.codes).toEqual(['humour']);
    state = reduce(state, { type: 'editConfirm' });
    const start = TRANSCRIPT.text.indexOf('mois pour');
    expect(state.effects).toMatchObject([{ type: 'save', decision: { key: d.key, choice: 'edit', edited: [{ start, end: start + 'mois pour le centre antidouleur !'.length, codes: ['humour'] }] } }]);
  });

  it('steps an edited boundary word by word as the coding screen does: the full stop goes with its word, there and back', () => {
    let state = run(initReconcile(sampleInput()), { type: 'move', dir: 1 }, { type: 'openEdit', from: 'all' });
    const quote = () => TRANSCRIPT.text.slice(state.edit!.start, state.edit!.end);
    expect(quote()).toBe('Le soir je suis épuisé, vraiment épuisé.');
    const word = (dir: 1 | -1): Action => ({ type: 'editMove', unit: 'word', dir });
    state = run(state, word(1));
    expect(quote()).toBe('Le soir je suis épuisé, vraiment épuisé. Huit');
    state = run(state, word(1), word(1), word(1), word(1), word(1));
    expect(quote()).toBe('Le soir je suis épuisé, vraiment épuisé. Huit mois pour le centre antidouleur !');
    state = run(state, word(-1), word(-1), word(-1), word(-1), word(-1));
    expect(quote()).toBe('Le soir je suis épuisé, vraiment épuisé. Huit');
    state = run(state, word(-1));
    expect(quote()).toBe('Le soir je suis épuisé, vraiment épuisé.');
    // A comma stays out, as in the coding screen (`le dernier,` ends at `dernier`).
    state = run(state, word(-1), word(-1));
    expect(quote()).toBe('Le soir je suis épuisé');
    // The start: back takes in the word before, with its opening quote if any; forward drops it.
    state = run(state, { type: 'editSwap' }, word(-1));
    expect(quote()).toBe('aussi. Le soir je suis épuisé');
    state = run(state, word(1), word(1));
    expect(quote()).toBe('soir je suis épuisé');
  });

  it('asks for a code before saving an edit, and cancels with Esc', () => {
    let state = run(initReconcile(sampleInput()), { type: 'openEdit', from: 'all' }, { type: 'editCodes' }, { type: 'pickerToggle' }, { type: 'pickerConfirm' });
    expect(state.edit!.codes).toEqual([]);
    state = reduce(state, { type: 'editConfirm' });
    expect(state.effects).toEqual([]);
    expect(state.message?.tone).toBe('error');
    state = reduce(state, { type: 'editCancel' });
    expect(state.mode).toBe('review');
    expect(state.edit).toBeNull();
  });

  it('skips to the next undecided disagreement without saving anything', () => {
    const state = reduce(initReconcile(sampleInput()), { type: 'skip' });
    expect(state.index).toBe(1);
    expect(state.effects).toEqual([]);
  });

  it('warns once before quitting with a decision not saved', () => {
    let state = run(initReconcile(sampleInput()), { type: 'decide', choice: 'keep-b' });
    state = reduce({ ...state, effects: [] }, { type: 'saveFailed', error: 'disque plein' });
    expect(state.saveError).toBe('disque plein');
    state = reduce(state, { type: 'quit' });
    expect(state.effects).toEqual([]);
    expect(state.message?.text.fr).toContain('q de nouveau pour quitter');
    state = reduce(state, { type: 'quit' });
    expect(state.effects).toEqual([{ type: 'quit' }]);
  });

  it('maps keys by mode: a letter decides in review and is text in a note', () => {
    const state = initReconcile(sampleInput());
    expect(key(state, 'a')).toEqual({ type: 'decide', choice: 'keep-a' });
    expect(key(state, '0')).toEqual({ type: 'decide', choice: 'neither' });
    expect(key(state, '', { rightArrow: true })).toEqual({ type: 'move', dir: 1 });
    expect(key(state, '', { tab: true })).toEqual({ type: 'nextPending', dir: 1 });
    const note = reduce(state, { type: 'openNote' });
    expect(key(note, 'a')).toEqual({ type: 'noteType', text: 'a' });
    expect(key(note, '', { return: true })).toEqual({ type: 'noteConfirm' });
    const edit = reduce(state, { type: 'openEdit', from: 'all' });
    expect(key(edit, '', { leftArrow: true })).toEqual({ type: 'editMove', unit: 'word', dir: -1 });
    expect(key(edit, 'c')).toEqual({ type: 'editCodes' });
    expect(key(edit, 'c', { ctrl: true })).toEqual({ type: 'quit' });
  });

  it('v reads the memos and the note of the disagreement whole, where there are some; ↓↑ scroll, any other key goes back', () => {
    let state = initReconcile(sampleInput({}, { memo: 'un mémo long' }));
    expect(key(state, 'v')).toEqual({ type: 'memos' });
    state = reduce(state, { type: 'memos' });
    expect(state.mode).toBe('review');
    expect(state.message?.text).toEqual({ fr: 'Ni mémo ni note sur ce désaccord.', en: 'No memo nor note on this disagreement.' });
    state = run(state, { type: 'move', dir: 1 }, { type: 'memos' });
    expect(state.mode).toBe('memos');
    expect(key(state, 'j')).toEqual({ type: 'scrollHelp', delta: 1 });
    state = reduce(state, key(state, '', { downArrow: true })!);
    expect([state.mode, state.helpTop]).toEqual(['memos', 1]);
    state = reduce(state, key(state, 'a')!);
    expect([state.mode, state.helpTop, state.effects]).toEqual(['review', 0, []]);
    // A note alone is something to read whole too.
    state = run(state, { type: 'move', dir: 1 }, { type: 'openNote' }, { type: 'noteType', text: 'à revoir' }, { type: 'noteConfirm' }, { type: 'memos' });
    expect(state.mode).toBe('memos');
    for (const language of ['fr', 'en'] as const) expect(reconcileStrings(language).help.flatMap((g) => g.keys.map(([k]) => k))).toContain('v');
  });
});
