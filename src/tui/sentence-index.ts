/**
 * Where things are in the transcript: the sentence at an offset, the line of an offset, the
 * blocks of consecutive sentences of one speaker turn. Binary searches over sorted spans.
 */
import type { Sentence, Span } from '../core/types.js';
import type { SessionState } from './session-state.js';

/** Index of the sentence containing `offset`, or the last one starting before it (0 if none). */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first sentence that ends after `offset` (the one at or after it). */
export function sentenceFrom(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, sentences.length - 1));
}

/** Line starts and the 0-based line of an offset: the core's, so that every line number agrees. */
export { lineIndexOf as lineOf, lineStartsOf } from '../core/text/lines.js';

export function turnBlocksOf(sentences: readonly Sentence[]): { first: number; last: number }[] {
  const blocks: { first: number; last: number }[] = [];
  sentences.forEach((s, i) => {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && sentences[last.first]?.turn === s.turn) last.last = i;
    else blocks.push({ first: i, last: i });
  });
  return blocks;
}

export function blockOf(state: SessionState, sentence: number): number {
  let lo = 0;
  let hi = state.turnBlocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((state.turnBlocks[mid]?.first ?? 0) <= sentence) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
