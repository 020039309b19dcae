import { Chalk } from 'chalk';
import type { Language, Problem } from '../core/types.js';

/** Colours for stderr/stdout; chalk follows NO_COLOR, FORCE_COLOR and whether the stream is a terminal. */
export const paint = new Chalk();

const severityLabel: Record<Language, Record<Problem['severity'], string>> = {
  en: { error: 'error', warning: 'warning', info: 'note' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'note' },
};

export function problemLocation(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) {
    where += `:${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  return where;
}

/** `file:line:col: error: message` then an indented line saying how to fix it. */
export function formatProblem(p: Problem, language: Language): string {
  const label = severityLabel[language][p.severity];
  const colour = p.severity === 'error' ? paint.red : p.severity === 'warning' ? paint.yellow : paint.cyan;
  let out = `${paint.bold(problemLocation(p))}: ${colour(label)}: ${p.message[language]}`;
  if (p.hint) out += `\n  ${paint.dim(language === 'fr' ? 'à faire' : 'fix')}: ${p.hint[language]}`;
  return out;
}

/** Problems as plain data for --json output. */
export function problemJson(p: Problem, language: Language) {
  return {
    severity: p.severity,
    file: p.file,
    line: p.line ?? null,
    column: p.column ?? null,
    kind: p.kind,
    message: p.message[language],
    hint: p.hint ? p.hint[language] : null,
  };
}

/**
 * French or English number formatting with fixed decimals and grouped thousands, written out by
 * hand so that output never depends on the machine's ICU data: 15,711.5 and 15\u202f711,5.
 */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.length > 4 || (language === 'en' && whole.length > 3) ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'fr' ? '\u202f' : ',') : whole;
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : (language === 'fr' ? ',' : '.') + fraction);
}

export function formatPercent(value: number, language: Language, decimals = 0): string {
  const n = formatNumber(value * 100, language, decimals);
  return language === 'fr' ? `${n}\u00a0%` : `${n}%`;
}
