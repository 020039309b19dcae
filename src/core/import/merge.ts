import { nameKey } from '../codebook/slug.js';
import { uniqueSegmentId } from '../codings/ids.js';
import { OffsetMap } from '../text/offsets.js';
import type { CoderFile, Segment, Transcript } from '../types.js';
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
}

export interface MergeResult {
  coderFile: CoderFile;
  /** New segments. */
  added: number;
  /** Existing segments (same span) that got new codes. */
  merged: number;
  /** Imported segments the file already had: same span, no code it lacked (an import run twice). */
  already: number;
}

/**
 * Adds imported segments to a coder file. A segment on exactly the same span as an existing one
 * gets the new codes added to it rather than a duplicate; offsets become code points.
 */
export function mergeImportedSegments(input: MergeInput): MergeResult {
  const base: CoderFile = input.base ?? { coder: input.coder, memos: {}, segments: [] };
  const segments: Segment[] = base.segments.map((s) => ({ ...s, codes: [...s.codes] }));
  const bySpan = new Map(segments.map((s) => [`${s.participant}\u0000${s.start}\u0000${s.end}`, s]));
  const taken = new Set(segments.map((s) => s.id));
  const maps = new Map<string, OffsetMap>();
  let added = 0;
  let merged = 0;
  let already = 0;
  for (const imported of input.segments) {
    const transcript = input.transcripts.get(imported.participant);
    if (!transcript) continue;
    let map = maps.get(transcript.id);
    if (!map) maps.set(transcript.id, (map = new OffsetMap(transcript.text)));
    const start = map.toCodePoint(imported.start);
    const end = map.toCodePoint(imported.end);
    const codes = [...new Set(imported.codes.map((c) => input.codeIds.get(nameKey(c.name))).filter((id): id is string => id !== undefined))];
    if (codes.length === 0) continue;
    const key = `${imported.participant}\u0000${start}\u0000${end}`;
    const existing = bySpan.get(key);
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
      continue;
    }
    const id = uniqueSegmentId(taken, input.random);
    taken.add(id);
    const segment: Segment = { id, participant: imported.participant, start, end, text: imported.text, codes, at: input.now };
    if (imported.memo) segment.memo = imported.memo;
    segments.push(segment);
    bySpan.set(key, segment);
    added++;
  }
  return { coderFile: { ...base, coder: input.coder, segments }, added, merged, already };
}
