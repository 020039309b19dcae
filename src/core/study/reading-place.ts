/**
 * Where a coder is in a transcript, found again after the transcript changed (a typo fixed, a
 * line added at the top): the saved cursor, furthest point and read ranges are offsets into the
 * text as it was, and would point one sentence off in the text as it is.
 *
 * With the offsets, the state file keeps a hash of the text they were saved against and, for
 * each offset, the few words on either side of it (`PointAnchor`). When the hash no longer
 * matches, each offset is looked for again by these words, as coded segments are (the same
 * re-anchoring: core/anchoring/reanchor.ts): exactly, then where its surroundings agree, then
 * approximately. An offset that cannot be found is not guessed: the cursor opens at the start,
 * a read range is forgotten (the transcript counts as less read, never as more), and the
 * screen says so. A state file without these fields (earlier versions) is taken as it is.
 */
import { createHash } from 'node:crypto';
import { chooseSpan, contextOf } from '../anchoring/context.js';
import { exactSpans } from '../anchoring/occurrences.js';
import { reanchorSegment } from '../anchoring/reanchor.js';
import { TranscriptSearch } from '../anchoring/transcript-search.js';
import { mergeSpans } from '../spans.js';
import { foldWithMap } from '../text/fold.js';
import type { Transcript } from '../types.js';
import { transcriptOffsets } from './anchor-codings.js';
import type { PointAnchor, TranscriptPosition } from './reading.js';

const hashes = new WeakMap<Transcript, { text: string; hash: string }>();

/** The hash of a transcript's text that a saved position names (made once per transcript and text). */
export function textHash(transcript: Transcript): string {
  const cached = hashes.get(transcript);
  if (cached !== undefined && cached.text === transcript.text) return cached.hash;
  // SHA-1 in native code: a 30,000-word transcript in ~1.5 ms at the opening, where the FNV-1a
  // of core/text/hash.ts, run cold, took ~6 ms. Not for security: only to tell a changed text.
  const hash = createHash('sha1').update(transcript.text).digest('base64url').slice(0, 16);
  hashes.set(transcript, { text: transcript.text, hash });
  return hash;
}

/** The words around UTF-16 offset `at` of `text`: what finds it again. */
export function pointAnchor(text: string, at: number): PointAnchor {
  const { prefix, suffix } = contextOf(text, at, at);
  return { before: prefix, after: suffix };
}

/**
 * `position` (code points into `transcript`'s text as it is) with what finds its offsets again
 * once the text changes: the text's hash and the words around each offset.
 */
export function stampPosition(transcript: Transcript, position: TranscriptPosition): TranscriptPosition {
  const offsets = transcriptOffsets(transcript);
  const text = transcript.text;
  const at = (codePoint: number) => pointAnchor(text, Math.max(0, offsets.toUtf16(Math.min(codePoint, offsets.length))));
  const read = (position.read ?? []).flatMap(([start, end]) => inPieces(start, end));
  return {
    cursor: position.cursor,
    furthest: position.furthest,
    at: position.at,
    ...(position.read !== undefined ? { read } : {}),
    textHash: textHash(transcript),
    anchors: {
      cursor: at(position.cursor),
      furthest: at(position.furthest),
      read: read.map(([start, end]): [PointAnchor, PointAnchor] => [at(start), at(end)]),
    },
  };
}

/**
 * Read ranges are kept in pieces of at most this many characters, each with the words around its
 * ends: a transcript read through whose closing line is then rewritten loses the last piece of
 * what was read (« lu 96 % »), not all of it (« lu 0 % »). About 4 pieces for a 10,000-word
 * interview: 64 characters of anchors each, in the state file.
 */
const READ_PIECE = 16_000;

/** [start, end) cut into pieces of at most READ_PIECE characters, of equal length. */
function inPieces(start: number, end: number): [number, number][] {
  const count = Math.ceil((end - start) / READ_PIECE);
  if (count <= 1) return [[start, end]];
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) out.push([start + Math.floor(((end - start) * i) / count), start + Math.floor(((end - start) * (i + 1)) / count)]);
  return out;
}

export interface PlacedPosition {
  /** The position in the text as it is (code points), stamped for it. */
  position: TranscriptPosition;
  /** What could not be found again: the cursor (now at the start), read ranges (forgotten). */
  lost: { cursor: boolean; read: number };
  /** Whether the text had changed since the position was saved. */
  changed: boolean;
}

/**
 * `saved` placed in `transcript` as its text is now. Unchanged when the text is the one it was
 * saved against, or when it does not say which text that was (an earlier version's state file).
 */
export function placePosition(transcript: Transcript, saved: TranscriptPosition): PlacedPosition {
  const unchanged = { position: saved, lost: { cursor: false, read: 0 }, changed: false };
  if (saved.textHash === undefined || saved.anchors === undefined || saved.textHash === textHash(transcript)) return unchanged;
  const offsets = transcriptOffsets(transcript);
  let search: TranscriptSearch | undefined;
  /** The code point offset of a saved point in the text as it is, or null when it cannot be found. */
  const find = (anchor: PointAnchor, near: number): number | null => {
    search ??= TranscriptSearch.of(transcript);
    const utf16 = findPoint(search, anchor, near);
    if (utf16 === null) return null;
    const codePoint = offsets.toCodePoint(utf16);
    return codePoint < 0 ? null : codePoint;
  };
  const anchors = saved.anchors;
  const cursor = find(anchors.cursor, saved.cursor);
  const read: [number, number][] = [];
  let lostRead = 0;
  const savedRead = saved.read ?? [];
  savedRead.forEach(([start, end], i) => {
    const pair = anchors.read[i];
    const from = pair === undefined ? null : find(pair[0], start);
    const to = pair === undefined ? null : find(pair[1], end);
    if (from !== null && to !== null && to > from) read.push([from, to]);
    else lostRead++;
  });
  const merged = mergeSpans(read.map(([start, end]) => ({ start, end }))).map((r): [number, number] => [r.start, r.end]);
  const furthest = find(anchors.furthest, saved.furthest) ?? Math.max(cursor ?? 0, merged.at(-1)?.[1] ?? 0);
  const position = stampPosition(transcript, {
    cursor: cursor ?? 0,
    furthest,
    at: saved.at,
    ...(saved.read !== undefined ? { read: merged } : {}),
  });
  return { position, lost: { cursor: cursor === null, read: lostRead }, changed: true };
}

/**
 * Where the point between `anchor.before` and `anchor.after` is now (UTF-16), or null: looked for
 * by the words on both sides, then by the words after it (with those before as context), then
 * by the words before it (with those after as context), as a segment is by its quote. An
 * approximate match counts only with the other side exactly beside it; a side found elsewhere
 * than where it was, far from it, only with the other side's words still beside it (a few words
 * at the end of the text are also said mid-interview).
 */
function findPoint(search: TranscriptSearch, anchor: PointAnchor, near: number): number | null {
  const { before, after } = anchor;
  if (before === '' && after === '') return search.text.length === 0 ? 0 : null;
  // Both sides as they were: the text changed elsewhere.
  const both = chooseSpan(exactSpans(search.text, before + after), { near: near - before.length });
  if (both !== undefined) return both.start + before.length;
  if (after.trim() !== '') {
    const found = reanchorSegment(search, { start: near, end: near + after.length, text: after, prefix: before, suffix: '' });
    if (found.status === 'unchanged' || ((found.status === 'moved' || found.status === 'normalised') && (isNear(found.start, near) || agreesBefore(search.text, found.start, before)))) return found.start;
    if (found.status === 'approximate' && (before === '' || search.text.endsWith(before, found.start))) return found.start;
  }
  if (before.trim() !== '') {
    const found = reanchorSegment(search, { start: Math.max(0, near - before.length), end: near, text: before, prefix: '', suffix: after });
    if (found.status === 'unchanged' || ((found.status === 'moved' || found.status === 'normalised') && (isNear(found.end, near) || agreesAfter(search.text, found.end, after)))) return found.end;
    if (found.status === 'approximate' && (after === '' || search.text.startsWith(after, found.end))) return found.end;
  }
  // The start or the end of the text, where nothing is on one side.
  if (before === '' && after.trim() === '') return 0;
  if (after === '' && before.trim() === '') return search.text.length;
  return null;
}

/**
 * Whether the words just before `at` are, folded, how `before` ends (a few letters at least, or
 * all of it when shorter): a side found elsewhere than where it was (« , docteur. » near the end
 * of the text is also in « une hernie, docteur, c’est écrit ») is the point only with the other
 * side still beside it, give or take a typo or a punctuation mark at the far end.
 */
function agreesBefore(text: string, at: number, before: string): boolean {
  const want = foldWithMap(before).folded;
  if (want.trim() === '') return true;
  const have = foldWithMap(text.slice(Math.max(0, at - before.length * 2), at)).folded;
  let k = 0;
  while (k < want.length && k < have.length && want[want.length - 1 - k] === have[have.length - 1 - k]) k++;
  return k >= Math.min(AGREEING_LETTERS, want.trim().length);
}

/** The same after `at`: the words just after it begin, folded, as `after` does. */
function agreesAfter(text: string, at: number, after: string): boolean {
  const want = foldWithMap(after).folded;
  if (want.trim() === '') return true;
  const have = foldWithMap(text.slice(at, at + after.length * 2)).folded;
  let k = 0;
  while (k < want.length && k < have.length && want[k] === have[k]) k++;
  return k >= Math.min(AGREEING_LETTERS, want.trim().length);
}

/**
 * Whether a point found by one side is close to where it was (UTF-16 units): a typo right beside
 * the point changed the other side, a line added above moved it a little. Farther, only the other
 * side's words still beside it make it the point.
 */
function isNear(found: number, near: number): boolean {
  return Math.abs(found - near) <= NEAR;
}

const NEAR = 200;

/** How many folded letters beside a point must agree with the side not looked for. */
const AGREEING_LETTERS = 3;
