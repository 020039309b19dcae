/**
 * The coder file's reader and writer on arbitrary content: what codage writes, it reads back
 * identically; whatever a person writes, the reader answers with problems, never by throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flawsOf, isCleanSegment, otherKeysOf, parseCoderFile, SEGMENT_KEYS } from '../../src/core/codings/parse.js';
import { serializeCoderFile } from '../../src/core/codings/serialize.js';
import type { CoderFile, Segment } from '../../src/core/types.js';
import { messyText, PROPERTY_TIMEOUT, runs } from './arbitraries.js';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
const participant = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,6}$/);

const segment: fc.Arbitrary<Segment> = fc
  .record(
    {
      id,
      participant,
      start: fc.nat({ max: 1_000_000 }),
      length: fc.integer({ min: 1, max: 5000 }),
      codes: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      text: messyText(20).filter((t) => t !== ""),
      memo: messyText(10),
      exemplary: fc.boolean(),
      quote: id,
      ambiguous: fc.boolean(),
      confirmed: fc.boolean(),
      at: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
    },
    { requiredKeys: ['id', 'participant', 'start', 'length', 'codes', 'text'] },
  )
  .map(({ length, at, ...s }) => ({
    ...s,
    end: s.start + length,
    ...(at !== undefined ? { at: at.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
  }));

const coderFile: fc.Arbitrary<CoderFile> = fc.record({
  coder: fc.constant('marie'),
  memos: fc.dictionary(participant, messyText(15), { maxKeys: 4 }),
  segments: fc.uniqueArray(segment, { selector: (s) => s.id, maxLength: 25 }),
});

/** What a segment means, without where it was read from. */
function content(file: CoderFile) {
  const segments = file.segments
    // `exemplary`, `ambiguous`, `confirmed`: false is the default, written by leaving the field out.
    .map(({ line: _line, exemplary, ambiguous, confirmed, ...s }) => ({ ...s, ...(exemplary ? { exemplary } : {}), ...(ambiguous ? { ambiguous } : {}), ...(confirmed ? { confirmed } : {}) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { coder: file.coder, memos: file.memos, segments };
}

describe('coder files, on arbitrary content', () => {
  it('write then read gives back every segment and memo exactly, with no problem', () => {
    fc.assert(
      fc.property(coderFile, fc.constantFrom('en' as const, 'fr' as const), (file, language) => {
        const written = serializeCoderFile(file, {}, language);
        const read = parseCoderFile(written, 'codings/marie.yaml', 'marie');
        expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(read.rewritable).toBe(true);
        expect(content(read.coderFile)).toEqual(content(file));
        // Writing what was read gives the same bytes.
        expect(serializeCoderFile(read.coderFile, { invalid: read.invalid, extra: read.extra }, language)).toBe(written);
      }),
      runs(300),
    );
  }, PROPERTY_TIMEOUT);

  it('any text at all is answered with problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(messyText(200), fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        const read = parseCoderFile(text, 'codings/marie.yaml', 'marie');
        expect(Array.isArray(read.problems)).toBe(true);
      }),
      runs(300),
    );
  }, PROPERTY_TIMEOUT);

  it('a written file damaged by hand is read without throwing, and what cannot be understood is never rewritten', () => {
    fc.assert(
      fc.property(coderFile, fc.nat(), fc.nat({ max: 40 }), messyText(5), (file, at, cut, insert) => {
        const written = serializeCoderFile(file);
        const p = at % (written.length + 1);
        const damaged = written.slice(0, p) + insert + written.slice(p + cut);
        const read = parseCoderFile(damaged, 'codings/marie.yaml', 'marie');
        if (read.rewritable) {
          // Rewriting keeps every entry: those understood as segments, and those kept as written.
          const again = serializeCoderFile(read.coderFile, { invalid: read.invalid, extra: read.extra });
          const reread = parseCoderFile(again, 'codings/marie.yaml', 'marie');
          expect(content(reread.coderFile)).toEqual(content(read.coderFile));
          expect(reread.invalid.map((e) => e.value)).toEqual(read.invalid.map((e) => e.value));
        }
      }),
      runs(300),
    );
  }, PROPERTY_TIMEOUT);
});

describe('the fast segment check', () => {
  // Entries a person might write: each known field absent, null, of its type or of another type,
  // and sometimes a key codage does not know.
  const anyValue = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -3, max: 50 }),
    fc.double({ noNaN: false }),
    fc.constantFrom('', 'P1', 'humour', 'x', '2026-03-01'),
    fc.array(fc.constantFrom<unknown>('humour', 'impuissance', '', 3), { maxLength: 3 }),
    fc.constant(['humour', 'humour']),
    fc.constant({}),
  );
  const valid = fc
    .record(
      {
        id,
        participant,
        start: fc.nat({ max: 40 }),
        length: fc.integer({ min: 1, max: 40 }),
        codes: fc.uniqueArray(fc.constantFrom('humour', 'impuissance', 'peur'), { minLength: 1, maxLength: 3 }),
        text: messyText(3),
        memo: messyText(3),
        exemplary: fc.boolean(),
        quote: id,
        ambiguous: fc.boolean(),
        confirmed: fc.boolean(),
        at: fc.constant('2026-03-01T10:00:00Z'),
        prefix: messyText(2),
        suffix: messyText(2),
      },
      { requiredKeys: ['id', 'participant', 'start', 'length', 'codes', 'text'] },
    )
    .map(({ length, ...r }) => ({ ...r, end: r.start + length }) as Record<string, unknown>);
  // A valid segment with up to three fields changed as a hand edit would: removed, set to a value
  // of any type (null, an empty string, a number, a repeated code…), or a key codage does not know.
  const keys = [...SEGMENT_KEYS, 'extra', 'Codes'];
  const edit = fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.oneof(anyValue, fc.constantFrom('', null)), { nil: undefined, freq: 5 }) });
  const entry = fc.tuple(valid, fc.array(edit, { maxLength: 3 })).map(([v, edits]) => {
    const out: Record<string, unknown> = { ...v };
    for (const { key, value } of edits) {
      if (value === undefined) delete out[key];
      else out[key] = value;
    }
    return out;
  });

  it('says clean exactly when the full check finds no flaw, no code twice, no null field and no key of a newer codage', () => {
    let clean = 0;
    fc.assert(
      fc.property(entry, (v) => {
        const codes = v.codes;
        const distinct = !Array.isArray(codes) || new Set(codes).size === codes.length;
        const noNull = Object.values(v).every((x) => x !== null);
        const noOtherKey = otherKeysOf(v) === undefined;
        const fast = isCleanSegment(v);
        if (fast) clean++;
        expect(fast).toBe(flawsOf(v).length === 0 && distinct && noNull && noOtherKey);
      }),
      runs(2000),
    );
    // Both answers were put to the test, often.
    expect(clean).toBeGreaterThan(runs(2000).numRuns! / 10);
  }, PROPERTY_TIMEOUT);
});
