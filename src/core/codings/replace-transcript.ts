import { contextOf } from '../anchoring/context.js';
import { OffsetMap } from '../text/offsets.js';
import type { CoderFile, Segment, Transcript } from '../types.js';

/** A segment as the coding screen holds it: UTF-16 offsets into the transcript text. */
export interface EditedSegment {
  id: string;
  start: number;
  end: number;
  codes: string[];
  memo?: string;
  exemplary?: boolean;
}

function sameContent(a: Segment, b: Segment): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.text === b.text &&
    a.memo === b.memo &&
    (a.exemplary ?? false) === (b.exemplary ?? false) &&
    a.codes.length === b.codes.length &&
    a.codes.every((c, i) => c === b.codes[i])
  );
}

/**
 * The coder file with one transcript's placed segments replaced by the screen's list.
 * Segments of other transcripts, and `keep` (this transcript's segments that could not be
 * placed, which the screen never sees), stay exactly as they were. Offsets become code points,
 * each segment's text is the transcript's exact text, and `at` changes only for segments that
 * changed. What the screen does not handle is kept from the file: the quote a segment belongs
 * to, and — while the segment stays where it was — its `ambiguous` or `confirmed` mark and its context; a new
 * or moved segment gets the text around it as its context.
 */
export function replaceTranscriptSegments(input: {
  coderFile: CoderFile;
  transcript: Transcript;
  edited: EditedSegment[];
  keep: Segment[];
  memo?: string;
  now: string;
  offsets?: OffsetMap;
}): CoderFile {
  const { coderFile, transcript } = input;
  const map = input.offsets ?? new OffsetMap(transcript.text);
  const before = new Map(coderFile.segments.filter((s) => s.participant === transcript.id).map((s) => [s.id, s]));
  const others = coderFile.segments.filter((s) => s.participant !== transcript.id);
  const edited = input.edited.map((e): Segment => {
    const segment: Segment = {
      id: e.id,
      participant: transcript.id,
      start: map.toCodePoint(e.start),
      end: map.toCodePoint(e.end),
      text: transcript.text.slice(e.start, e.end),
      codes: [...e.codes],
    };
    if (e.memo !== undefined && e.memo !== '') segment.memo = e.memo;
    if (e.exemplary) segment.exemplary = true;
    const old = before.get(e.id);
    if (old?.quote !== undefined) segment.quote = old.quote;
    const samePlace = old !== undefined && old.start === segment.start && old.end === segment.end && old.text === segment.text;
    if (samePlace && old.ambiguous) segment.ambiguous = true;
    if (samePlace && old.confirmed) segment.confirmed = true;
    segment.at = old && sameContent(old, segment) ? old.at : input.now;
    if (segment.at === undefined) delete segment.at;
    if (samePlace && (old.prefix !== undefined || old.suffix !== undefined)) {
      if (old.prefix !== undefined) segment.prefix = old.prefix;
      if (old.suffix !== undefined) segment.suffix = old.suffix;
    } else if (!samePlace) {
      Object.assign(segment, contextOf(transcript.text, e.start, e.end));
    }
    return segment;
  });
  const memos = { ...coderFile.memos };
  if (input.memo !== undefined) {
    if (input.memo.trim() === '') delete memos[transcript.id];
    else memos[transcript.id] = input.memo;
  }
  return { ...coderFile, memos, segments: [...others, ...input.keep, ...edited] };
}
