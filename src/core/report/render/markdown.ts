/**
 * Markdown as pandoc reads it: pipe tables (one line per row, so several quotes in a cell are
 * joined by ` ; `), a spanned theme written once with the rows below left empty, italics with
 * `*…*`, every character Markdown would read as markup escaped, and a figure as an image whose
 * file the command writes beside the document.
 */
import { cellColumns, numberedCaption, paragraphText, type Block, type Inline, type Paragraph, type ReportDocument, type Table } from '../document.js';

/**
 * Escapes what Markdown would take for markup inside text: `\ * _ ` | < [ ]` anywhere, `~` and `^`
 * (pandoc's subscript and superscript), `&` before what reads as an entity (`&amp;`), and at the
 * start a heading, quote or list marker: `#`, `>`, `+`, `-` become `\#`…, a number `1.` or `1)`
 * becomes `1\.` (a backslash escapes only punctuation: `\1.` would print its backslash).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_`|<[\]~^]|&(?=#?\w+;)/g, (c) => `\\${c}`)
    .replace(/^(?:([#>+-])|(\d+)([.)]))(?=\s|$)/, (_, mark: string | undefined, digits: string, dot: string) => (mark !== undefined ? `\\${mark}` : `${digits}\\${dot}`))
    .replace(/\s*\n\s*/g, ' ');
}

/** A relative file name as a link's destination: between `< >` when it holds a space or a bracket. */
function linkDestination(file: string): string {
  return /^[\w./-]+$/u.test(file) ? file : `<${file.replace(/[<>\\]/g, (c) => `\\${c}`)}>`;
}

function inline(run: Inline): string {
  const text = escapeMarkdown(run.text);
  if (text.trim() === '') return text;
  // Emphasis must hug the text: spaces go outside the markers.
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  let out = core;
  if (run.bold) out = `**${out}**`;
  if (run.italic) out = `*${out}*`;
  return lead + out + trail;
}

export function paragraphMarkdown(paragraph: Paragraph): string {
  return paragraph.map(inline).join('');
}

export function tableMarkdown(table: Table, language: 'fr' | 'en'): string {
  const where = cellColumns(table);
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(numberedCaption(table, language))}**`, '');
  lines.push(`| ${table.columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`);
  lines.push(`|${table.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join('|')}|`);
  table.rows.forEach((row, r) => {
    const cells = table.columns.map(() => '');
    row.cells.forEach((cell, i) => {
      cells[where[r]![i]!] = cell.paragraphs.filter((p) => paragraphText(p) !== '').map(paragraphMarkdown).join(language === 'fr' ? '\u202f; ' : '; ');
    });
    lines.push(`| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |'));
  });
  if (table.note) lines.push('', paragraphMarkdown(table.note));
  return lines.join('\n');
}

function block(b: Block, language: 'fr' | 'en'): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return paragraphMarkdown(b.content);
    case 'table':
      return tableMarkdown(b.table, language);
    case 'figure':
      // An image alone in its paragraph: pandoc makes it a figure, its text the caption. Without a
      // file, the caption of a figure given another way (the Mermaid source that follows it).
      return b.figure.file !== undefined ? `![${escapeMarkdown(b.figure.caption)}](${linkDestination(b.figure.file)})` : `*${escapeMarkdown(b.figure.caption)}*`;
    case 'code':
      return `\`\`\`${b.language}\n${b.text.replace(/\n$/, '')}\n\`\`\``;
  }
}

/** The document as Markdown, a title heading first, blocks separated by blank lines. */
export function renderMarkdown(doc: ReportDocument, options: { title?: boolean } = {}): string {
  const parts = options.title === false ? [] : [`# ${escapeMarkdown(doc.title)}`];
  for (const b of doc.blocks) parts.push(block(b, doc.language));
  return `${parts.join('\n\n')}\n`;
}
