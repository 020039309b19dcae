/**
 * Large data as JSON in UTF-8 bytes, exactly the text `JSON.stringify(value, null, 2)` gives, but
 * made piece by piece: the entries of a large array or object are stringified one by one and
 * encoded as they come (core/text/utf8-writer.ts). `compare --json` writes 17 MB of disagreements
 * for a 200-interview study: as one string it was two bytes a character (one quote with a « is
 * enough), then encoded again to be written.
 */
import { Utf8Writer } from './utf8-writer.js';

/** Arrays and objects with at least this many entries are written entry by entry. */
const LARGE = 64;

const PAD: string[] = [];
const pad = (depth: number): string => (PAD[depth] ??= ' '.repeat(2 * depth));

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Arrays wrapped `depth` deep around `value`: JSON.stringify then writes `value` at that depth. */
function nested(value: unknown, depth: number): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const OPEN: string[] = [];
const CLOSE: string[] = [];
/** What JSON.stringify writes before a value wrapped `depth` arrays deep (`[\n  [\n    `), and after it. */
const openOf = (depth: number): string => (OPEN[depth] ??= Array.from({ length: depth }, (_, i) => `[\n${pad(i + 1)}`).join(''));
const closeOf = (depth: number): string => (CLOSE[depth] ??= Array.from({ length: depth }, (_, i) => `\n${pad(depth - 1 - i)}]`).join(''));

/**
 * Writes `text` but its first `head` and last `tail` characters (ASCII brackets, line breaks and
 * indents), through `map` when there is one; without one, the text is not cut (see
 * `Utf8Writer.writeInner`): a slice of a long string is a copy of it.
 */
function writeCut(out: Utf8Writer, text: string, head: number, tail: number, map: Escape | undefined): void {
  if (map === undefined) out.writeInner(text, head, tail);
  else out.write(map(text.slice(head, text.length - tail)));
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it at `depth` (its first line not indented):
 * stringified inside arrays that put it at that depth, which indent its lines as they must be,
 * then written without them — rather than re-indented line by line afterwards, which copied every
 * string once more.
 */
function writeAt(out: Utf8Writer, value: unknown, depth: number, map: Escape | undefined): void {
  const text = JSON.stringify(nested(value, depth), null, 2);
  writeCut(out, text, openOf(depth).length, closeOf(depth).length, map);
}

/**
 * Entries of a large array stringified together (fewer, larger pieces): at most this many. Few
 * enough that the string stays small (a disagreement is about a kilobyte of JSON): a string of
 * hundreds of kilobytes is given memory of its own by V8, fresh from the system each time (256
 * entries a run measured more page faults and no less time).
 */
const BATCH = 32;

/** An escape of characters a terminal would act on, applied to each string piece written. */
type Escape = (piece: string) => string;

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it at `depth` (its first line not indented),
 * each string piece passed through `map` when there is one.
 */
function writeValue(out: Utf8Writer, value: unknown, depth: number, map: Escape | undefined): void {
  if (Array.isArray(value) && value.length >= LARGE) {
    out.write('[');
    const inner = pad(depth + 1);
    let i = 0;
    while (i < value.length) {
      out.write(i === 0 ? '\n' : ',\n');
      out.write(inner);
      const item = value[i];
      if (isLargeContainer(item)) {
        writeValue(out, item, depth + 1, map);
        i++;
        continue;
      }
      // A run of entries written as one array at this depth, without its brackets: the entries
      // separated by `,\n` and the indent, as JSON.stringify separates them (null for skipped ones).
      let j = i + 1;
      while (j < value.length && j - i < BATCH && !isLargeContainer(value[j])) j++;
      const run = JSON.stringify(nested(value.slice(i, j), depth), null, 2);
      writeCut(out, run, openOf(depth).length + 2 + inner.length, 2 + pad(depth).length + closeOf(depth).length, map);
      i = j;
    }
    out.write(`\n${pad(depth)}]`);
    return;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => !isSkipped(value[key]));
    if (keys.length > 0 && (keys.length >= LARGE || keys.some((key) => isLargeContainer(value[key])))) {
      out.write('{');
      keys.forEach((key, i) => {
        out.write(i === 0 ? '\n' : ',\n');
        const name = JSON.stringify(key);
        out.write(`${pad(depth + 1)}${map === undefined ? name : map(name)}: `);
        writeValue(out, value[key], depth + 1, map);
      });
      out.write(`\n${pad(depth)}}`);
      return;
    }
  }
  writeAt(out, value, depth, map);
}

function isLargeContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length >= LARGE;
  return isPlainObject(value) && Object.keys(value).length >= LARGE;
}

/**
 * `JSON.stringify(value, null, 2)` and a line break, in UTF-8, each piece passed through `map`
 * (when given), in the buffers it was written in (see `Utf8Writer.pieces`): 17 MB of
 * disagreements are written out without being copied into one buffer first. For plain data:
 * arrays, plain objects, strings, numbers, booleans, null.
 */
export function jsonPieces(value: unknown, map?: Escape): Uint8Array[] {
  const out = new Utf8Writer();
  writeValue(out, value, 0, map);
  out.write('\n');
  return out.pieces();
}

/** `jsonPieces` as one buffer. */
export function jsonBytes(value: unknown, map?: Escape): Uint8Array {
  return Buffer.concat(jsonPieces(value, map));
}
