import { describe, it, expect } from 'vitest';
import { detectColumns } from './columns.js';

describe('detectColumns', () => {
  it('reads French headers whatever their accents and case', () => {
    expect(detectColumns(['ENTRETIEN', 'Thème', 'Nœud', 'Verbatims', 'Commentaire'])).toEqual({
      participant: 0,
      theme: 1,
      code: 2,
      quote: 3,
      memo: 4,
    });
    expect(detectColumns(['Citation', 'Étiquette', 'Répondant'])).toEqual({ participant: 2, code: 1, quote: 0 });
    expect(detectColumns(['  Unité de sens ', 'code', 'Code participant', 'Catégorie', 'MÉMO'])).toEqual({
      participant: 2,
      code: 1,
      quote: 0,
      theme: 3,
      memo: 4,
    });
  });

  it("reads codage's own segment listings: the quote is the text, not the segment id", () => {
    const en = ['coder', 'participant', 'segment', 'quote_id', 'theme', 'code', 'code_id', 'start', 'end', 'text', 'memo', 'exemplary', 'status'];
    expect(detectColumns(en)).toEqual({ participant: 1, theme: 4, code: 5, quote: 9, memo: 10, quoteId: 3, start: 7, end: 8 });
    const fr = ['codeur', 'participant', 'segment', 'id_citation', 'thème', 'code', 'id_code', 'début', 'fin', 'texte', 'mémo', 'exemplaire', 'statut'];
    expect(detectColumns(fr)).toEqual({ participant: 1, theme: 4, code: 5, quote: 9, memo: 10, quoteId: 3, start: 7, end: 8 });
    // A start without an end (or the reverse) is no place.
    expect(detectColumns(['Participant', 'Code', 'Citation', 'Début'])).toEqual({ participant: 0, code: 1, quote: 2 });
    // Only those names: a « Citation » column is the quote.
    expect(detectColumns(['Participant', 'Code', 'Citation'])).toEqual({ participant: 0, code: 1, quote: 2 });
  });

  it('reads English headers', () => {
    expect(detectColumns(['id', 'Quote', 'Code', 'Category', 'Notes'])).toEqual({ participant: 0, quote: 1, code: 2, theme: 3, memo: 4 });
  });

  it('takes a sub-theme column as codes only when there is no code column', () => {
    expect(detectColumns(['Participant', 'Thème', 'Sous-thème', 'Extrait'])).toEqual({ participant: 0, theme: 1, code: 2, quote: 3 });
    expect(detectColumns(['Participant', 'Thème', 'Sous-thème', 'Code', 'Extrait'])).toEqual({
      participant: 0,
      theme: 1,
      subtheme: 2,
      code: 3,
      quote: 4,
    });
  });

  it('recognises headers that contain a known name', () => {
    expect(detectColumns(['N° participant', 'Thème principal', 'Code (nœud)', 'Verbatim (extrait) :'])).toEqual({
      participant: 0,
      theme: 1,
      code: 2,
      quote: 3,
    });
  });

  it('says which required columns are missing', () => {
    expect(detectColumns(['Participant', 'Date', 'Durée'])).toEqual({ missing: ['code', 'quote'] });
    expect(detectColumns([])).toEqual({ missing: ['participant', 'code', 'quote'] });
  });
});
