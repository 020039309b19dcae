import { describe, expect, it } from 'vitest';
import { parseInterviewDate } from './interview-date.js';

describe('parseInterviewDate', () => {
  it('reads the ways researchers write an interview date', () => {
    const cases: [string, string][] = [
      ['2024-03-12', '2024-03-12'],
      ['2024-3-5', '2024-03-05'],
      ['2024/03/12', '2024-03-12'],
      ['12/03/2024', '2024-03-12'],
      ['5/3/2024', '2024-03-05'],
      ['12.03.2024', '2024-03-12'],
      ['12-03-2024', '2024-03-12'],
      ['12/03/24', '2024-03-12'],
      ['2024-03-12T14:30:00Z', '2024-03-12T14:30'],
      ['2024-03-12 09:05', '2024-03-12T09:05'],
      ['12/03/2024 14h30', '2024-03-12T14:30'],
      ['12/03/2024 à 14h', '2024-03-12T14:00'],
      ['12 mars 2024', '2024-03-12'],
      ['12 mars 2024 à 9h15', '2024-03-12T09:15'],
      ['1er février 2024', '2024-02-01'],
      ['mardi 12 MARS 2024', '2024-03-12'],
      ['12 déc. 2024', '2024-12-12'],
      ['3 août 2024', '2024-08-03'],
      ['March 12, 2024', '2024-03-12'],
      ['Tuesday, March 12th, 2024', '2024-03-12'],
      ['12 March 2024', '2024-03-12'],
      ['  2024-03-12  ', '2024-03-12'],
    ];
    for (const [written, iso] of cases) expect(parseInterviewDate(written), written).toBe(iso);
  });

  it('says "none" for an empty value and "not a date" for anything else', () => {
    expect(parseInterviewDate(undefined)).toBeNull();
    expect(parseInterviewDate(null)).toBeNull();
    expect(parseInterviewDate('  ')).toBeNull();
    for (const bad of ['mardi', '31/02/2024', '2024-13-01', '2023-02-29', '12/03', 'mars 2024', '12 brumaire 2024', '2024-03-12 25:00', 'P3']) {
      expect(parseInterviewDate(bad), bad).toBeUndefined();
    }
    // A spreadsheet's serial number or a bare year is not read as a date.
    expect(parseInterviewDate(45362)).toBeUndefined();
    expect(parseInterviewDate(true)).toBeUndefined();
    expect(parseInterviewDate('2024-02-29')).toBe('2024-02-29');
  });
});
