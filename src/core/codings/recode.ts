/**
 * Changes which codes the segments of a coder file carry, for a restructured codebook: a code
 * merged into another (`into` a code id), or a code deleted with its segments (`into` null).
 * Segment ids, spans and texts never change. A segment that had both codes keeps the target once;
 * a segment left with no code at all is removed (only `codage codebook delete --drop-segments`
 * does that, and says how many).
 */
import type { CoderFile, Segment } from '../types.js';

export interface Recoded {
  coderFile: CoderFile;
  /** Segments that carried the code. */
  segments: number;
  /** Of those, segments that already carried the target (they keep it once). */
  alreadyHad: number;
  /** Segments removed because the code was their only one. */
  removed: number;
}

export function recodeCoderFile(coderFile: CoderFile, codeId: string, into: string | null): Recoded {
  let segments = 0;
  let alreadyHad = 0;
  let removed = 0;
  const kept: Segment[] = [];
  for (const segment of coderFile.segments) {
    if (!segment.codes.includes(codeId)) {
      kept.push(segment);
      continue;
    }
    segments++;
    if (into !== null && segment.codes.includes(into)) alreadyHad++;
    const codes: string[] = [];
    for (const code of segment.codes) {
      const next = code === codeId ? into : code;
      if (next !== null && !codes.includes(next)) codes.push(next);
    }
    if (codes.length === 0) {
      removed++;
      continue;
    }
    kept.push({ ...segment, codes });
  }
  if (segments === 0) return { coderFile, segments, alreadyHad, removed };
  return { coderFile: { ...coderFile, segments: kept }, segments, alreadyHad, removed };
}

/**
 * Gives some of a code's segments another code (a split): each segment whose id is in `moves`
 * carries that code instead of `codeId`, in the same place of its list. Returns how many moved.
 */
export function reassignSegments(coderFile: CoderFile, codeId: string, moves: ReadonlyMap<string, string>): { coderFile: CoderFile; moved: number } {
  let moved = 0;
  const segments = coderFile.segments.map((segment) => {
    const into = moves.get(segment.id);
    if (into === undefined || !segment.codes.includes(codeId)) return segment;
    moved++;
    const codes: string[] = [];
    for (const code of segment.codes) {
      const next = code === codeId ? into : code;
      if (!codes.includes(next)) codes.push(next);
    }
    return { ...segment, codes };
  });
  return moved === 0 ? { coderFile, moved } : { coderFile: { ...coderFile, segments }, moved };
}
