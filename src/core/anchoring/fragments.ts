/**
 * Quotes with omissions (`on tourne en rond […] et lui aussi`): each part is found in order,
 * each after the previous one and at most `maxGap` characters further; the match spans from
 * the first part's start to the last part's end.
 */
import type { Span } from '../types.js';
import type { FoldedText } from '../text/fold.js';
import { approximatePlaces, bestHits, MIN_APPROXIMATE_LENGTH, snapToWords, type FoldedHit } from './approximate.js';
import { foldedOccurrences } from './occurrences.js';

export interface PlacedFragments {
  /** Every equally good placement, in text order. */
  spans: Span[];
  score: number;
}

/** First index in sorted `xs` with xs[i] >= x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Places folded parts in order, or returns null when they cannot all be placed within the score threshold. */
export function placeFragments(
  ft: FoldedText,
  parts: string[],
  options: { minScore: number; maxGap: number },
): PlacedFragments | null {
  const folded = ft.folded;
  const allowed = (p: string): number => Math.floor(p.length * (1 - options.minScore));
  const occurrences = parts.map((p) => foldedOccurrences(folded, p));
  const firstPart = parts[0] ?? '';
  let starts: FoldedHit[] = (occurrences[0] ?? []).map((fs) => ({ fs, fe: fs + firstPart.length, errors: 0 }));
  if (starts.length === 0 && firstPart.length >= MIN_APPROXIMATE_LENGTH) {
    starts = approximatePlaces(folded, firstPart, allowed(firstPart)).map((h) => ({ ...snapToWords(folded, h.fs, h.fe), errors: h.errors }));
  }

  const next = (k: number, fromFs: number): FoldedHit | null => {
    const part = parts[k] ?? '';
    const prevEnd = ft.toOriginal(Math.max(0, fromFs - 1), fromFs).end;
    const limitFs = ft.toFolded(prevEnd + options.maxGap);
    const occ = occurrences[k] ?? [];
    const fs = occ[lowerBound(occ, fromFs)];
    if (fs !== undefined && fs <= limitFs) return { fs, fe: fs + part.length, errors: 0 };
    if (part.length < MIN_APPROXIMATE_LENGTH) return null;
    const windowEnd = Math.min(folded.length, limitFs + Math.ceil(part.length * 1.2) + 1);
    const hit = bestHits(folded, part, allowed(part), fromFs, windowEnd)[0];
    if (hit === undefined) return null;
    const w = snapToWords(folded, hit.fs, hit.fe);
    return w.fs >= fromFs && w.fs <= limitFs ? { ...w, errors: hit.errors } : null;
  };

  const byEnd = new Map<number, FoldedHit>();
  for (const start of starts) {
    let fe = start.fe;
    let errors = start.errors;
    let ok = true;
    for (let k = 1; k < parts.length && ok; k++) {
      const hit = next(k, fe);
      if (hit === null) ok = false;
      else {
        fe = hit.fe;
        errors += hit.errors;
      }
    }
    if (!ok) continue;
    const seen = byEnd.get(fe);
    // Several starts reaching the same end: the tightest one is the quote.
    if (seen === undefined || errors < seen.errors || (errors === seen.errors && start.fs > seen.fs)) {
      byEnd.set(fe, { fs: start.fs, fe, errors });
    }
  }
  if (byEnd.size === 0) return null;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const fewest = Math.min(...[...byEnd.values()].map((c) => c.errors));
  const score = 1 - fewest / total;
  if (score < options.minScore) return null;
  const spans = [...byEnd.values()]
    .filter((c) => c.errors === fewest)
    .map((c) => ft.toOriginal(c.fs, c.fe))
    .sort((a, b) => a.start - b.start);
  return { spans, score };
}
