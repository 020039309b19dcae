import { describe, expect, it } from 'vitest';
import { cellWidth } from './layout.js';
import { displayText, mergeSpans, overlapping, rowGutter, rowRuns, type Marks } from './row-style.js';

const none: Marks = { labels: [], annotations: [], coded: [], matches: [], current: null, selection: null, active: null };

describe('rowRuns', () => {
  const text = 'P07 : Alors *rire* oui. Non.';
  it('cuts a row into runs of one style', () => {
    const runs = rowRuns(text, 0, text.length, {
      ...none,
      labels: [{ start: 0, end: 6 }],
      annotations: [{ start: 12, end: 18 }],
      coded: [{ start: 6, end: 23 }],
      current: { start: 6, end: 23 },
      selection: { start: 19, end: 23 },
    });
    expect(runs.map((r) => r.text)).toEqual(['P07 : ', 'Alors ', '*rire*', ' ', 'oui.', ' Non.']);
    expect(runs[0]).toMatchObject({ label: true, coded: false, current: false });
    expect(runs[1]).toMatchObject({ coded: true, current: true, annotation: false });
    expect(runs[2]).toMatchObject({ annotation: true, coded: true });
    expect(runs[4]).toMatchObject({ selected: true, coded: true });
    expect(runs[5]).toMatchObject({ selected: false, coded: false, current: false });
  });

  it('only looks at the part of the text inside the row', () => {
    const runs = rowRuns(text, 6, 18, { ...none, coded: [{ start: 0, end: 8 }], matches: [{ start: 20, end: 22 }] });
    expect(runs.map((r) => [r.text, r.coded])).toEqual([
      ['Al', true],
      ['ors *rire*', false],
    ]);
  });

  it('returns nothing for an empty row', () => {
    expect(rowRuns(text, 5, 5, none)).toEqual([]);
  });
});

describe('spans', () => {
  it('merges overlapping segments into coded stretches', () => {
    expect(
      mergeSpans([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 15, end: 30 },
        { start: 30, end: 31 },
        { start: 40, end: 40 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 31 },
    ]);
  });

  it('finds the spans overlapping a range', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 10, end: 20 },
      { start: 25, end: 30 },
    ];
    expect(overlapping(spans, 4, 11)).toEqual([spans[0], spans[1]]);
    expect(overlapping(spans, 20, 25)).toEqual([]);
  });

  it('marks the gutter of rows with coded text and the current sentence', () => {
    const marks = { ...none, coded: [{ start: 5, end: 9 }], current: { start: 0, end: 3 }, active: { start: 5, end: 9 } };
    expect(rowGutter(0, 4, marks)).toEqual({ cursor: true, coded: false, active: false });
    expect(rowGutter(4, 10, marks)).toEqual({ cursor: false, coded: true, active: true });
  });

  it('shows tabs and control characters as one cell', () => {
    expect(displayText('a\tb\u0007c')).toBe('a b·c');
  });

  it('also replaces C1 control characters (U+0080–U+009F, e.g. from a mis-decoded file)', () => {
    expect(displayText('x\u0085y\u009bz é')).toBe('x·y·z é');
  });

  it('shows a soft hyphen (Word’s optional hyphen) as a hyphen, one cell, as the layout counts it', () => {
    expect(displayText('fibr\u00adomyalgie')).toBe('fibr-omyalgie');
    expect(cellWidth('fibr\u00adomyalgie', 0, 13)).toBe(13);
  });
});
