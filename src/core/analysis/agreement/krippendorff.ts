/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): any
 * number of coders, missing values allowed, nominal, ordinal or interval metric.
 *
 * Values are paired within each unit coded by two coders or more: a unit with m values adds
 * 1/(m−1) to the coincidence o_ck for each ordered pair of values (c, k) from different coders.
 * With n_c = Σ_k o_ck and n = Σ_c n_c, α = 1 − (n−1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck; for the
 * nominal metric this is α = [(n−1)·Σ o_cc − Σ n_c(n_c−1)] / [n(n−1) − Σ n_c(n_c−1)].
 * α is undefined when no unit has two values, or when all values are one category.
 *
 * For one code, each coder's decision on a unit is binary (coded or not): `BinaryCoincidences`
 * keeps the three sums o_00, o_01 (= o_10), o_11, which add up across units, transcripts and
 * codes, so a pooled α is the α of the summed coincidences.
 */
import { defined, notDefined, type Estimate } from './estimate.js';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/** A value given by a coder to a unit, or null when that coder gave none. */
export type AlphaValue = string | number | null;

function sortCategories(values: (string | number)[], level: AlphaLevel): (string | number)[] {
  if (level === 'nominal') return values;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`Krippendorff's alpha (${level}): values must be numbers, not ${JSON.stringify(v)}`);
    }
  }
  return [...(values as number[])].sort((x, y) => x - y);
}

/**
 * α for a reliability matrix: one row per coder, one column per unit (rows of equal length),
 * null for a missing value.
 */
export function krippendorffAlpha(matrix: readonly (readonly AlphaValue[])[], level: AlphaLevel = 'nominal'): Estimate {
  const units = matrix[0]?.length ?? 0;
  for (const row of matrix) {
    if (row.length !== units) throw new RangeError("Krippendorff's alpha: every coder needs a value (or null) for every unit");
  }
  // Categories present in pairable units, and the coincidence matrix.
  const index = new Map<string | number, number>();
  const perUnit: Map<number, number>[] = [];
  for (let u = 0; u < units; u++) {
    const counts = new Map<number, number>();
    let m = 0;
    for (const row of matrix) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      let c = index.get(v);
      if (c === undefined) index.set(v, (c = index.size));
      counts.set(c, (counts.get(c) ?? 0) + 1);
      m++;
    }
    if (m >= 2) perUnit.push(counts);
  }
  if (perUnit.length === 0) return notDefined('no-pairable-values');
  const k = index.size;
  const o = Array.from({ length: k }, () => new Float64Array(k));
  for (const counts of perUnit) {
    let m = 0;
    for (const n of counts.values()) m += n;
    for (const [c, nc] of counts) {
      for (const [d, nd] of counts) o[c]![d]! += (nc * (c === d ? nd - 1 : nd)) / (m - 1);
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  // Categories in metric order; δ² between category indices.
  const categories = sortCategories([...index.keys()], level);
  const order = categories.map((v) => index.get(v)!);
  const delta2 = (i: number, j: number): number => {
    const ci = order[i]!;
    const cj = order[j]!;
    if (level === 'nominal') return ci === cj ? 0 : 1;
    if (level === 'interval') return ((categories[i] as number) - (categories[j] as number)) ** 2;
    // Ordinal: (Σ_{g=i..j} n_g − (n_i + n_j)/2)²
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[order[g]!]!;
    return (sum - (nc[ci]! + nc[cj]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      const d = delta2(i, j);
      observed += o[order[i]!]![order[j]!]! * d;
      expected += nc[order[i]!]! * nc[order[j]!]! * d;
    }
  }
  if (expected === 0) return notDefined('single-category');
  return defined(1 - ((n - 1) * observed) / expected);
}

/** Coincidences of one binary variable (a code applied or not), summed over units. */
export interface BinaryCoincidences {
  /** o_00: pairs of "not coded". */
  o00: number;
  /** o_01 = o_10: pairs of one "coded" and one "not coded". */
  o01: number;
  /** o_11: pairs of "coded". */
  o11: number;
}

export function emptyCoincidences(): BinaryCoincidences {
  return { o00: 0, o01: 0, o11: 0 };
}

/**
 * Adds `weight` units (e.g. characters) on which `values` coders gave a value and `ones` of them
 * applied the code. Units with fewer than two values are not pairable and add nothing.
 */
export function addBinaryUnit(acc: BinaryCoincidences, values: number, ones: number, weight = 1): void {
  if (values < 2 || weight === 0) return;
  const zeros = values - ones;
  const w = weight / (values - 1);
  acc.o11 += ones * (ones - 1) * w;
  acc.o00 += zeros * (zeros - 1) * w;
  acc.o01 += zeros * ones * w;
}

export function addCoincidences(acc: BinaryCoincidences, other: BinaryCoincidences): void {
  acc.o00 += other.o00;
  acc.o01 += other.o01;
  acc.o11 += other.o11;
}

/** Nominal α of a binary variable from its coincidences. */
export function binaryAlpha(c: BinaryCoincidences): Estimate {
  const n0 = c.o00 + c.o01;
  const n1 = c.o11 + c.o01;
  const n = n0 + n1;
  if (n === 0) return notDefined('no-pairable-values');
  if (c.o01 === 0 && (c.o00 === 0 || c.o11 === 0)) return notDefined('single-category');
  // α = 1 − (n−1)·D_o/D_e with D_o ∝ 2·o01 and D_e ∝ 2·n0·n1 (δ² = 1 off the diagonal).
  return defined(1 - ((n - 1) * c.o01) / (n0 * n1));
}
