import { describe, expect, it } from 'vitest';
import { GUEST_DEFAULTS, guestSaturation } from './guest.js';

// Reference values: /shared/methods.md, "Guest, Namey & Chen 2020".
describe('guestSaturation (Guest, Namey & Chen 2020)', () => {
  it('[4,3,2,1,1,0,0,0], B=4, R=2, T=5 %: base 10; run 5–6 = 0.10; run 6–7 = 0 → 5+2', () => {
    const r = guestSaturation([4, 3, 2, 1, 1, 0, 0, 0]);
    expect(r.baseCodes).toBe(10);
    expect(r.runs).toEqual([
      { after: 4, first: 5, last: 6, newCodes: 1, denominator: 10, ratio: 0.1, meets: false },
      { after: 5, first: 6, last: 7, newCodes: 0, denominator: 10, ratio: 0, meets: true },
    ]);
    expect(r.saturation?.label).toBe('5+2');
    expect(r.saturation?.after).toBe(5);
    expect(r.missing).toBeNull();
    // The growing denominator gives the same point here.
    expect(guestSaturation([4, 3, 2, 1, 1, 0, 0, 0], { ...GUEST_DEFAULTS, denominator: 'growing' }).saturation?.label).toBe('5+2');
  });

  const longer = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0];

  it('[20,10,4,3,5,2,2,1,1,0,0,0], fixed denominator → 8+2', () => {
    const r = guestSaturation(longer);
    expect(r.baseCodes).toBe(37);
    expect(r.saturation?.label).toBe('8+2');
    expect(r.runs.map((run) => run.newCodes)).toEqual([7, 4, 3, 2, 1]);
    expect(r.runs.every((run) => run.denominator === 37)).toBe(true);
    // Run 8–9: 2/37 = 5.4 % is just over the threshold.
    expect(r.runs[3]).toMatchObject({ first: 8, last: 9, meets: false });
    expect(r.runs[3]!.ratio).toBeCloseTo(2 / 37, 12);
    expect(r.runs[4]!.ratio).toBeCloseTo(1 / 37, 12);
  });

  it('[20,10,4,3,5,2,2,1,1,0,0,0], growing denominator → 7+2', () => {
    const r = guestSaturation(longer, { ...GUEST_DEFAULTS, denominator: 'growing' });
    expect(r.saturation?.label).toBe('7+2');
    // Run 8–9 after interview 7: 2 new codes over the 46 seen so far = 4.3 %.
    expect(r.saturation?.run).toMatchObject({ first: 8, last: 9, newCodes: 2, denominator: 46 });
    expect(r.runs.map((run) => run.denominator)).toEqual([37, 42, 44, 46]);
  });

  it('[20,10,4,3,5,2,2,1,1,0,0,0], T = 0 → 9+2 under both denominators', () => {
    expect(guestSaturation(longer, { ...GUEST_DEFAULTS, threshold: 0 }).saturation?.label).toBe('9+2');
    expect(guestSaturation(longer, { ...GUEST_DEFAULTS, threshold: 0, denominator: 'growing' }).saturation?.label).toBe('9+2');
  });

  it('[4,4,4,4,4,4] → not reached, and says what is missing', () => {
    const r = guestSaturation([4, 4, 4, 4, 4, 4]);
    expect(r.saturation).toBeNull();
    expect(r.runs).toEqual([{ after: 4, first: 5, last: 6, newCodes: 8, denominator: 16, ratio: 0.5, meets: false }]);
    // Interview 6 brought 4 new codes, more than 5 % of 16 allows (0): a run made of two new interviews
    // bringing no new code at all is what it takes.
    expect(r.missing).toEqual({ kind: 'run', interviews: 2, newCodes: 0 });
  });

  it('counts the interviews still missing from the last run when it was not reached', () => {
    // Base 40, 5 % allows 2; the last interview brought 1, so one more bringing at most 1 would do.
    expect(guestSaturation([10, 10, 10, 10, 5, 1]).missing).toEqual({ kind: 'run', interviews: 1, newCodes: 1 });
    // Fewer interviews than the base: the rest of the base, then a run.
    expect(guestSaturation([5, 3]).missing).toEqual({ kind: 'base', interviews: 4 });
    expect(guestSaturation([5, 3]).baseCodes).toBeNull();
    // Exactly the base: one whole run.
    expect(guestSaturation([5, 3, 2, 1]).missing).toEqual({ kind: 'run', interviews: 2, newCodes: 0 });
    expect(guestSaturation([5, 3, 2, 1], { ...GUEST_DEFAULTS, threshold: 0.2 }).missing).toEqual({ kind: 'run', interviews: 2, newCodes: 2 });
  });

  it('never divides by zero: a base without codes has no ratio', () => {
    const r = guestSaturation([0, 0, 0, 0, 0, 0]);
    expect(r.runs[0]).toMatchObject({ ratio: null, meets: false });
    expect(r.saturation).toBeNull();
    expect(r.missing).toEqual({ kind: 'empty-base' });
  });

  it('meets a threshold exactly (1 of 20 is 5 %)', () => {
    expect(guestSaturation([5, 5, 5, 5, 1, 0]).saturation?.label).toBe('4+2');
  });

  it('uses its parameters: base 6, runs of 3', () => {
    const r = guestSaturation([9, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1, 0, 0, 1, 0, 0, 0], { base: 6, run: 3, threshold: 0.05, denominator: 'fixed' });
    expect(r.baseCodes).toBe(30);
    // Runs of 3 after s = 6, 7…: 5, 4, 3, 2, then 1 new code in interviews 11–13 (1/30 = 3.3 %).
    expect(r.runs.map((run) => run.newCodes)).toEqual([5, 4, 3, 2, 1]);
    expect(r.saturation).toMatchObject({ after: 10, label: '10+3' });
  });
});
