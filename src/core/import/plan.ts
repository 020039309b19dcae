/**
 * Planning the import of a coding spreadsheet (one row per verbatim: participant, code, quote):
 * every row's quote is located in its participant's transcript, rows coding the same span are
 * merged into one segment, and every row gets a status for the review file. Pure: the caller
 * reads the spreadsheet and the transcripts, maps code names to codebook ids and writes.
 */
import type { Localized } from '../types.js';
import { FoldedText } from '../text/fold.js';
import { locateQuote, type MatchMethod, type QuoteMatch } from '../anchoring/locate.js';
import type { ImportColumns } from './columns.js';
import { ParticipantResolver } from './participant.js';
import { chooseByReadingOrder, isAnchored } from './reading-order.js';

export type ImportStatus = MatchMethod | 'skipped';

export interface ImportRowResult {
  /** 1-based spreadsheet row. */
  row: number;
  /** The participant cell as written. */
  participantCell: string;
  /** The transcript's participant id, or null when not resolved. */
  participant: string | null;
  /** The code cell as written (trimmed). */
  code: string;
  /** Code names in the cell (several when separated by `;` or new lines). */
  codes: string[];
  /** Theme, sub-theme… from the theme cells (`Vécu > Émotions` → two levels). */
  themePath: string[];
  /** The quote as in the spreadsheet. */
  quote: string;
  memo?: string;
  /** Where the quote was found (null when skipped or the participant is unknown). */
  match: QuoteMatch | null;
  status: ImportStatus;
  /** Found at several equally good places that reading order could not tell apart. */
  ambiguous: boolean;
  /** 1-based line of the match in the transcript, when anchored. */
  line?: number;
  /** The exact transcript text of the match, when anchored. */
  text?: string;
  reason?: Localized;
}

export interface ImportCode {
  name: string;
  themePath: string[];
}

export interface ImportSegment {
  participant: string;
  /** UTF-16 offsets in the transcript text. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the transcript. */
  text: string;
  /** Code names (the caller maps them to codebook ids), in row order, without duplicates. */
  codes: ImportCode[];
  memo?: string;
  /** The spreadsheet rows merged into this segment. */
  rows: number[];
  /** At least one of its rows was ambiguous: worth a look before trusting it. */
  ambiguous: boolean;
}

export interface ImportSummary {
  rows: number;
  exact: number;
  normalised: number;
  fragments: number;
  approximate: number;
  unresolved: number;
  ambiguous: number;
  /** Rows without a quote (empty rows included). */
  skipped: number;
  /** Rows whose quote was found but that name no code. */
  uncoded: number;
  segments: number;
}

export interface ImportPlan {
  results: ImportRowResult[];
  segments: ImportSegment[];
  summary: ImportSummary;
}

export interface ImportTranscript {
  id: string;
  text: string;
  attributes?: Record<string, unknown>;
}

export interface ImportInput {
  rows: { row: number; cells: string[] }[];
  columns: ImportColumns;
  transcripts: ImportTranscript[];
  minScore?: number;
  /** Called after each row is located (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

const THEME_SEPARATOR = /\s+(?:>|\/|→|›)\s+/;
const CODE_PATH_SEPARATOR = /\s+(?:>|→|›)\s+/;

function splitPath(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

class TranscriptIndex {
  private folded?: FoldedText;
  private lineStarts?: number[];
  constructor(readonly text: string) {}

  fold(): FoldedText {
    this.folded ??= new FoldedText(this.text);
    return this.folded;
  }

  lineOf(offset: number): number {
    if (this.lineStarts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Locates every row's quote and plans the segments to create. */
export function planImport(input: ImportInput): ImportPlan {
  const { columns } = input;
  const resolver = new ParticipantResolver(input.transcripts.map((t) => t.id));
  const index = new Map(input.transcripts.map((t) => [t.id, new TranscriptIndex(t.text)]));
  const results: ImportRowResult[] = input.rows.map((r, i) => {
    const result = locateRow(r, columns, resolver, index, input.minScore);
    input.onProgress?.(i + 1, input.rows.length);
    return result;
  });

  chooseByReadingOrder(results);

  for (const r of results) {
    if (!isAnchored(r) || r.participant === null || r.match === null) continue;
    const t = index.get(r.participant)!;
    r.line = t.lineOf(r.match.start);
    r.text = t.text.slice(r.match.start, r.match.end);
    if (r.codes.length === 0) {
      r.reason = {
        en: 'The quote was found but the row names no code: add a code to import it.',
        fr: 'La citation a été trouvée mais la ligne n’indique aucun code\u00a0: ajoutez un code pour l’importer.',
      };
    }
  }

  const segments = mergeSegments(results, input.transcripts.map((t) => t.id));
  return { results, segments, summary: summarise(results, segments.length) };
}

function locateRow(
  input: { row: number; cells: string[] },
  columns: ImportColumns,
  resolver: ParticipantResolver,
  index: Map<string, TranscriptIndex>,
  minScore: number | undefined,
): ImportRowResult {
  const cell = (i: number | undefined): string => (i === undefined ? '' : (input.cells[i] ?? '').trim());
  const code = cell(columns.code);
  let themePath = [...splitPath(cell(columns.theme), THEME_SEPARATOR), ...splitPath(cell(columns.subtheme), THEME_SEPARATOR)];
  let codes = code
    .split(/\s*[;\n]\s*/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  // "Thème > Code" written in the code cell.
  if (codes.length === 1 && CODE_PATH_SEPARATOR.test(codes[0]!)) {
    const parts = splitPath(codes[0]!, CODE_PATH_SEPARATOR);
    codes = parts.slice(-1);
    if (themePath.length === 0) themePath = parts.slice(0, -1);
  }
  const memo = cell(columns.memo);
  const result: ImportRowResult = {
    row: input.row,
    participantCell: cell(columns.participant),
    participant: null,
    code,
    codes,
    themePath,
    quote: cell(columns.quote),
    match: null,
    status: 'skipped',
    ambiguous: false,
  };
  if (memo !== '') result.memo = memo;

  if (result.quote === '') {
    const blank = input.cells.every((c) => c.trim() === '');
    result.reason = blank
      ? { en: 'Empty row.', fr: 'Ligne vide.' }
      : { en: 'No quote in this row.', fr: 'Pas de citation sur cette ligne.' };
    return result;
  }
  const who = resolver.resolve(result.participantCell);
  if (who.id === null) {
    result.status = 'unresolved';
    result.reason = who.reason;
    return result;
  }
  result.participant = who.id;
  const t = index.get(who.id)!;
  const match = locateQuote(t.text, result.quote, { folded: t.fold(), minScore });
  result.match = match;
  result.status = match.method;
  if (match.reason !== undefined) result.reason = match.reason;
  return result;
}

function mergeSegments(results: ImportRowResult[], order: string[]): ImportSegment[] {
  const byKey = new Map<string, ImportSegment>();
  const memos = new Map<ImportSegment, string[]>();
  for (const r of results) {
    if (!isAnchored(r) || r.participant === null || r.codes.length === 0 || r.text === undefined) continue;
    const m = r.match!;
    const key = `${r.participant}\u0000${m.start}\u0000${m.end}`;
    let seg = byKey.get(key);
    if (seg === undefined) {
      seg = { participant: r.participant, start: m.start, end: m.end, text: r.text, codes: [], rows: [], ambiguous: false };
      byKey.set(key, seg);
    }
    for (const name of r.codes) {
      if (!seg.codes.some((c) => c.name === name)) seg.codes.push({ name, themePath: r.themePath });
    }
    seg.rows.push(r.row);
    seg.ambiguous ||= r.ambiguous;
    if (r.memo !== undefined) {
      const list = memos.get(seg) ?? [];
      if (!list.includes(r.memo)) list.push(r.memo);
      memos.set(seg, list);
      seg.memo = list.join('\n');
    }
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...byKey.values()].sort(
    (a, b) => rank.get(a.participant)! - rank.get(b.participant)! || a.start - b.start || a.end - b.end,
  );
}

function summarise(results: ImportRowResult[], segments: number): ImportSummary {
  const s: ImportSummary = {
    rows: results.length,
    exact: 0,
    normalised: 0,
    fragments: 0,
    approximate: 0,
    unresolved: 0,
    ambiguous: 0,
    skipped: 0,
    uncoded: 0,
    segments,
  };
  for (const r of results) {
    s[r.status]++;
    if (r.ambiguous) s.ambiguous++;
    if (isAnchored(r) && r.codes.length === 0) s.uncoded++;
  }
  return s;
}
