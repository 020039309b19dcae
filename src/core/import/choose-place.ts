/**
 * Placing a quote (or a part of one) found at several equally good places — `lombalgie` in
 * several answers of one interview — the way a researcher would: by the other parts of the
 * same quote (the same answer, else the same question), and by the spreadsheet's neighbouring
 * rows when the sheet lists the participant's verbatims in reading order (the place between the
 * places of the rows before and after it). When one of these singles a place out, it is chosen.
 * When nothing does, the quote is still placed — every place holds exactly the words the author
 * quoted — at the place nearest the neighbouring rows, else at the first time the participant
 * said it. Either way the passage is marked ambiguous, and the review lists the other places,
 * for the coder to confirm (`codage confirm`) or to move it.
 */
import type { Span } from '../types.js';
import type { PlacedPiece } from '../anchoring/locate.js';
import type { TranscriptSearch } from '../anchoring/transcript-search.js';
import type { ImportPiece, ImportRowResult } from './plan.js';

/**
 * What chose a place among several: the quote's other passages, the neighbouring rows in
 * reading order, the place the coder confirmed in the file the import replaces (`confirmed`), or
 * nothing (`first`: the nearest to the neighbouring rows, else the first).
 */
export type ChosenBy = 'quote' | 'reading-order' | 'confirmed' | 'first';

interface Pending {
  row: ImportRowResult;
  piece: PlacedPiece;
  candidates: Span[];
}

function toImportPiece(search: TranscriptSearch, span: Span, score: number, ambiguous: boolean, others: Span[] = []): ImportPiece {
  const piece: ImportPiece = {
    start: span.start,
    end: span.end,
    score,
    ...search.lines.positionOf(span.start),
    text: search.text.slice(span.start, span.end),
    ambiguous,
  };
  if (ambiguous) piece.otherPlaces = others.filter((o) => o.start !== span.start).map((o) => search.lines.positionOf(o.start));
  return piece;
}

/** The only candidate satisfying `test`, or undefined when none or several do. */
function only(candidates: readonly Span[], test: (s: Span) => boolean): Span | undefined {
  let found: Span | undefined;
  for (const c of candidates) {
    if (!test(c)) continue;
    if (found !== undefined) return undefined;
    found = c;
  }
  return found;
}

/**
 * Share of a participant's placed rows that must follow the transcript (in the longest such
 * chain) for the sheet to count as in reading order; rows in random order give about 2√n of n.
 */
const READING_ORDER = 0.6;

/**
 * The longest chain of rows whose places follow the transcript in sheet order (a longest
 * non-decreasing subsequence): rows outside it were moved, and say nothing about their neighbours.
 */
function inOrder(starts: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(starts.length).fill(-1);
  for (let i = 0; i < starts.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[tails[mid]!]! <= starts[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const chain = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) chain.add(i);
  return chain;
}

/**
 * Turns each row's match into the pieces to import: places found once are kept, places found
 * several times are chosen by context or left for review.
 */
export function choosePlaces(results: ImportRowResult[], index: Map<string, TranscriptSearch>, confirmed?: ReadonlyMap<string, readonly Span[]>): void {
  const byParticipant = new Map<string, ImportRowResult[]>();
  for (const r of results) {
    if (r.participant === null || r.match === null) continue;
    const list = byParticipant.get(r.participant);
    if (list === undefined) byParticipant.set(r.participant, [r]);
    else list.push(r);
  }
  for (const [participant, rows] of byParticipant) {
    const search = index.get(participant)!;
    const pending: Pending[] = [];
    const placed = new Map<ImportRowResult, ImportPiece[]>();
    for (const row of rows) {
      const pieces: ImportPiece[] = [];
      for (const piece of row.match!.pieces) {
        if (piece.candidates === undefined) pieces.push(toImportPiece(search, piece, piece.score, false));
        else pending.push({ row, piece, candidates: piece.candidates });
      }
      placed.set(row, pieces);
    }
    if (pending.length > 0) decide(rows, pending, placed, search, confirmed?.get(participant) ?? []);
    for (const row of rows) {
      row.pieces = [...placed.get(row)!].sort((a, b) => a.start - b.start);
      row.ambiguous = row.pieces.some((p) => p.ambiguous);
      row.left.sort((a, b) => a.quoteStart - b.quoteStart);
    }
  }
}

function decide(rows: ImportRowResult[], pending: Pending[], placed: Map<ImportRowResult, ImportPiece[]>, search: TranscriptSearch, confirmed: readonly Span[]): void {
  const turn = (s: Span) => search.stretchAt(s.start);
  const question = (s: Span) => search.questionAt(s.start);
  // Rows placed at one place, in sheet order, and those of them that follow the transcript.
  const anchors = rows.flatMap((r, index) => {
    const pieces = placed.get(r)!;
    return pieces.length === 0 ? [] : [{ index, start: Math.min(...pieces.map((p) => p.start)) }];
  });
  const chain = inOrder(anchors.map((a) => a.start));
  const ordered = anchors.length >= 2 && chain.size / anchors.length >= READING_ORDER;
  const inChain = anchors.filter((_, k) => chain.has(k));

  for (const p of pending) {
    const { row } = p;
    const at = rows.indexOf(row);
    const own = placed.get(row)!;
    // One of its places lies inside another passage of the same quote (`… sept mois pour un
    // rendez-vous … Sept mois`): the part is already in the quote, placing it again adds nothing.
    const { candidates } = p;
    if (candidates.some((c) => own.some((o) => o.start < c.end && c.start < o.end))) continue;
    const near = (spans: readonly Span[], key: (s: Span) => number) =>
      spans.length === 0 ? undefined : only(candidates, (c) => spans.some((a) => key(a) === key(c)));
    // The nearest rows before and after this one that follow the transcript.
    let before: number | undefined;
    let after: number | undefined;
    for (const a of inChain) {
      if (a.index < at) before = a.start;
      else if (a.index > at && after === undefined) after = a.start;
    }
    const rules: [ChosenBy, () => Span | undefined][] = [
      // The other parts of the same quote: the same answer, then the same question.
      ['quote', () => near(own, turn) ?? near(own, question)],
      // The sheet follows the transcript, and one place only lies between the places of the
      // rows before and after this one (before the first, after the last).
      ['reading-order', () => (ordered ? only(candidates, (c) => c.start >= (before ?? 0) && c.start <= (after ?? Infinity)) : undefined)],
      // Nothing in the sheet tells, but the coder confirmed one of these places in the file the
      // import replaces (the same text, the same words around it): that one, not the first.
      ['confirmed', () => only(candidates, (c) => confirmed.some((k) => k.start === c.start && k.end === c.end))],
    ];
    let chosen: Span | undefined;
    let by: ChosenBy | undefined;
    for (const [name, rule] of rules) {
      chosen = rule();
      if (chosen !== undefined) {
        by = name;
        break;
      }
    }
    if (chosen === undefined) {
      // Nothing singles a place out: the one nearest the neighbouring rows, else the first.
      const distance = (c: Span) => (before !== undefined && c.start < before ? before - c.start : after !== undefined && c.start > after ? c.start - after : 0);
      chosen = [...candidates].sort((a, b) => (ordered ? distance(a) - distance(b) : 0) || a.start - b.start)[0]!;
      by = 'first';
    }
    own.push({ ...toImportPiece(search, chosen, p.piece.score, true, candidates), chosenBy: by! });
  }
}
