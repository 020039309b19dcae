/**
 * The stopping rule of Francis et al. (2010), "What is an adequate sample size? Operationalising
 * data saturation for theory-based interview studies", Psychology & Health 25(10): 1229–1245.
 *
 * After an initial sample of I interviews, count the consecutive interviews that bring no new code;
 * saturation is met at the first interview where that count reaches the stopping criterion S
 * (10 + 3 in the paper: at the 13th interview at the earliest). "No new code in the last two
 * interviews", as theses often put it, is the same rule with I = 0 and S = 2.
 */

export interface StoppingParameters {
  /** I: interviews of the initial sample. */
  initial: number;
  /** S: consecutive interviews without a new code that stop data collection. */
  stop: number;
}

export const STOPPING_DEFAULTS: StoppingParameters = { initial: 10, stop: 3 };
/** "No new code in the last two interviews". */
export const LAST_TWO: StoppingParameters = { initial: 0, stop: 2 };

export interface StoppingResult {
  parameters: StoppingParameters;
  /** Rank of the interview at which the criterion was first met, or null. */
  metAt: number | null;
  /** Rank of the last interview that brought a new code, or null when none did. */
  lastNewCode: number | null;
  /** Interviews after `metAt` that still brought new codes (rank, count). */
  newAfter: { rank: number; newCodes: number }[];
  /** Consecutive interviews without a new code at the end, counted after the initial sample. */
  streakAtEnd: number;
  /** When not met: at least this many more interviews (without a new code) would meet it. */
  missing: { interviews: number } | null;
}

/** `newCodes[i]`: codes first seen in interview i+1, in interview order. */
export function stoppingRule(newCodes: readonly number[], parameters: StoppingParameters = STOPPING_DEFAULTS): StoppingResult {
  const { initial, stop } = parameters;
  const n = newCodes.length;
  let streak = 0;
  let metAt: number | null = null;
  for (let rank = initial + 1; rank <= n; rank++) {
    streak = newCodes[rank - 1] === 0 ? streak + 1 : 0;
    if (metAt === null && streak >= stop) metAt = rank;
  }
  let lastNewCode: number | null = null;
  newCodes.forEach((x, i) => {
    if (x > 0) lastNewCode = i + 1;
  });
  const newAfter: StoppingResult['newAfter'] = [];
  if (metAt !== null) for (let rank = metAt + 1; rank <= n; rank++) if (newCodes[rank - 1]! > 0) newAfter.push({ rank, newCodes: newCodes[rank - 1]! });
  const missing = metAt !== null ? null : { interviews: n < initial ? initial - n + stop : stop - streak };
  return { parameters, metAt, lastNewCode, newAfter, streakAtEnd: streak, missing };
}
