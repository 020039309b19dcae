/** Where a quote occurs as written, and where its folded form occurs in folded text: the one exact search. */
import type { Span } from '../types.js';
import { isWordChar } from './quote.js';

/** The character (a whole code point) that starts at UTF-16 index `i`, or undefined. */
function charAt(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The character (a whole code point) that ends just before UTF-16 index `i`, or undefined. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? i - 2 : i - 1;
  return charAt(text, from);
}

/**
 * Exact occurrences that do not cut a word: `oui` is not found inside `Louis`.
 */
export function exactSpans(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  if (quote === '') return spans;
  const startsWord = isWordChar(charAt(quote, 0));
  const endsWord = isWordChar(charBefore(quote, quote.length));
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const end = i + quote.length;
    if (startsWord && isWordChar(charBefore(text, i))) continue;
    if (endsWord && isWordChar(charAt(text, end))) continue;
    spans.push({ start: i, end });
  }
  return spans;
}

/** Folded occurrences of a folded quote that start and end on word boundaries. */
export function foldedOccurrences(folded: string, fq: string): number[] {
  const found: number[] = [];
  if (fq.length === 0) return found;
  for (let i = folded.indexOf(fq); i >= 0; i = folded.indexOf(fq, i + 1)) {
    const e = i + fq.length;
    if ((i === 0 || folded.charCodeAt(i - 1) === 0x20) && (e === folded.length || folded.charCodeAt(e) === 0x20)) {
      found.push(i);
    }
  }
  return found;
}
