/**
 * Reading a coding spreadsheet from disk: CSV as French Excel writes it (`;`, Windows-1252,
 * CRLF, quoted multi-line cells) or UTF-8 with or without BOM, and `.xlsx` (first sheet).
 * Every cell comes back as a string; rows carry their 1-based spreadsheet row number.
 */
import { DataError } from '../core/errors.js';
import { decodeTranscriptBytes, normalizeText, toNfc } from '../core/text/decode.js';
import { detectDelimiter } from '../core/text/csv-delimiter.js';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { csvParse } from '../core/csv.js';
import { readCsvRecords } from '../core/text/csv-read.js';
import type { Localized, Problem } from '../core/types.js';
import { decodeUtf8Fast } from './study-text.js';
import { ArchiveError, boundedXlsx, XLSX_MAX_EXPANDED_BYTES } from './zip-guard.js';

export interface SpreadsheetRow {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export interface Spreadsheet {
  header: string[];
  rows: SpreadsheetRow[];
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: string;
}

/** A spreadsheet that cannot be read: where, what, and how to fix it. */
export class SpreadsheetError extends DataError {
  declare readonly file: string;
  readonly kind: string;

  constructor(
    file: string,
    kind: string,
    message: Localized,
    options: { line?: number; column?: number; hint?: Localized; cause?: unknown } = {},
  ) {
    super(message, { ...options, file });
    this.name = 'SpreadsheetError';
    this.kind = kind;
  }

  toProblem(): Problem {
    const p: Problem = { severity: 'error', file: this.file, kind: this.kind, message: this.localized };
    if (this.line !== undefined) p.line = this.line;
    if (this.column !== undefined) p.column = this.column;
    if (this.hint !== undefined) p.hint = this.hint;
    return p;
  }
}

const SAVE_AS_HINT: Localized = {
  en: 'Open it in your spreadsheet program and save it as "Excel workbook (.xlsx)" or "CSV (semicolon)".',
  fr: 'Ouvrez-le dans votre tableur et enregistrez-le en «\u00a0Classeur Excel (.xlsx)\u00a0» ou «\u00a0CSV (point-virgule)\u00a0».',
};

/** Reads a `.csv` (or `.txt`, `.tsv`) or `.xlsx` coding spreadsheet. */
export async function readSpreadsheet(path: string): Promise<Spreadsheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new SpreadsheetError(
      path,
      'spreadsheet-unreadable',
      { en: `Cannot read ${basename(path)}: ${(cause as Error).message}`, fr: `Impossible de lire ${basename(path)}\u00a0: ${(cause as Error).message}` },
      { cause, hint: { en: 'Check the path and that the file is not open in another program.', fr: 'Vérifiez le chemin et que le fichier n’est pas ouvert dans un autre programme.' } },
    );
  }
  const ext = extname(path).toLowerCase();
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new SpreadsheetError(
      path,
      'spreadsheet-format',
      { en: `${basename(path)} is an old Excel 97–2003 (.xls) file, which codage cannot read.`, fr: `${basename(path)} est un ancien fichier Excel 97–2003 (.xls), que codage ne sait pas lire.` },
      { hint: SAVE_AS_HINT },
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || ext === '.xlsx') return readXlsx(path, bytes);
  return readCsv(path, bytes);
}

// ---------------------------------------------------------------- xlsx

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return normaliseCell(String(value));
}

function megabytes(n: number): string {
  return String(Math.round(n / (1024 * 1024)));
}

/** The workbook's archive, checked against zip bombs (see zip-guard.ts), or a SpreadsheetError. */
function checkedArchive(path: string, bytes: Buffer): Buffer {
  try {
    return boundedXlsx(bytes);
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    const name = basename(path);
    if (error.reason === 'declared-too-large' || error.reason === 'expands-too-large' || error.reason === 'too-many-entries') {
      const limit = megabytes(XLSX_MAX_EXPANDED_BYTES);
      throw new SpreadsheetError(
        path,
        'spreadsheet-too-large',
        {
          en: `${name} would expand to more than ${limit} MB once unzipped (an .xlsx is a zip archive; ${error.detail}): codage does not open it, to protect your computer's memory.`,
          fr: `${name} occuperait plus de ${limit}\u00a0Mo une fois décompressé (un .xlsx est une archive zip\u00a0; ${error.detail})\u00a0: codage ne l’ouvre pas, pour protéger la mémoire de votre ordinateur.`,
        },
        {
          cause: error,
          hint: {
            en: `A coding spreadsheet of 50,000 quotes takes 16 MB. If this really is yours, save it as "CSV (semicolon)" and import the CSV; otherwise it is not a spreadsheet to open.`,
            fr: `Un tableur de codage de 50 000 verbatims occupe 16 Mo. Si c’est bien le vôtre, enregistrez-le en «\u00a0CSV (point-virgule)\u00a0» et importez le CSV\u00a0; sinon, ce n’est pas un tableur à ouvrir.`,
          },
        },
      );
    }
    throw new SpreadsheetError(
      path,
      'spreadsheet-format',
      { en: `${name} is not a readable .xlsx workbook (${error.detail}).`, fr: `${name} n’est pas un classeur .xlsx lisible (${error.detail}).` },
      { cause: error, hint: SAVE_AS_HINT },
    );
  }
}

async function readXlsx(path: string, bytes: Buffer): Promise<Spreadsheet> {
  const archive = checkedArchive(path, bytes);
  // Loaded for a workbook only: the Excel reader and its unzip take 100–300 ms to load, which a
  // CSV import (most of them) does not pay.
  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    data = (await readSheet(archive, { trim: false })) as unknown[][];
  } catch (cause) {
    throw new SpreadsheetError(
      path,
      'spreadsheet-format',
      {
        en: `${basename(path)} is not a readable .xlsx workbook (${(cause as Error).message}).`,
        fr: `${basename(path)} n’est pas un classeur .xlsx lisible (${(cause as Error).message}).`,
      },
      { cause, hint: SAVE_AS_HINT },
    );
  }
  return { ...withHeader(data.map((r) => r.map(cellText))), format: 'xlsx' };
}

// ---------------------------------------------------------------- csv

function decode(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const { text, encoding } = decodeTranscriptBytes(bytes, decodeUtf8Fast);
  return { text: toNfc(text), encoding };
}

/** Line and cell number (1-based) where a quoted cell opens and never closes. */
function unclosedQuote(text: string, delimiter: string): { line: number; column: number } | undefined {
  let line = 1;
  let field = 1;
  let atFieldStart = true;
  let inQuotes = false;
  let opened = { line: 0, column: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      opened = { line, column: field };
      atFieldStart = false;
    } else if (c === delimiter) {
      field++;
      atFieldStart = true;
    } else if (c === '\n') {
      line++;
      field = 1;
      atFieldStart = true;
    } else if (c !== '\r') {
      atFieldStart = false;
    }
  }
  return inQuotes ? opened : undefined;
}

function readCsv(path: string, bytes: Buffer): Spreadsheet {
  const { text, encoding } = decode(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    // The common case read directly (core/text/csv-read.ts); csv-parse reads the rest.
    records = readCsvRecords(text, delimiter) ?? (csvParse()(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][]);
  } catch (cause) {
    const e = cause as { message: string; code?: string; lines?: number; column?: number | string };
    const unclosed = e.code === 'CSV_QUOTE_NOT_CLOSED';
    const opened = unclosed ? unclosedQuote(text, delimiter) : undefined;
    const line = opened?.line ?? (typeof e.lines === 'number' ? e.lines : undefined);
    const column = opened?.column ?? (typeof e.column === 'number' ? e.column + 1 : undefined);
    throw new SpreadsheetError(
      path,
      'csv-syntax',
      unclosed
        ? { en: `A quoted cell is never closed (opened at line ${line ?? '?'}).`, fr: `Une cellule entre guillemets n’est jamais refermée (ouverte ligne ${line ?? '?'}).` }
        : { en: `The CSV file is malformed: ${e.message}`, fr: `Le fichier CSV est mal formé\u00a0: ${e.message}` },
      {
        cause,
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
        hint: {
          en: 'A cell containing quotes must be enclosed in quotes, with inner quotes doubled (""). Saving again from the spreadsheet program fixes it.',
          fr: 'Une cellule qui contient des guillemets doit être entourée de guillemets, ceux de l’intérieur doublés (""). Réenregistrer depuis le tableur corrige cela.',
        },
      },
    );
  }
  return { ...withHeader(records.map((r) => r.map(normaliseCell))), format: 'csv', encoding, delimiter };
}

// ---------------------------------------------------------------- shared

function normaliseCell(s: string): string {
  return normalizeText(s);
}

/** The first non-empty row is the header; rows keep their spreadsheet numbers. */
function withHeader(table: string[][]): { header: string[]; rows: SpreadsheetRow[] } {
  const blank = (r: string[]): boolean => r.every((c) => c.trim() === '');
  const first = table.findIndex((r) => !blank(r));
  if (first < 0) return { header: [], rows: [] };
  const rows: SpreadsheetRow[] = [];
  for (let i = first + 1; i < table.length; i++) rows.push({ row: i + 1, cells: table[i]! });
  // Trailing empty rows (Excel often leaves some) are not rows of the coding.
  while (rows.length > 0 && blank(rows[rows.length - 1]!.cells)) rows.pop();
  return { header: table[first]!, rows };
}

export { detectDelimiter };
