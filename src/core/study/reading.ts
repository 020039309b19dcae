/**
 * Where a coder is in each transcript: where the cursor stopped, how far they read, and what
 * they have read over all sessions (kept in `.codage/state/<coder>.json` by io/session-state).
 * Offsets are code points, like the coder files.
 */
import { visibleCharacters } from '../analysis/speech.js';
import { mergeSpans } from '../spans.js';
import type { Span, Transcript } from '../types.js';

export interface TranscriptPosition {
  cursor: number;
  /**
   * End of the furthest sentence read. What was read is `read`; this stands for it only in state
   * files written before `read` was kept (read from the start to here: `savedReading`).
   */
  furthest: number;
  /** When the coder last had this transcript open (ISO 8601). */
  at: string;
  /** What the coder has read, over all sessions: sorted, disjoint `[start, end)` ranges. */
  read?: [number, number][];
  /**
   * A hash of the transcript text these offsets were saved against, and what finds each of them
   * again once the text changed (see reading-place.ts). Absent in state files written before.
   */
  textHash?: string;
  anchors?: PositionAnchors;
}

/** The words on either side of a saved offset (up to a few words each, whole words). */
export interface PointAnchor {
  before: string;
  after: string;
}

/** The words around each offset of a `TranscriptPosition`: its cursor, furthest point, and each read range's start and end. */
export interface PositionAnchors {
  cursor: PointAnchor;
  furthest: PointAnchor;
  read: [PointAnchor, PointAnchor][];
}

/**
 * The transcript the coder was working on: the one opened last, among `ids`. Null when the
 * coder has opened none of them.
 */
export function lastOpened(state: { transcripts: Record<string, TranscriptPosition> }, ids: readonly string[]): string | null {
  let best: string | null = null;
  let bestAt = '';
  for (const id of ids) {
    const at = state.transcripts[id]?.at;
    if (at !== undefined && at > bestAt) {
      best = id;
      bestAt = at;
    }
  }
  return best;
}

/** `previous` with this session's reading added (`read`: sorted or not, overlapping or not). */
export function withReading(previous: TranscriptPosition | undefined, next: { cursor: number; furthest: number; read: [number, number][]; at: string }): TranscriptPosition {
  const read = mergeSpans([...(previous?.read ?? []), ...next.read].map(([start, end]) => ({ start, end }))).map((r): [number, number] => [r.start, r.end]);
  return { cursor: next.cursor, furthest: Math.max(next.furthest, previous?.furthest ?? 0), at: next.at, read };
}


/**
 * How much of a transcript has been read (0–1): the characters (spaces aside) of its turns'
 * text inside the `read` spans (UTF-16 offsets), over all of them. The coding screen's "read"
 * and the transcript list both say this.
 */
export function readShare(transcript: Pick<Transcript, 'text' | 'turns'>, read: readonly Span[]): number {
  const total = readableCharacters(transcript, [{ start: 0, end: transcript.text.length }]);
  return total === 0 ? 0 : readableCharacters(transcript, read) / total;
}

/**
 * Whether the coder has read `transcript` to its end: what they read (`read`, UTF-16 offsets)
 * covers all of it, or so nearly that the coding screen says « lu 100 % » (the same measure,
 * `readShare`, rounded as the screen rounds it). Going to the end and back up reads two
 * sentences, not the interview; a few words a page move left out do not keep it unfinished.
 */
export function readThrough(transcript: Pick<Transcript, 'text' | 'turns'>, read: readonly Span[]): boolean {
  return Math.round(readShare(transcript, read) * 100) >= 100;
}

/**
 * What a coder has read of a transcript, as saved (code points): `read`, or for a state file
 * written before codage kept it, from the start to the furthest sentence read.
 */
export function savedReading(position: TranscriptPosition | undefined): [number, number][] {
  if (position === undefined) return [];
  if (position.read !== undefined) return position.read;
  return position.furthest > 0 ? [[0, position.furthest]] : [];
}

/**
 * The characters (spaces aside) of the turns' text inside `spans`: what `readShare` counts. The
 * coding screen adds it up sentence by sentence as they are read.
 */
export function readableCharacters(transcript: Pick<Transcript, 'text' | 'turns'>, spans: readonly Span[]): number {
  const turns = transcript.turns.map((t) => ({ start: t.textStart, end: t.end }));
  return visibleCharacters(transcript.text, turns, spans);
}
