/**
 * Percent agreement and Cohen's kappa (Cohen 1960): κ = (p_o − p_e) / (1 − p_e), with
 * p_e = Σ_c p_A(c)·p_B(c).
 *
 * For one code, the two coders' decisions form a 2×2 table of units — coded by both, by A only,
 * by B only, by neither — and κ is computed as NVivo's coding comparison documents it:
 * EF1 = A·B/TU, EF2 = (TU−A)(TU−B)/TU, κ = (TA − ΣEF)/(TU − ΣEF), where TU is the number of
 * units, TA the units both treated alike, A and B the units each coded. It is the same number as
 * Cohen's formula. κ is undefined when p_e = 1 (both coders put every unit in the same category):
 * then only the observed agreement is reported.
 */
import { defined, notDefined, type Estimate } from './estimate.js';

/** Units of one code for two coders (characters, sentences, paragraphs or transcripts). */
export interface Table2x2 {
  both: number;
  aOnly: number;
  bOnly: number;
  neither: number;
}

export const EMPTY_TABLE: Readonly<Table2x2> = Object.freeze({ both: 0, aOnly: 0, bOnly: 0, neither: 0 });

export function tableTotal(t: Table2x2): number {
  return t.both + t.aOnly + t.bOnly + t.neither;
}

/** Sum of tables (the pooled table). */
export function addTables(tables: Iterable<Table2x2>): Table2x2 {
  const sum = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
  for (const t of tables) {
    sum.both += t.both;
    sum.aOnly += t.aOnly;
    sum.bOnly += t.bOnly;
    sum.neither += t.neither;
  }
  return sum;
}

/** Share of units both coders treated alike: (both + neither) / total. */
export function percentAgreement(t: Table2x2): Estimate {
  const total = tableTotal(t);
  return total === 0 ? notDefined('no-units') : defined((t.both + t.neither) / total);
}

export interface KappaDetail {
  kappa: Estimate;
  /** Observed agreement p_o (undefined only without units). */
  observed: Estimate;
  /** Expected (chance) agreement p_e. */
  expected: Estimate;
}

/** Cohen's kappa of a 2×2 table, with NVivo's expected frequencies. */
export function kappaOfTable(t: Table2x2): KappaDetail {
  const tu = tableTotal(t);
  if (tu === 0) return { kappa: notDefined('no-units'), observed: notDefined('no-units'), expected: notDefined('no-units') };
  const a = t.both + t.aOnly;
  const b = t.both + t.bOnly;
  const ta = t.both + t.neither;
  const ef = (a * b) / tu + ((tu - a) * (tu - b)) / tu;
  const observed = defined(ta / tu);
  const expected = defined(ef / tu);
  // p_e = 1 exactly when both coders are constant and equal (neither coded any unit, or both
  // coded every unit); tested on the counts, as products of large counts are not exact.
  if ((a === 0 && b === 0) || (a === tu && b === tu)) return { kappa: notDefined('expected-agreement-one'), observed, expected };
  return { kappa: defined((ta - ef) / (tu - ef)), observed, expected };
}

/**
 * Cohen's kappa of two coders' labels on the same units (any number of categories).
 * Throws when the two lists differ in length: that is a bug, not data.
 */
export function cohenKappa(a: readonly (string | number)[], b: readonly (string | number)[]): KappaDetail {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} labels against ${b.length}`);
  const n = a.length;
  if (n === 0) return { kappa: notDefined('no-units'), observed: notDefined('no-units'), expected: notDefined('no-units') };
  const countA = new Map<string | number, number>();
  const countB = new Map<string | number, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  let expectedN2 = 0;
  for (const [label, na] of countA) expectedN2 += na * (countB.get(label) ?? 0);
  const observed = defined(agree / n);
  const expected = defined(expectedN2 / (n * n));
  // p_e = 1 exactly when both coders used one and the same label throughout.
  if (countA.size === 1 && countB.size === 1 && a[0] === b[0]) return { kappa: notDefined('expected-agreement-one'), observed, expected };
  return { kappa: defined((agree * n - expectedN2) / (n * n - expectedN2)), observed, expected };
}
