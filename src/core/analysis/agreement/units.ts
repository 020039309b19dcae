/**
 * The units agreement is counted in, for one transcript:
 * - `char`: every character (Unicode code point) of the transcript text, as NVivo's coding
 *   comparison counts them;
 * - `sentence`: the transcript's sentences (the coding screen's), the usual unit of a thesis;
 * - `paragraph`: every non-blank line (a paragraph of the Word document it came from);
 * - `transcript`: the whole transcript as one unit: was the code applied at all (MAXQDA's code
 *   presence per document).
 * A sentence or paragraph counts as coded when any of its characters is coded.
 */
import type { Span } from '../../types.js';

export type AgreementUnit = 'char' | 'sentence' | 'paragraph' | 'transcript';

export const AGREEMENT_UNITS: readonly AgreementUnit[] = ['char', 'sentence', 'paragraph', 'transcript'];

/** Non-blank lines of the text, without their line end. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (/\S/.test(text.slice(start, end))) spans.push({ start, end });
    start = end + 1;
  }
  return spans;
}

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the units (sorted, disjoint) overlapping any of `spans`, ascending, each once. */
export function touchedUnits(units: readonly Span[], spans: readonly Span[]): number[] {
  const out: number[] = [];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    for (let i = firstEndingAfter(units, span.start); i < units.length && units[i]!.start < span.end; i++) out.push(i);
  }
  if (spans.length <= 1) return out;
  // Spans in order give units in order (with repeats where two spans share a unit): sorted only when not.
  for (let i = 1; i < out.length; i++) {
    if (out[i]! < out[i - 1]!) {
      out.sort((x, y) => x - y);
      break;
    }
  }
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}

/** How many values two ascending lists share. */
export function commonCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}


/** Total length of a sorted union. */
export function lengthOf(union: readonly Span[]): number {
  let n = 0;
  for (const s of union) n += s.end - s.start;
  return n;
}

/** Length of the intersection of two sorted unions. */
export function overlapLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.start, y.start);
    const to = Math.min(x.end, y.end);
    if (to > from) n += to - from;
    if (x.end <= y.end) i++;
    else j++;
  }
  return n;
}

/** The intersection of two sorted unions, as a sorted union. */
export function intersectionOf(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.start, y.start);
    const to = Math.min(x.end, y.end);
    if (to > from) out.push({ start: from, end: to });
    if (x.end <= y.end) i++;
    else j++;
  }
  return out;
}

/**
 * For several coders' unions on one text of `length` characters: the length covered by exactly
 * k of them, for k = 0…coders (a sweep over the boundaries).
 */
export function coverageCounts(unions: readonly (readonly Span[])[], length: number): Float64Array {
  const events: number[] = [];
  for (const union of unions) {
    for (const s of union) {
      const from = Math.max(0, Math.min(length, s.start));
      const to = Math.max(from, Math.min(length, s.end));
      if (to > from) events.push(from * 2 + 1, to * 2); // ends sort before starts at one offset
    }
  }
  events.sort((x, y) => x - y);
  const counts = new Float64Array(unions.length + 1);
  let depth = 0;
  let at = 0;
  for (const e of events) {
    const pos = e >> 1;
    counts[depth]! += pos - at;
    at = pos;
    depth += e & 1 ? 1 : -1;
  }
  counts[0]! += length - at;
  return counts;
}
