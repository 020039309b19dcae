import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, ShortHasher, shortHash } from './hash.js';

describe('shortHash', () => {
  it('is the two FNV-1a hashes of the text in base 36, as decision logs and consensus ids recorded them', () => {
    // Values recorded by earlier versions: keys in decision logs and consensus segment ids depend on them.
    expect(shortHash('', 12)).toBe('ztntfp15z3ed');
    expect(shortHash('abc', 8)).toBe('7aigaz1b');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 16 }), (text, length) => {
        const expected = (fnv1a(text, 2166136261).toString(36) + fnv1a(text, 0x9747b28c).toString(36)).padEnd(length, '0').slice(0, length);
        expect(shortHash(text, length)).toBe(expected);
      }),
    );
  });

  it('hashes pieces added one after the other as their concatenation', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), (pieces, text, x, y) => {
        const from = text.length === 0 ? 0 : x % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : y % (text.length - from + 1));
        const hasher = new ShortHasher();
        for (const piece of pieces) hasher.add(piece);
        hasher.add(text, from, to);
        expect(hasher.digest(12)).toBe(shortHash(pieces.join('') + text.slice(from, to), 12));
      }),
    );
  });
});
