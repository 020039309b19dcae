/**
 * The length of an interview, in minutes, as researchers write it in participants.csv, a front
 * matter or the lines before the first speaker: `34`, `34,5`, `34 min`, `52'`, `45'30`, `45′30″`,
 * `1 h 05`, `1h`, `1 heure et 5 minutes`, `42 min 10 s`, `00:42:10`, and `42:10` or `1:05`.
 *
 * A value with one colon reads two ways, minutes:seconds or hours:minutes. It is read as the one
 * that gives an interview's length, from 5 minutes to 4 hours: `42:10` is 42 minutes (42 hours is
 * none), `1:05` is 65 minutes (1 minute is none), `0:45` is 45 minutes; `4:30` is neither (4 h 30
 * or 4 min 30 s) and is not read: both readings are given back, for a message to name.
 */
import type { AttributeValue } from '../types.js';

/** An interview lasts from 5 minutes to 4 hours: what tells `42:10` (minutes) from `1:05` (hours). */
export const SHORTEST_INTERVIEW = 5;
export const LONGEST_INTERVIEW = 240;

const SP = '[ \\t\\u00a0\\u202f]*';
const PLAIN = new RegExp(`^(\\d+(?:[.,]\\d+)?)${SP}(?:minutes?|min|mn)?\\.?$`, 'i');
const HMS = /^(\d+):(\d{2}):(\d{2})$/;
const TWO_PARTS = /^(\d+):(\d{2})$/;
const PRIMES = new RegExp(`^(\\d+)${SP}['’′´](?:${SP}(\\d+)(?:${SP}(?:['’′´]{2}|["”″]))?)?$`);
const HOURS = new RegExp(`^(\\d+)${SP}(?:heures?|hours?|hrs?|h)\\.?(?:${SP}(?:(?:et|and)${SP})?(\\d+)(?:${SP}(?:minutes?|min|mn)\\.?)?)?$`, 'i');
const MINUTES = new RegExp(`^(\\d+)${SP}(?:minutes?|min|mn)\\.?(?:${SP}(\\d+)${SP}(?:secondes?|seconds?|sec|s)\\.?)?$`, 'i');

/** A duration with one colon that is no interview length either way (`4:30`): its two readings, in minutes. */
export interface UnclearDuration {
  /** Hours:minutes, then minutes:seconds. */
  readings: [number, number];
}

/**
 * Minutes from a duration as written (see the module comment); for `4:30`, both readings;
 * undefined when nothing is written or it is not a duration (`environ une heure`, `45:75`).
 */
export function readDuration(value: AttributeValue | undefined): number | UnclearDuration | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  let m = PLAIN.exec(s);
  if (m) return Number(m[1]!.replace(',', '.'));
  m = HMS.exec(s);
  if (m) return Number(m[2]) < 60 && Number(m[3]) < 60 ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) / 60 : undefined;
  m = TWO_PARTS.exec(s);
  if (m) {
    if (Number(m[2]) >= 60) return undefined;
    const asHours = Number(m[1]) * 60 + Number(m[2]);
    const asMinutes = Number(m[1]) + Number(m[2]) / 60;
    const plausible = (minutes: number) => minutes >= SHORTEST_INTERVIEW && minutes <= LONGEST_INTERVIEW;
    if (plausible(asHours)) return asHours;
    if (plausible(asMinutes)) return asMinutes;
    return { readings: [asHours, asMinutes] };
  }
  for (const [form, perFirst] of [[PRIMES, 1], [HOURS, 60], [MINUTES, 1]] as const) {
    m = form.exec(s);
    if (m) return m[2] === undefined || Number(m[2]) < 60 ? Number(m[1]) * perFirst + Number(m[2] ?? 0) / (perFirst === 60 ? 1 : 60) : undefined;
  }
  return undefined;
}

/** Minutes from a duration as written, or undefined when it says none or reads two ways (`4:30`). */
export function parseDuration(value: AttributeValue | undefined): number | undefined {
  const read = readDuration(value);
  return typeof read === 'number' ? read : undefined;
}
