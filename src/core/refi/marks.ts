/**
 * What codage knows of a segment and of a study that REFI-QDA has no field for, written as short
 * labelled lines where the standard allows free text, so that another tool shows them as they
 * are and codage reads them back:
 *
 * - a selection's Description: « Verbatim exemplaire » (an exemplary quote), « Emplacement à
 *   confirmer (codage confirm) » (`ambiguous`: placed among several equally good places),
 *   « Emplacement confirmé (codage confirm) » (`confirmed`: the coder checked that place),
 *   « Emplacement à confirmer de nouveau : l’endroit ou les mots autour ont changé (codage
 *   confirm) » (both: a place confirmed once, to confirm again; the earlier label, « … : les mots
 *   autour ont changé … », is read too),
 *   « Citation codage : q8m3zd0a » (the `quote` its passages share), « Segment codage : k3j9x2 »
 *   (the segment's id, which check, confirm, the import review and the reconcile log name);
 * - the project's Description: the study's language (« Langue de l’étude : français (fr). »).
 *
 * Labels are written in the export's language and read in both. A Description holding anything
 * else (another tool's comment) is that tool's text, read as before: a memo.
 */
import type { Language, Segment } from '../types.js';

/** The label that marks an exemplary quote in its selection's Description. */
export const EXEMPLARY_LABEL: Record<Language, string> = { en: 'Exemplary quote', fr: 'Verbatim exemplaire' };
const AMBIGUOUS_LABEL: Record<Language, string> = { en: 'Place to confirm (codage confirm)', fr: 'Emplacement à confirmer (codage confirm)' };
const CONFIRMED_LABEL: Record<Language, string> = { en: 'Place confirmed (codage confirm)', fr: 'Emplacement confirmé (codage confirm)' };
/** Both marks at once: a place confirmed once, to confirm again. */
const AGAIN_LABEL: Record<Language, string> = {
  en: 'Place to confirm again: the place or the words around it changed (codage confirm)',
  fr: 'Emplacement à confirmer de nouveau\u00a0: l’endroit ou les mots autour ont changé (codage confirm)',
};
/** The label projects exported by earlier versions carry for the same marks. */
const EARLIER_AGAIN_LABEL: Record<Language, string> = {
  en: 'Place to confirm again: the words around it changed (codage confirm)',
  fr: 'Emplacement à confirmer de nouveau\u00a0: les mots autour ont changé (codage confirm)',
};
const QUOTE_LABEL: Record<Language, string> = { en: 'codage quote', fr: 'Citation codage' };
const SEGMENT_LABEL: Record<Language, string> = { en: 'codage segment', fr: 'Segment codage' };

const both = (labels: Record<Language, string>) => [labels.en, labels.fr];
/** `Label : value` with a value of one word (ids have no spaces). */
const valueLine = (labels: Record<Language, string>) => new RegExp(`^(?:${both(labels).join('|')})[ \\u00a0\\u202f]?: ?(\\S+)$`);
const QUOTE_LINE = valueLine(QUOTE_LABEL);
const SEGMENT_LINE = valueLine(SEGMENT_LABEL);

/** codage's marks of a segment, as read back from its selection. */
export interface SelectionMarks {
  exemplary?: true;
  ambiguous?: true;
  confirmed?: true;
  quote?: string;
  id?: string;
}

/** An id that fits on its line: one word, no character XML cannot hold. */
function writableId(id: string | undefined): id is string {
  return id !== undefined && /^\S+$/u.test(id) && !/[\u0000-\u001f\u007f\ud800-\udfff\ufffe\uffff]/.test(id);
}

/** The Description of a segment's selection, or undefined when there is nothing to say. */
export function selectionDescription(s: Pick<Segment, 'id' | 'exemplary' | 'ambiguous' | 'confirmed' | 'quote'>, language: Language): string | undefined {
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const lines: string[] = [];
  if (s.exemplary) lines.push(EXEMPLARY_LABEL[language]);
  if (s.ambiguous && s.confirmed) lines.push(AGAIN_LABEL[language]);
  else if (s.ambiguous) lines.push(AMBIGUOUS_LABEL[language]);
  else if (s.confirmed) lines.push(CONFIRMED_LABEL[language]);
  if (writableId(s.quote)) lines.push(`${QUOTE_LABEL[language]}${colon} ${s.quote}`);
  if (writableId(s.id)) lines.push(`${SEGMENT_LABEL[language]}${colon} ${s.id}`);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/**
 * A selection's Description: codage's marks when every line of it is one, else another tool's
 * text (`rest`, a memo), as it was always read.
 */
export function readSelectionDescription(text: string): { marks: SelectionMarks; rest?: string } {
  const marks: SelectionMarks = {};
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const allMarks = lines.every((line) => {
    if (both(EXEMPLARY_LABEL).includes(line)) marks.exemplary = true;
    else if (both(AMBIGUOUS_LABEL).includes(line)) marks.ambiguous = true;
    else if (both(CONFIRMED_LABEL).includes(line)) marks.confirmed = true;
    else if (both(AGAIN_LABEL).includes(line) || both(EARLIER_AGAIN_LABEL).includes(line)) {
      marks.ambiguous = true;
      marks.confirmed = true;
    }
    else {
      const quote = QUOTE_LINE.exec(line);
      const segment = quote === null ? SEGMENT_LINE.exec(line) : null;
      if (quote !== null && marks.quote === undefined) marks.quote = quote[1]!;
      else if (segment !== null && marks.id === undefined) marks.id = segment[1]!;
      else return false;
    }
    return true;
  });
  return allMarks ? { marks } : { marks: {}, rest: text };
}

const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', fr: 'French' },
  fr: { en: 'anglais', fr: 'français' },
};

/**
 * The project's Description: the study's language, in words and as its code, and the default
 * coder of codage.yaml (whose coding the counts show), as its file.
 */
export function projectDescription(studyLanguage: Language | undefined, language: Language, defaultCoder?: string): string {
  const sentences: string[] = [];
  if (studyLanguage !== undefined) {
    sentences.push(language === 'fr' ? `Langue de l’étude\u00a0: ${LANGUAGE_NAMES.fr[studyLanguage]} (${studyLanguage}).` : `Language of the study: ${LANGUAGE_NAMES.en[studyLanguage]} (${studyLanguage}).`);
  }
  if (defaultCoder !== undefined) sentences.push(language === 'fr' ? `Codeur par défaut\u00a0: ${defaultCoder} (codings/${defaultCoder}.yaml).` : `Default coder: ${defaultCoder} (codings/${defaultCoder}.yaml).`);
  return `${language === 'fr' ? 'Étude codage.' : 'codage study.'} ${sentences.join(' ')}`;
}

/** The default coder from a project's Description written by codage, if it names one. */
export function readProjectDefaultCoder(description: string | undefined): string | undefined {
  const match = /(?:Codeur par défaut|Default coder)[ \u00a0\u202f]?:[^\n(]*\(codings\/([^/\s()]+)\.yaml\)/u.exec(description ?? '');
  return match ? match[1] : undefined;
}

/** The study's language from a project's Description written by codage, if it says one. */
export function readProjectLanguage(description: string | undefined): Language | undefined {
  const match = /(?:Langue de l[’']étude|Language of the study)[ \u00a0\u202f]?:[^\n(]*\((fr|en)\)/.exec(description ?? '');
  return match ? (match[1] as Language) : undefined;
}
