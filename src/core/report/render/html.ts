/**
 * One standalone HTML page: styles inline, figures as inline SVG, no script, no font, no link to
 * anything outside the file (it opens offline and sends nothing). Printable on A4: header rows
 * repeat on each page, rows are not cut in two, theme cells span their codes.
 */
import { cellColumns, numberedCaption, type Block, type Inline, type Paragraph, type ReportDocument, type Table } from '../document.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(run: Inline): string {
  let text = escapeHtml(run.text);
  if (run.bold) text = `<strong>${text}</strong>`;
  if (run.italic) text = `<em class="verbatim">${text}</em>`;
  return text;
}

function paragraphHtml(paragraph: Paragraph): string {
  return paragraph.map(inline).join('');
}

export function tableHtml(table: Table, language: 'fr' | 'en'): string {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const out: string[] = [];
  out.push(`<table${table.landscape ? ' class="wide"' : ''}>`);
  out.push(`<caption>${escapeHtml(numberedCaption(table, language))}</caption>`);
  out.push('<colgroup>');
  for (const c of table.columns) out.push(`<col style="width:${((c.width / total) * 100).toFixed(1)}%">`);
  out.push('</colgroup>');
  out.push(`<thead><tr>${table.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`);
  out.push('<tbody>');
  // A spanned theme is written in its first row, the rows below left empty: a rowspan would make
  // the browser keep the whole group on one printed page, leaving half-empty pages before it.
  const columnOf = cellColumns(table);
  table.rows.forEach((row, r) => {
    const cells = table.columns.map((column) => `<td${column.align === 'right' ? ' class="num"' : ''}></td>`);
    row.cells.forEach((cell, i) => {
      const c = columnOf[r]![i]!;
      const body = cell.paragraphs.length <= 1 ? paragraphHtml(cell.paragraphs[0] ?? []) : cell.paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`).join('');
      cells[c] = `<td${table.columns[c]?.align === 'right' ? ' class="num"' : ''}>${body}</td>`;
    });
    // Light rules inside a group start at the first cell the row owns.
    const first = columnOf[r]![0] ?? 0;
    const rule = r === 0 || row.groupStart === undefined ? '' : row.groupStart ? ' class="group"' : ` class="within" data-from="${first}"`;
    out.push(`<tr${rule}>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table>');
  if (table.note) out.push(`<p class="note">${paragraphHtml(table.note)}</p>`);
  return out.join('\n');
}

function blockHtml(b: Block, language: 'fr' | 'en'): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${paragraphHtml(b.content)}</p>`;
    case 'table':
      return tableHtml(b.table, language);
    case 'figure':
      return `<figure>${b.figure.svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>${escapeHtml(b.figure.caption)}</figcaption></figure>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
  }
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
html { font-family: "Liberation Serif", "Times New Roman", Georgia, serif; font-size: 11pt; line-height: 1.35; color: #111; }
body { max-width: 178mm; margin: 0 auto; padding: 0 4mm; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
table { width: 100%; border-collapse: collapse; margin: 3mm 0 2mm; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; margin-bottom: 2mm; }
th, td { padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { border-top: 1.2pt solid #111; border-bottom: 0.8pt solid #111; }
tbody tr:last-child td { border-bottom: 1.2pt solid #111; }
tr.group td { border-top: 0.8pt solid #111; }
tr.within td { border-top: 0.4pt solid #999; }
tr.within[data-from="1"] td:nth-child(-n+1), tr.within[data-from="2"] td:nth-child(-n+2) { border-top: none; }
td p { margin: 0 0 1.5mm; }
td p:last-child { margin-bottom: 0; }
td.num { text-align: right; }
em.verbatim { font-style: italic; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 9pt; color: #333; }
figure { margin: 4mm 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9.5pt; font-weight: bold; }
pre { font-size: 8.5pt; white-space: pre-wrap; background: #f6f6f6; padding: 2mm; }
.meta { color: #444; font-size: 9.5pt; }
@media print { body { max-width: none; padding: 0; } }
`;

/** The whole page. */
export function renderHtml(doc: ReportDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.blocks.map((b) => blockHtml(b, doc.language)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
