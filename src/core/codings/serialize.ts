/**
 * Writes a coder file (`codings/<coder>.yaml`) in the form of the README ("The study folder"): a header
 * comment, `version`, `coder`, `memos`, then one segment per line as a JSON object (JSON is
 * valid YAML flow), sorted by participant (natural order), start, end, id. Same input, same bytes.
 *
 * Entries the reader could not accept (`invalid`) and top-level keys it does not know (`extra`)
 * are written back too, so that rewriting a file never drops what the user wrote: invalid
 * segments after the valid ones, in their original order, still as list items (so `codage check`
 * keeps reporting them until they are fixed); unknown keys just before `segments:`.
 */
import type { CoderFile, Language, Segment } from '../types.js';
import { compareNatural } from '../natural-sort.js';
import { Utf8Writer } from '../text/utf8-writer.js';

export const CODER_FILE_VERSION = 1;

/** The comment at the top of a coder file, in the study's language. */
export const CODER_FILE_HEADERS: Record<Language, string> = {
  en:
    '# codage coder file. One coded segment per line; offsets count Unicode code points\n' +
    '# in the transcript text (see the README, "The text that offsets refer to").\n',
  fr:
    '# Fichier de codeur de codage. Un segment codé par ligne ; les positions comptent les points\n' +
    '# de code Unicode du texte de la transcription (voir le README, « The text that offsets refer to »).\n',
};

export const CODER_FILE_HEADER = CODER_FILE_HEADERS.en;

/** The language of the header comment a coder file begins with, or null when it has neither. */
export function coderFileHeaderLanguage(text: string): Language | null {
  const start = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (start.startsWith(CODER_FILE_HEADERS.fr)) return 'fr';
  if (start.startsWith(CODER_FILE_HEADERS.en)) return 'en';
  return null;
}

/** An entry of `segments:` that is not a valid segment, kept as read. */
export interface InvalidSegment {
  /** 1-based line where the entry starts. */
  line: number;
  /** The entry as written in the file. */
  raw: string;
  /** The entry as read (plain data). */
  value: unknown;
}

/** A top-level key of the file that codage does not use, kept as read. */
export interface ExtraKey {
  key: string;
  value: unknown;
}

export interface KeptEntries {
  invalid?: readonly InvalidSegment[];
  extra?: readonly ExtraKey[];
}

/** Characters JSON leaves as they are but YAML does not allow raw, or editors take for line ends. */
const UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff]/;
const UNSAFE_ALL = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

function escapeUnsafe(json: string): string {
  if (!UNSAFE.test(json)) return json;
  return json.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as a JSON (and YAML) double-quoted scalar. */
export function quote(text: string): string {
  return escapeUnsafe(JSON.stringify(text));
}

/** Any plain data in JSON flow style, with `.inf`/`.nan` (YAML) for what JSON cannot write. */
export function flow(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value instanceof Map) return flow(Object.fromEntries([...value].map(([k, v]) => [String(k), v])));
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${quote(k)}: ${flow(v)}`);
    return `{${parts.join(', ')}}`;
  }
  return quote(String(value));
}

const PLAIN_KEY = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A key or short name written plain when YAML reads it back as the same string, else quoted. */
export function plainOrQuoted(text: string): string {
  return PLAIN_KEY.test(text) && !YAML_WORDS.test(text) ? text : quote(text);
}

/** One segment as written on its line (without the leading `  - `). */
export function segmentFlow(s: Segment): string {
  // Pieces joined once: a line grown by `+=` is a chain of twenty strings to flatten on writing.
  const parts = ['{"id": ', quote(s.id), ', "participant": ', quote(s.participant), ', "start": ', String(s.start), ', "end": ', String(s.end), ', "codes": ['];
  for (let i = 0; i < s.codes.length; i++) {
    if (i > 0) parts.push(', ');
    parts.push(quote(s.codes[i] as string));
  }
  parts.push('], "text": ', quote(s.text));
  if (s.memo !== undefined) parts.push(', "memo": ', quote(s.memo));
  if (s.exemplary === true) parts.push(', "exemplary": true');
  if (s.quote !== undefined) parts.push(', "quote": ', quote(s.quote));
  if (s.ambiguous === true) parts.push(', "ambiguous": true');
  if (s.confirmed === true) parts.push(', "confirmed": true');
  if (s.at !== undefined) parts.push(', "at": ', quote(s.at));
  if (s.prefix !== undefined) parts.push(', "prefix": ', quote(s.prefix));
  if (s.suffix !== undefined) parts.push(', "suffix": ', quote(s.suffix));
  if (s.otherKeys !== undefined) for (const [key, value] of Object.entries(s.otherKeys)) parts.push(', ', quote(key), ': ', flow(value));
  parts.push('}');
  return parts.join('');
}

/** Segments in file order: participant (natural order), start, end, id. */
export function sortSegments(segments: readonly Segment[]): Segment[] {
  const participants = [...new Set(segments.map((s) => s.participant))].sort(compareNatural);
  const rank = new Map(participants.map((p, i) => [p, i]));
  const ranks = new Int32Array(segments.length);
  for (let i = 0; i < segments.length; i++) ranks[i] = rank.get((segments[i] as Segment).participant) as number;
  const compare = (i: number, j: number): number => {
    const a = segments[i] as Segment;
    const b = segments[j] as Segment;
    return (ranks[i] as number) - (ranks[j] as number) || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
  let sorted = true;
  for (let i = 1; i < segments.length && sorted; i++) if (compare(i - 1, i) > 0) sorted = false;
  if (sorted) return [...segments];
  const order = Array.from(segments.keys()).sort(compare);
  return order.map((i) => segments[i] as Segment);
}

/** The text of a coder file. */
export function serializeCoderFile(file: CoderFile, kept: KeptEntries = {}, language: Language = 'en'): string {
  return new TextDecoder().decode(coderFileBytes(file, kept, language));
}

/**
 * The bytes of a coder file (UTF-8, no BOM), what `serializeCoderFile` gives as text: written line
 * by line into UTF-8, not joined into one string first (a coder file of 20,000 segments with one
 * « in it would be a string two bytes a character, slower to build and then to encode).
 */
export function coderFileBytes(file: CoderFile, kept: KeptEntries = {}, language: Language = 'en'): Uint8Array {
  return writeCoderFile(file, kept, language).bytes();
}

/**
 * `coderFileBytes` in the pieces they were written in, for a file written piece by piece: a coder
 * file of 20,000 segments is never copied whole into one buffer.
 */
export function coderFilePieces(file: CoderFile, kept: KeptEntries = {}, language: Language = 'en'): Uint8Array[] {
  return writeCoderFile(file, kept, language).pieces();
}

function writeCoderFile(file: CoderFile, kept: KeptEntries, language: Language): Utf8Writer {
  const out = new Utf8Writer();
  out.write(`${CODER_FILE_HEADERS[language]}version: ${CODER_FILE_VERSION}\ncoder: ${plainOrQuoted(file.name ?? file.coder)}\n`);
  const memoKeys = Object.keys(file.memos).sort(compareNatural);
  if (memoKeys.length === 0) out.write('memos: {}\n');
  else {
    out.write('memos:\n');
    for (const key of memoKeys) out.write(`  ${plainOrQuoted(key)}: ${quote(file.memos[key] as string)}\n`);
  }
  for (const { key, value } of kept.extra ?? []) out.write(`${plainOrQuoted(key)}: ${flow(value)}\n`);
  const invalid = kept.invalid ?? [];
  if (file.segments.length === 0 && invalid.length === 0) out.write('segments: []\n');
  else {
    out.write('segments:\n');
    for (const s of sortSegments(file.segments)) {
      out.write('  - ');
      out.line(segmentFlow(s));
    }
    for (const entry of invalid) out.write(`  - ${flow(entry.value)}\n`);
  }
  return out;
}
