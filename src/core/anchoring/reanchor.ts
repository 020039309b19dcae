/**
 * Finding coded segments again after their transcript changed (a typo fixed, a passage added).
 * Every segment keeps its exact quoted text; a segment that cannot be placed keeps its old
 * offsets and is reported as unplaced — never moved to a guess, never dropped.
 */
import { FoldedText } from '../text/fold.js';
import { chooseSpan, DEFAULT_MIN_SCORE, locateQuote } from './locate.js';

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

export interface SegmentAnchor {
  start: number;
  end: number;
  text: string;
}

function exactAll(text: string, quote: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (quote === '') return spans;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) spans.push({ start: i, end: i + quote.length });
  return spans;
}

/** Re-anchors one segment in the (possibly changed) transcript text. */
export function reanchorSegment(
  text: string,
  seg: SegmentAnchor,
  folded?: FoldedText,
  minScore: number = DEFAULT_MIN_SCORE,
): ReanchorResult {
  if (text.slice(seg.start, seg.end) === seg.text) {
    return { status: 'unchanged', start: seg.start, end: seg.end, text: seg.text, score: 1 };
  }
  const moved = chooseSpan(exactAll(text, seg.text), undefined, seg.start);
  if (moved !== undefined) return { status: 'moved', start: moved.start, end: moved.end, text: seg.text, score: 1 };

  const match = locateQuote(text, seg.text, { folded: folded ?? new FoldedText(text), near: seg.start, minScore, fragments: false });
  if (match.method === 'exact' || match.method === 'normalised' || match.method === 'approximate') {
    return {
      // 'exact' here means found without the quote's surrounding guillemets: not the same text.
      status: match.method === 'approximate' ? 'approximate' : 'normalised',
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      score: match.score,
    };
  }
  return { status: 'unplaced', start: seg.start, end: seg.end, text: seg.text, score: match.score };
}

/** Re-anchors every segment of one transcript, folding the text at most once. */
export function reanchorAll(text: string, segments: readonly SegmentAnchor[], minScore: number = DEFAULT_MIN_SCORE): ReanchorResult[] {
  let folded: FoldedText | undefined;
  return segments.map((seg) => {
    if (text.slice(seg.start, seg.end) === seg.text) {
      return { status: 'unchanged', start: seg.start, end: seg.end, text: seg.text, score: 1 };
    }
    folded ??= new FoldedText(text);
    return reanchorSegment(text, seg, folded, minScore);
  });
}
