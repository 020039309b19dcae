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

/**
 * `knownCodes`: the code ids of this codebook once merged. A code in neither codebook is kept as it
 * is (never dropped) and reported, with the line of its first segment in the other copy's file.
 */
export function bringCoderFile(
  entry: CoderEntry,
  codeIds: ReadonlyMap<string, string>,
  transcriptById: ReadonlyMap<string, Transcript>,
  knownCodes: ReadonlySet<string>,
): BroughtCoder {
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
  return { coderFile: reanchored?.coderFile ?? remapped.coderFile, problems: [...unknownCodes(remapped, knownCodes), ...anchored.problems], placed, missing };
}

/** One problem per code the segments use that no codebook has: where it is first used, and how often. */
function unknownCodes(entry: CoderEntry, known: ReadonlySet<string>): Problem[] {
  const uses = new Map<string, { line: number | undefined; count: number }>();
  for (const s of entry.coderFile.segments) {
    for (const code of s.codes) {
      if (known.has(code)) continue;
      const use = uses.get(code);
      if (use === undefined) uses.set(code, { line: s.line, count: 1 });
      else use.count++;
    }
  }
  return [...uses].map(([code, use]) => ({
    severity: 'warning',
    file: entry.file,
    ...(use.line !== undefined ? { line: use.line, column: 5 } : {}),
    kind: 'unknown-code',
    message: {
      en: `the code \`${code}\` (${use.count} segment(s)) is in neither codebook: brought as it is`,
      fr: `le code \`${code}\` (${use.count} segment(s)) n’est dans aucun des deux livres de codes\u00a0: repris tel quel`,
    },
    hint: {
      en: 'add it to codebook.yaml (codage codebook add), or recode these segments; codage check lists them',
      fr: 'l’ajouter à codebook.yaml (codage codebook add), ou recoder ces segments\u00a0; codage check les liste',
    },
  }));
}
