/**
 * The words every saturation output shares, in French and English: what is counted (codes or
 * themes), ordinals, method names with their parameters, the references to cite.
 */
import type { GuestParameters } from '../../analysis/saturation/guest.js';
import type { SaturationLevel, SaturationMethod, SaturationReport } from '../../analysis/saturation/saturation.js';
import type { StoppingParameters } from '../../analysis/saturation/stopping-rule.js';
import type { Language } from '../../types.js';
import { formatNumber, formatPercent } from '../numbers.js';

export const NBSP = '\u00a0';
/** Narrow no-break space: before ; ! ? in French. */
export const NNBSP = '\u202f';

/** `1st`, `2nd`, `11th`; `1er`, `2e`. */
export function ordinal(n: number, language: Language): string {
  if (language === 'fr') return n === 1 ? '1er' : `${n}e`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** "3 codes", "1 code", "1 thème"… */
export function countOf(n: number, level: SaturationLevel, language: Language, adjective?: { en: string; fr: string }): string {
  const noun = level === 'code' ? 'code' : language === 'fr' ? 'thème' : 'theme';
  const plural = n > 1 || (language === 'en' && n === 0);
  const adj = adjective ? `${adjective[language]}${plural && language === 'fr' ? 'x' : ''} ` : '';
  return `${formatNumber(n, language)} ${adj}${noun}${plural ? 's' : ''}`;
}

/** "1 interview", "12 entretiens". */
export function interviews(n: number, language: Language): string {
  if (language === 'fr') return `${formatNumber(n, language)} entretien${n > 1 ? 's' : ''}`;
  return `${formatNumber(n, language)} interview${n === 1 ? '' : 's'}`;
}

export function unitPlural(level: SaturationLevel, language: Language): string {
  return level === 'code' ? 'codes' : language === 'fr' ? 'thèmes' : 'themes';
}

/** "Code saturation" / "Saturation des thèmes". */
export function saturationTitle(level: SaturationLevel, language: Language): string {
  if (language === 'fr') return level === 'code' ? 'Saturation des codes' : 'Saturation des thèmes';
  return level === 'code' ? 'Code saturation' : 'Theme saturation';
}

/** A share in percent, as written in the study's language (`5 %`, `2,5 %`, `5%`). */
export function percent(fraction: number, language: Language, decimals = 0): string {
  return formatPercent(fraction, language, decimals);
}

/** A threshold given in percent, with as many decimals as it has (5, 2.5). */
export function thresholdText(threshold: number, language: Language): string {
  const value = threshold * 100;
  const decimals = Number.isInteger(Math.round(value * 1e6) / 1e6) ? 0 : String(Math.round(value * 1e6) / 1e6).split('.')[1]!.length;
  return formatPercent(threshold, language, decimals);
}

/** Quotation marks of the language around a group's name. */
export function quoted(text: string, language: Language): string {
  return language === 'fr' ? `«${NBSP}${text}${NBSP}»` : `“${text}”`;
}

/** A colon as each language writes it. */
export function colon(language: Language): string {
  return language === 'fr' ? `${NBSP}: ` : ': ';
}

export function semicolon(language: Language): string {
  return language === 'fr' ? `${NNBSP}; ` : '; ';
}

/** "Guest, Namey & Chen 2020 — base 4, runs of 2, threshold 5 %, fixed denominator". */
export function guestLabel(p: GuestParameters, language: Language): string {
  const t = thresholdText(p.threshold, language);
  return language === 'fr'
    ? `Guest, Namey et Chen 2020 — base ${p.base}, séries de ${p.run}, seuil ${t}, dénominateur ${p.denominator === 'fixed' ? 'fixe' : 'croissant'}`
    : `Guest, Namey & Chen 2020 — base ${p.base}, runs of ${p.run}, threshold ${t}, ${p.denominator === 'fixed' ? 'fixed' : 'growing'} denominator`;
}

export function stoppingLabel(p: StoppingParameters, level: SaturationLevel, language: Language): string {
  const unit = level === 'code' ? 'code' : language === 'fr' ? 'thème' : 'theme';
  if (language === 'fr') {
    return p.initial === 0
      ? `Règle d’arrêt ${p.initial}+${p.stop} — ${interviews(p.stop, language)} consécutifs sans nouveau ${unit}, sans échantillon initial`
      : `Règle d’arrêt ${p.initial}+${p.stop} (Francis et al. 2010) — échantillon initial de ${interviews(p.initial, language)}, puis ${p.stop} consécutifs sans nouveau ${unit}`;
  }
  return p.initial === 0
    ? `Stopping rule ${p.initial}+${p.stop} — ${interviews(p.stop, language)} in a row without a new ${unit}, no initial sample`
    : `Stopping rule ${p.initial}+${p.stop} (Francis et al. 2010) — initial sample of ${interviews(p.initial, language)}, then ${p.stop} in a row without a new ${unit}`;
}

export function sharesLabel(report: SaturationReport, language: Language): string {
  const list = report.parameters.shares.map((s) => formatNumber(s, language, Number.isInteger(s) ? 0 : 1)).join('/');
  const unit = unitPlural(report.level, language);
  return language === 'fr'
    ? `Part des ${unit} finaux atteinte (Guest, Bunce et Johnson 2006) — ${list}${NBSP}%`
    : `Share of the final ${unit} reached (Guest, Bunce & Johnson 2006) — ${list}%`;
}

export interface Reference {
  key: string;
  /** Vancouver style, as French medical theses cite. */
  text: string;
}

const REFERENCES: Record<'guest2020' | 'francis2010' | 'guest2006' | 'hennink2017', string> = {
  guest2020:
    'Guest G, Namey E, Chen M. A simple method to assess and report thematic saturation in qualitative research. PLoS One. 2020;15(5):e0232076. doi:10.1371/journal.pone.0232076',
  francis2010:
    'Francis JJ, Johnston M, Robertson C, Glidewell L, Entwistle V, Eccles MP, et al. What is an adequate sample size? Operationalising data saturation for theory-based interview studies. Psychol Health. 2010;25(10):1229-45. doi:10.1080/08870440903194015',
  guest2006:
    'Guest G, Bunce A, Johnson L. How many interviews are enough? An experiment with data saturation and variability. Field Methods. 2006;18(1):59-82. doi:10.1177/1525822X05279903',
  hennink2017:
    'Hennink MM, Kaiser BN, Marconi VC. Code saturation versus meaning saturation: how many interviews are enough? Qual Health Res. 2017;27(4):591-608. doi:10.1177/1049732316665344',
};

/** The works to cite for the methods reported (Hennink et al. for the notion of code saturation). */
export function referencesFor(report: SaturationReport): Reference[] {
  const keys: (keyof typeof REFERENCES)[] = [];
  const has = (m: SaturationMethod) => report.methods.includes(m);
  if (has('guest')) keys.push('guest2020');
  if (has('stopping') && report.parameters.stopping.initial > 0) keys.push('francis2010');
  if (has('shares')) keys.push('guest2006');
  keys.push('hennink2017');
  return keys.map((key) => ({ key, text: REFERENCES[key] }));
}
