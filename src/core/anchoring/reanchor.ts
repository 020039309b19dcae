/**
 * Finding coded segments again after their transcript changed (a typo fixed, a passage added).
 * Every segment keeps its exact quoted text, and the text around it when it was coded; among
 * several places it picks the one whose surroundings agree, then the nearest to where it was.
 * A segment that cannot be placed keeps its old offsets and is reported as unplaced — never
 * moved to a guess, never dropped.
 */
import { betweenContext } from './between-context.js';
import { chooseSpan, type QuoteContext } from './context.js';
import { DEFAULT_MIN_SCORE, locateQuote } from './locate.js';
import { exactSpans } from './occurrences.js';
import { withQuoteEdges } from './quote-edges.js';
import { TranscriptSearch } from './transcript-search.js';

export type ReanchorStatus = 'unchanged' | 'moved' | 'normalised' | 'approximate' | 'unplaced';

export interface ReanchorResult {
  status: ReanchorStatus;
  start: number;
  end: number;
  /** The transcript text of [start, end) (the old text when unplaced). */
  text: string;
  /** 1 when found as is; the approximate score; for unplaced, the best candidate's score (0 when none). */
  score: number;
}

export interface SegmentAnchor extends QuoteContext {
  start: number;
  end: number;
  text: string;
}

/** Re-anchors one segment in the (possibly changed) transcript. */
export function reanchorSegment(
  transcript: TranscriptSearch | string,
  seg: SegmentAnchor,
  minScore: number = DEFAULT_MIN_SCORE,
): ReanchorResult {
  const search = typeof transcript === 'string' ? new TranscriptSearch(transcript) : transcript;
  const text = search.text;
  if (text.slice(seg.start, seg.end) === seg.text) {
    return { status: 'unchanged', start: seg.start, end: seg.end, text: seg.text, score: 1 };
  }
  const context: QuoteContext = { prefix: seg.prefix, suffix: seg.suffix };
  const moved = chooseSpan(exactSpans(text, seg.text), { text, context, near: seg.start });
  if (moved !== undefined) return { status: 'moved', start: moved.start, end: moved.end, text: seg.text, score: 1 };
  const match = locateQuote(search, seg.text, { near: seg.start, context, minScore, speakers: 'any', single: true });
  const piece = match.pieces[0];
  if (piece !== undefined && match.pieces.length === 1 && match.left.length === 0) {
    const { start, end } = withQuoteEdges(text, piece.start, piece.end, seg.text);
    return {
      // 'exact' here means found without the quote's surrounding guillemets: not the same text.
      status: match.method === 'approximate' ? 'approximate' : 'normalised',
      start,
      end,
      text: text.slice(start, end),
      score: piece.score,
    };
  }
  // Still where it was between its unchanged neighbours, with words added or changed inside it.
  const between = betweenContext(text, seg.text, context);
  if (between !== null) {
    const { start, end } = between.span;
    return { status: 'approximate', start, end, text: text.slice(start, end), score: between.share };
  }
  return { status: 'unplaced', start: seg.start, end: seg.end, text: seg.text, score: match.score };
}

/** Re-anchors every segment of one transcript, preparing the transcript at most once. */
export function reanchorAll(text: string, segments: readonly SegmentAnchor[], minScore: number = DEFAULT_MIN_SCORE): ReanchorResult[] {
  let search: TranscriptSearch | undefined;
  return segments.map((seg) => {
    if (text.slice(seg.start, seg.end) === seg.text) {
      return { status: 'unchanged', start: seg.start, end: seg.end, text: seg.text, score: 1 };
    }
    search ??= new TranscriptSearch(text);
    return reanchorSegment(search, seg, minScore);
  });
}
