/**
 * Keys → split actions. Pure. 1–9 or a name's initial: this quote goes to that code (then the
 * next quote) · 0, x or Backspace: undo the choice · j/k, ↓/↑, PgDn/PgUp, g/G: move ·
 * +/→ and -/←: more or less context · ⏎: split · q or Esc: leave, nothing written · ?: help.
 */
import { parseKey, splitInput, takeKey, type KeyInfo } from '../keys.js';
import type { SplitAction, SplitState } from './split.js';

/** Rows a page key moves. */
const PAGE = 10;

export function keyToAction(state: SplitState, input: string, key: KeyInfo): SplitAction | null {
  if (key.ctrl && input === 'c') return { type: 'cancel' };
  if (state.mode === 'help') return key.escape || input === 'q' || input === '?' || key.return ? { type: 'dismiss' } : null;
  if (key.escape) return { type: 'cancel' };
  if (key.return) return { type: 'confirm' };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.pageDown) return { type: 'move', delta: PAGE };
  if (key.pageUp) return { type: 'move', delta: -PAGE };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'last' };
  if (key.rightArrow) return { type: 'context', delta: 1 };
  if (key.leftArrow) return { type: 'context', delta: -1 };
  if (key.backspace || key.delete) return { type: 'clear' };
  if (key.ctrl || key.meta) return null;
  switch (input) {
    case 'j':
    case ' ':
      return { type: 'move', delta: 1 };
    case 'k':
      return { type: 'move', delta: -1 };
    case 'g':
      return { type: 'first' };
    case 'G':
      return { type: 'last' };
    case '+':
    case '=':
      return { type: 'context', delta: 1 };
    case '-':
      return { type: 'context', delta: -1 };
    case '0':
    case 'x':
      return { type: 'clear' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'cancel' };
  }
  const to = state.keys.get(input.toLowerCase());
  return to === undefined ? null : { type: 'assign', to };
}

/** What the terminal sent, key by key (see keys.ts): `1121⏎` pasted or typed fast counts every key. */
export function feedInput(state: SplitState, raw: string, apply: (state: SplitState, action: SplitAction) => SplitState): SplitState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && current.outcome === null) {
      const [piece, after] = takeKey(rest, false);
      rest = after;
      const press = parseKey(piece);
      const action = press.kind === 'key' ? keyToAction(current, press.input, press.key) : null;
      if (action !== null) current = apply(current, action);
    }
  }
  return current;
}
