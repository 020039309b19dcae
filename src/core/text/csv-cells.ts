/**
 * The cells of a CSV text with where each is written: for a command that changes one cell (a
 * participant id) and leaves every other character of the file as it was — quotes, separators,
 * line endings, spaces. Reads as csv-parse reads codage's files: `"…"` quotes a cell, `""` is a
 * quote inside one, a line break inside quotes belongs to the cell; empty lines have no cells.
 */

export interface CsvCell {
  /** Where the cell is written, quotes included: [start, end) in the text. */
  start: number;
  end: number;
  /** The cell's value: quotes removed, `""` read as `"`. */
  value: string;
  quoted: boolean;
}

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: CsvCell[];
}

export function csvRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    // An empty line: no record.
    if (text[i] === '\n' || text[i] === '\r') {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      continue;
    }
    const record: CsvRecord = { line, cells: [] };
    for (;;) {
      const start = i;
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          value += text[i];
          i++;
        }
        // Characters after the closing quote (not valid CSV): kept in the cell as written.
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      record.cells.push({ start, end: i, value, quoted });
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (i < text.length) {
      i++;
      line++;
    }
    records.push(record);
  }
  return records;
}

/** A cell as written for `value`: quoted when it was, or when the value needs it. */
export function csvCell(value: string, delimiter: string, quoted: boolean): string {
  if (quoted || value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** `text` with the cells given replaced (each at most once; edits must not overlap). */
export function replaceCells(text: string, edits: readonly { cell: CsvCell; written: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.cell.start - b.cell.start);
  let out = '';
  let at = 0;
  for (const { cell, written } of sorted) {
    out += text.slice(at, cell.start) + written;
    at = cell.end;
  }
  return out + text.slice(at);
}
