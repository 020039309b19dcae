import { contextOf } from '../anchoring/context.js';
import { OffsetMap } from '../text/offsets.js';
import type { CoderFile, Segment } from '../types.js';
import type { AnchoredSegment } from './anchor-codings.js';
import type { CoderEntry } from './study.js';

export interface ReanchoredFile {
  coder: string;
  file: string;
  coderFile: CoderFile;
  /** How many segments got a new position or text. */
  count: number;
}

/**
 * The coder files with every re-anchored segment (moved, normalised, approximate) written at its
 * new place, with the transcript's exact text and the text now around it. Unplaced segments are
 * kept exactly as they were.
 * Only files with at least one change are returned.
 */
export function applyReanchoring(coders: CoderEntry[], anchored: AnchoredSegment[]): ReanchoredFile[] {
  const changed = new Map<Segment, AnchoredSegment>();
  for (const a of anchored) {
    if (a.status === 'moved' || a.status === 'normalised' || a.status === 'approximate') changed.set(a.segment, a);
  }
  const maps = new Map<string, OffsetMap>();
  const result: ReanchoredFile[] = [];
  for (const entry of coders) {
    let count = 0;
    const segments = entry.coderFile.segments.map((segment) => {
      const a = changed.get(segment);
      if (!a) return segment;
      let map = maps.get(a.transcript.id);
      if (!map) maps.set(a.transcript.id, (map = new OffsetMap(a.transcript.text)));
      count++;
      return { ...segment, start: map.toCodePoint(a.start), end: map.toCodePoint(a.end), text: a.text, ...contextOf(a.transcript.text, a.start, a.end) };
    });
    if (count > 0) result.push({ coder: entry.coder, file: entry.file, coderFile: { ...entry.coderFile, segments }, count });
  }
  return result;
}
