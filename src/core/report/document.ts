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
  /**
   * What a spreadsheet (CSV, Excel) holds instead of the text a page shows: a number (an age, a
   * count; the `·` of an empty co-occurrence is 0), or null for no value (the `–` of a page).
   */
  value?: number | null;
  /**
   * How a spreadsheet that keeps number formats (xlsx) shows the number `value`, so that it reads
   * as the page does: an Excel number format (`0.00`, `0.0%`, `0.00" ▼"`); none for a count.
   */
  format?: string;
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
  /**
   * The figure as a PNG, for Word (its fallback beside the SVG, for the readers that cannot draw
   * SVG): rendered by the command (io/figure-png.ts), which leaves out a figure it cannot render.
   */
  png?: Uint8Array;
  /** Where Markdown finds the figure: a file the command writes beside the document. */
  file?: string;
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

/** What a printed table shows where there is no value (no sub-theme, an attribute not given). */
export const NO_VALUE = '–';

/** A cell with no value: `–` on a page, empty in a spreadsheet. */
export function noValueCell(): Cell {
  return { paragraphs: [[{ text: NO_VALUE }]], value: null };
}

/** A number: `text` on a page (`47,5`, `·` for none), the number itself in a spreadsheet. */
export function numberCell(value: number, text = String(value)): Cell {
  return { paragraphs: [[{ text }]], value };
}

/** The text of a paragraph without its formatting. */
export function paragraphText(paragraph: Paragraph): string {
  return paragraph.map((run) => run.text).join('');
}

/** The cells as a full grid, spanned cells repeated in every row they cover (undefined: no cell). */
function cellGrid(table: Table): (Cell | undefined)[][] {
  const grid: (Cell | undefined)[][] = [];
  // Per column: the cell still spanning down and how many rows it still covers.
  const pending: ({ cell: Cell; left: number } | undefined)[] = table.columns.map(() => undefined);
  for (const row of table.rows) {
    const out: (Cell | undefined)[] = [];
    let next = 0;
    for (let c = 0; c < table.columns.length; c++) {
      const span = pending[c];
      if (span && span.left > 0) {
        out.push(span.cell);
        span.left--;
        continue;
      }
      const cell = row.cells[next++];
      out.push(cell);
      pending[c] = cell?.rowSpan && cell.rowSpan > 1 ? { cell, left: cell.rowSpan - 1 } : undefined;
    }
    grid.push(out);
  }
  return grid;
}

const cellText = (cell: Cell | undefined, joiner: string): string => (cell ? cell.paragraphs.map(paragraphText).join(joiner) : '');

/**
 * The table as a full grid, spanned cells repeated in every row they cover (for CSV and
 * spreadsheets, where each row must stand alone), each cell's paragraphs joined by `joiner`.
 */
export function tableGrid(table: Table, joiner = '\n'): string[][] {
  return cellGrid(table).map((row) => row.map((cell) => cellText(cell, joiner)));
}

/**
 * The grid as a spreadsheet holds it: a cell's `value` where it has one (a number, or null for
 * an empty cell), else its text.
 */
export function spreadsheetGrid(table: Table): (string | number | null)[][] {
  return cellGrid(table).map((row) => row.map((cell) => (cell?.value !== undefined ? cell.value : cellText(cell, '\n'))));
}

/** The number format of each cell of `spreadsheetGrid` (see `Cell.format`), undefined where it has none. */
export function spreadsheetFormats(table: Table): (string | undefined)[][] {
  return cellGrid(table).map((row) => row.map((cell) => cell?.format));
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

/**
 * The document without the figures `keep` refuses (a format, or a computer, that cannot show
 * them), and without a heading that is left with nothing under it. Returns the figures left out,
 * for the command to say so: a caption is never printed without its figure.
 */
export function withoutFigures(doc: ReportDocument, keep: (figure: Figure) => boolean): { doc: ReportDocument; left: Figure[] } {
  const left: Figure[] = [];
  const blocks: Block[] = [];
  // The headings a figure left out was under: those may now head nothing.
  const open: Extract<Block, { type: 'heading' }>[] = [];
  const lost = new Set<Block>();
  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      while (open.length > 0 && open[open.length - 1]!.level >= b.level) open.pop();
      open.push(b);
    }
    if (b.type === 'figure' && !keep(b.figure)) {
      left.push(b.figure);
      for (const h of open) lost.add(h);
    } else blocks.push(b);
  }
  if (left.length === 0) return { doc, left };
  // Such a heading followed by another of its level or above (or by nothing) heads nothing.
  const kept: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const next = kept[0];
    if (b.type === 'heading' && lost.has(b) && (next === undefined || (next.type === 'heading' && next.level <= b.level))) continue;
    kept.unshift(b);
  }
  return { doc: { ...doc, blocks: kept }, left };
}
