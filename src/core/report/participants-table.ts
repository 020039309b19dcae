/**
 * "Tableau 1": one row per participant with the attributes the thesis shows, and the sentence
 * that sums them up ("12 participants (6 femmes, 6 hommes), âgés de 29 à 63 ans…"). Attributes
 * that mean the same thing under different names (`duration`, `durée`, `duree`) are one column.
 * The attribute linking the two sides of a pair never appears here.
 */
import { describeNumbers, type NumberSummary } from '../analysis/describe.js';
import { UsageError } from '../errors.js';
import { compareNatural } from '../natural-sort.js';
import { formatDecimal } from './numbers.js';
import type { AttributeValue, Language, Participant, Problem } from '../types.js';
import { type Cell, noValueCell, numberCell, paragraphText, type Table, textCell } from './document.js';
import type { ReportStudy } from './report-study.js';
import { capitalize, countWord, frenchSpacing, } from './typography.js';
import { attributeKey as keyOf, attributeRole, type AttributeRole } from '../study/attribute-roles.js';
import { readInterviewDate } from '../study/interview-date.js';
import { parseDuration } from '../study/interview-duration.js';

export type { AttributeRole };
export { attributeRole };

export interface AttributeColumn {
  /** The attribute names merged into this column, as written in the study. */
  sources: string[];
  header: string;
  role: AttributeRole;
  /** All known values are numbers (or durations). */
  numeric: boolean;
}

/**
 * Attributes that describe the file, not the participant: `source: Entretien MG3.docx`, which
 * `codage import` writes, would put file names (sometimes a name, a town) in Table 1. Shown only
 * when asked for by name.
 */
const FILE_ATTRIBUTES = new Set(['source', 'sourcefile', 'fichier', 'fichiersource', 'file', 'filename']);

/** Headers for the attributes theses usually show; others are written from their name. */
const HEADERS: Record<string, Record<Language, string>> = {
  sexe: { fr: 'Sexe', en: 'Sex' },
  sex: { fr: 'Sexe', en: 'Sex' },
  genre: { fr: 'Genre', en: 'Gender' },
  gender: { fr: 'Genre', en: 'Gender' },
  age: { fr: 'Âge (ans)', en: 'Age (years)' },
  anneesexercice: { fr: "Années d’exercice", en: 'Years in practice' },
  anneesdexercice: { fr: "Années d’exercice", en: 'Years in practice' },
  milieu: { fr: "Milieu d’exercice", en: 'Practice setting' },
  formationdouleur: { fr: 'Formation douleur', en: 'Pain training' },
  formation: { fr: 'Formation', en: 'Training' },
  role: { fr: 'Rôle', en: 'Role' },
  profession: { fr: 'Profession', en: 'Profession' },
  group: { fr: 'Groupe', en: 'Group' },
  groupe: { fr: 'Groupe', en: 'Group' },
  duration: { fr: 'Durée (min)', en: 'Duration (min)' },
  date: { fr: "Date de l’entretien", en: 'Interview date' },
};

function headerOf(name: string, role: AttributeRole, language: Language): string {
  if (role === 'duration') return HEADERS.duration![language];
  if (role === 'age') return HEADERS.age![language];
  const known = HEADERS[keyOf(name)];
  if (known) return known[language];
  return capitalize(name.replace(/_/g, ' '));
}

function asNumber(value: AttributeValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(value)) return Number(value.trim().replace(',', '.'));
  return undefined;
}

/** Years from `52`, `52 ans`, `52 years`, `45,5 ans` (a table typed by hand writes the unit). */
export function parseAge(value: AttributeValue): number | undefined {
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*(?:ans?|years?|yrs?|y\.?o\.?)?\s*$/i.exec(value);
    return m ? Number(m[1]!.replace(',', '.')) : undefined;
  }
  return asNumber(value);
}

/** A column's number from a value: minutes for a duration, years for an age. */
function numberOf(value: AttributeValue, role: AttributeRole): number | undefined {
  return role === 'duration' ? parseDuration(value) : role === 'age' ? parseAge(value) : asNumber(value);
}

function isEmpty(value: AttributeValue | undefined): value is null | undefined {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The columns of the participants table: the attributes asked for (`--attributes`), else every
 * attribute but `date` and the pair link, in the order first met; synonyms merged into one.
 */
/** What the attribute columns are read from: a study's transcripts and participants. */
export type AttributeStudy = Pick<ReportStudy, 'transcripts' | 'participants' | 'language' | 'pairAttribute'>;

export function attributeColumns(study: AttributeStudy, requested?: string[]): AttributeColumn[] {
  const seen: string[] = [];
  for (const t of study.transcripts) {
    for (const key of Object.keys(study.participants.get(t.id)?.attributes ?? {})) if (!seen.includes(key)) seen.push(key);
  }
  const pair = study.pairAttribute;
  let names: { name: string; header?: string }[];
  if (requested && requested.length > 0) {
    names = requested.map((item) => {
      const [name = '', header] = item.split('=');
      return header === undefined ? { name: name.trim() } : { name: name.trim(), header: header.trim() };
    });
    for (const { name } of names) {
      if (pair !== undefined && keyOf(name) === keyOf(pair)) {
        throw new UsageError(
          { en: `"${name}" links the two sides of a pair: it never appears in thesis tables`, fr: `« ${name} » relie les deux côtés d’une paire : il n’apparaît jamais dans les tableaux de la thèse` },
          { en: 'use codage export matrix --by pair to see pairs side by side', fr: 'utiliser codage export matrix --by pair pour voir les paires face à face' },
        );
      }
      const role = attributeRole(name);
      if (!seen.some((key) => keyOf(key) === keyOf(name) || (role !== 'other' && attributeRole(key) === role))) {
        throw new UsageError(
          { en: `no participant attribute "${name}"`, fr: `pas d’attribut de participant « ${name} »` },
          { en: `attributes: ${seen.join(', ') || 'none'}`, fr: `attributs : ${seen.join(', ') || 'aucun'}` },
        );
      }
    }
  } else {
    names = seen
      .filter((key) => attributeRole(key) !== 'date' && !FILE_ATTRIBUTES.has(keyOf(key)) && (pair === undefined || keyOf(key) !== keyOf(pair)))
      .map((name) => ({ name }));
  }
  const columns: AttributeColumn[] = [];
  for (const { name, header } of names) {
    const role = attributeRole(name);
    const existing = role === 'other' ? columns.find((c) => c.sources.some((s) => keyOf(s) === keyOf(name))) : columns.find((c) => c.role === role);
    if (existing) continue;
    const sources = role === 'other' ? seen.filter((key) => keyOf(key) === keyOf(name)) : seen.filter((key) => attributeRole(key) === role);
    if (sources.length === 0) sources.push(name);
    columns.push({ sources, header: header ?? headerOf(name, role, study.language), role, numeric: false });
  }
  for (const column of columns) {
    const values = study.transcripts.map((t) => columnValue(study.participants.get(t.id), column)).filter((v) => !isEmpty(v));
    column.numeric = values.length > 0 && values.every((v) => numberOf(v, column.role) !== undefined);
  }
  return columns;
}

/** A participant's value for a column: the first of its synonyms that is filled in. */
export function columnValue(participant: Participant | undefined, column: AttributeColumn): AttributeValue {
  for (const source of column.sources) {
    const value = participant?.attributes[source];
    if (!isEmpty(value)) return value ?? null;
  }
  return null;
}

/** Participants whose synonyms disagree (`duree: 19` in participants.csv, `duration: 21` in the transcript). */
export function synonymConflicts(study: Pick<ReportStudy, 'transcripts' | 'participants'>, columns: AttributeColumn[], csvColumns?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const column of columns) {
    if (column.sources.length < 2) continue;
    for (const t of study.transcripts) {
      const attributes = study.participants.get(t.id)?.attributes ?? {};
      const filled = column.sources.filter((s) => !isEmpty(attributes[s]));
      const normalise = (v: AttributeValue) => (column.role === 'duration' ? parseDuration(v) ?? String(v) : String(v).trim().toLowerCase());
      const distinct = new Set(filled.map((s) => String(normalise(attributes[s] ?? null))));
      if (distinct.size > 1) {
        // Where each value is written, when known: participants.csv or the transcript's front matter.
        const where = (s: string, language: 'en' | 'fr') =>
          csvColumns === undefined ? '' : csvColumns.includes(s) ? ' (participants.csv)' : language === 'fr' ? ' (en-tête de la transcription)' : ' (front matter)';
        const list = (language: 'en' | 'fr') => filled.map((s) => `${s} = ${String(attributes[s])}${where(s, language)}`).join(', ');
        problems.push({
          severity: 'warning',
          file: t.file,
          kind: 'attribute-synonyms-disagree',
          message: { en: `${t.id}: ${list('en')} — the first is shown`, fr: `${t.id} : ${list('fr')} — la première valeur est retenue` },
          hint: { en: 'keep one value (participants.csv or the front matter)', fr: 'ne garder qu’une valeur (participants.csv ou en-tête de la transcription)' },
        });
      }
    }
  }
  return problems;
}

/** A participant's value as a cell: `–` when not given (empty in a spreadsheet), a number as one. */
function valueCell(value: AttributeValue, column: AttributeColumn, language: Language): Cell {
  if (isEmpty(value)) return noValueCell();
  // Dates written each their own way (`2025-01-14`, `21/01/2025`, `10 mars 2025`): one way in the table.
  if (column.role === 'date') {
    const date = readInterviewDate(value, { dayFirst: language === 'fr' });
    if (typeof date === 'string') return textCell(tableDate(date, language));
  }
  if (column.numeric) {
    const n = numberOf(value, column.role);
    const decimals = column.role === 'duration' ? 0 : 1;
    if (n !== undefined) return numberCell(Number(n.toFixed(decimals)), formatDecimal(n, language, decimals));
  }
  // A number in a column of words (`47.5` beside `non précisé`) is still written the language's way.
  return textCell(typeof value === 'number' ? formatDecimal(value, language, 3) : String(value));
}

/** An ISO date (`2025-01-14`, `2024-03-12T14:30`) as a table writes it: `14/01/2025` in French, `2025-01-14` in English; the time left out. */
function tableDate(iso: string, language: Language): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return language === 'fr' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

export function participantsTable(study: ReportStudy, columns: AttributeColumn[], tableNumber = 1): Table {
  const fr = study.language === 'fr';
  const rows = study.transcripts.map((t) => [textCell(t.id), ...columns.map((c) => valueCell(columnValue(study.participants.get(t.id), c), c, study.language))]);
  // Each column as wide as its longest header word or value (long values wrap past 22 characters).
  const widthOf = (header: string, i: number) =>
    Math.max(...header.split(/\s+/).map((w) => w.length), ...rows.map((row) => Math.min(22, paragraphText(row[i]!.paragraphs[0]!).length))) + 2;
  return {
    caption: fr ? 'Caractéristiques des participants' : 'Characteristics of the participants',
    number: tableNumber,
    columns: [
      { header: 'Participant', width: widthOf('Participant', 0) },
      ...columns.map((c, i) => ({ header: c.header, width: widthOf(c.header, i + 1), align: c.numeric ? ('right' as const) : ('left' as const) })),
    ],
    rows: rows.map((cells) => ({ cells })),
    note: [{ text: participantsSummary(study, columns) }],
    landscape: columns.length > 7,
  };
}

// ---------------------------------------------------------------------------------------------
// The summary sentence

type SexKind = 'women' | 'men';

function sexOf(value: AttributeValue): SexKind | undefined {
  const v = String(value).trim().toLowerCase();
  if (['f', 'femme', 'féminin', 'feminin', 'female', 'woman', 'w'].includes(v)) return 'women';
  if (['h', 'm', 'homme', 'masculin', 'male', 'man'].includes(v)) return 'men';
  return undefined;
}

/** "de 29 à 63" and "moyenne 47,2 ; médiane 46": the range with `decimals`, mean and median with one. */
export function numberPhrase(summary: NumberSummary, language: Language, decimals = 1): { range: string; centre: string; value?: string } {
  const f = (n: number) => formatDecimal(n, language, decimals);
  const c = (n: number) => formatDecimal(n, language, 1);
  const phrase =
    language === 'fr'
      ? { range: `de ${f(summary.min)} à ${f(summary.max)}`, centre: `moyenne ${c(summary.mean)} ; médiane ${c(summary.median)}` }
      : { range: `${f(summary.min)} to ${f(summary.max)}`, centre: `mean ${c(summary.mean)}, median ${c(summary.median)}` };
  // One value (one participant, or all alike): no "from 38 to 38", no mean of one number.
  return summary.min === summary.max ? { ...phrase, value: f(summary.min) } : phrase;
}

/** `(moyenne 46,5 ; médiane 46,5 ; durée inconnue pour 1)`, or only what there is to say, or nothing. */
export function inBrackets(parts: readonly (string | undefined)[], language: Language): string {
  const said = parts.filter((p): p is string => p !== undefined && p !== '');
  return said.length === 0 ? '' : ` (${said.join(language === 'fr' ? ' ; ' : '; ')})`;
}

/** Durations in minutes of the interviews that have one, and how many have none. */
export function interviewDurations(study: ReportStudy, columns = attributeColumns(study)): { summary?: NumberSummary; missing: number } {
  const column = columns.find((c) => c.role === 'duration');
  if (!column) return { missing: study.transcripts.length };
  const values: number[] = [];
  for (const t of study.transcripts) {
    const d = parseDuration(columnValue(study.participants.get(t.id), column));
    if (d !== undefined) values.push(d);
  }
  return { summary: describeNumbers(values), missing: study.transcripts.length - values.length };
}

/** The sentence under Tableau 1: who was interviewed, their characteristics, the interviews' length. */
export function participantsSummary(study: ReportStudy, columns: AttributeColumn[]): string {
  const language = study.language;
  const fr = language === 'fr';
  const N = study.transcripts.length;
  const valuesOf = (column: AttributeColumn) => study.transcripts.map((t) => columnValue(study.participants.get(t.id), column));
  const sentences: string[] = [];

  let first = fr ? `${capitalize(countWord(N, language))} participant${N > 1 ? 's ont été interrogés' : ' a été interrogé'}` : `${capitalize(countWord(N, language))} participant${N > 1 ? 's were' : ' was'} interviewed`;
  const sex = columns.find((c) => c.role === 'sex');
  if (sex) {
    const counts = { women: 0, men: 0, other: 0 };
    for (const v of valuesOf(sex)) if (!isEmpty(v)) counts[sexOf(v) ?? 'other']++;
    const parts: string[] = [];
    if (counts.women > 0) parts.push(fr ? `${counts.women} femme${counts.women > 1 ? 's' : ''}` : `${counts.women} wom${counts.women > 1 ? 'e' : 'a'}n`);
    if (counts.men > 0) parts.push(fr ? `${counts.men} homme${counts.men > 1 ? 's' : ''}` : `${counts.men} m${counts.men > 1 ? 'e' : 'a'}n`);
    if (counts.other > 0) parts.push(fr ? `${counts.other} autre${counts.other > 1 ? 's' : ''}` : `${counts.other} other`);
    const unknown = valuesOf(sex).filter(isEmpty).length;
    if (parts.length > 0) first += inBrackets([parts.join(', '), unknown > 0 ? (fr ? `sexe non renseigné pour ${unknown}` : `sex not given for ${unknown}`) : undefined], language);
  }
  const age = columns.find((c) => c.role === 'age' && c.numeric);
  const ages = age ? describeNumbers(valuesOf(age).map(parseAge).filter((v): v is number => v !== undefined)) : undefined;
  if (age && ages) {
    const p = numberPhrase(ages, language);
    const unknown = valuesOf(age).filter((v) => parseAge(v) === undefined).length;
    const notGiven = unknown > 0 ? (fr ? `âge non renseigné pour ${unknown}` : `age not given for ${unknown}`) : undefined;
    first += fr
      ? `, âgés ${p.value !== undefined ? `de ${p.value}` : p.range} ans${inBrackets([p.value === undefined ? p.centre : undefined, notGiven], language)}`
      : `, aged ${p.value ?? p.range}${inBrackets([p.value === undefined ? p.centre : undefined, notGiven], language)}`;
  }
  sentences.push(`${first}.`);

  for (const column of columns) {
    if (column.role === 'sex' || column.role === 'age' || column.role === 'duration' || column.role === 'date') continue;
    const values = valuesOf(column);
    const missing = values.filter(isEmpty).length;
    let body: string;
    if (column.numeric) {
      const summary = describeNumbers(values.map(asNumber).filter((v): v is number => v !== undefined));
      if (!summary) continue;
      const p = numberPhrase(summary, language);
      body = p.value ?? `${p.range} (${p.centre})`;
    } else {
      // One value typed in two cases (`Urbain`, `urbain`) is one: counted together, written as most write it.
      const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
      for (const v of values) {
        if (isEmpty(v)) continue;
        const text = typeof v === 'number' ? formatDecimal(v, language, 3) : String(v).trim();
        const key = text.toLocaleLowerCase(language);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { count: 0, spellings: new Map() }));
        group.count++;
        group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
      }
      if (groups.size === 0) continue;
      const named = [...groups.values()].map((g) => ({ name: [...g.spellings].reduce((a, b) => (b[1] > a[1] ? b : a))[0], count: g.count }));
      body = named.sort((a, b) => compareNatural(a.name, b.name)).map((g) => `${g.name} (${g.count})`).join(', ');
    }
    if (missing > 0) body += fr ? ` ; non renseigné pour ${missing}` : `; not given for ${missing}`;
    sentences.push(`${column.header.replace(/ \((?:min|ans|years)\)$/, '')}${fr ? ' : ' : ': '}${body}.`);
  }

  const durations = interviewDurations(study, columns);
  if (durations.summary) {
    const p = numberPhrase(durations.summary, language, 0);
    const unknown = durations.missing > 0 ? (fr ? `durée inconnue pour ${durations.missing}` : `unknown for ${durations.missing}`) : undefined;
    const brackets = inBrackets([p.value === undefined ? p.centre : undefined, unknown], language);
    sentences.push(fr ? `Les entretiens ont duré ${p.value ?? p.range} minutes${brackets}.` : `Interviews lasted ${p.value ?? p.range} minutes${brackets}.`);
  }
  return frenchSpacing(sentences.join(' '), language);
}
