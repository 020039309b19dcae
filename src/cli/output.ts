import { Chalk } from 'chalk';
import { frenchMessage } from '../core/report/typography.js';
import { terminalSafe } from '../core/text/terminal.js';
import type { Language, Problem } from '../core/types.js';

/**
 * Colours for stderr/stdout: chalk follows FORCE_COLOR and whether the stream is a terminal, but
 * not NO_COLOR (https://no-color.org), which turns them off here unless FORCE_COLOR asks for them.
 */
export const paint = new Chalk(process.env.FORCE_COLOR === undefined && (process.env.NO_COLOR ?? '') !== '' ? { level: 0 } : {});

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

/**
 * `file:line:col: error: message` then an indented line saying how to fix it. Names and texts of
 * the study in it are shown with their control characters escaped (see core/text/terminal.ts).
 */
export function formatProblem(p: Problem, language: Language): string {
  const label = severityLabel[language][p.severity];
  const colour = p.severity === 'error' ? paint.red : p.severity === 'warning' ? paint.yellow : paint.cyan;
  // `file:line:col:` stays as editors read it; the words after it follow French typography.
  const colon = language === 'fr' ? '\u00a0:' : ':';
  let out = `${paint.bold(terminalSafe(problemLocation(p)))}: ${colour(label)}${colon} ${terminalSafe(frenchMessage(p.message[language], language))}`;
  if (p.hint) out += `\n  ${paint.dim(language === 'fr' ? 'à faire' : 'fix')}${colon} ${terminalSafe(frenchMessage(p.hint[language], language))}`;
  return out;
}

/**
 * Problems as plain data for --json output. The severity is the word the text output prints
 * (in English, for scripts): error, warning or note.
 */
export function problemJson(p: Problem, language: Language) {
  return {
    severity: severityLabel.en[p.severity],
    file: p.file,
    line: p.line ?? null,
    column: p.column ?? null,
    kind: p.kind,
    message: p.message[language],
    hint: p.hint ? p.hint[language] : null,
  };
}

export { formatNumber, formatPercent } from '../core/report/numbers.js';
