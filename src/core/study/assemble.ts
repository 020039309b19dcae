import { compareNatural } from '../natural-sort.js';
import type { AttributeValue, Attributes, Participant, Problem, StudyConfig, Transcript } from '../types.js';
import type { ParticipantRow } from './participants.js';

/**
 * Interview order: `order` in codage.yaml first, then by `date` attribute, then natural order of ids
 * (P2 before P10). Returns the transcripts sorted and the problems of the `order` list.
 */
export function interviewOrder(
  transcripts: Transcript[],
  config: StudyConfig,
  attributesOf: (id: string) => Attributes,
  configFile = 'codage.yaml',
): { ordered: Transcript[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rank = new Map<string, number>();
  const ids = new Set(transcripts.map((t) => t.id));
  (config.order ?? []).forEach((id, i) => {
    if (!ids.has(id)) {
      problems.push({
        severity: 'warning',
        file: configFile,
        kind: 'order-unknown',
        message: { en: `order lists ${id}, which has no transcript`, fr: `order cite ${id}, qui n'a pas de transcription` },
        hint: { en: `remove ${id} from order, or add transcripts/${id}.txt`, fr: `retirer ${id} de order, ou ajouter transcripts/${id}.txt` },
      });
    } else if (!rank.has(id)) rank.set(id, i);
  });
  const dateOf = (t: Transcript) => {
    const value = attributesOf(t.id).date;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const ordered = [...transcripts].sort((a, b) => {
    const ra = rank.get(a.id);
    const rb = rank.get(b.id);
    if (ra !== undefined || rb !== undefined) {
      if (ra === undefined) return 1;
      if (rb === undefined) return -1;
      return ra - rb;
    }
    const da = dateOf(a);
    const db = dateOf(b);
    if (da !== db) {
      if (da === '') return 1;
      if (db === '') return -1;
      return da < db ? -1 : 1;
    }
    return compareNatural(a.id, b.id);
  });
  return { ordered, problems };
}

function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/**
 * Merges participants.csv with each transcript's front matter. A different value for the same
 * attribute in both places is reported (the front matter wins, so quotes stay signed as written).
 */
export function mergeParticipants(
  transcripts: Transcript[],
  rows: ParticipantRow[],
  participantsFile = 'participants.csv',
): { participants: Map<string, Participant>; problems: Problem[] } {
  const problems: Problem[] = [];
  const participants = new Map<string, Participant>();
  const rowById = new Map(rows.map((row) => [row.id, row]));
  for (const transcript of transcripts) {
    const row = rowById.get(transcript.id);
    const attributes: Attributes = { ...(row?.attributes ?? {}) };
    for (const [key, value] of Object.entries(transcript.attributes)) {
      const fromCsv = row?.attributes[key];
      if (row && fromCsv !== undefined && fromCsv !== null && value !== null && !sameValue(fromCsv, value)) {
        problems.push({
          severity: 'error',
          file: participantsFile,
          line: row.line,
          kind: 'attribute-conflict',
          message: {
            en: `${transcript.id}: ${key} is ${JSON.stringify(fromCsv)} here but ${JSON.stringify(value)} in ${transcript.file}`,
            fr: `${transcript.id} : ${key} vaut ${JSON.stringify(fromCsv)} ici mais ${JSON.stringify(value)} dans ${transcript.file}`,
          },
          hint: { en: 'keep one value: correct it in one of the two files', fr: "garder une seule valeur : la corriger dans l'un des deux fichiers" },
        });
      }
      if (value !== null || attributes[key] === undefined) attributes[key] = value;
    }
    participants.set(transcript.id, { id: transcript.id, attributes });
  }
  const transcriptIds = new Set(transcripts.map((t) => t.id));
  for (const row of rows) {
    if (!transcriptIds.has(row.id)) {
      problems.push({
        severity: 'warning',
        file: participantsFile,
        line: row.line,
        column: 1,
        kind: 'participant-without-transcript',
        message: { en: `${row.id} has no transcript`, fr: `${row.id} n'a pas de transcription` },
        hint: { en: `add transcripts/${row.id}.txt, or check the spelling of the id`, fr: `ajouter transcripts/${row.id}.txt, ou vérifier l'orthographe de l'identifiant` },
      });
    }
  }
  return { participants, problems };
}
