/**
 * What the terminal sends, turned into keys. Pure, and tested without a terminal.
 *
 * A terminal sends bytes, not keys: a held `j` over SSH, fast typing on a busy machine, or a
 * paste arrive as one chunk (`jjjjj`, `kine\r`, ten Backspaces at once). Ink hands such a chunk
 * to its handler as one string, so a key map that compares whole strings sees no key at all.
 * Here a chunk is cut into tokens — each escape sequence whole (arrows, Shift+arrows, mouse
 * reports), each control character alone, printable text in runs — and each token becomes a
 * key. A run of printable text is one key per character, except where the screen is typing
 * into a text field: there it stays whole, as pasted text (see `takeKey`).
 *
 * Unlike Ink's key object, Backspace (`\x7f`, `\b`) and Delete (`\x1b[3~`) are told apart: in
 * the transcript only Delete removes a segment.
 */

/** The keys the coding screen reads (named as in Ink's `Key`). */
export interface KeyInfo {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  /** Alt (Option): the key came after an escape. */
  meta: boolean;
}

/** A `KeyInfo` with nothing pressed. */
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

/** A mouse report (SGR mode 1006, or the older X10 form), with 1-based cell coordinates. */
export interface MouseReport {
  kind: 'press' | 'drag' | 'release' | 'wheel-up' | 'wheel-down';
  /** 0 left, 1 middle, 2 right (3: unknown, for X10 releases). */
  button: number;
  x: number;
  y: number;
}

export type Keypress =
  | { kind: 'key'; input: string; key: KeyInfo }
  | { kind: 'mouse'; mouse: MouseReport }
  /** An escape sequence the screen has no use for (a function key, a focus report). */
  | { kind: 'other' };

const ESC = '\x1b';

function isPrintable(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

/** Length of the escape sequence at `i` (which holds ESC). */
function escapeLength(raw: string, i: number): number {
  const next = raw.charCodeAt(i + 1);
  if (Number.isNaN(next)) return 1;
  // ESC ESC [ … : Alt with a special key, as some terminals send it.
  if (next === 0x1b) {
    const inner = raw.charCodeAt(i + 2);
    return inner === 0x5b || inner === 0x4f ? 1 + escapeLength(raw, i + 1) : 1;
  }
  if (next === 0x5b) {
    // CSI. X10 mouse: ESC [ M and three bytes.
    if (raw.charCodeAt(i + 2) === 0x4d) return Math.min(6, raw.length - i);
    let j = i + 2;
    // Legacy function keys: ESC [ [ A.
    if (raw.charCodeAt(j) === 0x5b) j++;
    for (; j < raw.length; j++) {
      const c = raw.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j + 1 - i;
      if (c < 0x20 || c > 0x3f) return j - i;
    }
    return raw.length - i;
  }
  if (next === 0x4f) return Math.min(3, raw.length - i);
  // Alt+key: ESC and one character (a whole code point).
  const cp = raw.codePointAt(i + 1) ?? 0;
  return 1 + (cp > 0xffff ? 2 : 1);
}

/**
 * Cuts what the terminal sent into tokens: escape sequences whole, control characters one by
 * one (`\r\n` together, as one Enter), runs of printable text whole.
 */
export function splitInput(raw: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    if (code === 0x1b) {
      const length = escapeLength(raw, i);
      tokens.push(raw.slice(i, i + length));
      i += length;
    } else if (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      tokens.push('\r\n');
      i += 2;
    } else if (!isPrintable(code)) {
      tokens.push(raw[i]!);
      i++;
    } else {
      let j = i + 1;
      while (j < raw.length && isPrintable(raw.charCodeAt(j))) j++;
      tokens.push(raw.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/** Whether a token is printable text (one character or a pasted run). */
export function isText(token: string): boolean {
  return token.length > 0 && isPrintable(token.charCodeAt(0));
}

/**
 * The next key to act on from `token`, and what is left of it. A run of text goes whole when
 * the screen is typing into a text field (`typing`), else one character at a time — so that
 * `jjjjj` is five moves, and `c` then `impu` opens the picker and then filters it.
 */
export function takeKey(token: string, typing: boolean): [key: string, rest: string] {
  if (!isText(token) || typing) return [token, ''];
  const cp = token.codePointAt(0) ?? 0;
  const length = cp > 0xffff ? 2 : 1;
  return [token.slice(0, length), token.slice(length)];
}

const MODIFIED = /^\x1b\[(\d+)?(?:;(\d+))?([A-Za-z~])$/;
const SGR_MOUSE = /^\x1b\[<(\d+);(\d+);(\d+)([Mm])$/;

function key(partial: Partial<KeyInfo>, input = ''): Keypress {
  return { kind: 'key', input, key: { ...NO_KEY, ...partial } };
}

function mouseReport(code: number, x: number, y: number, released: boolean): Keypress {
  if (code & 64) return { kind: 'mouse', mouse: { kind: code & 1 ? 'wheel-down' : 'wheel-up', button: 0, x, y } };
  const button = code & 3;
  const kind = released ? 'release' : code & 32 ? 'drag' : 'press';
  return { kind: 'mouse', mouse: { kind, button, x, y } };
}

/** Modifier flags from an xterm modifier parameter (2 Shift, 3 Alt, 5 Ctrl, …). */
function modifiers(param: string | undefined): Partial<KeyInfo> {
  const m = Math.max(0, Number(param ?? '1') - 1);
  return { shift: (m & 1) !== 0, meta: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

const FINAL_KEYS: Record<string, Partial<KeyInfo>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  a: { upArrow: true, shift: true },
  b: { downArrow: true, shift: true },
  c: { rightArrow: true, shift: true },
  d: { leftArrow: true, shift: true },
};

const TILDE_KEYS: Record<string, Partial<KeyInfo>> = {
  '1': { home: true },
  '7': { home: true },
  '4': { end: true },
  '8': { end: true },
  '3': { delete: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
};

/** The key (or mouse report) one token stands for. */
export function parseKey(token: string): Keypress {
  if (token === '\r' || token === '\n' || token === '\r\n') return key({ return: true });
  if (token === '\x1b\r') return key({ return: true, meta: true });
  if (token === '\t') return key({ tab: true });
  if (token === '\x7f' || token === '\b') return key({ backspace: true });
  if (token === '\x1b\x7f' || token === '\x1b\b') return key({ backspace: true, meta: true });
  if (token === ESC || token === '\x1b\x1b') return key({ escape: true, meta: token.length === 2 });
  if (token === '\x00') return key({ ctrl: true }, ' ');
  if (token.length === 1) {
    const code = token.charCodeAt(0);
    if (code >= 1 && code <= 26) return key({ ctrl: true }, String.fromCharCode(code + 96));
    if (code < 0x20) return { kind: 'other' };
  }
  if (isText(token)) {
    return key({ shift: token.length === 1 && token >= 'A' && token <= 'Z' }, token);
  }
  // Escape sequences.
  const sgr = SGR_MOUSE.exec(token);
  if (sgr !== null) return mouseReport(Number(sgr[1]), Number(sgr[2]), Number(sgr[3]), sgr[4] === 'm');
  if (token.startsWith('\x1b[M') && token.length === 6) {
    const code = token.charCodeAt(3) - 32;
    const x = token.charCodeAt(4) - 32;
    const y = token.charCodeAt(5) - 32;
    // X10 reports a release as button 3, without saying which button.
    return (code & 3) === 3 && (code & 64) === 0 ? { kind: 'mouse', mouse: { kind: 'release', button: 3, x, y } } : mouseReport(code, x, y, false);
  }
  if (token === '\x1b[Z') return key({ tab: true, shift: true });
  const alt = token.startsWith('\x1b\x1b');
  const body = alt ? token.slice(1) : token;
  if (body.startsWith('\x1bO') && body.length === 3) {
    const k = FINAL_KEYS[body[2]!.toUpperCase()];
    return k === undefined ? { kind: 'other' } : key({ ...k, meta: alt });
  }
  const m = MODIFIED.exec(body);
  if (m !== null) {
    const [, first, second, final] = m;
    if (final === '~') {
      const k = TILDE_KEYS[first ?? ''];
      return k === undefined ? { kind: 'other' } : key({ ...k, ...modifiers(second), ...(alt ? { meta: true } : {}) });
    }
    const k = FINAL_KEYS[final!];
    if (k === undefined) return { kind: 'other' };
    return key({ ...modifiers(second), ...k, ...(alt ? { meta: true } : {}) });
  }
  if (token.length >= 2 && token[0] === ESC && isText(token.slice(1))) {
    // Alt+character.
    return key({ meta: true }, token.slice(1));
  }
  return { kind: 'other' };
}

/** Text typed (or pasted) with a key, without control characters; '' for a key that types nothing. */
export function printableText(input: string, key: KeyInfo): string {
  if (key.ctrl || key.escape || key.return || key.tab || key.backspace || key.delete) return '';
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return '';
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}
