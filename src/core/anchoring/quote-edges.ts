/**
 * The punctuation at a quote's edges. Passages are found by their words: a guillemet, a `?` or
 * a final full stop that the quote has around its words, and that the transcript says right
 * there (`ça ».` with a no-break space before the `»`), belong to the passage all the same —
 * without them a segment would print `« l’autre docteur … avec ça` with its guillemet unclosed.
 */
import type { Span } from '../types.js';

const SPACE = /[\s\u00a0\u202f\u2007\u2009\u200a]/;
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function withoutSpaces(text: string): string {
  return text.replace(SPACES, '');
}

/**
 * How far the characters of `before` (read from its end) are said right before `start`, and
 * those of `after` right after `end`, spaces skipped on both sides: the widened span, and how
 * many characters of each were found.
 */
function edgeMatch(text: string, start: number, end: number, before: string, after: string): Span & { before: number; after: number } {
  const want = { before: withoutSpaces(before), after: withoutSpaces(after) };
  let s = start;
  let b = 0;
  for (let k = want.before.length - 1; k >= 0; k--) {
    let i = s - 1;
    while (i >= 0 && SPACE.test(text[i]!)) i--;
    if (i < 0 || text[i] !== want.before[k]) break;
    s = i;
    b++;
  }
  let e = end;
  let a = 0;
  for (let k = 0; k < want.after.length; k++) {
    let i = e;
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length || text[i] !== want.after[k]) break;
    e = i + 1;
    a++;
  }
  return { start: s, end: e, before: b === want.before.length ? before.length : b, after: a === want.after.length ? after.length : a };
}

/**
 * The span widened to the characters the segment's text holds around what the quote locator
 * matched (finding a coded segment again). The locator reads a quote as a thesis prints it,
 * without its guillemets and its final punctuation; a segment's text is the transcript's own, so
 * when only the spaces changed (`« Est` → `«\u00a0Est`, `dimanche\u00a0!` → `dimanche !`), the
 * guillemet and the `!` are still there, beside the match, and belong to the segment. Spaces are
 * skipped; any other difference leaves the span as the locator found it.
 */
export function withQuoteEdges(text: string, start: number, end: number, quote: string): Span {
  const wanted = withoutSpaces(quote);
  const found = withoutSpaces(text.slice(start, end));
  const at = found === '' ? -1 : wanted.indexOf(found);
  if (found === wanted || at === -1) return { start, end };
  const before = wanted.slice(0, at);
  const after = wanted.slice(at + found.length);
  const m = edgeMatch(text, start, end, before, after);
  return m.before === before.length && m.after === after.length ? { start: m.start, end: m.end } : { start, end };
}

/** What a quote has before its first letter or digit (`« `), and after its last (` ».`, ` ?`). */
export function quoteEdges(quote: string): { before: string; after: string } {
  let first = 0;
  while (first < quote.length && !LETTER_OR_DIGIT.test(quote[first]!)) first++;
  let last = quote.length;
  while (last > first && !LETTER_OR_DIGIT.test(quote[last - 1]!)) last--;
  return { before: quote.slice(0, first), after: quote.slice(last) };
}

/**
 * A passage found for a quote (importing verbatims) widened to the quote's own punctuation said
 * right around it in the transcript, as far as they agree (spaces skipped): `before` and `after`
 * as `quoteEdges` gives them, empty for an edge that is not the quote's.
 */
export function widenToQuoteEdges(text: string, span: Span, before: string, after: string): Span {
  const m = edgeMatch(text, span.start, span.end, before, after);
  return { start: m.start, end: m.end };
}

const OPENING = '«“';
const CLOSING = '»”';

/**
 * A guillemet the passage opens and that the transcript closes right after it (only spaces, or
 * a `.`, `!`, `?` or `…` of the sentence, between), or closes and the transcript opened right
 * before it, is taken in: a passage never prints a guillemet without its other half when the
 * transcript has it beside the passage.
 */
export function withBalancedGuillemets(text: string, span: Span): Span {
  let opened = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i]!;
    if (OPENING.includes(c)) opened++;
    else if (CLOSING.includes(c)) opened--;
  }
  let { start, end } = span;
  if (opened > 0) {
    let i = end;
    while (i < text.length && i - end < 4 && (SPACE.test(text[i]!) || /[.!?…]/.test(text[i]!))) i++;
    if (i < text.length && CLOSING.includes(text[i]!)) end = i + 1;
  } else if (opened < 0) {
    let i = start - 1;
    while (i >= 0 && start - i < 4 && SPACE.test(text[i]!)) i--;
    if (i >= 0 && OPENING.includes(text[i]!)) start = i;
  }
  return { start, end };
}
