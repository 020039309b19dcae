/**
 * The one model every export is computed into, and that each format renders: a document of
 * headings, paragraphs, tables and figures. A table is built once (themes, participants,
 * codebook, matrices, COREQ) and then written as Markdown, CSV, Excel, Word, LaTeX or HTML, so
 * that the same study gives the same cells in every format.
 */

/** A run of text; `italic` for verbatims, `bold` for emphasis in headers and group rows. */
export interface Inline {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

/** A paragraph is a list of runs. */
export type Paragraph = Inline[];

export interface Cell {
  /** One or more paragraphs (several quotes in one cell are several paragraphs). */
  paragraphs: Paragraph[];
  /** Rows this cell spans downwards (a theme over its codes); the cells below are left out. */
  rowSpan?: number;
}

export interface Column {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Row {
  /** Cells of this row: as many as columns, minus the places covered by a rowSpan above. */
  cells: Cell[];
  /**
   * In a grouped table (codes under themes): true for the first row of a group (a full rule
   * above it), false for the rows inside a group (a light rule). Undefined: no rule (a plain list).
   */
  groupStart?: boolean;
}

export interface Table {
  /** "Caractéristiques des participants": the caption without its number. */
  caption: string;
  /** "Tableau 1": Word, Markdown and HTML write it; LaTeX numbers its tables itself. */
  number?: number;
  columns: Column[];
  rows: Row[];
  /** Read-me-first line under the table: what the counts mean, how quotes were chosen. */
  note?: Paragraph;
  /** Wide tables read better on a landscape page (Word, LaTeX). */
  landscape?: boolean;
}

export interface Figure {
  caption: string;
  /** A standalone SVG image. */
  svg: string;
  /** Its natural size in pixels (CSS px). */
  width: number;
  height: number;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: Paragraph }
  | { type: 'table'; table: Table }
  | { type: 'figure'; figure: Figure }
  /** Source text shown as is (Mermaid, DOT), with its language for Markdown fences. */
  | { type: 'code'; language: string; text: string };

export interface ReportDocument {
  title: string;
  language: 'fr' | 'en';
  blocks: Block[];
}

/** "Tableau 1 – Caractéristiques des participants", or the caption alone when it has no number. */
export function numberedCaption(table: Table, language: 'fr' | 'en'): string {
  return table.number === undefined ? table.caption : `${language === 'fr' ? 'Tableau' : 'Table'} ${table.number} – ${table.caption}`;
}

/** A plain paragraph from a string. */
export function plain(text: string): Paragraph {
  return [{ text }];
}

/** A cell holding one plain paragraph. */
export function textCell(text: string, options: { rowSpan?: number; bold?: boolean } = {}): Cell {
  const cell: Cell = { paragraphs: [[options.bold ? { text, bold: true } : { text }]] };
  if (options.rowSpan !== undefined && options.rowSpan > 1) cell.rowSpan = options.rowSpan;
  return cell;
}

/** The text of a paragraph without its formatting. */
export function paragraphText(paragraph: Paragraph): string {
  return paragraph.map((run) => run.text).join('');
}

/**
 * The table as a full grid, spanned cells repeated in every row they cover (for CSV and
 * spreadsheets, where each row must stand alone), each cell's paragraphs joined by `joiner`.
 */
export function tableGrid(table: Table, joiner = '\n'): string[][] {
  const grid: string[][] = [];
  // Per column: the text still spanning down and how many rows it still covers.
  const pending: ({ text: string; left: number } | undefined)[] = table.columns.map(() => undefined);
  for (const row of table.rows) {
    const out: string[] = [];
    let next = 0;
    for (let c = 0; c < table.columns.length; c++) {
      const span = pending[c];
      if (span && span.left > 0) {
        out.push(span.text);
        span.left--;
        continue;
      }
      const cell = row.cells[next++];
      const text = cell ? cell.paragraphs.map(paragraphText).join(joiner) : '';
      out.push(text);
      pending[c] = cell?.rowSpan && cell.rowSpan > 1 ? { text, left: cell.rowSpan - 1 } : undefined;
    }
    grid.push(out);
  }
  return grid;
}

/**
 * Which column each of a row's cells sits in, given the spans above it: formats that place
 * cells by column (LaTeX, Markdown) need it. Returns one array per row.
 */
export function cellColumns(table: Table): number[][] {
  const left = table.columns.map(() => 0);
  return table.rows.map((row) => {
    const columns: number[] = [];
    let next = 0;
    for (let c = 0; c < table.columns.length; c++) {
      if (left[c]! > 0) {
        left[c]!--;
        continue;
      }
      const cell = row.cells[next++];
      if (!cell) continue;
      columns.push(c);
      if (cell.rowSpan && cell.rowSpan > 1) left[c] = cell.rowSpan - 1;
    }
    return columns;
  });
}
