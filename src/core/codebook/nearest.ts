/** "Did you mean …?": the closest word of a list, for hints. */
import { editDistance } from '../text/edit-distance.js';

/**
 * The candidate closest to `word` (compared in lowercase), if it is close enough: at most
 * `maxDistance` edits, by default a third of the word's length (at least 1). Ties: first in list.
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const w = word.toLowerCase();
  const max = maxDistance ?? Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(w, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
