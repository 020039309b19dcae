/**
 * The sentence of the methods (and of COREQ item 24) on how the two coders' disagreements were
 * settled, from the decisions log of their mise en commun: examined one by one and decided by the
 * people the log names, or settled automatically by a `codage reconcile --strategy` rule (which),
 * or both, with the log's name. Nothing is said that the log does not show: no log, no sentence.
 */
import { type DecisionsSummary, peopleNamed } from '../consensus/summary.js';
import type { Strategy } from '../consensus/strategy.js';
import type { Language } from '../types.js';
import { capitalize, deName, joinList } from './typography.js';

/** What a rule keeps, in words: `les deux codages gardés`. */
function ruleOutcome(strategy: Strategy, coders: [string, string] | undefined, language: Language): string {
  const fr = language === 'fr';
  switch (strategy) {
    case 'union':
      return fr ? 'les deux codages gardés' : 'both codings kept';
    case 'intersection':
      return fr ? 'seuls les codages communs aux deux codeurs gardés' : 'only what both coders coded alike kept';
    case 'prefer-a':
    case 'prefer-b': {
      const name = coders?.[strategy === 'prefer-a' ? 0 : 1];
      if (name === undefined) return fr ? `codage du ${strategy === 'prefer-a' ? 'premier' : 'second'} codeur gardé` : `the ${strategy === 'prefer-a' ? 'first' : 'second'} coder’s coding kept`;
      return fr ? `codage ${deName(name)} gardé` : `${name}’s coding kept`;
    }
  }
}

/** `ont été examinés un à un et tranchés par marie et paul` (count > 1) or its singular. */
function byPeople(count: number, who: readonly string[], language: Language): string {
  const people = peopleNamed(who);
  const by = people.length > 0 ? (language === 'fr' ? ` par ${joinList(people, language)}` : ` by ${joinList(people, language)}`) : '';
  if (language === 'fr') return count > 1 ? `ont été examinés un à un et tranchés${by}` : `a été examiné et tranché${by}`;
  return count > 1 ? `were examined one by one and settled${by}` : `was examined and settled${by}`;
}

/**
 * `ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de
 * codage reconcile, choisie par marie et paul (les deux codages gardés)`: who chose the rule when
 * `--who` named them (the rule decided each disagreement, they decided to apply it).
 */
function byRule(count: number, strategy: Strategy, coders: [string, string] | undefined, who: readonly string[], language: Language): string {
  const outcome = ruleOutcome(strategy, coders, language);
  const people = peopleNamed(who);
  if (language === 'fr') {
    const chosen = people.length > 0 ? `, choisie par ${joinList(people, language)}` : '';
    return `${count > 1 ? 'ont été tranchés' : 'a été tranché'} automatiquement, sans examen au cas par cas, par la stratégie «\u00a0${strategy}\u00a0» de codage reconcile${chosen} (${outcome})`;
  }
  const chosen = people.length > 0 ? `, chosen by ${joinList(people, language)}` : '';
  return `${count > 1 ? 'were' : 'was'} settled automatically, without examining each one, by codage reconcile’s strategy “${strategy}”${chosen} (${outcome})`;
}

/** `text` with its full stop, not a second one after a name ending with its own (`Paul L.`). */
const stop = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const plural = (n: number, fr: boolean) => (fr ? `${n} désaccord${n > 1 ? 's' : ''}` : `${n} disagreement${n > 1 ? 's' : ''}`);

/** The sentence (ending with its full stop), or undefined when the log holds no decision and no total is known. */
export function decisionsSentence(summary: DecisionsSummary, language: Language): string | undefined {
  const fr = language === 'fr';
  const parts = [
    ...(summary.byPeople > 0 ? [{ count: summary.byPeople, verb: byPeople(summary.byPeople, summary.who, language) }] : []),
    ...summary.byStrategy.map((s) => ({ count: s.count, verb: byRule(s.count, s.strategy, summary.coders, s.who ?? [], language) })),
  ];
  // The log in a sentence of its own: the parts end with their own brackets.
  const log = fr ? ` Les décisions sont consignées dans le journal ${summary.log}.` : ` The decisions are recorded in the log ${summary.log}.`;
  const { total, pending = 0 } = summary;
  if (parts.length === 0) {
    if (total === undefined || total === 0) return undefined;
    return fr
      ? `Aucun des ${plural(total, fr)} entre les codeurs n’a encore été tranché.`
      : `None of the ${plural(total, fr)} between the coders has been settled yet.`;
  }
  const left = pending > 0 ? (fr ? `\u202f; ${pending} ${pending > 1 ? 'restent' : 'reste'} à trancher` : `; ${pending} ${pending > 1 ? 'remain' : 'remains'} to be settled`) : '';
  if (parts.length === 1 && total !== undefined && pending === 0) {
    // Every disagreement, the same way.
    const only = parts[0]!;
    const subject = fr ? (total > 1 ? `Les ${total} désaccords entre les codeurs` : 'Le désaccord entre les codeurs') : total > 1 ? `The ${total} disagreements between the coders` : 'The disagreement between the coders';
    return `${stop(`${subject} ${only.verb}`)}${log}`;
  }
  const listed = parts.map((p, i) => (i === 0 && total === undefined ? `${plural(p.count, fr)} ${p.verb}` : `${p.count} ${p.verb}`));
  // `;` between the parts: a part's own list of names has its `et`/`and`.
  const body = listed.join(fr ? '\u202f; ' : '; ');
  if (total !== undefined) {
    return fr ? `${stop(`Sur les ${plural(total, fr)} entre les codeurs, ${body}${left}`)}${log}` : `${stop(`Of the ${plural(total, fr)} between the coders, ${body}${left}`)}${log}`;
  }
  return `${stop(`${capitalize(body)}${left}`)}${log}`;
}

