import { describe, expect, it } from 'vitest';
import { isText, NO_KEY, parseKey, splitInput, takeKey, type KeyInfo } from './keys.js';

const key = (input: string, k: Partial<KeyInfo> = {}) => ({ kind: 'key', input, key: { ...NO_KEY, ...k } });

/** Every key a chunk stands for, one character at a time for text (the transcript's view). */
function keysOf(raw: string, typing = false): string[] {
  const out: string[] = [];
  for (const token of splitInput(raw)) {
    let rest = token;
    while (rest !== '') {
      const [piece, after] = takeKey(rest, typing);
      out.push(piece);
      rest = after;
    }
  }
  return out;
}

describe('splitInput', () => {
  it('cuts a burst of letters, controls and escape sequences into tokens', () => {
    expect(splitInput('jjjjj')).toEqual(['jjjjj']);
    expect(splitInput('kine\r')).toEqual(['kine', '\r']);
    expect(splitInput('\x7f'.repeat(10))).toEqual(Array(10).fill('\x7f'));
    expect(splitInput('\x1b[B\x1b[B\x1b[1;2Cj')).toEqual(['\x1b[B', '\x1b[B', '\x1b[1;2C', 'j']);
    expect(splitInput('uu\x12')).toEqual(['uu', '\x12']);
  });

  it('keeps escape sequences whole, with their parameters and modifiers', () => {
    expect(splitInput('\x1b[5~\x1b[6~\x1b[3~')).toEqual(['\x1b[5~', '\x1b[6~', '\x1b[3~']);
    expect(splitInput('\x1bOA\x1b[Z')).toEqual(['\x1bOA', '\x1b[Z']);
    expect(splitInput('\x1b[<0;12;5M\x1b[<32;14;5M\x1b[<0;14;5m')).toEqual(['\x1b[<0;12;5M', '\x1b[<32;14;5M', '\x1b[<0;14;5m']);
    expect(splitInput('\x1b[M !!x')).toEqual(['\x1b[M !!', 'x']);
    expect(splitInput('\x1b\x1b[A')).toEqual(['\x1b\x1b[A']);
    expect(splitInput('\x1b1\x1b')).toEqual(['\x1b1', '\x1b']);
  });

  it('reads CR LF as one Enter and keeps characters outside the BMP whole', () => {
    expect(splitInput('a\r\nb')).toEqual(['a', '\r\n', 'b']);
    expect(keysOf('😀é')).toEqual(['😀', 'é']);
  });
});

describe('takeKey', () => {
  it('gives text one character at a time, or whole when a text field takes it', () => {
    expect(keysOf('jjjjj')).toEqual(['j', 'j', 'j', 'j', 'j']);
    expect(keysOf('palier 1\r', true)).toEqual(['palier 1', '\r']);
    expect(takeKey('\x1b[A', false)).toEqual(['\x1b[A', '']);
    expect(isText('abc')).toBe(true);
    expect(isText('\r')).toBe(false);
  });
});

describe('parseKey', () => {
  it('reads the keys the coding screen uses', () => {
    expect(parseKey('j')).toEqual(key('j'));
    expect(parseKey('J')).toEqual(key('J', { shift: true }));
    expect(parseKey('\r')).toEqual(key('', { return: true }));
    expect(parseKey('\n')).toEqual(key('', { return: true }));
    expect(parseKey('\t')).toEqual(key('', { tab: true }));
    expect(parseKey('\x1b[Z')).toEqual(key('', { tab: true, shift: true }));
    expect(parseKey('\x1b')).toEqual(key('', { escape: true }));
    expect(parseKey('\x0e')).toEqual(key('n', { ctrl: true }));
    expect(parseKey('\x17')).toEqual(key('w', { ctrl: true }));
    expect(parseKey('\x1b[A')).toEqual(key('', { upArrow: true }));
    expect(parseKey('\x1bOB')).toEqual(key('', { downArrow: true }));
    expect(parseKey('\x1b[1;2B')).toEqual(key('', { downArrow: true, shift: true }));
    expect(parseKey('\x1b[1;2D')).toEqual(key('', { leftArrow: true, shift: true }));
    expect(parseKey('\x1b[1;5C')).toEqual(key('', { rightArrow: true, ctrl: true }));
    expect(parseKey('\x1b[5~')).toEqual(key('', { pageUp: true }));
    expect(parseKey('\x1b[6~')).toEqual(key('', { pageDown: true }));
    expect(parseKey('\x1b[H')).toEqual(key('', { home: true }));
    expect(parseKey('\x1b[4~')).toEqual(key('', { end: true }));
    expect(parseKey('\x1b1')).toEqual(key('1', { meta: true }));
  });

  it('tells Backspace from Delete', () => {
    expect(parseKey('\x7f')).toEqual(key('', { backspace: true }));
    expect(parseKey('\b')).toEqual(key('', { backspace: true }));
    expect(parseKey('\x1b[3~')).toEqual(key('', { delete: true }));
    expect(parseKey('\x1b\x7f')).toEqual(key('', { backspace: true, meta: true }));
  });

  it('reads SGR and X10 mouse reports', () => {
    expect(parseKey('\x1b[<0;12;5M')).toEqual({ kind: 'mouse', mouse: { kind: 'press', button: 0, x: 12, y: 5 } });
    expect(parseKey('\x1b[<32;14;6M')).toEqual({ kind: 'mouse', mouse: { kind: 'drag', button: 0, x: 14, y: 6 } });
    expect(parseKey('\x1b[<0;14;6m')).toEqual({ kind: 'mouse', mouse: { kind: 'release', button: 0, x: 14, y: 6 } });
    expect(parseKey('\x1b[<65;3;3M')).toEqual({ kind: 'mouse', mouse: { kind: 'wheel-down', button: 0, x: 3, y: 3 } });
    expect(parseKey('\x1b[M +%')).toEqual({ kind: 'mouse', mouse: { kind: 'press', button: 0, x: 11, y: 5 } });
    expect(parseKey('\x1b[M#+%')).toEqual({ kind: 'mouse', mouse: { kind: 'release', button: 3, x: 11, y: 5 } });
  });

  it('ignores what it does not know, and never turns it into text', () => {
    expect(parseKey('\x1b[15~')).toEqual({ kind: 'other' });
    expect(parseKey('\x1b[I')).toEqual({ kind: 'other' });
    expect(parseKey('\x1f')).toEqual({ kind: 'other' });
  });
});
