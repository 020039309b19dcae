import { describe, expect, it } from 'vitest';
import { confirmedPlaceChanged } from '../study/anchor-codings.js';
import type { CoderFile, Segment, Transcript } from '../types.js';
import { confirmedPlaces, mergeImportedSegments } from './merge.js';
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

  it('keeps, for a file replaced, the ids of segments and quotes imported again where they were', () => {
    const first = merge(null, [...quoted, { participant: 'P1', ...span('il revient, il revient'), codes: [code('bricolage')], rows: [3], ambiguous: false }]).coderFile;
    // The corrected spreadsheet: the quote of row 2 as it was, row 3 now a little longer, a new row 4.
    const again = mergeImportedSegments({
      coder: 'marie',
      base: { ...first, segments: [] },
      previous: first.segments,
      segments: [
        ...quoted,
        { participant: 'P1', ...span('Et puis il revient, il revient'), codes: [code('bricolage')], rows: [3], ambiguous: false },
        { participant: 'P1', ...span('Huit mois d’attente'), codes: [code('bricolage')], rows: [4], ambiguous: false },
      ],
      codeIds: ids,
      transcripts: new Map([['P1', transcript]]),
      now: 'T2',
      random,
    });
    const [a, b, c, d] = again.coderFile.segments;
    expect([a!.id, b!.id, a!.quote]).toEqual([first.segments[0]!.id, first.segments[1]!.id, first.segments[0]!.quote]);
    // Elsewhere now, or a new row on a place the quote already holds: new ids.
    expect(first.segments.map((s) => s.id)).not.toContain(c!.id);
    expect(first.segments.map((s) => s.id)).not.toContain(d!.id);
    expect(new Set(again.coderFile.segments.map((s) => s.id)).size).toBe(4);
    // A quote with one passage moved is a new quote: its passages get new ids, not the old ones.
    const moved = mergeImportedSegments({
      coder: 'marie',
      base: { ...first, segments: [] },
      previous: first.segments,
      segments: [quoted[0]!, { ...quoted[1]!, ...span('On bricole') }],
      codeIds: ids,
      transcripts: new Map([['P1', transcript]]),
      now: 'T2',
      random,
    });
    expect(moved.coderFile.segments[0]!.quote).not.toBe(first.segments[0]!.quote);
    expect(moved.coderFile.segments.map((s) => s.id)).not.toContain(first.segments[0]!.id);
  });

  it('keeps, for a file replaced, the keys a newer codage wrote on a segment imported again where it was', () => {
    const first = merge(null, [{ participant: 'P1', ...span('il revient, il revient'), codes: [code('bricolage')], rows: [3], ambiguous: false }]).coderFile;
    const reviewed = { reviewed: { by: 'paul', at: '2026-12-01T10:00:00Z' } };
    const previous = first.segments.map((s) => ({ ...s, otherKeys: reviewed }));
    const replace = (row: ImportSegment) =>
      mergeImportedSegments({ coder: 'marie', base: { ...first, segments: [] }, previous, segments: [row], codeIds: ids, transcripts: new Map([['P1', transcript]]), now: 'T2', random });
    // The same place, the codes the spreadsheet gives now: the same segment, its keys kept.
    const same = replace({ participant: 'P1', ...span('il revient, il revient'), codes: [code('delais')], rows: [3], ambiguous: false }).coderFile.segments[0]!;
    expect([same.id, same.codes, same.otherKeys]).toEqual([previous[0]!.id, ['delais'], reviewed]);
    // Another place: another segment, nothing carried.
    const other = replace({ participant: 'P1', ...span('Et puis il revient, il revient'), codes: [code('bricolage')], rows: [3], ambiguous: false }).coderFile.segments[0]!;
    expect(other.otherKeys).toBeUndefined();
  });

  describe('a place the coder confirmed, when the file is replaced', () => {
    // `il revient` is said twice: the import placed it at the first, the coder confirmed it there.
    const first = (at: string) => at.indexOf('il revient');
    const row = (t: string, from = 0): ImportSegment => {
      const start = t.indexOf('il revient', from);
      return { participant: 'P1', start, end: start + 'il revient'.length, text: 'il revient', codes: [code('bricolage')], rows: [3], ambiguous: true };
    };
    const imported = merge(null, [row(text)]).coderFile;
    const confirmedFile: CoderFile = { ...imported, segments: imported.segments.map(({ ambiguous: _, ...s }) => ({ ...s, confirmed: true })) };
    const replace = (t: string, segment: ImportSegment) =>
      mergeImportedSegments({
        coder: 'marie',
        base: { ...confirmedFile, segments: [] },
        previous: confirmedFile.segments,
        segments: [segment],
        codeIds: ids,
        transcripts: new Map([['P1', { id: 'P1', text: t } as Transcript]]),
        now: 'T2',
        random,
      });

    it('stays confirmed when the quote is placed there again, with the same text around it', () => {
      const again = replace(text, row(text));
      const [s] = again.coderFile.segments;
      expect(s).toMatchObject({ id: confirmedFile.segments[0]!.id, confirmed: true });
      expect(s!.ambiguous).toBeUndefined();
      expect(again.stillConfirmed).toEqual([s!.id]);
      expect(again.confirmAgain).toEqual([]);
    });

    it('is to confirm again when the quote is now placed at its other occurrence', () => {
      const again = replace(text, row(text, first(text) + 1));
      const [s] = again.coderFile.segments;
      expect(s!.ambiguous).toBe(true);
      // Its `confirmed` mark kept beside `ambiguous`, as check --fix writes it: « à confirmer de nouveau ».
      expect(s!.confirmed).toBe(true);
      expect(again.stillConfirmed).toEqual([]);
      expect(again.confirmAgain).toEqual([s!.id]);
    });

    it('is to confirm again when the transcript changed around the place, at the same offsets', () => {
      const edited = text.replace('il revient.', 'il revient encore.');
      const again = replace(edited, row(edited));
      const [s] = again.coderFile.segments;
      expect(s).toMatchObject({ start: confirmedFile.segments[0]!.start, id: confirmedFile.segments[0]!.id, ambiguous: true });
      expect(s!.confirmed).toBe(true);
      expect(again.confirmAgain).toEqual([s!.id]);
    });

    it('is to confirm again when the quote is now placed where the transcript says it with a capital', () => {
      // A sentence added where « Il revient » opens it: the neighbouring rows now put the quote there.
      const edited = text.replace('On bricole', 'Il revient souvent. On bricole');
      const start = edited.indexOf('Il revient');
      const again = replace(edited, { ...row(edited), start, end: start + 'Il revient'.length, text: 'Il revient' });
      const [s] = again.coderFile.segments;
      expect(s).toMatchObject({ text: 'Il revient', ambiguous: true, confirmed: true });
      expect(again.confirmAgain).toEqual([s!.id]);
    });

    it('is to confirm again, marked ambiguous, when the transcript no longer says it where it was confirmed', () => {
      // The first `il revient` is now `il repart`: the quote is said at one place only, the other one.
      const edited = text.replace('Et puis il revient', 'Et puis il repart');
      const again = replace(edited, { ...row(edited), ambiguous: false });
      const [s] = again.coderFile.segments;
      expect(s).toMatchObject({ start: edited.indexOf('il revient'), ambiguous: true });
      expect(s!.confirmed).toBe(true);
      expect(again.confirmAgain).toEqual([s!.id]);
      // Placed once, at the place confirmed (the other occurrence gone): nothing to confirm again.
      const alone = text.replace('il revient, il revient', 'il revient, oui');
      const kept = replace(alone, { ...row(alone), ambiguous: false });
      expect(kept.coderFile.segments[0]!.ambiguous).toBeUndefined();
      expect(kept.confirmAgain).toEqual([]);
    });

    it('stays confirmed, with its id, when the transcript was edited above it and check --fix not run', () => {
      // A word added at the top: the confirmed place's offsets in the replaced file are stale.
      const edited = text.replace('P1 : ', 'P1 : Bon. ');
      const again = replace(edited, row(edited));
      const [s] = again.coderFile.segments;
      expect(s).toMatchObject({ id: confirmedFile.segments[0]!.id, start: confirmedFile.segments[0]!.start + 5, confirmed: true });
      expect(s!.ambiguous).toBeUndefined();
      expect(again.stillConfirmed).toEqual([s!.id]);
      expect(again.confirmAgain).toEqual([]);
      // Edited right beside it: moved too, but the words around it changed: to confirm again.
      const beside = text.replace('Et puis il revient', 'Et puis bon, il revient');
      const near = replace(beside, row(beside));
      expect(near.coderFile.segments[0]).toMatchObject({ id: confirmedFile.segments[0]!.id, ambiguous: true, confirmed: true });
      expect(near.confirmAgain).toEqual([near.coderFile.segments[0]!.id]);
    });

    describe('confirmed in a file that stores no words around it (written by hand, or by an earlier codage)', () => {
      const bare: Segment[] = confirmedFile.segments.map(({ prefix: _p, suffix: _s, ...s }) => s);
      const replaceBare = (t: string, segment: ImportSegment) =>
        mergeImportedSegments({ coder: 'marie', base: { ...confirmedFile, segments: [] }, previous: bare, segments: [segment], codeIds: ids, transcripts: new Map([['P1', { id: 'P1', text: t } as Transcript]]), now: 'T2', random });

      it('stays confirmed at the same offsets and text, as codage check leaves it', () => {
        const again = replaceBare(text, row(text));
        const [s] = again.coderFile.segments;
        expect(s).toMatchObject({ id: bare[0]!.id, confirmed: true });
        expect(s!.ambiguous).toBeUndefined();
        expect(again.stillConfirmed).toEqual([s!.id]);
        expect(again.confirmAgain).toEqual([]);
        // The import chooses that place among the quote's places, as it does with a context.
        expect(confirmedPlaces(bare, new Map([['P1', transcript]])).get('P1')).toEqual([{ start: first(text), end: first(text) + 'il revient'.length }]);
        // Any change of the transcript around it is unknown: check does not ask either.
        const edited = text.replace('il revient.', 'il revient encore.');
        expect(confirmedPlaceChanged(bare[0]!, edited, { start: first(edited), end: first(edited) + 'il revient'.length, text: 'il revient', status: 'unchanged' })).toBe(false);
        expect(replaceBare(edited, row(edited)).stillConfirmed).toHaveLength(1);
      });

      it('is to confirm again elsewhere: nothing tells it is the place confirmed', () => {
        // Words added above: its offsets no longer frame its text, and no context says where it went.
        const edited = text.replace('P1 : ', 'P1 : Bon. ');
        const again = replaceBare(edited, row(edited));
        const [s] = again.coderFile.segments;
        expect(s).toMatchObject({ ambiguous: true });
        // Its `confirmed` mark kept beside `ambiguous`, as check --fix writes it: « à confirmer de nouveau ».
        expect(s!.confirmed).toBe(true);
        expect(again.confirmAgain).toEqual([s!.id]);
        expect(confirmedPlaces(bare, new Map([['P1', { id: 'P1', text: edited } as Transcript]])).size).toBe(0);
        // As check says of it: confirmed somewhere it no longer is.
        expect(confirmedPlaceChanged(bare[0]!, edited, { start: first(edited), end: first(edited) + 'il revient'.length, text: 'il revient', status: 'moved' })).toBe(true);
      });
    });

    it('keeps the ids of a file whose transcript was edited above its segments, check --fix not run', () => {
      const first = merge(null, quoted).coderFile;
      const edited = text.replace('P1 : ', 'P1 : Bon. ');
      const moved = (seg: ImportSegment) => ({ ...seg, start: seg.start + 5, end: seg.end + 5 });
      const again = mergeImportedSegments({
        coder: 'marie',
        base: { ...first, segments: [] },
        previous: first.segments,
        segments: quoted.map(moved),
        codeIds: ids,
        transcripts: new Map([['P1', { id: 'P1', text: edited } as Transcript]]),
        now: 'T2',
        random,
      });
      expect(again.coderFile.segments.map((s) => [s.id, s.quote])).toEqual(first.segments.map((s) => [s.id, s.quote]));
    });
  });
});
