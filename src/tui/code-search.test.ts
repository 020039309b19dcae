import { describe, expect, it } from 'vitest';
import { codeEntries, searchCodes, searchThemes, themeEntries, themePath, touchRecent } from './code-search.js';
import { FoldedText } from '../core/text/fold.js';
import { findAll, findWithEmoji } from './search.js';
import { buildCodebook } from '../../test/support/sample-data.js';
import { codebook } from '../../test/support/test-study.js';

describe('transcript search', () => {
  it('finds matches whatever the accents, ligatures and case, as original spans', () => {
    const text = 'Le cœur. Une SŒUR très émue, une sœur.';
    const folded = new FoldedText(text);
    const hits = findAll(folded, 'soeur');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['SŒUR', 'sœur']);
    expect(findAll(folded, 'EMUE').map((h) => text.slice(h.start, h.end))).toEqual(['émue']);
    expect(findAll(folded, 'coe').map((h) => text.slice(h.start, h.end))).toEqual(['cœ']);
    expect(findAll(folded, '')).toEqual([]);
    expect(findAll(folded, ' « ')).toEqual([]);
  });

  it('ignores the kind of apostrophe and the punctuation between words', () => {
    const text = 'À l’hôpital, «\u00a0je ne sais plus\u00a0» ; sais… plus.';
    const folded = new FoldedText(text);
    expect(findAll(folded, "l'hopital").map((h) => text.slice(h.start, h.end))).toEqual(['l’hôpital']);
    expect(findAll(folded, 'sais plus').map((h) => text.slice(h.start, h.end))).toEqual(['sais plus', 'sais… plus']);
  });

  it('finds an emoji, alone or with the words around it, with its skin tone', () => {
    const text = 'Elle m’a dit merci 😊 la semaine dernière. Un autre\u00a0: 👍🏻 en partant, et moi 👍. É 😊';
    const found = (query: string): string[] => findWithEmoji(text, query).map((h) => text.slice(h.start, h.end));
    expect(found('😊')).toEqual(['😊', '😊']);
    expect(found('👍')).toEqual(['👍🏻', '👍']);
    expect(found("MERCI 😊")).toEqual(['merci 😊']);
    expect(found("m'a dit merci  😊")).toEqual(['m’a dit merci 😊']);
    expect(found('e 😊')).toEqual(['É 😊']);
    expect(found('autre : 👍')).toEqual(['autre\u00a0: 👍🏻']);
    expect(found('(😊')).toEqual([]);
    expect(found('😢')).toEqual([]);
  });

  it('keeps offsets right after characters outside the BMP', () => {
    const text = 'ok 😀 démuni';
    const hits = findAll(new FoldedText(text), 'demuni');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['démuni']);
  });
});

describe('code search', () => {
  const entries = codeEntries(codebook);

  it('lists codes in codebook order with their theme paths', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'impuissance',
      'frustration',
      'desemparement',
      'epuisement',
      'delais',
      'soeur',
      'humour',
    ]);
    expect(entries[0]?.path).toEqual(['Vécu du médecin', 'Émotions négatives']);
    expect(entries[3]?.path).toEqual(['Vécu du médecin']);
    expect(entries[6]?.path).toEqual([]);
    expect(themePath(codebook, 'impuissance')).toEqual(['Vécu du médecin', 'Émotions négatives']);
  });

  it('finds French names without accents, by prefix or fuzzily', () => {
    expect(searchCodes(entries, 'frust')[0]?.name).toBe('Frustration');
    expect(searchCodes(entries, 'desempar')[0]?.name).toBe('Désemparement');
    expect(searchCodes(entries, 'DÉSEMPAR')[0]?.name).toBe('Désemparement');
    expect(searchCodes(entries, 'epuis')[0]?.name).toBe('Épuisement');
    expect(searchCodes(entries, 'soeur')[0]?.name).toBe('Rôle de la sœur');
    expect(searchCodes(entries, 'sœur')[0]?.name).toBe('Rôle de la sœur');
    expect(searchCodes(entries, "delais d'acces")[0]?.name).toBe('Délais d’accès');
    expect(searchCodes(entries, 'impu').map((e) => e.id)).toEqual(['impuissance']);
    expect(searchCodes(entries, 'zzz')).toEqual([]);
  });

  it('takes a letter left out or the starts of words, but not letters scattered over a name', () => {
    const book = codeEntries(
      buildCodebook([], [
        { id: 'formation', name: 'Formation complémentaire (DU, FMC)' },
        { id: 'croyance', name: 'Croyance / légitimité de la plainte' },
        { id: 'alliance', name: 'Alliance thérapeutique' },
        { id: 'frustration', name: 'Frustration' },
        { id: 'impuissance', name: 'Impuissance' },
      ]),
    );
    // What a user types as the name of a new code: nothing matches, Enter goes on to create it.
    for (const name of ['Colère', 'Rôle', 'Attente', 'incert']) expect(searchCodes(book, name).map((e) => e.id)).toEqual([]);
    expect(searchCodes(book, 'frustation')[0]?.id).toBe('frustration');
    expect(searchCodes(book, 'impuisance')[0]?.id).toBe('impuissance');
    expect(searchCodes(book, 'alli ther')[0]?.id).toBe('alliance');
    expect(searchCodes(book, 'therap')[0]?.id).toBe('alliance');
    expect(searchCodes(book, 'legitim')[0]?.id).toBe('croyance');
  });

  it('puts recent codes first when nothing is typed', () => {
    const ids = searchCodes(entries, '', ['humour', 'delais', 'unknown']).map((e) => e.id);
    expect(ids.slice(0, 3)).toEqual(['humour', 'delais', 'impuissance']);
    expect(ids).toHaveLength(7);
  });

  it('breaks ties between equal matches by recency', () => {
    const twins = codeEntries(buildCodebook([], [
      { id: 'peur-a', name: 'Peur de a' },
      { id: 'peur-b', name: 'Peur de b' },
    ]));
    expect(searchCodes(twins, 'peur').map((e) => e.id)).toEqual(['peur-a', 'peur-b']);
    expect(searchCodes(twins, 'peur', ['peur-b']).map((e) => e.id)).toEqual(['peur-b', 'peur-a']);
  });

  it('lists and searches themes with their paths', () => {
    const themes = themeEntries(codebook);
    expect(themes.map((t) => t.path.join(' › '))).toEqual([
      'Vécu du médecin',
      'Vécu du médecin › Émotions négatives',
      'Coordination des soins',
    ]);
    expect(searchThemes(themes, 'emotion')[0]?.id).toBe('emotions');
    expect(searchThemes(themes, 'coord')[0]?.id).toBe('coordination');
    // A path, as the picker's hint tells to type it.
    expect(searchThemes(themes, 'Vécu du médecin > Émotions négatives').map((t) => t.id)).toEqual(['emotions']);
    expect(searchThemes(themes, 'vecu > emo').map((t) => t.id)).toEqual(['emotions']);
    expect(searchThemes(themes, 'Vécu du médecin > Colère')).toEqual([]);
  });

  it('moves used codes to the front of the recent list', () => {
    expect(touchRecent(['a', 'b', 'c'], ['c', 'd'])).toEqual(['c', 'd', 'a', 'b']);
    expect(touchRecent(['a', 'b', 'c'], ['x'], 2)).toEqual(['x', 'a']);
  });
});
