/**
 * Keys → review actions, for each mode. Pure.
 *
 * Review: Enter/r replace with the label · e edit the label · k keep · s skip · ←/→ previous/next
 * finding · Tab next place of the same text · n next undecided · w summary · q quit.
 * Summary: Enter/w write · Esc back to the review · ↑/↓ scroll · q quit.
 */
import { parseKey, splitInput, takeKey, type KeyInfo } from '../keys.js';
import type { Action, ReviewState } from './review.js';

function printable(input: string, key: KeyInfo): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return '';
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return '';
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

function reviewKey(input: string, key: KeyInfo): Action | null {
  if (key.return) return { type: 'replace' };
  if (key.rightArrow || key.downArrow || key.pageDown) return { type: 'move', dir: 1 };
  if (key.leftArrow || key.upArrow || key.pageUp) return { type: 'move', dir: -1 };
  if (key.tab) return { type: 'occurrence', dir: key.shift ? -1 : 1 };
  if (key.escape) return { type: 'quit' };
  if (key.ctrl) return null;
  switch (input) {
    case 'r':
      return { type: 'replace' };
    case 'e':
      return { type: 'editLabel' };
    case 'k':
      return { type: 'keep' };
    case 's':
      return { type: 'skip' };
    case ' ':
    case 'l':
      return { type: 'move', dir: 1 };
    case 'p':
    case 'h':
      return { type: 'move', dir: -1 };
    case 'o':
      return { type: 'occurrence', dir: 1 };
    case 'n':
      return { type: 'nextUndecided' };
    case 'w':
      return { type: 'summary' };
    case 'q':
      return { type: 'quit' };
    default:
      return null;
  }
}

function labelKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'labelCancel' };
  if (key.return) return { type: 'labelConfirm' };
  if (key.backspace && (key.ctrl || key.meta)) return { type: 'labelEraseWord' };
  if (key.backspace || key.delete) return { type: 'labelErase' };
  if (key.leftArrow) return { type: 'labelCaret', to: 'left' };
  if (key.rightArrow) return { type: 'labelCaret', to: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'labelCaret', to: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'labelCaret', to: 'end' };
  if (key.ctrl && input === 'u') return { type: 'labelClear' };
  if (key.ctrl && input === 'w') return { type: 'labelEraseWord' };
  const text = printable(input, key);
  return text === '' ? null : { type: 'labelType', text };
}

function summaryKey(input: string, key: KeyInfo): Action | null {
  if (key.return || input === 'w') return { type: 'write' };
  if (key.escape || key.leftArrow || input === 'b') return { type: 'back' };
  if (key.downArrow || input === 'j') return { type: 'scrollSummary', delta: 1 };
  if (key.upArrow || input === 'k') return { type: 'scrollSummary', delta: -1 };
  if (key.pageDown) return { type: 'scrollSummary', delta: 10 };
  if (key.pageUp) return { type: 'scrollSummary', delta: -10 };
  if (input === 'q') return { type: 'quit' };
  return null;
}

export function keyToAction(state: ReviewState, input: string, key: KeyInfo): Action | null {
  if (key.ctrl && input === 'c') return state.mode === 'quit' ? { type: 'quitConfirm' } : { type: 'quit' };
  switch (state.mode) {
    case 'review':
      return reviewKey(input, key);
    case 'label':
      return labelKey(input, key);
    case 'summary':
      return summaryKey(input, key);
    case 'quit':
      return input === 'y' || input === 'o' || input === 'Y' || input === 'O' ? { type: 'quitConfirm' } : { type: 'quitCancel' };
  }
}

/** What the terminal sent, key by key: a burst of keys or a pasted label counts every key. */
export function feedInput(state: ReviewState, raw: string, apply: (state: ReviewState, action: Action) => ReviewState): ReviewState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && current.outcome === null) {
      const [piece, after] = takeKey(rest, current.mode === 'label');
      rest = after;
      const press = parseKey(piece);
      const action = press.kind === 'key' ? keyToAction(current, press.input, press.key) : null;
      if (action !== null) current = apply(current, action);
    }
  }
  return current;
}
