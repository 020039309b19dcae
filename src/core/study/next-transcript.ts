import { mergeSpans } from '../spans.js';
import type { Span, Transcript } from '../types.js';
import { readThrough } from './reading.js';

/**
 * The first transcript, in interview order, that the coder has not finished: not read through
 * (see `readThrough`: what the coding screen shows as « lu 100 % ») while some of its
 * participant speech is neither read nor coded. Null when every transcript is done.
 *
 * `readOf` gives what the coder has read of a transcript (UTF-16 offsets into its text), over
 * every session: going to the end (`G`) and back up reads the first and the last sentences,
 * not the interview.
 */
export function nextTranscriptToCode(
  transcripts: Transcript[],
  segmentsOf: (participant: string) => Span[],
  readOf: (participant: string) => Span[],
): Transcript | null {
  for (const transcript of transcripts) {
    if (stillToCode(transcript, segmentsOf(transcript.id), readOf(transcript.id))) return transcript;
  }
  return null;
}

/**
 * The transcript `codage code` opens without a participant: the one the coder was working on
 * (`lastOpened`) while it is not done, else the next one in interview order (see
 * `nextTranscriptToCode`).
 */
export function transcriptToOpen(
  transcripts: Transcript[],
  lastOpened: string | null,
  segmentsOf: (participant: string) => Span[],
  readOf: (participant: string) => Span[],
): Transcript | null {
  const last = transcripts.find((t) => t.id === lastOpened);
  if (last !== undefined && stillToCode(last, segmentsOf(last.id), readOf(last.id))) return last;
  return nextTranscriptToCode(transcripts, segmentsOf, readOf);
}

/**
 * Whether `transcript` is still to code: not read through, and a participant turn holds text
 * that is neither read nor inside a segment (a passage coded has been read, even when coded
 * elsewhere: an imported spreadsheet).
 */
function stillToCode(transcript: Transcript, segments: Span[], read: Span[]): boolean {
  if (readThrough(transcript, read)) return false;
  const done = mergeSpans([...segments, ...read]);
  for (const turn of transcript.turns) {
    if (turn.role === 'interviewer' || turn.end <= turn.textStart) continue;
    if (hasUncoveredText(transcript.text, done, turn.textStart, turn.end)) return true;
  }
  return false;
}

/** True when [from, to) holds a non-blank character outside the sorted, disjoint spans. */
function hasUncoveredText(text: string, sorted: Span[], from: number, to: number): boolean {
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
