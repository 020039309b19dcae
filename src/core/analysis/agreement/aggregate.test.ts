import { describe, expect, it } from 'vitest';
import { aggregate, meanOf, pick } from './aggregate.js';
import { defined, notDefined } from './estimate.js';
import { addTables, kappaOfTable } from './kappa.js';

const value = (e: { defined: boolean; value?: number }) => (e.defined ? e.value : undefined);

describe('aggregating over transcripts', () => {
  it("reproduces the methods' example: κ 0.318182 and 0.736842; mean 0.527512, size-weighted 0.457735, pooled 0.52", () => {
    const s1 = { both: 50, aOnly: 100, bOnly: 50, neither: 800 }; // 1000 characters
    const s2 = { both: 100, aOnly: 0, bOnly: 50, neither: 350 }; // 500 characters
    const k1 = kappaOfTable(s1).kappa;
    const k2 = kappaOfTable(s2).kappa;
    expect(value(k1)).toBeCloseTo(0.318182, 6);
    expect(value(k2)).toBeCloseTo(0.736842, 6);
    const all = aggregate(kappaOfTable(addTables([s1, s2])).kappa, [
      { estimate: k1, weight: 1000 },
      { estimate: k2, weight: 500 },
    ]);
    expect(value(pick(all, 'mean'))).toBeCloseTo(0.527512, 6);
    expect(value(pick(all, 'weighted'))).toBeCloseTo(0.457735, 6);
    expect(value(pick(all, 'pooled'))).toBeCloseTo(0.52, 12);
  });

  it('leaves undefined cells out of means and counts them', () => {
    const mean = meanOf(
      [
        { estimate: defined(0.5), weight: 10 },
        { estimate: notDefined('expected-agreement-one'), weight: 90 },
        { estimate: defined(1), weight: 30 },
      ],
      true,
    );
    expect(value(mean.estimate)).toBeCloseTo((0.5 * 10 + 30) / 40, 12);
    expect(mean.averaged).toBe(2);
    expect(mean.leftOut).toBe(1);
    expect(meanOf([{ estimate: notDefined('expected-agreement-one'), weight: 1 }], false).estimate).toEqual({
      defined: false,
      reason: 'all-undefined',
    });
    expect(meanOf([], false).estimate).toEqual({ defined: false, reason: 'no-units' });
  });
});
