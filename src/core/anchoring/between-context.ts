/**
 * The last way to find a segment again: between the text that was just before it and the text
 * that was just after it (its stored `prefix` and `suffix`), when both are still there, side by
 * side, once only, and what lies between them still says most of the segment's words. A word
 * added inside a short quote (« je suis vidée » → « je suis complètement vidée ») leaves too few
 * words in order for the alignment, but nothing around it moved.
 */
import type { Span } from '../types.js';
import { foldForSearch } from '../text/fold.js';
import type { QuoteContext } from './context.js';

/** The words of a text, folded (case, accents, apostrophes aside). */
function words(text: string): string[] {
  return foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Every place `needle` starts in `text`. */
function placesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * The span between the segment's context, with the share of its old words found there; null
 * when either side of the context is gone, found more than once, or the words do not agree.
 */
export function betweenContext(text: string, old: string, context: QuoteContext, minShare = 0.6): { span: Span; share: number } | null {
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  // Too little context to be sure of the place: a segment at the very start or end of a transcript keeps one side only.
  if (prefix.trim().length < 8 || suffix.trim().length < 8) return null;
  const afterPrefix = placesOf(text, prefix).map((p) => p + prefix.length);
  const beforeSuffix = placesOf(text, suffix);
  // The pairs in order, close enough for the segment (three times its length, and some words).
  const limit = old.length * 3 + 40;
  const pairs: Span[] = [];
  for (const start of afterPrefix) {
    for (const end of beforeSuffix) if (end > start && end - start <= limit) pairs.push({ start, end });
  }
  if (pairs.length !== 1) return null;
  const pair = pairs[0] as Span;
  let { start, end } = pair;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  const was = words(old);
  const now = new Set(words(text.slice(start, end)));
  if (was.length === 0 || now.size === 0) return null;
  const share = was.filter((w) => now.has(w)).length / was.length;
  return share >= minShare ? { span: { start, end }, share } : null;
}
