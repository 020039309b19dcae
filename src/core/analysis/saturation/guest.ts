/**
 * Saturation by base, run and threshold — Guest, Namey & Chen (2020), "A simple method to assess
 * and report thematic saturation in qualitative research", PLOS ONE 15(5): e0232076.
 *
 * base = new codes in the first B interviews. For each run of R interviews starting after
 * interview s (s ≥ B, sliding by one): ratio = new codes in interviews s+1…s+R / denominator,
 * the denominator being the base (fixed, the paper's default) or every code seen up to s
 * (growing). Saturation: the first s whose ratio is at most the threshold T, reported "s+R".
 */

export type GuestDenominator = 'fixed' | 'growing';

export interface GuestParameters {
  /** B: interviews in the base. */
  base: number;
  /** R: interviews in a run. */
  run: number;
  /** T: new information threshold, as a fraction (0.05 for 5 %). */
  threshold: number;
  denominator: GuestDenominator;
}

export const GUEST_DEFAULTS: GuestParameters = { base: 4, run: 2, threshold: 0.05, denominator: 'fixed' };

export interface GuestRun {
  /** s: the run follows interview s. */
  after: number;
  /** Interviews s+1 … s+R (ranks). */
  first: number;
  last: number;
  newCodes: number;
  denominator: number;
  /** newCodes / denominator; null when the denominator is 0. */
  ratio: number | null;
  meets: boolean;
}

/** What saturation still needs when it was not reached. */
export type GuestMissing =
  /** Fewer interviews than the base: at least this many more (the rest of the base, then a run). */
  | { kind: 'base'; interviews: number }
  /** `interviews` more interviews bringing at most `newCodes` new codes between them would reach it. */
  | { kind: 'run'; interviews: number; newCodes: number }
  /** No code in the base: the ratio has no denominator. */
  | { kind: 'empty-base' };

export interface GuestResult {
  parameters: GuestParameters;
  /** New codes in the base (its size in codes), null with fewer interviews than B. */
  baseCodes: number | null;
  runs: GuestRun[];
  /** The first run that meets the threshold: saturation at `after`, written "after+R". */
  saturation: { after: number; label: string; run: GuestRun } | null;
  /** Interviews after the saturation run that still brought new codes (rank, count): the method stops looking, the reader should not. */
  newAfter: { rank: number; newCodes: number }[];
  missing: GuestMissing | null;
}

const EPSILON = 1e-12;

/** At most how many new codes a run may bring under this denominator. */
function allowed(threshold: number, denominator: number): number {
  return Math.floor(threshold * denominator + 1e-9);
}

/** `newCodes[i]`: codes first seen in interview i+1, in interview order. */
export function guestSaturation(newCodes: readonly number[], parameters: GuestParameters = GUEST_DEFAULTS): GuestResult {
  const { base: B, run: R, threshold: T, denominator } = parameters;
  const n = newCodes.length;
  const cumulative: number[] = [];
  newCodes.reduce((sum, x, i) => (cumulative[i] = sum + x), 0);
  const seenUpTo = (s: number) => (s === 0 ? 0 : cumulative[s - 1]!);
  const baseCodes = n >= B ? seenUpTo(B) : null;
  const denominatorAt = (s: number) => (denominator === 'fixed' ? seenUpTo(B) : seenUpTo(s));

  const runs: GuestRun[] = [];
  let saturation: GuestResult['saturation'] = null;
  for (let s = B; s + R <= n; s++) {
    const found = seenUpTo(s + R) - seenUpTo(s);
    const d = denominatorAt(s);
    const ratio = d === 0 ? null : found / d;
    const run: GuestRun = { after: s, first: s + 1, last: s + R, newCodes: found, denominator: d, ratio, meets: ratio !== null && ratio <= T + EPSILON };
    runs.push(run);
    if (run.meets) {
      saturation = { after: s, label: `${s}+${R}`, run };
      break;
    }
  }

  let missing: GuestMissing | null = null;
  if (saturation === null) {
    if (n < B) missing = { kind: 'base', interviews: B - n + R };
    else if (seenUpTo(B) === 0 && denominator === 'fixed') missing = { kind: 'empty-base' };
    else {
      // The next runs reuse the last interviews: k more interviews complete the run after s = n + k − R.
      for (let k = 1; k <= R; k++) {
        const s = n + k - R;
        if (s < B) continue;
        const d = denominatorAt(s);
        if (d === 0) continue;
        const already = seenUpTo(n) - seenUpTo(s);
        const room = allowed(T, d) - already;
        if (room >= 0) {
          missing = { kind: 'run', interviews: k, newCodes: room };
          break;
        }
      }
      missing ??= { kind: 'empty-base' };
    }
  }
  const newAfter: GuestResult['newAfter'] = [];
  if (saturation !== null) for (let rank = saturation.run.last + 1; rank <= n; rank++) if (newCodes[rank - 1]! > 0) newAfter.push({ rank, newCodes: newCodes[rank - 1]! });
  return { parameters, baseCodes, runs, saturation, newAfter, missing };
}
