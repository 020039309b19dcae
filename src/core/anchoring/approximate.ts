/**
 * Approximate search in folded text (Myers' bit-parallel algorithm, via approx-string-match),
 * for quotes an author lightly edited: a spelling fixed, a word added or dropped.
 * Works on folded offsets; callers map back to the original text.
 */
import search from 'approx-string-match';

export interface FoldedHit {
  fs: number;
  fe: number;
  errors: number;
}

/** Quotes shorter than this (folded) are never searched approximately: too many look-alikes. */
export const MIN_APPROXIMATE_LENGTH = 12;

/** Longer quotes are searched by their head and tail. */
const LONG_QUOTE = 1000;
const HEAD = 200;

/** Widens a folded span to whole words and drops spaces at its ends. */
export function snapToWords(folded: string, fs: number, fe: number): { fs: number; fe: number } {
  while (fs < fe && folded.charCodeAt(fs) === 0x20) fs++;
  while (fe > fs && folded.charCodeAt(fe - 1) === 0x20) fe--;
  while (fs > 0 && folded.charCodeAt(fs - 1) !== 0x20) fs--;
  while (fe < folded.length && folded.charCodeAt(fe) !== 0x20) fe++;
  return { fs, fe };
}

/** The lowest-cost hits of `pattern` in folded[from, to), one per place (overlapping hits merged). */
export function bestHits(folded: string, pattern: string, maxErrors: number, from = 0, to = folded.length): FoldedHit[] {
  if (pattern.length === 0 || to <= from) return [];
  const hay = from === 0 && to === folded.length ? folded : folded.slice(from, to);
  const raw = search(hay, pattern, Math.max(0, maxErrors));
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const places: FoldedHit[] = [];
  for (const m of raw) {
    const last = places[places.length - 1];
    if (last !== undefined && m.start + from < last.fe) continue;
    places.push({ fs: m.start + from, fe: m.end + from, errors: m.errors });
  }
  return places;
}

/** The fewest errors of `pattern` in folded text outside [fs, fe), or null if none within `maxErrors`. */
export function bestElsewhere(folded: string, pattern: string, fs: number, fe: number, maxErrors: number): number | null {
  let best: number | null = null;
  for (const hits of [bestHits(folded, pattern, maxErrors, 0, fs), bestHits(folded, pattern, maxErrors, fe)]) {
    const h = hits[0];
    if (h !== undefined && (best === null || h.errors < best)) best = h.errors;
  }
  return best;
}

/**
 * Best places of a folded quote: every place reaching the lowest error count within `maxErrors`.
 * Long quotes: head and tail are searched separately, must come in order at about the
 * expected distance (± 20 %), and the region between is then scored as a whole.
 */
export function approximatePlaces(folded: string, pattern: string, maxErrors: number): FoldedHit[] {
  const m = pattern.length;
  if (m > LONG_QUOTE) {
    const viaEnds = longQuotePlaces(folded, pattern, maxErrors);
    if (viaEnds.length > 0) return viaEnds;
  }
  return bestHits(folded, pattern, maxErrors);
}

function longQuotePlaces(folded: string, pattern: string, maxErrors: number): FoldedHit[] {
  const m = pattern.length;
  const endErrors = Math.floor(HEAD * (maxErrors / m));
  const heads = bestHits(folded, pattern.slice(0, HEAD), endErrors);
  const tails = bestHits(folded, pattern.slice(m - HEAD), endErrors);
  const places: FoldedHit[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const span = t.fe - h.fs;
      if (t.fs < h.fe || span < m * 0.8 || span > m * 1.2) continue;
      const scored = bestHits(folded, pattern, maxErrors, h.fs, Math.min(folded.length, t.fe + 1));
      const best = scored[0];
      if (best !== undefined) places.push(best);
    }
  }
  if (places.length === 0) return [];
  const fewest = Math.min(...places.map((p) => p.errors));
  return places.filter((p) => p.errors === fewest);
}
