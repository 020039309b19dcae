import { describe, expect, it } from 'vitest';
import { compareNatural } from './natural-sort.js';

describe('compareNatural', () => {
  it('orders numbers inside ids by value', () => {
    expect(['P10', 'P2', 'P1', 'P11', 'P3'].sort(compareNatural)).toEqual(['P1', 'P2', 'P3', 'P10', 'P11']);
    expect(compareNatural('MG9', 'MG10')).toBeLessThan(0);
    expect(compareNatural('participant 12', 'participant 4')).toBeGreaterThan(0);
  });

  it('puts P01 before P2 and P1 before P01 (fewer leading zeros first)', () => {
    expect(compareNatural('P01', 'P2')).toBeLessThan(0);
    expect(compareNatural('P1', 'P01')).toBeLessThan(0);
    expect(['P01', 'P1', 'P001', 'P2'].sort(compareNatural)).toEqual(['P1', 'P01', 'P001', 'P2']);
  });

  it('compares very long digit runs without overflow', () => {
    expect(compareNatural('x99999999999999999999', 'x100000000000000000000')).toBeLessThan(0);
  });

  it('ignores case and accents first, then breaks ties deterministically', () => {
    expect(compareNatural('élodie', 'Emma')).toBeLessThan(0);
    expect(compareNatural('Émile', 'emile')).not.toBe(0);
    expect(Math.sign(compareNatural("Émile", "emile")) + Math.sign(compareNatural("emile", "Émile"))).toBe(0);
    expect(compareNatural('a', 'a')).toBe(0);
  });

  it('is a total order: sorting any permutation gives the same result', () => {
    const ids = ['P2', 'p2', 'P02', 'P10', 'A1', 'A-1', 'A', 'a1b2', 'a1b10', 'É3', 'E3', '10', '9', '', 'P2a'];
    const sorted = [...ids].sort(compareNatural);
    const reversed = [...ids].reverse().sort(compareNatural);
    expect(reversed).toEqual(sorted);
    for (const a of ids) for (const b of ids) {
      expect(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a))).toBe(0);
      for (const c of ids) {
        if (compareNatural(a, b) < 0 && compareNatural(b, c) < 0) expect(compareNatural(a, c)).toBeLessThan(0);
      }
    }
  });
});
