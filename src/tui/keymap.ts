/**
 * Keys → session actions, for each mode. Pure: the screen calls `keyToAction` with what Ink's
 * `useInput` gives it and dispatches the result.
 */
import { NO_KEY, parseKey, printableText as printable, splitInput, takeKey, type KeyInfo, type MouseReport } from './keys.js';
import { GUTTER_WIDTH, offsetAt, rowOf, rowsOf, type Layout } from './layout.js';
import { sentenceAt, type Action, type Picker, type SessionState } from './session.js';

export { NO_KEY, type KeyInfo };

export interface KeyContext {
  layout: Layout;
  /** Rows of transcript on screen, for paging. */
  viewRows: number;
  /** For the mouse: the first transcript row shown, and the screen row (1-based) it is drawn on. */
  top?: number;
  viewRow?: number;
}

/**
 * A page down or up: the cursor moves a screen of rows, and the window with it, so that the text
 * scrolls a page (the cursor keeps its place on screen) instead of the cursor running to the
 * window's far edge first.
 */
function pageMove(state: SessionState, ctx: KeyContext, dir: 1 | -1): Action {
  if (ctx.top === undefined || ctx.viewRows <= 0) return { type: 'moveTo', sentence: pageTarget(state, ctx, dir) };
  const top = Math.min(Math.max(0, ctx.top + dir * pageStep(ctx)), Math.max(0, ctx.layout.count - ctx.viewRows));
  // In a sentence taller than the window, the text scrolls through it first (as a pager does):
  // the cursor moves on only once its end (or, going up, its beginning) is on screen.
  const sentence = state.sentences[state.cursor];
  if (sentence !== undefined && ctx.layout.count > 0) {
    const rows = rowsOf(ctx.layout, sentence.start, sentence.end);
    const bottom = ctx.top + ctx.viewRows - 1;
    const hidden = dir === 1 ? rows.last > bottom && rows.first <= bottom : rows.first < ctx.top && rows.last >= ctx.top;
    if (hidden && top !== ctx.top) return { type: 'moveTo', sentence: state.cursor, top };
  }
  const last = Math.min(ctx.layout.count, top + ctx.viewRows) - 1;
  const shows = last < top ? undefined : { start: ctx.layout.rowStart[top] ?? 0, end: ctx.layout.rowEnd[last] ?? 0 };
  return { type: 'moveTo', sentence: pageTarget(state, ctx, dir), top, ...(shows !== undefined ? { shows } : {}) };
}

/** What a mouse report means: a click or a drag on the text, the wheel. Only on the transcript. */
export function mouseToAction(state: SessionState, mouse: MouseReport, ctx: KeyContext): Action | null {
  if (state.mode !== 'read') return null;
  if (mouse.kind === 'wheel-up' || mouse.kind === 'wheel-down') return { type: 'move', unit: 'sentence', dir: mouse.kind === 'wheel-up' ? -1 : 1 };
  if (mouse.kind === 'release') return { type: 'mouse', kind: 'release', offset: null };
  if (mouse.button !== 0 || ctx.top === undefined || ctx.viewRow === undefined) return null;
  const screenRow = mouse.y - ctx.viewRow;
  const inside = screenRow >= 0 && screenRow < ctx.viewRows;
  const offset = inside ? offsetAt(state.text, ctx.layout, ctx.top + screenRow, Math.max(0, mouse.x - 1 - GUTTER_WIDTH)) : null;
  return { type: 'mouse', kind: mouse.kind, offset };
}

/** Rows a page moves: the window less two, so that the last lines stay in sight. */
function pageStep(ctx: KeyContext): number {
  return Math.max(1, ctx.viewRows - 2);
}

/** The sentence one screen down (dir 1) or up (-1) from the cursor. */
export function pageTarget(state: SessionState, ctx: KeyContext, dir: 1 | -1): number {
  const sentence = state.sentences[state.cursor];
  if (sentence === undefined || ctx.layout.count === 0) return state.cursor;
  const row = Math.min(Math.max(0, rowOf(ctx.layout, sentence.start) + dir * pageStep(ctx)), ctx.layout.count - 1);
  let target = sentenceAt(state.sentences, ctx.layout.rowStart[row] ?? 0);
  if (target === state.cursor) target += dir;
  return Math.min(Math.max(0, target), state.sentences.length - 1);
}

/**
 * Keys of the picker. Space and 1–9 are keys (check, apply at once) only while nothing is typed
 * in the filter; once a filter is being typed they are text, so that `palier 1` filters by
 * "palier 1" instead of applying the first code. Tab checks and Alt+1–9 apply at any time.
 */
function pickerKey(picker: Picker, input: string, key: KeyInfo): Action | null {
  const typing = picker.query !== '' && picker.purpose !== 'remove';
  if (key.escape) return { type: 'pickerClose' };
  if (key.return) return { type: 'pickerConfirm' };
  if (key.upArrow || (key.ctrl && input === 'p')) return { type: 'pickerMove', delta: -1 };
  if (key.downArrow) return { type: 'pickerMove', delta: 1 };
  if (key.tab) return { type: 'pickerToggle' };
  if (key.pageUp) return { type: 'pickerMove', delta: -10 };
  if (key.pageDown) return { type: 'pickerMove', delta: 10 };
  if (key.backspace && key.meta) return { type: 'pickerEraseWord' };
  if (key.backspace || key.delete) return { type: 'pickerErase' };
  if (key.ctrl && input === 'u') return { type: 'pickerClear' };
  if (key.ctrl && input === 'w') return { type: 'pickerEraseWord' };
  if (key.ctrl && input === 'n') return { type: 'pickerNewCode' };
  if (key.ctrl) return null;
  if (key.meta) return /^[1-9]$/.test(input) ? { type: 'pickerQuick', n: Number(input) } : null;
  if (!typing) {
    if (input === ' ') return { type: 'pickerToggle' };
    // The transcript list is filtered by typing, digits included: ids are P3, MG12, E07, 14…
    // (a « 1 » there opened the first transcript of the list, whatever was meant).
    if (/^[1-9]$/.test(input) && picker.purpose !== 'transcript') return { type: 'pickerQuick', n: Number(input) };
    if (input === '+') return { type: 'pickerNewCode' };
  }
  if (picker.purpose === 'remove') return null;
  const text = printable(input, key);
  return text === '' || (!typing && text.trim() === '') ? null : { type: 'pickerType', text };
}

function promptKey(input: string, key: KeyInfo): Action | null {
  if (key.escape) return { type: 'promptCancel' };
  if (key.return) return { type: 'promptConfirm' };
  if ((key.backspace && key.meta) || (key.ctrl && input === 'w')) return { type: 'promptEraseWord' };
  if (key.backspace) return { type: 'promptErase' };
  if (key.delete) return { type: 'promptDeleteForward' };
  if (key.upArrow) return { type: 'promptHistory', dir: -1 };
  if (key.downArrow) return { type: 'promptHistory', dir: 1 };
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
  // A count before a motion: 5w, 3j (0 only after another digit).
  if (!key.ctrl && !key.meta && (/^[1-9]$/.test(input) || (input === '0' && state.count !== null))) {
    return { type: 'count', digit: Number(input) };
  }
  if (key.ctrl) {
    if (input === 'f' || input === 'd') return pageMove(state, ctx, 1);
    if (input === 'b' || input === 'u') return pageMove(state, ctx, -1);
    if (input === 'r') return { type: 'redo' };
    if (input === 'z') return { type: 'undo' };
    if (input === 'c') return { type: 'quit' };
    if (input === 'o') return { type: 'openTranscripts' };
    if (!key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) return null;
  }
  // Selection: Shift+arrows always; the plain motions once a selection is open.
  if (key.shift && key.downArrow) return { type: 'extend', unit: 'sentence', dir: 1 };
  if (key.shift && key.upArrow) return { type: 'extend', unit: 'sentence', dir: -1 };
  if (key.shift && key.rightArrow) return { type: 'extend', unit: 'word', dir: 1 };
  if (key.shift && key.leftArrow) return { type: 'extend', unit: 'word', dir: -1 };
  if (input === '$') return { type: 'extend', unit: 'turn', dir: 1, side: 'end' };
  if (input === '^') return { type: 'extend', unit: 'turn', dir: -1, side: 'start' };
  if (selecting) {
    if (key.rightArrow || input === 'l' || input === 'w' || input === 'e') return { type: 'extend', unit: 'word', dir: 1 };
    if (key.leftArrow || input === 'h' || input === 'b') return { type: 'extend', unit: 'word', dir: -1 };
    if (key.downArrow || input === 'j') return { type: 'extend', unit: 'sentence', dir: 1 };
    if (key.upArrow || input === 'k') return { type: 'extend', unit: 'sentence', dir: -1 };
    if (input === 'J') return { type: 'extend', unit: 'turn', dir: 1 };
    if (input === 'K') return { type: 'extend', unit: 'turn', dir: -1 };
    if (input === 'o') return { type: 'swapEnds' };
  }
  // Reading: → and l move the word cursor, never select.
  if (key.rightArrow || input === 'l' || input === 'w') return { type: 'word', dir: 1 };
  if (key.leftArrow || input === 'h' || input === 'b') return { type: 'word', dir: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', unit: 'sentence', dir: 1 };
  if (key.upArrow || input === 'k') return { type: 'move', unit: 'sentence', dir: -1 };
  if (input === 'J') return { type: 'move', unit: 'turn', dir: 1 };
  if (input === 'K') return { type: 'move', unit: 'turn', dir: -1 };
  if (key.pageDown || input === ' ') return pageMove(state, ctx, 1);
  if (key.pageUp) return pageMove(state, ctx, -1);
  if (key.home || input === 'g') return { type: 'top' };
  if (key.end || input === 'G') return { type: 'bottom' };
  if (key.tab) return { type: 'nextUncoded', dir: key.shift ? -1 : 1 };
  if (input === ']') return { type: 'nextUncoded', dir: 1 };
  if (input === '[') return { type: 'nextUncoded', dir: -1 };
  if (key.escape) return { type: 'cancel' };
  if (key.return || input === 'c') return { type: 'openPicker' };
  // Backspace does nothing here: only x and Delete remove, as the help says.
  if (key.delete || input === 'x') return { type: 'removeSegment' };
  if (key.backspace || key.meta) return null;
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
    case 'A':
      return { type: 'codeAllHits' };
    case ':':
      return { type: 'openGoto' };
    case 't':
      return { type: 'openTranscripts' };
    case '?':
      return { type: 'help' };
    case 'q':
      return { type: 'quit' };
    default:
      return null;
  }
}

/**
 * Whether the screen is typing into a text field, where pasted text goes whole: a prompt, or a
 * picker once its filter has begun (before that, Space and digits are keys of their own).
 */
export function typingText(state: SessionState): boolean {
  if (state.mode === 'prompt') return true;
  return state.mode === 'picker' && state.picker !== null && state.picker.purpose !== 'remove' && state.picker.query !== '';
}

/** The action a key stands for in the current mode, or null when it means nothing there. */
export function keyToAction(state: SessionState, input: string, key: KeyInfo, ctx: KeyContext): Action | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  switch (state.mode) {
    case 'picker':
      return state.picker === null ? null : pickerKey(state.picker, input, key);
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
    case 'confirm':
      if (/^[yYoO]$/.test(input)) return { type: 'answer', yes: true };
      if (key.escape || /^[nN]$/.test(input)) return { type: 'answer', yes: false };
      return null;
    case 'read':
      return readKey(state, input, key, ctx);
  }
}

/**
 * Feeds what the terminal sent to the session, key by key: each key is read in the mode the
 * previous one left (`c` opens the picker, then `impu` filters it). `apply` carries out one
 * action and returns the new state (the screen also runs the effects there).
 */
export function feedInput(
  state: SessionState,
  raw: string,
  ctx: KeyContext,
  apply: (state: SessionState, action: Action) => SessionState,
  stop: () => boolean = () => false,
): SessionState {
  let current = state;
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '' && !stop()) {
      const [piece, after] = takeKey(rest, typingText(current));
      rest = after;
      const press = parseKey(piece);
      const action =
        press.kind === 'key'
          ? keyToAction(current, press.input, press.key, ctx)
          : press.kind === 'mouse'
            ? mouseToAction(current, press.mouse, ctx)
            : null;
      if (action !== null) current = apply(current, action);
      else if (press.kind === 'key' && press.key.meta && !press.key.ctrl && press.input !== '' && !typingText(current)) {
        // To a terminal, Esc then `q` sent together (typed fast, or over SSH) is Alt+q. Where
        // Alt+q means nothing, they are the two keys the coder pressed — except while text is
        // typed (a memo, a filter), where Esc would throw away what was typed.
        const close = keyToAction(current, '', { ...NO_KEY, escape: true }, ctx);
        if (close !== null) current = apply(current, close);
        const plain = keyToAction(current, press.input, { ...press.key, meta: false }, ctx);
        if (plain !== null && !stop()) current = apply(current, plain);
      }
    }
  }
  return current;
}
