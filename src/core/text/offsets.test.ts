import { describe, expect, it } from 'vitest';
import { OffsetMap, hasAstral } from './offsets.js';

describe('hasAstral', () => {
  it('sees emoji but not accents', () => {
    expect(hasAstral('été, cœur, « oui »')).toBe(false);
    expect(hasAstral('bien 😀')).toBe(true);
  });
});

describe('OffsetMap', () => {
  it('is the identity without astral characters', () => {
    const map = new OffsetMap('Enquêtrice : ça va ?');
    expect(map.length).toBe(20);
    expect(map.toUtf16(0)).toBe(0);
    expect(map.toUtf16(20)).toBe(20);
    expect(map.toCodePoint(13)).toBe(13);
    expect(map.toUtf16(21)).toBe(-1);
    expect(map.toCodePoint(-1)).toBe(-1);
    expect(map.toUtf16(1.5)).toBe(-1);
  });

  it('converts around emoji, both ways, agreeing with Array.from', () => {
    const text = 'a😀b👍🏽c é 🎉';
    const map = new OffsetMap(text);
    const codePoints = Array.from(text);
    expect(map.length).toBe(codePoints.length);
    expect(map.utf16Length).toBe(text.length);
    for (let cp = 0; cp <= codePoints.length; cp++) {
      const u = map.toUtf16(cp);
      expect(text.slice(0, u)).toBe(codePoints.slice(0, cp).join(''));
      expect(map.toCodePoint(u)).toBe(cp);
    }
    expect(map.toUtf16(codePoints.length + 1)).toBe(-1);
  });

  it('refuses an index between the halves of a surrogate pair', () => {
    const map = new OffsetMap('x😀y');
    expect(map.toCodePoint(1)).toBe(1);
    expect(map.toCodePoint(2)).toBe(-1);
    expect(map.toCodePoint(3)).toBe(2);
    expect(map.toCodePoint(5)).toBe(-1);
  });

  it('counts a lone surrogate as one code point', () => {
    const map = new OffsetMap('a\uD800b');
    expect(map.length).toBe(3);
    expect(map.toUtf16(2)).toBe(2);
  });

  it('converts a segment of a long text with many emoji quickly', () => {
    const text = 'mot 😀 '.repeat(20000);
    const map = new OffsetMap(text);
    expect(map.length).toBe(20000 * 6);
    const cp = 6 * 12345 + 4; // the emoji of the 12346th repetition
    const u = map.toUtf16(cp);
    expect(text.codePointAt(u)).toBe(0x1f600);
    expect(map.toCodePoint(u)).toBe(cp);
  });
});
