/**
 * The direct CSV reader (core/text/csv-read.ts) against csv-parse with the options codage reads
 * spreadsheets with: on any text, either it gives exactly csv-parse's records, or it gives null
 * and leaves the text to csv-parse (which may then be lenient, or fail with its own message).
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/core/text/csv-read.js';
import { PROPERTY_TIMEOUT, runs } from './arbitraries.js';

function csvParse(text: string, delimiter: string): string[][] | 'error' {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    return 'error';
  }
}

/** Texts made of what CSV files hold: cells, both delimiters, quotes, both line ends, accents. */
const pieces = ['a', 'é', ' ', ';', ',', '\t', '"', '""', '\n', '\r\n', '\r', '«\u00a0', '\ufeff', 'Je pense'];
const csvText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

/** Well-formed CSV: quoted or plain cells, one kind of line end. */
const cell = fc.oneof(
  fc.stringMatching(/^[a-zé «»’.,!?-]{0,8}$/u),
  fc.array(fc.constantFrom('a', ';', ',', '"', '\n', ' ', 'é'), { maxLength: 8 }).map((c) => `"${c.join('').replaceAll('"', '""')}"`),
);
const wellFormed = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([rows, delimiter, end, last]) => ({ text: rows.map((r) => r.join(delimiter)).join(end) + (last && rows.length > 0 ? end : ''), delimiter }));

describe('reading CSV directly', () => {
  it('gives csv-parse’s records, or leaves the text to it', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(';', ',', '\t'), (text, delimiter) => {
        const direct = readCsvRecords(text, delimiter);
        if (direct !== null) expect(direct).toEqual(csvParse(text, delimiter));
      }),
      runs(3000),
    );
  });

  it('reads well-formed CSV itself, as csv-parse does', { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(wellFormed, ({ text, delimiter }) => {
        const direct = readCsvRecords(text, delimiter);
        // A quoted cell holding a line end of the other kind before the first record ends is
        // still read directly; only a bare line end outside quotes is left to csv-parse.
        expect(direct).not.toBeNull();
        expect(direct).toEqual(csvParse(text, delimiter));
      }),
      runs(1000),
    );
  });

  it('gives csv-parse’s records and lines as participants.csv is read (empty lines skipped), or leaves the text to it', { timeout: PROPERTY_TIMEOUT }, () => {
    const participants = (text: string, delimiter: string) => {
      try {
        return (parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: false }) as unknown as { record: string[]; info: { lines: number } }[]).map(
          (r) => [r.record, r.info.lines],
        );
      } catch {
        return 'error';
      }
    };
    const direct = (text: string, delimiter: string) => {
      const lines: number[] = [];
      const records = readCsvRecords(text, delimiter, { skipEmptyLines: true, lines });
      return records === null ? null : records.map((r, i) => [r, lines[i]]);
    };
    fc.assert(
      fc.property(fc.oneof(csvText.map((text) => ({ text, delimiter: ';' })), wellFormed), ({ text, delimiter }) => {
        const got = direct(text, delimiter);
        if (got !== null) expect(got).toEqual(participants(text, delimiter));
      }),
      runs(3000),
    );
    // Empty lines anywhere, both line ends: read directly, with csv-parse's line numbers.
    for (const text of ['\nid;age\n\nP1;45\n\n', 'id;age\r\n\r\nP1;45\r\nP2;"4;5"', 'id\n""\nP1']) {
      expect(direct(text, ';'), text).not.toBeNull();
      expect(direct(text, ';'), text).toEqual(participants(text, ';'));
    }
  });

  it('leaves to csv-parse what it reads leniently or refuses', () => {
    for (const text of ['a;x"y;c', '"a"b;c', 'a;"b" ;c', ' "a";b', 'a;"b', 'a;b\rc;d', 'a;b\r\nc\nd;e\r\n', 'a;b\nc;d\r\n']) {
      expect(readCsvRecords(text, ';'), text).toBeNull();
    }
    expect(readCsvRecords('a;b\n\nc;d', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(readCsvRecords('\ufeff"a""b";"c\r\nd"\r\ne;\r\n', ';')).toEqual([['a"b', 'c\r\nd'], ['e', '']]);
    expect(readCsvRecords('', ';')).toEqual([]);
  });
});
