/**
 * The review table of an import: one row per spreadsheet row, in the spreadsheet's order,
 * saying into how many passages each quote went, where (offsets and file lines), what the
 * transcript says there, which passages were chosen among several places, and why a part was
 * left — for a CSV the researcher checks.
 */
import { scoreText, thresholdText } from '../anchoring/reasons.js';
import type { Language } from '../types.js';
import { placedBelowMinScore, type ImportPlan, type ImportRowResult, type ImportStatus } from './plan.js';

const HEADER: Record<Language, string[]> = {
  en: ['row', 'participant', 'code', 'quote', 'status', 'score', 'passages', 'start', 'end', 'line', 'matched text', 'segment', 'reason'],
  fr: ['ligne', 'participant', 'code', 'citation', 'statut', 'score', 'passages', 'début', 'fin', 'ligne dans l’entretien', 'texte trouvé', 'segment', 'raison'],
};

const STATUS: Record<Language, Record<ImportStatus, string>> = {
  en: {
    exact: 'exact',
    normalised: 'normalised',
    approximate: 'approximate',
    passages: 'several passages',
    partial: 'partly placed',
    unresolved: 'unresolved',
    'unknown-participant': 'unknown participant',
    skipped: 'skipped',
  },
  fr: {
    exact: 'exacte',
    normalised: 'normalisée',
    approximate: 'approchée',
    passages: 'en plusieurs passages',
    partial: 'en partie placée',
    unresolved: 'non trouvée',
    'unknown-participant': 'participant inconnu',
    skipped: 'ignorée',
  },
};

const AMBIGUOUS: Record<Language, string> = { en: 'ambiguous', fr: 'ambiguë' };
/** Between the passages of one quote, as a thesis writes an omission. */
const JOIN = ' […] ';
const LIST = ' ; ';

/** Rounded down (see `scoreText`): a row under the min score never shows it. */
function score(r: ImportRowResult, language: Language): string {
  if (r.match === null || (r.pieces.length === 0 && r.match.best === undefined)) return '';
  return scoreText(r.match.score, language);
}

/**
 * Header and one row per spreadsheet row, ready for a CSV writer. `segmentIds`: the ids of the
 * segments each row's passages became, when they were written. `codePoint`: a participant's
 * transcript offset as coder files and listings count it (code points; UTF-16 units without it).
 * `stillConfirmed`: segments placed again where the replaced file had them confirmed;
 * `confirmAgain`: segments whose quote it had confirmed elsewhere, to confirm again.
 */
export function reviewRows(
  plan: ImportPlan,
  language: Language,
  segmentIds?: Map<number, string[]>,
  codePoint?: (participant: string, offset: number) => number,
  stillConfirmed?: ReadonlySet<string>,
  confirmAgain?: ReadonlySet<string>,
): string[][] {
  const rows: string[][] = [HEADER[language]];
  for (const r of plan.results) {
    const at = (offset: number) => String(codePoint === undefined || r.participant === null ? offset : codePoint(r.participant, offset));
    const status = STATUS[language][r.status] + (r.ambiguous ? `, ${AMBIGUOUS[language]}` : '');
    const pieces = r.pieces;
    const ids = [...new Set(segmentIds?.get(r.row) ?? [])];
    const kept = ids.filter((id) => stillConfirmed?.has(id) === true);
    const confirmed: string[] =
      kept.length === 0
        ? []
        : [
            language === 'fr'
              ? `Déjà confirmé (codage confirm) à cet endroit, dans le même texte\u00a0: toujours confirmé (${kept.join(LIST)}).`
              : `Confirmed before (codage confirm) at this place, in the same text: still confirmed (${kept.join(LIST)}).`,
          ];
    const moved = ids.filter((id) => confirmAgain?.has(id) === true);
    if (moved.length > 0) {
      confirmed.push(
        language === 'fr'
          ? `Confirmé auparavant (codage confirm) à un autre endroit, ou là où le texte a changé autour\u00a0: à vérifier, puis confirmer de nouveau (${moved.join(LIST)}).`
          : `Confirmed before (codage confirm) at another place, or where the text around it changed: to check, then confirm again (${moved.join(LIST)}).`,
      );
    }
    rows.push([
      String(r.row),
      r.participant ?? r.participantCell,
      r.code,
      r.quote,
      status,
      score(r, language),
      pieces.length === 0 ? '' : String(pieces.length),
      pieces.map((p) => at(p.start)).join(LIST),
      pieces.map((p) => at(p.end)).join(LIST),
      pieces.map((p) => String(p.line)).join(LIST),
      pieces.map((p) => p.text).join(JOIN),
      ids.join(LIST),
      [reasonOf(r, language, plan.minScore), ...confirmed].filter((x) => x !== '').join(' | '),
    ]);
  }
  return rows;
}

interface Place {
  line: number;
  column: number;
}

/**
 * Where a passage was placed and where else it could be: `ligne 24` (aussi `lignes 60, 64`); a
 * place that shares its line with another is given with its column (`ligne 12, colonne 9`).
 */
function placesOf(chosen: Place, others: readonly Place[], language: Language): { at: string; also: string } {
  const fr = language === 'fr';
  const all = [chosen, ...others];
  const shared = (p: Place) => all.some((q) => q !== p && q.line === p.line);
  const one = (p: Place) =>
    shared(p) ? (fr ? `ligne ${p.line}, colonne ${p.column}` : `line ${p.line}, column ${p.column}`) : fr ? `ligne ${p.line}` : `line ${p.line}`;
  if (all.some(shared)) return { at: one(chosen), also: others.map(one).join(fr ? ' ; ' : '; ') };
  const lines = others.map((p) => p.line).join(', ');
  return { at: one(chosen), also: others.length === 1 ? one(others[0]!) : fr ? `lignes ${lines}` : `lines ${lines}` };
}

/**
 * Why a row whose every part was placed scores under the min score (see `placedBelowMinScore`):
 * words at its start or end not said there, and or one edited word forgiven in a short passage,
 * or words at a cut that may belong to the other passage.
 */
function belowMinScore(r: ImportRowResult, language: Language, minScore: number): string {
  const fr = language === 'fr';
  const causes: string[] = [];
  if ((r.match?.trimmed?.length ?? 0) > 0) {
    causes.push(fr ? 'des mots à son début ou à sa fin ne sont pas dans le passage' : 'words at its start or end are not in the passage');
  }
  const omitted = r.match?.omitted ?? 0;
  if (omitted > 0) {
    causes.push(fr ? `${omitted}\u00a0mot${omitted > 1 ? 's' : ''} omis sans […] dans le passage` : `${omitted} word${omitted > 1 ? 's' : ''} left out without […] in the passage`);
  } else if (r.pieces.some((p) => p.score < minScore)) {
    causes.push(fr ? 'un mot retouché est pardonné dans un passage court' : 'one edited word is forgiven in a short passage');
  }
  const cuts = cutDoubtsText(r, language);
  if (cuts !== '') causes.push(cuts);
  const negations = r.match?.negations ?? [];
  if (negations.length > 0) {
    const words = negations.map((w) => (fr ? `«\u00a0${w}\u00a0»` : `"${w}"`)).join(', ');
    causes.push(
      fr
        ? `une négation (${words}) est dans la citation et pas dans le passage, ou l’inverse\u00a0: le sens peut être inversé`
        : `a negation (${words}) is in the quote and not in the passage, or the other way round: the meaning may be reversed`,
    );
  }
  const why = causes.join(fr ? ' et ' : ' and ');
  const s = scoreText(r.match!.score, language);
  const min = thresholdText(minScore, language);
  return fr
    ? `Placée avec un score de ${s}, sous le seuil de ${min}${why === '' ? '' : `\u00a0: ${why}`}, à vérifier.`
    : `Placed with a score of ${s}, under the threshold of ${min}${why === '' ? '' : `: ${why}`}, to check.`;
}

/**
 * Words at a cut between two passages that may belong to the other one (see `cutDoubts`):
 * `à une coupure, « on » peut appartenir au passage suivant (la transcription le dit aussi juste avant lui, ligne 12, colonne 40)`.
 */
function cutDoubtsText(r: ImportRowResult, language: Language): string {
  const fr = language === 'fr';
  return (r.cutDoubts ?? [])
    .map((d) => {
      const words = fr ? `«\u00a0${d.words}\u00a0»` : `"${d.words}"`;
      if (d.edge === 'end') {
        return fr
          ? `à une coupure, ${words} peut appartenir au passage suivant (la transcription le dit aussi juste avant lui, ligne ${d.line}, colonne ${d.column})`
          : `at a cut, ${words} may belong to the next passage (the transcript also says it just before that passage, line ${d.line}, column ${d.column})`;
      }
      return fr
        ? `à une coupure, ${words} peut appartenir au passage précédent (la transcription le dit aussi juste après lui, ligne ${d.line}, colonne ${d.column})`
        : `at a cut, ${words} may belong to the passage before (the transcript also says it just after that passage, line ${d.line}, column ${d.column})`;
    })
    .join(fr ? ' ; ' : '; ');
}

function reasonOf(r: ImportRowResult, language: Language, minScore: number): string {
  const fr = language === 'fr';
  if (r.pieces.length === 0) return r.reason?.[language] ?? '';
  const parts: string[] = [];
  if (r.codes.length === 0 && r.reason !== undefined) parts.push(r.reason[language]);
  if (placedBelowMinScore(r, minScore)) parts.push(belowMinScore(r, language, minScore));
  else if ((r.cutDoubts?.length ?? 0) > 0) {
    // (A row partly placed is to review already: the doubt is said all the same.)
    const cuts = cutDoubtsText(r, language);
    parts.push(`${cuts.charAt(0).toUpperCase()}${cuts.slice(1)}${fr ? '\u00a0: à vérifier.' : ': to check.'}`);
  }
  for (const l of r.left) {
    parts.push(fr ? `Laissé de côté\u00a0: «\u00a0${l.text}\u00a0» — ${l.reason.fr}` : `Left out: "${l.text}" — ${l.reason.en}`);
  }
  for (const t of r.match?.trimmed ?? []) {
    parts.push(fr ? `«\u00a0${t.text}\u00a0» ${t.reason.fr}` : `"${t.text}" ${t.reason.en}`);
  }
  for (const p of r.pieces) {
    if (!p.ambiguous) continue;
    const others = p.otherPlaces ?? [];
    const { at, also } = placesOf(p, others, language);
    parts.push(
      p.chosenBy === 'confirmed'
        ? fr
          ? `Trouvé à ${others.length + 1} endroits aussi plausibles (aussi ${also})\u00a0: placé ${at}, là où vous l’aviez confirmé (codage confirm).`
          : `Found at ${others.length + 1} equally good places (also ${also}): placed at ${at}, where you had confirmed it (codage confirm).`
        : p.chosenBy === 'first'
        ? fr
          ? `Trouvé à ${others.length + 1} endroits aussi plausibles sans rien pour choisir\u00a0: placé ${at} (aussi ${also})\u00a0: à vérifier, puis confirmer (codage confirm) ou déplacer.`
          : `Found at ${others.length + 1} equally good places and nothing tells which: placed at ${at} (also ${also}): to check, then confirm (codage confirm) or move.`
        : fr
          ? `Passage de la ${at} choisi d’après le contexte parmi plusieurs endroits aussi plausibles (aussi ${also})\u00a0: à confirmer (codage confirm).`
          : `Passage at ${at} chosen by context among several equally good places (also ${also}): to confirm (codage confirm).`,
    );
  }
  return parts.join(' | ');
}
