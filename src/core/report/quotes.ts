/**
 * Verbatims for thesis tables: which quotes to show for a code, in which order, and how they are
 * written — the exact transcript text in the language's quotation marks, then the participant's
 * label from `quote_label`. The only change ever made to the text is the one asked for: leaving
 * out transcription marks such as `*rire*` or `(silence)`.
 *
 * A quote that runs over several speakers' turns (the interviewer's question and the answer, two
 * participants of a focus group) is written as theses write an exchange: each turn after its
 * speaker's label, a dash at each change of speaker as a dialogue is printed (`Enquêtrice : … —
 * P3 : …`, the labels upright in the italic quote), so that the interviewer's words are never
 * read as the participant's. The words are the transcript's; only
 * what stood between the turns (line breaks, timestamps, the label as typed) is written that way.
 */
import { compareNatural } from '../natural-sort.js';
import { foldLetters } from '../text/fold.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import { quoteKey } from '../study/quote-key.js';
import { severalSpeakers } from '../transcript/span-turns.js';
import type { Attributes, Language, Participant, Transcript } from '../types.js';
import type { Inline } from './document.js';
import { quoteMarks, wrapQuote } from './typography.js';

/** One quote: one segment, or several segments of the same spreadsheet row sharing a quote id. */
export interface Quote {
  coder: string;
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
  /** Where each piece lies in its transcript (UTF-16 offsets), in the order of `pieces`. */
  spans: { start: number; end: number }[];
  /** Every code the quote's segments carry (ids, in the order met). */
  codes: string[];
  /** The memos of its segments that have one, in the order of `pieces`. */
  memos: string[];
  /**
   * For each piece that runs over several speakers' turns, its turns (the piece's text is then
   * each turn after its speaker's label); null for a piece of one speaker. In the order of `pieces`.
   */
  turns: (QuoteTurn[] | null)[];
}

/** One speaker's words in a piece that runs over several speakers' turns (speaker null: unlabelled text). */
export interface QuoteTurn {
  speaker: string | null;
  text: string;
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
  // Most pieces hold no line break: no regular expression to run over them.
  return (text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text).trim();
}

/** A speaker's label before their words in a quote: `Enquêtrice\u00a0: ` in French, `Interviewer: ` in English. */
export function speakerLabel(speaker: string, language: Language): string {
  return language === 'fr' ? `${speaker}\u00a0: ` : `${speaker}: `;
}

/** The turns of [start, end) when more than one speaker talks in it (their words as printed), else null. */
function pieceTurns(transcript: Transcript, start: number, end: number, omitAnnotations: boolean): QuoteTurn[] | null {
  const several = severalSpeakers(transcript, start, end);
  if (several === null) return null;
  const turns: QuoteTurn[] = [];
  for (const part of several.parts) {
    const text = flat(omitAnnotations ? withoutAnnotations(transcript, part.start, part.end) : transcript.text.slice(part.start, part.end));
    if (text !== '') turns.push({ speaker: part.speaker, text });
  }
  return turns;
}

/**
 * A piece's turns as one line of text: each turn after its speaker's label, a dash at each change
 * of speaker as a dialogue is printed (in plain text, a label alone was lost in the words).
 */
function turnsText(turns: readonly QuoteTurn[], language: Language): string {
  return turns.map((t) => (t.speaker === null ? t.text : speakerLabel(t.speaker, language) + t.text)).join(' \u2014 ');
}

/**
 * Quotes of each code, built from the placed segments (unplaced ones are never shown). Segments
 * of one coder and participant that share a quote id (one spreadsheet row anchored in several
 * pieces) become one quote, its pieces in transcript order.
 */
export function quotesByCode(
  segments: readonly AnchoredSegment[],
  interviewRank: ReadonlyMap<string, number>,
  omitAnnotations: boolean,
  language: Language,
): Map<string, Quote[]> {
  // Pieces of each quote, in the order met; a segment without a quote id is a quote of its own.
  const units = new Map<
    string,
    {
      pieces: { start: number; end: number; text: string; turns: QuoteTurn[] | null; id: string; exemplary: boolean; memo: string | undefined }[];
      codes: Set<string>;
      first: AnchoredSegment;
    }
  >();
  for (const a of segments) {
    if (a.status === 'unplaced') continue;
    const turns = pieceTurns(a.transcript, a.start, a.end, omitAnnotations);
    const text = turns !== null ? turnsText(turns, language) : flat(omitAnnotations ? withoutAnnotations(a.transcript, a.start, a.end) : a.text);
    if (text === '') continue;
    const key = quoteKey(a.coder, a.segment);
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { pieces: [], codes: new Set(), first: a }));
    unit.pieces.push({ start: a.start, end: a.end, text, turns, id: a.segment.id, exemplary: a.segment.exemplary === true, memo: a.segment.memo });
    for (const code of a.segment.codes) unit.codes.add(code);
  }
  const byCode = new Map<string, Quote[]>();
  for (const unit of units.values()) {
    // Most quotes are one piece: no sorting and no intermediate arrays for them.
    const pieces = unit.pieces.length === 1 ? unit.pieces : [...unit.pieces].sort((x, y) => x.start - y.start);
    const participant = unit.first.segment.participant;
    const texts: string[] = [];
    const segmentIds: string[] = [];
    const spans: Quote['spans'] = [];
    const memos: string[] = [];
    const turns: Quote['turns'] = [];
    let exemplary = false;
    let length = 0;
    for (const p of pieces) {
      texts.push(p.text);
      segmentIds.push(p.id);
      spans.push({ start: p.start, end: p.end });
      const memo = p.memo?.trim() ?? '';
      if (memo !== '') memos.push(memo);
      turns.push(p.turns);
      if (p.exemplary) exemplary = true;
      length += p.text.length;
    }
    const quote: Quote = {
      coder: unit.first.coder,
      participant,
      pieces: texts,
      exemplary,
      start: pieces[0]!.start,
      interview: interviewRank.get(participant) ?? Number.MAX_SAFE_INTEGER,
      length,
      segments: segmentIds,
      spans,
      codes: [...unit.codes],
      memos,
      turns,
    };
    for (const code of unit.codes) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push(quote);
    }
  }
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

/** `« … »` with no-break spaces in French, `“…”` in English; other marks around a quote that holds these (see `quoteMarks`). */
export function quoted(text: string, language: Language): string {
  return wrapQuote(text, language);
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

/**
 * The attribute a `quote_label` field names: written as the column is, else whatever its case and
 * accents (`{age}` for a column `âge`, `{Sexe}` for `sexe`).
 */
export function labelAttribute(keys: readonly string[], name: string): string | undefined {
  if (keys.includes(name)) return name;
  const lower = name.toLowerCase();
  const folded = foldLetters(name);
  return keys.find((k) => k.toLowerCase() === lower) ?? keys.find((k) => foldLetters(k) === folded);
}

function attributeValue(attributes: Attributes, name: string, language: Language | undefined): string {
  let value = attributes[name];
  if (value === undefined || value === null) {
    const key = labelAttribute(Object.keys(attributes), name);
    value = key === undefined ? undefined : attributes[key];
  }
  if (value === undefined || value === null) return '';
  // 12.5 in a French label is 12,5.
  return typeof value === 'number' && language === 'fr' ? String(value).replace('.', ',') : String(value);
}

/**
 * The label that signs a quote: the template filled in (`{id}`, `{n}`, any attribute), in
 * parentheses unless the template brings its own (`[P3]`, `— P3`).
 */
export function quoteLabel(template: string, participant: Participant | undefined, id: string, language?: Language): string {
  const filled = template
    .replace(/\{([^{}]+)\}/g, (whole: string, raw: string, at: number) => {
      const name = raw.trim();
      if (name === 'id') return id;
      if (name === 'n') return numberOf(id);
      const value = participant ? attributeValue(participant.attributes, name, language) : '';
      // `{age} ans` with an age typed `52 ans`: the unit once, as the template writes it.
      const unit = /^\s*(\p{L}+)/u.exec(template.slice(at + whole.length))?.[1];
      if (unit !== undefined) {
        const m = /^(.*\d)\s*(\p{L}+)\.?$/u.exec(value.trim());
        if (m && m[2]!.toLowerCase() === unit.toLowerCase()) return m[1]!;
      }
      return value;
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

/**
 * A quote as runs: the quoted text in italics, then its label upright. In a piece that runs over
 * several speakers' turns, each speaker's label is upright before their words.
 */
export function quoteRuns(quote: Quote, label: string, language: Language): Inline[] {
  if (quote.turns.every((t) => t === null)) return [{ text: quoted(quoteText(quote), language), italic: true }, { text: ` ${label}` }];
  // The marks for the quote as a whole, its speakers' words together (see `quoteMarks`).
  const { open, close } = quoteMarks(quote.pieces.join(' '), language);
  const runs: Inline[] = [];
  const push = (text: string, italic: boolean) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && (last.italic === true) === italic) last.text += text;
    else runs.push(italic ? { text, italic: true } : { text });
  };
  push(open, true);
  quote.pieces.forEach((piece, i) => {
    if (i > 0) push(' […] ', true);
    const turns = quote.turns[i];
    if (turns === null || turns === undefined) {
      push(piece, true);
      return;
    }
    turns.forEach((turn, k) => {
      if (k > 0) push(' \u2014 ', false);
      if (turn.speaker !== null) push(speakerLabel(turn.speaker, language), false);
      push(turn.text, true);
    });
  });
  push(close, true);
  runs.push({ text: ` ${label}` });
  return runs;
}
