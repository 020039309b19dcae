import type { Span, Transcript } from '../types.js';

/**
 * The first transcript, in interview order, that still has uncoded participant speech beyond
 * the furthest point the coder has read: a participant turn that ends after `furthest` and is
 * not entirely inside the coder's segments. Null when every transcript is done.
 */
export function nextTranscriptToCode(
  transcripts: Transcript[],
  segmentsOf: (participant: string) => Span[],
  furthestOf: (participant: string) => number,
): Transcript | null {
  for (const transcript of transcripts) {
    const furthest = furthestOf(transcript.id);
    const spans = [...segmentsOf(transcript.id)].sort((a, b) => a.start - b.start);
    for (const turn of transcript.turns) {
      if (turn.role === 'interviewer' || turn.end <= turn.textStart) continue;
      const from = Math.max(turn.textStart, furthest);
      if (turn.end <= from) continue;
      if (hasUncodedText(transcript.text, spans, from, turn.end)) return transcript;
    }
  }
  return null;
}

/** True when [from, to) holds a non-blank character outside the sorted spans. */
function hasUncodedText(text: string, sorted: Span[], from: number, to: number): boolean {
  const blank = (a: number, b: number) => a >= b || !/\S/.test(text.slice(a, b));
  let reach = from;
  for (const span of sorted) {
    if (span.end <= reach) continue;
    if (span.start >= to) break;
    if (!blank(reach, Math.min(span.start, to))) return true;
    reach = Math.max(reach, span.end);
    if (reach >= to) return false;
  }
  return !blank(reach, to);
}
