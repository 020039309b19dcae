/**
 * The review table of an import: one row per spreadsheet row, in the spreadsheet's order,
 * saying where each quote was found (or why not), for a CSV the researcher checks.
 */
import type { Language } from '../types.js';
import type { ImportPlan, ImportRowResult, ImportStatus } from './plan.js';

const HEADER: Record<Language, string[]> = {
  en: ['row', 'participant', 'code', 'quote', 'status', 'score', 'start', 'end', 'line', 'matched text', 'reason'],
  fr: ['ligne', 'participant', 'code', 'citation', 'statut', 'score', 'début', 'fin', 'ligne dans l’entretien', 'texte trouvé', 'raison'],
};

const STATUS: Record<Language, Record<ImportStatus, string>> = {
  en: {
    exact: 'exact',
    normalised: 'normalised',
    fragments: 'fragments',
    approximate: 'approximate',
    unresolved: 'unresolved',
    skipped: 'skipped',
  },
  fr: {
    exact: 'exacte',
    normalised: 'normalisée',
    fragments: 'fragments',
    approximate: 'approchée',
    unresolved: 'non trouvée',
    skipped: 'ignorée',
  },
};

const AMBIGUOUS: Record<Language, string> = { en: 'ambiguous', fr: 'ambiguë' };

function score(r: ImportRowResult, language: Language): string {
  if (r.match === null || r.match.start < 0) return '';
  const s = r.match.score.toFixed(2);
  return language === 'fr' ? s.replace('.', ',') : s;
}

/** Header and one row per spreadsheet row, ready for a CSV writer. */
export function reviewRows(plan: ImportPlan, language: Language): string[][] {
  const rows: string[][] = [HEADER[language]];
  for (const r of plan.results) {
    const anchored = r.text !== undefined && r.match !== null;
    const status = STATUS[language][r.status] + (r.ambiguous ? `, ${AMBIGUOUS[language]}` : '');
    rows.push([
      String(r.row),
      r.participant ?? r.participantCell,
      r.code,
      r.quote,
      status,
      score(r, language),
      anchored ? String(r.match!.start) : '',
      anchored ? String(r.match!.end) : '',
      anchored && r.line !== undefined ? String(r.line) : '',
      anchored ? r.text! : '',
      r.reason?.[language] ?? (r.ambiguous ? ambiguousReason(r, language) : ''),
    ]);
  }
  return rows;
}

function ambiguousReason(r: ImportRowResult, language: Language): string {
  const n = r.match?.occurrences ?? 0;
  return language === 'fr'
    ? `Citation présente ${n} fois dans l’entretien\u00a0: vérifiez que c’est la bonne.`
    : `The quote occurs ${n} times in the transcript: check this is the right one.`;
}
