import { describe, it, expect } from 'vitest';
import { planImport } from './plan.js';
import { reviewRows } from './review.js';

const text = `Enquêteur : Et comment vous le vivez ?
P01 : Franchement, on se sent très démunis.
P01 : Et il revient, il revient.`;

const plan = planImport({
  rows: [
    { row: 2, cells: ['P01', 'Impuissance', 'On se sent tres demunis'] },
    { row: 3, cells: ['P09', 'Impuissance', 'on se sent très démunis'] },
    { row: 4, cells: ['P01', 'Refus', 'le patient refuse la morphine'] },
    { row: 5, cells: ['', '', ''] },
    { row: 6, cells: ['P01', 'Cercle vicieux', 'il revient'] },
  ],
  columns: { participant: 0, code: 1, quote: 2 },
  transcripts: [{ id: 'P01', text }],
});

describe('reviewRows', () => {
  it('lists every row in spreadsheet order, in English', () => {
    const rows = reviewRows(plan, 'en');
    expect(rows[0]).toEqual(['row', 'participant', 'code', 'quote', 'status', 'score', 'start', 'end', 'line', 'matched text', 'reason']);
    expect(rows.map((r) => r[0])).toEqual(['row', '2', '3', '4', '5', '6']);
    const start = text.indexOf('on se sent');
    expect(rows[1]).toEqual(['2', 'P01', 'Impuissance', 'On se sent tres demunis', 'normalised', '1.00', String(start), String(start + 23), '2', 'on se sent très démunis', '']);
    expect(rows[2]!.slice(0, 5)).toEqual(['3', 'P09', 'Impuissance', 'on se sent très démunis', 'unresolved']);
    expect(rows[2]![10]).toContain('No transcript for participant "P09"');
    expect(rows[3]![4]).toBe('unresolved');
    expect(rows[3]![6]).toBe('');
    expect(rows[4]![4]).toBe('skipped');
    expect(rows[5]![4]).toBe('exact, ambiguous');
  });

  it('speaks French with decimal commas and flags ambiguity', () => {
    const rows = reviewRows(plan, 'fr');
    expect(rows[0]![3]).toBe('citation');
    expect(rows[1]![4]).toBe('normalisée');
    expect(rows[1]![5]).toBe('1,00');
    expect(rows[5]![4]).toBe('exacte, ambiguë');
    expect(rows[5]![8]).toBe('3');
    expect(rows[5]![10]).toBe('Citation présente 2 fois dans l’entretien\u00a0: vérifiez que c’est la bonne.');
  });
});
