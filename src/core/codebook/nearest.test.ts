import { describe, expect, it } from 'vitest';
import { nearest } from './nearest.js';

describe('nearest', () => {
  it('suggests a name at most a third of its letters away', () => {
    expect(nearest('pual', ['marie', 'paul'])).toBe('paul');
    expect(nearest('bob', ['zoe'])).toBeUndefined();
    expect(nearest('Impuisance', ['epuisement', 'impuissance'])).toBe('impuissance');
  });
});
