/**
 * The methods paragraph, written from the study's real numbers: interviews and their dates and
 * durations, who coded what (double coding), segments → codes → themes, the software. Sentences
 * on saturation and agreement are added when those analyses give them.
 */
import { CONSENSUS_CODER } from '../consensus/consensus-coder.js';
import { decisionsSentence } from './consensus-sentence.js';
import { formatNumber, formatPercent } from './numbers.js';
import { inBrackets, numberPhrase } from './participants-table.js';
import type { Language } from '../types.js';
import type { StudyFacts } from './study-facts.js';
import { formatDate } from './study-facts.js';
import { capitalize, countWord, frenchSpacing, joinList } from './typography.js';

export interface MethodsExtras {
  /** A sentence on data saturation, with its method and parameters. */
  saturation?: string;
  /** A sentence on agreement between coders, with its statistic, unit and averaging. */
  agreement?: string;
}

export function methodsSentences(facts: StudyFacts, language: Language, extras: MethodsExtras = {}): string[] {
  const fr = language === 'fr';
  const n = facts.interviews;
  const out: string[] = [];

  let first = fr
    ? `${capitalize(countWord(n, language))} entretien${n > 1 ? 's ont été réalisés' : ' a été réalisé'}`
    : `${capitalize(countWord(n, language))} interview${n > 1 ? 's were' : ' was'} conducted`;
  if (facts.dates) {
    const { first: a, last: b } = facts.dates;
    // "entre le 6 février et le 2 mai 2024": the year once when both dates share it.
    const start = a.slice(0, 4) === b.slice(0, 4) ? formatDate(a, language).replace(/ \d{4}$/, '') : formatDate(a, language);
    first += a === b ? (fr ? ` le ${formatDate(a, language)}` : ` on ${formatDate(a, language)}`) : fr ? ` entre le ${start} et le ${formatDate(b, language)}` : ` between ${start} and ${formatDate(b, language)}`;
  }
  if (facts.groups && facts.groups.counts.length > 1) first += ` (${facts.groups.counts.map((g) => `${g.count} ${g.value}`).join(', ')})`;
  out.push(`${first}.`);

  const d = facts.durations.summary;
  if (d) {
    const p = numberPhrase(d, language, 0);
    const missing = facts.durations.missing > 0 ? (fr ? `durée inconnue pour ${facts.durations.missing}` : `unknown for ${facts.durations.missing}`) : undefined;
    const brackets = inBrackets([p.value === undefined ? p.centre : undefined, missing], language);
    out.push(fr ? `Ils ont duré ${p.value ?? p.range} minutes${brackets}.` : `They lasted ${p.value ?? p.range} minutes${brackets}.`);
  }

  const main = facts.coders;
  const mainCoverage = facts.coverage.filter((c) => main.includes(c.coder));
  const others = facts.coverage.filter((c) => !main.includes(c.coder) && c.interviews > 0);
  // The consensus is not a person: the coders who settled on it are named, and it as their pooling.
  const consensus = main.length === 1 && main[0] === CONSENSUS_CODER && others.length > 0 ? mainCoverage[0] : undefined;
  const coded = (consensus ? [] : mainCoverage).map((c) => (fr ? `${c.coder} a codé ${c.interviews === n ? `les ${n} entretiens` : `${c.interviews} des ${n} entretiens`}` : `${c.coder} coded ${c.interviews === n ? `all ${n} interviews` : `${c.interviews} of the ${n} interviews`}`));
  let coding = fr ? `L’analyse a été conduite avec ${facts.software}` : `The analysis was conducted with ${facts.software}`;
  if (coded.length > 0) coding += ` : ${joinList(coded, language)}`;
  if (others.length > 0) {
    const second = others.map((c) =>
      fr
        ? `${c.coder} a codé indépendamment ${c.interviews} entretien${c.interviews > 1 ? 's' : ''} sur ${n} (${formatPercent(c.interviews / n, language)})`
        : `${c.coder} independently coded ${c.interviews} of the ${n} interviews (${formatPercent(c.interviews / n, language)})`,
    );
    if (consensus) {
      // Interviews only one of them coded are copied into the consensus as that coder left them:
      // the mise en commun covers the others only.
      const copied = facts.consensusCopied ?? 0;
      const both = consensus.interviews - copied;
      if (copied > 0) {
        coding += fr
          ? ` : ${joinList(second, language)} ; le codage retenu est issu de la mise en commun de leurs codages pour ${both > 1 ? `les ${both} entretiens codés` : `l’entretien codé`} par plus d’un codeur et reprend tel quel le codage d’un seul codeur pour ${copied > 1 ? `les ${copied} autres` : `l’autre`}`
          : `: ${joinList(second, language)}; the coding reported pools their codings on the ${both > 1 ? `${both} interviews` : 'interview'} coded by more than one coder, and takes one coder’s coding as it stood for the other ${copied > 1 ? `${copied}` : 'one'}`;
      } else {
        const pooled = consensus.interviews === n ? (fr ? `les ${n} entretiens` : `all ${n} interviews`) : fr ? `${consensus.interviews} des ${n} entretiens` : `${consensus.interviews} of the ${n} interviews`;
        coding += fr
          ? ` : ${joinList(second, language)} ; le codage retenu est issu de la mise en commun de leurs codages (${pooled})`
          : `: ${joinList(second, language)}; the coding reported pools their codings (${pooled})`;
      }
    } else coding += fr ? ` ; en double codage, ${joinList(second, language)}` : `; as a second coder, ${joinList(second, language)}`;
  }
  out.push(`${coding}.`);
  // How their disagreements were settled, as the decisions log shows it (nothing when there is none).
  const settled = consensus && facts.consensusDecisions ? decisionsSentence(facts.consensusDecisions, language) : undefined;
  if (settled) out.push(settled);

  const themes = facts.themes;
  const segments = formatNumber(facts.segments, language);
  if (main.length === 0) {
    out.push(fr ? 'Aucun segment n’a encore été codé.' : 'No segment has been coded yet.');
  } else out.push(
    fr
      ? `Le codage retenu (${main.join(', ')}) compte ${segments} segment${facts.segments > 1 ? 's' : ''} codé${facts.segments > 1 ? 's' : ''}, rattachés à ${facts.codesUsed} codes${themes > 0 ? `, regroupés en ${themes} thèmes et sous-thèmes (${facts.topThemes} thèmes principaux)` : ''}.`
      : `The coding reported (${main.join(', ')}) has ${segments} coded segment${facts.segments === 1 ? '' : 's'} under ${facts.codesUsed} codes${themes > 0 ? `, grouped into ${themes} themes and sub-themes (${facts.topThemes} main themes)` : ''}.`,
  );
  if (extras.agreement) out.push(extras.agreement);
  if (extras.saturation) out.push(extras.saturation);
  return out.map((s) => frenchSpacing(s.replace(/ : /g, fr ? ' : ' : ': '), language));
}
