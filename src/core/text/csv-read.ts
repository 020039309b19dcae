/**
 * The records of a CSV text in the common case — RFC 4180 cells, one record delimiter (`\n` or
 * `\r\n`) — read directly, as csv-parse reads them with codage's options (`relax_quotes`,
 * `relax_column_count`, empty lines kept as one empty cell, a BOM dropped): 20,000 quotes of a
 * spreadsheet (4.5 MB) in a few tens of milliseconds, where csv-parse took 200–400 ms. Anything
 * else gives null and csv-parse decides, with its own leniency and its error messages:
 * - a quote inside a cell that did not open with one (`12" long`, ` "a"` after a space);
 * - a closing quote followed by anything but the delimiter or the record's end (`"a"b`);
 * - a quote never closed;
 * - `\r` alone as the record delimiter (an old Mac file);
 * - a line end of the other kind outside quotes (csv-parse keeps it in the cell).
 * A property test holds this reader to csv-parse on arbitrary texts.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** What csv-parse's `skip_empty_lines` and `info` give, when asked for (participants.csv). */
export interface CsvLines {
  /** Empty lines are no records (csv-parse's `skip_empty_lines`). */
  skipEmptyLines: boolean;
  /**
   * Filled with the 1-based line on which each record ends (csv-parse's `info.lines`). A quoted
   * cell holding a line end is then left to csv-parse (null), which counts those lines itself.
   */
  lines: number[];
}

/** Records of `text` split at `delimiter` (one character), or null when csv-parse must read it. */
export function readCsvRecords(source: string, delimiter: string, options?: CsvLines): string[][] | null {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') return null;
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  /** 0: not known yet; 1: `\n`; 2: `\r\n`. */
  let lineEnd = 0;
  let record: string[] = [];
  let i = 0;
  /** The line being read (1-based). */
  let line = 1;
  const skipEmptyLines = options?.skipEmptyLines === true;
  const lines = options?.lines;
  /** Where the line end at `at` (CR or LF) ends; -1 when csv-parse must read it (a lone CR, the other kind). */
  const pastLineEnd = (at: number): number => {
    if (text.charCodeAt(at) === CR) {
      if (text.charCodeAt(at + 1) !== LF) return -1;
      if (lineEnd === 0) lineEnd = 2;
      else if (lineEnd !== 2) return -1;
      return at + 2;
    }
    if (lineEnd === 0) lineEnd = 1;
    else if (lineEnd !== 1) return -1;
    return at + 1;
  };
  while (i < n) {
    if (skipEmptyLines && record.length === 0) {
      const c0 = text.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        // An empty line: no record, one more line (its end checked as any record's end).
        i = pastLineEnd(i);
        if (i < 0) return null;
        line++;
        continue;
      }
    }
    // One cell, starting at i.
    let cell: string;
    let c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      let doubled = false;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          doubled = true;
          j = q + 2;
          continue;
        }
        cell = text.slice(i + 1, q);
        if (lines !== undefined && (cell.includes('\n') || cell.includes('\r'))) return null;
        if (doubled) cell = cell.replaceAll('""', '"');
        i = q + 1;
        break;
      }
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== sep && c !== CR && c !== LF) return null;
    } else {
      const from = i;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c === sep) break;
        if (c === QUOTE) return null;
        if (c === LF || c === CR) {
          if (lineEnd === 0) break;
          // A line end of the other kind is kept in the cell by csv-parse: left to it.
          if (lineEnd === 1 ? c === LF : c === CR && text.charCodeAt(i + 1) === LF) break;
          return null;
        }
      }
      cell = text.slice(from, i);
      c = i < n ? text.charCodeAt(i) : -1;
    }
    record.push(cell);
    if (c === -1) break;
    if (c === sep) {
      i++;
      // A delimiter at the very end: one more, empty, cell.
      if (i === n) record.push('');
      continue;
    }
    // The record ends here (c is CR or LF).
    i = pastLineEnd(i);
    if (i < 0) return null;
    records.push(record);
    lines?.push(line);
    line++;
    record = [];
  }
  if (record.length > 0) {
    records.push(record);
    lines?.push(line);
  }
  return records;
}
