import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportDocument, Table } from '../document.js';
import { cellColumns, noValueCell, numberCell, spreadsheetGrid, tableGrid, textCell, withoutFigures } from '../document.js';
import { renderCsv } from './csv.js';
import { columnWidths, renderDocx } from './docx.js';
import { spreadsheetText } from '../delimited.js';
import { escapeHtml, renderHtml } from './html.js';
import { escapeLatex, renderLatex } from './latex.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';

/** A table with a theme spanning two codes, and cells full of characters every format must escape. */
const table: Table = {
  caption: 'Thèmes & codes',
  number: 2,
  columns: [
    { header: 'Thème', width: 2 },
    { header: 'Code', width: 2 },
    { header: 'Verbatims', width: 6 },
  ],
  rows: [
    {
      groupStart: true,
      cells: [
        { paragraphs: [[{ text: 'Vécu_1 {50 %}', bold: true }]], rowSpan: 2 },
        { paragraphs: [[{ text: '=HYPERLINK("x")' }]] },
        {
          paragraphs: [
            [{ text: '«\u00a0*rire* c\'est 100 $ & #2 ~ ^ \\ | <b> [pause] ; voilà ?\u00a0»', italic: true }, { text: ' (P1)' }],
            [{ text: '«\u00a0deuxième\nligne 🙂\u00a0»', italic: true }, { text: ' (P2)' }],
          ],
        },
      ],
    },
    { groupStart: false, cells: [{ paragraphs: [[{ text: '-2 ans' }]] }, { paragraphs: [[{ text: 'x' }]] }] },
    { groupStart: true, cells: [{ paragraphs: [[{ text: 'Autre' }]] }, { paragraphs: [[{ text: '@code' }]] }, { paragraphs: [[{ text: '' }]] }] },
  ],
  note: [{ text: 'n/N\u00a0: participants' }],
};
const doc: ReportDocument = { title: 'Étude « test »', language: 'fr', blocks: [{ type: 'table', table }] };

describe('the table model', () => {
  it('places cells under spans and repeats spanned text in the grid', () => {
    expect(cellColumns(table)).toEqual([[0, 1, 2], [1, 2], [0, 1, 2]]);
    expect(tableGrid(table).map((row) => row.slice(0, 2))).toEqual([
      ['Vécu_1 {50 %}', '=HYPERLINK("x")'],
      ['Vécu_1 {50 %}', '-2 ans'],
      ['Autre', '@code'],
    ]);
  });
});

describe('figures', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200"/></svg>';
  // A 1×1 PNG: what the command renders from the SVG (io/figure-png.ts).
  const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  const figured: ReportDocument = {
    title: 'Rapport',
    language: 'fr',
    blocks: [
      { type: 'heading', level: 1, text: 'Modélisation' },
      { type: 'figure', figure: { caption: 'Figure 1 – Thèmes et codes', svg, width: 400, height: 200 } },
      { type: 'heading', level: 1, text: 'Saturation' },
      { type: 'paragraph', content: [{ text: 'La saturation a été atteinte.' }] },
      { type: 'figure', figure: { caption: 'Figure 2 – Saturation', svg, width: 400, height: 200 } },
      { type: 'heading', level: 1, text: 'Livre de codes' },
    ],
  };

  it('leave a document with their captions, and with a heading that heads nothing else', () => {
    const { doc: without, left } = withoutFigures(figured, () => false);
    expect(left.map((f) => f.caption)).toEqual(['Figure 1 – Thèmes et codes', 'Figure 2 – Saturation']);
    // « Modélisation » headed its figure only; « Livre de codes », no figure: it stays.
    expect(without.blocks.map((b) => (b.type === 'heading' ? b.text : b.type))).toEqual(['Saturation', 'paragraph', 'Livre de codes']);
    expect(withoutFigures(figured, () => true).doc).toBe(figured);
  });

  it('are images in Markdown (the file beside it) and in Word (the SVG and its PNG, under their caption)', async () => {
    const linked = { ...figured, blocks: figured.blocks.map((b) => (b.type === 'figure' ? { ...b, figure: { ...b.figure, file: b.figure.caption.startsWith('Figure 1') ? 'rapport-figure-1.svg' : 'mon rapport (2).svg' } } : b)) };
    const md = renderMarkdown(linked);
    expect(md).toContain('\n\n![Figure 1 – Thèmes et codes](rapport-figure-1.svg)\n\n');
    expect(md).toContain('\n\n![Figure 2 – Saturation](<mon rapport (2).svg>)\n\n');
    const withPng = { ...figured, blocks: figured.blocks.map((b) => (b.type === 'figure' ? { ...b, figure: { ...b.figure, png } } : b)) };
    const files = unzipSync(await renderDocx(withPng));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/')).map((f) => f.slice(-4)).sort()).toEqual(['.png', '.svg']);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf('Figure 1 – Thèmes et codes</w:t>'));
    // Without its PNG, a figure never reaches Word: the command renders it or leaves it out.
    await expect(renderDocx(figured)).rejects.toThrow(/without its PNG/);
  });
});

describe('spreadsheet cells', () => {
  it('hold the number behind a cell’s text, and nothing where a page shows –', async () => {
    const counts: Table = {
      caption: 'Participants',
      columns: [{ header: 'Participant', width: 1 }, { header: 'Âge', width: 1, align: 'right' }, { header: 'Durée', width: 1, align: 'right' }, { header: 'Cooc.', width: 1, align: 'right' }],
      rows: [{ cells: [textCell('P1'), numberCell(47.5, '47,5'), noValueCell(), numberCell(0, '·')] }],
    };
    expect(tableGrid(counts)).toEqual([['P1', '47,5', '–', '·']]);
    expect(spreadsheetGrid(counts)).toEqual([['P1', 47.5, null, 0]]);
    expect(renderCsv(counts, 'csv')).toBe('Participant,Âge,Durée,Cooc.\nP1,47.5,,0\n');
    expect(renderCsv(counts, 'excel')).toBe('\ufeffParticipant;Âge;Durée;Cooc.\r\nP1;47,5;;0\r\n');
    const sheet = new TextDecoder().decode(unzipSync(await renderXlsx(counts))['xl/worksheets/sheet1.xml']);
    // Numbers as numbers (no t="s" or t="inlineStr"), the empty cell left out.
    expect(sheet).toMatch(/<c r="B2"(?: s="\d+")?><v>47\.5<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="D2"(?: s="\d+")?><v>0<\/v><\/c>/);
    expect(sheet).not.toContain('r="C2"');
  });
});

describe('Markdown', () => {
  it('escapes markup, puts italics around the text only, leaves the rows under a span empty', () => {
    expect(escapeMarkdown('*rire* a_b | [x] <y>')).toBe('\\*rire\\* a\\_b \\| \\[x\\] \\<y>');
    // A backslash escapes punctuation only: `\1.` would print its backslash, `1\.` prints « 1. ».
    expect(escapeMarkdown('1. Culpabilité')).toBe('1\\. Culpabilité');
    expect(escapeMarkdown('12) Délais')).toBe('12\\) Délais');
    expect(escapeMarkdown('- point')).toBe('\\- point');
    expect(escapeMarkdown('# titre')).toBe('\\# titre');
    expect(escapeMarkdown('2024. Une année')).toBe('2024\\. Une année');
    expect(escapeMarkdown('le 1. et le 2.')).toBe('le 1. et le 2.');
    // pandoc's subscript, superscript and entities.
    expect(escapeMarkdown('~10 patients, 2^3, AT&T &amp; &#38;')).toBe('\\~10 patients, 2\\^3, AT&T \\&amp; \\&#38;');
    const md = renderMarkdown(doc);
    expect(md).toContain('**Tableau 2 – Thèmes & codes**');
    expect(md).toContain('| **Vécu\\_1 {50 %}** | =HYPERLINK("x") | *«\u00a0\\*rire\\* c\'est');
    expect(md).toContain(' (P1)\u202f; *«\u00a0deuxième ligne 🙂\u00a0»* (P2) |');
    expect(md).toContain('\n| | -2 ans | x |\n');
    // One line per row: no line break may end up inside a table row.
    expect(md.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(5);
  });
});

describe('CSV', () => {
  it('writes French Excel CSV: BOM, semicolons, CRLF, line breaks kept inside quoted cells, formulas neutralised', () => {
    const csv = renderCsv(table, 'excel');
    expect(csv.startsWith('\ufeffThème;Code;Verbatims\r\n')).toBe(true);
    expect(csv).toContain(`Vécu_1 {50 %};"'=HYPERLINK(""x"")";`);
    expect(csv).toContain("Vécu_1 {50 %};'-2 ans;x\r\n");
    expect(csv).toContain("Autre;'@code;\r\n");
    expect(csv).toMatch(/\(P1\)\n«\u00a0deuxième\nligne 🙂\u00a0» \(P2\)"/);
    expect(spreadsheetText('+33 6')).toBe("'+33 6");
    expect(spreadsheetText('« =x »')).toBe('« =x »');
  });

  it('writes plain RFC 4180 CSV with commas and LF', () => {
    const csv = renderCsv(table, 'csv');
    expect(csv.startsWith('Thème,Code,Verbatims\n')).toBe(true);
    expect(csv.includes('\r')).toBe(false);
  });
});

describe('LaTeX', () => {
  it('escapes every special character, maps no-break spaces, and writes the space before ; : ! ? for babel-french', () => {
    expect(escapeLatex('100 $ & #2 % _ {x} ~ ^ \\ | < > "q"', 'en')).toBe(
      '100 \\$ \\& \\#2 \\% \\_ \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textbar{} \\textless{} \\textgreater{} \\textquotedbl{}q\\textquotedbl{}',
    );
    // One `~` (babel-french makes it the right no-break space; `\,` would add babel's to its own).
    expect(escapeLatex('«\u00a0voilà ?\u00a0» a\u202f; b : c', 'fr')).toBe('«~voilà~?~» a~; b~: c');
    expect(escapeLatex('voilà ?', 'en')).toBe('voilà ?');
    // A verbatim keeps the transcript's spaces: none where the speaker's transcript has none.
    expect(escapeLatex('tout casser ? Le stock: 14:30, quoi ?!', 'fr', { verbatim: true })).toBe(
      'tout casser~? Le stock{\\NoAutoSpacing :} 14{\\NoAutoSpacing :}30, quoi~?{\\NoAutoSpacing !}',
    );
    expect(escapeLatex('stock: 14:30', 'fr')).toBe('stock: 14:30');
    expect(escapeLatex('[pause] 🙂', 'fr')).toBe('{[}pause{]} \\codageunicode{1F642}');
  });

  it('writes a longtable with a repeated header, rules between groups and italics through a macro', () => {
    const tex = renderLatex(doc);
    expect(tex).toContain('\\begin{longtable}');
    expect(tex).toContain('\\endhead');
    expect(tex).toContain('\\caption{Thèmes \\& codes}');
    expect(tex).toContain("\\codageverbatim{«~*rire* c'est 100 \\$ \\& \\#2 \\textasciitilde{}");
    expect(tex).toContain('p{\\dimexpr 0.600\\linewidth-1.333\\tabcolsep\\relax}');
    expect(tex).toContain('\\cmidrule(l{0.5em}){2-3}\n & -2 ans & x \\\\');
    expect(tex.match(/\\midrule/g)).toHaveLength(3);
    // The comments at the top speak the study's language.
    expect(tex.split('\n').slice(0, 3)).toEqual([
      '% Étude « test » — écrit par codage.',
      '% Préambule : \\usepackage{array,longtable,booktabs,pdflscape} (et babel avec french).',
      '% Les verbatims sont dans \\codageverbatim{...} : le redéfinir (\\renewcommand) pour changer leur style.',
    ]);
    expect(renderLatex({ ...doc, language: 'en' }).split('\n')[1]).toBe('% Needs in the preamble: \\usepackage{array,longtable,booktabs,pdflscape} (and babel with english).');
    expect(renderLatex(doc, { standalone: true })).toMatch(/^\\documentclass[\s\S]*\\usepackage\[french\]\{babel\}[\s\S]*\\end\{document\}\n$/);
  });
});

describe('HTML', () => {
  it('is a standalone page: escaped text, no script, no external resource', () => {
    expect(escapeHtml(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&#39;');
    const html = renderHtml(doc);
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toMatch(/<script|https?:|src=|@import|url\(/i);
    expect(html).toContain('<caption>Tableau 2 – Thèmes &amp; codes</caption>');
    expect(html).toContain('<em class="verbatim">');
  });
});

describe('Word and Excel files', () => {
  it('refuses a table wider than Word allows (63 columns), saying which and what to write instead', async () => {
    const wide = (n: number): ReportDocument => ({
      title: 'Cooccurrences',
      language: 'fr',
      blocks: [{ type: 'table', table: { caption: 'Cooccurrence des codes', columns: Array.from({ length: n }, (_, i) => ({ header: `c${i}`, width: 1, align: 'right' as const })), rows: [] } }],
    });
    await expect(renderDocx(wide(64))).rejects.toMatchObject({ name: 'UsageError', localized: { fr: expect.stringContaining('64 colonnes') }, hint: { en: expect.stringContaining('.xlsx') } });
    expect((await renderDocx(wide(63))).length).toBeGreaterThan(0);
  });

  it('are the same bytes on every run, and carry the requested date only when asked', async () => {
    const a = await renderDocx(doc);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderDocx(doc);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = new TextDecoder().decode(unzipSync(a)['docProps/core.xml']);
    expect(core).toContain('2000-01-01T00:00:00Z');
    const dated = new TextDecoder().decode(unzipSync(await renderDocx(doc, { date: '2024-06-01T00:00:00Z' }))['docProps/core.xml']);
    expect(dated).toContain('2024-06-01T00:00:00Z');
    const x1 = await renderXlsx(table);
    const x2 = await renderXlsx(table);
    expect(Buffer.from(x1).equals(Buffer.from(x2))).toBe(true);
  });

  it('writes Word tables with a repeated header row, unsplittable rows, merged theme cells and the Verbatim style', async () => {
    const files = unzipSync(await renderDocx(doc));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBe(4);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/);
    expect(xml).toContain('<w:rStyle w:val="Verbatim"/>');
    // Text is kept as written: the no-break spaces inside the guillemets, the emoji.
    expect(xml).toContain('«\u00a0*rire* c&apos;est 100 $ &amp; #2');
    expect(xml).toContain('🙂');
    const styles = new TextDecoder().decode(files['word/styles.xml']);
    for (const name of ['Verbatim', 'Codage table text', 'Codage table heading', 'caption']) expect(styles).toContain(`<w:name w:val="${name}"/>`);
  });
});

describe('Word column widths', () => {
  const table = (theme: string): Table => ({
    caption: 'Thèmes',
    columns: [
      { header: 'Thème', width: 2.5 },
      { header: 'Code', width: 3.4 },
      { header: 'Verbatims', width: 10 },
    ],
    rows: [{ cells: [textCell(theme, { bold: true }), textCell('Impuissance'), textCell('« Je me sens un peu inutile, en fait. » (MG1)')] }],
  });

  it('keeps the table’s proportions when every word fits its cell', () => {
    expect(columnWidths(table('Vécu'), 9070)).toEqual([1426, 1939, 5704]);
  });

  it('widens a column to its longest word, taking the room from the others, the width of the table kept', () => {
    const widths = columnWidths(table('Représentations du médecin'), 9070);
    expect(widths[0]).toBe(15 * 105 + 230);
    expect(widths[1]).toBeGreaterThanOrEqual(11 * 105 + 230);
    expect(widths[2]).toBeLessThan(5704);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9070);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(9065);
  });
});
