/**
 * Accent-insensitive folding for searching French (and English) text:
 * NFD, combining marks stripped, œ → oe, æ → ae, lower case.
 */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

function isMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** Folds one character (a code point as a string) to its search form. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  const ligature = LIGATURES[ch];
  if (ligature !== undefined) return ligature;
  let out = '';
  for (const part of ch.normalize('NFD')) {
    const c = part.codePointAt(0) ?? 0;
    if (!isMark(c)) out += part;
  }
  return out.toLowerCase();
}

/** The search form of a string: `Désemparement` → `desemparement`, `Œdème` → `oedeme`. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export interface FoldedText {
  folded: string;
  /** `map[i]` is the UTF-16 index in the original of folded index `i`; `map[folded.length]` is the original length. */
  map: Int32Array;
}

/** Folds a long text and keeps, for every folded index, the original index it came from. */
export function foldWithMap(text: string): FoldedText {
  const parts: string[] = [];
  const map = new Int32Array(text.length * 2 + 1);
  let length = 0;
  let i = 0;
  let chunk = '';
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const folded = width === 1 && code < 0x80 ? foldChar(text[i] ?? '') : foldChar(text.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) {
      if (length >= map.length - 1) break;
      map[length++] = i;
    }
    chunk += folded;
    if (chunk.length > 4096) {
      parts.push(chunk);
      chunk = '';
    }
    i += width;
  }
  parts.push(chunk);
  const folded = parts.join('').slice(0, length);
  map[length] = text.length;
  return { folded, map: map.slice(0, length + 1) };
}

/** Every occurrence of `query` in the text, accent- and case-insensitive, as original spans. */
export function findAll(text: FoldedText, query: string): { start: number; end: number }[] {
  const needle = fold(query);
  const hits: { start: number; end: number }[] = [];
  if (needle.length === 0) return hits;
  let from = 0;
  for (;;) {
    const at = text.folded.indexOf(needle, from);
    if (at < 0) break;
    const start = text.map[at] ?? 0;
    const last = text.map[at + needle.length - 1] ?? start;
    // The original end is the first original index past the last matched character.
    let k = at + needle.length;
    while (k < text.map.length - 1 && (text.map[k] ?? 0) <= last) k++;
    const end = text.map[k] ?? last + 1;
    hits.push({ start, end });
    from = at + Math.max(1, needle.length);
  }
  return hits;
}
