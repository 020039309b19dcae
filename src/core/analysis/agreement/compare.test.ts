import { describe, expect, it } from 'vitest';
import type { Span } from '../../types.js';
import { computeAgreement, type AgreementInput, type AgreementTranscript } from './compare.js';
import { pick } from './aggregate.js';
import { cohenKappa, kappaOfTable } from './kappa.js';
import { krippendorffAlpha, type AlphaValue } from './krippendorff.js';
import { paragraphSpans, type AgreementUnit } from './units.js';

const value = (e: { defined: boolean; value?: number } | null | undefined) => (e?.defined ? e.value : undefined);

function transcript(
  id: string,
  units: number,
  spans: Record<string, Record<string, Span[]>>,
  unitSpans: Span[] | null = null,
): AgreementTranscript {
  return {
    id,
    units,
    unitSpans,
    coders: Object.keys(spans),
    spans: new Map(Object.entries(spans).map(([coder, codes]) => [coder, new Map(Object.entries(codes))])),
  };
}

describe('computeAgreement', () => {
  it("gives the methods' aggregation example from characters coded in two transcripts", () => {
    const report = computeAgreement({
      unit: 'char',
      coders: ['A', 'B'],
      codes: ['c'],
      transcripts: [
        // S1: 1000 characters; both 50, A only 100, B only 50.
        transcript('S1', 1000, { A: { c: [{ start: 0, end: 150 }] }, B: { c: [{ start: 0, end: 50 }, { start: 150, end: 200 }] } }),
        // S2: 500 characters; both 100, B only 50 (B's spans overlap each other: counted once).
        transcript('S2', 500, { A: { c: [{ start: 0, end: 100 }] }, B: { c: [{ start: 0, end: 120 }, { start: 80, end: 150 }] } }),
      ],
    });
    const [s1, s2] = report.cells;
    expect(s1!.table).toEqual({ both: 50, aOnly: 100, bOnly: 50, neither: 800 });
    expect(s2!.table).toEqual({ both: 100, aOnly: 0, bOnly: 50, neither: 350 });
    expect(value(s1!.kappa)).toBeCloseTo(0.318182, 6);
    expect(value(s2!.kappa)).toBeCloseTo(0.736842, 6);
    expect(value(s1!.percent)).toBeCloseTo(0.85, 12);
    const code = report.byCode[0]!;
    expect(value(pick(code.kappa!, 'mean'))).toBeCloseTo(0.527512, 6);
    expect(value(pick(code.kappa!, 'weighted'))).toBeCloseTo(0.457735, 6);
    expect(value(pick(code.kappa!, 'pooled'))).toBeCloseTo(0.52, 12);
    expect(code.table).toEqual({ both: 150, aOnly: 100, bOnly: 100, neither: 1150 });
    expect(report.overall.units).toBe(1500);
  });

  it('gives the same cells and overall summary when asked for the overall summary alone', () => {
    const input = {
      unit: 'char' as const,
      coders: ['A', 'B'],
      codes: ['c', 'd'],
      transcripts: [
        transcript('S1', 1000, { A: { c: [{ start: 0, end: 150 }], d: [{ start: 400, end: 500 }] }, B: { c: [{ start: 0, end: 50 }] } }),
        transcript('S2', 500, { A: { c: [{ start: 0, end: 100 }] }, B: { c: [{ start: 0, end: 120 }], d: [{ start: 10, end: 20 }] } }),
      ],
    };
    const full = computeAgreement(input);
    const overall = computeAgreement(input, { overallOnly: true });
    expect(overall.overall).toEqual(full.overall);
    expect(overall.cells).toEqual(full.cells);
    expect(full.byCode).toHaveLength(2);
    expect(overall.byCode).toEqual([]);
    expect(overall.byTranscript).toEqual([]);
  });

  it('gives κ 2/3 and α 0.685714 for the binary example in sentence units', () => {
    const units = [0, 10, 20, 30, 40, 50].map((start) => ({ start, end: start + 8 }));
    // A codes sentences 2, 4, 6; B codes 2 and 4 (a span touching two sentences counts for both).
    const report = computeAgreement({
      unit: 'sentence',
      coders: ['A', 'B'],
      codes: ['c'],
      transcripts: [
        transcript(
          'T',
          6,
          { A: { c: [{ start: 12, end: 14 }, { start: 30, end: 36 }, { start: 55, end: 58 }] }, B: { c: [{ start: 14, end: 15 }, { start: 38, end: 39 }, { start: 35, end: 36 }] } },
          units,
        ),
      ],
    });
    const cell = report.cells[0]!;
    expect(cell.table).toEqual({ both: 2, aOnly: 1, bOnly: 0, neither: 3 });
    expect(value(cell.kappa)).toBeCloseTo(2 / 3, 12);
    expect(value(cell.alpha)).toBeCloseTo(0.685714, 6);
    expect(cell.coded).toEqual([3, 2]);
  });

  it('says "undefined, expected agreement 1" where neither coder applied a code, and leaves it out of means', () => {
    const report = computeAgreement({
      unit: 'paragraph',
      coders: ['A', 'B'],
      codes: ['c'],
      transcripts: [
        transcript('T1', 2, { A: { c: [{ start: 0, end: 1 }] }, B: { c: [{ start: 0, end: 1 }] } }, [{ start: 0, end: 5 }, { start: 6, end: 9 }]),
        transcript('T2', 3, { A: {}, B: {} }, [{ start: 0, end: 5 }, { start: 6, end: 9 }, { start: 10, end: 12 }]),
      ],
    });
    const [t1, t2] = report.cells;
    expect(value(t1!.kappa)).toBe(1);
    expect(t2!.kappa).toEqual({ defined: false, reason: 'expected-agreement-one' });
    expect(t2!.alpha).toEqual({ defined: false, reason: 'single-category' });
    expect(value(t2!.percent)).toBe(1);
    const code = report.byCode[0]!;
    expect(code.kappa!.mean).toMatchObject({ averaged: 1, leftOut: 1 });
    // Pooled: 1 both, 4 neither → κ = 1.
    expect(value(code.kappa!.pooled)).toBe(1);
  });

  it('counts code presence per transcript in transcript units (MAXQDA)', () => {
    const report = computeAgreement({
      unit: 'transcript',
      coders: ['A', 'B'],
      codes: ['c', 'd'],
      transcripts: [
        transcript('T1', 1, { A: { c: [{ start: 0, end: 3 }] }, B: { c: [{ start: 9, end: 12 }], d: [{ start: 0, end: 1 }] } }),
        transcript('T2', 1, { A: { d: [{ start: 0, end: 3 }] }, B: { d: [{ start: 4, end: 5 }] } }),
        transcript('T3', 1, { A: { c: [{ start: 0, end: 3 }] }, B: {} }),
      ],
    });
    const c = report.byCode[0]!;
    const d = report.byCode[1]!;
    expect(c.table).toEqual({ both: 1, aOnly: 1, bOnly: 0, neither: 1 });
    expect(value(c.percent.pooled)).toBeCloseTo(2 / 3, 12);
    expect(d.table).toEqual({ both: 1, aOnly: 0, bOnly: 1, neither: 1 });
    expect(report.overall.table).toEqual({ both: 2, aOnly: 1, bOnly: 1, neither: 2 });
    expect(value(report.overall.percent.pooled)).toBeCloseTo(4 / 6, 12);
    expect(report.byTranscript.map((t) => t.table)).toEqual([
      { both: 1, aOnly: 0, bOnly: 1, neither: 0 },
      { both: 1, aOnly: 0, bOnly: 0, neither: 1 },
      { both: 0, aOnly: 1, bOnly: 0, neither: 1 },
    ]);
  });

  describe('against the coefficients computed unit by unit', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const randomSpans = (length: number): Span[] =>
      Array.from({ length: Math.floor(random() * 4) }, () => {
        const start = Math.floor(random() * length);
        return { start, end: Math.min(length, start + 1 + Math.floor(random() * 30)) };
      });

    /** Unit by unit: is unit u (a character or a span) touched by the coder's spans? */
    function codedUnits(unit: AgreementUnit, length: number, units: Span[], spans: Span[]): number[] {
      if (unit === 'char') return Array.from({ length }, (_, i) => (spans.some((s) => s.start <= i && i < s.end) ? 1 : 0));
      if (unit === 'transcript') return [spans.some((s) => s.end > s.start) ? 1 : 0];
      return units.map((u) => (spans.some((s) => s.start < u.end && s.end > u.start && s.end > s.start) ? 1 : 0));
    }

    for (const unit of ['char', 'sentence', 'paragraph', 'transcript'] as const) {
      it(`${unit} units: κ of two coders equals Cohen's κ on the units; α equals the matrix α, with three coders and missing transcripts`, () => {
        for (let round = 0; round < 40; round++) {
          const coders = ['A', 'B', 'C'].slice(0, round % 2 === 0 ? 2 : 3);
          const transcripts: AgreementTranscript[] = [];
          const columns: { t: number; labels: (number | null)[] }[] = [];
          const perTranscript: number[][][] = [];
          for (let t = 0; t < 3; t++) {
            const length = 20 + Math.floor(random() * 60);
            const text = Array.from({ length }, () => (random() < 0.1 ? '\n' : 'x')).join('');
            const units = unit === 'paragraph' ? paragraphSpans(text) : Array.from({ length: Math.floor(length / 7) }, (_, i) => ({ start: i * 7, end: i * 7 + 5 }));
            // With three coders, C sometimes did not code a transcript (missing values for α).
            const present = coders.filter((c) => !(c === 'C' && t === 1));
            const spans: Record<string, Record<string, Span[]>> = {};
            for (const c of present) spans[c] = { k: randomSpans(length) };
            const count = unit === 'char' ? length : unit === 'transcript' ? 1 : units.length;
            transcripts.push(transcript(`T${t}`, count, spans, unit === 'char' || unit === 'transcript' ? null : units));
            const coded = coders.map((c) => (spans[c] ? codedUnits(unit, length, units, spans[c]!.k!) : null));
            perTranscript.push(coded.filter((x): x is number[] => x !== null));
            for (let u = 0; u < count; u++) columns.push({ t, labels: coded.map((x) => (x === null ? null : x[u]!)) });
          }
          const report = computeAgreement({ unit, coders, codes: ['k'], transcripts } satisfies AgreementInput);
          const matrix: AlphaValue[][] = coders.map((_, i) => columns.map((col) => col.labels[i]!));
          const alpha = krippendorffAlpha(matrix);
          expect(report.byCode[0]!.alpha.pooled.defined).toBe(alpha.defined);
          if (alpha.defined) expect(value(report.byCode[0]!.alpha.pooled)).toBeCloseTo(alpha.value, 9);
          if (coders.length === 2) {
            const kappa = cohenKappa(matrix[0] as number[], matrix[1] as number[]).kappa;
            const pooled = report.byCode[0]!.kappa!.pooled;
            expect(pooled.defined).toBe(kappa.defined);
            if (kappa.defined) expect(value(pooled)).toBeCloseTo(kappa.value, 9);
            report.cells.forEach((cell, t) => {
              const [a, b] = perTranscript[t]!;
              const k = cohenKappa(a!, b!).kappa;
              expect(cell.kappa).toEqual(k.defined ? { defined: true, value: expect.closeTo(k.value, 9) } : k);
              expect(value(kappaOfTable(cell.table!).kappa)).toEqual(value(cell.kappa));
            });
          } else {
            expect(report.byCode[0]!.kappa).toBeNull();
            expect(report.cells[1]!.coded[2]).toBeNull();
          }
        }
      });
    }
  });
});
