import type { AttributeValue, Attributes, Participant, Problem, Transcript } from '../types.js';
import type { ParticipantRow } from './participants.js';
import { parseInterviewDate } from './interview-date.js';
import { ParticipantResolver } from '../import/participant.js';

/** The same value written two ways: case and spaces aside, or one date (`15/01/2024` and `2024-01-15`). */
function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (String(a).trim().toLowerCase() === String(b).trim().toLowerCase()) return true;
  const date = parseInterviewDate(a);
  return typeof date === 'string' && date === parseInterviewDate(b);
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
            fr: `${transcript.id} : ${key} vaut « ${String(fromCsv)} » ici mais « ${String(value)} » dans ${transcript.file}`,
          },
          hint: { en: 'keep one value: correct it in one of the two files', fr: 'garder une seule valeur : la corriger dans l’un des deux fichiers' },
        });
      }
      if (value !== null || attributes[key] === undefined) attributes[key] = value;
    }
    participants.set(transcript.id, { id: transcript.id, attributes });
  }
  const transcriptIds = new Set(transcripts.map((t) => t.id));
  let resolver: ParticipantResolver | undefined;
  for (const row of rows) {
    if (!transcriptIds.has(row.id)) {
      // `MG1` for the transcript `Entretien MG1` (named after its Word file): say which, and how to join them.
      resolver ??= new ParticipantResolver(transcripts.map((t) => t.id));
      const meant = transcripts.find((t) => t.id === resolver!.resolve(row.id).id);
      problems.push({
        severity: 'warning',
        file: participantsFile,
        line: row.line,
        column: 1,
        kind: 'participant-without-transcript',
        ...(meant !== undefined
          ? {
              message: { en: `${row.id} has no transcript: ${meant.file} has the id "${meant.id}"`, fr: `${row.id} n’a pas de transcription\u00a0: ${meant.file} a l’identifiant «\u00a0${meant.id}\u00a0»` },
              hint: {
                en: `write ${meant.id} here (or, while nothing is coded in it, id: ${row.id} in the front matter of ${meant.file})`,
                fr: `écrire ${meant.id} ici (ou, tant que rien n’y est codé, id: ${row.id} dans l’en-tête de ${meant.file})`,
              },
            }
          : {
              message: { en: `${row.id} has no transcript`, fr: `${row.id} n’a pas de transcription` },
              hint: { en: `add transcripts/${row.id}.txt, or check the spelling of the id`, fr: `ajouter transcripts/${row.id}.txt, ou vérifier l’orthographe de l’identifiant` },
            }),
      });
    }
  }
  return { participants, problems };
}

/**
 * Where a participant's attribute is written, for messages about its value: the front matter
 * (which wins over participants.csv), else the participant's row and the attribute's column.
 */
export function attributeSource(
  transcript: Transcript,
  row: ParticipantRow | undefined,
  columns: string[],
  key: string,
  participantsFile = 'participants.csv',
): { file: string; line?: number; column?: number } {
  if (transcript.attributes[key] !== undefined && transcript.attributes[key] !== null) {
    return { file: transcript.file, ...transcript.attributePositions?.[key] };
  }
  if (row !== undefined && row.attributes[key] !== undefined) {
    const index = columns.indexOf(key);
    return { file: participantsFile, line: row.line, ...(index === -1 ? {} : { column: index + 2 }) };
  }
  return { file: transcript.file };
}
