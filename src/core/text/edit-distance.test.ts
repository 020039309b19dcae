import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions, and two neighbouring letters swapped, as one edit each', () => {
    expect(editDistance('paul', 'paul')).toBe(0);
    expect(editDistance('paul', 'pual')).toBe(1);
    expect(editDistance('marie', 'maire')).toBe(1);
    expect(editDistance('marie', 'mari')).toBe(1);
    expect(editDistance('marie', 'marine')).toBe(1);
    expect(editDistance('bob', 'zoe')).toBe(2);
    expect(editDistance('abc', 'ca')).toBe(3); // not a swap then an insertion: no edit of a swapped pair
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops above max, answering max + 1', () => {
    expect(editDistance('impuissance', 'organisation', 2)).toBe(3);
  });

  it('gives the same distances when a long word comes after short ones (its rows are reused)', () => {
    expect(editDistance('a', 'b')).toBe(1);
    const long = 'anticonstitutionnellement'.repeat(4);
    expect(editDistance(long, `${long}s`)).toBe(1);
    expect(editDistance('pratqiue', 'pratique', 1)).toBe(1);
    expect(editDistance(long, long.replace('constitution', 'constituion'), 2)).toBe(1);
  });
});
