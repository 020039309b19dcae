import { describe, expect, it } from 'vitest';
import { addBinaryUnit, binaryAlpha, emptyCoincidences, krippendorffAlpha, type AlphaValue } from './krippendorff.js';

const value = (e: { defined: boolean; value?: number }) => (e.defined ? e.value : undefined);

/** A matrix written as in the papers: one line per coder, "." or "*" for a missing value. */
function matrix(lines: string[]): AlphaValue[][] {
  return lines.map((line) => line.trim().split(/\s+/).map((v) => (v === '.' || v === '*' ? null : Number(v))));
}

describe("Krippendorff's alpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units.
  const k2011 = matrix([
    '1 2 3 3 2 1 4 1 2 . . .',
    '1 2 3 3 2 2 4 1 2 5 . 3',
    '. 3 3 3 2 3 4 2 2 5 1 .',
    '1 2 3 3 2 4 4 1 2 5 1 .',
  ]);

  it("reproduces Krippendorff's 2011 example: nominal 0.743421, ordinal 0.815388, interval 0.849107", () => {
    expect(value(krippendorffAlpha(k2011, 'nominal'))).toBeCloseTo(0.743421, 6);
    expect(value(krippendorffAlpha(k2011, 'ordinal'))).toBeCloseTo(0.815388, 6);
    expect(value(krippendorffAlpha(k2011, 'interval'))).toBeCloseTo(0.849107, 6);
  });

  it("reproduces Wikipedia's example (3 coders × 15 units with missing values): nominal 0.691358", () => {
    const wikipedia = matrix([
      '* * * * * 3 4 1 2 1 1 3 3 * 3',
      '1 * 2 1 3 3 4 3 * * * * * * *',
      '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
    ]);
    expect(value(krippendorffAlpha(wikipedia, 'nominal'))).toBeCloseTo(0.691358, 6);
  });

  it('binary [0,1,0,1,0,1] vs [0,1,0,1,0,0] gives 0.685714, from the matrix and from coincidences', () => {
    expect(value(krippendorffAlpha([[0, 1, 0, 1, 0, 1], [0, 1, 0, 1, 0, 0]]))).toBeCloseTo(0.685714, 6);
    const acc = emptyCoincidences();
    addBinaryUnit(acc, 2, 2, 2); // units 2 and 4: both coded
    addBinaryUnit(acc, 2, 0, 3); // units 1, 3, 5: neither
    addBinaryUnit(acc, 2, 1, 1); // unit 6: one coder
    expect(value(binaryAlpha(acc))).toBeCloseTo(0.685714, 6);
    expect(value(binaryAlpha(acc))).toBeCloseTo(24 / 35, 12);
  });

  it('nominal values may be strings, and their order does not matter', () => {
    const names = k2011.map((row) => row.map((v) => (v === null ? null : `c${v}`)));
    expect(value(krippendorffAlpha(names, 'nominal'))).toBeCloseTo(0.743421, 6);
    expect(() => krippendorffAlpha(names, 'interval')).toThrow(/must be numbers/);
  });

  it('is undefined, and says why, with a single category or nothing pairable', () => {
    expect(krippendorffAlpha([[1, 1, 1], [1, 1, null]])).toEqual({ defined: false, reason: 'single-category' });
    expect(krippendorffAlpha([[1, null], [null, 2]])).toEqual({ defined: false, reason: 'no-pairable-values' });
    expect(krippendorffAlpha([])).toEqual({ defined: false, reason: 'no-pairable-values' });
    expect(binaryAlpha(emptyCoincidences())).toEqual({ defined: false, reason: 'no-pairable-values' });
    const none = emptyCoincidences();
    addBinaryUnit(none, 3, 0, 40);
    expect(binaryAlpha(none)).toEqual({ defined: false, reason: 'single-category' });
  });

  it('binary coincidences give the same α as the matrix, with any number of coders and missing values', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 100; round++) {
      const coders = 2 + Math.floor(random() * 4);
      const units = 1 + Math.floor(random() * 25);
      const m: AlphaValue[][] = Array.from({ length: coders }, () =>
        Array.from({ length: units }, () => (random() < 0.2 ? null : random() < 0.4 ? 1 : 0)),
      );
      const acc = emptyCoincidences();
      for (let u = 0; u < units; u++) {
        const values = m.map((row) => row[u]).filter((v) => v !== null);
        addBinaryUnit(acc, values.length, values.filter((v) => v === 1).length);
      }
      const expected = krippendorffAlpha(m);
      const got = binaryAlpha(acc);
      expect(got.defined).toBe(expected.defined);
      if (got.defined && expected.defined) expect(got.value).toBeCloseTo(expected.value, 10);
      else expect(got).toEqual(expected);
    }
  });
});
