/**
 * The interview's date and duration from the lines a transcript opens with, before the first
 * speaker turn: « Entretien n° 3 — Date : 12/03/2025 — durée 42 min », « Date de l’entretien :
 * 12 mars 2025 », « Durée : 00:42:10 », « Durée : 45' » (or 45'30, 45′30″), `Date: 2025-03-12,
 * duration 42 minutes`, a Word table row `Date | 12/03/2025`, or a table's row of names over its row
 * of values (`Date | Durée`, then `12/03/2025 | 42 min`). Only a value named as such (`date`,
 * `durée`, `entretien du`…) is read, and only when it says one thing: two different dates, or a
 * value that reads two ways, give nothing (and say why, with each reading). The header itself stays
 * in the transcript.
 *
 * Values that read two ways:
 * - `03/04/2025` is day first in a French header (or a study in French whose header has no English
 *   words), and reads both ways otherwise; `13/04/2025` and `04/13/2025` read one way only.
 * - A two-digit year (`12/03/24`) is read the same way, as 2000–2049; from 50 on (`12/03/98`), it
 *   could be 1998 or 2098: not read.
 * - A duration `mm:ss` or `h:mm` (« Durée : 42:10 », « 1:05 ») is read as participants.csv's is
 *   (`interview-duration.ts`): the one that gives an interview length, from 5 minutes to 4 hours;
 *   4:30 is neither (4 h 30 or 4 min 30 s): not read.
 */
import { readInterviewDate, type UnclearDate } from '../study/interview-date.js';
import { readDuration } from '../study/interview-duration.js';
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
  /**
   * `several`: different values; `day-month`: a numeric date that reads day first or month first;
   * `century`: a two-digit year from 50 on (19xx or 20xx); `day-month-century`: both;
   * `clock`: `4:30`, which is no interview length as hours:minutes nor as minutes:seconds.
   */
  reason: 'several' | UnclearDate['reason'] | 'clock';
  /**
   * The front matter values it could be, one of which the user writes: each date in ISO form
   * (day first, then month first, for `day-month`; 19xx then 20xx for `century`), each duration
   * in minutes (hours:minutes, then minutes:seconds, for `clock`).
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
/**
 * Between a name and its value: spaces, and at most one `:`, `|`, `=`, dash or tab — or a colon
 * then a table's ` | ` (a Word table whose first column says `Durée :`).
 */
const SEP = `${S}*(?:[:：]${S}*\\|${S}*|[:：|=–—-]${S}*)?`;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const OF_INTERVIEW = `(?:de${S}+l['’]${S}?|d['’]${S}?|of${S}+(?:the${S}+)?)(?:entretien|interview|enregistrement|recording)`;
/** The interview's own number or participant id after `Entretien` (`Entretien MG5 réalisé le…`): `MG5`, `P 3`, `n° 3`, `12`. */
const INTERVIEW_ID = `(?:n[°o]\\.?${S}*)?\\p{L}{0,5}${S}?\\d{1,3}`;
const DATE_NAME =
  `${NOT_WORD_BEFORE}(?:date(?:${S}+${OF_INTERVIEW})?|interview${S}+date` +
  `|(?:entretien|interview)(?:${S}+${INTERVIEW_ID})?(?:${S}+(?:réalisé|realise|mené|mene|enregistré|enregistre|conducted|recorded|held))?${S}+(?:le|du|on)` +
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
/** `45'` (apostrophe, curly apostrophe, prime, acute accent) and `30''` or `30"` (double prime). */
const MINUTE_MARK = "['’′´]";
const SECOND_MARK = "(?:['’′´]{2}|[\"”″])";
const DURATION_VALUE =
  `(\\d{1,2}:\\d{2}:\\d{2}(?!\\d)` +
  `|\\d{1,3}:\\d{2}(?![:\\d])` +
  `|\\d{1,3}${S}*${MINUTE_MARK}(?!['’′´])(?:${S}*\\d{1,2}(?:${S}*${SECOND_MARK})?)?(?![\\p{L}\\d'’′´"”″])` +
  `|\\d{1,2}${S}*(?:heures?|hours?|hrs?|h)\\.?(?:${S}*(?:et${S}+|and${S}+)?\\d{1,2}(?:${S}*${MINUTES_UNIT})?)?(?![\\p{L}\\d])` +
  `|\\d{1,3}${S}*${MINUTES_UNIT}(?:${S}*\\d{1,2}${S}*(?:secondes?|seconds?|sec|s)\\.?)?(?![\\p{L}\\d]))`;
/** `12:30 – 13:15`, `14h30-15h15`: when it took place, not how long it lasted. */
const NOT_A_RANGE = `(?!${S}*(?:[-–—]|à|to)${S}*\\d)`;
const DURATION = new RegExp(`${DURATION_NAME}${SEP}${ABOUT}${DURATION_VALUE}${NOT_A_RANGE}`, 'giu');

/** Words that say the header is French (a numeric date is then day first) or English. */
const FRENCH_WORDS = /(?<![\p{L}])(?:entretien|durée|duree|réalisé|heures?|le|du|de)(?![\p{L}])/iu;
const ENGLISH_WORDS = /(?<![\p{L}])(?:interview(?:ed)?|duration|length|hours?|recorded|conducted|on|of)(?![\p{L}])/iu;

/**
 * A date as the header writes it, in ISO form, or its readings when it reads two ways; `dayFirst`:
 * the header is known to be written day first (French).
 */
function isoDate(written: string, dayFirst: boolean): string | UnclearDate | undefined {
  return readInterviewDate(written.replace(/\s+/g, ' '), { dayFirst }) ?? undefined;
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
  const unsure = new Map<string, Pick<UnclearValue, 'reason' | 'readings'>>();
  for (const m of header.matchAll(DATE)) {
    const written = m[1]!;
    const iso = isoDate(written, dayFirst);
    if (iso === undefined) continue;
    if (typeof iso === 'string') dates.set(iso, [...(dates.get(iso) ?? []), written]);
    else unsure.set(written, iso);
  }
  readOne(facts, 'date', dates, unsure);

  const durations = new Map<number, string[]>();
  const unclearDurations = new Map<string, Pick<UnclearValue, 'reason' | 'readings'>>();
  for (const m of header.matchAll(DURATION)) {
    const written = m[1]!;
    const value = readDuration(written);
    if (value === undefined) continue;
    if (typeof value !== 'number') {
      unclearDurations.set(written, { reason: 'clock', readings: value.readings.map((v) => String(Math.max(1, Math.round(v)))) });
      continue;
    }
    if (value <= 0) continue;
    const rounded = Math.max(1, Math.round(value));
    durations.set(rounded, [...(durations.get(rounded) ?? []), written]);
  }
  readOne(facts, 'duration', durations, unclearDurations);
  return facts;
}

/**
 * The one value of `field` the header gives (`values`: each value with how it was written), or,
 * when it gives several or one that reads two ways (`unsure`), why none is taken.
 */
function readOne(
  facts: HeaderFacts,
  field: 'date' | 'duration',
  values: ReadonlyMap<string | number, string[]>,
  unsure: ReadonlyMap<string, Pick<UnclearValue, 'reason' | 'readings'>>,
): void {
  const found = [...values.values()].map((w) => w[0]!);
  const readings = [...[...values.keys()].map(String), ...[...unsure.values()].flatMap((u) => u.readings)].filter((d, i, all) => all.indexOf(d) === i);
  if (found.length === 1 && unsure.size === 0) {
    if (field === 'date') facts.date = String([...values.keys()][0]!);
    else facts.duration = Number([...values.keys()][0]!);
  } else if (found.length + unsure.size > 1) facts.unclear.push({ field, written: [...found, ...unsure.keys()], reason: 'several', readings });
  else if (unsure.size === 1) {
    const [written, why] = [...unsure][0]!;
    facts.unclear.push({ field, written: [written], ...why });
  }
}
