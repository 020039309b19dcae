/**
 * Cells and files for spreadsheets: delimited text (RFC 4180 quoting), the variant French Excel
 * opens by a double click, and cells that a spreadsheet must not run as formulas.
 */

/**
 * A text cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first) gets a leading `'`, which Excel and LibreOffice show as text. A cell already starting
 * with `'` before such a character gets one more, so that `restoreFormulaText` gives back exactly
 * the original.
 */
export function neutraliseFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, for files codage reads back. */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A cell in quotes (doubled inside) when it holds a quote, the delimiter or a line end. */
export function delimitedCell(value: string, delimiter: string): string {
  if (value.indexOf('"') !== -1) return `"${value.replaceAll('"', '""')}"`;
  if (value.indexOf(delimiter) !== -1 || value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1) return `"${value}"`;
  return value;
}

/** Lines of cells, each line ending with `\n`. */
export function delimitedText(rows: readonly (readonly string[])[], delimiter: string): string {
  let out = '';
  for (const row of rows) out += `${row.map((cell) => delimitedCell(cell, delimiter)).join(delimiter)}\n`;
  return out;
}

/**
 * Delimited text as Excel opens it by a double click: UTF-8 with a BOM (else Excel reads it as
 * Windows-1252 and accents break), CRLF line ends (line feeds inside quoted cells stay).
 */
export function forExcel(text: string): string {
  let out = '\ufeff';
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) {
      out += `${text.slice(from, i)}\r\n`;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
