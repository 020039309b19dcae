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
    if (stillToCode(transcript, segmentsOf(transcript.id), furthestOf(transcript.id))) return transcript;
  }
  return null;
}

/**
 * The transcript `codage code` opens without a participant: the one the coder was working on
 * (`lastOpened`) while it still has uncoded speech beyond where they read, else the next one
 * in interview order (see `nextTranscriptToCode`).
 */
export function transcriptToOpen(
  transcripts: Transcript[],
  lastOpened: string | null,
  segmentsOf: (participant: string) => Span[],
  furthestOf: (participant: string) => number,
): Transcript | null {
  const last = transcripts.find((t) => t.id === lastOpened);
  if (last !== undefined && stillToCode(last, segmentsOf(last.id), furthestOf(last.id))) return last;
  return nextTranscriptToCode(transcripts, segmentsOf, furthestOf);
}

/** Whether a participant turn of `transcript` has uncoded text after `furthest`. */
function stillToCode(transcript: Transcript, segments: Span[], furthest: number): boolean {
  const spans = [...segments].sort((a, b) => a.start - b.start);
  for (const turn of transcript.turns) {
    if (turn.role === 'interviewer' || turn.end <= turn.textStart) continue;
    const from = Math.max(turn.textStart, furthest);
    if (turn.end <= from) continue;
    if (hasUncodedText(transcript.text, spans, from, turn.end)) return true;
  }
  return false;
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
