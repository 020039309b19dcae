/**
 * CSV records as codage reads them: directly in the common case (`text/csv-read.ts`), by csv-parse
 * for anything else, with its leniency and its messages. csv-parse is loaded only then: nine
 * modules that cost a command's start more than reading a plain participants.csv.
 *
 * Here, at the depth of `src/core/`, because it resolves csv-parse from its own URL (the bundle
 * sits at that depth too).
 */
import { createRequire } from 'node:module';
import { readCsvRecords } from './text/csv-read.js';

type CsvParse = typeof import('csv-parse/sync').parse;
let loaded: CsvParse | undefined;

/** csv-parse's synchronous reader, loaded the first time it is needed. */
export function csvParse(): CsvParse {
  loaded ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
  return loaded;
}

/** A record and the 1-based line it ends on (csv-parse's `info.lines`). */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * The records of a list codage keeps in CSV (participants.csv, the decisions log): empty lines
 * skipped, a BOM dropped, cells as written, each record with its line. Throws csv-parse's error
 * (with `lines`) when the text cannot be read.
 */
export function csvRecordsWithLines(text: string, delimiter: string): CsvRecord[] {
  const lines: number[] = [];
  const records = readCsvRecords(text, delimiter, { skipEmptyLines: true, lines });
  if (records !== null) return records.map((record, i) => ({ record, info: { lines: lines[i]! } }));
  return csvParse()(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: false }) as unknown as CsvRecord[];
}
