/**
 * Word documents with the `docx` library: real tables (not tabs), the header row repeated on
 * every page, rows that do not break across pages, theme cells merged over their codes, quotes
 * in a character style, figures as SVG with a PNG beside it. Every look comes from a named style — "Verbatim", "Codage table text",
 * "Codage table heading", "Caption", "Codage note" — so the researcher restyles the whole
 * document from Word's style pane. A4, portrait, or landscape for wide tables.
 *
 * The bytes are the same on every run: the archive's dates and the document's creation date are
 * fixed (`normaliseZip`), unless a date is asked for.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { cellColumns, numberedCaption, type Block, type Figure, type Inline, type Paragraph, type ReportDocument, type Table } from '../document.js';
import { UsageError } from '../../errors.js';
import { escapeHtml } from './html.js';
import { FIXED_DATE, normaliseZip } from './zip.js';

/** A4 in twentieths of a point, margins 2.5 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };

const STYLE = {
  verbatim: 'Verbatim',
  tableText: 'CodageTableText',
  tableHeading: 'CodageTableHeading',
  caption: 'Caption',
  note: 'CodageNote',
  code: 'CodageCode',
} as const;

function runs(paragraph: Paragraph): TextRun[] {
  return paragraph.map((run: Inline) =>
    new TextRun({ text: run.text, ...(run.italic ? { style: STYLE.verbatim } : {}), ...(run.bold ? { bold: true } : {}) }),
  );
}

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Twips a character of the tables' 9.5-point Times New Roman takes at most on average (bold
 * included), and a cell's left and right margins: what a cell needs to hold its longest word.
 */
const CHAR_TWIPS = 105;
const CELL_MARGINS = 230;

/** Characters of the longest word of a column (header and cells): Word breaks a line at spaces and after hyphens. */
function longestWords(table: Table): number[] {
  const longest = table.columns.map((c) => longestWord(c.header));
  const where = cellColumns(table);
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      const c = where[r]![i]!;
      for (const paragraph of cell.paragraphs) for (const run of paragraph) longest[c] = Math.max(longest[c]!, longestWord(run.text));
    });
  });
  return longest;
}

function longestWord(text: string): number {
  let most = 0;
  for (const word of text.split(/[\s/\u2010-\u2014-]+/u)) most = Math.max(most, [...word].length);
  return most;
}

/**
 * Column widths in twips: the table's proportions, each column widened to hold its longest word
 * — Word cuts inside a word that does not fit its cell (`Représent|ations`), since it does not
 * hyphenate — with the room taken from the columns that have more than their own words need.
 */
export function columnWidths(table: Table, textWidth: number): number[] {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const needs = longestWords(table).map((n) => n * CHAR_TWIPS + CELL_MARGINS);
  const deficit = widths.reduce((sum, w, i) => sum + Math.max(0, needs[i]! - w), 0);
  const slack = widths.reduce((sum, w, i) => sum + Math.max(0, w - needs[i]!), 0);
  if (deficit === 0 || slack < deficit) return widths;
  return widths.map((w, i) => (w < needs[i]! ? needs[i]! : Math.floor(w - ((w - needs[i]!) / slack) * deficit)));
}

function tableBlocks(table: Table, textWidth: number, language: 'fr' | 'en'): (DocxParagraph | DocxTable)[] {
  const widths = columnWidths(table, textWidth);
  const alignOf = (i: number) => (table.columns[i]?.align === 'right' ? AlignmentType.RIGHT : table.columns[i]?.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          borders: { top: rule(12), bottom: rule(8), left: none, right: none },
          children: [new DocxParagraph({ style: STYLE.tableHeading, alignment: alignOf(i), children: [new TextRun(c.header)] })],
        }),
    ),
  });
  // Which column each cell lands in, to give it its width and alignment.
  const where = cellColumns(table);
  const rows = table.rows.map((row, r) => {
    const cells = row.cells.map((cell, i) => {
      const c = where[r]![i]!;
      const span = cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : 1;
      return new TableCell({
        width: { size: widths[c]!, type: WidthType.DXA },
        ...(span > 1 ? { rowSpan: span } : {}),
        borders: {
          top: r === 0 || row.groupStart === undefined ? none : row.groupStart ? rule(8) : rule(2),
          bottom: r + span === table.rows.length ? rule(12) : none,
          left: none,
          right: none,
        },
        children: cell.paragraphs.map((p) => new DocxParagraph({ style: STYLE.tableText, alignment: alignOf(c), children: runs(p) })),
      });
    });
    return new TableRow({ cantSplit: true, children: cells });
  });
  const out: (DocxParagraph | DocxTable)[] = [
    new DocxParagraph({ style: STYLE.caption, keepNext: true, children: [new TextRun(numberedCaption(table, language))] }),
    new DocxTable({
      rows: [header, ...rows],
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    }),
  ];
  if (table.note) out.push(new DocxParagraph({ style: STYLE.note, children: runs(table.note) }));
  return out;
}

/**
 * A figure: the SVG (sharp at any size, in Word 2016 and later) with its PNG for the readers that
 * cannot draw SVG, as wide as the text at most and no taller than the page, its caption under it.
 */
function figureBlocks(figure: Figure, textWidth: number, textHeight: number, id: number): DocxParagraph[] {
  // The command renders the PNG, or leaves the figure out (withoutFigures) and says why.
  if (figure.png === undefined) throw new Error(`the figure "${figure.caption}" reached the Word writer without its PNG`);
  // Twentieths of a point to CSS pixels (96 per inch); room kept for the caption under it.
  const scale = Math.min(1, textWidth / 15 / figure.width, (textHeight / 15 - 80) / figure.height);
  const transformation = { width: Math.round(figure.width * scale), height: Math.round(figure.height * scale) };
  return [
    new DocxParagraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(figure.svg),
          fallback: { type: 'png', data: figure.png },
          transformation,
          // Numbered here: the library gives every drawing the id 1, and Word wants them distinct.
          altText: { id: String(id), name: figure.caption, title: figure.caption, description: figure.caption },
        }),
      ],
    }),
    new DocxParagraph({ style: STYLE.caption, children: [new TextRun(figure.caption)] }),
  ];
}

interface Layout {
  textWidth: number;
  textHeight: number;
  language: 'fr' | 'en';
  /** 1, 2, … for the figures in their order. */
  figureId: () => number;
}

function blockChildren(b: Block, { textWidth, textHeight, language, figureId }: Layout): (DocxParagraph | DocxTable)[] {
  switch (b.type) {
    case 'heading':
      return [new DocxParagraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new DocxParagraph({ children: runs(b.content) })];
    case 'table':
      return tableBlocks(b.table, textWidth, language);
    case 'figure':
      return figureBlocks(b.figure, textWidth, textHeight, figureId());
    case 'code':
      return b.text.replace(/\n$/, '').split('\n').map((line) => new DocxParagraph({ style: STYLE.code, children: [new TextRun(line)] }));
  }
}

export interface DocxOptions {
  /** Landscape pages (wide tables); else each table's own preference decides for the whole document. */
  landscape?: boolean;
  /** Creation date written in the document's properties (ISO 8601); a fixed date when absent. */
  date?: string;
}

/** The most columns a Word table can have. */
export const WORD_MAX_COLUMNS = 63;

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  // A wider table opens broken in Word (and took minutes and gigabytes to write: 301 columns of a
  // co-occurrence table of 300 codes): said before anything is built.
  for (const b of doc.blocks) {
    if (b.type !== 'table' || b.table.columns.length <= WORD_MAX_COLUMNS) continue;
    const n = b.table.columns.length;
    throw new UsageError(
      {
        en: `the table "${b.table.caption}" has ${n} columns, and a Word table holds at most ${WORD_MAX_COLUMNS}`,
        fr: `le tableau « ${b.table.caption} » a ${n} colonnes, et un tableau Word en contient au plus ${WORD_MAX_COLUMNS}`,
      },
      {
        en: 'write it for a spreadsheet instead: -o FILE.xlsx (or --format csv), then paste the part the thesis shows',
        fr: 'l’écrire pour un tableur à la place : -o FICHIER.xlsx (ou --format csv), puis coller dans la thèse la partie montrée',
      },
    );
  }
  const landscape = options.landscape ?? doc.blocks.some((b) => b.type === 'table' && b.table.landscape === true);
  const textWidth = (landscape ? PAGE.height : PAGE.width) - 2 * PAGE.margin;
  const textHeight = (landscape ? PAGE.width : PAGE.height) - 2 * PAGE.margin;
  const children: (DocxParagraph | DocxTable)[] = [new DocxParagraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.title)] })];
  let figures = 0;
  const layout: Layout = { textWidth, textHeight, language: doc.language, figureId: () => ++figures };
  for (const b of doc.blocks) children.push(...blockChildren(b, layout));
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
      },
    },
    children,
  };
  const font = 'Times New Roman';
  const document = new Document({
    creator: 'codage',
    title: doc.title,
    lastModifiedBy: 'codage',
    styles: {
      default: { document: { run: { font, size: 22, language: { value: doc.language === 'fr' ? 'fr-FR' : 'en-GB' } } } },
      paragraphStyles: [
        { id: STYLE.tableText, name: 'Codage table text', basedOn: 'Normal', quickFormat: true, run: { size: 19 }, paragraph: { spacing: { before: 20, after: 60 } } },
        { id: STYLE.tableHeading, name: 'Codage table heading', basedOn: STYLE.tableText, quickFormat: true, run: { bold: true } },
        { id: STYLE.caption, name: 'caption', basedOn: 'Normal', quickFormat: true, run: { bold: true, size: 20 }, paragraph: { spacing: { before: 240, after: 120 } } },
        { id: STYLE.note, name: 'Codage note', basedOn: 'Normal', quickFormat: true, run: { size: 18 }, paragraph: { spacing: { before: 80, after: 240 } } },
        { id: STYLE.code, name: 'Codage code', basedOn: 'Normal', run: { font: 'Courier New', size: 17 }, paragraph: { spacing: { before: 0, after: 0 } } },
      ],
      characterStyles: [{ id: STYLE.verbatim, name: 'Verbatim', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } }],
    },
    sections: [section],
  });
  // The document's properties, written by hand so that they carry the date asked for (or a fixed
  // one) instead of the time of the run.
  const when = (options.date ?? FIXED_DATE).replace(/\.\d+Z$/, 'Z');
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeHtml(doc.title)}</dc:title><dc:creator>codage</dc:creator><cp:lastModifiedBy>codage</cp:lastModifiedBy><cp:revision>1</cp:revision>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
  const bytes = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return normaliseZip(new Uint8Array(bytes), options.date);
}
