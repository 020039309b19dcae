/**
 * A table as an Excel workbook (.xlsx): a bold header row that stays on screen, wrapped text,
 * column widths in proportion to the table's. As in CSV, a spanned cell is repeated on every row
 * so that the sheet can be filtered and sorted; numbers (ages, durations, counts, coefficients) are
 * numbers, shown as the page shows them (`0.72`, `85.0 %`: a cell's `format`),
 * a cell with no value (`–` on a page) is empty, every other cell is text, never a formula. The
 * archive's dates are fixed, as for Word files.
 */
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { spreadsheetFormats, spreadsheetGrid, type Table } from '../document.js';
import { normaliseZip } from './zip.js';

export async function renderXlsx(table: Table, options: { date?: string } = {}): Promise<Uint8Array> {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const header: Cell[] = table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold', wrap: true, alignVertical: 'top', bottomBorderStyle: 'thin' }));
  const formats = spreadsheetFormats(table);
  const rows: Cell[][] = spreadsheetGrid(table).map((row, r) =>
    row.map((value, i) => {
      const look = { wrap: true, alignVertical: 'top' as const, ...(table.columns[i]?.align === 'right' ? { align: 'right' as const } : {}) };
      if (value === null) return null;
      const format = formats[r]?.[i];
      return typeof value === 'number' ? { value, type: Number, ...(format !== undefined ? { format } : {}), ...look } : { value, type: String, ...look };
    }),
  );
  const sheet = table.caption.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || 'codage';
  const buffer = await writeXlsxFile([header, ...rows], {
    sheet,
    stickyRowsCount: 1,
    columns: table.columns.map((c) => ({ width: Math.max(8, Math.round((c.width / total) * 140)) })),
  }).toBuffer();
  return normaliseZip(new Uint8Array(buffer), options.date);
}
