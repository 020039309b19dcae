/**
 * A table as CSV: `csv` is RFC 4180 (`,`, UTF-8, LF) for R, Python or LibreOffice; `excel` is what
 * French Excel opens by a double click (`;`, UTF-8 with BOM, CRLF). A spanned cell (a theme over
 * its codes) is repeated on every row, so each row can be filtered and sorted on its own;
 * several quotes in one cell stay in that cell, one per line.
 */
import { stringify } from 'csv-stringify/sync';
import { tableGrid, type Table } from '../document.js';
import { neutraliseFormula } from './formula.js';

export function renderCsv(table: Table, flavour: 'csv' | 'excel'): string {
  const rows = [table.columns.map((c) => c.header), ...tableGrid(table)].map((row) => row.map(neutraliseFormula));
  const excel = flavour === 'excel';
  const text = stringify(rows, { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n', quoted_match: /[\r\n]/ });
  return excel ? `\ufeff${text}` : text;
}
