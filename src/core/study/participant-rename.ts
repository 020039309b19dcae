/**
 * Renaming a participant id across a study (`codage participant rename P1 P01`): where the id is
 * written, and each file as it should be afterwards. Pure: the command reads the files (under the
 * study's locks), this module says what to write, and `changeStudy` writes it all or nothing.
 *
 * A participant id is written in:
 * - its transcript: the front matter's `id:`, else the file's name (`transcripts/MG3.txt`), or both;
 * - participants.csv: the first cell of its row;
 * - codage.yaml: `order:`, the interview order;
 * - every coder file (the consensus too): each segment's `participant`, and the coder's memo on
 *   the transcript (`memos:`);
 * - the decisions log of each mise en commun (`consensus-decisions.csv`): the participant column,
 *   and the first field of each disagreement's key (`MG3|boundaries|…`);
 * - memos/transcripts/<id>.md, the researcher's memo on the interview (its name only);
 * - .codage/state/<coder>.json, where each coder stopped reading (convenience, not research data).
 *
 * Each file keeps every other byte as it was: its encoding, byte order mark, line endings, quotes,
 * comments and layout; only the id changes. Coder files are the exception codage writes whole,
 * one segment a line, sorted by participant: there the renamed participant's lines may move
 * together. The text of the interviews is never changed, even where a speaker is labelled with
 * the id (`MG3 : …`): the coded segments' offsets point into it.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { KeptEntries } from '../codings/serialize.js';
import { nearest } from '../codebook/nearest.js';
import { DataError, UsageError } from '../errors.js';
import { ParticipantResolver } from '../import/participant.js';
import { fileNameOf } from '../memo/memo.js';
import { encodeAsWritten, readAsWritten, type TextAsWritten } from '../text/as-written.js';
import { csvCell, csvRecords, replaceCells, type CsvCell } from '../text/csv-cells.js';
import { detectDelimiter } from '../text/csv-delimiter.js';
import { parseTranscript } from '../transcript/parse.js';
import type { CoderFile, Localized } from '../types.js';
import { parseStudyConfig } from './config.js';
import { howIdsDiffer, participantIdKey } from './participant-ids.js';
import { parseParticipantsCsv } from './participants.js';

/** Characters no participant id may hold: file names refuse them, and `|` separates a disagreement's key. */
const FORBIDDEN = /[/\\:*?"<>|\p{Cc}\u2028\u2029]/u;

/**
 * Why `id` cannot be a participant id, or null when it can: it names the transcript's file, so
 * it has what every system allows in a file name, begins with a letter or a digit, has no space
 * at either end, and at most 100 characters.
 */
export function participantIdProblem(id: string): Localized | null {
  if (id.trim() === '') return { en: 'an id cannot be empty', fr: 'un identifiant ne peut pas être vide' };
  if (id !== id.trim()) return { en: `"${id}" begins or ends with a space`, fr: `«\u00a0${id}\u00a0» commence ou finit par une espace` };
  if ([...id].length > 100) return { en: 'an id has at most 100 characters', fr: 'un identifiant a au plus 100 caractères' };
  const bad = FORBIDDEN.exec(id);
  if (bad !== null) {
    const shown = /\p{Cc}/u.test(bad[0]) ? `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : bad[0];
    return { en: `"${id}" holds ${shown}, which a file name cannot hold`, fr: `«\u00a0${id}\u00a0» contient ${shown}, qu’un nom de fichier ne peut pas contenir` };
  }
  if (!/^[\p{L}\p{N}]/u.test(id)) return { en: `"${id}" must begin with a letter or a digit`, fr: `«\u00a0${id}\u00a0» doit commencer par une lettre ou un chiffre` };
  return null;
}

/** A rename codage cannot make as the files are: exit 1, nothing written. */
export class ParticipantRenameError extends DataError {
  constructor(message: Localized, hint: Localized, file?: string, line?: number) {
    super(message, { hint, ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}) });
    this.name = 'ParticipantRenameError';
  }
}

const NOTHING_CHANGED = { en: 'Nothing was changed.', fr: 'Rien n’a été modifié.' };

function refuse(message: Localized, hint: Localized, file?: string, line?: number): never {
  throw new ParticipantRenameError(message, { en: `${hint.en} ${NOTHING_CHANGED.en}`, fr: `${hint.fr} ${NOTHING_CHANGED.fr}` }, file, line);
}

function asWritten(file: string, bytes: Uint8Array): TextAsWritten {
  const read = readAsWritten(bytes);
  if (read !== null) return read;
  return refuse(
    { en: `${file} is not saved as UTF-8 or Windows-1252, so codage cannot change one word of it and keep the rest`, fr: `${file} n’est enregistré ni en UTF-8 ni en Windows-1252\u00a0: codage ne peut pas y changer un mot sans toucher au reste` },
    { en: 'save it as UTF-8 (Notepad: "Save as", Encoding "UTF-8"), then run the command again.', fr: 'l’enregistrer en UTF-8 (Bloc-notes\u00a0: «\u00a0Enregistrer sous\u00a0», codage «\u00a0UTF-8\u00a0»), puis relancer la commande.' },
    file,
  );
}

function encoded(file: string, text: string, read: TextAsWritten, to: string): Uint8Array {
  const bytes = encodeAsWritten(text, read.layout);
  if (bytes !== null) return bytes;
  return refuse(
    { en: `${file} is saved in Windows-1252, which cannot write "${to}"`, fr: `${file} est enregistré en Windows-1252, qui ne peut pas écrire «\u00a0${to}\u00a0»` },
    { en: 'save it as UTF-8 (Notepad: "Save as", Encoding "UTF-8"), or choose an id without that character.', fr: 'l’enregistrer en UTF-8 (Bloc-notes\u00a0: «\u00a0Enregistrer sous\u00a0», codage «\u00a0UTF-8\u00a0»), ou choisir un identifiant sans ce caractère.' },
    file,
  );
}

// ---------------------------------------------------------------------------------------------
// YAML scalars

/** Whether YAML reads `text` written plain, in a block mapping or a flow sequence, as that very string. */
function plainReadsBack(text: string, flow: boolean): boolean {
  const doc = parseDocument(flow ? `[${text}]` : `k: ${text}`, { schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0) return false;
  const value = doc.toJS() as unknown;
  const read = flow ? (Array.isArray(value) && value.length === 1 ? value[0] : undefined) : (value as Record<string, unknown> | null)?.k;
  return read === text;
}

/** `to` written as the scalar it replaces was: plain when it reads back as itself, else in the same quotes (or double ones). */
function scalarLike(node: Scalar, to: string, flow: boolean): string {
  if (node.type === Scalar.QUOTE_SINGLE) return `'${to.replaceAll("'", "''")}'`;
  if (node.type === Scalar.PLAIN && plainReadsBack(to, flow)) return to;
  return JSON.stringify(to);
}

/** The id a YAML scalar gives, as codage reads it (a number keeps its digits: `007`). */
function scalarId(node: unknown): string | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'string') return node.value.trim().normalize('NFC');
  if (typeof node.value === 'number') return (node.source ?? String(node.value)).trim();
  return null;
}

// ---------------------------------------------------------------------------------------------
// Each kind of file

export interface TranscriptRename {
  /** The transcript's file after the rename (its name changes when it was the id; the extension stays). */
  file: string;
  /** The new bytes when the front matter's `id:` changed, else null (the file only changes name). */
  bytes: Uint8Array | null;
}

/** `transcripts/MG3.txt` → `transcripts/M3.txt` when the file's name is the id (its extension stays), else null. */
export function renamedTranscriptFile(file: string, from: string, to: string): string | null {
  const slash = file.lastIndexOf('/');
  const name = file.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return base.normalize('NFC') === from ? `${file.slice(0, slash + 1)}${to}${dot > 0 ? name.slice(dot) : ''}` : null;
}

const FRONT_MATTER = /^---[ \t]*\r?\n/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/**
 * The transcript of `from` renamed `to`: the front matter's `id:` (written as it was: plain or
 * quoted), and the file's name when it is the id. Checked by reading the new file back: the same
 * text, attributes and an id of `to`, else refused.
 */
export function renameInTranscript(file: string, bytes: Uint8Array, from: string, to: string): TranscriptRename {
  const decodeUtf8 = (b: Uint8Array): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  };
  const before = parseTranscript({ file, bytes, defaultId: '\u0000', decodeUtf8 }).transcript;
  const idInFrontMatter = before.id !== '\u0000';
  const renamedFile = renamedTranscriptFile(file, from, to) ?? file;
  if (!idInFrontMatter) return { file: renamedFile, bytes: null };

  const read = asWritten(file, bytes);
  const open = FRONT_MATTER.exec(read.text);
  const close = open ? FRONT_MATTER_END.exec(read.text.slice(open[0].length)) : null;
  let text: string | null = null;
  if (open && close) {
    const start = open[0].length;
    const source = read.text.slice(start, start + close.index);
    const doc = parseDocument(source, { schema: 'core', prettyErrors: false, keepSourceTokens: false });
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'id') : undefined;
    const value = pair?.value;
    if (doc.errors.length === 0 && isScalar(value) && scalarId(value) === from && value.range) {
      const [a, b] = value.range;
      text = `${read.text.slice(0, start + a)}${scalarLike(value, to, false)}${read.text.slice(start + b)}`;
    }
  }
  const after = text === null ? null : encoded(file, text, read, to);
  const check = after === null ? null : parseTranscript({ file, bytes: after, defaultId: '\u0000', decodeUtf8 }).transcript;
  if (after === null || check === null || check.id !== to || check.text !== before.text || JSON.stringify(check.attributes) !== JSON.stringify(before.attributes)) {
    return refuse(
      { en: `codage cannot change the id in the front matter of ${file} without touching the rest`, fr: `codage ne peut pas changer l’identifiant dans l’en-tête de ${file} sans toucher au reste` },
      { en: `write it on a line of its own, "id: ${from}", then run the command again (or write "id: ${to}" there yourself, and run it again for the other files).`, fr: `l’écrire sur une ligne à part, «\u00a0id: ${from}\u00a0», puis relancer la commande (ou y écrire vous-même «\u00a0id: ${to}\u00a0» et la relancer pour les autres fichiers).` },
      file,
    );
  }
  return { file: renamedFile, bytes: after };
}

/** A CSV cell's value `from` (spaces around it aside) written `to`, as it was written: quoted or not, with its spaces. */
function cellRenamed(cell: CsvCell, to: string, delimiter: string): string {
  const lead = /^\s*/.exec(cell.value)![0];
  const trail = /\s*$/.exec(cell.value)![0];
  return csvCell(`${lead}${to}${trail}`, delimiter, cell.quoted);
}

/** participants.csv with the row of `from` now `to` (its first cell); null when no row has it. */
export function renameInParticipants(file: string, bytes: Uint8Array, from: string, to: string): { bytes: Uint8Array; rows: number } | null {
  const read = asWritten(file, bytes);
  const delimiter = detectDelimiter(read.text.normalize('NFC'));
  const records = csvRecords(read.text, delimiter).slice(1);
  const id = (cell: CsvCell | undefined) => (cell?.value ?? '').trim().normalize('NFC');
  const taken = records.find((r) => id(r.cells[0]) === to);
  if (taken !== undefined) {
    refuse(
      { en: `${file} already has a row for ${to} (line ${taken.line})`, fr: `${file} a déjà une ligne pour ${to} (ligne ${taken.line})` },
      { en: `merge the two rows by hand (keep one, for ${from} or ${to}), then run the command again.`, fr: `fusionner les deux lignes à la main (en garder une, celle de ${from} ou de ${to}), puis relancer la commande.` },
      file,
      taken.line,
    );
  }
  const rows = records.filter((r) => id(r.cells[0]) === from);
  if (rows.length === 0) return null;
  const text = replaceCells(read.text, rows.map((r) => ({ cell: r.cells[0]!, written: cellRenamed(r.cells[0]!, to, delimiter) })));
  const after = encoded(file, text, read, to);
  // Read back as codage reads it: the same rows, the one renamed.
  const decode = (b: Uint8Array) => (readAsWritten(b)?.text ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  const was = parseParticipantsCsv(decode(bytes), file).rows.map((r) => ({ ...r, id: r.id === from ? to : r.id }));
  if (JSON.stringify(parseParticipantsCsv(decode(after), file).rows) !== JSON.stringify(was)) {
    refuse(
      { en: `codage cannot change ${from} in ${file} without touching the rest`, fr: `codage ne peut pas changer ${from} dans ${file} sans toucher au reste` },
      { en: `write ${to} in place of ${from} in its first column yourself, then run the command again for the other files.`, fr: `écrire vous-même ${to} à la place de ${from} dans sa première colonne, puis relancer la commande pour les autres fichiers.` },
      file,
    );
  }
  return { bytes: after, rows: rows.length };
}

/** codage.yaml with `from` now `to` in `order:`; null when the order does not list it. */
export function renameInConfig(file: string, bytes: Uint8Array, from: string, to: string): { bytes: Uint8Array } | null {
  const read = asWritten(file, bytes);
  const doc = parseDocument(read.text, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const order = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'order')?.value;
  if (!isSeq(order)) return null;
  const items: Scalar[] = [];
  for (const item of order.items) if (isScalar(item) && scalarId(item) === from && item.range) items.push(item);
  if (items.length === 0) return null;
  if (order.items.some((item) => scalarId(item) === to)) {
    refuse(
      { en: `the order of the interviews in ${file} already lists ${to}`, fr: `l’ordre des entretiens de ${file} cite déjà ${to}` },
      { en: `remove ${to} from "order:", then run the command again.`, fr: `retirer ${to} de «\u00a0order:\u00a0», puis relancer la commande.` },
      file,
    );
  }
  let text = read.text;
  for (const item of [...items].sort((a, b) => b.range![0] - a.range![0])) {
    const [a, b] = item.range!;
    text = `${text.slice(0, a)}${scalarLike(item, to, order.flow === true)}${text.slice(b)}`;
  }
  const after = encoded(file, text, read, to);
  const normal = (t: string) => t.replace(/\r\n?/g, '\n').normalize('NFC');
  const was = parseStudyConfig(normal(read.text), file).config.order?.map((id) => (id === from ? to : id));
  if (JSON.stringify(parseStudyConfig(normal(text), file).config.order) !== JSON.stringify(was)) {
    refuse(
      { en: `codage cannot change ${from} in the order of ${file} without touching the rest`, fr: `codage ne peut pas changer ${from} dans l’ordre de ${file} sans toucher au reste` },
      { en: `write ${to} in place of ${from} in "order:" yourself, then run the command again for the other files.`, fr: `écrire vous-même ${to} à la place de ${from} dans «\u00a0order:\u00a0», puis relancer la commande pour les autres fichiers.` },
      file,
    );
  }
  return { bytes: after };
}

export interface CoderRename {
  coderFile: CoderFile;
  kept: KeptEntries;
  /** Segments renamed (entries codage could not read included). */
  segments: number;
  /** Whether the coder's memo on the transcript moved to the new id. */
  memo: boolean;
}

/** A coder file with `from` now `to`, or null when it does not name `from`. Refused when it already names `to`. */
export function renameInCoderFile(file: string, coderFile: CoderFile, kept: KeptEntries, from: string, to: string): CoderRename | null {
  const named = (value: unknown, id: string) => typeof value === 'object' && value !== null && (value as { participant?: unknown }).participant === id;
  const toSegments = coderFile.segments.filter((s) => s.participant === to).length + (kept.invalid ?? []).filter((e) => named(e.value, to)).length;
  if (toSegments > 0 || coderFile.memos[to] !== undefined) {
    const line = coderFile.segments.find((s) => s.participant === to)?.line;
    refuse(
      {
        en: `${file} already codes ${to}${toSegments > 0 ? ` (${toSegments} segment(s))` : ' (a memo)'}, which has no transcript`,
        fr: `${file} code déjà ${to}${toSegments > 0 ? ` (${toSegments} segment(s))` : ' (un mémo)'}, qui n’a pas de transcription`,
      },
      {
        en: `codage check lists them: rename or remove them first, or choose another id than ${to}.`,
        fr: `codage check les liste\u00a0: les renommer ou les retirer d’abord, ou choisir un autre identifiant que ${to}.`,
      },
      file,
      line,
    );
  }
  let segments = 0;
  const renamed = coderFile.segments.map((s) => {
    if (s.participant !== from) return s;
    segments++;
    return { ...s, participant: to };
  });
  const invalid = (kept.invalid ?? []).map((entry) => {
    if (!named(entry.value, from)) return entry;
    segments++;
    return { ...entry, value: { ...(entry.value as object), participant: to } };
  });
  const memo = coderFile.memos[from] !== undefined;
  if (segments === 0 && !memo) return null;
  const memos: Record<string, string> = {};
  for (const [key, text] of Object.entries(coderFile.memos)) memos[key === from ? to : key] = text;
  return {
    coderFile: { ...coderFile, memos, segments: renamed },
    kept: { ...kept, ...(kept.invalid !== undefined ? { invalid } : {}) },
    segments,
    memo,
  };
}

/**
 * A decisions log with `from` now `to`: the participant column, and the first field of each
 * disagreement's key. Null when no row names `from`. Its columns are found by their names in
 * either language (`participant`, `disagreement` / `désaccord`).
 */
export function renameInDecisionLog(file: string, bytes: Uint8Array, from: string, to: string): { bytes: Uint8Array; rows: number } | null {
  const read = asWritten(file, bytes);
  const delimiter = detectDelimiter(read.text.normalize('NFC'));
  const [header, ...records] = csvRecords(read.text, delimiter);
  if (header === undefined) return null;
  const names = header.cells.map((c) => c.value.trim().normalize('NFC').toLowerCase());
  const participant = names.indexOf('participant');
  const key = names.findIndex((n) => n === 'disagreement' || n === 'désaccord');
  const edits: { cell: CsvCell; written: string }[] = [];
  let rows = 0;
  for (const record of records) {
    let named = false;
    const p = participant >= 0 ? record.cells[participant] : undefined;
    if (p !== undefined && p.value.trim().normalize('NFC') === from) {
      edits.push({ cell: p, written: cellRenamed(p, to, delimiter) });
      named = true;
    }
    const k = key >= 0 ? record.cells[key] : undefined;
    if (k?.value.normalize('NFC').startsWith(`${from}|`)) {
      edits.push({ cell: k, written: csvCell(`${to}${k.value.slice(k.value.indexOf('|'))}`, delimiter, k.quoted) });
      named = true;
    }
    if (named) rows++;
  }
  if (rows === 0) return null;
  return { bytes: encoded(file, replaceCells(read.text, edits), read, to), rows };
}

/**
 * A coder's reading positions (`.codage/state/<coder>.json`) with the transcript's entry under its
 * new id; null when there is none, or the file cannot be read (it is only a convenience).
 */
export function renameInReadingState(text: string, from: string, to: string): string | null {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return null;
  }
  const transcripts = (state as { transcripts?: unknown } | null)?.transcripts;
  if (typeof transcripts !== 'object' || transcripts === null || Array.isArray(transcripts) || !Object.hasOwn(transcripts, from)) return null;
  const renamed: Record<string, unknown> = {};
  for (const [id, position] of Object.entries(transcripts)) {
    if (id === to) continue;
    renamed[id === from ? to : id] = position;
  }
  return `${JSON.stringify({ ...(state as object), transcripts: renamed }, null, 2)}\n`;
}

/** `memos/transcripts/MG3.md`: the researcher's memo on the interview, named after the id. */
export function transcriptMemoFile(id: string): string {
  return `memos/transcripts/${fileNameOf(id)}.md`;
}

// ---------------------------------------------------------------------------------------------
// The whole rename

/** What the command read, under the study's locks. */
export interface RenameSources {
  from: string;
  to: string;
  transcript: { file: string; bytes: Uint8Array };
  participants: { file: string; bytes: Uint8Array } | null;
  config: { file: string; bytes: Uint8Array } | null;
  coders: readonly { coder: string; file: string; coderFile: CoderFile; kept: KeptEntries }[];
  /** The decisions logs of the study's mises en commun. */
  logs: readonly { file: string; bytes: Uint8Array }[];
  /** memos/transcripts/<from>.md, when there is one. */
  memo: { file: string } | null;
  /** Whether memos/transcripts/<to>.md exists already. */
  memoTaken: boolean;
  /** `.codage/state/<coder>.json` files. */
  readingStates: readonly { file: string; text: string }[];
}

/** One file the rename changes. */
export type RenamedFile =
  | { kind: 'transcript'; file: string; renamedTo: string | null; bytes: Uint8Array | null }
  | { kind: 'participants'; file: string; bytes: Uint8Array; rows: number }
  | { kind: 'order'; file: string; bytes: Uint8Array }
  | { kind: 'coder'; file: string; coder: string; coderFile: CoderFile; kept: KeptEntries; segments: number; memo: boolean }
  | { kind: 'decisions'; file: string; bytes: Uint8Array; rows: number }
  | { kind: 'memo'; file: string; renamedTo: string }
  | { kind: 'reading'; file: string; text: string };

/** Every file the rename of `from` into `to` changes, in a stable order (transcript first, then by file). */
export function planParticipantRename(sources: RenameSources): RenamedFile[] {
  const { from, to } = sources;
  const files: RenamedFile[] = [];
  const transcript = renameInTranscript(sources.transcript.file, sources.transcript.bytes, from, to);
  files.push({ kind: 'transcript', file: sources.transcript.file, renamedTo: transcript.file === sources.transcript.file ? null : transcript.file, bytes: transcript.bytes });
  const others: RenamedFile[] = [];
  if (sources.participants !== null) {
    const renamed = renameInParticipants(sources.participants.file, sources.participants.bytes, from, to);
    if (renamed !== null) others.push({ kind: 'participants', file: sources.participants.file, ...renamed });
  }
  if (sources.config !== null) {
    const renamed = renameInConfig(sources.config.file, sources.config.bytes, from, to);
    if (renamed !== null) others.push({ kind: 'order', file: sources.config.file, ...renamed });
  }
  for (const coder of sources.coders) {
    const renamed = renameInCoderFile(coder.file, coder.coderFile, coder.kept, from, to);
    if (renamed !== null) others.push({ kind: 'coder', file: coder.file, coder: coder.coder, ...renamed });
  }
  for (const log of sources.logs) {
    const renamed = renameInDecisionLog(log.file, log.bytes, from, to);
    if (renamed !== null) others.push({ kind: 'decisions', file: log.file, ...renamed });
  }
  if (sources.memo !== null) {
    const renamedTo = transcriptMemoFile(to);
    if (sources.memoTaken) {
      refuse(
        { en: `${renamedTo} exists already: ${to} has a memo of its own`, fr: `${renamedTo} existe déjà\u00a0: ${to} a son propre mémo` },
        { en: `merge it into ${sources.memo.file} and delete it, then run the command again.`, fr: `le fusionner dans ${sources.memo.file} puis le supprimer, et relancer la commande.` },
        renamedTo,
      );
    }
    others.push({ kind: 'memo', file: sources.memo.file, renamedTo });
  }
  for (const state of sources.readingStates) {
    const text = renameInReadingState(state.text, from, to);
    if (text !== null) others.push({ kind: 'reading', file: state.file, text });
  }
  others.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return [...files, ...others];
}

/** What the rename does to a file, in a line: `transcripts/MG3.txt → transcripts/M3.txt (file name, front matter id)`. */
export function describeRenamedFile(change: RenamedFile): Localized {
  switch (change.kind) {
    case 'transcript': {
      const parts = { en: [] as string[], fr: [] as string[] };
      if (change.renamedTo !== null) {
        parts.en.push('file renamed');
        parts.fr.push('fichier renommé');
      }
      if (change.bytes !== null) {
        parts.en.push('id in the front matter');
        parts.fr.push('identifiant de l’en-tête');
      }
      const where = change.renamedTo === null ? change.file : `${change.file} → ${change.renamedTo}`;
      return { en: `${where} (${parts.en.join(', ')})`, fr: `${where} (${parts.fr.join(', ')})` };
    }
    case 'participants':
      return { en: `${change.file} (${change.rows} row${change.rows > 1 ? 's' : ''})`, fr: `${change.file} (${change.rows} ligne${change.rows > 1 ? 's' : ''})` };
    case 'order':
      return { en: `${change.file} (order of the interviews)`, fr: `${change.file} (ordre des entretiens)` };
    case 'coder': {
      const en = [change.segments > 0 ? `${change.segments} segment${change.segments > 1 ? 's' : ''}` : '', change.memo ? 'memo on the transcript' : ''].filter((s) => s !== '');
      const fr = [change.segments > 0 ? `${change.segments} segment${change.segments > 1 ? 's' : ''}` : '', change.memo ? 'mémo sur l’entretien' : ''].filter((s) => s !== '');
      return { en: `${change.file} (${en.join(', ')})`, fr: `${change.file} (${fr.join(', ')})` };
    }
    case 'decisions':
      return { en: `${change.file} (${change.rows} decision${change.rows > 1 ? 's' : ''})`, fr: `${change.file} (${change.rows} décision${change.rows > 1 ? 's' : ''})` };
    case 'memo':
      return { en: `${change.file} → ${change.renamedTo}`, fr: `${change.file} → ${change.renamedTo}` };
    case 'reading':
      return { en: `${change.file} (where the coder stopped reading)`, fr: `${change.file} (où le codeur s’est arrêté de lire)` };
  }
}

/** How many places of a file the rename changes: segments, rows, decisions; 1 otherwise. */
export function renamedCount(change: RenamedFile): number {
  switch (change.kind) {
    case 'participants':
    case 'decisions':
      return change.rows;
    case 'coder':
      return change.segments + (change.memo ? 1 : 0);
    default:
      return 1;
  }
}

/**
 * The transcript of `from`, once the rename is known to be possible among the study's transcripts:
 * `to` a valid id, different, and taken by no other transcript (case aside, as file names on
 * Windows and macOS are); `from` a participant of the study, else the closest ids are suggested.
 * Usage errors (exit 2) for what was typed, `ParticipantRenameError` (exit 1) for an id taken.
 */
export function transcriptToRename(from: string, to: string, transcripts: readonly { id: string; file: string }[]): { id: string; file: string } {
  const problem = participantIdProblem(to);
  if (problem !== null) {
    throw new UsageError(
      { en: `${problem.en}: it cannot be a participant id`, fr: `${problem.fr}\u00a0: ce ne peut pas être un identifiant de participant` },
      { en: 'use letters, digits, spaces, - _ . (e.g. P01, MG3, "Patient 4")', fr: 'utiliser lettres, chiffres, espaces, - _ . (par ex. P01, MG3, "Patient 4")' },
    );
  }
  const transcript = transcripts.find((t) => t.id === from) ?? transcripts.find((t) => t.id === from.normalize('NFC'));
  if (transcript === undefined) {
    const ids = transcripts.map((t) => t.id);
    const meant = new ParticipantResolver(ids).resolve(from).id ?? nearest(from, ids);
    throw new UsageError(
      { en: `no participant "${from}" in this study`, fr: `pas de participant «\u00a0${from}\u00a0» dans cette étude` },
      {
        en: `${meant ? `did you mean ${meant}? ` : ''}participants: ${ids.join(', ') || 'none yet'}`,
        fr: `${meant ? `vouliez-vous dire ${meant}\u202f? ` : ''}participants\u00a0: ${ids.join(', ') || 'aucun pour le moment'}`,
      },
    );
  }
  const target = to.normalize('NFC');
  if (target === transcript.id) {
    throw new UsageError(
      { en: `${from} is already the id of ${transcript.file}: nothing to rename`, fr: `${from} est déjà l’identifiant de ${transcript.file}\u00a0: rien à renommer` },
      { en: 'give the new id second: codage participant rename OLD NEW', fr: 'donner le nouvel identifiant en second\u00a0: codage participant rename ANCIEN NOUVEAU' },
    );
  }
  const taken = transcripts.find((t) => t !== transcript && participantIdKey(t.id) === participantIdKey(target));
  if (taken !== undefined) {
    refuse(
      taken.id === target
        ? { en: `${target} is already the id of ${taken.file}`, fr: `${target} est déjà l’identifiant de ${taken.file}` }
        : { en: `${target} differs only ${howIdsDiffer(target, taken.id).en} from ${taken.id}, the id of ${taken.file}`, fr: `${target} ne diffère que ${howIdsDiffer(target, taken.id).fr} de ${taken.id}, l’identifiant de ${taken.file}` },
      {
        en: `choose another id. If ${taken.file} is ${from}'s transcript renamed by hand, give it back its name (or its id: ${from}) and run the command again.`,
        fr: `choisir un autre identifiant. Si ${taken.file} est la transcription de ${from} renommée à la main, lui rendre son nom (ou son identifiant\u00a0: ${from}) et relancer la commande.`,
      },
      taken.file,
    );
  }
  const renamed = renamedTranscriptFile(transcript.file, from, target);
  const clash = renamed === null ? undefined : transcripts.find((t) => t !== transcript && t.file.toLowerCase() === renamed.toLowerCase());
  if (clash !== undefined && renamed !== null) {
    refuse(
      { en: `${transcript.file} would be renamed ${renamed}, and ${clash.file} exists (the transcript of ${clash.id})`, fr: `${transcript.file} serait renommé ${renamed}, et ${clash.file} existe (la transcription de ${clash.id})` },
      { en: `rename ${clash.file} first (its id stays ${clash.id} only if its front matter says "id: ${clash.id}").`, fr: `renommer d’abord ${clash.file} (son identifiant ne reste ${clash.id} que si son en-tête dit «\u00a0id: ${clash.id}\u00a0»).` },
      clash.file,
    );
  }
  return transcript;
}
