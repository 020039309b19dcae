import { describe, expect, it } from 'vitest';
import { headerFacts } from '../transcript-import/header.js';
import { parseInterviewDate, readInterviewDate } from './interview-date.js';

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

  it('does not guess a date that reads two ways: it gives its readings', () => {
    expect(readInterviewDate('12.03.99')).toEqual({ reason: 'century', readings: ['1999-03-12', '2099-03-12'] });
    expect(parseInterviewDate('12.03.99')).toBeUndefined();
    expect(readInterviewDate('12/03/49')).toBe('2049-03-12');
    expect(readInterviewDate('12/03/50')).toEqual({ reason: 'century', readings: ['1950-03-12', '2050-03-12'] });
    // Day first unless the date may be written month first (an English study).
    expect(readInterviewDate('03/04/2024')).toBe('2024-04-03');
    expect(readInterviewDate('03/04/2024', { dayFirst: false })).toEqual({ reason: 'day-month', readings: ['2024-04-03', '2024-03-04'] });
    expect(readInterviewDate('03/04/99', { dayFirst: false })).toEqual({ reason: 'day-month-century', readings: ['1999-04-03', '2099-04-03', '1999-03-04', '2099-03-04'] });
    expect(readInterviewDate('13/04/2024', { dayFirst: false })).toBe('2024-04-13');
    expect(readInterviewDate('04/13/2024')).toBe('2024-04-13');
    expect(readInterviewDate('12/03/1999 14h30')).toBe('1999-03-12T14:30');
  });

  it('reads a date as the lines before the first speaker do', () => {
    for (const written of ['12/03/24', '12.03.99', '03/25/2024', '12 mars 2024', '2024-03-12']) {
      const header = headerFacts(`Date : ${written}\n\nE : Bonjour.\n`, 'fr');
      const read = readInterviewDate(written);
      if (typeof read === 'string') expect(header.date, written).toBe(read);
      else expect(header.unclear, written).toEqual([{ field: 'date', written: [written], ...read }]);
    }
  });
});
