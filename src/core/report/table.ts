/**
 * A table computed once and rendered in every format: the terminal, Markdown, CSV for R or
 * Python (numbers in full, `.` decimals), CSV for Excel (the cells as shown, `;`, BOM, CRLF).
 * A cell shows `text`; a numeric cell also carries its `value` (null when undefined).
 */
import { delimitedText, forExcel, neutraliseFormula } from './spreadsheet.js';

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

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function tableToMarkdown(table: Table): string {
  let out = `**${escapeMarkdown(table.title)}**\n\n`;
  out += `| ${table.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |\n`;
  out += `|${table.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|\n`;
  for (const row of table.rows) out += `| ${row.map((c) => escapeMarkdown(c.text)).join(' | ')} |\n`;
  if (table.notes.length > 0) out += `\n${table.notes.map((n) => `*${escapeMarkdown(n)}*`).join('\n\n')}\n`;
  return out;
}

/** CSV for R or Python: numbers in full with `.` (undefined: the word `undefined`), text as shown. */
export function tableToCsv(table: Table): string {
  const rows = [table.columns.map((c) => c.label), ...table.rows.map((row) => row.map((c) => csvValue(c)))];
  return delimitedText(rows, ',');
}

function csvValue(c: TableCell): string {
  if (c.value === undefined) return neutraliseFormula(c.text);
  if (c.value === null) return 'undefined';
  return String(Math.round(c.value * 1e6) / 1e6);
}

/** CSV that French Excel opens by a double click: the cells as shown, `;`, BOM, CRLF. */
export function tableToExcel(table: Table): string {
  const rows = [table.columns.map((c) => neutraliseFormula(c.label)), ...table.rows.map((row) => row.map((c) => neutraliseFormula(c.text)))];
  return forExcel(delimitedText(rows, ';'));
}
