import { describe, expect, it } from 'vitest';
import type { CoderFile, Transcript } from '../types.js';
import { mergeImportedSegments } from './merge.js';
import type { ImportSegment } from './plan.js';

const text = 'P1 : Huit mois d’attente. On bricole en attendant. Et puis il revient, il revient.';
const transcript = { id: 'P1', text } as Transcript;
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
const code = (name: string) => ({ name, themePath: [] });
const ids = new Map([
  ['delais', 'delais'],
  ['bricolage', 'bricolage'],
]);
let n = 0;
const random = () => ((n = (n * 7 + 3) % 97) / 97);

const quoted: ImportSegment[] = [
  { participant: 'P1', ...span('Huit mois d’attente'), codes: [code('delais')], rows: [2], ambiguous: false, quote: 'row2' },
  { participant: 'P1', ...span('On bricole en attendant'), codes: [code('delais')], rows: [2], ambiguous: true, quote: 'row2' },
];

function merge(base: CoderFile | null, segments: ImportSegment[]) {
  return mergeImportedSegments({ coder: 'marie', base, segments, codeIds: ids, transcripts: new Map([['P1', transcript]]), now: 'T', random });
}

describe('mergeImportedSegments', () => {
  it('ties the passages of one quote by a new shared quote id, with their context and ambiguous mark', () => {
    const { coderFile, added, ids: made } = merge(null, quoted);
    expect(added).toBe(2);
    const [a, b] = coderFile.segments;
    expect(a!.quote).toMatch(/^[a-z0-9]{8}$/);
    expect(b!.quote).toBe(a!.quote);
    expect(a!.quote).not.toBe(a!.id);
    expect(a!.ambiguous).toBeUndefined();
    expect(b!.ambiguous).toBe(true);
    expect(a).toMatchObject({ prefix: 'P1 : ', suffix: '. On bricole en attendant. Et' });
    expect(made).toEqual([a!.id, b!.id]);
  });

  it('adds codes to the same quote imported again, and makes a new segment for a lone passage on the same span', () => {
    const first = merge(null, quoted).coderFile;
    const again = merge(first, quoted.map((s) => ({ ...s, codes: [code('bricolage')] })));
    expect(again.added).toBe(0);
    expect(again.merged).toBe(2);
    expect(again.coderFile.segments.map((s) => s.codes)).toEqual([
      ['delais', 'bricolage'],
      ['delais', 'bricolage'],
    ]);
    const alone = merge(first, [{ participant: 'P1', ...span('On bricole en attendant'), codes: [code('bricolage')], rows: [3], ambiguous: false }]);
    expect(alone.added).toBe(1);
    expect(alone.coderFile.segments[2]!.quote).toBeUndefined();
  });
});
