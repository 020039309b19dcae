import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './nearest.js';

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
});

describe('nearest', () => {
  it('suggests a name at most a third of its letters away', () => {
    expect(nearest('pual', ['marie', 'paul'])).toBe('paul');
    expect(nearest('bob', ['zoe'])).toBeUndefined();
    expect(nearest('Impuisance', ['epuisement', 'impuissance'])).toBe('impuissance');
  });
});
