/**
 * A table as an Excel workbook (.xlsx): one sheet, the header row bold and kept in view. Every
 * cell is written as a value (text or number), never as a formula, so a quote that starts with
 * `=` stays a quote. write-excel-file is loaded only when a workbook is asked for.
 */

export interface Table {
  header: string[];
  cells: (string | number)[][];
}

/** The bytes of an .xlsx workbook holding `table` (written to disk by the caller). */
export async function xlsxWorkbook(table: Table, sheetName: string): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data = [
    table.header.map((value) => ({ value, fontWeight: 'bold' as const, type: String })),
    ...table.cells.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String }))),
  ];
  // Wide columns for the text of a quote and its theme; the others fit their header.
  const columns = table.header.map((name, i) => {
    const longest = Math.max(name.length, ...table.cells.slice(0, 200).map((row) => String(row[i] ?? '').length));
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
  return writeXlsxFile(data, { sheet: sheetName, columns, stickyRowsCount: 1 }).toBuffer();
}
