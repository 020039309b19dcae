/**
 * A table as CSV: `csv` is RFC 4180 (`,`, UTF-8, LF) for R, Python or LibreOffice; `excel` is what
 * French Excel opens by a double click (`;`, UTF-8 with BOM, CRLF). A spanned cell (a theme over
 * its codes) is repeated on every row, so each row can be filtered and sorted on its own;
 * several quotes in one cell stay in that cell, one per line. Cells are written by
 * `../delimited.ts`, as in every spreadsheet output: never a formula, one row per record.
 */
import { formatDelimited } from '../delimited.js';
import { tableGrid, type Table } from '../document.js';

export function renderCsv(table: Table, flavour: 'csv' | 'excel'): string {
  const rows = [table.columns.map((c) => c.header), ...tableGrid(table)];
  const excel = flavour === 'excel';
  return formatDelimited(rows, { delimiter: excel ? ';' : ',', bom: excel, lineEnd: excel ? '\r\n' : '\n' });
}
