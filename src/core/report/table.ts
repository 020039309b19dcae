/**
 * A table of figures for the terminal (cells under a threshold marked) and for R or Python (CSV
 * with the numbers in full, `.` decimals). A cell shows `text`; a numeric cell also carries its
 * `value` (null when undefined). For the thesis formats it becomes a document table
 * (`documentTable` in agreement.ts) that render/ writes as Markdown, Word or Excel.
 */
import { formatDelimited } from './delimited.js';

export interface TableCell {
  text: string;
  /** The number behind the text (null: undefined), for CSV and spreadsheets. */
  value?: number | null;
  /** How a spreadsheet shows `value` as `text` shows it (an Excel number format, see document.ts `Cell.format`). */
  format?: string;
  /** Under the threshold: marked in the terminal. */
  low?: boolean;
}

export interface Table {
  title: string;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: TableCell[][];
  /** Method, parameters and legend, one sentence each. */
  notes: string[];
}

export const cell = (text: string, extra: Omit<TableCell, 'text'> = {}): TableCell => ({ text, ...extra });

/**
 * For the terminal: columns padded to their widest cell; `mark` styles the cells under the
 * threshold. Wider than `maxWidth` (the terminal's), the headers of the figures wrap onto several
 * lines, then the first column (the names) gives up what is still needed, down to 12 characters,
 * its longer names cut with "…"; the figures are never cut.
 */
export function tableToText(table: Table, mark: (text: string) => string = (t) => t, maxWidth = Number.POSITIVE_INFINITY): string {
  const width = (t: string) => [...t].length;
  const cellWidths = table.columns.map((_, i) => Math.max(0, ...table.rows.map((row) => width(row[i]?.text ?? ''))));
  const widths = table.columns.map((c, i) => Math.max(width(c.label), cellWidths[i]!));
  const overBy = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) - maxWidth;
  if (overBy() > 0) {
    table.columns.forEach((c, i) => {
      if (c.align === 'right') widths[i] = Math.max(cellWidths[i]!, ...c.label.split(' ').map(width));
    });
  }
  const over = overBy();
  if (over > 0 && table.columns[0]!.align !== 'right') widths[0] = Math.max(12, widths[0]! - over);
  const fit = (text: string, i: number) => (width(text) > widths[i]! ? `${[...text].slice(0, widths[i]! - 1).join('')}…` : text);
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - width(text)));
    return table.columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  // Each header in lines of its column's width, word by word, aligned at the bottom.
  const headers = table.columns.map((c, i) => {
    const lines: string[] = [];
    for (const word of c.label.split(' ')) {
      const last = lines[lines.length - 1];
      if (last !== undefined && width(last) + 1 + width(word) <= widths[i]!) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
  const height = Math.max(...headers.map((h) => h.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) lines.push(line(headers.map((h, i) => pad(fit(h[k - (height - h.length)] ?? '', i), i))));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table.rows) lines.push(line(row.map((c, i) => (c.low ? mark(pad(fit(c.text, i), i)) : pad(fit(c.text, i), i)))));
  return `${lines.join('\n')}\n`;
}

/** CSV for R or Python: numbers in full with `.` (undefined: the word `undefined`), text as shown. */
export function tableToCsv(table: Table): string {
  const rows = [table.columns.map((c) => c.label), ...table.rows.map((row) => row.map((c) => csvValue(c)))];
  return formatDelimited(rows, { delimiter: ',' });
}

function csvValue(c: TableCell): string {
  if (c.value === undefined) return c.text;
  if (c.value === null) return 'undefined';
  return String(Math.round(c.value * 1e6) / 1e6);
}
