/**
 * The `date` of an interview, as researchers write it in a front matter or in participants.csv:
 * `2024-03-12` (what YAML and spreadsheets export), `12/03/2024` or `12.03.24` (day first, as in
 * French), `12 mars 2024`, `March 12, 2024`, with an optional time (`14:30`, `14h30`). Read into
 * a sortable ISO form (`2024-03-12`, `2024-03-12T14:30`) so that interviews can be put in order.
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

/**
 * The interview date in ISO form; `null` when there is none (no attribute, empty cell);
 * `undefined` when something is written that is not a date (`mardi`, `31/02/2024`, `45362`).
 */
export function parseInterviewDate(value: AttributeValue | undefined): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return null;
  let m = ISO.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]) ?? undefined;
  m = DAY_FIRST.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(year, Number(m[2]), Number(m[1]), m[4], m[5]) ?? undefined;
  }
  const folded = foldForSearch(text).replace(/\s+/g, ' ');
  m = DAY_MONTH_NAME.exec(folded);
  if (m && MONTHS[m[2]!] !== undefined) return iso(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]), m[4], m[5]) ?? undefined;
  m = MONTH_NAME_DAY.exec(folded);
  if (m && MONTHS[m[1]!] !== undefined) return iso(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), m[4], m[5]) ?? undefined;
  return undefined;
}
