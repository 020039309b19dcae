/**
 * A Word document as mammoth converts it to HTML, turned into transcript text. mammoth's own
 * `extractRawText` drops soft line breaks (Shift+Enter), gluing words together; its HTML keeps them
 * as `<br />`, so the text is taken from the HTML: a paragraph, heading or list item is a
 * paragraph of the transcript (separated by a blank line), a soft line break a line break, a table
 * row one paragraph with its cells separated by ` | `. Comments, footnotes and images are not part
 * of what was said and are left out (mammoth leaves them out of its HTML by default).
 *
 * mammoth writes a small, regular HTML (it escapes `&`, `<`, `>` and `"` in text), so a tokenizer
 * is enough here.
 */
import { decodeEntities } from './entities.js';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr']);

/** Footnote and endnote references (`[1]`) and the notes themselves, which mammoth appends. */
const NOTE_REFERENCE = /<sup><a href="#(?:footnote|endnote)-[^"]*"[^>]*>[^<]*<\/a><\/sup>/g;
const NOTE = /<li id="(?:footnote|endnote)-[^"]*">[\s\S]*?<\/li>/g;

/** The paragraphs of the document, each with its soft line breaks as `\n`. */
export function wordHtmlParagraphs(documentHtml: string): string[] {
  const html = documentHtml.replace(NOTE_REFERENCE, '').replace(NOTE, '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  let cells: string[] | null = null;
  let cell: string[] | null = null;
  let depth = 0;
  const flush = () => {
    const text = current.join('').replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim();
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  let last = 0;
  TAG.lastIndex = 0;
  const emit = (text: string) => {
    if (text === '') return;
    (cell ?? current).push(text);
  };
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    emit(decodeEntities(html.slice(last, m.index)));
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'br') {
      emit('\n');
    } else if (name === 'table') {
      depth += closing ? -1 : 1;
    } else if (name === 'tr' && depth === 1) {
      if (!closing) cells = [];
      else if (cells !== null) {
        const row = cells.filter((c) => c !== '');
        if (row.length > 0) paragraphs.push(row.join(' | '));
        cells = null;
      }
    } else if ((name === 'td' || name === 'th') && depth === 1 && cells !== null) {
      if (!closing) cell = [];
      else if (cell !== null) {
        cells.push(cell.join('').replace(/\s*\n\s*/g, ' ').trim());
        cell = null;
      }
    } else if (BLOCKS.has(name)) {
      if (cell !== null) {
        if (closing) cell.push('\n');
      } else flush();
    }
  }
  emit(decodeEntities(html.slice(last)));
  flush();
  return paragraphs;
}

/** The text of a document as transcript text: paragraphs separated by a blank line. */
export function wordHtmlText(html: string): string {
  return wordHtmlParagraphs(html).join('\n\n');
}
