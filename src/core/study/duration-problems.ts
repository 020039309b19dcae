/**
 * The interview durations codage does not count, said where they are written. Tableau 1 and the
 * Methods' "interviews lasted from … to … minutes" count a participant's duration only when the
 * duration reader (`readDuration`) reads it one way: `4:30` (4 h 30 or 4 min 30 s) or `environ
 * une heure` would silently drop out of the mean, as an ambiguous date drops out of the
 * interview order. Each is a warning at its place — the front matter's value, else the cell of
 * participants.csv — with what to write instead.
 */
import { formatDecimal } from '../report/numbers.js';
import { attributeRole } from './attribute-roles.js';
import type { Attributes, Problem, Transcript } from '../types.js';
import { LONGEST_INTERVIEW, readDuration, SHORTEST_INTERVIEW } from './interview-duration.js';
import type { SourcePosition } from './interview-order.js';

export interface DurationProblemsInput {
  transcripts: readonly Pick<Transcript, 'id' | 'file'>[];
  /** A participant's attributes: participants.csv and the front matter merged. */
  attributesOf: (id: string) => Attributes;
  /** Where a participant's attribute is written (front matter, else participants.csv). */
  sourceOf?: (id: string, attribute: string) => SourcePosition;
}

/** A warning for each duration attribute (`duration`, `durée`, `duree`…) that is written but not counted. */
export function durationProblems(input: DurationProblemsInput): Problem[] {
  const problems: Problem[] = [];
  for (const t of input.transcripts) {
    for (const [key, written] of Object.entries(input.attributesOf(t.id))) {
      if (attributeRole(key) !== 'duration' || written === null || (typeof written === 'string' && written.trim() === '')) continue;
      const read = readDuration(written);
      if (typeof read === 'number') continue;
      const where = input.sourceOf?.(t.id, key) ?? { file: t.file };
      const shown = String(written);
      if (read === undefined) {
        problems.push({
          severity: 'warning',
          ...where,
          kind: 'duration-invalid',
          message: {
            en: `the duration of ${t.id} (${key}: "${shown}") is not a duration codage reads: it is not counted in the interviews' length`,
            fr: `la durée de ${t.id} (${key}\u00a0: «\u00a0${shown}\u00a0») n’est pas une durée que codage sait lire\u00a0: elle n’est pas comptée dans la durée des entretiens`,
          },
          hint: { en: 'write it in minutes: 42, 42 min, 1 h 05 or 00:42:10', fr: 'l’écrire en minutes\u00a0: 42, 42 min, 1 h 05 ou 00:42:10' },
        });
        continue;
      }
      const [hours, minutes] = read.readings;
      const en = (n: number) => formatDecimal(n, 'en');
      const fr = (n: number) => formatDecimal(n, 'fr');
      problems.push({
        severity: 'warning',
        ...where,
        kind: 'duration-ambiguous',
        message: {
          en: `the duration of ${t.id} (${key}: "${shown}") reads hours:minutes (${en(hours)} minutes) or minutes:seconds (${en(minutes)} minutes), and neither is an interview's length (${SHORTEST_INTERVIEW} minutes to ${LONGEST_INTERVIEW / 60} hours): it is not counted in the interviews' length`,
          fr: `la durée de ${t.id} (${key}\u00a0: «\u00a0${shown}\u00a0») se lit heures:minutes (${fr(hours)} minutes) ou minutes:secondes (${fr(minutes)} minutes), et aucune n’est la durée d’un entretien (de ${SHORTEST_INTERVIEW} minutes à ${LONGEST_INTERVIEW / 60} heures)\u00a0: elle n’est pas comptée dans la durée des entretiens`,
        },
        hint: { en: `write the minutes: ${en(hours)} or ${en(minutes)}`, fr: `écrire les minutes\u00a0: ${fr(hours)} ou ${fr(minutes)}` },
      });
    }
  }
  return problems;
}
