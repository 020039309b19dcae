/**
 * Folding text for search: case, accents, ligatures, apostrophes and quotation marks
 * stop mattering, so that « L’hôpital » finds "l'hopital".
 *
 * `foldForSearch` folds a short string (a name, a header, a query) and keeps punctuation.
 * `foldWithMap` folds a whole transcript into words separated by single spaces and keeps,
 * for every folded character, where it came from, so a match maps back to the original.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2019\u02bc\u2018`\u00b4\u2032]/g;
const QUOTATION_MARKS = /["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const SPACES = /[\u00a0\u202f\u2007\u2009]/g;

/**
 * Letters that Unicode decomposition does not split into a base letter and marks (lowercase
 * input): the one table by which search, anchoring, ids and name comparison all fold them.
 */
const LETTERS: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ﬁ: 'fi', ﬂ: 'fl', ĳ: 'ij' };
const LETTERS_RE = /[œæßøđðłþıﬁﬂĳ]/g;

/**
 * Lowercase, without accents, with the letters above spelled out (`Ærø` → `aero`): how labels,
 * names, attributes and ids are compared. Keeps everything else (spaces, punctuation).
 */
export function foldLetters(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(LETTERS_RE, (c) => LETTERS[c] ?? c);
}

/** Folds a short string for comparison: no accents, lowercase, one kind of apostrophe and dash, no quotation marks. */
export function foldForSearch(s: string): string {
  return foldLetters(s)
    .replace(APOSTROPHES, "'")
    .replace(QUOTATION_MARKS, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ');
}

/** How one non-ASCII character folds: letters/digits to keep, a separator, or nothing at all. */
const SKIP = 0;
const SEPARATOR = 1;
type CharFold = typeof SKIP | typeof SEPARATOR | string;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these is matched alone, one code point at a time (the joiners included)
const IGNORABLE = /^[\p{M}\u00ad\u200b\u200c\u200d\u2060\ufeff]$/u;
/** Folds by code point, filled lazily (an array indexed by code point is much faster than a Map). */
const charTable: CharFold[] = [];

function computeFold(cp: number): CharFold {
  const ch = String.fromCodePoint(cp);
  if (IGNORABLE.test(ch)) return SKIP;
  const lower = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  let kept = '';
  for (const c of lower) {
    const letters = LETTERS[c];
    if (letters !== undefined) kept += letters;
    else if (WORD_CHAR.test(c)) kept += c;
  }
  return kept === '' ? SEPARATOR : kept;
}

function foldChar(cp: number): CharFold {
  let f = charTable[cp];
  if (f === undefined) {
    f = computeFold(cp);
    charTable[cp] = f;
  }
  return f;
}

/**
 * How each UTF-16 code unit folds, for the loop of `foldWithMap` (filled on first sight): a
 * character code ≥ 0 when it folds into that one character; or one of the values below.
 */
const UNKNOWN = -1;
const SKIPPED = -2;
const SEPARATED = -3;
/** A high surrogate (the code point is read with the next unit), or a character folding into several letters. */
const SLOW = -4;
const unitFold = new Int32Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 0x80; c++) {
  unitFold[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? c : c >= 0x41 && c <= 0x5a ? c + 32 : SEPARATED;
}

function unitFoldOf(c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return SLOW;
  const f = foldChar(c);
  if (f === SKIP) return SKIPPED;
  if (f === SEPARATOR) return SEPARATED;
  return f.length === 1 ? f.charCodeAt(0) : SLOW;
}

export interface FoldedMap {
  /** Words of the text, folded, separated by single spaces; no leading or trailing space. */
  folded: string;
  /** `map[i]`: index in the original text of folded character i; one more entry = text.length. */
  map: Int32Array;
}

const SPACE = 0x20;

/** The folded characters of the text being folded (see `foldWithMap`). */
let scratch = new Uint16Array(0);
/** What `foldLoop` leaves besides the folded characters: the map, and whether a character is beyond Latin-1. */
let loopMap = new Int32Array(0);
let loopWide = false;

/**
 * Folds a text into a searchable form: lowercase, no accents, every run of spaces and
 * punctuation (quotes, guillemets, apostrophes, ellipses, brackets, commas) turned into one space.
 * A space maps to the first separator of its run.
 */
export function foldWithMap(text: string): FoldedMap {
  const len = foldLoop(text);
  const map = loopMap;
  loopMap = new Int32Array(0);
  map[len] = text.length;
  const codes = scratch.subarray(0, len);
  const folded = loopWide ? new TextDecoder('utf-16le').decode(codes) : latin1String(codes);
  return { folded, map: map.subarray(0, len + 1) };
}

/**
 * The loop of `foldWithMap`, on its own: V8 compiles a long loop while it runs, and code after the
 * loop in the same function, never run by then, made that compiled code fall back to the
 * interpreter at the end of every transcript (measured: a cold fold of 200 transcripts twice as
 * long). Leaves the folded characters in `scratch`, the map in `loopMap`; returns their number.
 */
function foldLoop(text: string): number {
  const n = text.length;
  // One folded character per code unit, plus the spaces (each follows a separator): room enough
  // but for characters folding into several letters (œ → oe), which make room as they come.
  let capacity = n + 16;
  // The folded characters go to a buffer kept from call to call (only the string is returned);
  // the map is returned as a view of the array it was built in, not copied: a transcript's arrays
  // are hundreds of kilobytes, and fresh ones cost more (zeroing, page faults) than folding.
  if (scratch.length < capacity) scratch = new Uint16Array(Math.max(capacity, scratch.length * 2));
  let codes = scratch;
  let map = new Int32Array(capacity + 1);
  let len = 0;
  /** Index of the first separator since the last word character, or -1. */
  let pending = -1;
  /** Whether a folded character is beyond Latin-1 (Greek, Cyrillic, CJK…). */
  let wide = false;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = unitFold[c] as number;
    if (f === UNKNOWN) {
      f = unitFoldOf(c);
      unitFold[c] = f;
    }
    /** What the character folds into when it is not one character (`œ` → `oe`); null for one (`f`). */
    let letters: string | null = null;
    const start = i;
    if (f < 0) {
      if (f === SEPARATED) {
        if (pending < 0) pending = i;
        continue;
      }
      if (f === SKIPPED) continue;
      // A surrogate pair, or letters (œ → oe).
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      const folded = foldChar(cp);
      if (folded === SKIP) continue;
      if (folded === SEPARATOR) {
        if (pending < 0) pending = start;
        continue;
      }
      letters = folded;
      // Room for a space and the letters, and for one character per code unit still to come.
      const need = len + letters.length + 1 + (n - i);
      if (need > capacity) {
        capacity = Math.max(capacity * 2, need + 16);
        if (codes.length < capacity) {
          const grownCodes = new Uint16Array(capacity);
          grownCodes.set(codes.subarray(0, len));
          codes = scratch = grownCodes;
        }
        const grownMap = new Int32Array(capacity + 1);
        grownMap.set(map.subarray(0, len));
        map = grownMap;
      }
    }
    if (pending >= 0) {
      if (len > 0) {
        codes[len] = SPACE;
        map[len] = pending;
        len++;
      }
      pending = -1;
    }
    if (letters === null) {
      if (f > 0xff) wide = true;
      codes[len] = f;
      map[len] = start;
      len++;
    } else {
      for (let k = 0; k < letters.length; k++) {
        const code = letters.charCodeAt(k);
        if (code > 0xff) wide = true;
        codes[len] = code;
        map[len] = start;
        len++;
      }
    }
  }

  loopMap = map;
  loopWide = wide;
  return len;
}

/**
 * Characters all below U+0100 as a string, through Latin-1: a string of one byte a character
 * (half the memory, faster to search), made about ten times faster than by a UTF-16 decoder.
 */
function latin1String(codes: Uint16Array): string {
  const bytes = new Uint8Array(codes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/** A text folded once, with conversions between folded and original offsets. */
export class FoldedText {
  readonly text: string;
  readonly folded: string;
  readonly map: Int32Array;

  constructor(text: string) {
    this.text = text;
    const { folded, map } = foldWithMap(text);
    this.folded = folded;
    this.map = map;
  }

  /** The original span of folded [fs, fe): from the first folded char's source to the end of the last one's. */
  toOriginal(fs: number, fe: number): { start: number; end: number } {
    if (fe <= fs) {
      const at = this.map[fs] ?? this.text.length;
      return { start: at, end: at };
    }
    const start = this.map[fs] ?? this.text.length;
    const last = this.map[fe - 1] ?? this.text.length - 1;
    const c = this.text.charCodeAt(last);
    const end = last + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    return { start, end };
  }

  /** First folded index whose source is at or after original offset `offset`. */
  toFolded(offset: number): number {
    let lo = 0;
    let hi = this.folded.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.map[mid] ?? Infinity) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
