/**
 * The decisions log of a "mise en commun": one CSV row per disagreement the coders decided (or
 * wrote a note on) — which disagreement, both codings with their quotes, the decision, what was
 * kept, the note, who, when. It documents the consensus for the thesis, and it is what a later
 * session reads to resume: the consensus is rebuilt from it.
 *
 * A document for people, as `codage segments --format excel` is: headers and values in the
 * study's language (`désaccord;…;décision`, `les deux` in a French study), `;` in French.
 * Read back, either language's headers and decision words are understood, whatever the study's
 * language (a log an earlier codage wrote with English headers and `keep-a`, `both`…, or one
 * edited by hand).
 *
 * Cells a spreadsheet could run as formulas are neutralised (and restored when read back). Rows
 * whose disagreement no longer exists are kept as they were.
 */
import { csvRecordsWithLines } from '../csv.js';
import type { Disagreement, SideItem } from '../analysis/agreement/disagreements.js';
import { LineNumbers } from '../text/lines.js';
import { codeLabel } from '../codebook/query.js';
import { formatDelimited, restoreSpreadsheetText } from '../report/delimited.js';
import { detectDelimiter } from '../text/csv-delimiter.js';
import { foldLetters } from '../text/fold.js';
import type { OffsetMap } from '../text/offsets.js';
import type { Codebook, Language, Localized, Problem, Transcript } from '../types.js';
import { CHOICES, choiceLabel, formatEdited, parseEdited, type Choice, type Decision, type EditedCoding } from './decisions.js';

export const LOG_COLUMNS = [
  'disagreement',
  'participant',
  'line',
  'kind',
  'coder_a',
  'coding_a',
  'coder_b',
  'coding_b',
  'decision',
  'outcome',
  'edited',
  'note',
  'who',
  'when',
] as const;

export type LogColumn = (typeof LOG_COLUMNS)[number];

/** The columns' names in the log, in its language. */
const COLUMN_NAMES: Record<Language, Record<LogColumn, string>> = {
  en: Object.fromEntries(LOG_COLUMNS.map((c) => [c, c])) as Record<LogColumn, string>,
  fr: {
    disagreement: 'désaccord',
    participant: 'participant',
    line: 'ligne',
    kind: 'type',
    coder_a: 'codeur_a',
    coding_a: 'codage_a',
    coder_b: 'codeur_b',
    coding_b: 'codage_b',
    decision: 'décision',
    outcome: 'résultat',
    edited: 'codage_modifié',
    note: 'note',
    who: 'qui',
    when: 'quand',
  },
};

/** A column's name in the log's language (`décision`), for messages about the log. */
export function logColumnName(column: LogColumn, language: Language): string {
  return COLUMN_NAMES[language][column];
}

/** The decision column's words: what codage writes, and what a researcher may type. */
const CHOICE_WORDS: Record<Language, Record<Choice, string>> = {
  en: { 'keep-a': 'keep-a', 'keep-b': 'keep-b', both: 'both', neither: 'neither', common: 'common', edit: 'edit' },
  fr: { 'keep-a': 'garder A', 'keep-b': 'garder B', both: 'les deux', neither: 'aucun', common: 'commun', edit: 'modifié' },
};

export function choiceWord(choice: Choice, language: Language): string {
  return CHOICE_WORDS[language][choice];
}

/** `Garder-A`, `garder a`, `keep_a` → one key: case, accents, spaces, `-` and `_` do not matter. */
function wordKey(word: string): string {
  return foldLetters(word).replace(/[\s_-]+/gu, ' ').trim();
}

const CHOICE_BY_WORD = new Map<string, Choice>(
  (['en', 'fr'] as const).flatMap((language) => CHOICES.map((choice) => [wordKey(CHOICE_WORDS[language][choice]), choice] as const)),
);

const COLUMN_BY_NAME = new Map<string, LogColumn>(
  (['en', 'fr'] as const).flatMap((language) => LOG_COLUMNS.map((column) => [wordKey(COLUMN_NAMES[language][column]), column] as const)),
);

export interface LogRow {
  decision: Decision;
  /** Every column as written. */
  cells: Record<LogColumn, string>;
  /** 1-based line in the file, when read. */
  line?: number;
}

const KIND_LABEL: Record<Disagreement['kind'], Localized> = {
  'one-sided': { en: 'code applied by one coder only', fr: 'code appliqué par un seul codeur' },
  'different-codes': { en: 'different codes on the same text', fr: 'codes différents sur le même texte' },
  boundaries: { en: 'same code, different boundaries', fr: 'même code, limites différentes' },
};

export function kindLabel(kind: Disagreement['kind']): Localized {
  return KIND_LABEL[kind];
}

/** `« quote » (Code, Code)` for each item; `—` when the coder did not code here. */
export function describeSide(items: readonly SideItem[], text: string, codebook: Codebook, language: Language): string {
  if (items.length === 0) return '—';
  const open = language === 'fr' ? '«\u00a0' : '"';
  const close = language === 'fr' ? '\u00a0»' : '"';
  return items
    .map((i) => `${open}${text.slice(i.start, i.end)}${close} (${i.codes.map((c) => codeLabel(codebook, c)).join(', ')})`)
    .join(language === 'fr' ? ' ; ' : '; ');
}

export interface RowContext {
  transcript: Transcript;
  offsets: OffsetMap;
  codebook: Codebook;
  language: Language;
  coders: [string, string];
}

/** The outcome column of an edit: each coding kept with its quote and codes, `rien` when none. */
export function editedOutcome(edited: readonly EditedCoding[], ctx: Omit<RowContext, 'coders'>): string {
  const { transcript, codebook, language } = ctx;
  const outcome = edited
    .map((c) => {
      const start = ctx.offsets.toUtf16(c.start);
      const end = ctx.offsets.toUtf16(c.end);
      return describeSide([{ start, end, codes: c.codes, segments: [] }], transcript.text, codebook, language);
    })
    .join(language === 'fr' ? ' ; ' : '; ');
  return outcome === '' ? (language === 'fr' ? 'rien' : 'nothing') : outcome;
}

/** The log row of a decision on a current disagreement. */
export function logRow(d: Disagreement, decision: Decision, ctx: RowContext): LogRow {
  const { transcript, codebook, language } = ctx;
  const [a, b] = ctx.coders;
  const text = transcript.text;
  let outcome = '';
  if (decision.choice === 'edit') outcome = editedOutcome(decision.edited ?? [], ctx);
  else if (decision.choice !== null) outcome = choiceLabel(decision.choice, a, b)[language];
  return {
    decision,
    cells: {
      disagreement: d.key,
      participant: d.participant,
      line: String(new LineNumbers(text, transcript.bodyLine).lineOf(d.start)),
      kind: KIND_LABEL[d.kind][language],
      coder_a: a,
      coding_a: describeSide(d.a, text, codebook, language),
      coder_b: b,
      coding_b: describeSide(d.b, text, codebook, language),
      decision: decision.choice === null ? '' : choiceWord(decision.choice, language),
      outcome,
      edited: decision.choice === 'edit' ? formatEdited(decision.edited ?? []) : '',
      note: decision.note ?? '',
      who: decision.who,
      when: decision.when,
    },
  };
}

/**
 * The log file's text in `language`: a header, then the rows; `;` in French, `,` in English; BOM
 * and CRLF for Excel.
 */
export function serializeLog(rows: readonly LogRow[], language: Language): string {
  const lines: string[][] = [LOG_COLUMNS.map((column) => COLUMN_NAMES[language][column])];
  for (const row of rows) {
    const decision = row.decision.choice === null ? '' : choiceWord(row.decision.choice, language);
    const cells = { ...row.cells, decision, note: row.decision.note ?? '', who: row.decision.who, when: row.decision.when };
    lines.push(LOG_COLUMNS.map((column) => cells[column]));
  }
  return formatDelimited(lines, { delimiter: language === 'fr' ? ';' : ',', bom: true, lineEnd: '\r\n' });
}

function problemAt(file: string, line: number, en: string, fr: string, hint?: Localized): Problem {
  return { severity: 'error', file, line, kind: 'decision-log', message: { en, fr }, ...(hint ? { hint } : {}) };
}

/** Reads a decisions log. Rows that cannot be read are problems (the caller refuses to go on). */
export function parseLog(source: string, file: string): { rows: LogRow[]; problems: Problem[] } {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === '') return { rows: [], problems: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvRecordsWithLines(text, detectDelimiter(text));
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], problems: [problemAt(file, e.lines ?? 1, `unreadable CSV: ${e.message}`, `CSV illisible : ${e.message}`)] };
  }
  const header = records[0]?.record.map((h) => COLUMN_BY_NAME.get(wordKey(h))) ?? [];
  const index = Object.fromEntries(LOG_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<LogColumn, number>;
  const missing = (['disagreement', 'decision'] as const).filter((c) => index[c] < 0);
  if (missing.length > 0) {
    const names = (language: Language) => missing.map((c) => COLUMN_NAMES[language][c]).join(', ');
    return {
      rows: [],
      problems: [
        problemAt(file, 1, `the header has no column ${names('en')}`, `l’en-tête n’a pas de colonne ${names('fr')}`, {
          en: 'keep the first line as codage wrote it',
          fr: 'garder la première ligne telle que codage l’a écrite',
        }),
      ],
    };
  }
  const rows: LogRow[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (c: LogColumn) => (index[c] < 0 ? '' : restoreSpreadsheetText(record[index[c]] ?? ''));
    const cells = Object.fromEntries(LOG_COLUMNS.map((c) => [c, get(c)])) as Record<LogColumn, string>;
    const key = cells.disagreement.trim();
    if (key === '') {
      problems.push(problemAt(file, line, 'a row without its disagreement (first column)', 'une ligne sans son désaccord (première colonne)'));
      continue;
    }
    const token = cells.decision.trim();
    const choice = token === '' ? null : CHOICE_BY_WORD.get(wordKey(token));
    if (choice === undefined) {
      const words = (language: Language) => CHOICES.map((c) => CHOICE_WORDS[language][c]).join(', ');
      problems.push(
        problemAt(file, line, `unknown decision "${token}"`, `décision inconnue « ${token} »`, {
          en: `write one of ${words('en')} (or leave it empty)`,
          fr: `écrire l’une de ${words('fr')} (ou laisser vide)`,
        }),
      );
      continue;
    }
    const decision: Decision = { key, choice, who: cells.who, when: cells.when };
    if (cells.note !== '') decision.note = cells.note;
    if (decision.choice === 'edit') {
      const edited = parseEdited(cells.edited);
      if (edited === null) {
        problems.push(
          problemAt(file, line, `the edited codings "${cells.edited}" cannot be read`, `les codages modifiés « ${cells.edited} » sont illisibles`, {
            en: 'write start-end:code+code;… (code points, code ids), as codage writes them',
            fr: 'écrire début-fin:code+code;… (points de code, identifiants de code), comme codage les écrit',
          }),
        );
        continue;
      }
      decision.edited = edited;
    }
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push(problemAt(file, line, `this disagreement was already decided at line ${before}`, `ce désaccord a déjà une décision à la ligne ${before}`, {
        en: 'keep one row per disagreement',
        fr: 'garder une ligne par désaccord',
      }));
      continue;
    }
    seen.set(key, line);
    rows.push({ decision, cells, line });
  }
  return { rows, problems };
}
