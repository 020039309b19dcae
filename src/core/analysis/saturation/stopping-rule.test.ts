import { describe, expect, it } from 'vitest';
import { LAST_TWO, stoppingRule } from './stopping-rule.js';

// Reference values: /shared/methods.md, "Francis et al. 2010 — 10+3".
describe('stoppingRule (Francis et al. 2010)', () => {
  it('[9,6,5,4,3,3,2,2,1,1,1,0,0,1,0,0,0] → met at 17, last new code at 14', () => {
    const r = stoppingRule([9, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1, 0, 0, 1, 0, 0, 0]);
    expect(r).toEqual({ parameters: { initial: 10, stop: 3 }, metAt: 17, lastNewCode: 14, newAfter: [], streakAtEnd: 3, missing: null });
  });

  it('[5,3,2,1,1,0,0,0,0,0,1,0,0] → not met: one more interview without a new code would meet it', () => {
    const r = stoppingRule([5, 3, 2, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(r.metAt).toBeNull();
    expect(r.lastNewCode).toBe(11);
    expect(r.streakAtEnd).toBe(2);
    expect(r.missing).toEqual({ interviews: 1 });
  });

  it('does not count interviews of the initial sample', () => {
    // Five interviews without a new code inside the initial sample are not the criterion.
    expect(stoppingRule([5, 0, 0, 0, 0, 0, 0, 0, 0, 0]).metAt).toBeNull();
    expect(stoppingRule([5, 0, 0, 0, 0, 0, 0, 0, 0, 0]).missing).toEqual({ interviews: 3 });
    // The earliest it can be met is interview 13.
    expect(stoppingRule([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).metAt).toBe(13);
    // Fewer interviews than the initial sample: the rest of it, then the criterion.
    expect(stoppingRule([5, 3, 1]).missing).toEqual({ interviews: 10 });
  });

  it('"no new code in the last two interviews" (0+2) is the same rule with other parameters', () => {
    expect(stoppingRule([4, 3, 1, 0, 0], LAST_TWO)).toMatchObject({ metAt: 5, lastNewCode: 3, newAfter: [] });
    // Met early, then new codes came: said, so that nobody writes "no new code in the last two".
    const late = stoppingRule([4, 0, 0, 2, 0, 1], LAST_TWO);
    expect(late).toMatchObject({ metAt: 3, lastNewCode: 6, streakAtEnd: 0 });
    expect(late.newAfter).toEqual([
      { rank: 4, newCodes: 2 },
      { rank: 6, newCodes: 1 },
    ]);
    expect(stoppingRule([4, 2, 0], LAST_TWO).missing).toEqual({ interviews: 1 });
  });
});
