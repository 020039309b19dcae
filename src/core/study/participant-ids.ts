/**
 * When two transcripts name one participant. The rule is the same for `codage check`, for an
 * import (which refuses a transcript check would refuse) and for a rename: two ids are one when
 * they differ only in case, in spaces, or in how an accent is encoded (`é` as one character or
 * as `e` and its accent, as macOS names files). On Windows and macOS `P001.txt` and `p001.txt`
 * are one file, and a reader of the thesis cannot tell « … » (P001) from « … » (p001).
 */
import type { Localized, Problem, Transcript } from '../types.js';

/** A participant id as two transcripts must not share it: NFC, spaces collapsed, case aside. */
export function participantIdKey(id: string): string {
  return id.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How two ids of one key differ: in case, in spaces, in how an accent is encoded (or several). */
export function howIdsDiffer(a: string, b: string): Localized {
  const [na, nb] = [a.normalize('NFC'), b.normalize('NFC')];
  const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();
  const ways: Localized[] = [];
  if (spaced(na) !== spaced(nb)) ways.push({ en: 'in case', fr: 'par la casse' });
  if (na.toLowerCase() !== nb.toLowerCase()) ways.push({ en: 'in spaces', fr: 'par les espaces' });
  if ((na !== a) !== (nb !== b)) ways.push({ en: 'in how an accent is encoded', fr: 'par l’encodage d’un accent' });
  if (ways.length === 0) ways.push({ en: 'in case', fr: 'par la casse' });
  return { en: ways.map((w) => w.en).join(' and '), fr: ways.map((w) => w.fr).join(' et ') };
}

/**
 * The transcripts (in the order given) that keep their id, and a problem for each one whose id
 * another transcript has. The same id twice: an error on the second, which is left out (its id
 * would name two texts). Ids that differ only in case, spaces or accents' encoding: an error on
 * each of them, naming the other — the two would be one file once the study is copied to Windows
 * or macOS, and which one to rename is the researcher's choice — and both are kept, so that every
 * command (`codage participant rename` first) still reaches them.
 */
export function distinctParticipantIds<T extends Pick<Transcript, 'id' | 'file' | 'idPosition'>>(transcripts: readonly T[]): { transcripts: T[]; problems: Problem[] } {
  const kept: T[] = [];
  const problems: Problem[] = [];
  const exact = new Map<string, T>();
  const byKey = new Map<string, T[]>();
  for (const transcript of transcripts) {
    const same = exact.get(transcript.id);
    if (same !== undefined) {
      problems.push({
        severity: 'error',
        ...idPlace(transcript),
        kind: 'participant-duplicate',
        message: { en: `participant id ${transcript.id} is already used by ${same.file}`, fr: `l’identifiant ${transcript.id} est déjà celui de ${same.file}` },
        hint: { en: 'give each transcript its own id (file name or front matter "id")', fr: 'donner à chaque transcription son propre identifiant (nom du fichier ou « id » en en-tête)' },
      });
      continue;
    }
    exact.set(transcript.id, transcript);
    kept.push(transcript);
    const key = participantIdKey(transcript.id);
    byKey.set(key, [...(byKey.get(key) ?? []), transcript]);
  }
  for (const transcript of kept) {
    const other = byKey.get(participantIdKey(transcript.id))!.find((t) => t !== transcript);
    if (other !== undefined) problems.push(lookAlike(transcript, other));
  }
  return { transcripts: kept, problems };
}

/** Where a transcript's id is written: its front matter's `id:`, else its file name (line 1). */
function idPlace(transcript: Pick<Transcript, 'file' | 'idPosition'>): { file: string; line: number; column: number } {
  return { file: transcript.file, line: transcript.idPosition?.line ?? 1, column: transcript.idPosition?.column ?? 1 };
}

function lookAlike(transcript: Pick<Transcript, 'id' | 'file' | 'idPosition'>, other: Pick<Transcript, 'id' | 'file'>): Problem {
  const how = howIdsDiffer(transcript.id, other.id);
  const change: Localized =
    transcript.idPosition !== undefined
      ? { en: 'or write another id on this line', fr: 'ou écrire un autre identifiant sur cette ligne' }
      : { en: 'or rename the file', fr: 'ou renommer le fichier' };
  return {
    severity: 'error',
    ...idPlace(transcript),
    kind: 'participant-duplicate',
    message: {
      en: `participant id ${transcript.id} differs only ${how.en} from ${other.id}, the id of ${other.file}: on Windows and macOS they name one file, and a reader of the thesis cannot tell them apart`,
      fr: `l’identifiant ${transcript.id} ne diffère que ${how.fr} de ${other.id}, l’identifiant de ${other.file}\u00a0: sous Windows et macOS ils désignent un même fichier, et le lecteur de la thèse ne peut pas les distinguer`,
    },
    hint: {
      en: `the same interview twice: keep one of the two files; another participant: give one of them its own id, here with codage participant rename "${transcript.id}" NEW (every file of the study follows), ${change.en}`,
      fr: `le même entretien deux fois\u00a0: garder l’un des deux fichiers\u00a0; un autre participant\u00a0: donner à l’un des deux son propre identifiant, ici avec codage participant rename "${transcript.id}" NOUVEAU (tous les fichiers de l’étude suivent), ${change.fr}`,
    },
  };
}
