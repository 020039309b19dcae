/**
 * Finding where a quote sits in a transcript: exactly, then ignoring case, accents and
 * punctuation, then in parts around ellipses, then approximately. A quote that cannot be
 * placed with confidence stays unresolved: better unresolved than placed at the wrong place.
 */
import type { Localized, Span } from '../types.js';
import { FoldedText, foldWithMap } from '../text/fold.js';
import { approximatePlaces, bestElsewhere, bestHits, MIN_APPROXIMATE_LENGTH, snapToWords } from './approximate.js';
import { placeFragments } from './fragments.js';
import { exactSpans, foldedOccurrences } from './occurrences.js';
import { cleanQuote, hasEllipsis, lineAt, splitOnEllipsis } from './quote.js';
import * as reasons from './reasons.js';

export type MatchMethod = 'exact' | 'normalised' | 'fragments' | 'approximate' | 'unresolved';

export interface QuoteMatch {
  method: MatchMethod;
  /** UTF-16 offsets in the transcript text. For 'unresolved': the best candidate, or -1 when none. */
  start: number;
  end: number;
  /** 1 for exact; 1 − errors / folded length for approximate; the best candidate's score when unresolved. */
  score: number;
  /** How many equally good places were found (more than 1: the caller should flag ambiguity). */
  occurrences: number;
  reason?: Localized;
  /** Every equally good place, in text order (when `occurrences` > 1, callers may choose by reading order). */
  candidates?: Span[];
}

export interface LocateOptions {
  /** The transcript folded once (see `FoldedText`), to share between quotes. */
  folded?: FoldedText;
  /** Among equally good places, prefer the one nearest this offset. */
  near?: number;
  /** Among equally good places, prefer the first at or after this offset. */
  after?: number;
  /** Lowest score accepted for an approximate match (default 0.85). */
  minScore?: number;
  /** Largest gap between consecutive parts of a quote with ellipses (default 1,500 chars). */
  maxGap?: number;
  /** Try parts around ellipses (default true). */
  fragments?: boolean;
}

export const DEFAULT_MIN_SCORE = 0.85;
export const DEFAULT_MAX_GAP = 1500;
/** Scores within this margin of the best count as "as good" when looking for another place. */
const AMBIGUITY_MARGIN = 0.02;
/** Candidates scoring below this are not worth showing in a review. */
const CANDIDATE_FLOOR = 0.6;

/** Picks among equally good spans (in text order): first at/after `after`, else nearest `near` (or `after`), else first. */
export function chooseSpan(spans: Span[], after?: number, near?: number): Span | undefined {
  if (after !== undefined) {
    const next = spans.find((s) => s.start >= after);
    if (next !== undefined) return next;
  }
  const target = near ?? after;
  if (target === undefined) return spans[0];
  let best = spans[0];
  for (const s of spans) {
    if (best === undefined || Math.abs(s.start - target) < Math.abs(best.start - target)) best = s;
  }
  return best;
}

function resolved(method: MatchMethod, spans: Span[], score: number, options: LocateOptions): QuoteMatch {
  const chosen = chooseSpan(spans, options.after, options.near) ?? { start: -1, end: -1 };
  const match: QuoteMatch = { method, start: chosen.start, end: chosen.end, score, occurrences: spans.length };
  if (spans.length > 1) match.candidates = spans;
  return match;
}

function unresolved(reason: Localized, candidate?: { start: number; end: number; score: number }): QuoteMatch {
  return {
    method: 'unresolved',
    start: candidate?.start ?? -1,
    end: candidate?.end ?? -1,
    score: candidate?.score ?? 0,
    occurrences: 0,
    reason,
  };
}

/** Final punctuation of a sentence, as the transcript may have it right after a quote's last word. */
const CLOSING = /[.!?…»”")\]]/;

/**
 * Folded matches stop at the quote's last word. When the quote itself ends with punctuation
 * (`…dans la journée.`), the span takes in the transcript's own closing punctuation there
 * (up to three characters, never across a space), so the segment reads as the author quoted it.
 */
function withClosingPunctuation(text: string, quote: string, span: Span): Span {
  if (!/[.!?…»”")\]]\s*$/.test(quote)) return span;
  let end = span.end;
  while (end < text.length && end - span.end < 3 && CLOSING.test(text[end]!)) end++;
  return end === span.end ? span : { start: span.start, end };
}

/** Finds a quote in a transcript text (see the module comment for the order of methods). */
export function locateQuote(text: string, quote: string, options: LocateOptions = {}): QuoteMatch {
  const match = locateInText(text, quote, options);
  if (match.method === 'exact' || match.method === 'unresolved') return match;
  const q = cleanQuote(quote);
  const span = withClosingPunctuation(text, q, match);
  const result: QuoteMatch = { ...match, start: span.start, end: span.end };
  if (match.candidates) result.candidates = match.candidates.map((c) => withClosingPunctuation(text, q, c));
  return result;
}

function locateInText(text: string, quote: string, options: LocateOptions): QuoteMatch {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const q = cleanQuote(quote);
  if (q === '') return unresolved(reasons.emptyQuote());

  const exact = exactSpans(text, q);
  if (exact.length > 0) return resolved('exact', exact, 1, options);

  const fq = foldWithMap(q).folded;
  if (fq === '') return unresolved(reasons.noWords());
  const ft = options.folded ?? new FoldedText(text);

  const normalised = foldedOccurrences(ft.folded, fq).map((fs) => ft.toOriginal(fs, fs + fq.length));
  if (normalised.length > 0) return resolved('normalised', normalised, 1, options);

  let triedFragments = false;
  if (options.fragments !== false && hasEllipsis(q)) {
    const parts = splitOnEllipsis(q)
      .map((p) => foldWithMap(p).folded)
      .filter((p) => p !== '');
    if (parts.length > 1) {
      triedFragments = true;
      const placed = placeFragments(ft, parts, { minScore, maxGap: options.maxGap ?? DEFAULT_MAX_GAP });
      if (placed !== null) return resolved('fragments', placed.spans, placed.score, options);
    }
  }

  return approximate(ft, fq, minScore, options, triedFragments);
}

function approximate(ft: FoldedText, fq: string, minScore: number, options: LocateOptions, triedFragments: boolean): QuoteMatch {
  const folded = ft.folded;
  const m = fq.length;
  const maxErrors = Math.floor(m * (1 - minScore));
  const places = m >= MIN_APPROXIMATE_LENGTH ? approximatePlaces(folded, fq, maxErrors) : [];
  const first = places[0];
  if (first === undefined) {
    const c = candidateSpan(ft, fq);
    const best = c === undefined ? null : { score: c.score, line: lineAt(ft.text, c.start) };
    return unresolved(reasons.notFound(best, minScore, triedFragments), c);
  }

  const score = 1 - first.errors / m;
  const spans = places.map((p) => {
    const w = snapToWords(folded, p.fs, p.fe);
    return ft.toOriginal(w.fs, w.fe);
  });
  const lines = (ss: Span[]): number[] => ss.slice(0, 3).map((s) => lineAt(ft.text, s.start));
  if (places.length > 1 && options.near === undefined) {
    return unresolved(reasons.severalPlaces(score, lines(spans)), { ...spans[0]!, score });
  }
  if (options.near === undefined) {
    const margin = Math.max(1, Math.round(AMBIGUITY_MARGIN * m));
    const other = bestElsewhere(folded, fq, first.fs, first.fe, first.errors + margin);
    if (other !== null) {
      return unresolved(reasons.severalPlaces(score, lines(spans)), { ...spans[0]!, score });
    }
  }
  return resolved('approximate', spans, score, options);
}

/** The closest passage (score ≥ 0.6), to tell the user how far the quote is from the text. */
function candidateSpan(ft: FoldedText, fq: string): { start: number; end: number; score: number } | undefined {
  const probe = fq.length > 400 ? fq.slice(0, 400) : fq;
  const hit = bestHits(ft.folded, probe, Math.floor(probe.length * (1 - CANDIDATE_FLOOR)))[0];
  if (hit === undefined) return undefined;
  const w = snapToWords(ft.folded, hit.fs, hit.fe);
  return { ...ft.toOriginal(w.fs, w.fe), score: 1 - hit.errors / probe.length };
}
