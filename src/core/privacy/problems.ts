/**
 * The privacy check's findings as problems of the study (`file:line:col: error: …`): a likely
 * identifier is an error (the check fails), a possible one a warning to review.
 */
import type { Localized, Problem, Transcript } from '../types.js';
import { findAttributeIdentifiers, findIdentifiers, type Finding, type FindingKind, type PrivacyLists } from './find.js';
import { memoIdentifiers, memoPosition, type MemoText } from './memos.js';

export const KIND_NAMES: Record<FindingKind, Localized> = {
  email: { en: 'e-mail address', fr: 'adresse e-mail' },
  url: { en: 'web address', fr: 'adresse web' },
  phone: { en: 'phone number', fr: 'numéro de téléphone' },
  'social-security': { en: 'social security number', fr: 'numéro de sécurité sociale' },
  'postal-code': { en: 'postal code and town', fr: 'code postal et ville' },
  address: { en: 'street address', fr: 'adresse postale' },
  'date-of-birth': { en: 'date of birth', fr: 'date de naissance' },
  date: { en: 'exact date', fr: 'date précise' },
  'title-name': { en: 'title and name', fr: 'titre et nom' },
  institution: { en: 'institution', fr: 'établissement' },
  place: { en: 'place', fr: 'lieu' },
  'first-name': { en: 'first name', fr: 'prénom' },
  surname: { en: 'surname', fr: 'nom de famille' },
  name: { en: 'capitalised word, perhaps a name', fr: 'mot en majuscule, peut-être un nom' },
};

/** 1-based line and column of each offset of `text`, for offsets given in increasing order. */
function positions(text: string, offsets: readonly number[], firstLine: number): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = firstLine;
  let lineStart = 0;
  let scanned = 0;
  for (const offset of offsets) {
    for (let nl = text.indexOf('\n', scanned); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
      scanned = nl + 1;
    }
    out.push({ line, column: offset - lineStart + 1 });
  }
  return out;
}

function problemOf(file: string, where: { line: number; column: number }, f: Finding): Problem {
  const kind = KIND_NAMES[f.kind];
  // An identifier split over two lines (`Dr` at the end of one, `Martin` on the next) on one line.
  const oneLine = f.text.replace(/\s+/gu, ' ');
  return {
    severity: f.likely ? 'error' : 'warning',
    file,
    line: where.line,
    column: where.column,
    kind: `privacy-${f.kind}`,
    message: {
      en: `"${oneLine}" may identify someone (${kind.en})`,
      fr: `« ${oneLine} » peut identifier quelqu’un (${kind.fr})`,
    },
    hint: {
      en: 'replace it with a label (codage anonymise), or add it under allow: in privacy.yaml if it identifies nobody',
      fr: 'le remplacer par une étiquette (codage anonymise), ou l’ajouter sous allow: dans privacy.yaml s’il n’identifie personne',
    },
  };
}

/** The findings of a transcript (its text and its front matter values) as problems. */
export function privacyProblems(transcript: Transcript, lists: PrivacyLists): Problem[] {
  const found = findIdentifiers(transcript.text, lists);
  const where = positions(transcript.text, found.map((f) => f.start), transcript.bodyLine);
  const problems = found.map((f, i) => problemOf(transcript.file, where[i]!, f));
  for (const [key, value] of Object.entries(transcript.attributes)) {
    if (typeof value !== 'string') continue;
    const at = transcript.attributePositions?.[key] ?? { line: 1, column: 1 };
    for (const f of findAttributeIdentifiers(key, value, lists)) problems.push(problemOf(transcript.file, { line: at.line, column: at.column + f.start }, f));
  }
  return problems;
}

/**
 * What could identify someone in the researcher's memos: they go into the REFI-QDA export and the
 * report like the transcripts. `codage anonymise` replaces them there too.
 */
export function memoPrivacyProblems(memos: readonly MemoText[], lists: PrivacyLists): Problem[] {
  const problems: Problem[] = [];
  for (const memo of memos) {
    const found = memoIdentifiers(memo.text, lists);
    for (const f of found) {
      const problem = problemOf(memo.file, memoPosition(memo, f.start), f);
      problems.push({
        ...problem,
        kind: `memo-${problem.kind}`,
        message: { en: `in a memo: ${problem.message.en}`, fr: `dans un mémo\u00a0: ${problem.message.fr}` },
        hint: {
          en: 'replace it with a label (codage anonymise changes the memos too), or add it under allow: in privacy.yaml if it identifies nobody',
          fr: 'le remplacer par une étiquette (codage anonymise change aussi les mémos), ou l’ajouter sous allow: dans privacy.yaml s’il n’identifie personne',
        },
      });
    }
  }
  return problems;
}
