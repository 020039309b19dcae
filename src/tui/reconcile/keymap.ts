/**
 * Keys → reconciliation actions, for each mode. Pure: the screen calls `keyToAction` with each
 * key and dispatches the result.
 *
 * Review: a keep A · b keep B · 2 both · 0 neither · c the common text · e edit · n note ·
 * s skip · v the memos and note whole · ←/→ (or p/Space) previous/next · Tab next undecided ·
 * g/G first/last · ? help · q quit.
 */
import { parseKey, printableText as printable, splitInput, takeKey, type KeyInfo } from '../keys.js';
import type { Action, ReconcileState } from './state.js';

function reviewKey(input: string, key: KeyInfo): Action | null {
  if (key.rightArrow || key.pageDown || key.downArrow) return { type: 'move', dir: 1 };
  if (key.leftArrow || key.pageUp || key.upArrow) return { type: 'move', dir: -1 };
  if (key.tab) return { type: 'nextPending', dir: key.shift ? -1 : 1 };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'last' };
  if (key.return) return { type: 'openEdit', from: 'all' };
  if (key.ctrl) return null;
  switch (input) {
    case 'a':
    case 'A':
      return { type: 'decide', choice: 'keep-a' };
    case 'b':
    case 'B':
      return { type: 'decide', choice: 'keep-b' };
    case '2':
    case '+':
      return { type: 'decide', choice: 'both' };
    case '0':
    case '-':
      return { type: 'decide', choice: 'neither' };
    case 'c':
      return { type: 'decide', choice: 'common' };
    case 'e':
      return { type: 'openEdit', from: 'all' };
    case 'n':
    case 'm':
      return { type: 'openNote' };
    case 's':
      return { type: 'skip' };
    case 'v':
      return { type: 'memos' };
    case ' ':
    case 'j':
    case 'l':
      return { type: 'move', dir: 1 };
    case 'p':
    case 'k':
    case 'h':
      return { type: 'move', dir: -1 };
    case ']':
      return { type: 'nextPending', dir: 1 };
    case '[':
      return { type: 'nextPending', dir: -1 };
    case 'g':
      return { type: 'first' };
    case 'G':
      return { type: 'last' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    default:
      return null;
  }
}

function editKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'editCancel' };
  if (key.return) return { type: 'editConfirm' };
  if (key.rightArrow || input === 'l') return { type: 'editMove', unit: 'word', dir: 1 };
  if (key.leftArrow || input === 'h') return { type: 'editMove', unit: 'word', dir: -1 };
  if (key.downArrow || input === 'j') return { type: 'editMove', unit: 'sentence', dir: 1 };
  if (key.upArrow || input === 'k') return { type: 'editMove', unit: 'sentence', dir: -1 };
  if (input === 'o') return { type: 'editSwap' };
  if (input === 'c' || key.tab) return { type: 'editCodes' };
  if (input === 'q') return { type: 'quit' };
  return null;
}

function codesKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'pickerClose' };
  if (key.return) return { type: 'pickerConfirm' };
  if (key.upArrow) return { type: 'pickerMove', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'pickerMove', delta: key.tab && key.shift ? -1 : 1 };
  if (key.pageUp) return { type: 'pickerMove', delta: -10 };
  if (key.pageDown) return { type: 'pickerMove', delta: 10 };
  if (key.backspace || key.delete) return { type: 'pickerErase' };
  if (key.ctrl) return null;
  if (input === ' ') return { type: 'pickerToggle' };
  const text = printable(input, key).replace(/ /g, '');
  return text === '' ? null : { type: 'pickerType', text };
}

function noteKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'noteCancel' };
  if (key.return) return { type: 'noteConfirm' };
  if (key.backspace || key.delete) return { type: 'noteErase' };
  if (key.leftArrow) return { type: 'noteCaret', to: 'left' };
  if (key.rightArrow) return { type: 'noteCaret', to: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'noteCaret', to: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'noteCaret', to: 'end' };
  if (key.ctrl && input === 'u') return { type: 'noteClear' };
  const text = printable(input, key);
  return text === '' ? null : { type: 'noteType', text };
}

export function keyToAction(state: ReconcileState, input: string, key: KeyInfo): Action | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  switch (state.mode) {
    case 'review':
      return reviewKey(input, key);
    case 'edit':
      return editKey(input, key);
    case 'codes':
      return codesKey(input, key);
    case 'note':
      return noteKey(input, key);
    case 'help':
    case 'memos':
      if (key.downArrow || input === 'j') return { type: 'scrollHelp', delta: 1 };
      if (key.upArrow || input === 'k') return { type: 'scrollHelp', delta: -1 };
      return { type: 'dismiss' };
    case 'notices':
      return { type: 'dismiss' };
  }
}

/** Whether keys are text for a field (a note, the code filter): a pasted run then stays whole. */
function typing(state: ReconcileState): boolean {
  return state.mode === 'note' || state.mode === 'codes';
}

/**
 * What the terminal sent, key by key (see keys.ts): a burst (`aab`, a paste, a note ending in
 * Enter) counts every key, each read in the mode the previous one left. Mouse reports are ignored.
 */
export function feedInput(state: ReconcileState, raw: string, apply: (state: ReconcileState, action: Action) => ReconcileState, stop: () => boolean = () => false): ReconcileState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && !stop()) {
      const [piece, after] = takeKey(rest, typing(current));
      rest = after;
      const press = parseKey(piece);
      const action = press.kind === 'key' ? keyToAction(current, press.input, press.key) : null;
      if (action !== null) current = apply(current, action);
    }
  }
  return current;
}
