/**
 * What a participant attribute means, whatever it is called: `duration`, `durée`, `duree_min` are
 * the interview's length; `sexe`, `gender` the sex… Tableau 1 merges synonyms into one column, and
 * `codage check` reads a duration however it is named.
 */
import { foldLetters } from '../text/fold.js';

export type AttributeRole = 'sex' | 'age' | 'duration' | 'date' | 'other';

/** Folded attribute name: lowercase, no accents, `_`/`-`/spaces removed. */
export function attributeKey(name: string): string {
  return foldLetters(name).replace(/[\s_\-.()]/g, '');
}

const ROLES: [AttributeRole, string[]][] = [
  ['duration', ['duration', 'duree', 'durationmin', 'dureemin', 'dureeentretien', 'interviewduration', 'length', 'minutes']],
  ['sex', ['sexe', 'sex', 'genre', 'gender']],
  ['age', ['age', 'ageans', 'ageyears']],
  ['date', ['date', 'dateentretien', 'interviewdate']],
];

export function attributeRole(name: string): AttributeRole {
  const key = attributeKey(name);
  for (const [role, names] of ROLES) if (names.includes(key)) return role;
  return 'other';
}
