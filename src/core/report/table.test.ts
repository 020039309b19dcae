import { describe, expect, it } from 'vitest';
import { cell, type Table, tableToText } from './table.js';

const table: Table = {
  title: 'Accord',
  columns: [
    { label: 'Code', align: 'left' },
    { label: 'Les deux', align: 'right' },
    { label: 'κ', align: 'right' },
  ],
  rows: [
    [cell('Coordination avec les kinésithérapeutes'), cell('11'), cell('0,75')],
    [cell('Impuissance'), cell('6'), cell('0,45')],
  ],
  notes: [],
};

describe('tableToText', () => {
  it('pads every column to its widest cell when there is room', () => {
    const lines = tableToText(table).split('\n');
    expect(lines[2]).toBe('Coordination avec les kinésithérapeutes        11  0,75');
  });

  it('fits the terminal: headers of figures wrap, then the names are cut, never the figures', () => {
    const lines = tableToText(table, (t) => t, 40).trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBe(40);
    expect(lines.slice(0, 2)).toEqual([`${' '.repeat(28)}   Les`, `Code${' '.repeat(24)}  deux     κ`]);
    expect(lines[3]).toBe('Coordination avec les kinés…    11  0,75');
    expect(lines[4]).toBe(`${'Impuissance'.padEnd(28)}     6  0,45`);
    // Narrower still: names keep 12 characters.
    expect(tableToText(table, (t) => t, 10).split('\n')[3]).toBe('Coordinatio…    11  0,75');
  });
});
