import { describe, expect, it } from 'vitest';
import { controlCharactersIn, safeJson, terminalSafe, terminalSafeData } from './terminal.js';

describe('terminalSafe', () => {
  it('shows escape sequences, the bell, C1 controls and bidirectional overrides escaped', () => {
    expect(terminalSafe('Impuissance\x1b]0;pwned\x07\x1b[2J')).toBe('Impuissance\\x1b]0;pwned\\x07\\x1b[2J');
    expect(terminalSafe('P1\u202eP2')).toBe('P1\\u202eP2');
    expect(terminalSafe('a\u009bb\u2066c\u2069')).toBe('a\\x9bb\\u2066c\\u2069');
    expect(terminalSafe('x\ry')).toBe('x\\x0dy');
  });

  it('leaves ordinary text, accents, guillemets, tabs and line feeds alone', () => {
    for (const text of ['Vécu du médecin', '« je ne sais plus »\u00a0!', 'a\tb\nc', 'زبان', '日本語', '']) expect(terminalSafe(text)).toBe(text);
  });
});

describe('controlCharactersIn', () => {
  it('lists what a name should never hold, tabs and line feeds included', () => {
    expect(controlCharactersIn('Impuissance')).toEqual([]);
    expect(controlCharactersIn('a\x1b[31mb\u202e\n')).toEqual(['\\x1b', '\\u202e', '\\x0a']);
  });
});

describe('safeJson', () => {
  it('is the same data for a JSON reader, with nothing a terminal would act on', () => {
    const data = { code: 'a\x1b[2J\u009b\u202eb', n: 1 };
    const text = safeJson(data);
    expect(JSON.parse(text)).toEqual(data);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('terminalSafeData', () => {
  it('escapes every string of plain data, and keeps the rest', () => {
    const data = { codes: [{ name: 'a\x1b[2J', n: 3, ratio: Number.NaN, last: Infinity, first: null, none: undefined }], byId: new Map([['x\x07', 1]]), ok: true };
    expect(terminalSafeData(data)).toEqual({ codes: [{ name: 'a\\x1b[2J', n: 3, ratio: Number.NaN, last: Infinity, first: null, none: undefined }], byId: new Map([['x\\x07', 1]]), ok: true });
  });
});
