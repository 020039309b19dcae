/**
 * Tables as delimited text a spreadsheet may open — CSV, TSV, CSV for French Excel — written
 * once for every output (`segments`, the import review, and every export to come).
 *
 * Two things are never left to chance:
 * - **Formula injection** (OWASP, "CSV Injection"): Excel, LibreOffice and Google Sheets run a
 *   cell that starts with `=`, `+`, `-` or `@` (or a tab, a carriage return or a NUL before it)
 *   as a formula; a code, a memo or a quote written that way by someone else would run in the
 *   researcher's spreadsheet. Such a cell gets a leading `'`, which spreadsheets read as "this is
 *   text". The JSON outputs keep every text exactly. A cell that is a plain decimal number
 *   (`-0.12`, a negative kappa) is a number to every spreadsheet, never run: it stays as it is,
 *   so that R and Python read it as a number. A cell already starting with apostrophes before
 *   such a character gets one more, so that a file codage reads back (a decisions log) gives
 *   exactly what was written (`restoreSpreadsheetText`).
 * - **One row per record**: a cell holding the delimiter, a double quote, a line feed or a
 *   carriage return alone is quoted (RFC 4180), so that a memo with a stray `\r` is not split
 *   into two rows.
 */

/** First characters that make a spreadsheet read a cell as a formula. */
function formulaCharacter(c: number): boolean {
  // = + - @ TAB CR NUL
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d || c === 0x00;
}

const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/** Whether the cell gets a leading `'`: a formula character first, after any apostrophes. */
function startsLikeFormula(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === 0x27) i++;
  if (i >= text.length || !formulaCharacter(text.charCodeAt(i))) return false;
  return i > 0 || !PLAIN_NUMBER.test(text);
}

/** The text as a spreadsheet cell that can never run as a formula (see the module comment). */
export function spreadsheetText(text: string): string {
  return text.length > 0 && startsLikeFormula(text) ? `'${text}` : text;
}

/** The inverse of `spreadsheetText`, for a spreadsheet codage wrote and reads back. */
export function restoreSpreadsheetText(text: string): string {
  return text.charCodeAt(0) === 0x27 && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/** One cell: neutralised, then quoted when it holds the delimiter, a quote, or a line break. */
export function delimitedCell(value: string, delimiter: string): string {
  const text = spreadsheetText(value);
  if (text.indexOf('"') !== -1) return `"${text.replaceAll('"', '""')}"`;
  if (text.indexOf(delimiter) !== -1 || text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1) return `"${text}"`;
  return text;
}

/** One row: its cells, separated by the delimiter (no line end). */
export function delimitedRow(cells: readonly string[], delimiter: string): string {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = delimitedCell(cells[i] as string, delimiter);
  return out.join(delimiter);
}

export interface DelimitedOptions {
  delimiter: ',' | ';' | '\t';
  /** A UTF-8 byte order mark first (what French Excel needs to read accents). */
  bom?: boolean;
  /** Between rows (line breaks inside a quoted cell stay as they are). Default `\n`. */
  lineEnd?: '\n' | '\r\n';
}

/** Rows of cells as delimited text, every row ended by `lineEnd`. */
export function formatDelimited(rows: readonly (readonly string[])[], options: DelimitedOptions): string {
  return joinLines(rows.map((row) => delimitedRow(row, options.delimiter)), options);
}

/** Rows already written by `delimitedRow`, as the text of a file. */
export function joinLines(lines: string[], options: Pick<DelimitedOptions, 'bom' | 'lineEnd'>): string {
  const lineEnd = options.lineEnd ?? '\n';
  lines.push('');
  return (options.bom ? '\ufeff' : '') + lines.join(lineEnd);
}
