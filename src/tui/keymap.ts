/**
 * Keys → session actions, for each mode. Pure: the screen calls `keyToAction` with what Ink's
 * `useInput` gives it and dispatches the result.
 */
import type { Key } from 'ink';
import { rowOf, type Layout } from './layout.js';
import { sentenceAt, type Action, type SessionState } from './session.js';

/** The parts of Ink's `Key` the key map reads. */
export type KeyInfo = Pick<
  Key,
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'ctrl'
  | 'shift'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'meta'
>;

export interface KeyContext {
  layout: Layout;
  /** Rows of transcript on screen, for paging. */
  viewRows: number;
}

/** The sentence one screen down (dir 1) or up (-1) from the cursor. */
export function pageTarget(state: SessionState, ctx: KeyContext, dir: 1 | -1): number {
  const sentence = state.sentences[state.cursor];
  if (sentence === undefined || ctx.layout.count === 0) return state.cursor;
  const step = Math.max(1, ctx.viewRows - 2);
  const row = Math.min(Math.max(0, rowOf(ctx.layout, sentence.start) + dir * step), ctx.layout.count - 1);
  let target = sentenceAt(state.sentences, ctx.layout.rowStart[row] ?? 0);
  if (target === state.cursor) target += dir;
  return Math.min(Math.max(0, target), state.sentences.length - 1);
}

/** Printable text typed (or pasted), without control characters. */
function printable(input: string, key: KeyInfo): string {
  if (key.ctrl || key.escape || key.return || key.tab || key.backspace || key.delete) return '';
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return '';
  // eslint-disable-next-line no-control-regex
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

function pickerKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'pickerClose' };
  if (key.return) return { type: 'pickerConfirm' };
  if (key.upArrow || (key.ctrl && input === 'p')) return { type: 'pickerMove', delta: -1 };
  if (key.downArrow || key.tab) return { type: 'pickerMove', delta: key.tab && key.shift ? -1 : 1 };
  if (key.pageUp) return { type: 'pickerMove', delta: -10 };
  if (key.pageDown) return { type: 'pickerMove', delta: 10 };
  if (key.backspace || key.delete) return { type: 'pickerErase' };
  if (key.ctrl && input === 'n') return { type: 'pickerNewCode' };
  if (key.ctrl) return null;
  if (input === ' ') return { type: 'pickerToggle' };
  if (/^[1-9]$/.test(input)) return { type: 'pickerQuick', n: Number(input) };
  if (input === '+') return { type: 'pickerNewCode' };
  const text = printable(input, key).replace(/[0-9 ]/g, '');
  return text === '' ? null : { type: 'pickerType', text };
}

function promptKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'promptCancel' };
  if (key.return) return { type: 'promptConfirm' };
  if (key.backspace || key.delete) return { type: 'promptErase' };
  if (key.leftArrow) return { type: 'promptCaret', to: 'left' };
  if (key.rightArrow) return { type: 'promptCaret', to: 'right' };
  if (key.home || (key.ctrl && input === 'a')) return { type: 'promptCaret', to: 'home' };
  if (key.end || (key.ctrl && input === 'e')) return { type: 'promptCaret', to: 'end' };
  if (key.ctrl && input === 'u') return { type: 'promptClear' };
  if (key.ctrl && input === 'd') return { type: 'promptDeleteForward' };
  const text = printable(input, key);
  return text === '' ? null : { type: 'promptType', text };
}

function readKey(state: SessionState, input: string, key: KeyInfo, ctx: KeyContext): Action | null {
  const selecting = state.selection !== null;
  // Selection: Shift+arrows always; plain arrows and hjkl once a selection is open.
  if (key.shift && key.downArrow) return { type: 'extend', unit: 'sentence', dir: 1 };
  if (key.shift && key.upArrow) return { type: 'extend', unit: 'sentence', dir: -1 };
  if (key.shift && key.rightArrow) return { type: 'extend', unit: 'word', dir: 1 };
  if (key.shift && key.leftArrow) return { type: 'extend', unit: 'word', dir: -1 };
  if (key.rightArrow || input === 'l') return { type: 'extend', unit: 'word', dir: 1 };
  if (key.leftArrow || input === 'h') return { type: 'extend', unit: 'word', dir: -1 };
  if (selecting) {
    if (key.downArrow || input === 'j') return { type: 'extend', unit: 'sentence', dir: 1 };
    if (key.upArrow || input === 'k') return { type: 'extend', unit: 'sentence', dir: -1 };
    if (input === 'J') return { type: 'extend', unit: 'turn', dir: 1 };
    if (input === 'K') return { type: 'extend', unit: 'turn', dir: -1 };
    if (input === 'o') return { type: 'swapEnds' };
  }
  if (key.downArrow || input === 'j') return { type: 'move', unit: 'sentence', dir: 1 };
  if (key.upArrow || input === 'k') return { type: 'move', unit: 'sentence', dir: -1 };
  if (input === 'J') return { type: 'move', unit: 'turn', dir: 1 };
  if (input === 'K') return { type: 'move', unit: 'turn', dir: -1 };
  if (key.pageDown || input === ' ' || (key.ctrl && (input === 'f' || input === 'd'))) {
    return { type: 'moveTo', sentence: pageTarget(state, ctx, 1) };
  }
  if (key.pageUp || input === 'b' || (key.ctrl && (input === 'b' || input === 'u'))) {
    return { type: 'moveTo', sentence: pageTarget(state, ctx, -1) };
  }
  if (key.home || input === 'g') return { type: 'top' };
  if (key.end || input === 'G') return { type: 'bottom' };
  if (key.tab) return { type: 'nextUncoded', dir: key.shift ? -1 : 1 };
  if (input === ']') return { type: 'nextUncoded', dir: 1 };
  if (input === '[') return { type: 'nextUncoded', dir: -1 };
  if (key.escape) return { type: 'cancel' };
  if (key.return || input === 'c') return { type: 'openPicker' };
  if (key.ctrl && input === 'r') return { type: 'redo' };
  if (key.ctrl && input === 'z') return { type: 'undo' };
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (key.ctrl) return null;
  if (key.backspace || key.delete || input === 'x') return { type: 'removeSegment' };
  switch (input) {
    case 'v':
      return { type: 'select' };
    case 'e':
      return { type: 'editSegment' };
    case 's':
      return { type: 'cycleSegment' };
    case 'm':
      return { type: 'memoSegment' };
    case 'M':
      return { type: 'memoTranscript' };
    case '*':
      return { type: 'toggleExemplary' };
    case 'u':
    case 'z':
      return { type: 'undo' };
    case 'U':
    case 'Z':
      return { type: 'redo' };
    case '/':
      return { type: 'openSearch' };
    case 'n':
      return { type: 'searchNext', dir: 1 };
    case 'N':
      return { type: 'searchNext', dir: -1 };
    case ':':
      return { type: 'openGoto' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    default:
      return null;
  }
}

/** The action a key stands for in the current mode, or null when it means nothing there. */
export function keyToAction(state: SessionState, input: string, key: KeyInfo, ctx: KeyContext): Action | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  switch (state.mode) {
    case 'picker':
      return pickerKey(input, key);
    case 'prompt':
      return promptKey(input, key);
    case 'help':
      if (key.downArrow || input === 'j') return { type: 'scrollHelp', delta: 1 };
      if (key.upArrow || input === 'k') return { type: 'scrollHelp', delta: -1 };
      if (key.pageDown || input === ' ') return { type: 'scrollHelp', delta: 10 };
      if (key.pageUp) return { type: 'scrollHelp', delta: -10 };
      return { type: 'dismiss' };
    case 'notices':
      return { type: 'dismiss' };
    case 'read':
      return readKey(state, input, key, ctx);
  }
}

/** A `KeyInfo` with nothing pressed, for tests and synthetic keys. */
export const NO_KEY: KeyInfo = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};
