/**
 * Text from the study (code names, ids, file names, quotes, memos) as it may be shown on a
 * terminal. A name holding an escape sequence can retitle or clear the terminal, ring its bell, or
 * hide what follows; a right-to-left override makes `check` show another text than the file has.
 * Every such character is shown escaped instead: `\x1b`, `\x07`, `\u202e`. Line feeds and tabs
 * stay as they are.
 */

import { jsonPieces } from './json-bytes.js';

/** C0 controls but tab and line feed, DEL, C1 controls; the bidirectional controls. */
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, and also tab and line feed: characters a name or an id should never hold. */
const IN_NAMES_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control and bidirectional character shown escaped (see the module comment). */
export function terminalSafe(text: string): string {
  return HOSTILE.test(text) ? text.replace(HOSTILE_ALL, escaped) : text;
}

/** The control and bidirectional characters of a name or an id, escaped, in order (empty: none). */
export function controlCharactersIn(name: string): string[] {
  return (name.match(IN_NAMES_ALL) ?? []).map(escaped);
}

/**
 * Data as JSON, with the same characters written as `\u` escapes: the same data for any JSON
 * reader, harmless on a terminal (JSON.stringify already escapes C0 controls, not the others).
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(HOSTILE_ALL, jsonEscaped);
}

const jsonEscaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `safeJson(value)` and a line break, in UTF-8, in pieces (for large data: see json-bytes.ts). */
export function safeJsonPieces(value: unknown): Uint8Array[] {
  return jsonPieces(value, (piece) => (HOSTILE.test(piece) ? piece.replace(HOSTILE_ALL, jsonEscaped) : piece));
}

/**
 * Plain data (a report about to be drawn as a table) with every string made `terminalSafe`: for
 * renderers that mix the study's names with their own colours.
 */
export function terminalSafeData<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map(terminalSafeData) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [terminalSafeData(k), terminalSafeData(v)])) as T;
  if (value instanceof Set) return new Set([...value].map(terminalSafeData)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeData(v);
    return out as T;
  }
  // Numbers (NaN and infinities too), booleans, null, undefined, functions, class instances.
  return value;
}
