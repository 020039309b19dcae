/**
 * A table as CSV: `csv` is RFC 4180 (`,`, UTF-8, LF) for R, Python or LibreOffice; `excel` is what
 * French Excel opens by a double click (`;`, UTF-8 with BOM, CRLF). A spanned cell (a theme over
 * its codes) is repeated on every row, so each row can be filtered and sorted on its own;
 * several quotes in one cell stay in that cell, one per line. A cell with no value (the `–` of a
 * page) is empty; a number is written as one (`47.5`; `47,5` for French Excel), a count of none
 * `0` (`·` on a page). Cells are written by `../delimited.ts`, as in every spreadsheet output:
 * never a formula, one row per record.
 */
import { formatDelimited } from '../delimited.js';
import { spreadsheetGrid, type Table } from '../document.js';

export function renderCsv(table: Table, flavour: 'csv' | 'excel'): string {
  const excel = flavour === 'excel';
  const text = (value: string | number | null): string => (value === null ? '' : typeof value === 'number' ? (excel ? String(value).replace('.', ',') : String(value)) : value);
  const rows = [table.columns.map((c) => c.header), ...spreadsheetGrid(table).map((row) => row.map(text))];
  return formatDelimited(rows, { delimiter: excel ? ';' : ',', bom: excel, lineEnd: excel ? '\r\n' : '\n' });
}
