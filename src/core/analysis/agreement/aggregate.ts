/**
 * Summing up agreement over several transcripts or codes, in one of three published ways, each
 * named in the output: the pooled table (every unit of every cell counted once, the coefficient
 * computed on the sum), the unweighted mean of the cells' coefficients, or their mean weighted
 * by the cells' sizes (units). Means leave undefined cells out, and say how many.
 */
import { notDefined, type Estimate } from './estimate.js';

export type Aggregation = 'pooled' | 'mean' | 'weighted';

export const AGGREGATIONS: readonly Aggregation[] = ['pooled', 'mean', 'weighted'];

export interface MeanEstimate {
  estimate: Estimate;
  /** Cells whose coefficient was defined and averaged. */
  averaged: number;
  /** Cells left out because their coefficient is undefined. */
  leftOut: number;
}

/** The mean (weighted by `weight`, or not) of the defined estimates. */
export function meanOf(cells: readonly { estimate: Estimate; weight: number }[], weighted: boolean): MeanEstimate {
  const both = aggregate(notDefined('no-units'), cells);
  return weighted ? both.weighted : both.mean;
}

const estimateOf = (cell: { estimate: Estimate }) => cell.estimate;
const weightOf = (cell: { weight: number }) => cell.weight;

/** A coefficient summed up the three ways. */
export interface Aggregated {
  pooled: Estimate;
  mean: MeanEstimate;
  weighted: MeanEstimate;
}

export function aggregate(pooled: Estimate, cells: readonly { estimate: Estimate; weight: number }[]): Aggregated {
  return aggregateOver(pooled, cells, estimateOf, weightOf);
}

/**
 * `aggregate` over items read in place: `estimateOf` gives an item's estimate, or null for an item
 * that does not take part (not counted, not left out). The same sums in the same order as
 * `aggregate`, without a list of estimates and weights (a study's agreement sums up 13,000 cells
 * by code, by transcript and overall).
 */
export function aggregateOver<T>(pooled: Estimate, items: readonly T[], estimateOf: (item: T) => Estimate | null, weightOf: (item: T) => number): Aggregated {
  let sum = 0;
  let weightedSum = 0;
  let total = 0;
  let averaged = 0;
  let counted = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const estimate = estimateOf(item);
    if (estimate === null) continue;
    counted++;
    if (!estimate.defined) continue;
    const w = weightOf(item);
    sum += estimate.value;
    weightedSum += estimate.value * w;
    total += w;
    averaged++;
  }
  const leftOut = counted - averaged;
  const mean = (value: number, over: number): MeanEstimate => {
    if (averaged === 0) return { estimate: notDefined(counted === 0 ? 'no-units' : 'all-undefined'), averaged, leftOut };
    if (over === 0) return { estimate: notDefined('no-units'), averaged, leftOut };
    return { estimate: { defined: true, value: value / over }, averaged, leftOut };
  };
  return { pooled, mean: mean(sum, averaged), weighted: mean(weightedSum, total) };
}

/** The estimate of one aggregation. */
export function pick(aggregated: Aggregated, how: Aggregation): Estimate {
  return how === 'pooled' ? aggregated.pooled : aggregated[how].estimate;
}
