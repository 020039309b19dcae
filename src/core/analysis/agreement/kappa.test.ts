import { describe, expect, it } from 'vitest';
import { addTables, cohenKappa, kappaOfTable, percentAgreement, type Table2x2 } from './kappa.js';

const value = (e: { defined: boolean; value?: number }) => (e.defined ? e.value : undefined);

describe("Cohen's kappa", () => {
  it('2×2 table [[20,20],[10,50]] gives 8/23 (scikit-learn)', () => {
    // rows: coder A says 0 / 1; columns: coder B says 0 / 1. "Coded" is category 1.
    const table: Table2x2 = { neither: 20, bOnly: 20, aOnly: 10, both: 50 };
    expect(value(kappaOfTable(table).kappa)).toBeCloseTo(8 / 23, 12);
    const a = [...Array(40).fill(0), ...Array(60).fill(1)];
    const b = [...Array(20).fill(0), ...Array(20).fill(1), ...Array(10).fill(0), ...Array(50).fill(1)];
    expect(value(cohenKappa(a, b).kappa)).toBeCloseTo(8 / 23, 12);
    expect(value(cohenKappa(a, b).kappa)).toBeCloseTo(0.347826, 6);
  });

  it('[1,2,4,1,2,1,1,1,2] vs [1,2,3,1,2,2,1,1,2] gives 31/49 (tidycomm)', () => {
    const k = cohenKappa([1, 2, 4, 1, 2, 1, 1, 1, 2], [1, 2, 3, 1, 2, 2, 1, 1, 2]);
    expect(value(k.kappa)).toBeCloseTo(31 / 49, 12);
    expect(value(k.kappa)).toBeCloseTo(0.632653, 6);
  });

  it('[0,1,0,1,0,1] vs [0,1,0,1,0,0] gives 2/3', () => {
    expect(value(cohenKappa([0, 1, 0, 1, 0, 1], [0, 1, 0, 1, 0, 0]).kappa)).toBeCloseTo(2 / 3, 12);
    expect(value(kappaOfTable({ both: 2, aOnly: 1, bOnly: 0, neither: 3 }).kappa)).toBeCloseTo(2 / 3, 12);
  });

  it("NVivo's documented example: 1000 characters, 50 both, 150 one coder only, 800 neither → 85 %", () => {
    expect(value(percentAgreement({ both: 50, aOnly: 100, bOnly: 50, neither: 800 }))).toBeCloseTo(0.85, 12);
    expect(value(percentAgreement({ both: 50, aOnly: 0, bOnly: 150, neither: 800 }))).toBeCloseTo(0.85, 12);
  });

  it('1000 characters, both 50, A-only 100, B-only 50, neither 800 → 7/22 with NVivo expected frequencies', () => {
    const detail = kappaOfTable({ both: 50, aOnly: 100, bOnly: 50, neither: 800 });
    expect(value(detail.kappa)).toBeCloseTo(7 / 22, 12);
    expect(value(detail.kappa)).toBeCloseTo(0.318182, 6);
    // EF1 = 150·100/1000 = 15, EF2 = 850·900/1000 = 765: p_e = 0.78, p_o = 0.85.
    expect(value(detail.expected)).toBeCloseTo(0.78, 12);
    expect(value(detail.observed)).toBeCloseTo(0.85, 12);
  });

  it('is undefined, never 1 or NaN, when both coders are constant and equal (p_e = 1), and reports p_o', () => {
    for (const table of [
      { both: 0, aOnly: 0, bOnly: 0, neither: 1000 },
      { both: 12, aOnly: 0, bOnly: 0, neither: 0 },
    ]) {
      const detail = kappaOfTable(table);
      expect(detail.kappa).toEqual({ defined: false, reason: 'expected-agreement-one' });
      expect(value(detail.observed)).toBe(1);
    }
    expect(cohenKappa(['x', 'x'], ['x', 'x']).kappa).toEqual({ defined: false, reason: 'expected-agreement-one' });
    // Constant but different: p_e = 0, κ = 0, defined.
    expect(value(cohenKappa(['x', 'x'], ['y', 'y']).kappa)).toBe(0);
  });

  it('is undefined without units', () => {
    expect(kappaOfTable({ both: 0, aOnly: 0, bOnly: 0, neither: 0 }).kappa).toEqual({ defined: false, reason: 'no-units' });
    expect(percentAgreement({ both: 0, aOnly: 0, bOnly: 0, neither: 0 })).toEqual({ defined: false, reason: 'no-units' });
    expect(cohenKappa([], []).kappa).toEqual({ defined: false, reason: 'no-units' });
  });

  it('gives the same κ from the table as from the labels, whatever the counts', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 200; round++) {
      const t = { both: Math.floor(random() * 30), aOnly: Math.floor(random() * 30), bOnly: Math.floor(random() * 30), neither: Math.floor(random() * 30) };
      const a = [...Array(t.both).fill(1), ...Array(t.aOnly).fill(1), ...Array(t.bOnly).fill(0), ...Array(t.neither).fill(0)];
      const b = [...Array(t.both).fill(1), ...Array(t.aOnly).fill(0), ...Array(t.bOnly).fill(1), ...Array(t.neither).fill(0)];
      const fromTable = kappaOfTable(t).kappa;
      const fromLabels = cohenKappa(a, b).kappa;
      expect(fromTable.defined).toBe(fromLabels.defined);
      if (fromTable.defined && fromLabels.defined) expect(fromTable.value).toBeCloseTo(fromLabels.value, 10);
    }
  });

  it('adds tables cell by cell', () => {
    expect(addTables([{ both: 50, aOnly: 100, bOnly: 50, neither: 800 }, { both: 100, aOnly: 0, bOnly: 50, neither: 350 }])).toEqual({
      both: 150,
      aOnly: 100,
      bOnly: 100,
      neither: 1150,
    });
  });
});
