/**
 * Planning the import of a coding spreadsheet (one row per verbatim: participant, code, quote):
 * every row's quote is located in its participant's transcript — as one passage or several —,
 * a part found at several equally good places is placed by its context (see `choose-place.ts`),
 * rows coding the same passages are merged, and every row gets a status for the review file.
 * Pure: the caller reads the spreadsheet and the transcripts, maps code names to codebook ids
 * and writes.
 */
import type { Annotation, Localized, Span, Turn } from '../types.js';
import { DEFAULT_MIN_SCORE, locateQuote, type LeftPiece, type MatchMethod, type QuoteMatch } from '../anchoring/locate.js';
import { cutDoubts } from '../anchoring/cut-doubts.js';
import { withoutSignature } from '../anchoring/quote.js';
import { TranscriptSearch } from '../anchoring/transcript-search.js';
import type { ImportColumns } from './columns.js';
import { choosePlaces, type ChosenBy } from './choose-place.js';
import { ParticipantResolver, writtenAsId } from './participant.js';
import { nameKey } from '../codebook/slug.js';

/** How a row went: its quote's match, `skipped` (no quote), or `unknown-participant` (no transcript for its participant cell). */
export type ImportStatus = MatchMethod | 'skipped' | 'unknown-participant';

/** A passage a row's quote went to. */
export interface ImportPiece extends Span {
  score: number;
  /** Line of the transcript file where it starts (counted from the top of the file), and column on that line. */
  line: number;
  column: number;
  /** The exact transcript text. */
  text: string;
  /** Chosen by context among several equally good places: to be confirmed by the coder. */
  ambiguous: boolean;
  /** Where the other equally good places start (line and column), when ambiguous. */
  otherPlaces?: { line: number; column: number }[];
  /**
   * What chose this place among the others: the quote's other passages, the neighbouring rows'
   * places in reading order, the neighbouring rows' answer or question, or the same code's places.
   */
  chosenBy?: ChosenBy;
}

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
  /** The quote id cell (codage's own listings): rows with the same one are the passages of one quote. */
  quoteId?: string;
  /** What the search found (null when skipped or the participant is unknown). */
  match: QuoteMatch | null;
  status: ImportStatus;
  /** The passages the quote went to, in the quote's order (empty when nothing was placed). */
  pieces: ImportPiece[];
  /** Parts of the quote left for review, with why. */
  left: LeftPiece[];
  /** A passage was placed among several equally good places. */
  ambiguous: boolean;
  reason?: Localized;
  /**
   * Words at a cut between two of the quote's passages that may belong to the other passage (the
   * transcript says them on that side too, see `cut-doubts.ts`): the row scores under the min
   * score, to check. `line`, `column`: where the other place of the words is.
   */
  cutDoubts?: { words: string; edge: 'end' | 'start'; line: number; column: number }[];
}

export interface ImportCode {
  name: string;
  themePath: string[];
}

export interface ImportSegment {
  participant: string;
  /** Set on the passages of a quote that went to several: the same for all of them. */
  quote?: string;
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
  /** Placed among several equally good places: the coder confirms it. */
  ambiguous: boolean;
  /**
   * From a row the import was unsure of: placed with a score under the min score (an edited quote:
   * words at its edges not said there, a word forgiven, a negation changed, a doubt at a cut), or
   * placed in part (the rest of the quote left for review: the part placed may not say what the
   * quote says). The coder confirms it too.
   */
  unsure?: boolean;
}

export interface ImportSummary {
  rows: number;
  exact: number;
  normalised: number;
  approximate: number;
  /**
   * Of the `approximate` rows, those whose score is under the min score: placed all the same,
   * because the words the transcript does not say there are a few at the quote's start or end
   * (the passage starts after them), or one edited word in a short passage (forgiven).
   */
  approximateBelowMinScore: number;
  /** Of the rows placed in several passages, those with a score under the min score (to check). */
  passagesBelowMinScore: number;
  /** Went to several passages, every part placed. */
  passages: number;
  /** Some parts placed, others left for review. */
  partial: number;
  unresolved: number;
  /** Rows whose participant cell names no transcript of the study (or is empty). */
  unknownParticipant: number;
  /** Those cells, as written, each once, in sheet order. */
  unknownParticipants: string[];
  /**
   * Cells read as a transcript whose id they do not write (`Dr B. (MG3)` → `MG3`, `MG1` →
   * `Entretien MG1`, `participant 4` → `P04`), each once, in sheet order, with their rows: for the
   * researcher to check what the import took them for.
   */
  participantsRead: { cell: string; id: string; rows: number }[];
  /** Rows with a passage placed among several equally good places. */
  ambiguous: number;
  /** Rows without a quote (empty rows included). */
  skipped: number;
  /** Rows whose quote was found but that name no code. */
  uncoded: number;
  segments: number;
}

export interface ImportPlan {
  /** The lowest score accepted for a passage (the import's `--min-score`). */
  minScore: number;
  results: ImportRowResult[];
  segments: ImportSegment[];
  summary: ImportSummary;
  /**
   * Rows that became one segment at a place chosen among several the transcript says their quote
   * at (`Oui, c'est ça.` four times): one passage coded with several codes, or several passages
   * the sheet does not tell apart — the coder says which (`codage confirm`, or the sheet's places).
   */
  shared: { participant: string; rows: number[]; places: number }[];
}

export interface ImportTranscript {
  id: string;
  text: string;
  attributes?: Record<string, unknown>;
  turns?: readonly Turn[];
  annotations?: readonly Annotation[];
  /** File line on which the text begins (after the front matter). */
  bodyLine?: number;
}

export interface ImportInput {
  rows: { row: number; cells: string[] }[];
  columns: ImportColumns;
  transcripts: ImportTranscript[];
  minScore?: number;
  /** The codebook's code names: a cell `Culpabilité / Impuissance` naming two of them is two codes. */
  codeNames?: readonly string[];
  /** Called after each row is located (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Places the coder confirmed in the file the import replaces, by participant (UTF-16 offsets;
   * see `confirmedPlaces`): among equally good places nothing else singles out, the one confirmed.
   */
  confirmed?: ReadonlyMap<string, readonly Span[]>;
}

// A separator stands between spaces (or at an end of the cell), so that `Médecin/patient` stays one
// name; the spaces are not consumed, so that an empty level (`A > > B`, `Vécu > `) splits too.
const THEME_SEPARATOR = /(?<=^|\s)(?:>|\/|→|›)(?=\s|$)/;
const CODE_PATH_SEPARATOR = /(?<=^|\s)(?:>|→|›)(?=\s|$)/;

/** The codes of a code cell: one per line or between `;`. */
function codeCells(cell: string): string[] {
  return cell
    .split(/\s*[;\n]\s*/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** What may join two code names in one cell besides `;` and a line break. */
const JOINED_CODES = /\s*[/,+]\s*/;

function splitPath(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The themes of a theme cell, outermost first: `Vécu du médecin > Émotions` (also `/`, `→`, `›`). */
export function splitThemePath(cell: string): string[] {
  return splitPath(cell, THEME_SEPARATOR);
}

/** The row's quote went somewhere (and the row was not skipped). */
export const isAnchored = (r: ImportRowResult): boolean => r.pieces.length > 0;

/**
 * Every part of the row's quote was placed, yet its score is under the min score: words at its
 * start or end that the transcript does not say there (the passage starts after them, or ends
 * before), or one edited word forgiven in a short passage. (A partly placed row's score is low
 * for the parts left, which the review lists.)
 */
export const placedBelowMinScore = (r: ImportRowResult, minScore: number): boolean =>
  isAnchored(r) && r.status !== 'partial' && r.match !== null && r.match.score < minScore;

/**
 * The codes the import brings (those of the rows that become segments), in sheet order, each
 * with its row's themes: a code the codebook lacks goes where the first row naming it says.
 */
export function importedCodes(results: readonly ImportRowResult[]): ImportCode[] {
  return results.filter((r) => isAnchored(r) && r.participant !== null).flatMap((r) => r.codes.map((name) => ({ name, themePath: r.themePath })));
}

/** Locates every row's quote and plans the segments to create. */
export function planImport(input: ImportInput): ImportPlan {
  const { columns } = input;
  const resolver = new ParticipantResolver(input.transcripts.map((t) => t.id));
  const index = new Map(
    input.transcripts.map((t) => [
      t.id,
      new TranscriptSearch({ text: t.text, turns: t.turns, annotations: t.annotations, firstLine: t.bodyLine, participant: t.id }),
    ]),
  );
  // Codes the sheet or the codebook names alone: what a cell joining several with `/`, `,` or `+` may hold.
  const known = new Set((input.codeNames ?? []).map(nameKey));
  for (const r of input.rows) {
    for (const part of codeCells(r.cells[columns.code ?? -1] ?? '')) if (!JOINED_CODES.test(part)) known.add(nameKey(part));
  }
  const results: ImportRowResult[] = input.rows.map((r, i) => {
    const result = locateRow(r, columns, resolver, index, input.minScore, known);
    input.onProgress?.(i + 1, input.rows.length);
    return result;
  });

  choosePlaces(results, index, input.confirmed);
  const minScore = input.minScore ?? DEFAULT_MIN_SCORE;
  for (const r of results) markCutDoubts(r, index, minScore);

  for (const r of results) {
    if (r.status === 'skipped' || r.participant === null) continue;
    if (r.pieces.length === 0) {
      r.status = 'unresolved';
      r.reason ??= r.left[0]?.reason;
    } else if (r.left.length > 0) r.status = 'partial';
    if (r.pieces.length > 0 && r.codes.length === 0) {
      r.reason = {
        en: 'The quote was found but the row names no code: add a code to import it.',
        fr: 'La citation a été trouvée mais la ligne n’indique aucun code\u00a0: ajoutez un code pour l’importer.',
      };
    }
  }

  const segments = mergeSegments(results, input.transcripts.map((t) => t.id), minScore);
  return { minScore, results, segments, summary: summarise(results, segments.length, minScore), shared: sharedPlaces(results, segments) };
}

/**
 * A row whose quote went to several passages with words at a cut that may belong to the other
 * side (see `cut-doubts.ts`), at the places chosen: the doubts noted, and the score put under the
 * min score, as for any placement to check — the passages stay where they were placed.
 */
function markCutDoubts(r: ImportRowResult, index: Map<string, TranscriptSearch>, minScore: number): void {
  if (r.match === null || r.participant === null || r.pieces.length < 2 || r.match.pieces.length < 2) return;
  const placed = [...r.match.pieces]
    .sort((a, b) => a.quoteStart - b.quoteStart)
    .map((p) => r.pieces.find((ip) => (p.candidates ?? [p]).some((c) => c.start === ip.start && c.end === ip.end)));
  if (placed.some((p) => p === undefined)) return;
  const search = index.get(r.participant)!;
  const doubts = cutDoubts(search, placed as ImportPiece[]);
  if (doubts.length === 0) return;
  r.cutDoubts = doubts.map((d) => ({ words: d.words, edge: d.edge, ...search.lines.positionOf(d.other.start) }));
  r.match = { ...r.match, score: Math.min(r.match.score, Math.max(0, minScore - 0.01)) };
}

function locateRow(
  input: { row: number; cells: string[] },
  columns: ImportColumns,
  resolver: ParticipantResolver,
  index: Map<string, TranscriptSearch>,
  minScore: number | undefined,
  known: ReadonlySet<string>,
): ImportRowResult {
  const cell = (i: number | undefined): string => (i === undefined ? '' : (input.cells[i] ?? '').trim());
  const code = cell(columns.code);
  let themePath = [...splitThemePath(cell(columns.theme)), ...splitThemePath(cell(columns.subtheme))];
  let codes = codeCells(code).flatMap((c) => {
    // `Culpabilité / Impuissance`, `A, B`, `A + B`: two codes when it names no code and each part does.
    if (known.has(nameKey(c)) || !JOINED_CODES.test(c)) return [c];
    const parts = c.split(JOINED_CODES).map((p) => p.trim()).filter((p) => p !== '');
    return parts.length > 1 && parts.every((p) => known.has(nameKey(p))) ? parts : [c];
  });
  // "Thème > Code" written in the code cell.
  if (codes.length === 1 && CODE_PATH_SEPARATOR.test(codes[0]!)) {
    const parts = splitPath(codes[0]!, CODE_PATH_SEPARATOR);
    codes = parts.slice(-1);
    if (themePath.length === 0) themePath = parts.slice(0, -1);
  }
  const memo = cell(columns.memo);
  const quoteId = cell(columns.quoteId);
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
    pieces: [],
    left: [],
    ambiguous: false,
  };
  if (memo !== '') result.memo = memo;
  if (quoteId !== '') result.quoteId = quoteId;

  if (result.quote === '') {
    const blank = input.cells.every((c) => c.trim() === '');
    result.reason = blank
      ? { en: 'Empty row.', fr: 'Ligne vide.' }
      : { en: 'No quote in this row.', fr: 'Pas de citation sur cette ligne.' };
    return result;
  }
  const who = resolver.resolve(result.participantCell);
  if (who.id === null) {
    result.status = 'unknown-participant';
    result.reason = who.reason;
    return result;
  }
  result.participant = who.id;
  const search = index.get(who.id)!;
  const span = listedSpan(search, cell(columns.start), cell(columns.end));
  const listed = span === null ? null : listedPlace(search, span, result.quote);
  if (listed !== null) {
    result.match = listed;
    result.status = listed.method;
    return result;
  }
  // The participant's own speaker labels too: `MG4 : …` copied from `Entretien MG4`.
  const ownLabels = new Set<string>();
  for (const stretch of search.stretches) if (stretch.own && stretch.speaker !== null) ownLabels.add(stretch.speaker);
  const quote = withoutSignature(result.quote, [result.participantCell, who.id, ...ownLabels]);
  const match = locateQuote(search, quote, { minScore, speakers: 'own' });
  // The row's text was edited since the listing: among equally good places, the one it gives.
  if (span !== null) {
    for (const piece of match.pieces) {
      const at = piece.candidates?.filter((c) => c.start < span.end && span.start < c.end);
      if (at === undefined || at.length !== 1) continue;
      piece.start = at[0]!.start;
      piece.end = at[0]!.end;
      delete piece.candidates;
    }
  }
  result.match = match;
  result.status = match.method;
  result.left = [...match.left];
  if (match.reason !== undefined) result.reason = match.reason;
  return result;
}

/**
 * The place a row of codage's own segment listing gives (`start`/`end` in code points, as in the
 * coder files), as UTF-16 offsets; null without such columns, or when they are not a place in the
 * transcript.
 */
function listedSpan(search: TranscriptSearch, startCell: string, endCell: string): Span | null {
  if (!/^\d+$/.test(startCell) || !/^\d+$/.test(endCell)) return null;
  const offsets = search.offsets;
  const from = Number(startCell);
  const to = Number(endCell);
  if (from >= to || to > offsets.length) return null;
  return { start: offsets.toUtf16(from), end: offsets.toUtf16(to) };
}

/**
 * The listed place, when the transcript says there exactly the row's text: the passage goes back
 * where it was, even when the same words are said elsewhere. Null otherwise (the transcript or the
 * text changed since): the quote is searched for, the listed place choosing among equal ones.
 */
function listedPlace(search: TranscriptSearch, span: Span, quote: string): QuoteMatch | null {
  const wanted = quote.normalize('NFC');
  if (search.text.slice(span.start, span.end).trim() !== wanted) return null;
  return { method: 'exact', quote: wanted, pieces: [{ start: span.start, end: span.end, score: 1, quoteStart: 0, quoteEnd: wanted.length }], left: [], score: 1 };
}

/**
 * A quote's passages, sorted, with those that overlap joined: a cell that repeats a sentence must
 * not become « …en fait. […] en fait. », one passage inside another.
 */
function joinOverlapping(sorted: ImportPiece[]): ImportPiece[] {
  const out: ImportPiece[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || p.start >= last.end) {
      out.push(p);
      continue;
    }
    if (p.end > last.end) out[out.length - 1] = { ...last, end: p.end, text: last.text + p.text.slice(last.end - p.start), ambiguous: last.ambiguous || p.ambiguous };
    else if (p.ambiguous && !last.ambiguous) out[out.length - 1] = { ...last, ambiguous: true };
  }
  return out;
}

/**
 * The segments a row's passages go to, each keyed: rows with the same key share the segment.
 * A row's passages are one group (tied by a quote key when there are several); a row naming a
 * quote id (codage's own listings: one row per passage and code) puts each passage in the group
 * of that passage of that quote, all of them tied by the quote id.
 */
function groupsOf(r: ImportRowResult, spans: ImportPiece[]): { key: string; pieces: ImportPiece[]; quote?: string }[] {
  const participant = r.participant!;
  if (r.quoteId !== undefined) {
    const quote = `${participant}\u0000id\u0000${r.quoteId}`;
    return spans.map((p) => ({ key: `${quote}\u0000${p.start}-${p.end}`, pieces: [p], quote }));
  }
  const key = `${participant}\u0000${spans.map((p) => `${p.start}-${p.end}`).join(',')}`;
  return [spans.length > 1 ? { key, pieces: spans, quote: key } : { key, pieces: spans }];
}

/**
 * One segment per passage and set of rows: rows whose quotes went to exactly the same passages
 * share their segments (their codes and memos joined). The passages of a quote that went to
 * several, or that rows name by one quote id, are tied by a shared quote key.
 */
function mergeSegments(results: ImportRowResult[], order: string[], minScore: number): ImportSegment[] {
  const byKey = new Map<string, ImportSegment[]>();
  const memos = new Map<ImportSegment[], string[]>();
  for (const r of results) {
    if (r.pieces.length === 0 || r.participant === null || r.codes.length === 0) continue;
    const spans = joinOverlapping([...r.pieces].sort((a, b) => a.start - b.start || a.end - b.end));
    for (const { key, pieces, quote } of groupsOf(r, spans)) {
      let group = byKey.get(key);
      if (group === undefined) {
        group = pieces.map((p) => {
          const seg: ImportSegment = { participant: r.participant!, start: p.start, end: p.end, text: p.text, codes: [], rows: [], ambiguous: false };
          if (quote !== undefined) seg.quote = quote;
          return seg;
        });
        byKey.set(key, group);
      }
      group.forEach((seg, i) => {
        for (const name of r.codes) {
          if (!seg.codes.some((c) => c.name === name)) seg.codes.push({ name, themePath: r.themePath });
        }
        seg.rows.push(r.row);
        seg.ambiguous ||= pieces[i]!.ambiguous;
        if (r.status === 'partial' || placedBelowMinScore(r, minScore)) seg.unsure = true;
      });
      if (r.memo !== undefined) {
        const list = memos.get(group) ?? [];
        if (!list.includes(r.memo)) list.push(r.memo);
        memos.set(group, list);
        for (const seg of group) seg.memo = list.join('\n');
      }
    }
  }
  const segments = [...byKey.values()].flat();
  // A quote id that names a single passage ties nothing: the segment is a quote of its own.
  const passages = new Map<string, number>();
  for (const seg of segments) if (seg.quote !== undefined) passages.set(seg.quote, (passages.get(seg.quote) ?? 0) + 1);
  for (const seg of segments) if (seg.quote !== undefined && passages.get(seg.quote) === 1) delete seg.quote;
  const rank = new Map(order.map((id, i) => [id, i]));
  return segments.sort((a, b) => rank.get(a.participant)! - rank.get(b.participant)! || a.start - b.start || a.end - b.end);
}

/** Ambiguous segments several rows went to, with how many places their quote had (see `ImportPlan.shared`). */
function sharedPlaces(results: readonly ImportRowResult[], segments: readonly ImportSegment[]): ImportPlan['shared'] {
  const byRow = new Map(results.map((r) => [r.row, r]));
  const out: ImportPlan['shared'] = [];
  for (const seg of segments) {
    if (!seg.ambiguous || seg.rows.length < 2) continue;
    const piece = byRow.get(seg.rows[0]!)?.pieces.find((p) => p.start === seg.start && p.end === seg.end);
    const places = 1 + (piece?.otherPlaces?.length ?? 0);
    if (places > 1) out.push({ participant: seg.participant, rows: [...seg.rows].sort((a, b) => a - b), places });
  }
  return out;
}

function summarise(results: ImportRowResult[], segments: number, minScore: number): ImportSummary {
  const s: ImportSummary = {
    rows: results.length,
    exact: 0,
    normalised: 0,
    approximate: 0,
    approximateBelowMinScore: 0,
    passagesBelowMinScore: 0,
    passages: 0,
    partial: 0,
    unresolved: 0,
    unknownParticipant: 0,
    unknownParticipants: [],
    participantsRead: [],
    ambiguous: 0,
    skipped: 0,
    uncoded: 0,
    segments,
  };
  // Each cell is compared with its id once (a sheet has thousands of rows, a study a few hundred participants).
  const written = new Map<string, boolean>();
  const writesId = (cell: string, id: string) => {
    const k = `${cell}\u0000${id}`;
    let same = written.get(k);
    if (same === undefined) written.set(k, (same = writtenAsId(cell, id)));
    return same;
  };
  for (const r of results) {
    if (r.status === 'unknown-participant') {
      s.unknownParticipant++;
      if (!s.unknownParticipants.includes(r.participantCell)) s.unknownParticipants.push(r.participantCell);
    } else s[r.status]++;
    if (r.participant !== null && !writesId(r.participantCell, r.participant)) {
      const read = s.participantsRead.find((p) => p.cell === r.participantCell.trim());
      if (read !== undefined) read.rows++;
      else s.participantsRead.push({ cell: r.participantCell.trim(), id: r.participant, rows: 1 });
    }
    if (r.status === 'approximate' && placedBelowMinScore(r, minScore)) s.approximateBelowMinScore++;
    if (r.status === 'passages' && placedBelowMinScore(r, minScore)) s.passagesBelowMinScore++;
    if (r.ambiguous) s.ambiguous++;
    if (isAnchored(r) && r.codes.length === 0) s.uncoded++;
  }
  return s;
}
