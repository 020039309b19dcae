import { themePath } from '../codebook/query.js';
import { compareNatural } from '../natural-sort.js';
import { transcriptOffsets, type AnchoredSegment } from '../study/anchor-codings.js';
import type { OffsetMap } from '../text/offsets.js';
import { delimitedRow, joinLines } from './delimited.js';
import type { Codebook, Language } from '../types.js';

/** One row per segment and code, as `codage segments` prints it. */
export interface SegmentRow {
  coder: string;
  participant: string;
  segment: string;
  /** The quote id the segment shares with the other passages of one quote ('' for a quote of its own). */
  quote_id: string;
  theme: string;
  code: string;
  code_id: string;
  /** Code point offsets into the transcript text, as today. */
  start: number;
  end: number;
  text: string;
  memo: string;
  exemplary: boolean;
  status: string;
}

export const SEGMENT_COLUMNS: (keyof SegmentRow)[] = [
  'coder', 'participant', 'segment', 'quote_id', 'theme', 'code', 'code_id', 'start', 'end', 'text', 'memo', 'exemplary', 'status',
];

export interface SegmentFilter {
  coder?: string;
  participant?: string;
  /** Code id. */
  code?: string;
}

/** Each distinct value's place in natural order (`compareNatural` is a total order). */
function naturalRanks(values: string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort(compareNatural);
  return new Map(distinct.map((value, i) => [value, i]));
}

/** Rows sorted by coder, participant (natural order), start, end, code. */
export function segmentRows(segments: AnchoredSegment[], codebook: Codebook, filter: SegmentFilter = {}): SegmentRow[] {
  const maps = new Map<string, OffsetMap>();
  const paths = new Map<string, string>();
  const pathOf = (id: string) => {
    let path = paths.get(id);
    if (path === undefined) {
      path = themePath(codebook, id).map((node) => node.name).join(' > ');
      paths.set(id, path);
    }
    return path;
  };
  const rows: SegmentRow[] = [];
  // Natural order is costly to compare: rank the few coders and participants once.
  const coderRank = naturalRanks(segments.map((a) => a.coder));
  const participantRank = naturalRanks(segments.map((a) => a.segment.participant));
  const sorted = [...segments].sort(
    (a, b) =>
      coderRank.get(a.coder)! - coderRank.get(b.coder)! ||
      participantRank.get(a.segment.participant)! - participantRank.get(b.segment.participant)! ||
      a.start - b.start ||
      a.end - b.end ||
      (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0),
  );
  for (const a of sorted) {
    if (filter.coder !== undefined && a.coder !== filter.coder) continue;
    if (filter.participant !== undefined && a.segment.participant !== filter.participant) continue;
    let map = maps.get(a.transcript.id);
    if (!map) maps.set(a.transcript.id, (map = transcriptOffsets(a.transcript)));
    const placed = a.status !== 'unplaced';
    const start = placed ? map.toCodePoint(a.start) : a.segment.start;
    const end = placed ? map.toCodePoint(a.end) : a.segment.end;
    for (const codeId of a.segment.codes) {
      if (filter.code !== undefined && codeId !== filter.code) continue;
      rows.push({
        coder: a.coder,
        participant: a.segment.participant,
        segment: a.segment.id,
        quote_id: a.segment.quote ?? '',
        theme: pathOf(codeId),
        code: codebook.byId.get(codeId)?.name ?? codeId,
        code_id: codeId,
        start,
        end,
        text: a.text,
        memo: a.segment.memo ?? '',
        exemplary: a.segment.exemplary === true,
        status: a.status,
      });
    }
  }
  return rows;
}

/**
 * Rows as delimited text (RFC 4180 for `,`): a header line with the column names, then one line
 * per row, each ending with `\n`. `exemplary` is written `yes` or left empty. Cells are written by
 * `delimited.ts`: never a formula, always one row per segment and code.
 */
export function formatSegmentRows(rows: readonly SegmentRow[], delimiter: ',' | '\t' | ';'): string {
  const lines: string[] = [delimitedRow(SEGMENT_COLUMNS, delimiter)];
  const cells: string[] = new Array<string>(SEGMENT_COLUMNS.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let c = 0; c < SEGMENT_COLUMNS.length; c++) {
      const value = row[SEGMENT_COLUMNS[c]!];
      // Numbers are written as they are; the one boolean, `exemplary`, is `yes` or empty.
      cells[c] = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value ? 'yes' : '';
    }
    lines.push(delimitedRow(cells, delimiter));
  }
  return joinLines(lines, {});
}

const SHEET_HEADERS: Record<Language, Record<keyof SegmentRow, string>> = {
  en: {
    coder: 'coder', participant: 'participant', segment: 'segment', quote_id: 'quote_id', theme: 'theme', code: 'code', code_id: 'code_id',
    start: 'start', end: 'end', text: 'text', memo: 'memo', exemplary: 'exemplary', status: 'status',
  },
  fr: {
    coder: 'codeur', participant: 'participant', segment: 'segment', quote_id: 'id_citation', theme: 'thème', code: 'code', code_id: 'id_code',
    start: 'début', end: 'fin', text: 'texte', memo: 'mémo', exemplary: 'exemplaire', status: 'statut',
  },
};

const STATUS_WORDS: Record<Language, Record<string, string>> = {
  en: {},
  fr: { unchanged: 'inchangé', moved: 'déplacé', normalised: 'normalisé', approximate: 'approché', unplaced: 'introuvable' },
};

/**
 * The rows as a spreadsheet for people shows them, in the study's language: headers and values
 * (`exemplaire: oui`, `statut: inchangé`) in French for a French study. (The csv, tsv and json
 * formats keep the English keys and values, for scripts.) One table for Excel's CSV and .xlsx.
 */
export function segmentSheet(rows: readonly SegmentRow[], language: Language): { header: string[]; cells: (string | number)[][] } {
  const names = SHEET_HEADERS[language];
  const yes = language === 'fr' ? 'oui' : 'yes';
  return {
    header: SEGMENT_COLUMNS.map((column) => names[column]),
    cells: rows.map((row) =>
      SEGMENT_COLUMNS.map((column) => {
        const value = row[column];
        if (column === 'status') return STATUS_WORDS[language][row.status] ?? row.status;
        return typeof value === 'boolean' ? (value ? yes : '') : value;
      }),
    ),
  };
}

/**
 * Rows as French Excel opens them by a double click: `;`-separated, UTF-8 with a BOM (else Excel
 * reads it as Windows-1252 and accents break), CRLF line ends (line feeds inside quoted cells
 * stay); headers and values in `language` (see `segmentSheet`).
 */
export function formatSegmentRowsForExcel(rows: readonly SegmentRow[], language: Language = 'en'): string {
  const sheet = segmentSheet(rows, language);
  const lines = [sheet.header, ...sheet.cells].map((cells) => delimitedRow(cells.map(String), ';'));
  return joinLines(lines, { bom: true, lineEnd: '\r\n' });
}
