import { describe, expect, it } from 'vitest';
import { codeEmergence, sharesReached } from './code-emergence.js';

describe('codeEmergence (Guest, Bunce & Johnson 2006)', () => {
  it('counts codes used, new codes, the running total and its share of the final count', () => {
    const e = codeEmergence([['a', 'b', 'c', 'a'], ['b', 'd'], [], ['a', 'e', 'f', 'g', 'h', 'i', 'j']]);
    expect(e.final).toBe(10);
    expect(e.rows).toEqual([
      { rank: 1, used: 3, newIds: ['a', 'b', 'c'], cumulative: 3, share: 0.3 },
      { rank: 2, used: 2, newIds: ['d'], cumulative: 4, share: 0.4 },
      { rank: 3, used: 0, newIds: [], cumulative: 4, share: 0.4 },
      { rank: 4, used: 7, newIds: ['e', 'f', 'g', 'h', 'i', 'j'], cumulative: 10, share: 1 },
    ]);
  });

  it('says when 90, 95 and 100 % of the final codes were reached', () => {
    const news = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0];
    let next = 0;
    const e = codeEmergence(news.map((k) => Array.from({ length: k }, () => `c${next++}`)));
    expect(e.final).toBe(48);
    // Running totals 20, 30, 34, 37, 42, 44, 46, 47, 48: 90 % of 48 = 43.2 → 44 codes, at 6;
    // 95 % = 45.6 → 46, at 7; 100 % at 9.
    expect(sharesReached(e, [90, 95, 100])).toEqual([
      { percent: 90, rank: 6, codes: 44 },
      { percent: 95, rank: 7, codes: 46 },
      { percent: 100, rank: 9, codes: 48 },
    ]);
    // Exactly on the boundary: 75 % of 48 = 36 codes, first reached at interview 4 (37).
    expect(sharesReached(e, [75])).toEqual([{ percent: 75, rank: 4, codes: 36 }]);
    // 62.5 % of 48 = 30 exactly: reached at interview 2 (30), not 3.
    expect(sharesReached(e, [62.5])).toEqual([{ percent: 62.5, rank: 2, codes: 30 }]);
  });

  it('has no share when nothing was coded', () => {
    const e = codeEmergence([[], []]);
    expect(e.final).toBe(0);
    expect(sharesReached(e, [90])).toEqual([{ percent: 90, rank: null, codes: 0 }]);
  });
});
