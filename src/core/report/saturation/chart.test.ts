import { describe, expect, it } from 'vitest';
import { saturationChart } from './chart.js';

function chart(newCodes: number[], width = 80, marks: { rank: number; label: string }[] = []) {
  let total = 0;
  const cumulative = newCodes.map((n) => (total += n));
  return saturationChart({ newCodes, cumulative, marks, language: 'en', width });
}

const length = (line: string) => [...line].length;

describe('saturationChart', () => {
  it('draws bars for new codes and dots for the cumulative count, within 80 columns', () => {
    const lines = chart([20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0], 80, [{ rank: 8, label: 'saturation 8+2' }]);
    expect(lines[0]).toBe('New codes per interview (bars, left); cumulative codes (●, right)');
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(80);
    // Top row: the largest bar and its axis labels (20 new codes, 48 in all).
    expect(lines[1]).toMatch(/^ {2}20 ┤███ .*├ 48$/);
    // Interviews 10–12 bring nothing: no bar above the axis in their columns, but a dot each on the top row.
    const plot = lines.slice(1, 11);
    const column = (c: number) => plot.map((row) => row.slice(6 + 4 * (c - 1), 6 + 4 * (c - 1) + 3));
    expect(column(10).join('')).toBe(`●${' '.repeat(29)}`);
    expect(column(1).every((cell) => cell.includes('█') || cell.includes('●'))).toBe(true);
    // The axis, interview numbers, and the mark under interview 8.
    expect(lines[11]).toMatch(/^ {3}0 └─+┘ 0$/);
    expect(lines[12]).toBe('      1   2   3   4   5   6   7   8   9   10  11  12');
    const mark = lines[lines.length - 1]!;
    expect(mark.indexOf('▲')).toBe(lines[12].indexOf('8'));
    expect(mark.endsWith('▲ saturation 8+2')).toBe(true);
  });

  it('draws each cumulative dot on the row nearest its value, so that a rise shows', () => {
    // 21 codes after interview 7, 23 after interview 9 (the final count): the two new codes of
    // interview 9 lift its dot one row above those of interviews 7 and 8.
    const lines = chart([12, 4, 2, 1, 1, 0, 1, 0, 2, 0]);
    const plot = lines.slice(1, 11);
    expect(plot[0]).toMatch(/├ 23$/);
    const rowOf = (interview: number) => plot.findIndex((row) => row[6 + 4 * (interview - 1)] === '●');
    expect(rowOf(9)).toBe(0);
    expect(rowOf(10)).toBe(0);
    expect(rowOf(7)).toBe(1);
    expect(rowOf(8)).toBe(1);
    // Half the final count (11.5) is the labelled middle row: 12 codes are drawn on it.
    expect(plot[5]).toMatch(/├ 11\.5$/);
    expect(rowOf(1)).toBe(5);
  });

  it('groups interviews into columns when there are more interviews than columns, and says so', () => {
    const many = Array.from({ length: 200 }, (_, i) => (i < 20 ? 10 : i % 9 === 0 ? 1 : 0));
    const lines = chart(many, 80, [{ rank: 150, label: 'saturation 150+2 (Guest et al. 2020)' }]);
    expect(lines[0]).toBe('New codes per 3 interviews (bars, left); cumulative codes (●, right)');
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(80);
    // A label that would run off the right edge goes before its ▲.
    expect(lines[lines.length - 1]).toMatch(/saturation 150\+2 \(Guest et al\. 2020\) ▲$/);
  });

  it('fits wider terminals and narrow ones, and has nothing to draw without interviews', () => {
    for (const width of [40, 60, 120, 200]) for (const line of chart([3, 2, 1, 0, 1], width)) expect(length(line)).toBeLessThanOrEqual(width);
    expect(chart([])).toEqual([]);
    // Nothing new at all: the dots lie on the bottom row.
    expect(chart([0, 0])[10]).toContain('●');
  });

  it('is plain text: no colour codes', () => {
    expect(chart([5, 1, 0]).join('\n')).not.toMatch(/\x1b\[/);
  });
});
