/**
 * The `date` of an interview, as researchers write it in a front matter, in participants.csv or in
 * the lines before a transcript's first speaker: `2024-03-12` (what YAML and spreadsheets export),
 * `12/03/2024` or `12.03.24` (day first, as in French), `12 mars 2024`, `March 12, 2024`, with an
 * optional time (`14:30`, `14h30`). Read into a sortable ISO form (`2024-03-12`,
 * `2024-03-12T14:30`) so that interviews can be put in order.
 *
 * One rule for every reader, and no guess: a numeric date that reads two ways is not read, and
 * its readings are given back for a message to name.
 * - Day first where the date is known to be written the French way (`dayFirst`); elsewhere
 *   `03/04/2024` reads day first or month first. `13/04/2024` and `04/13/2024` read one way only.
 * - A two-digit year from 00 to 49 is 2000–2049 (`12/03/24`); from 50 on (`12.03.99`) it may be
 *   1999 or 2099.
 */
import { foldForSearch } from '../text/fold.js';
import type { AttributeValue } from '../types.js';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, january: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, sept: 9, september: 9, sep: 9,
  octobre: 10, october: 10, oct: 10,
  novembre: 11, november: 11, nov: 11,
  decembre: 12, december: 12, dec: 12,
};

const TIME = String.raw`(?:[ T,]+(?:[aà]\s+)?(\d{1,2})[:h](\d{2})?(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number, hour?: string, minute?: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (hour !== undefined) {
    const h = Number(hour);
    const m = minute === undefined ? 0 : Number(minute);
    if (h > 23 || m > 59) return null;
    out += `T${pad(h)}:${pad(m)}`;
  }
  return out;
}

/** A numeric date that reads two ways (see the module comment), and the ISO dates it may be. */
export interface UnclearDate {
  /**
   * `day-month`: day first or month first; `century`: a two-digit year from 50 on (19xx or
   * 20xx); `day-month-century`: both.
   */
  reason: 'day-month' | 'century' | 'day-month-century';
  /** Each date it may be, in ISO form: day first, then month first; 19xx, then 20xx. */
  readings: string[];
}

export interface DateReadingOptions {
  /** The date is known to be written day first (French); true unless said otherwise. */
  dayFirst?: boolean;
}

/** The years a two-digit year may be: 2000–2049 for 00–49, 19xx or 20xx from 50 on. */
function years(written: string): number[] {
  if (written.length === 4) return [Number(written)];
  return Number(written) < 50 ? [2000 + Number(written)] : [1900 + Number(written), 2000 + Number(written)];
}

/**
 * The interview date in ISO form, or, for a numeric date that reads two ways, its readings and
 * why (see the module comment); `null` when there is none (no attribute, empty cell); `undefined`
 * when something is written that is not a date (`mardi`, `31/02/2024`, `45362`).
 */
export function readInterviewDate(value: AttributeValue | undefined, options: DateReadingOptions = {}): string | UnclearDate | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return null;
  let m = ISO.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]) ?? undefined;
  m = DAY_FIRST.exec(text);
  if (m) {
    const [, first, second, year, hour, minute] = m;
    const century = years(year!);
    const readingsOf = (day: number, month: number) => century.map((y) => iso(y, month, day, hour, minute)).filter((d): d is string => d !== null);
    const dayMonth = readingsOf(Number(first), Number(second));
    const monthDay = Number(first) === Number(second) ? [] : readingsOf(Number(second), Number(first));
    // Day first, unless only the other order makes a date (`03/25/2024`); both where it may be written month first.
    const both = options.dayFirst === false && dayMonth.length > 0 && monthDay.length > 0;
    const readings = both ? [...dayMonth, ...monthDay] : dayMonth.length > 0 ? dayMonth : monthDay;
    if (readings.length === 0) return undefined;
    if (readings.length === 1) return readings[0]!;
    return { reason: both && century.length > 1 ? 'day-month-century' : both ? 'day-month' : 'century', readings };
  }
  const folded = foldForSearch(text).replace(/\s+/g, ' ');
  m = DAY_MONTH_NAME.exec(folded);
  if (m && MONTHS[m[2]!] !== undefined) return iso(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]), m[4], m[5]) ?? undefined;
  m = MONTH_NAME_DAY.exec(folded);
  if (m && MONTHS[m[1]!] !== undefined) return iso(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), m[4], m[5]) ?? undefined;
  return undefined;
}

/**
 * The interview date in ISO form when it reads one way; `null` when there is none; `undefined`
 * when what is written is not a date, or reads two ways (`12.03.99`: 1999 or 2099).
 */
export function parseInterviewDate(value: AttributeValue | undefined, options: DateReadingOptions = {}): string | null | undefined {
  const read = readInterviewDate(value, options);
  return read === null || typeof read === 'string' ? read : undefined;
}
