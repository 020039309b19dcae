/**
 * The order in which the interviews were conducted: saturation is judged along it, and the coding
 * screen opens the next transcript in it.
 *
 * 1. the interview `date` (front matter or participants.csv) comes first;
 * 2. `order` in codage.yaml breaks ties (two interviews on one day) and places the interviews
 *    that have no date: an undated interview sits where `order` puts it among the dated ones;
 * 3. the natural order of ids (P2 before P10) settles the rest; interviews with neither a date
 *    nor a place in `order` come last.
 * Every placement is explained (`basis`), so that it can be printed and checked.
 */
import { compareNatural } from '../natural-sort.js';
import type { Attributes, Problem, StudyConfig, Transcript } from '../types.js';
import { readInterviewDate, type UnclearDate } from './interview-date.js';

/** What decided an interview's place: its date, `order` in codage.yaml, or its id. */
export type OrderBasis = 'date' | 'order' | 'id';

export interface InterviewPlace {
  id: string;
  /** The interview date in ISO form (`2024-03-12`, or `2024-03-12T14:30`), or null. */
  date: string | null;
  basis: OrderBasis;
}

/** Where an attribute is written, for messages. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

export interface InterviewOrderInput {
  transcripts: Transcript[];
  config: StudyConfig;
  attributesOf: (id: string) => Attributes;
  /** Where a participant's `date` is written (front matter or participants.csv). */
  dateSourceOf?: (id: string) => SourcePosition;
  configFile?: string;
}

export interface InterviewOrder {
  ordered: Transcript[];
  /** One per transcript, in interview order. */
  places: InterviewPlace[];
  problems: Problem[];
}

export function interviewOrder(input: InterviewOrderInput): InterviewOrder {
  const { transcripts, config } = input;
  const configFile = input.configFile ?? 'codage.yaml';
  const problems: Problem[] = [];
  const ids = new Set(transcripts.map((t) => t.id));

  const dates = new Map<string, string>();
  // Day first, as in French, unless the study is in English, where `03/04/2024` reads two ways.
  const dayFirst = config.language !== 'en';
  for (const t of transcripts) {
    const written = input.attributesOf(t.id).date;
    const date = readInterviewDate(written, { dayFirst });
    if (typeof date === 'string') dates.set(t.id, date);
    else if (date === undefined) {
      problems.push({
        severity: 'warning',
        ...(input.dateSourceOf?.(t.id) ?? { file: t.file }),
        kind: 'date-invalid',
        message: {
          en: `the date of ${t.id} (${JSON.stringify(written)}) is not a date: it is not used to order the interviews`,
          fr: `la date de ${t.id} (${JSON.stringify(written)}) n’est pas une date : elle ne sert pas à ordonner les entretiens`,
        },
        hint: { en: 'write it as 2024-03-12 or 12/03/2024 (day first)', fr: 'l’écrire 2024-03-12 ou 12/03/2024 (le jour d’abord)' },
      });
    } else if (date !== null) problems.push(ambiguousDate(t.id, String(written), date, input.dateSourceOf?.(t.id) ?? { file: t.file }));
  }

  // The listed ids that have a transcript, with their place in codage.yaml.
  const listed: { id: string; line?: number; column?: number }[] = [];
  (config.order ?? []).forEach((id, i) => {
    const where = config.orderPositions?.[i] ?? {};
    if (ids.has(id)) listed.push({ id, ...where });
    else {
      problems.push({
        severity: 'warning',
        file: configFile,
        ...where,
        kind: 'order-unknown',
        message: { en: `order lists ${id}, which has no transcript`, fr: `order cite ${id}, qui n’a pas de transcription` },
        hint: { en: `remove ${id} from order, or add transcripts/${id}.txt`, fr: `retirer ${id} de order, ou ajouter transcripts/${id}.txt` },
      });
    }
  });

  // Dates decide first: a listed interview dated before one listed above it is a contradiction.
  let latest: { id: string; date: string } | undefined;
  for (const item of listed) {
    const date = dates.get(item.id);
    if (date === undefined) continue;
    if (latest !== undefined && date < latest.date) {
      problems.push({
        severity: 'warning',
        file: configFile,
        line: item.line,
        column: item.column,
        kind: 'order-contradicts-date',
        message: {
          en: `order lists ${item.id} after ${latest.id}, but ${item.id} was interviewed first (${date}, ${latest.id} on ${latest.date}): the dates decide`,
          fr: `order cite ${item.id} après ${latest.id}, mais ${item.id} a été interrogé avant (${date}, ${latest.id} le ${latest.date}) : les dates l’emportent`,
        },
        hint: { en: 'correct the date or the order', fr: 'corriger la date ou l’ordre' },
      });
    } else latest = { id: item.id, date };
  }

  // An undated listed interview takes the date of the dated interview listed before it (or, at
  // the top of the list, after it), and its place in the list settles the tie.
  const rank = new Map<string, number>();
  const sortDate = new Map<string, string>(dates);
  for (const [i, item] of listed.entries()) rank.set(item.id, i);
  let previous: string | undefined;
  const pending: string[] = [];
  for (const item of listed) {
    const date = dates.get(item.id);
    if (date !== undefined) {
      for (const id of pending.splice(0)) sortDate.set(id, date);
      previous = date;
    } else if (previous !== undefined) sortDate.set(item.id, previous);
    else pending.push(item.id);
  }

  const keyed = transcripts.map((t) => ({ t, date: sortDate.get(t.id), rank: rank.get(t.id) }));
  keyed.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      return a.date < b.date ? -1 : 1;
    }
    if (a.rank !== b.rank) {
      if (a.rank === undefined) return 1;
      if (b.rank === undefined) return -1;
      return a.rank - b.rank;
    }
    return compareNatural(a.t.id, b.t.id);
  });
  return {
    ordered: keyed.map((k) => k.t),
    places: keyed.map(({ t, rank: r }) => ({
      id: t.id,
      date: dates.get(t.id) ?? null,
      basis: dates.has(t.id) ? 'date' : r !== undefined ? 'order' : 'id',
    })),
    problems,
  };
}

/** An interview date that reads two ways: not used, and said with what to write instead. */
function ambiguousDate(id: string, written: string, date: UnclearDate, where: SourcePosition): Problem {
  const centuries = [...new Set(date.readings.map((r) => r.slice(0, 4)))];
  const why = {
    'day-month': { en: 'reads day first or month first', fr: 'se lit jour d’abord ou mois d’abord' },
    century: { en: `has a two-digit year, which may be ${centuries.join(' or ')}`, fr: `a une année en deux chiffres, qui peut être ${centuries.join(' ou ')}` },
    'day-month-century': {
      en: `reads day first or month first, and its two-digit year may be ${centuries.join(' or ')}`,
      fr: `se lit jour d’abord ou mois d’abord, et son année en deux chiffres peut être ${centuries.join(' ou ')}`,
    },
  }[date.reason];
  return {
    severity: 'warning',
    ...where,
    kind: 'date-ambiguous',
    message: {
      en: `the date of ${id} ("${written}") ${why.en}: it is not used to order the interviews`,
      fr: `la date de ${id} («\u00a0${written}\u00a0») ${why.fr}\u00a0: elle ne sert pas à ordonner les entretiens`,
    },
    hint: { en: `write the right one: ${date.readings.join(' or ')}`, fr: `écrire la bonne\u00a0: ${date.readings.join(' ou ')}` },
  };
}
