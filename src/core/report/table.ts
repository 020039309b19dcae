/**
 * A table of figures for the terminal (cells under a threshold marked) and for R or Python (CSV
 * with the numbers in full, `.` decimals). A cell shows `text`; a numeric cell also carries its
 * `value` (null when undefined). For the thesis formats it becomes a document table
 * (`documentTable` in agreement.ts) that render/ writes as Markdown, Word or Excel.
 */
import { formatDelimited } from './delimited.js';

export interface TableCell {
  text: string;
  /** The number behind the text (null: undefined), for CSV. */
  value?: number | null;
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

/** For the terminal: columns padded to their widest cell; `mark` styles the cells under the threshold. */
export function tableToText(table: Table, mark: (text: string) => string = (t) => t): string {
  const width = (t: string) => [...t].length;
  const widths = table.columns.map((c, i) => Math.max(width(c.label), ...table.rows.map((row) => width(row[i]?.text ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - width(text)));
    return table.columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const lines = [line(table.columns.map((c, i) => pad(c.label, i))), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of table.rows) lines.push(line(row.map((c, i) => (c.low ? mark(pad(c.text, i)) : pad(c.text, i)))));
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
