import { describe, expect, it } from 'vitest';
import { parseKey } from '../keys.js';
import { feedInput, keyToAction } from './keymap.js';
import { choiceKeys, countsByCode, initSplit, reduceSplit, segmentChoices, type SplitAction, type SplitItem, type SplitState } from './split.js';

function item(segments: string[], participant = 'P1', text = 'Un texte.'): SplitItem {
  return { segments, participant, label: `(${participant})`, coder: 'lea', text, otherCodes: [], memos: [], unplaced: false };
}

function state(into = ['Colère', 'Lassitude'], code = 'Frustration', items = [item(['a']), item(['b', 'c', 'd'], 'P2'), item(['e'], 'P3')]): SplitState {
  return initSplit({ language: 'fr', code, into, items, coders: ['lea'] });
}

const run = (s: SplitState, ...actions: SplitAction[]) => actions.reduce(reduceSplit, s);
const keys = (s: SplitState, raw: string) => feedInput(s, raw, reduceSplit);

describe('the split reducer', () => {
  it('assigns the quote under the cursor and moves on; a quote of several segments goes as one', () => {
    const s = run(state(), { type: 'assign', to: 1 }, { type: 'assign', to: 0 });
    expect(s.choices).toEqual([1, 0, null]);
    expect(s.cursor).toBe(2);
    const done = run(s, { type: 'assign', to: 1 }, { type: 'confirm' });
    expect(done.outcome).toBe('split');
    expect(segmentChoices(done)).toEqual(
      new Map([
        ['a', 'Lassitude'],
        ['b', 'Colère'],
        ['c', 'Colère'],
        ['d', 'Colère'],
        ['e', 'Lassitude'],
      ]),
    );
    expect(countsByCode(done)).toEqual([1, 2]);
  });

  it('refuses to confirm while a quote has no new code, and goes to the first one', () => {
    const s = run(state(), { type: 'assign', to: 0 }, { type: 'last' }, { type: 'assign', to: 1 }, { type: 'confirm' });
    expect(s.outcome).toBeNull();
    expect(s.cursor).toBe(1);
    expect(s.message?.text.en).toContain('1 quote(s) still have no new code');
    expect(reduceSplit(s, { type: 'move', delta: 1 }).message).toBeNull();
  });

  it('lets quotes keep the code when its own name is among the new codes: only the others move', () => {
    const s = state(['Frustration', 'Colère']);
    expect(s.choices).toEqual([0, 0, 0]);
    const done = run(s, { type: 'move', delta: 1 }, { type: 'assign', to: 1 }, { type: 'confirm' });
    expect(done.outcome).toBe('split');
    expect(segmentChoices(done)).toEqual(new Map([['b', 'Colère'], ['c', 'Colère'], ['d', 'Colère']]));
    // Clearing a choice puts the quote back with the code it keeps.
    expect(run(done).choices).toEqual([0, 1, 0]);
    expect(run(s, { type: 'assign', to: 1 }, { type: 'first' }, { type: 'clear' }).choices).toEqual([0, 0, 0]);
  });

  it('leaves with nothing decided on cancel, and ignores everything after', () => {
    const s = run(state(), { type: 'assign', to: 0 }, { type: 'cancel' });
    expect(s.outcome).toBe('cancelled');
    expect(run(s, { type: 'assign', to: 1 })).toBe(s);
  });

  it('keeps the cursor and the context within bounds', () => {
    const s = state();
    expect(run(s, { type: 'move', delta: -5 }).cursor).toBe(0);
    expect(run(s, { type: 'move', delta: 50 }).cursor).toBe(2);
    expect(run(s, { type: 'context', delta: -1 }).context).toBe(0);
    expect(run(s, ...Array.from({ length: 20 }, () => ({ type: 'context', delta: 1 }) as const)).context).toBe(10);
    // Context is for the quote under the cursor: moving resets it.
    expect(run(s, { type: 'context', delta: 2 }, { type: 'move', delta: 1 }).context).toBe(0);
    const empty = initSplit({ language: 'en', code: 'X', into: ['A', 'B'], items: [], coders: [] });
    expect(run(empty, { type: 'assign', to: 0 }, { type: 'move', delta: 1 }).choices).toEqual([]);
  });
});

describe('the split keys', () => {
  it('chooses by digit, and by initial when no other new code or list key shares it', () => {
    expect([...choiceKeys(['Colère', 'Lassitude'])]).toEqual([['1', 0], ['2', 1], ['c', 0], ['l', 1]]);
    // Two names with the same initial, an initial the list uses (j, k, q, g, x), an accent.
    expect([...choiceKeys(['Colère', 'Contre le système', 'Jalousie', 'Épuisement'])]).toEqual([['1', 0], ['2', 1], ['3', 2], ['4', 3], ['e', 3]]);
  });

  it('reads keys as the terminal sends them, a burst key by key', () => {
    const s = keys(state(), 'l1');
    expect(s.choices).toEqual([1, 0, null]);
    expect(keys(s, 'k\x1b[B').cursor).toBe(2);
    expect(keys(state(), '12c\r').outcome).toBe('split');
    expect(keys(state(), 'q1').outcome).toBe('cancelled');
    expect(keys(state(), '1\x1b').outcome).toBe('cancelled');
    const press = (raw: string) => {
      const p = parseKey(raw);
      return p.kind === 'key' ? keyToAction(state(), p.input, p.key) : null;
    };
    expect(press('+')).toEqual({ type: 'context', delta: 1 });
    expect(press('\x1b[D')).toEqual({ type: 'context', delta: -1 });
    expect(press('\x7f')).toEqual({ type: 'clear' });
    expect(press('z')).toBeNull();
    expect(press('?')).toEqual({ type: 'help' });
  });
});
