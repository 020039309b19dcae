/**
 * What `codage autocode` would code: every hit of a search in the participants' speech, widened
 * to the chosen unit (the words hit, their sentence, or the speaker's whole turn), minus what the
 * coder already coded with that code. Pure: the command writes the result through changeStudy.
 */
import { sentenceQuote } from '../transcript/sentence-quote.js';
import { mergeSpans } from '../spans.js';
import { transcriptOffsets } from '../study/anchor-codings.js';
import { LineNumbers } from '../text/lines.js';
import type { CoderFile, Sentence, Span, Transcript } from '../types.js';
import { FoldedText } from '../text/fold.js';
import { findHits, type Search } from './search.js';

export type AutocodeUnit = 'word' | 'sentence' | 'turn';
export const AUTOCODE_UNITS: readonly AutocodeUnit[] = ['word', 'sentence', 'turn'];

/** One passage to code. */
export interface PlannedPassage extends Span {
  participant: string;
  /** Exactly the transcript's text of [start, end) (UTF-16 offsets). */
  text: string;
  /** File line of its start. */
  line: number;
  /** The hits inside it (spans of the transcript). */
  hits: Span[];
}

export interface TranscriptPlan {
  participant: string;
  /** Hits found in this transcript (in every turn). */
  hits: number;
  /** Passages to code, in text order. */
  passages: PlannedPassage[];
  /** Passages left because the coder already coded them (or part of them) with this code. */
  alreadyCoded: PlannedPassage[];
  /** Hits left because they are in the interviewer's turns. */
  interviewerHits: number;
}

export interface AutocodeInput {
  search: Search;
  codeId: string;
  unit: AutocodeUnit;
  /** The transcripts to search, in interview order. */
  transcripts: readonly Transcript[];
  sentencesOf: (transcript: Transcript) => readonly Sentence[];
  /** The coder's file as it is (null: none yet). */
  coderFile: CoderFile | null;
  /** Code hits in the interviewer's turns too (default: participants' speech only). */
  interviewer?: boolean;
}

/** Index of the turn holding `offset` (turns are in text order), or -1. */
function turnAt(transcript: Transcript, offset: number): number {
  let lo = 0;
  let hi = transcript.turns.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const turn = transcript.turns[mid]!;
    if (turn.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset < transcript.turns[found]!.end ? found : -1;
}

/** The span without the white space at its ends. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** The unit around a hit: the hit itself, the sentences it touches, or its turn's spoken text. */
function unitOf(transcript: Transcript, sentences: readonly Sentence[], annotations: readonly Span[], hit: Span, unit: AutocodeUnit, turn: number): Span {
  if (unit === 'word') return hit;
  if (unit === 'turn') {
    const t = transcript.turns[turn];
    return t === undefined ? hit : trimmed(transcript.text, { start: t.textStart, end: t.end });
  }
  // Each sentence as the coding screen quotes it (without an annotation or a question number
  // that opens or closes it), the hit itself always inside.
  let start = hit.start;
  let end = hit.end;
  for (const s of sentences) {
    if (s.end <= hit.start) continue;
    if (s.start >= hit.end) break;
    const quote = sentenceQuote(transcript.text, annotations, s);
    start = Math.min(start, quote.start);
    end = Math.max(end, quote.end);
  }
  return trimmed(transcript.text, { start, end });
}

export function planAutocode(input: AutocodeInput): TranscriptPlan[] {
  const coded = new Map<string, Span[]>();
  for (const s of input.coderFile?.segments ?? []) {
    if (!s.codes.includes(input.codeId)) continue;
    coded.set(s.participant, [...(coded.get(s.participant) ?? []), { start: s.start, end: s.end }]);
  }
  return input.transcripts.map((transcript) => {
    // Sentences are cut only for a transcript with a hit to widen.
    let sentences: readonly Sentence[] | null = null;
    const sentencesNow = () => (sentences ??= input.unit === 'sentence' ? input.sentencesOf(transcript) : []);
    let annotations: readonly Span[] | null = null;
    const annotationsNow = () => (annotations ??= mergeSpans(transcript.annotations));
    const hits = findHits(input.search, transcript.text, input.search.regex ? undefined : new FoldedText(transcript.text));
    const lines = new LineNumbers(transcript.text, transcript.bodyLine);
    // The map anchoring made for this transcript (the whole text is read to make one).
    const map = transcriptOffsets(transcript);
    // The coder's segments with this code, in UTF-16 offsets like the hits.
    const already = (coded.get(transcript.id) ?? []).map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end) }));
    const byUnit = new Map<string, PlannedPassage>();
    let interviewerHits = 0;
    let counted = 0;
    for (const hit of hits) {
      const turn = turnAt(transcript, hit.start);
      // A hit in a speaker label (`Dr Martin :`) is not speech.
      if (turn >= 0 && hit.start < transcript.turns[turn]!.textStart) continue;
      counted++;
      if (!input.interviewer && turn >= 0 && transcript.turns[turn]!.role === 'interviewer') {
        interviewerHits++;
        continue;
      }
      const span = unitOf(transcript, sentencesNow(), annotationsNow(), hit, input.unit, turn);
      const key = `${span.start}:${span.end}`;
      const passage = byUnit.get(key);
      if (passage) passage.hits.push(hit);
      else byUnit.set(key, { participant: transcript.id, ...span, text: transcript.text.slice(span.start, span.end), line: lines.lineOf(span.start), hits: [hit] });
    }
    // Passages that overlap (a hit across two sentences, and another in the second) become one.
    const joined: PlannedPassage[] = [];
    for (const p of [...byUnit.values()].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const last = joined[joined.length - 1];
      if (last !== undefined && p.start < last.end) {
        last.end = Math.max(last.end, p.end);
        last.text = transcript.text.slice(last.start, last.end);
        last.hits.push(...p.hits);
      } else joined.push(p);
    }
    const passages: PlannedPassage[] = [];
    const alreadyCoded: PlannedPassage[] = [];
    for (const p of joined) (already.some((s) => s.start < p.end && p.start < s.end) ? alreadyCoded : passages).push(p);
    return { participant: transcript.id, hits: counted, passages, alreadyCoded, interviewerHits };
  });
}
