/**
 * What the coders decided about a disagreement in their "mise en commun": keep A's coding, B's,
 * both, neither, only the text both coded (boundaries), or their own edit — with a note, who
 * decided and when. A decision names its disagreement by the disagreement's key; a decision
 * whose key no longer matches any disagreement (a coder file changed since) is stale: kept in
 * the log, not applied.
 */
import { deName } from '../report/typography.js';
import type { Disagreement } from '../analysis/agreement/disagreements.js';
import type { Localized } from '../types.js';

export type Choice = 'keep-a' | 'keep-b' | 'both' | 'neither' | 'common' | 'edit';

export const CHOICES: readonly Choice[] = ['keep-a', 'keep-b', 'both', 'neither', 'common', 'edit'];

/** A coding the coders wrote themselves: codes on a span, in code points. */
export interface EditedCoding {
  start: number;
  end: number;
  codes: string[];
}

export interface Decision {
  key: string;
  /** Null: not decided yet (a note was written, or the disagreement was skipped with a note). */
  choice: Choice | null;
  /** The codings kept, for `edit`. */
  edited?: EditedCoding[];
  note?: string;
  who: string;
  /** ISO 8601. */
  when: string;
}

/** The choices that make sense for a disagreement (`common` only when both coded the code). */
export function choicesFor(d: Disagreement): Choice[] {
  return d.kind === 'boundaries' ? [...CHOICES] : CHOICES.filter((c) => c !== 'common');
}

export function isDecided(decision: Decision | undefined): decision is Decision & { choice: Choice } {
  return decision !== undefined && decision.choice !== null;
}

export function choiceLabel(choice: Choice, a: string, b: string): Localized {
  switch (choice) {
    case 'keep-a':
      return { en: `keep ${a}'s coding`, fr: `codage ${deName(a)} gardé` };
    case 'keep-b':
      return { en: `keep ${b}'s coding`, fr: `codage ${deName(b)} gardé` };
    case 'both':
      return { en: 'keep both', fr: 'les deux gardés' };
    case 'neither':
      return { en: 'keep neither', fr: 'aucun gardé' };
    case 'common':
      return { en: 'keep the text both coded', fr: 'texte codé par les deux gardé' };
    case 'edit':
      return { en: 'edited together', fr: 'modifié ensemble' };
  }
}

/** `120-340:impuissance+epuisement;400-420:humour` ↔ edited codings (code points, code ids). */
export function formatEdited(codings: readonly EditedCoding[]): string {
  return codings.map((c) => `${c.start}-${c.end}:${c.codes.join('+')}`).join(';');
}

export function parseEdited(text: string): EditedCoding[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const out: EditedCoding[] = [];
  for (const part of trimmed.split(';')) {
    const m = /^\s*(\d+)-(\d+):([^;]+?)\s*$/.exec(part);
    if (!m) return null;
    const start = Number(m[1]);
    const end = Number(m[2]);
    const codes = m[3]!.split('+').map((c) => c.trim());
    if (end <= start || codes.some((c) => c === '')) return null;
    out.push({ start, end, codes });
  }
  return out;
}
