import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { findHits, parseSearch } from './search.js';

const TEXT = "P3 : La douleur, les Douleurs chroniques… Et l’Hôpital, les hôpitaux. Le centre\nanti-douleur ? Une lombalgie, une souffrance. Cœur, coeur.";
const hits = (query: string, regex = false) => findHits(parseSearch(query, { regex }), TEXT).map((s) => TEXT.slice(s.start, s.end));

describe('autocode search', () => {
  it('matches whole words, whatever the case, accents, ligatures and apostrophes', () => {
    expect(hits('douleur')).toEqual(['douleur', 'douleur']);
    expect(hits('hopital')).toEqual(['Hôpital']);
    expect(hits("l'hopital")).toEqual(['l’Hôpital']);
    expect(hits('COEUR')).toEqual(['Cœur', 'coeur']);
  });
  it('does not find a word inside an e-mail or web address', () => {
    const text = 'P3 : Chloé, sa fille, écrit à chloe.dubois@gmail.com ou voit www.chloe-art.fr.';
    expect(findHits(parseSearch('chloe'), text).map((s) => text.slice(s.start, s.end))).toEqual(['Chloé']);
  });

  it('takes * as any letters inside a word, at its start, end or middle', () => {
    expect(hits('douleur*')).toEqual(['douleur', 'Douleurs', 'douleur']);
    expect(hits('*algie')).toEqual(['lombalgie']);
    expect(hits('h*pita*')).toEqual(['Hôpital', 'hôpitaux']);
  });
  it('finds a phrase that starts again inside a match it rejected (not at the start of a word)', () => {
    // « bon bon » inside « Ebon bon » is not a hit; the one that starts at the second « bon » is.
    expect(findHits(parseSearch('bon bon'), 'Ebon bon bon')).toEqual([{ start: 5, end: 12 }]);
    expect(findHits(parseSearch('centre antidouleur'), 'Le précentre antidouleur, puis le centre antidouleur.')).toEqual([{ start: 34, end: 52 }]);
    expect(findHits(parseSearch('algie'), 'lombalgie, algie')).toEqual([{ start: 11, end: 16 }]);
  });

  it('matches a phrase across punctuation and a line break', () => {
    expect(hits('centre anti douleur')).toEqual(['centre\nanti-douleur']);
    expect(hits('douleurs chroniques')).toEqual(['Douleurs chroniques']);
  });
  it('takes alternatives with OR, OU or |, and joins overlapping hits', () => {
    expect(hits('souffrance OR lombalgie')).toEqual(['lombalgie', 'souffrance']);
    expect(hits('souffrance OU douleurs chroniques | Douleurs')).toEqual(['Douleurs chroniques', 'souffrance']);
    // "ou" in lowercase is a word of the phrase, not an alternative.
    expect(hits('douleur ou souffrance')).toEqual([]);
  });
  it('reads a regular expression over the original text with --regex', () => {
    expect(hits('h[ôo]pita(l|ux)', true)).toEqual(['Hôpital', 'hôpitaux']);
    expect(() => parseSearch('(unclosed', { regex: true })).toThrow(/not a valid regular expression/);
  });
  it('refuses a search with nothing to find', () => {
    expect(() => parseSearch('  ')).toThrow(UsageError);
    expect(() => parseSearch('* OR …')).toThrow(/it has no letter or digit/);
  });
});
