/**
 * Reads a coder file (`codings/<coder>.yaml`).
 *
 * Fast path: the layout codage writes (serialize.ts) is recognised line by line and each
 * segment line is read with `JSON.parse`. Anything else (a hand edit in block style, an inline
 * comment, a quoting style JSON does not know) makes the whole file go through the `yaml`
 * parser, so problems still carry their line and column. Both paths give the same result —
 * except on lines with a YAML syntax error among the segments: those alone go through the yaml
 * parser, for their errors, and their segments are left out (see readDamage).
 *
 * Nothing the user wrote is dropped: an entry of `segments:` that is not a valid segment is
 * reported and returned in `invalid` (with its raw text and its value), and unknown top-level
 * keys in `extra`; `serializeCoderFile(coderFile, { invalid, extra })` writes them back.
 * When `rewritable` is false the file was not fully understood and must not be rewritten until
 * the user fixes it: a YAML syntax error (a tab used to indent, a key written twice, in a segment
 * line or among the memos), too many YAML aliases (an "alias bomb"), an unknown version, or a
 * structure that rewriting would change (`segments` not a list, `memos` not a mapping of texts).
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { CoderFile, Localized, Problem, Segment } from '../types.js';
import { nearest } from '../codebook/nearest.js';
import { slugify } from '../codebook/slug.js';
import { isValidCoderName } from '../study/study.js';
import { aliasBombProblem, MAX_ALIAS_COUNT, positionAt, yamlProblems } from '../codebook/yaml-problems.js';
import { CODER_FILE_VERSION } from './serialize.js';
import type { ExtraKey, InvalidSegment } from './serialize.js';

export interface CoderFileRead {
  coderFile: CoderFile;
  problems: Problem[];
  /** Entries of `segments:` that are not valid segments (reported), to be written back as they are. */
  invalid: InvalidSegment[];
  /** Top-level keys codage does not use (reported), to be written back as they are. */
  extra: ExtraKey[];
  /** False when the file was not fully understood: do not rewrite it before the user fixes it. */
  rewritable: boolean;
}

export const SEGMENT_KEYS = ['id', 'participant', 'start', 'end', 'codes', 'text', 'memo', 'exemplary', 'quote', 'ambiguous', 'confirmed', 'at', 'prefix', 'suffix'];
const SEGMENT_KEY_SET = new Set(SEGMENT_KEYS);

/** Where a field of an entry is written: 1-based line and column. */
type Locate = (field?: string) => { line: number; column?: number };

/** The entries of `segments:`, as parallel arrays (no object per entry on the fast path). */
interface RawEntries {
  values: unknown[];
  /** 1-based line where each entry starts. */
  lines: number[];
  /** Fast path: each entry's whole line (`  - {…}`). */
  texts?: string[];
  /** Slow path: each entry as written, and where its fields are. */
  raws?: string[];
  locates?: Locate[];
}

function rawOf(entries: RawEntries, i: number): string {
  return entries.raws ? (entries.raws[i] as string) : (entries.texts?.[i] ?? '').slice(4);
}

function locateIn(entries: RawEntries, i: number, field?: string): { line: number; column?: number } {
  const locate = entries.locates?.[i];
  if (locate) return locate(field);
  const text = entries.texts?.[i];
  const at = field === undefined || text === undefined ? -1 : text.indexOf(`"${field}":`);
  return { line: entries.lines[i] as number, column: at >= 0 ? at + 1 : 5 };
}

interface RawFile {
  version?: unknown;
  versionAt?: Locate;
  coder?: unknown;
  coderAt?: Locate;
  memos: { key: string; value: unknown; locate: Locate }[];
  entries: RawEntries;
  extra: (ExtraKey & { locate: Locate })[];
  problems: Problem[];
  rewritable: boolean;
}

/** Reads the text of a coder file. `coderFromFileName` is the file name without `.yaml`. */
export function parseCoderFile(source: string, file: string, coderFromFileName: string): CoderFileRead {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const raw = readFast(text, file) ?? readWithYaml(text, file);
  return check(raw, file, coderFromFileName);
}

// ---------------------------------------------------------------------------------------------
// Fast path

const TOP_LINE = /^([\p{L}_][\p{L}\p{N}_.-]*|"(?:[^"\\]|\\.)*"):(?: (.*))?$/u;
const MEMO_LINE = /^ {2}([\p{L}_][\p{L}\p{N}_.-]*|"(?:[^"\\]|\\.)*"): (".*")$/u;

function keyOf(written: string): string {
  return written.startsWith('"') ? (JSON.parse(written) as string) : written;
}

/** A plain scalar the way YAML would read it, if it is simple; undefined to fall back. */
function plainValue(text: string): unknown {
  if (text.startsWith('"') || text.startsWith('{') || text.startsWith('[') || /^-?\d+$/.test(text)) {
    return JSON.parse(text);
  }
  if (/^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(text) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(text)) return text;
  return undefined;
}

/** A segment line as codage writes it (`  - {…}`) read as JSON, or undefined when it is not one. */
function segmentLine(line: string): unknown {
  if (!line.startsWith('  - {') || line.charCodeAt(line.length - 1) !== 125 /* } */) return undefined;
  try {
    return JSON.parse(line.slice(4));
  } catch {
    return undefined;
  }
}

/** Lines `from`…`to` (0-based, `to` excluded) of the file that the fast reader could not read. */
interface Damage {
  from: number;
  to: number;
}

function readFast(text: string, file: string): RawFile | null {
  const lines = text.split('\n');
  const values: unknown[] = [];
  const numbers: number[] = [];
  const texts: string[] = [];
  const out: RawFile = { memos: [], entries: { values, lines: numbers, texts }, extra: [], problems: [], rewritable: true };
  const seen = new Set<string>();
  const memoKeys = new Set<string>();
  const damaged: Damage[] = [];
  let section: 'top' | 'memos' | 'segments' = 'top';
  /** Where the first segment line starts, and where the current line does. */
  let segmentsFrom = -1;
  let offset = 0;
  const lineAt = (i: number): string => {
    const line = lines[i] as string;
    return line.charCodeAt(line.length - 1) === 13 /* \r */ ? line.slice(0, -1) : line;
  };
  try {
    for (let i = 0; i < lines.length; offset += (lines[i] as string).length + 1, i++) {
      const line = lineAt(i);
      const n = i + 1;
      const segment = section === 'segments' ? segmentLine(line) : undefined;
      if (segment !== undefined) {
        if (values.length === 0) segmentsFrom = offset;
        values.push(segment);
        numbers.push(n);
        texts.push(line);
        continue;
      }
      const c0 = line.charCodeAt(0);
      if (line.length === 0 || c0 === 35 /* # */ || /^\s*(#.*)?$/.test(line)) continue;
      if (section === 'segments' && (c0 === 32 /* space */ || !TOP_LINE.test(line))) {
        // A line of the list that is not a segment line (cut in two, a quote left open, a block
        // written by hand): it and the lines after it up to the next segment line or top-level key
        // are read by the yaml parser alone (readDamage), not the whole file.
        let to = i + 1;
        for (; to < lines.length; to++) {
          const next = lineAt(to);
          if (segmentLine(next) !== undefined) break;
          if (next.length > 0 && next.charCodeAt(0) !== 32 && next.charCodeAt(0) !== 35 && TOP_LINE.test(next)) break;
        }
        damaged.push({ from: i, to });
        for (; i < to - 1; i++) offset += (lines[i] as string).length + 1;
        continue;
      }
      if (c0 === 32 /* space */) {
        if (section === 'memos') {
          const m = MEMO_LINE.exec(line);
          if (!m) return null;
          const key = keyOf(m[1] as string);
          if (memoKeys.has(key)) return null;
          memoKeys.add(key);
          out.memos.push({ key, value: JSON.parse(m[2] as string), locate: () => ({ line: n, column: 3 }) });
          continue;
        }
        return null;
      }
      const m = TOP_LINE.exec(line);
      if (!m) return null;
      const key = keyOf(m[1] as string);
      if (seen.has(key)) return null;
      seen.add(key);
      const rest = m[2]?.trim() ?? '';
      const at: Locate = () => ({ line: n, column: 1 });
      section = 'top';
      if (key === 'segments' || key === 'memos') {
        if (rest === '') section = key;
        else if (rest !== (key === 'segments' ? '[]' : '{}')) return null;
        continue;
      }
      if (rest === '') return null;
      const value = plainValue(rest);
      if (value === undefined) return null;
      if (!setHeaderKey(out, key, value, at)) out.extra.push({ key, value, locate: at });
    }
  } catch {
    return null;
  }
  // JSON.parse keeps the last of two equal keys: the lines where that may be are read again by the
  // yaml parser, which reports a repeated key at its line and column.
  const region = damaged.length === 0 ? text.slice(segmentsFrom) : texts.join('\n');
  if (values.length > 0 && mayRepeatKeys(region, values)) {
    const suspect = new Set<number>();
    for (let k = 0; k < values.length; k++) if (mayRepeatKeys(texts[k] as string, [values[k]])) suspect.add(k);
    for (const k of suspect) damaged.push({ from: (numbers[k] as number) - 1, to: numbers[k] as number });
    removeEntries(out.entries, suspect);
  }
  return damaged.length === 0 ? out : readDamage(out, file, lineAt, damaged);
}

function removeEntries(entries: RawEntries, drop: ReadonlySet<number>): void {
  if (drop.size === 0) return;
  const keep = (_: unknown, k: number) => !drop.has(k);
  const values = entries.values.filter(keep);
  const lines = entries.lines.filter(keep);
  const texts = entries.texts?.filter(keep);
  entries.values.length = 0;
  entries.values.push(...values);
  entries.lines.length = 0;
  entries.lines.push(...lines);
  if (entries.texts && texts) {
    entries.texts.length = 0;
    entries.texts.push(...texts);
  }
}

/**
 * The damaged lines of a file the fast reader read otherwise: each stretch is read by the yaml
 * parser alone, and its first syntax error is the file's, at its line and column. The segments on
 * those lines are left out (never guessed from what the parser recovers: a segment cut in two
 * would otherwise be read with half its text, and moved to where that half occurs), the file is
 * not rewritable until it is fixed, and the rest is read at the fast reader's speed: one broken
 * line among 20,000 no longer sends the whole file through the yaml parser (five times slower,
 * twice the memory). A stretch the yaml parser reads without error (a segment written by hand in
 * block style, an alias) sends the whole file to it after all: null.
 */
function readDamage(out: RawFile, file: string, lineAt: (i: number) => string, damaged: readonly Damage[]): RawFile | null {
  for (const { from, to } of damaged) {
    const lineCounter = new LineCounter();
    const stretch = Array.from({ length: to - from }, (_, k) => lineAt(from + k)).join('\n');
    const doc = parseDocument(stretch, { lineCounter, uniqueKeys: true, logLevel: 'error' });
    if (doc.errors.length === 0 || doc.errors.some((e) => e.code === 'BAD_ALIAS')) return null;
    // The first error only: those after it on the same lines follow from it (a quote left open
    // makes the parser stumble on every colon of the next line).
    const first = yamlProblems(doc, file, lineCounter)
      .filter((p) => p.severity === 'error')
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))[0];
    if (first !== undefined) out.problems.push({ ...first, line: (first.line ?? 1) + from });
  }
  out.rewritable = false;
  return out;
}

/**
 * Whether a segment line names a key twice (`{"start": 0, …, "start": 1}`), which JSON.parse reads
 * silently, keeping the last. Inside a JSON string every `"` is escaped, so an unescaped `"`
 * directly followed by `:` ends a key: the segment lines (`region`) must have exactly as many as
 * the parsed objects have keys. Any other count (a key written twice, a nested mapping, a space
 * before a colon) sends the file to the yaml parser, which reports a repeated key at its line and
 * column. Counted over the whole region at once: a few milliseconds for 20,000 segments.
 */
function mayRepeatKeys(region: string, values: readonly unknown[]): boolean {
  let keys = 0;
  // Counted without an array of keys per segment (40,000 of them for two coders).
  for (let i = 0; i < values.length; i++) for (const _ in values[i] as object) keys++;
  let ends = 0;
  for (let at = region.indexOf('":'); at !== -1; at = region.indexOf('":', at + 2)) ends++;
  // `\":` inside a text is an escaped quote, unless the backslash is itself escaped.
  for (let at = region.indexOf('\\":'); at !== -1; at = region.indexOf('\\":', at + 3)) {
    let backslashes = 0;
    while (region.charCodeAt(at - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 1) ends--;
  }
  // A value that begins with a colon (a prefix `": D’accord. Et ensuite ?\nP2 : "` cut after a
  // speaker label) opens with `": ":`: its opening quote is not a key's end.
  for (let at = region.indexOf('": ":'); at !== -1; at = region.indexOf('": ":', at + 3)) ends--;
  return ends !== keys;
}

/** Records `version` or `coder` (the same for both readers); false for any other key. */
function setHeaderKey(out: RawFile, key: string, value: unknown, at: Locate): boolean {
  if (key === 'version') {
    out.version = value;
    out.versionAt = at;
    return true;
  }
  if (key === 'coder') {
    out.coder = value;
    out.coderAt = at;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Slow path: any YAML

function readWithYaml(text: string, file: string): RawFile {
  const lineCounter = new LineCounter();
  // logLevel: a mapping used as a key (a line indented with a tab) is reported as a problem,
  // not as a warning of the yaml library on the terminal.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, logLevel: 'error' });
  const entries: Required<Omit<RawEntries, 'texts'>> = { values: [], lines: [], raws: [], locates: [] };
  const out: RawFile = { memos: [], entries, extra: [], problems: yamlProblems(doc, file, lineCounter), rewritable: doc.errors.length === 0 };
  const pos = (node: unknown): { line: number; column?: number } => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? positionAt(lineCounter, range[0]) : { line: 1 };
  };
  const contents = doc.contents;
  if (contents === null || (!isMap(contents) && (contents as { value?: unknown }).value === null)) return out;
  if (!isMap(contents)) {
    out.rewritable = false;
    out.problems.push({
      severity: 'error',
      file,
      ...pos(contents),
      kind: 'coder-file-not-mapping',
      message: { en: 'A coder file must be a mapping with `version`, `coder`, `memos` and `segments`.', fr: 'Un fichier de codeur doit être un dictionnaire avec `version`, `coder`, `memos` et `segments`.' },
      hint: { en: 'Compare it with another coder file, or restore it from .codage/backups/.', fr: 'Comparez-le avec un autre fichier de codeur, ou restaurez-le depuis .codage/backups/.' },
    });
    return out;
  }
  let js: Record<string, unknown>;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    out.rewritable = false;
    const problem = aliasBombProblem(doc, file, lineCounter);
    if (problem) out.problems.push(problem);
    return out;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = String((keyNode as { value?: unknown } | null)?.value ?? keyNode);
    const at: Locate = () => pos(keyNode);
    const value = js[key];
    if (setHeaderKey(out, key, value, at)) continue;
    if (key === 'memos') {
      if (value === null || value === undefined) continue;
      if (!isMap(pair.value)) {
        out.rewritable = false;
        out.problems.push(wrongType(file, pos(pair.value), 'memos', { en: 'a mapping `participant: "memo"`', fr: 'un dictionnaire `participant: "mémo"`' }));
        continue;
      }
      for (const memo of (pair.value as YAMLMap).items) {
        const k = String((memo.key as { value?: unknown } | null)?.value ?? memo.key);
        out.memos.push({ key: k, value: (value as Record<string, unknown>)[k], locate: () => pos(memo.key) });
      }
    } else if (key === 'segments') {
      if (value === null || value === undefined) continue;
      if (!isSeq(pair.value)) {
        out.rewritable = false;
        out.problems.push(wrongType(file, pos(pair.value), 'segments', { en: 'a list, one `- {…}` per segment', fr: 'une liste, un `- {…}` par segment' }));
        continue;
      }
      const values = value as unknown[];
      pair.value.items.forEach((item, i) => {
        const node = item as YamlNode;
        const range = node.range;
        const start = pos(node);
        entries.values.push(values[i]);
        entries.lines.push(start.line);
        entries.raws.push(range ? text.slice(range[0], range[1]).trimEnd() : '');
        entries.locates.push((field) => {
          if (field !== undefined && isMap(node)) {
            const p = node.items.find((x) => (x.key as { value?: unknown } | null)?.value === field);
            if (p) return pos(p.key);
          }
          return start;
        });
      });
    } else {
      out.extra.push({ key, value, locate: at });
    }
  }
  return out;
}

function wrongType(file: string, at: { line: number; column?: number }, key: string, expected: Localized): Problem {
  return {
    severity: 'error',
    file,
    ...at,
    kind: 'coder-file-wrong-type',
    message: { en: `\`${key}\` must be ${expected.en}.`, fr: `\`${key}\` doit être ${expected.fr}.` },
    hint: { en: 'Fix it by hand: codage will not rewrite this file until then.', fr: 'Corrigez-le à la main : codage ne réécrira pas ce fichier d’ici là.' },
  };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by both paths

const KEPT: Localized = {
  en: 'correct this line by hand, or delete it (codage check lists every such line); until then the segment stays in the file but is left out of analyses',
  fr: 'corriger cette ligne à la main, ou la supprimer (codage check liste toutes ces lignes) ; d’ici là le segment reste dans le fichier mais n’est pas pris en compte',
};

interface Flaw {
  field?: string;
  kind: string;
  message: Localized;
}

/** A key as a message shows it: a runaway one (a whole block read as a key) is cut short. */
function shortened(key: string): string {
  return key.length <= 40 ? key : `${key.slice(0, 37)}…`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * True for an entry that is a valid segment as codage writes it: checked without allocating, so
 * that 20,000 segments are read at the speed of JSON.parse. It is the fast form of `flawsOf`:
 * clean exactly when `flawsOf` finds nothing, no code is listed twice and no field is `null`
 * (those few go through `flawsOf` and `toSegment`). A property test holds the two to that.
 */
export function isCleanSegment(v: Record<string, unknown>): boolean {
  let keys = 0;
  for (const key in v) {
    if (!SEGMENT_KEY_SET.has(key)) return false;
    keys++;
  }
  const { id, participant, start, end, codes, text, memo, exemplary, quote, ambiguous, confirmed, at, prefix, suffix } = v;
  if (typeof id !== 'string' || id === '' || typeof participant !== 'string' || participant === '') return false;
  if (!isOffset(start) || !isOffset(end) || start >= end || typeof text !== 'string') return false;
  if (!Array.isArray(codes) || codes.length === 0) return false;
  for (let i = 0; i < codes.length; i++) {
    const c: unknown = codes[i];
    if (typeof c !== 'string' || c === '') return false;
    for (let j = 0; j < i; j++) if (codes[j] === c) return false;
  }
  if (memo !== undefined && typeof memo !== 'string') return false;
  if (exemplary !== undefined && typeof exemplary !== 'boolean') return false;
  if (quote !== undefined && (typeof quote !== 'string' || quote === '')) return false;
  if (ambiguous !== undefined && typeof ambiguous !== 'boolean') return false;
  if (confirmed !== undefined && typeof confirmed !== 'boolean') return false;
  if (at !== undefined && typeof at !== 'string') return false;
  if (prefix !== undefined && typeof prefix !== 'string') return false;
  if (suffix !== undefined && typeof suffix !== 'string') return false;
  return keys > 0;
}

/** The flaws that keep an entry from being a valid segment (empty: valid), each with its message. */
export function flawsOf(v: Record<string, unknown>): Flaw[] {
  const flaws: Flaw[] = [];
  const text = (field: string, required: boolean, what: Localized): void => {
    const x = v[field];
    if (x === undefined || x === null) {
      if (required) flaws.push({ kind: 'segment-missing-field', message: { en: `The segment has no \`${field}\` (${what.en}).`, fr: `Le segment n’a pas de \`${field}\` (${what.fr}).` } });
    } else if (typeof x !== 'string' || (required && field !== 'text' && x === '')) {
      flaws.push({ field, kind: 'segment-wrong-type', message: { en: `\`${field}\` must be ${what.en} in quotes.`, fr: `\`${field}\` doit être ${what.fr} entre guillemets.` } });
    }
  };
  text('id', true, { en: 'the segment id', fr: 'l’identifiant du segment' });
  text('participant', true, { en: 'the participant id', fr: 'l’identifiant du participant' });
  for (const field of ['start', 'end']) {
    const x = v[field];
    if (x === undefined || x === null) flaws.push({ kind: 'segment-missing-field', message: { en: `The segment has no \`${field}\`.`, fr: `Le segment n’a pas de \`${field}\`.` } });
    else if (!isOffset(x)) flaws.push({ field, kind: 'segment-wrong-type', message: { en: `\`${field}\` must be a whole number ≥ 0.`, fr: `\`${field}\` doit être un nombre entier ≥ 0.` } });
  }
  if (isOffset(v.start) && isOffset(v.end) && v.start >= v.end) {
    flaws.push({ field: 'end', kind: 'segment-empty-range', message: { en: `\`start\` (${v.start}) must be less than \`end\` (${v.end}).`, fr: `\`start\` (${v.start}) doit être inférieur à \`end\` (${v.end}).` } });
  }
  const codes = v.codes;
  if (codes === undefined || codes === null || (Array.isArray(codes) && codes.length === 0)) {
    flaws.push({ field: codes === undefined ? undefined : 'codes', kind: 'segment-no-codes', message: { en: 'The segment has no code.', fr: 'Le segment n’a aucun code.' } });
  } else if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && c !== '')) {
    flaws.push({ field: 'codes', kind: 'segment-wrong-type', message: { en: '`codes` must be a list of code ids: `["impuissance", "humour"]`.', fr: '`codes` doit être une liste d’identifiants de codes : `["impuissance", "humour"]`.' } });
  }
  text('text', true, { en: 'the quoted text', fr: 'le texte cité' });
  text('memo', false, { en: 'text', fr: 'du texte' });
  text('at', false, { en: 'a date and time', fr: 'une date et une heure' });
  text('quote', false, { en: 'the quote id', fr: 'l’identifiant de la citation' });
  if (v.quote === '') flaws.push({ field: 'quote', kind: 'segment-wrong-type', message: { en: '`quote` must not be empty: remove it, or give the id the quote’s other segments have.', fr: '`quote` ne doit pas être vide : supprimez-le, ou donnez l’identifiant qu’ont les autres segments de la citation.' } });
  text('prefix', false, { en: 'text', fr: 'du texte' });
  text('suffix', false, { en: 'text', fr: 'du texte' });
  for (const field of ['exemplary', 'ambiguous', 'confirmed']) {
    const x = v[field];
    if (x !== undefined && x !== null && typeof x !== 'boolean') {
      flaws.push({ field, kind: 'segment-wrong-type', message: { en: `\`${field}\` must be \`true\` or \`false\`.`, fr: `\`${field}\` doit valoir \`true\` ou \`false\`.` } });
    }
  }
  for (const key in v) {
    if (SEGMENT_KEY_SET.has(key)) continue;
    const guess = nearest(key, SEGMENT_KEYS);
    // A key close to one codage knows is a slip of the pen (its value would go unread); any other
    // was written by a newer codage or a script, and is kept (see `otherKeysOf`).
    if (guess === undefined) continue;
    flaws.push({
      field: key,
      kind: 'segment-unknown-key',
      message: {
        en: `Unknown key \`${key}\` in a segment${guess ? ` (did you mean \`${guess}\`?)` : ''}.`,
        fr: `Clé inconnue \`${key}\` dans un segment${guess ? ` (vouliez-vous écrire \`${guess}\` ?)` : ''}.`,
      },
    });
  }
  return flaws;
}

/** The keys of an entry that codage does not know and that are close to none it knows, as read. */
export function otherKeysOf(v: Record<string, unknown>): Record<string, unknown> | undefined {
  let other: Record<string, unknown> | undefined;
  for (const key in v) {
    if (SEGMENT_KEY_SET.has(key) || nearest(key, SEGMENT_KEYS) !== undefined) continue;
    (other ??= {})[key] = v[key];
  }
  return other;
}

function toSegment(v: Record<string, unknown>, line: number): { segment: Segment; duplicateCodes: boolean } {
  const codes = v.codes as string[];
  const unique = [...new Set(codes)];
  const segment: Segment = {
    id: v.id as string,
    participant: v.participant as string,
    start: v.start as number,
    end: v.end as number,
    codes: unique,
    text: v.text as string,
    line,
  };
  if (typeof v.memo === 'string') segment.memo = v.memo;
  if (v.exemplary === true) segment.exemplary = true;
  if (typeof v.quote === 'string' && v.quote !== '') segment.quote = v.quote;
  if (v.ambiguous === true) segment.ambiguous = true;
  if (v.confirmed === true) segment.confirmed = true;
  if (typeof v.at === 'string') segment.at = v.at;
  if (typeof v.prefix === 'string') segment.prefix = v.prefix;
  if (typeof v.suffix === 'string') segment.suffix = v.suffix;
  const other = otherKeysOf(v);
  if (other !== undefined) segment.otherKeys = other;
  return { segment, duplicateCodes: unique.length !== codes.length };
}

/**
 * Whether `coder:` is the coder's name as people write it rather than another coder's id: it
 * cannot be a file name (`Marie Dupont`), or the file's name derives from it (`Marie` for
 * marie.yaml or marie-2.yaml, `Dr Martin` for dr-martin.yaml, as import-refi names coder files).
 * Any other id (`coder: paul` in marie.yaml, a copied file) is still pointed out.
 */
export function isDisplayNameOf(written: string, coder: string): boolean {
  if (written.trim() === '' || written !== written.trim() || /[\u0000-\u001f\u007f]/.test(written)) return false;
  if (!isValidCoderName(written)) return true;
  const file = coder.toLowerCase();
  return [written.toLowerCase(), slugify(written, 'coder')].some((base) => file === base || (file.startsWith(`${base}-`) && /^\d+$/.test(file.slice(base.length + 1))));
}

function check(raw: RawFile, file: string, coderFromFileName: string): CoderFileRead {
  const problems = raw.problems;
  const problem = (severity: Problem['severity'], at: { line: number; column?: number }, kind: string, message: Localized, hint?: Localized): void => {
    const p: Problem = { severity, file, line: at.line, kind, message };
    if (at.column !== undefined) p.column = at.column;
    if (hint) p.hint = hint;
    problems.push(p);
  };
  let rewritable = raw.rewritable;

  if (raw.version !== undefined && raw.version !== null && raw.version !== CODER_FILE_VERSION) {
    rewritable = false;
    problem('error', raw.versionAt?.() ?? { line: 1 }, 'coder-file-version', {
      en: `Unknown coder file version \`${String(raw.version)}\` (this codage reads version ${CODER_FILE_VERSION}).`,
      fr: `Version de fichier de codeur inconnue \`${String(raw.version)}\` (cette version de codage lit la version ${CODER_FILE_VERSION}).`,
    }, {
      en: 'Update codage (npm install -g codage), or check the `version:` line.',
      fr: 'Mettez codage à jour (npm install -g codage), ou vérifiez la ligne `version:`.',
    });
  }

  let name: string | undefined;
  if (raw.coder !== undefined && raw.coder !== null) {
    const written = typeof raw.coder === 'string' ? raw.coder : String(raw.coder);
    if (written !== coderFromFileName && isDisplayNameOf(written, coderFromFileName)) {
      name = written;
    } else if (written !== coderFromFileName) {
      problem('warning', raw.coderAt?.() ?? { line: 1 }, 'coder-file-coder-mismatch', {
        en: `The file says \`coder: ${written}\` but its name says \`${coderFromFileName}\`: the file name is used.`,
        fr: `Le fichier indique \`coder: ${written}\` mais son nom indique \`${coderFromFileName}\` : c’est le nom du fichier qui compte.`,
      }, {
        en: `Rename the file to codings/${written}.yaml, or write \`coder: ${coderFromFileName}\`.`,
        fr: `Renommez le fichier en codings/${written}.yaml, ou écrivez \`coder: ${coderFromFileName}\`.`,
      });
    }
  }
  const coder = coderFromFileName;

  const memos: Record<string, string> = {};
  for (const m of raw.memos) {
    if (m.value === null || m.value === undefined) continue;
    if (typeof m.value === 'string') memos[m.key] = m.value;
    else if (typeof m.value === 'object') {
      // A list or a mapping would be rewritten as one text: not understood, not rewritten.
      memos[m.key] = JSON.stringify(m.value);
      rewritable = false;
      problem('error', m.locate(), 'coder-file-wrong-type', {
        en: `The memo of ${m.key} must be one text, not a list or a mapping.`,
        fr: `Le mémo de ${m.key} doit être un seul texte, pas une liste ni un dictionnaire.`,
      }, {
        en: 'Write it as one text in double quotes ("first point; second point"). codage will not rewrite this file until then.',
        fr: 'Écrivez-le en un seul texte entre guillemets doubles ("premier point ; second point"). codage ne réécrira pas ce fichier d’ici là.',
      });
    } else {
      memos[m.key] = String(m.value);
      problem('warning', m.locate(), 'coder-file-wrong-type', {
        en: `The memo of ${m.key} is not text: it is read as text.`,
        fr: `Le mémo de ${m.key} n’est pas du texte : il est lu comme du texte.`,
      }, { en: 'Put the memo in double quotes.', fr: 'Mettez le mémo entre guillemets doubles.' });
    }
  }

  for (const e of raw.extra) {
    const guess = nearest(e.key, ['version', 'coder', 'memos', 'segments']);
    const key = shortened(e.key);
    problem('warning', e.locate(), 'coder-file-unknown-key', {
      en: `Unknown key \`${key}\`: codage does not use it (it is kept in the file).`,
      fr: `Clé inconnue \`${key}\` : codage ne l’utilise pas (elle est conservée dans le fichier).`,
    }, guess
      ? { en: `Did you mean \`${guess}\`?`, fr: `Vouliez-vous écrire \`${guess}\` ?` }
      : { en: 'Known keys: version, coder, memos, segments.', fr: 'Clés connues : version, coder, memos, segments.' });
  }

  const segments: Segment[] = [];
  const invalid: InvalidSegment[] = [];
  /** Keys a newer codage wrote: where each is first, and the lines of the segments that carry it. */
  const otherKeys = new Map<string, { at: { line: number; column?: number }; lines: number[] }>();
  const ids = new Map<string, number>();
  const { values, lines } = raw.entries;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const line = lines[i] as number;
    if (isRecord(v) && isCleanSegment(v) && !ids.has(v.id as string)) {
      // The object JSON.parse made is the segment: no copy.
      const segment = v as unknown as Segment;
      if (segment.exemplary === false) delete segment.exemplary;
      if (segment.ambiguous === false) delete segment.ambiguous;
      if (segment.confirmed === false) delete segment.confirmed;
      segment.line = line;
      ids.set(segment.id, line);
      segments.push(segment);
      continue;
    }
    const flaws: Flaw[] = isRecord(v)
      ? flawsOf(v)
      : [{ kind: 'segment-not-mapping', message: { en: 'A segment must be a mapping `{"id": …, "participant": …}`.', fr: 'Un segment doit être un dictionnaire `{"id": …, "participant": …}`.' } }];
    if (flaws.length === 0 && isRecord(v)) {
      const firstLine = ids.get(v.id as string);
      if (firstLine !== undefined) {
        flaws.push({
          field: 'id',
          kind: 'segment-duplicate-id',
          message: { en: `The segment id \`${String(v.id)}\` is already used on line ${firstLine}.`, fr: `L’identifiant de segment \`${String(v.id)}\` est déjà utilisé ligne ${firstLine}.` },
        });
      }
    }
    if (flaws.length > 0) {
      invalid.push({ line, raw: rawOf(raw.entries, i), value: v });
      for (const f of flaws) problem('error', locateIn(raw.entries, i, f.field), f.kind, f.message, KEPT);
      continue;
    }
    const { segment, duplicateCodes } = toSegment(v as Record<string, unknown>, line);
    ids.set(segment.id, line);
    if (duplicateCodes) {
      problem('warning', locateIn(raw.entries, i, 'codes'), 'segment-duplicate-code', {
        en: 'The same code is listed twice in this segment: it counts once.',
        fr: 'Le même code figure deux fois dans ce segment : il compte une seule fois.',
      });
    }
    for (const key of Object.keys(segment.otherKeys ?? {})) {
      const seen = otherKeys.get(key);
      if (seen === undefined) otherKeys.set(key, { at: locateIn(raw.entries, i, key), lines: [line] });
      else seen.lines.push(line);
    }
    segments.push(segment);
  }
  // One warning per key a newer codage wrote, however many segments carry it (a file where every
  // segment has one would otherwise bury the other problems).
  for (const [key, { at, lines }] of otherKeys) {
    const n = lines.length;
    const shown = lines.slice(0, 5).join(', ') + (n > 5 ? ', …' : '');
    problem(
      'warning',
      at,
      'segment-other-key',
      n === 1
        ? {
            en: `Key \`${key}\` unknown to this version of codage (written by a newer one?): the segment is used, the key is kept in the file as it is.`,
            fr: `Clé \`${key}\` inconnue de cette version de codage (écrite par une version plus récente ?)\u00a0: le segment est pris en compte, la clé est conservée telle quelle dans le fichier.`,
          }
        : {
            en: `Key \`${key}\` unknown to this version of codage (written by a newer one?), in ${n} segments (lines ${shown}): the segments are used, the key is kept in the file as it is.`,
            fr: `Clé \`${key}\` inconnue de cette version de codage (écrite par une version plus récente ?), dans ${n} segments (lignes ${shown})\u00a0: les segments sont pris en compte, la clé est conservée telle quelle dans le fichier.`,
          },
      { en: 'Update codage (npm install -g codage) for it to use the key, or remove the key if you wrote it yourself.', fr: 'Mettez codage à jour (npm install -g codage) pour qu’il s’en serve, ou supprimez la clé si vous l’avez écrite vous-même.' },
    );
  }

  return { coderFile: { coder, ...(name !== undefined ? { name } : {}), memos, segments }, problems, invalid, extra: raw.extra.map(({ key, value }) => ({ key, value })), rewritable };
}
