/**
 * The speaker map asked for on import, as a pure reducer: one row per label found (`Dr Martin`,
 * `Claire Petit`), each with its code (proposed, edited in place); Enter imports with that map,
 * Esc imports nothing. Keys → actions here too, so that the screen only draws.
 */
import type { SpeakerToMap } from '../../core/transcript-import/speaker-proposal.js';
import { labelFromName } from '../../core/transcript-import/speakers.js';
import type { Localized } from '../../core/types.js';
import { parseKey, splitInput, takeKey, type KeyInfo } from '../keys.js';
import { nextCaret, previousCaret, wordStartBefore } from '../line-edit.js';

export interface SpeakerMapState {
  rows: readonly SpeakerToMap[];
  /** The code of each row, as edited. */
  codes: string[];
  index: number;
  caret: number;
  message: Localized | null;
  outcome: 'import' | 'cancel' | null;
}

export type Action =
  | { type: 'move'; dir: 1 | -1 }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'eraseWord' }
  | { type: 'caret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'clear' }
  | { type: 'confirm' }
  | { type: 'cancel' };

export function initSpeakerMap(rows: readonly SpeakerToMap[]): SpeakerMapState {
  const codes = rows.map((r) => r.proposed);
  return { rows, codes, index: 0, caret: codes[0]?.length ?? 0, message: null, outcome: null };
}

/** The map the rows make: label → code. */
export function speakerMapOf(state: SpeakerMapState): Map<string, string> {
  return new Map(state.rows.map((r, i) => [r.label, state.codes[i]!.trim()]));
}

export function reduce(state: SpeakerMapState, action: Action): SpeakerMapState {
  if (state.outcome !== null) return state;
  const value = state.codes[state.index] ?? '';
  const edit = (next: string, caret: number): SpeakerMapState => {
    const codes = state.codes.slice();
    codes[state.index] = next;
    return { ...state, codes, caret, message: null };
  };
  switch (action.type) {
    case 'move': {
      const index = Math.min(state.rows.length - 1, Math.max(0, state.index + action.dir));
      return { ...state, index, caret: state.codes[index]?.length ?? 0, message: null };
    }
    case 'type': {
      const clean = action.text.replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      return clean === '' ? state : edit(value.slice(0, state.caret) + clean + value.slice(state.caret), state.caret + clean.length);
    }
    case 'erase': {
      const at = previousCaret(value, state.caret);
      return edit(value.slice(0, at) + value.slice(state.caret), at);
    }
    case 'eraseWord': {
      const at = wordStartBefore(value, state.caret);
      return edit(value.slice(0, at) + value.slice(state.caret), at);
    }
    case 'caret':
      return { ...state, caret: action.to === 'left' ? previousCaret(value, state.caret) : action.to === 'right' ? nextCaret(value, state.caret) : action.to === 'home' ? 0 : value.length };
    case 'clear':
      return edit('', 0);
    case 'confirm': {
      // Every code must be read back as it is written (`P3`, `MG3`, `E`).
      const bad = state.codes.findIndex((c) => c.trim() === '' || labelFromName(c.trim()) !== c.trim());
      if (bad !== -1) {
        const code = state.codes[bad]!.trim();
        return {
          ...state,
          index: bad,
          caret: state.codes[bad]!.length,
          message:
            code === ''
              ? { fr: `Donnez un code à « ${state.rows[bad]!.label} » (E, P3…).`, en: `Give "${state.rows[bad]!.label}" a code (E, P3…).` }
              : { fr: `« ${code} » ne peut pas servir d’étiquette : lettres, chiffres, « . », « - » (E, P3, MG3).`, en: `"${code}" cannot be a label: letters, digits, ".", "-" (E, P3, MG3).` },
        };
      }
      return { ...state, outcome: 'import' };
    }
    case 'cancel':
      return { ...state, outcome: 'cancel' };
  }
}

export function keyToAction(input: string, key: KeyInfo): Action | null {
  if (key.ctrl && input === 'c') return { type: 'cancel' };
  if (key.escape) return { type: 'cancel' };
  if (key.return) return { type: 'confirm' };
  if (key.upArrow || (key.tab && key.shift)) return { type: 'move', dir: -1 };
  if (key.downArrow || key.tab) return { type: 'move', dir: 1 };
  if (key.backspace && (key.ctrl || key.meta)) return { type: 'eraseWord' };
  if (key.backspace || key.delete) return { type: 'erase' };
  if (key.leftArrow) return { type: 'caret', to: 'left' };
  if (key.rightArrow) return { type: 'caret', to: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'caret', to: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'caret', to: 'end' };
  if (key.ctrl && input === 'u') return { type: 'clear' };
  if (key.ctrl && input === 'w') return { type: 'eraseWord' };
  if (key.ctrl || key.meta || key.pageUp || key.pageDown) return null;
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text === '' ? null : { type: 'type', text };
}

/** What the terminal sent, key by key (a pasted code stays whole). */
export function feedInput(state: SpeakerMapState, raw: string, apply: (state: SpeakerMapState, action: Action) => SpeakerMapState): SpeakerMapState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && current.outcome === null) {
      const [piece, after] = takeKey(rest, true);
      rest = after;
      const press = parseKey(piece);
      const action = press.kind === 'key' ? keyToAction(press.input, press.key) : null;
      if (action !== null) current = apply(current, action);
    }
  }
  return current;
}
