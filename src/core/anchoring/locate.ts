/**
 * Finding where a quote sits in a transcript. A quote written as it is in the transcript is
 * found at once (exactly, then ignoring case, accents, apostrophes and punctuation); any other
 * quote is aligned word by word (see `align.ts`), which finds the passages it is made of —
 * one passage lightly edited, or several compiled, glued or reordered. A part of the quote that
 * cannot be placed with confidence is left, with the reason: better left for review than
 * placed at the wrong place.
 */
import type { Localized, Span } from '../types.js';
import { foldWithMap } from '../text/fold.js';
import { QuoteAligner, type Block } from './align.js';
import { chooseSpan, type QuoteContext } from './context.js';
import { exactSpans, foldedOccurrences } from './occurrences.js';
import { cleanQuote } from './quote.js';
import { quoteEdges, widenToQuoteEdges, withBalancedGuillemets } from './quote-edges.js';
import { quoteWords, type QuoteWord } from './quote-words.js';
import * as reasons from './reasons.js';
import { TranscriptSearch } from './transcript-search.js';

/**
 * exact: as written; normalised: the same words; approximate: one passage, edited;
 * passages: several passages, every part placed; partial: some parts placed, others left;
 * unresolved: nothing placed.
 */
export type MatchMethod = 'exact' | 'normalised' | 'approximate' | 'passages' | 'partial' | 'unresolved';

/** A passage of the transcript that makes up (part of) the quote. */
export interface PlacedPiece extends Span {
  /** 1 for the same words; 1 − character edits / characters of the quote's part. */
  score: number;
  /** Every equally good place for this part (text order), when there is more than one: the caller chooses. */
  candidates?: Span[];
  /** The part of the (cleaned) quote it accounts for. */
  quoteStart: number;
  quoteEnd: number;
}

/** A part of the quote that was not placed, and why. */
export interface LeftPiece {
  quoteStart: number;
  quoteEnd: number;
  /** The part as the author wrote it. */
  text: string;
  reason: Localized;
}

export interface QuoteMatch {
  method: MatchMethod;
  /** The quote the offsets `quoteStart`/`quoteEnd` refer to: without its guillemets, in NFC. */
  quote: string;
  /** In the order of the quote. */
  pieces: PlacedPiece[];
  left: LeftPiece[];
  /** The placed share of the quote, weighted by each part's score; for 'unresolved', the best candidate's score (0 when none). */
  score: number;
  /** Why nothing was placed. */
  reason?: Localized;
  /**
   * Words at the start or the end of the quote that no passage holds, too few to leave the quote
   * for review (`à 90` before `ans, le rapport…`): the passage starts after them, or ends before.
   */
  trimmed?: LeftPiece[];
  /** The closest passage, when nothing was placed. */
  best?: Span;
}

export interface LocateOptions {
  /** Lowest score accepted for a passage (default 0.85). */
  minScore?: number;
  /** Among equally good places, prefer the one nearest this offset. */
  near?: number;
  /** Among equally good places, prefer the one with this text around it. */
  context?: QuoteContext;
  /**
   * `own` (importing verbatims): passages lie in the participant's own speech and never leave a
   * speaker turn. `any` (finding a coded segment again): anywhere, across turns.
   */
  speakers?: 'own' | 'any';
  /** One passage only, for the whole quote (finding a coded segment again). */
  single?: boolean;
}

export const DEFAULT_MIN_SCORE = 0.85;

/** Quotes of at most this many words are short: their case and punctuation say nothing about which occurrence is meant. */
const SHORT_QUOTE_WORDS = 6;

function isShort(folded: string): boolean {
  let spaces = 0;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 0x20) spaces++;
  return spaces < SHORT_QUOTE_WORDS;
}

/** A part left unplaced is worth reporting from this many letters (shorter: a linking word the author added). */
const SIGNIFICANT_LETTERS = 10;
const SIGNIFICANT_WORDS = 3;

/** Final punctuation of a sentence, as the transcript may have it right after a quote's last word. */
const CLOSING = /[.!?…»”")\]]/;
const ENDS_WITH_CLOSING = /^[.!?…»”")\]]/;

/** Takes in the transcript's closing punctuation (up to three characters, never across a space) when the quote's part ends with some. */
function withClosingPunctuation(text: string, after: string, span: Span): Span {
  if (!ENDS_WITH_CLOSING.test(after)) return span;
  let end = span.end;
  while (end < text.length && end - span.end < 3 && CLOSING.test(text[end]!)) end++;
  return end === span.end ? span : { start: span.start, end };
}

/**
 * A passage widened to the quote's own guillemets and punctuation the transcript says right
 * around it (`before`: what the quote has before its first word, when the passage starts there;
 * `after`: likewise after its last word), else to the transcript's closing punctuation when the
 * quote's part is followed by some (`closing`); importing, also to the other half of a guillemet
 * the passage holds (see `quote-edges.ts`).
 */
function atEdges(text: string, span: Span, edges: { before: string; after: string; closing: string }, options: LocateOptions): Span {
  let widened = widenToQuoteEdges(text, span, edges.before, edges.after);
  if (widened.end === span.end) widened = withClosingPunctuation(text, edges.closing.trimStart(), widened);
  return options.single ? widened : withBalancedGuillemets(text, widened);
}

function unresolved(reason: Localized, best?: Span & { score: number }): QuoteMatch {
  const match: QuoteMatch = { method: 'unresolved', quote: '', pieces: [], left: [], score: best?.score ?? 0, reason };
  if (best !== undefined) match.best = { start: best.start, end: best.end };
  return match;
}

/**
 * A quote found as a whole at one or more places. `first`: places to prefer when nothing else
 * tells them apart (no context, none nearer): those within a place written exactly as the quote.
 */
function whole(method: 'exact' | 'normalised', spans: Span[], q: string, options: LocateOptions, text: string, first: readonly Span[] = []): QuoteMatch {
  const preferred = (s: Span) => first.some((f) => f.start <= s.start && s.end <= f.end);
  const pool = first.length === 0 ? spans : [...spans.filter(preferred), ...spans.filter((s) => !preferred(s))];
  const chosen = chooseSpan(pool, { text, context: options.context, near: options.near })!;
  const piece: PlacedPiece = { start: chosen.start, end: chosen.end, score: 1, quoteStart: 0, quoteEnd: q.length };
  if (spans.length > 1) piece.candidates = spans;
  return { method, quote: q, pieces: [piece], left: [], score: 1 };
}

/** Finds a quote in a transcript (see the module comment). */
export function locateQuote(transcript: TranscriptSearch | string, quote: string, options: LocateOptions = {}): QuoteMatch {
  const match = locate(transcript, quote, options);
  match.quote = cleanQuote(quote);
  return match;
}

function locate(transcript: TranscriptSearch | string, quote: string, options: LocateOptions): QuoteMatch {
  const search = typeof transcript === 'string' ? new TranscriptSearch(transcript) : transcript;
  const text = search.text;
  const own = (options.speakers ?? 'own') === 'own';
  const q = cleanQuote(quote);
  if (q === '') return unresolved(reasons.emptyQuote());

  const allowed = (s: Span) => !own || search.withinOneTurn(s, true);
  const exact = exactSpans(text, q).filter(allowed);
  const fq = foldWithMap(q).folded;
  const edges = quoteEdges(q);
  // `widen`: to the quote's own punctuation around its words (not for places of a quote found as
  // written, which stay the quote's words: `E :` is not placed as `E:`).
  const normalisedSpans = (widen: boolean) => {
    const ft = search.folded;
    return foldedOccurrences(ft.folded, fq)
      .map((fs) => {
        const span = ft.toOriginal(fs, fs + fq.length);
        return widen ? atEdges(text, span, { ...edges, closing: edges.after }, options) : withClosingPunctuation(text, edges.after.trimStart(), span);
      })
      .filter(allowed);
  };
  if (exact.length > 0) {
    // A short quote written like one of its occurrences only by a capital or a comma
    // (`Ça fait partie du soin`) is no more there than at the others.
    if (isShort(fq) && !options.single) {
      const normalised = normalisedSpans(false);
      if (normalised.length > exact.length) {
        // Every place: the folded ones, and those written as copied that folding did not find
        // (a word glued to a character folding keeps, `𐀀Ȅ`).
        const places = [...normalised, ...exact.filter((e) => !normalised.some((n) => e.start <= n.start && n.end <= e.end))].sort((a, b) => a.start - b.start);
        return whole('exact', places, q, options, text, exact);
      }
    }
    return whole('exact', exact, q, options, text);
  }

  if (fq === '') return unresolved(reasons.noWords());
  const normalised = normalisedSpans(true);
  if (normalised.length > 0) return whole('normalised', normalised, q, options, text);

  return aligned(search, q, options);
}

/** Why words found at `offset` are not the participant's: another speaker's, or before any label. */
function notOwnWords(search: TranscriptSearch, offset: number): Localized {
  const line = search.lines.lineOf(offset);
  return search.stretches[search.stretchAt(offset)]?.speaker === null ? reasons.beforeFirstLabel(line) : reasons.otherSpeaker(line);
}

function aligned(search: TranscriptSearch, q: string, options: LocateOptions): QuoteMatch {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const words = quoteWords(q, search.words);
  if (!words.some((w) => !w.optional)) return unresolved(reasons.noWords());
  const result = new QuoteAligner(search, words, minScore, { acrossTurns: options.speakers === 'any', quoteText: q }).align();
  const text = search.text;
  const tw = search.words;

  const spanOf = (b: Block): Span => {
    const last = words[b.qTo - 1]!;
    const next = words[b.qTo];
    const after = q.slice(last.end, next === undefined ? q.length : next.start).trimStart();
    // The quote's own opening punctuation, before its first word.
    const before = b.qFrom === 0 ? q.slice(0, words[0]!.start) : '';
    const span = { start: tw.start[b.tFrom]!, end: tw.end[b.tTo - 1]! };
    // An ellipsis after the part is the author's cut, not the end of the speaker's sentence
    // (unless the transcript has that very ellipsis there, at the end of the quote).
    const cut = /^(?:\.{2,}|…|[[(])/.test(after);
    return atEdges(text, span, { before, after: next === undefined ? after : '', closing: cut ? '' : after }, options);
  };
  const quoteSpan = (b: Block) => ({ quoteStart: words[b.qFrom]!.start, quoteEnd: words[b.qTo - 1]!.end });

  const pieces: PlacedPiece[] = result.pieces
    .map(({ block, alternatives }) => {
      const span = spanOf(block);
      const piece: PlacedPiece = { ...span, score: block.similarity, ...quoteSpan(block) };
      if (alternatives.length > 0) {
        const all = [span, ...alternatives.map(spanOf)].sort((a, b) => a.start - b.start);
        const chosen = chooseSpan(all, { text, context: options.context, near: options.near })!;
        piece.start = chosen.start;
        piece.end = chosen.end;
        piece.candidates = all;
      }
      return piece;
    })
    .sort((a, b) => a.quoteStart - b.quoteStart);

  const left: LeftPiece[] = [];
  for (const b of result.otherSpeaker) {
    const part = quoteSpan(b);
    left.push({ ...part, text: q.slice(part.quoteStart, part.quoteEnd), reason: notOwnWords(search, tw.start[b.tFrom]!) });
  }
  const notFound: LeftPiece[] = [];
  const trimmed: LeftPiece[] = [];
  const firstPlaced = Math.min(...pieces.map((p) => p.quoteStart));
  const lastPlaced = Math.max(...pieces.map((p) => p.quoteEnd));
  for (const run of uncoveredRuns(words, result.covered)) {
    const said = run.filter((w) => !w.optional && !w.continues);
    const letters = said.reduce((n, w) => n + w.text.length, 0);
    if (letters < SIGNIFICANT_LETTERS && said.length < SIGNIFICANT_WORDS) {
      // Too short to leave the quote for review, but the passage starts (or ends) without them: said so.
      const quoteStart = run[0]!.start;
      const quoteEnd = run[run.length - 1]!.end;
      const edge = quoteEnd <= firstPlaced ? 'start' : quoteStart >= lastPlaced ? 'end' : null;
      if (edge !== null) trimmed.push({ quoteStart, quoteEnd, text: q.slice(quoteStart, quoteEnd), reason: reasons.edgeNotFound(edge) });
      continue;
    }
    const quoteStart = run[0]!.start;
    const quoteEnd = run[run.length - 1]!.end;
    const part = { quoteStart, quoteEnd, text: q.slice(quoteStart, quoteEnd), reason: reasons.partNotFound(said.length) };
    left.push(part);
    notFound.push(part);
  }
  left.sort((a, b) => a.quoteStart - b.quoteStart);

  const weight = (from: number, to: number) => {
    let n = 0;
    // (The words of a number said in several words weigh as its first word alone.)
    for (const w of words) if (!w.optional && !w.continues && w.start >= from && w.end <= to) n += w.text.length;
    return n;
  };
  const total = Math.max(1, weight(0, q.length));
  const score = Math.min(1, pieces.reduce((s, p) => s + p.score * weight(p.quoteStart, p.quoteEnd), 0) / total);

  if (pieces.length === 0) {
    const best = result.bestRejected;
    const other = result.otherSpeaker[0];
    if (other !== undefined) return { ...unresolved(notOwnWords(search, tw.start[other.tFrom]!)), left };
    if (best === null) return { ...unresolved(reasons.notFound(null, minScore)), left };
    const span = spanOf(best);
    const line = search.lines.lineOf(span.start);
    // How much of the whole quote the closest passage accounts for, not how well its few words match.
    const closeness = (best.similarity * best.chars) / Math.max(best.chars, total);
    const reason = best.similarity >= minScore ? reasons.tooShort(best.matched, line) : reasons.notFound({ score: closeness, line }, minScore);
    return { ...unresolved(reason, { ...span, score: closeness }), left };
  }
  // More of the quote not found than found: a common phrase met by chance (`c'est des
  // consultations … qui`), not the author's passage. Left for review rather than placed.
  // (Words of another speaker the author copied along do not count: they were found, elsewhere.)
  const found = pieces.reduce((s, p) => s + p.score * weight(p.quoteStart, p.quoteEnd), 0);
  // (Words at the quote's edges that the passage leaves out count too: each run is too short to
  // leave the quote for review, but `bref voilà, je me sens inutile` is not `Je me sens`.)
  const missing = [...notFound, ...trimmed].reduce((s, l) => s + weight(l.quoteStart, l.quoteEnd), 0);
  if (missing > 0 && found < missing) {
    const line = search.lines.lineOf(pieces[0]!.start);
    return { ...unresolved(reasons.notFound({ score, line }, minScore), { ...pieces[0]!, score }), left };
  }
  if (options.single && (pieces.length > 1 || left.length > 0)) {
    return unresolved(reasons.notOnePassage(pieces.length, search.lines.lineOf(pieces[0]!.start)), { ...pieces[0]!, score });
  }
  const method = left.length > 0 ? 'partial' : pieces.length > 1 ? 'passages' : 'approximate';
  const match: QuoteMatch = { method, quote: q, pieces, left, score };
  if (trimmed.length > 0) match.trimmed = trimmed;
  return match;
}

/** Runs of consecutive quote words no piece took (optional words neither start nor end a run), split where the author cut. */
function uncoveredRuns(words: readonly QuoteWord[], covered: Uint8Array): QuoteWord[][] {
  const runs: QuoteWord[][] = [];
  let run: QuoteWord[] = [];
  const flush = () => {
    while (run.length > 0 && run[run.length - 1]!.optional) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((w, i) => {
    if (covered[i] === 1 || (w.cutBefore && run.length > 0)) flush();
    if (covered[i] === 1) return;
    if (run.length === 0 && w.optional) return;
    run.push(w);
  });
  flush();
  return runs;
}
