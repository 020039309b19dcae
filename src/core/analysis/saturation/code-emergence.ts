/**
 * Code emergence along the interviews (Guest, Bunce & Johnson 2006): for each interview in order,
 * the codes it uses, those seen for the first time, the running total and its share of the final
 * count (every code found in all the interviews analysed).
 */

export interface EmergenceRow {
  /** 1-based place in the interview order. */
  rank: number;
  /** Distinct codes (or themes) used in this interview. */
  used: number;
  /** Ids first seen in this interview, in the order given. */
  newIds: string[];
  cumulative: number;
  /** cumulative / final (0–1); 0 when nothing was coded at all. */
  share: number;
}

export interface Emergence {
  rows: EmergenceRow[];
  /** Distinct ids over all the interviews. */
  final: number;
}

/** `interviews`: the ids used in each interview, in interview order (repeats are ignored). */
export function codeEmergence(interviews: readonly (readonly string[])[]): Emergence {
  const seen = new Set<string>();
  const rows: EmergenceRow[] = interviews.map((ids, i) => {
    const unique = [...new Set(ids)];
    const newIds = unique.filter((id) => !seen.has(id));
    for (const id of newIds) seen.add(id);
    return { rank: i + 1, used: unique.length, newIds, cumulative: seen.size, share: 0 };
  });
  const final = seen.size;
  for (const row of rows) row.share = final === 0 ? 0 : row.cumulative / final;
  return { rows, final };
}

export interface ShareReached {
  /** Share of the final count, in percent (90, 95, 100). */
  percent: number;
  /** First interview (rank) at which the running total reached it, or null when nothing was coded. */
  rank: number | null;
  /** Codes it takes: the smallest count that is at least `percent` % of the final count. */
  codes: number;
}

/** When the running total first reached each share of the final count. */
export function sharesReached(emergence: Emergence, percents: readonly number[]): ShareReached[] {
  const { rows, final } = emergence;
  return percents.map((percent) => {
    // Integer arithmetic: cumulative / final ≥ percent / 100, without rounding surprises.
    const codes = Math.max(0, Math.ceil((percent * final) / 100 - 1e-9));
    const row = final === 0 ? undefined : rows.find((r) => r.cumulative * 100 >= percent * final - 1e-9);
    return { percent, rank: row?.rank ?? null, codes };
  });
}
