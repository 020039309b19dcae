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
  let sum = 0;
  let total = 0;
  let averaged = 0;
  for (const cell of cells) {
    if (!cell.estimate.defined) continue;
    const w = weighted ? cell.weight : 1;
    sum += cell.estimate.value * w;
    total += w;
    averaged++;
  }
  const leftOut = cells.length - averaged;
  if (averaged === 0) return { estimate: notDefined(cells.length === 0 ? 'no-units' : 'all-undefined'), averaged, leftOut };
  if (total === 0) return { estimate: notDefined('no-units'), averaged, leftOut };
  return { estimate: { defined: true, value: sum / total }, averaged, leftOut };
}

/** A coefficient summed up the three ways. */
export interface Aggregated {
  pooled: Estimate;
  mean: MeanEstimate;
  weighted: MeanEstimate;
}

export function aggregate(pooled: Estimate, cells: readonly { estimate: Estimate; weight: number }[]): Aggregated {
  return { pooled, mean: meanOf(cells, false), weighted: meanOf(cells, true) };
}

/** The estimate of one aggregation. */
export function pick(aggregated: Aggregated, how: Aggregation): Estimate {
  return how === 'pooled' ? aggregated.pooled : aggregated[how].estimate;
}
