/**
 * Participant speech, and how much of it is coded: the one measure behind "codé 25 %" on the
 * coding screen and "Speech coded" in `codage stats`.
 *
 * A participant's speech is the text of the turns that are not the interviewer's, after the
 * speaker label (and not the lines before the first label: a title, a date), without annotations (`*rire*`, `(silence)`, `euh`). The share coded counts
 * its characters other than spaces that lie inside at least one segment. (A transcript where
 * every turn is the interviewer's counts all turns, so that it still has something to code.)
 */
import type { Span, Transcript } from '../types.js';
import { countWords } from '../transcript/words.js';

/**
 * The turns of participant speech: not the interviewer's, nor what comes before the first label
 * (role `unknown`: the title, date and setting lines a Word transcript opens with).
 */
function participantTurns(transcript: Pick<Transcript, 'turns'>): Transcript['turns'] {
  return transcript.turns.filter((t) => t.role === 'participant');
}

/** The turns that are participant speech (all turns when only the interviewer speaks). */
function speechTurns(transcript: Pick<Transcript, 'turns'>): Transcript['turns'] {
  const participant = participantTurns(transcript);
  return participant.length > 0 ? participant : transcript.turns;
}

/** The stretches of participant speech, sorted and disjoint: turn text minus annotations. */
export function speechRanges(transcript: Pick<Transcript, 'turns' | 'annotations'>): Span[] {
  const annotations = [...transcript.annotations].sort((a, b) => a.start - b.start);
  const ranges: Span[] = [];
  let a = 0;
  for (const turn of speechTurns(transcript)) {
    let from = turn.textStart;
    while (a < annotations.length && annotations[a]!.end <= from) a++;
    for (let k = a; k < annotations.length && annotations[k]!.start < turn.end; k++) {
      const annotation = annotations[k]!;
      if (annotation.start > from) ranges.push({ start: from, end: annotation.start });
      from = Math.max(from, annotation.end);
    }
    if (turn.end > from) ranges.push({ start: from, end: turn.end });
  }
  return ranges;
}

/** 1 for the code units counted as characters, 0 for spaces (one lookup per character: two million words per study). */
const VISIBLE = new Uint8Array(0x10000).fill(1);
for (const space of [0x20, 0x0a, 0x09, 0x0d, 0xa0, 0x202f, 0x2009, 0x3000]) VISIBLE[space] = 0;

/** Characters of `text[start, end)` other than spaces. */
export function countVisible(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n += VISIBLE[text.charCodeAt(i)]!;
  return n;
}

export interface SpeechCoverage {
  /** Characters of participant speech (spaces not counted). */
  speech: number;
  /** Those inside at least one segment. */
  coded: number;
}

/** How much of the speech `ranges` of `text` the `segments` cover (segments may overlap, in any order). */
export function speechCoverage(text: string, ranges: readonly Span[], segments: readonly Span[]): SpeechCoverage {
  let speech = 0;
  for (const r of ranges) speech += countVisible(text, r.start, r.end);
  return { speech, coded: visibleCharacters(text, ranges, segments) };
}

/**
 * Characters other than spaces of `text` that lie both in `ranges` (sorted, disjoint) and in at
 * least one of `spans` (in any order, overlapping or not).
 */
export function visibleCharacters(text: string, ranges: readonly Span[], spans: readonly Span[]): number {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  let coded = 0;
  let reach = 0;
  let r = 0;
  for (const segment of sorted) {
    const start = Math.max(segment.start, reach);
    if (segment.end <= start) continue;
    reach = segment.end;
    while (r < ranges.length && ranges[r]!.end <= start) r++;
    for (let k = r; k < ranges.length && ranges[k]!.start < segment.end; k++) {
      const range = ranges[k]!;
      coded += countVisible(text, Math.max(start, range.start), Math.min(segment.end, range.end));
    }
  }
  return coded;
}

/** The share of a transcript's participant speech that `segments` cover (0 when it has none). */
export function codedShare(transcript: Pick<Transcript, 'text' | 'turns' | 'annotations'>, segments: readonly Span[]): number {
  const { speech, coded } = speechCoverage(transcript.text, speechRanges(transcript), segments);
  return speech === 0 ? 0 : coded / speech;
}

/** Words of participant speech and of the interviewer, counted as Word counts them (see words.ts). */
export function wordsBySide(transcript: Pick<Transcript, 'text' | 'turns' | 'annotations'>): { participant: number; interviewer: number } {
  const interviewer = transcript.turns.filter((t) => t.role === 'interviewer');
  const participant = participantTurns(transcript);
  return {
    participant: countWords(transcript.text, participant, transcript.annotations),
    interviewer: countWords(transcript.text, interviewer, transcript.annotations),
  };
}
