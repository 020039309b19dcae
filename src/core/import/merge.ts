import { contextOf } from '../anchoring/context.js';
import { reanchorSegment } from '../anchoring/reanchor.js';
import { TranscriptSearch } from '../anchoring/transcript-search.js';
import { nameKey } from '../codebook/slug.js';
import { uniqueSegmentId } from '../codings/ids.js';
import { confirmationHolds, transcriptOffsets } from '../study/anchor-codings.js';
import { foldForSearch } from '../text/fold.js';
import type { CoderFile, Segment, Span, Transcript } from '../types.js';
import type { ImportSegment } from './plan.js';

export interface MergeInput {
  coder: string;
  /** The coder's file as it is now (null: none yet, or replaced). */
  base: CoderFile | null;
  segments: ImportSegment[];
  /** nameKey(code name) → code id. */
  codeIds: Map<string, string>;
  transcripts: Map<string, Transcript>;
  now: string;
  random: () => number;
  /**
   * The segments of the file the import replaces (`--replace`): a segment imported again on the
   * same place keeps its id, and a quote whose passages are all where they were keeps its quote
   * id, so that what names them (`codage confirm`, the reconcile log, notes kept elsewhere) still
   * finds them after a corrected spreadsheet is imported again. A place the coder confirmed
   * (`confirmed`) stays confirmed when the quote is placed there again: the same offsets, the same
   * text and the same text around it (`prefix`, `suffix`; a confirmation stored without them
   * holds at the same offsets and text, as `codage check` says: see `confirmationHolds`). A segment of it whose transcript was
   * edited since, away from it (words added above, no `codage check --fix` run), counts where
   * its very text is now, chosen by the words around it. A segment imported again on the same
   * place keeps the keys a newer codage wrote on it (`otherKeys`).
   */
  previous?: readonly Segment[];
}

export interface MergeResult {
  coderFile: CoderFile;
  /** New segments. */
  added: number;
  /** Existing segments (same span) that got new codes. */
  merged: number;
  /** Imported segments the file already had: same span, no code it lacked (an import run twice). */
  already: number;
  /** The id of the segment each imported segment became (new or existing), in input order. */
  ids: string[];
  /** Segments the import placed among several places, at a place the replaced file had confirmed: still confirmed, not ambiguous. */
  stillConfirmed: string[];
  /**
   * Segments marked ambiguous whose quote the replaced file had confirmed (same participant, same
   * text, or the same id), but at another place or with other text around it: to confirm again.
   * One now placed at one place only, elsewhere than the place confirmed, is marked ambiguous too.
   * Each keeps a `confirmed` mark beside `ambiguous`, as `check --fix` writes a place to confirm again.
   */
  confirmAgain: string[];
}

const spanKey = (participant: string, start: number, end: number) => `${participant}\u0000${start}\u0000${end}`;
/** A quote's text, whatever the case and accents at the place it went to (`huit mois`, `Huit mois`). */
const textKey = (s: Pick<Segment, 'participant' | 'text'>) => `${s.participant}\u0000${foldForSearch(s.text)}`;

/**
 * The replaced file's segments where their text is in today's transcripts: a segment whose
 * offsets no longer frame its text (the transcript was edited above it, and `codage check --fix`
 * not run) is taken where that very text is now, among its places the one with the same words
 * around it, else the nearest (as `check --fix` would move it), when the words before or after it
 * there are those it had; its stored context is kept, to compare with the context there. Any
 * other stays as it was. `moved`: the segments taken elsewhere than their offsets said.
 */
function whereNow(previous: readonly Segment[], transcripts: Map<string, Transcript>): { segments: Segment[]; moved: Set<Segment> } {
  const moved = new Set<Segment>();
  const searches = new Map<string, TranscriptSearch>();
  const segments = previous.map((s) => {
    const transcript = transcripts.get(s.participant);
    if (transcript === undefined) return s;
    const map = transcriptOffsets(transcript);
    const start = map.toUtf16(s.start);
    const end = map.toUtf16(s.end);
    if (start >= 0 && end >= 0 && transcript.text.slice(start, end) === s.text) return s;
    let search = searches.get(transcript.id);
    if (search === undefined) searches.set(transcript.id, (search = new TranscriptSearch(transcript.text)));
    const found = reanchorSegment(search, { start: Math.max(0, start), end: Math.max(0, end), text: s.text, prefix: s.prefix, suffix: s.suffix });
    if (found.status !== 'moved') return s;
    // (Said again elsewhere, with other words around it, is not where it was: the text there changed.)
    const around = contextOf(transcript.text, found.start, found.end);
    if (around.prefix !== s.prefix && around.suffix !== s.suffix) return s;
    const there = { ...s, start: map.toCodePoint(found.start), end: map.toCodePoint(found.end) };
    moved.add(there);
    return there;
  });
  return { segments, moved };
}

/**
 * The places the coder file an import replaces has confirmed (`codage confirm`) that are still
 * so in today's transcripts (`confirmationHolds`: what `codage check` says of them), by
 * participant, in UTF-16 offsets: among equally good places that nothing else singles out, the
 * import chooses the one the coder confirmed (see choose-place.ts).
 */
export function confirmedPlaces(previous: readonly Segment[], transcripts: Map<string, Transcript>): Map<string, Span[]> {
  const places = new Map<string, Span[]>();
  const now = whereNow(previous.filter((p) => p.confirmed === true && p.ambiguous !== true), transcripts);
  for (const s of now.segments) {
    const transcript = transcripts.get(s.participant);
    if (transcript === undefined) continue;
    const map = transcriptOffsets(transcript);
    const start = map.toUtf16(s.start);
    const end = map.toUtf16(s.end);
    if (start < 0 || end < 0 || transcript.text.slice(start, end) !== s.text) continue;
    if (!confirmationHolds(s, transcript.text, { start, end, text: s.text, status: now.moved.has(s) ? 'moved' : 'unchanged' })) continue;
    places.set(s.participant, [...(places.get(s.participant) ?? []), { start, end }]);
  }
  return places;
}

/**
 * Adds imported segments to a coder file; offsets become code points, and each new segment
 * keeps the text around it (its context). A segment on exactly the same span as an existing
 * one gets the new codes added to it rather than a duplicate — for the passages of a quote
 * that went to several, only when the existing segments are that same quote's passages. Such
 * passages get one new quote id, shared.
 */
export function mergeImportedSegments(input: MergeInput): MergeResult {
  const base: CoderFile = input.base ?? { coder: input.coder, memos: {}, segments: [] };
  const segments: Segment[] = base.segments.map((s) => ({ ...s, codes: [...s.codes] }));
  const single = new Map<string, Segment>();
  const inQuote = new Map<string, Segment[]>();
  for (const s of segments) {
    if (s.quote === undefined) single.set(spanKey(s.participant, s.start, s.end), s);
    else inQuote.set(s.quote, [...(inQuote.get(s.quote) ?? []), s]);
  }
  const taken = new Set(segments.map((s) => s.id));
  const quotesTaken = new Set(segments.flatMap((s) => (s.quote === undefined ? [] : [s.quote])));
  const { segments: previous, moved: movedSince } = input.previous === undefined ? { segments: [], moved: new Set<Segment>() } : whereNow(input.previous, input.transcripts);
  // The replaced file's ids, by place (a lone segment) and by the places of a quote's passages.
  const earlierSingle = new Map<string, string>();
  const earlierQuotes = new Map<string, Segment[]>();
  for (const s of previous) {
    if (s.quote === undefined) earlierSingle.set(spanKey(s.participant, s.start, s.end), s.id);
    else earlierQuotes.set(s.quote, [...(earlierQuotes.get(s.quote) ?? []), s]);
  }
  // The places the replaced file had confirmed, by place and text; and by quote text (participant, text).
  const confirmedAt = new Map<string, Segment>();
  const confirmedTexts = new Map<string, Segment[]>();
  for (const s of previous) {
    if (s.confirmed !== true || s.ambiguous === true) continue;
    confirmedAt.set(`${spanKey(s.participant, s.start, s.end)}\u0000${s.text}`, s);
    confirmedTexts.set(textKey(s), [...(confirmedTexts.get(textKey(s)) ?? []), s]);
  }
  const confirmedIds = new Map(previous.filter((s) => s.confirmed === true && s.ambiguous !== true).map((s) => [s.id, s]));
  const previousById = new Map(previous.map((s) => [s.id, s]));
  const carried = new Set<Segment>();
  const stillConfirmed: string[] = [];
  const newlyPlaced: Segment[] = [];
  const earlierQuote = new Map<string, { quote: string; ids: Map<string, string> }>();
  for (const [quote, passages] of earlierQuotes) {
    const spans = passages.map((s) => spanKey(s.participant, s.start, s.end));
    earlierQuote.set(spans.sort().join('|'), { quote, ids: new Map(passages.map((s) => [spanKey(s.participant, s.start, s.end), s.id])) });
  }
  /** The id of a new segment: the one the replaced file gave the same place, when still free. */
  const idFor = (key: string, quote: string | undefined, earlierIds: Map<string, string> | undefined): string => {
    const earlier = quote === undefined ? earlierSingle.get(key) : earlierIds?.get(key);
    return earlier !== undefined && !taken.has(earlier) ? earlier : uniqueSegmentId(taken, input.random);
  };
  const mapOf = (t: Transcript) => transcriptOffsets(t);

  // The passages of each imported quote, by quote key, as code point spans.
  const quoteIds = new Map<string, string>();
  const quoteSpans = new Map<string, string>();
  for (const imported of input.segments) {
    if (imported.quote === undefined) continue;
    const t = input.transcripts.get(imported.participant);
    if (!t) continue;
    const map = mapOf(t);
    const key = spanKey(imported.participant, map.toCodePoint(imported.start), map.toCodePoint(imported.end));
    quoteSpans.set(imported.quote, [quoteSpans.get(imported.quote), key].filter((k) => k !== undefined).sort().join('|'));
  }
  /** A quote's passages' ids in the replaced file, by place, when the quote is where it was. */
  const earlierPassages = new Map<string, Map<string, string>>();
  for (const [key, spans] of quoteSpans) {
    // The same passages already tied by a quote id (the same spreadsheet imported again): that id.
    const existing = [...inQuote].find(([, segs]) => segs.map((s) => spanKey(s.participant, s.start, s.end)).sort().join('|') === spans);
    if (existing !== undefined) {
      quoteIds.set(key, existing[0]);
      continue;
    }
    const earlier = earlierQuote.get(spans);
    if (earlier !== undefined && !quotesTaken.has(earlier.quote)) {
      quotesTaken.add(earlier.quote);
      quoteIds.set(key, earlier.quote);
      earlierPassages.set(earlier.quote, earlier.ids);
      continue;
    }
    const id = uniqueSegmentId(quotesTaken, input.random);
    quotesTaken.add(id);
    quoteIds.set(key, id);
  }

  let added = 0;
  let merged = 0;
  let already = 0;
  const ids: string[] = [];
  for (const imported of input.segments) {
    const transcript = input.transcripts.get(imported.participant);
    const codes = [...new Set(imported.codes.map((c) => input.codeIds.get(nameKey(c.name))).filter((id): id is string => id !== undefined))];
    if (!transcript || codes.length === 0) {
      ids.push('');
      continue;
    }
    const map = mapOf(transcript);
    const start = map.toCodePoint(imported.start);
    const end = map.toCodePoint(imported.end);
    const key = spanKey(imported.participant, start, end);
    const quote = imported.quote === undefined ? undefined : quoteIds.get(imported.quote);
    const existing = quote === undefined ? single.get(key) : inQuote.get(quote)?.find((s) => spanKey(s.participant, s.start, s.end) === key);
    if (existing) {
      const before = existing.codes.length;
      for (const code of codes) if (!existing.codes.includes(code)) existing.codes.push(code);
      if (imported.memo && existing.memo !== imported.memo && !existing.memo?.includes(imported.memo)) {
        existing.memo = existing.memo ? `${existing.memo}\n${imported.memo}` : imported.memo;
      }
      if (existing.codes.length > before) {
        existing.at = input.now;
        merged++;
      } else already++;
      ids.push(existing.id);
      continue;
    }
    const id = idFor(key, quote, quote === undefined ? undefined : earlierPassages.get(quote));
    taken.add(id);
    const segment: Segment = { id, participant: imported.participant, start, end, text: imported.text, codes };
    if (imported.memo) segment.memo = imported.memo;
    if (quote !== undefined) segment.quote = quote;
    // To confirm: placed among several places, or from a quote placed under the min score or in part.
    if (imported.ambiguous || imported.unsure === true) segment.ambiguous = true;
    // The replaced file's segment on this place (its id kept): the keys a newer codage wrote on
    // it, which no spreadsheet column carries, stay.
    const earlierSegment = previousById.get(id);
    if (earlierSegment?.otherKeys !== undefined && spanKey(earlierSegment.participant, earlierSegment.start, earlierSegment.end) === key) segment.otherKeys = { ...earlierSegment.otherKeys };
    segment.at = input.now;
    Object.assign(segment, contextOf(transcript.text, imported.start, imported.end));
    // Placed again where the coder confirmed it, and still that place as check tells it (the same
    // words around it; no context stored: the same offsets and text): still confirmed.
    const confirmed = confirmedAt.get(`${key}\u0000${segment.text}`);
    const placed = { start: imported.start, end: imported.end, text: segment.text, status: confirmed !== undefined && movedSince.has(confirmed) ? ('moved' as const) : ('unchanged' as const) };
    if (confirmed !== undefined && confirmationHolds(confirmed, transcript.text, placed)) {
      carried.add(confirmed);
      if (segment.ambiguous) stillConfirmed.push(id);
      delete segment.ambiguous;
      segment.confirmed = true;
    } else newlyPlaced.push(segment);
    segments.push(segment);
    if (quote === undefined) single.set(key, segment);
    else inQuote.set(quote, [...(inQuote.get(quote) ?? []), segment]);
    ids.push(id);
    added++;
  }
  // Ambiguous again where the replaced file had that quote, or that segment, confirmed elsewhere.
  // Placed at one place only, somewhere else than the place confirmed (the transcript no longer
  // says it there: `huit mois` became `huit longs mois`): marked ambiguous too, to check again.
  const elsewhere = (s: Segment, c: Segment) => c.participant !== s.participant || c.start !== s.start || c.end !== s.end;
  const again = newlyPlaced.filter((s) =>
    s.ambiguous
      ? [...(confirmedTexts.get(textKey(s)) ?? []), confirmedIds.get(s.id)].some((c) => c !== undefined && !carried.has(c))
      : (confirmedTexts.get(textKey(s)) ?? []).some((c) => !carried.has(c) && elsewhere(s, c)),
  );
  // Marked as check --fix marks a place confirmed once whose words around it changed: ambiguous,
  // with the words now around it and its `confirmed` mark kept, so that check, the coding screen,
  // a REFI-QDA export and codage confirm say « à confirmer de nouveau », not « placé par un import ».
  for (const s of again) {
    s.ambiguous = true;
    s.confirmed = true;
  }
  const confirmAgain = again.map((s) => s.id);
  return { coderFile: { ...base, coder: input.coder, segments }, added, merged, already, ids, stillConfirmed, confirmAgain };
}
