/**
 * The text just before and after a segment, kept with it (as the W3C Web Annotation
 * TextQuoteSelector keeps `prefix` and `suffix` around its `exact` text), so that a short or
 * repeated quote — `oui`, `lombalgie` — is found again at the right one of its occurrences
 * after the transcript changed.
 */
import type { Span } from '../types.js';
import { foldWithMap } from '../text/fold.js';

/** Characters of context kept on each side (cut back to a whole word). */
export const CONTEXT_LENGTH = 32;

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

const SPACE = /\s/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Up to `CONTEXT_LENGTH` characters before `start` and after `end`, starting and ending on whole words. */
export function contextOf(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && !SPACE.test(text[from - 1]!)) {
    const space = text.slice(from, start).search(SPACE);
    from = space < 0 ? start : from + space + 1;
  }
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && !SPACE.test(text[to]!)) {
    const before = text.slice(end, to);
    let cut = before.length;
    while (cut > 0 && !SPACE.test(before[cut - 1]!)) cut--;
    to = cut === 0 ? end : end + cut - 1;
  }
  if (to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** How many characters of the folded `context` agree with the folded text next to the span. */
function agreement(text: string, span: Span, context: QuoteContext): number {
  let score = 0;
  if (context.prefix) {
    const want = foldWithMap(context.prefix).folded;
    const have = foldWithMap(text.slice(Math.max(0, span.start - context.prefix.length * 2), span.start)).folded;
    let k = 0;
    while (k < want.length && k < have.length && want[want.length - 1 - k] === have[have.length - 1 - k]) k++;
    score += k;
  }
  if (context.suffix) {
    const want = foldWithMap(context.suffix).folded;
    const have = foldWithMap(text.slice(span.end, span.end + context.suffix.length * 2)).folded;
    let k = 0;
    while (k < want.length && k < have.length && want[k] === have[k]) k++;
    score += k;
  }
  return score;
}

/**
 * Picks among equally good spans (in text order): the one whose surroundings agree best with
 * the stored context, then the nearest to `near` (the old position), else the first.
 */
export function chooseSpan<S extends Span>(spans: readonly S[], options: { text?: string; context?: QuoteContext; near?: number } = {}): S | undefined {
  let pool = [...spans];
  const { text, context, near } = options;
  if (text !== undefined && context !== undefined && (context.prefix || context.suffix) && pool.length > 1) {
    const scores = pool.map((s) => agreement(text, s, context));
    const top = Math.max(...scores);
    pool = pool.filter((_, i) => scores[i] === top);
  }
  if (near === undefined) return pool[0];
  let best = pool[0];
  for (const s of pool) {
    if (best === undefined || Math.abs(s.start - near) < Math.abs(best.start - near)) best = s;
  }
  return best;
}
