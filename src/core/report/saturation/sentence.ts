/**
 * A ready-to-paste methods paragraph on saturation, in French or English: the method cited with
 * its parameters, then the result with its numbers, per group when there are groups.
 */
import type { GuestResult } from '../../analysis/saturation/guest.js';
import type { SaturationAnalysis, SaturationLevel, SaturationReport } from '../../analysis/saturation/saturation.js';
import type { StoppingResult } from '../../analysis/saturation/stopping-rule.js';
import type { Language } from '../../types.js';
import { formatNumber } from '../numbers.js';
import { countOf, interviews, NBSP, ordinal, percent, quoted, semicolon, thresholdText, unitPlural } from './words.js';

const NEW = { en: 'new', fr: 'nouveau' };

function list(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'fr' ? ' et ' : items.length > 2 ? ', and ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins the per-group results of one method: "in group « MG » (10 interviews), …; in group …". */
function perGroup(report: SaturationReport, language: Language, result: (a: SaturationAnalysis) => string): string {
  const parts = report.analyses.map((a) => {
    const text = result(a);
    if (a.group === null) return text;
    const n = interviews(a.interviews.length, language);
    return language === 'fr' ? `dans le groupe ${quoted(a.group, language)} (${n}), ${text}` : `in group ${quoted(a.group, language)} (${n}), ${text}`;
  });
  if (parts.length === 0) return '';
  return `${capitalise(parts.join(semicolon(language)))}.`;
}

function guestIntro(report: SaturationReport, language: Language): string {
  const p = report.parameters.guest;
  const t = thresholdText(p.threshold, language);
  const unit = unitPlural(report.level, language);
  const subject = saturationOf(report.level, language);
  if (language === 'fr') {
    return `La ${subject} a été évaluée selon la méthode de Guest, Namey et Chen (2020)${NBSP}: base de ${interviews(p.base, language)}, séries de ${interviews(p.run, language)}, seuil de ${t} de nouveaux ${unit} rapportés ${
      p.denominator === 'fixed' ? `aux ${unit} de la base (dénominateur fixe)` : `à l’ensemble des ${unit} identifiés avant chaque série (dénominateur croissant)`
    }.`;
  }
  return `${capitalise(subject)} was assessed with the base, run and threshold method of Guest, Namey and Chen (2020): a base of ${interviews(p.base, language)}, runs of ${interviews(p.run, language)} and a threshold of ${t} new ${unit}, relative to ${
    p.denominator === 'fixed' ? `the ${unit} of the base (fixed denominator)` : `all the ${unit} identified before each run (growing denominator)`
  }.`;
}

function saturationOf(level: SaturationLevel, language: Language): string {
  if (language === 'fr') return level === 'code' ? 'saturation des codes' : 'saturation des thèmes';
  return level === 'code' ? 'code saturation' : 'theme saturation';
}

/** "interviews 9 and 10", "les 9e et 10e entretiens", "interview 9". */
function runInterviews(first: number, last: number, language: Language): string {
  const ranks = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (language === 'fr') return ranks.length === 1 ? `le ${ordinal(first, language)} entretien` : `les ${list(ranks.map((r) => ordinal(r, language)), language)} entretiens`;
  return ranks.length === 1 ? `interview ${first}` : `interviews ${list(ranks.map(String), language)}`;
}

function denominatorText(r: GuestResult, level: SaturationLevel, language: Language, after: number, denominator: number): string {
  const of = countOf(denominator, level, language);
  if (r.parameters.denominator === 'fixed') return language === 'fr' ? `des ${of} de la base` : `of the ${of} of the base`;
  return language === 'fr' ? `des ${of} identifiés dans les ${after} premiers entretiens` : `of the ${of} identified in the first ${interviews(after, language)}`;
}

function guestResult(a: SaturationAnalysis, level: SaturationLevel, language: Language): string {
  const r = a.guest;
  const fr = language === 'fr';
  const n = a.interviews.length;
  // In a group, the group's count of interviews is already said.
  const over = a.group !== null ? '' : fr ? ` sur les ${interviews(n, language)}` : ` in the ${interviews(n, language)}`;
  if (r.saturation !== null) {
    const run = r.saturation.run;
    const at = fr
      ? `la saturation a été atteinte au ${ordinal(r.saturation.after, language)} entretien (${r.saturation.label})${NBSP}: `
      : `saturation was reached at the ${ordinal(r.saturation.after, language)} interview (${r.saturation.label}): `;
    const who = runInterviews(run.first, run.last, language);
    const unit = level === 'code' ? 'code' : fr ? 'thème' : 'theme';
    // New codes after the run: the method does not look at them, the reader of the thesis should.
    let later = '';
    if (r.newAfter.length > 0) {
      const after = r.newAfter.map((x, i) => (fr ? `${formatNumber(x.newCodes, language)} au ${ordinal(x.rank, language)}${i === 0 ? ' entretien' : ''}` : `${formatNumber(x.newCodes, language)} in the ${ordinal(x.rank, language)}${i === 0 ? ' interview' : ''}`));
      later = fr
        ? `, mais de nouveaux ${unitPlural(level, language)} sont encore apparus ensuite (${list(after, language)})`
        : `, but new ${unitPlural(level, language)} still appeared afterwards (${list(after, language)})`;
    }
    if (run.newCodes === 0) {
      return at + (fr ? `${who} n’${run.last > run.first ? 'ont' : 'a'} apporté aucun nouveau ${unit}` : `${who} brought no new ${unit}`) + later;
    }
    const share = `${percent(run.ratio ?? 0, language, 1)} ${denominatorText(r, level, language, run.after, run.denominator)}`;
    const brought = countOf(run.newCodes, level, language, NEW);
    return at + (fr ? `${who} ${run.last > run.first ? 'ont' : 'a'} apporté ${brought} (${share})` : `${who} brought ${brought} (${share})`) + later;
  }
  if (r.missing?.kind === 'base') {
    const count = a.group !== null ? '' : `${interviews(n, language)}, `;
    return fr
      ? `la saturation n’a pas pu être évaluée (${count}moins qu’une base de ${r.parameters.base} et une série de ${r.parameters.run})`
      : `saturation could not be assessed (${count}fewer than a base of ${r.parameters.base} and a run of ${r.parameters.run})`;
  }
  if (r.missing?.kind === 'run' && r.runs.length === 0) {
    // The base is there, but not yet a whole run of interviews after it.
    return fr
      ? `la saturation n’a pas encore pu être évaluée (pas de série de ${interviews(r.parameters.run, language)} après la base de ${interviews(r.parameters.base, language)})`
      : `saturation could not be assessed yet (no run of ${interviews(r.parameters.run, language)} after the base of ${interviews(r.parameters.base, language)})`;
  }
  if (r.missing?.kind === 'empty-base' || r.runs.length === 0) {
    return fr ? `la saturation n’a pas pu être évaluée (aucun ${level === 'code' ? 'code' : 'thème'} dans la base)` : `saturation could not be assessed (no ${level} in the base)`;
  }
  const last = r.runs[r.runs.length - 1]!;
  const share = last.ratio === null ? '' : `, ${percent(last.ratio, language, 1)} ${denominatorText(r, level, language, last.after, last.denominator)}`;
  return fr
    ? `la saturation n’a pas été atteinte${over} (dernière série, ${runInterviews(last.first, last.last, language)}${NBSP}: ${countOf(last.newCodes, level, language, NEW)}${share})`
    : `saturation was not reached${over} (last run, ${runInterviews(last.first, last.last, language)}: ${countOf(last.newCodes, level, language, NEW)}${share})`;
}

function stoppingIntro(report: SaturationReport, language: Language): string {
  const p = report.parameters.stopping;
  const unit = report.level === 'code' ? 'code' : language === 'fr' ? 'thème' : 'theme';
  if (p.initial === 0) {
    return language === 'fr'
      ? `L’arrêt du recueil a été jugé sur l’absence de nouveau ${unit} dans ${interviews(p.stop, language)} consécutifs.`
      : `Data collection was judged complete when ${interviews(p.stop, language)} in a row brought no new ${unit}.`;
  }
  return language === 'fr'
    ? `La règle d’arrêt de Francis et al. (2010) a également été appliquée${NBSP}: un échantillon initial de ${interviews(p.initial, language)}, puis ${interviews(p.stop, language)} consécutifs sans nouveau ${unit}.`
    : `The stopping rule of Francis et al. (2010) was also applied: an initial sample of ${interviews(p.initial, language)}, then ${interviews(p.stop, language)} in a row without a new ${unit}.`;
}

function stoppingResult(a: SaturationAnalysis, level: SaturationLevel, language: Language): string {
  const r: StoppingResult = a.stopping;
  const fr = language === 'fr';
  const unit = level === 'code' ? 'code' : fr ? 'thème' : 'theme';
  const last = r.lastNewCode === null ? '' : fr ? `le dernier nouveau ${unit} est apparu au ${ordinal(r.lastNewCode, language)} entretien` : `the last new ${unit} appeared in the ${ordinal(r.lastNewCode, language)} interview`;
  if (r.metAt === null) {
    const n = interviews(a.interviews.length, language);
    const over = a.group !== null ? '' : fr ? ` sur les ${n}` : ` in the ${n}`;
    return fr ? `ce critère n’a pas été atteint${over}${last ? ` (${last})` : ''}` : `this criterion was not met${over}${last ? ` (${last})` : ''}`;
  }
  if (r.newAfter.length > 0) {
    const after = r.newAfter.map((x, i) => (fr ? `${formatNumber(x.newCodes, language)} au ${ordinal(x.rank, language)}${i === 0 ? ' entretien' : ''}` : `${formatNumber(x.newCodes, language)} in the ${ordinal(x.rank, language)}${i === 0 ? ' interview' : ''}`));
    return fr
      ? `ce critère a été atteint au ${ordinal(r.metAt, language)} entretien, mais de nouveaux ${unitPlural(level, language)} sont encore apparus ensuite (${list(after, language)})`
      : `this criterion was met at the ${ordinal(r.metAt, language)} interview, but new ${unitPlural(level, language)} still appeared afterwards (${list(after, language)})`;
  }
  if (r.parameters.initial === 0) {
    return fr
      ? `aucun nouveau ${unit} n’est apparu dans les ${interviews(r.streakAtEnd, language)} qui ont suivi le ${ordinal(r.lastNewCode ?? 1, language)}, le critère étant atteint au ${ordinal(r.metAt, language)} entretien`
      : `no new ${unit} appeared in the ${interviews(r.streakAtEnd, language)} after the ${ordinal(r.lastNewCode ?? 1, language)}, the criterion being met at the ${ordinal(r.metAt, language)} interview`;
  }
  return fr ? `ce critère a été atteint au ${ordinal(r.metAt, language)} entretien${last ? `${semicolon(language)}${last}` : ''}` : `this criterion was met at the ${ordinal(r.metAt, language)} interview${last ? `; ${last}` : ''}`;
}

function sharesResult(a: SaturationAnalysis, level: SaturationLevel, language: Language): string {
  const fr = language === 'fr';
  const reached = a.shares.filter((s) => s.rank !== null);
  if (reached.length === 0) return fr ? `aucun ${level === 'code' ? 'code' : 'thème'} n’a été identifié` : `no ${level} was identified`;
  // Shares reached at the same interview are said together: "90 % and 95 % by the 6th".
  const byRank: { rank: number; shares: string[]; all: boolean }[] = [];
  for (const s of reached) {
    const share = s.percent === 100 ? (fr ? 'la totalité' : 'all') : percent(s.percent / 100, language, Number.isInteger(s.percent) ? 0 : 1);
    const same = byRank[byRank.length - 1];
    if (same?.rank === s.rank) {
      same.shares.push(share);
      same.all ||= s.percent === 100;
    } else byRank.push({ rank: s.rank!, shares: [share], all: s.percent === 100 });
  }
  const parts = byRank.map((g, i) => {
    const shares = list(g.shares, language);
    const rank = ordinal(g.rank, language);
    if (i > 0) return fr ? `${shares} au ${rank}` : `${shares} by the ${rank}`;
    const verb = g.shares.length === 1 && g.all ? 'était apparue' : 'étaient apparus';
    return fr ? `${shares} ${verb} au ${rank} entretien` : `${shares} had appeared by the ${rank} interview`;
  });
  const found = countOf(a.final, level, language);
  const n = interviews(a.interviews.length, language);
  // "90 % by the 3rd, 95 % and all by the 5th": no "and" between parts that have their own.
  const said = byRank.some((g) => g.shares.length > 1) ? parts.join(', ') : list(parts, language);
  if (a.group !== null) return fr ? `sur ${found}, ${said}` : `of ${found}, ${said}`;
  return fr ? `sur les ${found} identifiés dans les ${n}, ${said}` : `of the ${found} identified in the ${n}, ${said}`;
}

function sharesSentence(report: SaturationReport, language: Language): string {
  const body = perGroup(report, language, (a) => sharesResult(a, report.level, language));
  const cite = language === 'fr' ? ' (Guest, Bunce et Johnson, 2006)' : ' (Guest, Bunce and Johnson, 2006)';
  return body.replace(/\.$/, `${cite}.`);
}

/** The methods paragraph for the methods reported, in one language. */
export function saturationSentence(report: SaturationReport, language: Language): string {
  const sentences: string[] = [];
  if (report.analyses.length === 0) {
    return language === 'fr'
      ? `La ${saturationOf(report.level, language)} n’a pas pu être évaluée${NBSP}: aucun entretien n’est codé.`
      : `${capitalise(saturationOf(report.level, language))} could not be assessed: no interview is coded.`;
  }
  if (report.methods.includes('guest')) {
    sentences.push(guestIntro(report, language), perGroup(report, language, (a) => guestResult(a, report.level, language)));
  }
  if (report.methods.includes('stopping')) {
    sentences.push(stoppingIntro(report, language), perGroup(report, language, (a) => stoppingResult(a, report.level, language)));
  }
  if (report.methods.includes('shares')) sentences.push(sharesSentence(report, language));
  return sentences.join(' ');
}
