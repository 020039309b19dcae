/**
 * Verbatims for thesis tables: which quotes to show for a code, in which order, and how they are
 * written — the exact transcript text in the language's quotation marks, then the participant's
 * label from `quote_label`. The only change ever made to the text is the one asked for: leaving
 * out transcription marks such as `*rire*` or `(silence)`.
 */
import { compareNatural } from '../natural-sort.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Attributes, Language, Participant, Segment, Transcript } from '../types.js';
import type { Inline } from './document.js';

/** One quote: one segment, or several segments of the same spreadsheet row sharing a quote id. */
export interface Quote {
  participant: string;
  /** Exact transcript text of each piece, in transcript order. */
  pieces: string[];
  exemplary: boolean;
  /** Position of the first piece in its transcript, and the transcript's place in interview order. */
  start: number;
  interview: number;
  /** Characters of text (pieces together), for shortest/longest. */
  length: number;
  segments: string[];
}

export type QuoteOrder = 'interview' | 'shortest' | 'longest';

export interface QuoteSelection {
  /** At most this many quotes per code (Infinity: all). */
  max: number;
  /** Quotes marked exemplary (`*` in the coding screen) come first. */
  exemplaryFirst: boolean;
  /** Keep only the first quote of each participant for a code. */
  onePerParticipant: boolean;
  order: QuoteOrder;
  /** Leave out laughter, silences and other marks (`*rire*`, `(silence)`, `[soupir]`). */
  omitAnnotations: boolean;
}

export const DEFAULT_SELECTION: QuoteSelection = {
  max: 3,
  exemplaryFirst: true,
  onePerParticipant: false,
  order: 'interview',
  omitAnnotations: false,
};

/** The quote id a segment shares with the other pieces of one quote, when it has one. */
function quoteIdOf(segment: Segment): string | undefined {
  const id = (segment as Segment & { quote?: unknown }).quote;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Marks that are not speech and may be left out on request; `euh`, `[inaudible]` and `[…]` stay. */
const OMITTABLE = new Set(['laughter', 'silence', 'nonverbal', 'hesitation']);

/** The text of [start, end) without its transcription marks (bracketed or starred ones only), spaces tidied. */
export function withoutAnnotations(transcript: Transcript, start: number, end: number): string {
  let out = '';
  let from = start;
  for (const a of transcript.annotations) {
    if (a.end <= start) continue;
    if (a.start >= end) break;
    if (a.start < start || a.end > end || !OMITTABLE.has(a.kind)) continue;
    const first = transcript.text[a.start];
    if (first !== '*' && first !== '(' && first !== '[') continue;
    out += transcript.text.slice(from, a.start);
    from = a.end;
  }
  out += transcript.text.slice(from, end);
  return out
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .replace(/ ([,.…)])/g, '$1')
    .trim();
}

/** A piece as it is printed: line breaks inside a quote become spaces, ends trimmed. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Quotes of each code, built from the placed segments (unplaced ones are never shown). Segments
 * that share a quote id (one spreadsheet row anchored in several pieces) become one quote.
 */
export function quotesByCode(
  segments: readonly AnchoredSegment[],
  interviewRank: ReadonlyMap<string, number>,
  omitAnnotations: boolean,
): Map<string, Quote[]> {
  const byCode = new Map<string, Quote[]>();
  const grouped = new Map<string, Quote>();
  for (const a of segments) {
    if (a.status === 'unplaced') continue;
    const text = flat(omitAnnotations ? withoutAnnotations(a.transcript, a.start, a.end) : a.text);
    if (text === '') continue;
    const codes = [...new Set(a.segment.codes)];
    const quoteId = quoteIdOf(a.segment);
    for (const code of codes) {
      const key = quoteId === undefined ? undefined : `${a.coder}\u0000${a.segment.participant}\u0000${quoteId}\u0000${code}`;
      const existing = key === undefined ? undefined : grouped.get(key);
      if (existing) {
        existing.pieces.push(text);
        existing.segments.push(a.segment.id);
        existing.exemplary ||= a.segment.exemplary === true;
        existing.length += text.length;
        (existing as Quote & { starts: number[] }).starts.push(a.start);
        continue;
      }
      const quote: Quote & { starts: number[] } = {
        participant: a.segment.participant,
        pieces: [text],
        exemplary: a.segment.exemplary === true,
        start: a.start,
        interview: interviewRank.get(a.segment.participant) ?? Number.MAX_SAFE_INTEGER,
        length: text.length,
        segments: [a.segment.id],
        starts: [a.start],
      };
      if (key !== undefined) grouped.set(key, quote);
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push(quote);
    }
  }
  // Pieces of one quote in transcript order.
  for (const quote of grouped.values()) {
    const q = quote as Quote & { starts: number[] };
    const order = q.starts.map((s, i) => i).sort((i, j) => q.starts[i]! - q.starts[j]!);
    q.pieces = order.map((i) => q.pieces[i]!);
    q.segments = order.map((i) => q.segments[i]!);
    q.start = Math.min(...q.starts);
  }
  for (const list of byCode.values()) for (const q of list) delete (q as Partial<Quote & { starts: number[] }>).starts;
  return byCode;
}

function byInterview(a: Quote, b: Quote): number {
  return a.interview - b.interview || compareNatural(a.participant, b.participant) || a.start - b.start || (a.segments[0]! < b.segments[0]! ? -1 : a.segments[0]! > b.segments[0]! ? 1 : 0);
}

/** The quotes to show for one code, in the order they are shown. */
export function selectQuotes(quotes: readonly Quote[], selection: QuoteSelection): Quote[] {
  const compare = (a: Quote, b: Quote): number => {
    if (selection.exemplaryFirst && a.exemplary !== b.exemplary) return a.exemplary ? -1 : 1;
    if (selection.order === 'shortest' && a.length !== b.length) return a.length - b.length;
    if (selection.order === 'longest' && a.length !== b.length) return b.length - a.length;
    return byInterview(a, b);
  };
  const sorted = [...quotes].sort(compare);
  const chosen: Quote[] = [];
  const seen = new Set<string>();
  for (const quote of sorted) {
    if (chosen.length >= selection.max) break;
    if (selection.onePerParticipant) {
      if (seen.has(quote.participant)) continue;
      seen.add(quote.participant);
    }
    chosen.push(quote);
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Writing a quote

/** `« … »` with no-break spaces in French, `“…”` in English. */
export function quoted(text: string, language: Language): string {
  return language === 'fr' ? `«\u00a0${text}\u00a0»` : `\u201c${text}\u201d`;
}

/** The pieces of a quote joined as an omission is marked in a thesis: ` […] `. */
export function quoteText(quote: Quote): string {
  return quote.pieces.join(' […] ');
}

/** Attribute names of a `quote_label` template (`{id}, {sexe}, {age} ans` → id, sexe, age). */
export function labelFields(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
}

/** The number in a participant id: `P07` → `7`, `MG3` → `3`; the id itself when it has none. */
function numberOf(id: string): string {
  const m = /(\d+)(?!.*\d)/.exec(id);
  return m ? String(Number(m[1])) : id;
}

function attributeValue(attributes: Attributes, name: string): string {
  const direct = attributes[name];
  if (direct !== undefined && direct !== null) return String(direct);
  const key = Object.keys(attributes).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : attributes[key];
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The label that signs a quote: the template filled in (`{id}`, `{n}`, any attribute), in
 * parentheses unless the template brings its own (`[P3]`, `— P3`).
 */
export function quoteLabel(template: string, participant: Participant | undefined, id: string): string {
  const filled = template
    .replace(/\{([^{}]+)\}/g, (_, raw: string) => {
      const name = raw.trim();
      if (name === 'id') return id;
      if (name === 'n') return numberOf(id);
      return participant ? attributeValue(participant.attributes, name) : '';
    })
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    // An attribute left empty must not leave its separator behind: `(P1, , 45 ans)`, `(P1,)`.
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/^[\s,;]+|[\s,;]+$/g, '')
    .replace(/\(\s*[,;]\s*/g, '(')
    .replace(/\s*[,;]\s*\)/g, ')')
    .trim();
  return /^[([\-–—]/.test(filled) ? filled : `(${filled})`;
}

/** A quote as runs: the quoted text in italics, then its label upright. */
export function quoteRuns(quote: Quote, label: string, language: Language): Inline[] {
  return [{ text: quoted(quoteText(quote), language), italic: true }, { text: ` ${label}` }];
}
