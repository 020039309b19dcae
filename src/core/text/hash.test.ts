import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, shortHash } from './hash.js';

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
});
