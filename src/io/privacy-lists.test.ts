import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withAllowed } from './privacy-lists.js';

describe('withAllowed', () => {
  it('creates privacy.yaml with the words, or adds them to its allow list, keeping comments and order', () => {
    expect(parse(withAllowed(null, ['Feldenkrais', 'Balint: groupe']))).toEqual({ allow: ['Feldenkrais', 'Balint: groupe'] });
    const text = '# lieux de l’étude\nplaces: [Yvetot]\nallow:\n  - Asalée # programme\n';
    const out = withAllowed(text, ['Feldenkrais', 'Asalée']);
    expect(out).toContain('# lieux de l’étude');
    expect(out).toContain('# programme');
    expect(parse(out)).toEqual({ places: ['Yvetot'], allow: ['Asalée', 'Feldenkrais'] });
    expect(parse(withAllowed('places: [Yvetot]\n', ['Rose']))).toEqual({ places: ['Yvetot'], allow: ['Rose'] });
    expect(withAllowed(text, ['Asalée'])).toBe(text);
  });

  it('refuses a privacy.yaml it cannot read', () => {
    expect(() => withAllowed('allow: [unclosed\n', ['Rose'])).toThrow(/privacy.yaml cannot be read/);
    expect(() => withAllowed('- a list\n', ['Rose'])).toThrow(/privacy.yaml cannot be read/);
  });
});
