/**
 * Keys → themes-screen actions, for each mode. Pure: the screen feeds what the terminal sent
 * through `feedInput`, key by key, each read in the mode the previous one left.
 *
 * Browse: ↑/↓ (j/k) · Tab other pane · ←/→ (h/l) fold/unfold · Space mark · m move · n theme ·
 * N sub-theme · r rename · K/J (Alt+↑/↓) up/down · d delete an empty theme · u undo ·
 * p/⏎ side panel, [/] scroll it · ? help · q quit.
 */
import { parseKey, printableText as printable, splitInput, takeKey, type KeyInfo } from '../keys.js';
import type { Action, ThemesState } from './state.js';

function browseKey(input: string, key: KeyInfo, page: number): Action | null {
  if (key.meta && key.upArrow) return { type: 'reorder', by: -1 };
  if (key.meta && key.downArrow) return { type: 'reorder', by: 1 };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'move', delta: -page };
  if (key.pageDown) return { type: 'move', delta: page };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'last' };
  if (key.leftArrow) return { type: 'collapse' };
  if (key.rightArrow) return { type: 'expand' };
  if (key.tab) return { type: 'switchPane' };
  if (key.return) return { type: 'togglePanel' };
  if (key.escape) return { type: 'clearMarks' };
  if (key.delete) return { type: 'delete' };
  if (key.ctrl) {
    if (input === 'd') return { type: 'scrollPanel', delta: Math.max(1, Math.floor(page / 2)) };
    if (input === 'u') return { type: 'scrollPanel', delta: -Math.max(1, Math.floor(page / 2)) };
    if (input === 'z') return { type: 'undo' };
    return null;
  }
  if (key.meta) return null;
  switch (input) {
    case 'j':
      return { type: 'move', delta: 1 };
    case 'k':
      return { type: 'move', delta: -1 };
    case 'g':
      return { type: 'first' };
    case 'G':
      return { type: 'last' };
    case 'h':
      return { type: 'collapse' };
    case 'l':
      return { type: 'expand' };
    case ' ':
      return { type: 'mark' };
    case 'm':
      return { type: 'openMove' };
    case 'n':
      return { type: 'newTheme', sub: false };
    case 'N':
      return { type: 'newTheme', sub: true };
    case 'r':
      return { type: 'rename' };
    case 'K':
      return { type: 'reorder', by: -1 };
    case 'J':
      return { type: 'reorder', by: 1 };
    case 'd':
      return { type: 'delete' };
    case 'u':
      return { type: 'undo' };
    case 'p':
      return { type: 'togglePanel' };
    case ']':
      return { type: 'scrollPanel', delta: Math.max(1, Math.floor(page / 2)) };
    case '[':
      return { type: 'scrollPanel', delta: -Math.max(1, Math.floor(page / 2)) };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    default:
      return null;
  }
}

function pickerKey(input: string, key: KeyInfo, page: number): Action | null {
  if (key.escape) return { type: 'pickerClose' };
  if (key.return) return { type: 'pickerConfirm' };
  if (key.upArrow || (key.ctrl && input === 'p')) return { type: 'pickerMove', delta: -1 };
  if (key.downArrow || (key.ctrl && input === 'n')) return { type: 'pickerMove', delta: 1 };
  if (key.pageUp) return { type: 'pickerMove', delta: -page };
  if (key.pageDown) return { type: 'pickerMove', delta: page };
  if ((key.backspace && key.meta) || (key.ctrl && input === 'w')) return { type: 'pickerEraseWord' };
  if (key.ctrl && input === 'u') return { type: 'pickerClear' };
  if (key.backspace || key.delete) return { type: 'pickerErase' };
  if (key.ctrl || key.meta) return null;
  const text = printable(input, key);
  return text === '' ? null : { type: 'pickerType', text };
}

function promptKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'promptCancel' };
  if (key.return) return { type: 'promptConfirm' };
  if ((key.backspace && key.meta) || (key.ctrl && input === 'w')) return { type: 'promptEraseWord' };
  if (key.backspace) return { type: 'promptErase' };
  if (key.leftArrow) return { type: 'promptCaret', to: 'left' };
  if (key.rightArrow) return { type: 'promptCaret', to: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'promptCaret', to: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'promptCaret', to: 'end' };
  if (key.ctrl && input === 'u') return { type: 'promptClear' };
  if (key.ctrl || key.meta) return null;
  const text = printable(input, key);
  return text === '' ? null : { type: 'promptType', text };
}

/** The action a key stands for in the current mode, or null. `page`: rows of a pane, for PgUp/PgDn. */
export function keyToAction(state: ThemesState, input: string, key: KeyInfo, page = 10): Action | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  switch (state.mode) {
    case 'picker':
      return pickerKey(input, key, page);
    case 'prompt':
      return promptKey(input, key);
    case 'help':
      if (key.downArrow || input === 'j') return { type: 'scrollHelp', delta: 1 };
      if (key.upArrow || input === 'k') return { type: 'scrollHelp', delta: -1 };
      if (key.pageDown || input === ' ') return { type: 'scrollHelp', delta: page };
      if (key.pageUp) return { type: 'scrollHelp', delta: -page };
      if (input === 'q') return { type: 'quit' };
      return { type: 'dismiss' };
    case 'notices':
      if (input === 'q') return { type: 'quit' };
      return { type: 'dismiss' };
    case 'browse':
      return browseKey(input, key, page);
  }
}

/** Whether the screen is typing into a text field, where pasted text goes whole. */
function typing(state: ThemesState): boolean {
  return state.mode === 'prompt' || state.mode === 'picker';
}

/** Feeds what the terminal sent to the screen, key by key (see keys.ts). */
export function feedInput(
  state: ThemesState,
  raw: string,
  apply: (state: ThemesState, action: Action) => ThemesState,
  stop: () => boolean = () => false,
  page = 10,
): ThemesState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && !stop()) {
      const [piece, after] = takeKey(rest, typing(current));
      rest = after;
      const press = parseKey(piece);
      const action = press.kind === 'key' ? keyToAction(current, press.input, press.key, page) : null;
      if (action !== null) current = apply(current, action);
    }
  }
  return current;
}
