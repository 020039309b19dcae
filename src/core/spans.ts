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
