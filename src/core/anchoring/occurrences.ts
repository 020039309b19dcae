/** Where a quote occurs as written, and where its folded form occurs in folded text: the one exact search. */
import type { Span } from '../types.js';
import { isWordChar } from './quote.js';

/**
 * Exact occurrences that do not cut a word: `oui` is not found inside `Louis`.
 */
export function exactSpans(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  if (quote === '') return spans;
  const startsWord = isWordChar(quote[0]);
  const endsWord = isWordChar(quote[quote.length - 1]);
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const end = i + quote.length;
    if (startsWord && isWordChar(text[i - 1])) continue;
    if (endsWord && isWordChar(text[end])) continue;
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
