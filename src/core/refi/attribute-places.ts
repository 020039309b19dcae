/**
 * Where a participant attribute lives in a study — a column of participants.csv, the transcripts'
 * front matter, or both — said in its REFI-QDA Variable's Description (« Attribut codage :
 * colonne de participants.csv »), so that a project made by codage comes back with its attributes
 * where they were. Another tool writes no such line: its variables go to the front matter, unless
 * the receiving study keeps its attributes in participants.csv.
 *
 * Pure: `participantsCsv` gives the text to write (a new file, or the rows to add at the end of the
 * study's file, whose existing lines are never rewritten).
 */
import { stringify } from 'csv-stringify/sync';
import { parseAttributeValue } from '../study/participants.js';
import type { AttributeValue, Language } from '../types.js';

export interface AttributePlace {
  csv: boolean;
  frontMatter: boolean;
}

const LABEL: Record<Language, string> = { en: 'codage attribute', fr: 'Attribut codage' };
const CSV: Record<Language, string> = { en: 'participants.csv column', fr: 'colonne de participants.csv' };
const FRONT: Record<Language, string> = { en: 'transcript front matter', fr: 'en-tête des transcriptions' };
const AND: Record<Language, string> = { en: 'and', fr: 'et' };

/** The Variable's Description: where the attribute is in the study. */
export function attributePlaceDescription(place: AttributePlace, language: Language): string | undefined {
  const parts = [...(place.csv ? [CSV[language]] : []), ...(place.frontMatter ? [FRONT[language]] : [])];
  if (parts.length === 0) return undefined;
  return `${LABEL[language]}${language === 'fr' ? '\u00a0:' : ':'} ${parts.join(` ${AND[language]} `)}`;
}

/** Where a Variable's Description written by codage says the attribute was, in either language. */
export function readAttributePlace(description: string | undefined): AttributePlace | undefined {
  const line = (description ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith(LABEL.en) || l.startsWith(LABEL.fr));
  if (line === undefined) return undefined;
  const place = { csv: line.includes(CSV.en) || line.includes(CSV.fr), frontMatter: line.includes(FRONT.en) || line.includes(FRONT.fr) };
  return place.csv || place.frontMatter ? place : undefined;
}

/**
 * The cell that reads back as the value (participants.csv is read by `parseAttributeValue`), or
 * undefined when no cell does (`true`, a text with spaces around it or that reads as a number):
 * such a value stays in the front matter, which keeps its type.
 */
export function attributeCell(value: AttributeValue, decimalComma: boolean): string | undefined {
  if (value === null) return '';
  if (typeof value === 'boolean') return undefined;
  const cell = typeof value === 'number' ? (decimalComma ? String(value).replace('.', ',') : String(value)) : value;
  if (/[\r\n]/.test(cell)) return undefined;
  return parseAttributeValue(cell) === value ? cell : undefined;
}

/** Rows of participants.csv as text, with the file's separator and `\n` line ends. */
export function participantsCsvRows(rows: string[][], delimiter: string): string {
  return stringify(rows, { delimiter, record_delimiter: '\n' });
}
