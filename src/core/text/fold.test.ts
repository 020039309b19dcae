import { describe, it, expect } from 'vitest';
import { nameKey, slugify } from '../codebook/slug.js';
import { fold as foldName } from '../privacy/names.js';
import { foldForSearch, foldLetters, foldWithMap, FoldedText } from './fold.js';

describe('foldForSearch', () => {
  it('folds case, accents, ligatures, apostrophes, quotes and dashes', () => {
    expect(foldForSearch('L’Œuvre « Été » — Straße')).toBe("l'oeuvre  ete  - strasse");
    expect(foldForSearch('aujourd`hui ʼici‘ Ça´')).toBe("aujourd'hui 'ici' ca'");
    expect(foldForSearch('Nœud / ÆTHER')).toBe('noeud / aether');
  });
});

describe('foldWithMap', () => {
  it('keeps words, drops punctuation, one space per run, maps back', () => {
    const text = '« Je ne sais plus… » (rires) L’hôpital, Œdipe.';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('je ne sais plus rires l hopital oedipe');
    expect(map.length).toBe(folded.length + 1);
    expect(map[folded.length]).toBe(text.length);
    const h = folded.indexOf('hopital');
    expect(text[map[h]!]).toBe('h');
    expect(text[map[h + 1]!]).toBe('ô');
    const oe = folded.indexOf('oedipe');
    expect(map[oe]).toBe(map[oe + 1]);
    expect(text[map[oe]!]).toBe('Œ');
    // a space maps to the first separator of its run
    expect(text[map[folded.indexOf(' rires')]!]).toBe('…');
  });

  it('ignores combining marks of decomposed text', () => {
    expect(foldWithMap('de\u0301ja\u0300 vu').folded).toBe('deja vu');
  });

  it('folds a 60,000-character transcript and maps every folded character back', () => {
    const line = 'P03 : Alors… *rire* c’est compliqué, je ne sais plus quoi lui proposer, « honnêtement ».\n';
    const text = line.repeat(Math.ceil(60000 / line.length));
    const { folded, map } = foldWithMap(text);
    expect(folded.startsWith('p03 alors rire c est complique')).toBe(true);
    expect(map).toHaveLength(folded.length + 1);
    expect(map[folded.length]).toBe(text.length);
  });

  it('makes room for letters that fold into two, wherever they come', () => {
    const cases: [string, string][] = [
      ['œ'.repeat(5000), 'oe'.repeat(5000)],
      [`${'a '.repeat(3000)}${'Æ'.repeat(3000)}`, `${'a '.repeat(3000)}${'ae'.repeat(3000)}`],
      [`${'ß'.repeat(2000)} 𝒜${'œ'.repeat(10)}`, `${'ss'.repeat(2000)} 𝒜${'oe'.repeat(10)}`],
    ];
    for (const [text, expected] of cases) {
      const { folded, map } = foldWithMap(text);
      expect(folded).toBe(expected);
      expect(map).toHaveLength(folded.length + 1);
      expect(map[folded.length]).toBe(text.length);
    }
    // Both letters of a ligature map back to it.
    expect([...foldWithMap('xœ').map]).toEqual([0, 1, 1, 2]);
  });

  it('gives the same words whether every folded letter is Latin-1 or some are not', () => {
    expect(foldWithMap('Ça, c’est « l’Été » ÿ').folded).toBe('ca c est l ete y');
    // Greek, Cyrillic, CJK and a letter outside the BMP stay letters, lowercase, accents removed.
    const wide = foldWithMap('Ωμέγα, Москва; 日本 et 𝒜 é');
    expect(wide.folded).toBe('ωμεγα москва 日本 et 𝒜 e');
    expect(wide.map).toHaveLength(wide.folded.length + 1);
    // A text whose only letter beyond Latin-1 comes last (the choice is made at the end).
    expect(foldWithMap('abc déf ŋ').folded).toBe('abc def ŋ');
  });
});

describe('FoldedText', () => {
  it('maps folded spans to original spans, including characters outside the BMP', () => {
    const text = 'Il dit 𝒜bc puis « Éric ».';
    const ft = new FoldedText(text);
    const fs = ft.folded.indexOf('eric');
    const span = ft.toOriginal(fs, fs + 4);
    expect(text.slice(span.start, span.end)).toBe('Éric');
    const a = ft.folded.indexOf('𝒜'.toLowerCase());
    expect(a).toBeGreaterThan(0);
    const s2 = ft.toOriginal(a, a + '𝒜bc'.length);
    expect(text.slice(s2.start, s2.end)).toBe('𝒜bc');
    expect(ft.toFolded(span.start)).toBe(fs);
    expect(ft.toFolded(text.length)).toBe(ft.folded.length);
  });
});

describe('one folding of letters', () => {
  it('search, anchoring, ids and names fold every letter the same way', () => {
    const text = 'Ærø Łódź Þór Straße İstanbul Đakovo Œuvre ıslak ﬁn';
    const words = 'aero lodz thor strasse istanbul dakovo oeuvre islak fin';
    expect(foldLetters(text)).toBe(words);
    expect(foldForSearch(text)).toBe(words);
    expect(foldWithMap(text).folded).toBe(words);
    expect(slugify(text)).toBe(words.replaceAll(' ', '-'));
    expect(nameKey(text)).toBe(words);
    expect(foldName(text)).toBe(words);
  });
});
