/**
 * The interactive split of `codage codebook split A --into A1 A2 …`, as a pure reducer: the
 * quotes of A, each given one of the new codes by a key (1, 2, … or the name's initial), the
 * cursor moved with j/k or the arrows, more or less context of the quote under the cursor, then
 * ⏎ to split or q/Esc to leave with nothing written. A quote of several segments is one item:
 * its segments go together. The screen (SplitApp.tsx) draws the state; the command writes.
 */
import { nameKey } from '../../core/codebook/slug.js';
import type { SplitItem } from '../../core/report/split-items.js';
import type { Language, Localized } from '../../core/types.js';

export type { SplitItem };

export interface SplitInput {
  language: Language;
  /** The code being split (its name). */
  code: string;
  /** The new codes, in the order given after --into. */
  into: string[];
  items: SplitItem[];
  /** Several coders' quotes are listed: each row says whose. */
  coders: string[];
}

export type SplitMode = 'list' | 'help';

export interface SplitState extends SplitInput {
  /** Per item, the index in `into` it goes to; null: not yet chosen. */
  choices: (number | null)[];
  /** The index in `into` of the code's own name, when it is among them: unchosen quotes keep it. */
  keeps: number | null;
  /** Key → index in `into`: the digits, and each name's initial when no other name or key shares it. */
  keys: Map<string, number>;
  cursor: number;
  /** Sentences of context shown around the quote under the cursor. */
  context: number;
  mode: SplitMode;
  message: { text: Localized; tone: 'info' | 'error' } | null;
  /** Set when the screen is done: the command reads it. */
  outcome: 'split' | 'cancelled' | null;
}

export type SplitAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'assign'; to: number }
  | { type: 'clear' }
  | { type: 'context'; delta: number }
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'help' }
  | { type: 'dismiss' };

/** Keys the list uses for itself: a name starting with one of these is chosen by its digit only. */
export const RESERVED_KEYS = new Set(['j', 'k', 'q', 'g', 'x']);

export const MAX_CONTEXT = 10;

/** The keys that choose each new code: `1`…`9`, and the lower-case initial when it is unambiguous. */
export function choiceKeys(into: readonly string[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (let i = 0; i < Math.min(9, into.length); i++) keys.set(String(i + 1), i);
  const initials = into.map((name) => nameKey(name).replace(/[^a-z]/g, '').charAt(0));
  for (const [i, letter] of initials.entries()) {
    if (letter === '' || RESERVED_KEYS.has(letter) || initials.filter((l) => l === letter).length > 1) continue;
    keys.set(letter, i);
  }
  return keys;
}

export function initSplit(input: SplitInput): SplitState {
  const own = input.into.findIndex((name) => nameKey(name) === nameKey(input.code));
  const keeps = own < 0 ? null : own;
  return {
    ...input,
    choices: input.items.map(() => keeps),
    keeps,
    keys: choiceKeys(input.into),
    cursor: 0,
    context: 0,
    mode: 'list',
    message: null,
    outcome: null,
  };
}

/** Quotes that have a new code (a quote that keeps the code's own name counts). */
export function chosenCount(state: SplitState): number {
  return state.choices.filter((c) => c !== null).length;
}

/** How many quotes go to each new code, in the order of `into`. */
export function countsByCode(state: SplitState): number[] {
  const counts = state.into.map(() => 0);
  for (const c of state.choices) if (c !== null) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

/** Segment id → new code name, for `planEdit`'s split: what the screen decided. */
export function segmentChoices(state: SplitState): Map<string, string> {
  const moves = new Map<string, string>();
  state.items.forEach((item, i) => {
    const choice = state.choices[i];
    if (choice === null || choice === undefined || choice === state.keeps) return;
    for (const id of item.segments) moves.set(id, state.into[choice] as string);
  });
  return moves;
}

function clampCursor(state: SplitState, cursor: number): number {
  return Math.max(0, Math.min(state.items.length - 1, cursor));
}

export function reduceSplit(state: SplitState, action: SplitAction): SplitState {
  if (state.outcome !== null) return state;
  const s = { ...state, message: null };
  switch (action.type) {
    case 'move':
      return { ...s, cursor: clampCursor(s, s.cursor + action.delta), context: 0 };
    case 'first':
      return { ...s, cursor: 0, context: 0 };
    case 'last':
      return { ...s, cursor: clampCursor(s, s.items.length - 1), context: 0 };
    case 'assign': {
      if (s.items.length === 0 || action.to < 0 || action.to >= s.into.length) return s;
      const choices = [...s.choices];
      choices[s.cursor] = action.to;
      // On to the next quote, so that a run of keys assigns a run of quotes.
      const cursor = s.cursor < s.items.length - 1 ? s.cursor + 1 : s.cursor;
      return { ...s, choices, cursor, context: cursor === s.cursor ? s.context : 0 };
    }
    case 'clear': {
      if (s.items.length === 0) return s;
      const choices = [...s.choices];
      choices[s.cursor] = s.keeps;
      return { ...s, choices };
    }
    case 'context':
      return { ...s, context: Math.max(0, Math.min(MAX_CONTEXT, s.context + action.delta)) };
    case 'confirm': {
      const left = s.choices.filter((c) => c === null).length;
      if (left > 0) {
        const first = s.choices.indexOf(null);
        return {
          ...s,
          cursor: first,
          context: 0,
          message: {
            tone: 'error',
            text: {
              en: `${left} quote(s) still have no new code: give each one (1–${Math.min(9, s.into.length)}), or q to leave`,
              fr: `${left} citation(s) sans nouveau code\u00a0: attribuez-les (1–${Math.min(9, s.into.length)}), ou q pour quitter`,
            },
          },
        };
      }
      return { ...s, outcome: 'split' };
    }
    case 'cancel':
      return { ...s, outcome: 'cancelled' };
    case 'help':
      return { ...s, mode: 'help' };
    case 'dismiss':
      return { ...s, mode: 'list' };
  }
}
