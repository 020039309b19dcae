/** What derives from the coded segments: which sentences are coded, counts, the coded marks. */
import { speechCoverage } from '../core/analysis/speech.js';
import type { Span } from '../core/types.js';
import { mergeSpans } from './row-style.js';
import { sentenceFrom } from './sentence-index.js';
import type { ScreenSegment, SessionState } from './session-state.js';

export function sortSegments(segments: ScreenSegment[]): ScreenSegment[] {
  return segments.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Marks the sentences that some segment overlaps. */
function codedSentences(sentences: readonly Span[], segments: readonly Span[]): Uint8Array {
  const coded = new Uint8Array(sentences.length);
  for (const seg of segments) {
    if (seg.end <= seg.start) continue;
    for (let i = sentenceFrom(sentences, seg.start); i < sentences.length; i++) {
      const s = sentences[i];
      if (s === undefined || s.start >= seg.end) break;
      if (s.end > seg.start) coded[i] = 1;
    }
  }
  return coded;
}

export function countOnes(flags: Uint8Array, mask?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1 && (mask === undefined || mask[i] === 1)) n++;
  return n;
}

/** Recomputes what derives from the segments. */
export function withSegments(state: SessionState, segments: readonly ScreenSegment[]): SessionState {
  const coded = codedSentences(state.sentences, segments);
  return {
    ...state,
    segments,
    coded,
    codedCount: countOnes(coded),
    speechCoverage: speechCoverage(state.text, state.speech, segments),
    coverage: mergeSpans(segments),
  };
}
