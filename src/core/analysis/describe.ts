/** Describing a list of numbers as a thesis does: minimum, maximum, mean and median. */
export interface NumberSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** The middle value, or the mean of the two middle values for an even count. */
  median: number;
  sum: number;
}

export function describeNumbers(values: readonly number[]): NumberSummary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
    median: sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    sum,
  };
}
