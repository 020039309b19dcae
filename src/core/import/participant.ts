/**
 * Which transcript a spreadsheet's participant cell means: `P1` = `P01` = `p001`,
 * and "participant 4", "entretien 4", "E4" or "4" mean the only transcript numbered 4; `MG1` means
 * the transcript `Entretien MG1` (named after its Word file), and `Dr B. (MG3)` the one `MG3` means.
 */
import type { Localized } from '../types.js';
import { foldForSearch } from '../text/fold.js';

export type ParticipantResolution = { id: string } | { id: null; reason: Localized };

/** Lowercase, no accents, no spaces or punctuation, no leading zeros in numbers: `P 01` → `p1`. */
function key(s: string): string {
  return foldForSearch(s)
    .replace(/\.(txt|md|docx?|odt|rtf)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}

/** Words that only say "the participant numbered": participant 4, entretien n° 4, E4, int. 4. */
const GENERIC =
  /^(?:participant|participante|entretien|interview|interviewe|interviewee|repondant|repondante|respondent|sujet|patient|patiente|medecin|cas|int|e|p|n|no|num|numero)*$/;

/** Words a transcript's file name puts around the participant's code: `Entretien MG1`, `MG1 retranscription`. */
const FILE_WORDS = /^(?:(?:entretien|entretiens|interview|transcription|retranscription|transcript|verbatim|verbatims)(?:[ _-]+|$))+|(?:[ _-]+(?:entretien|interview|transcription|retranscription|transcript|verbatim|verbatims))+$/giu;

function numberIn(s: string): number | null {
  const digits = s.match(/\d+/g);
  return digits !== null && digits.length === 1 ? Number(digits[0]) : null;
}

export class ParticipantResolver {
  private readonly ids: string[];
  private readonly exact = new Set<string>();
  private readonly lower = new Map<string, string[]>();
  private readonly keyed = new Map<string, string[]>();
  private readonly numbered = new Map<number, string[]>();
  /** By the key of the id without the words a file name puts around the code (`Entretien MG1` → `mg1`). */
  private readonly bare = new Map<string, string[]>();
  private readonly cache = new Map<string, ParticipantResolution>();

  constructor(ids: readonly string[]) {
    this.ids = [...ids];
    const add = (m: Map<string | number, string[]>, k: string | number, id: string): void => {
      const list = m.get(k);
      if (list === undefined) m.set(k, [id]);
      else if (!list.includes(id)) list.push(id);
    };
    for (const id of ids) {
      this.exact.add(id);
      add(this.lower as Map<string | number, string[]>, id.toLowerCase(), id);
      add(this.keyed as Map<string | number, string[]>, key(id), id);
      const bare = foldForSearch(id).replace(FILE_WORDS, '');
      if (bare !== '' && key(bare) !== key(id)) add(this.bare as Map<string | number, string[]>, key(bare), id);
      const n = numberIn(id);
      if (n !== null) add(this.numbered as Map<string | number, string[]>, n, id);
    }
  }

  resolve(cell: string): ParticipantResolution {
    const cached = this.cache.get(cell);
    if (cached !== undefined) return cached;
    const result = this.compute(cell.trim());
    this.cache.set(cell, result);
    return result;
  }

  private compute(cell: string): ParticipantResolution {
    const found = this.find(cell);
    if (found !== undefined) return found;
    // `Dr B. (MG3)`, `MG5 (F, 52 ans)`: the code beside a name or details, when only one part names a transcript.
    const parts = /^([^()]*)\(([^()]+)\)\s*$/.exec(cell);
    if (parts !== null) {
      const ids = new Set([parts[1]!.trim(), parts[2]!.trim()].map((p) => (p === '' ? null : this.find(p)?.id)).filter((id) => typeof id === 'string'));
      if (ids.size === 1) return { id: [...ids][0]! };
    }
    return this.unknown(cell);
  }

  /** The transcript `cell` names by itself; undefined when none is found. */
  private find(cell: string): ParticipantResolution | undefined {
    if (cell === '') {
      return { id: null, reason: { en: 'No participant in this row.', fr: 'Pas de participant sur cette ligne.' } };
    }
    if (this.exact.has(cell)) return { id: cell };
    for (const candidates of [this.lower.get(cell.toLowerCase()), this.keyed.get(key(cell)), this.bare.get(key(cell))]) {
      if (candidates?.length === 1) return { id: candidates[0]! };
    }
    const k = key(cell);
    const n = numberIn(k);
    if (n !== null && GENERIC.test(k.replace(/\d+/, ''))) {
      const candidates = this.numbered.get(n) ?? [];
      if (candidates.length === 1) return { id: candidates[0]! };
      if (candidates.length > 1) {
        const list = candidates.join(', ');
        return {
          id: null,
          reason: {
            en: `"${cell}" could be several transcripts: ${list}. Write the participant id as in the transcripts.`,
            fr: `«\u00a0${cell}\u00a0» peut désigner plusieurs entretiens\u00a0: ${list}. Écrivez l’identifiant du participant comme dans les entretiens.`,
          },
        };
      }
    }
    return undefined;
  }

  private unknown(cell: string): ParticipantResolution {
    const known = this.ids.slice(0, 8).join(', ') + (this.ids.length > 8 ? '…' : '');
    return {
      id: null,
      reason: {
        en: `No transcript for participant "${cell}" (transcripts: ${known}).`,
        fr: `Aucun entretien pour le participant «\u00a0${cell}\u00a0» (entretiens\u00a0: ${known}).`,
      },
    };
  }
}

/** Whether a participant cell is the id written another way only by case, spaces, punctuation or leading zeros (`p 01` for `P1`). */
export function writtenAsId(cell: string, id: string): boolean {
  return key(cell) === key(id);
}

/**
 * The participant code in an id made from a file's name, `Entretien MG1` → `MG1`; undefined when
 * the id has no such words around a code.
 */
export function codeInFileName(id: string): string | undefined {
  const bare = id.replace(FILE_WORDS, '').trim();
  return bare !== '' && bare !== id.trim() && /^[\p{L}]{1,4}[ -]?\d{1,3}$/u.test(bare) ? bare : undefined;
}

