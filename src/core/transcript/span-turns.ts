/**
 * Who speaks in a stretch of a transcript: the speaker turns a segment runs over. A segment coded
 * over an exchange (the interviewer's question, then the answer; two participants of a focus
 * group) holds words that are not the participant's: the exports show each turn after its
 * speaker's label, and `codage check` says which segments do so.
 *
 * Speaker labels open a line, so a stretch of one line is always one turn: callers skip the work
 * (and reading the transcript's turns at all) for a segment without a line break.
 */
import type { Turn } from '../types.js';

/** One turn's part of a stretch: its speaker (null for unlabelled text) and where its words lie. */
export interface SpanTurn {
  speaker: string | null;
  start: number;
  end: number;
}

/** Index of the first turn that ends after `offset` (turns are in order and do not overlap). */
function firstEndingAfter(turns: readonly Turn[], offset: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (turns[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The parts of [start, end) that are words of a turn, each with the turn's speaker, in order. A
 * speaker label in the stretch is not words (its turn's part starts after it); a turn whose label
 * alone is reached has no part.
 */
export function spanTurns(turns: readonly Turn[], start: number, end: number): SpanTurn[] {
  const parts: SpanTurn[] = [];
  for (let i = firstEndingAfter(turns, start); i < turns.length && turns[i]!.start < end; i++) {
    const turn = turns[i]!;
    const from = Math.max(start, turn.textStart);
    const to = Math.min(end, turn.end);
    if (from < to) parts.push({ speaker: turn.speaker, start: from, end: to });
  }
  return parts;
}

/** The labelled speakers of those parts, each once, in the order they speak. */
export function spanSpeakers(parts: readonly SpanTurn[]): string[] {
  const speakers: string[] = [];
  for (const p of parts) if (p.speaker !== null && !speakers.includes(p.speaker)) speakers.push(p.speaker);
  return speakers;
}

/** The speakers of [start, end) of `text` when there are several, else null (one line: one turn, turns not read). */
export function severalSpeakers(transcript: { text: string; turns: readonly Turn[] }, start: number, end: number): { parts: SpanTurn[]; speakers: string[] } | null {
  const newline = transcript.text.indexOf('\n', start);
  if (newline === -1 || newline >= end) return null;
  const parts = spanTurns(transcript.turns, start, end);
  const speakers = spanSpeakers(parts);
  return speakers.length > 1 ? { parts, speakers } : null;
}
