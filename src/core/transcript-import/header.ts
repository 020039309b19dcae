/**
 * The interview's date and duration from the lines a transcript opens with, before the first
 * speaker turn: « Entretien n° 3 — Date : 12/03/2025 — durée 42 min », « Date de l’entretien :
 * 12 mars 2025 », « Durée : 00:42:10 », `Date: 2025-03-12, duration 42 minutes`, a Word table row
 * `Date | 12/03/2025`, or a table's row of names over its row of values (`Date | Durée`, then
 * `12/03/2025 | 42 min`). Only a value named as such (`date`, `durée`, `entretien du`…) is read, and
 * only when it says one thing: two different dates, or `03/04/2025` in a header that may be
 * written month first, give nothing (and say why). The header itself stays in the transcript.
 */
import { parseInterviewDate } from '../study/interview-date.js';
import { findTurns } from '../transcript/turns.js';
import type { Language } from '../types.js';

export interface HeaderFacts {
  /** ISO date (`2025-03-12`). */
  date?: string;
  /** Minutes, rounded (at least 1). */
  duration?: number;
  /** Values named in the header that were not taken, and why. */
  unclear: UnclearValue[];
}

export interface UnclearValue {
  field: 'date' | 'duration';
  /** As written in the header. */
  written: string[];
  /** `several`: different values; `day-month`: a numeric date that reads both ways. */
  reason: 'several' | 'day-month';
  /**
   * The front matter values it could be, one of which the user writes: each date in ISO form
   * (day first, then month first, for `day-month`), each duration in minutes.
   */
  readings: string[];
}

/**
 * The text before the first speaker turn (or before the first answer numbered by question, in a
 * transcript of answers only); empty when the text has neither.
 */
export function headerOf(body: string): string {
  const first = findTurns(body).find((t) => t.speaker !== null || t.questionNumber !== undefined);
  return first === undefined ? '' : body.slice(0, first.start);
}

const S = '[ \\t\\u00a0\\u202f]';
/** Between a name and its value: spaces, and at most one `:`, `|`, `=`, dash or tab. */
const SEP = `${S}*(?:[:：|=–—-]${S}*)?`;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const OF_INTERVIEW = `(?:de${S}+l['’]${S}?|d['’]${S}?|of${S}+(?:the${S}+)?)(?:entretien|interview|enregistrement|recording)`;
const DATE_NAME =
  `${NOT_WORD_BEFORE}(?:date(?:${S}+${OF_INTERVIEW})?|interview${S}+date` +
  `|(?:entretien|interview)(?:${S}+(?:réalisé|realise|mené|mene|enregistré|enregistre|conducted|recorded|held))?${S}+(?:le|du|on)` +
  `|(?:enregistré|enregistre)${S}+le|(?:interviewed|recorded)${S}+on)${NOT_WORD_AFTER}`;
const WEEKDAY = `(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?${S}+)?`;
const DATE_VALUE =
  `(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)` +
  `|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)` +
  `|\\d{1,2}(?:er|st|nd|rd|th)?${S}+\\p{L}+\\.?,?${S}+\\d{4}(?!\\d)` +
  `|\\p{L}+\\.?${S}+\\d{1,2}(?:st|nd|rd|th)?,?${S}+\\d{4}(?!\\d))`;
const DATE = new RegExp(`${DATE_NAME}${SEP}(?:le${S}+)?${WEEKDAY}${DATE_VALUE}`, 'giu');

const DURATION_NAME =
  `${NOT_WORD_BEFORE}(?:(?:durée|duree|duration|length)(?:${S}+(?:totale?|${OF_INTERVIEW}))?|interview${S}+(?:length|duration))${NOT_WORD_AFTER}`;
const ABOUT = `(?:(?:environ|env\\.|approx(?:\\.|imately)?|about|around|~|≈)${S}*)?`;
const MINUTES_UNIT = '(?:minutes?|min|mn)\\.?';
const DURATION_VALUE =
  `(\\d{1,2}:\\d{2}:\\d{2}(?!\\d)` +
  `|\\d{1,2}${S}*(?:heures?|hours?|hrs?|h)\\.?(?:${S}*(?:et${S}+|and${S}+)?\\d{1,2}(?:${S}*${MINUTES_UNIT})?)?(?![\\p{L}\\d])` +
  `|\\d{1,3}${S}*${MINUTES_UNIT}(?:${S}*\\d{1,2}${S}*(?:secondes?|seconds?|sec|s)\\.?)?(?![\\p{L}\\d]))`;
const DURATION = new RegExp(`${DURATION_NAME}${SEP}${ABOUT}${DURATION_VALUE}`, 'giu');

/** Words that say the header is French (a numeric date is then day first) or English. */
const FRENCH_WORDS = /(?<![\p{L}])(?:entretien|durée|duree|réalisé|heures?|le|du|de)(?![\p{L}])/iu;
const ENGLISH_WORDS = /(?<![\p{L}])(?:interview(?:ed)?|duration|length|hours?|recorded|conducted|on|of)(?![\p{L}])/iu;

const SP = '[ \\t\\u00a0\\u202f]*';
const HMS = /^(\d+):(\d{2}):(\d{2})$/;
const HOURS = new RegExp(`^(\\d+)${SP}(?:heures?|hours?|hrs?|h)\\.?(?:${SP}(?:(?:et|and)${SP})?(\\d+)(?:${SP}(?:minutes?|min|mn)\\.?)?)?$`, 'i');
const MINUTES = new RegExp(`^(\\d+)${SP}(?:minutes?|min|mn)\\.?(?:${SP}(\\d+)${SP}(?:secondes?|seconds?|sec|s)\\.?)?$`, 'i');

/** Minutes from a duration as the header writes it (`42 min`, `1 h 05`, `00:42:10`). */
function minutes(written: string): number | undefined {
  let m = HMS.exec(written);
  if (m) return Number(m[2]) < 60 && Number(m[3]) < 60 ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) / 60 : undefined;
  m = HOURS.exec(written);
  if (m) return m[2] === undefined || Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2] ?? 0) : undefined;
  m = MINUTES.exec(written);
  if (m) return m[2] === undefined || Number(m[2]) < 60 ? Number(m[1]) + Number(m[2] ?? 0) / 60 : undefined;
  return undefined;
}

/**
 * A date as the header writes it, in ISO form; `ambiguous` for a numeric day and month that both
 * could be the month, in a header not known to be French (`dayFirst` false).
 */
function isoDate(written: string, dayFirst: boolean): string | 'ambiguous' | undefined {
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(written);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = numeric[3]!.length === 2 ? `20${numeric[3]}` : numeric[3]!;
    // Day first unless only the other order makes a date (`03/25/2025`).
    if (a <= 12 && b > 12) return parseInterviewDate(`${b}/${a}/${year}`) ?? undefined;
    if (a !== b && a <= 12 && !dayFirst) return 'ambiguous';
    return parseInterviewDate(`${a}/${b}/${year}`) ?? undefined;
  }
  return parseInterviewDate(written.replace(/\s+/g, ' ')) ?? undefined;
}

/** A numeric date that reads both ways (`03/04/2025`), day first then month first, in ISO form. */
function bothWays(written: string): string[] {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(written);
  if (m === null) return [];
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return [parseInterviewDate(`${m[1]}/${m[2]}/${year}`), parseInterviewDate(`${m[2]}/${m[1]}/${year}`)].filter((d): d is string => typeof d === 'string');
}

/**
 * A Word table of names over values — a row `Date | Durée | Lieu` (as the import writes a table
 * row) followed by `12/03/2025 | 42 min | cabinet` — as the lines `Date | 12/03/2025`,
 * `Durée | 42 min`, `Lieu | cabinet` that the names are looked for in: a row of as many cells.
 */
function columnsAsLines(header: string): string {
  const rows = header.split('\n').filter((line) => line.trim() !== '');
  const out: string[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const names = rows[i]!.split(' | ');
    const values = rows[i + 1]!.split(' | ');
    if (names.length < 2 || values.length !== names.length) continue;
    for (let k = 0; k < names.length; k++) out.push(`${names[k]!.trim()} | ${values[k]!.trim()}`);
  }
  return out.join('\n');
}

/** The date and duration a header names (see the module comment). */
export function headerFacts(written: string, language: Language): HeaderFacts {
  const facts: HeaderFacts = { unclear: [] };
  if (written.trim() === '') return facts;
  const columns = columnsAsLines(written);
  const header = columns === '' ? written : `${written}\n${columns}`;
  const french = FRENCH_WORDS.test(header);
  const dayFirst = french || (language === 'fr' && !ENGLISH_WORDS.test(header));

  const dates = new Map<string, string[]>();
  const ambiguous: string[] = [];
  for (const m of header.matchAll(DATE)) {
    const written = m[1]!;
    const iso = isoDate(written, dayFirst);
    if (iso === undefined) continue;
    if (iso === 'ambiguous') ambiguous.push(written);
    else dates.set(iso, [...(dates.get(iso) ?? []), written]);
  }
  const found = [...dates.values()].map((w) => w[0]!);
  const unsure = [...new Set(ambiguous)];
  const readings = [...dates.keys(), ...unsure.flatMap(bothWays)].filter((d, i, all) => all.indexOf(d) === i);
  if (found.length === 1 && unsure.length === 0) facts.date = [...dates.keys()][0]!;
  else if (found.length + unsure.length > 1) facts.unclear.push({ field: 'date', written: [...found, ...unsure], reason: 'several', readings });
  else if (unsure.length === 1) facts.unclear.push({ field: 'date', written: unsure, reason: 'day-month', readings });

  const durations = new Map<number, string[]>();
  for (const m of header.matchAll(DURATION)) {
    const written = m[1]!;
    const value = minutes(written);
    if (value === undefined || value <= 0) continue;
    const rounded = Math.max(1, Math.round(value));
    durations.set(rounded, [...(durations.get(rounded) ?? []), written]);
  }
  if (durations.size === 1) facts.duration = [...durations.keys()][0]!;
  else if (durations.size > 1) {
    facts.unclear.push({ field: 'duration', written: [...durations.values()].map((w) => w[0]!), reason: 'several', readings: [...durations.keys()].map(String) });
  }
  return facts;
}
