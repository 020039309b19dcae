/**
 * Tables for a Word thesis (`--format docx`): a caption, a real table (its header row repeated on
 * every page, rows that do not break across pages, numbers aligned right), the method notes in
 * italics under it, then the paragraphs (the Methods sentence). The researcher restyles it from
 * Word's style pane; nothing is laid out with tabs.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Language } from '../types.js';
import type { Table } from './table.js';

const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function docxTable(table: Table): (Paragraph | DocxTable)[] {
  const align = (i: number) => (table.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const row = (cells: string[], header: boolean, last: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            borders: { top: header ? rule : none, bottom: header || last ? rule : none, left: none, right: none },
            children: [new Paragraph({ alignment: align(i), children: [new TextRun({ text, bold: header, size: 18 })] })],
          }),
      ),
    });
  return [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: table.title, bold: true })] }),
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        row(table.columns.map((c) => c.label), true, false),
        ...table.rows.map((cells, r) => row(cells.map((c) => c.text), false, r === table.rows.length - 1)),
      ],
    }),
    ...table.notes.map((note) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: note, italics: true, size: 16 })] })),
  ];
}

export async function tablesToDocx(tables: readonly Table[], paragraphs: readonly string[], language: Language): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'codage',
    title: tables[0]?.title ?? '',
    // The proofing language of the text, so that Word checks French spelling in a French thesis.
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: language === 'fr' ? 'fr-FR' : 'en-GB' } } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        children: [
          ...tables.flatMap(docxTable),
          ...paragraphs.map((text) => new Paragraph({ spacing: { before: 240 }, children: [new TextRun(text)] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
