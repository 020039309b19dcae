/** Spans of text (half-open `[start, end)`): their union. */
import type { Span } from './types.js';

/** Sorted union of possibly overlapping (or touching) spans; empty spans are dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end) {
      if (span.end > last.end) out[out.length - 1] = { start: last.start, end: span.end };
    } else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans (sorted, disjoint) overlapping `[start, end)`; an empty row overlaps nothing. */
export function overlapping(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = firstEndingAfter(spans, start); i < spans.length; i++) {
    const span = spans[i];
    if (span === undefined || span.start >= end) break;
    out.push(span);
  }
  return out;
}
