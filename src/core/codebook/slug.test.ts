import { describe, expect, it } from 'vitest';
import { nameKey, slugify, uniqueId } from './slug.js';

describe('slugify', () => {
  it('makes lowercase ASCII with hyphens', () => {
    expect(slugify('Délais d\'accès')).toBe('delais-d-acces');
    expect(slugify('Délais d’accès')).toBe('delais-d-acces');
    expect(slugify('Œdème')).toBe('oedeme');
    expect(slugify('  Vécu du médecin  ')).toBe('vecu-du-medecin');
    expect(slugify('Épuisement / burn-out (MG)')).toBe('epuisement-burn-out-mg');
    expect(slugify('Straße, Ærø, Łódź')).toBe('strasse-aero-lodz');
    expect(slugify('Niveau 2')).toBe('niveau-2');
  });

  it('is never empty', () => {
    expect(slugify('')).toBe('code');
    expect(slugify('« … »')).toBe('code');
    expect(slugify('???', 'theme')).toBe('theme');
  });
});

describe('uniqueId', () => {
  it('adds -2, -3… when taken, without changing the set', () => {
    const taken = new Set(['a', 'a-2']);
    expect(uniqueId('b', taken)).toBe('b');
    expect(uniqueId('a', taken)).toBe('a-3');
    expect(taken.size).toBe(2);
  });
});

describe('nameKey', () => {
  it('ignores case, accents, apostrophe style and spacing', () => {
    expect(nameKey('Impuissance')).toBe(nameKey('impuissance'));
    expect(nameKey('Délais d’accès ')).toBe(nameKey("delais  d'acces"));
    expect(nameKey('ÉPUISEMENT')).toBe(nameKey('epuisement'));
    expect(nameKey('Épuisement')).not.toBe(nameKey('Épuisements'));
  });
});
