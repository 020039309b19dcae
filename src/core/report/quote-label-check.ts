/**
 * A `quote_label` field that no participant has (`{age}` where participants.csv says `âge` is
 * found, but `{agee}` is not): every quote would be signed without it — `(MG4, H, ans)` — and
 * nothing else would say so. One warning per field, at its place in codage.yaml, with the
 * attributes the study has.
 */
import { foldLetters } from '../text/fold.js';
import type { Participant, Problem, StudyConfig } from '../types.js';
import { labelAttribute, labelFields } from './quotes.js';

/** Fields every label knows without an attribute. */
const BUILT_IN = new Set(['id', 'n']);

export function quoteLabelProblems(config: Pick<StudyConfig, 'quoteLabel' | 'quoteLabelAt'>, participants: Iterable<Participant>): Problem[] {
  const template = config.quoteLabel;
  if (template === undefined) return [];
  const keys = new Set<string>();
  for (const p of participants) for (const [key, value] of Object.entries(p.attributes)) if (value !== null && value !== '') keys.add(key);
  const known = [...keys].sort();
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const field of labelFields(template)) {
    if (BUILT_IN.has(field) || seen.has(field) || labelAttribute(known, field) !== undefined) continue;
    seen.add(field);
    // The attribute it most likely means: the one its letters begin with, or that begins with them.
    const folded = foldLetters(field);
    const near = known.find((k) => foldLetters(k).startsWith(folded) || folded.startsWith(foldLetters(k)));
    const list = known.length === 0 ? { en: 'none', fr: 'aucun' } : { en: known.join(', '), fr: known.join(', ') };
    problems.push({
      severity: 'warning',
      file: 'codage.yaml',
      ...(config.quoteLabelAt ?? {}),
      kind: 'quote-label-field',
      message: {
        en: `quote_label names {${field}}, which no participant has: quotes are signed without it`,
        fr: `quote_label nomme {${field}}, qu’aucun participant n’a : les verbatims sont signés sans`,
      },
      hint: {
        en: `${near === undefined ? 'name' : `write {${near}}, or name`} one of the participants' attributes (${list.en}), {id} or {n}`,
        fr: `${near === undefined ? 'nommer' : `écrire {${near}}, ou nommer`} un des attributs des participants (${list.fr}), {id} ou {n}`,
      },
    });
  }
  return problems;
}
