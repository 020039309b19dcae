import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../../../test/support/saturation.js';
import { pgfplotsData, saturationCsv } from './csv.js';

describe('saturation CSV', () => {
  it('has one row per interview with the new codes named, readable back', () => {
    const csv = saturationCsv(reportFromNewCounts([3, 1, 0]));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['rank', 'participant', 'date', 'codings', 'codes', 'new', 'cumulative', 'percent_of_final', 'new_codes']);
    expect(rows.map((r) => [r.rank, r.participant, r.date, r.codes, r.new, r.cumulative, r.percent_of_final, r.new_codes])).toEqual([
      ['1', 'P1', '2024-03-01', '3', '3', '3', '75.0', 'Code 1; Code 2; Code 3'],
      ['2', 'P2', '2024-03-02', '2', '1', '4', '100.0', 'Code 4'],
      ['3', 'P3', '2024-03-03', '1', '0', '4', '100.0', ''],
    ]);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
  });

  it('adds the group first with --by, and gives pgfplots numbers only', () => {
    const report = reportFromNewCounts([3, 1, 2], { by: 'group' }, ['MG', 'ALGO', 'MG']);
    const rows = parse(saturationCsv(report), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.group, r.rank, r.participant])).toEqual([
      ['ALGO', '1', 'P2'],
      ['MG', '1', 'P1'],
      ['MG', '2', 'P3'],
    ]);
    expect(pgfplotsData(report.analyses[1]!)).toBe('rank,new,cumulative,percent_of_final\n1,3,3,60.0\n2,2,5,100.0\n');
  });
});
