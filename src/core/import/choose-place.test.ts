import { describe, expect, it } from 'vitest';
import type { ImportColumns } from './columns.js';
import { planImport } from './plan.js';

// `lombalgie` in three answers; each answer has its own distinctive sentences.
const text = `Enquêteur : Vos patients ?
P1 : Beaucoup de lombalgie, ici. Des agriculteurs, des maçons.
Enquêteur : Et les examens ?
P1 : L'IRM ne montre rien. La lombalgie chronique, c'est mécanique le plus souvent. Le kiné fait des merveilles.
Enquêteur : Et la kiné ?
P1 : Le kiné du village est formidable. Pour la lombalgie, le kiné fait des merveilles.
Enquêteur : Et la suite ?
P1 : Je voudrais une formation. Voilà.`;

const columns: ImportColumns = { participant: 0, code: 1, quote: 2 };
const plan = (quotes: string[]) =>
  planImport({ rows: quotes.map((q, i) => ({ row: i + 2, cells: ['P1', 'Code', q] })), columns, transcripts: [{ id: 'P1', text }] });
const second = text.indexOf('lombalgie chronique');

describe('choosing among equally good places', () => {
  it('by the neighbouring rows, when the sheet follows the transcript', () => {
    const p = plan(['Des agriculteurs, des maçons', "L'IRM ne montre rien", 'lombalgie', 'Le kiné du village est formidable', 'Je voudrais une formation']);
    const row = p.results[2]!;
    expect(row.pieces).toHaveLength(1);
    expect(row.pieces[0]).toMatchObject({ start: second, ambiguous: true, chosenBy: 'reading-order', line: 4 });
    expect(row.pieces[0]!.otherPlaces?.map((p) => p.line)).toEqual([2, 6]);
  });

  it('not by a row moved out of reading order', () => {
    // The kiné row, listed first, is out of order: the neighbours that count are the IRM row and the formation row.
    const p = plan(['Le kiné du village est formidable', 'Des agriculteurs, des maçons', "L'IRM ne montre rien", 'lombalgie', 'Je voudrais une formation']);
    const row = p.results[3]!;
    // Between the IRM row and the formation row lie two occurrences: nothing tells which, so the
    // first of them is taken, marked ambiguous, the other places listed.
    expect(row.status).toBe('exact');
    expect(row.pieces).toHaveLength(1);
    expect(row.pieces[0]).toMatchObject({ start: second, ambiguous: true, chosenBy: 'first', line: 4 });
    expect(row.pieces[0]!.otherPlaces?.map((p) => p.line)).toEqual([2, 6]);
  });

  it('by the other passages of the same quote: the same answer', () => {
    const p = plan(['Je voudrais une formation', 'le kiné fait des merveilles [...] Le kiné du village est formidable']);
    const row = p.results[1]!;
    expect(row.status).toBe('passages');
    expect(row.pieces.map((x) => x.text)).toEqual(['Le kiné du village est formidable', 'le kiné fait des merveilles']);
    expect(row.pieces[1]).toMatchObject({ ambiguous: true, chosenBy: 'quote', line: 6 });
  });

  it('not again inside another passage of the same quote', () => {
    const p = plan(['Le kiné du village est formidable. Pour la lombalgie [...] lombalgie']);
    expect(p.results[0]!.pieces.map((x) => x.text)).toEqual(['Le kiné du village est formidable. Pour la lombalgie']);
    expect(p.results[0]!.ambiguous).toBe(false);
  });

  it('by the place the coder confirmed in the file the import replaces, when nothing in the sheet tells', () => {
    const third = text.lastIndexOf('lombalgie');
    const confirmed = new Map([['P1', [{ start: third, end: third + 'lombalgie'.length }]]]);
    const p = planImport({ rows: [{ row: 2, cells: ['P1', 'Code', 'lombalgie'] }], columns, transcripts: [{ id: 'P1', text }], confirmed });
    // Still ambiguous (the merge keeps it confirmed there), the other places listed.
    expect(p.results[0]!.pieces).toEqual([expect.objectContaining({ start: third, ambiguous: true, chosenBy: 'confirmed', line: 6, otherPlaces: [expect.objectContaining({ line: 2 }), expect.objectContaining({ line: 4 })] })]);
    // The sheet's reading order still comes first: a row moved between other rows says where it goes.
    const ordered = planImport({
      rows: ['Des agriculteurs, des maçons', "L'IRM ne montre rien", 'lombalgie', 'Le kiné du village est formidable', 'Je voudrais une formation'].map((q, i) => ({ row: i + 2, cells: ['P1', 'Code', q] })),
      columns,
      transcripts: [{ id: 'P1', text }],
      confirmed,
    });
    expect(ordered.results[2]!.pieces[0]).toMatchObject({ start: second, chosenBy: 'reading-order' });
  });

  it('places what nothing singles out at the first place, marked ambiguous, and lists the others', () => {
    const p = plan(['lombalgie']);
    expect(p.results[0]!.status).toBe('exact');
    expect(p.results[0]!.ambiguous).toBe(true);
    expect(p.results[0]!.pieces).toEqual([expect.objectContaining({ start: text.indexOf('lombalgie'), ambiguous: true, chosenBy: 'first', line: 2, otherPlaces: [expect.objectContaining({ line: 4 }), expect.objectContaining({ line: 6 })] })]);
  });
});
