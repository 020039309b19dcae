/**
 * A coder file from another copy of the study, made to fit this one: its code ids replaced by
 * this codebook's (see `mergeCodebook`), and its segments placed in this copy's transcripts —
 * found again by their quoted text where a transcript differs. A segment that cannot be placed
 * keeps its old position and text (codage check reports it); none is dropped.
 */
import type { Problem, Transcript } from '../types.js';
import { anchorCodings, type AnchorStatus } from './anchor-codings.js';
import { applyReanchoring } from './apply-reanchoring.js';
import type { CoderEntry } from './study.js';

export interface BroughtCoder {
  coderFile: CoderEntry['coderFile'];
  /** What re-anchoring found (file and lines of the other copy's file). */
  problems: Problem[];
  /** How the segments were placed here, per participant. */
  placed: Map<string, Partial<Record<AnchorStatus, number>>>;
  /** Participants this copy has no transcript for (their segments are kept as they are). */
  missing: string[];
}

export function bringCoderFile(entry: CoderEntry, codeIds: ReadonlyMap<string, string>, transcriptById: ReadonlyMap<string, Transcript>): BroughtCoder {
  const remapped: CoderEntry = {
    ...entry,
    coderFile: {
      ...entry.coderFile,
      segments: entry.coderFile.segments.map((s) => ({ ...s, codes: [...new Set(s.codes.map((c) => codeIds.get(c) ?? c))] })),
    },
  };
  const anchored = anchorCodings([remapped], transcriptById as Map<string, Transcript>);
  const placed = new Map<string, Partial<Record<AnchorStatus, number>>>();
  for (const a of anchored.segments) {
    let count = placed.get(a.segment.participant);
    if (!count) placed.set(a.segment.participant, (count = {}));
    count[a.status] = (count[a.status] ?? 0) + 1;
  }
  const [reanchored] = applyReanchoring([remapped], anchored.segments);
  const missing = [...new Set(entry.coderFile.segments.map((s) => s.participant))].filter((p) => !transcriptById.has(p));
  return { coderFile: reanchored?.coderFile ?? remapped.coderFile, problems: anchored.problems, placed, missing };
}
