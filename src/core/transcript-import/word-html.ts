/**
 * A Word document as mammoth converts it to HTML, turned into transcript text. mammoth's own
 * `extractRawText` drops soft line breaks (Shift+Enter), gluing words together; its HTML keeps them
 * as `<br />`, so the text is taken from the HTML: a paragraph, heading or list item is a
 * paragraph of the transcript (separated by a blank line), a soft line break a line break, a table
 * row one paragraph with its cells separated by ` | `. Comments, footnotes and images are not part
 * of what was said and are left out (mammoth leaves them out of its HTML by default).
 *
 * A table of two columns, « speaker | speech », one row per turn (a common transcript layout), is
 * read as turns: each row `E : speech`, the speech as written (its paragraphs as lines), a row
 * with an empty first cell going on with the turn above. It is taken for one when, past an
 * optional heading row (`Locuteur | Propos`, whose first cell opens no other row), every first
 * cell reads as a speaker label (as the transcript reader reads one), the labels repeat (at most
 * one for two rows: people take turns) and one of them is a participant code or a role (`E`,
 * `P1`, `Médecin`, `Interviewer`), over three rows at least. A table of other data (`Âge | 52
 * ans`, one row per participant) stays rows of cells.
 *
 * mammoth writes a small, regular HTML (it escapes `&`, `<`, `>` and `"` in text), so a tokenizer
 * is enough here.
 */
import { isKnownLabel, matchLabelLine } from '../transcript/turns.js';
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
  /** The rows of the table being read, each as its cells (their paragraphs as lines). */
  let rows: string[][] = [];
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
      if (closing && depth === 0) {
        paragraphs.push(...tableParagraphs(rows));
        rows = [];
      }
    } else if (name === 'tr' && depth === 1) {
      if (!closing) cells = [];
      else if (cells !== null) {
        if (cells.some((c) => c !== '')) rows.push(cells);
        cells = null;
      }
    } else if ((name === 'td' || name === 'th') && depth === 1 && cells !== null) {
      if (!closing) cell = [];
      else if (cell !== null) {
        cells.push(cell.join('').replace(/[ \t]*\n\s*/g, '\n').trim());
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

/** The first cell of a row as a speaker label, as the transcript reader reads one; null if it is none. */
function labelOf(cell: string): string | null {
  const line = `${cell} : x`;
  const m = matchLabelLine(line, 0, line.length);
  return m !== null && m.label === cell && m.time === undefined && cell.length <= 30 ? cell : null;
}

/** Whether the rows (past a heading row) are turns, « speaker | speech » (see the module comment). */
function turnRows(rows: readonly string[][]): number {
  if (rows.length < 3 || rows.some((row) => row.length !== 2)) return -1;
  const firsts = rows.map((row) => row[0]!);
  const from = firsts.indexOf(firsts[0]!, 1) === -1 ? 1 : 0;
  const labelled = firsts.slice(from).filter((c) => c !== '');
  if (labelled.length < 3 || firsts[from] === '' || labelled.some((c) => labelOf(c) === null)) return -1;
  const distinct = new Set(labelled);
  return distinct.size * 2 <= labelled.length && [...distinct].some(isKnownLabel) ? from : -1;
}

/** A table's paragraphs: turns (`E : …`) for a « speaker | speech » table, else rows of cells separated by ` | `. */
function tableParagraphs(rows: readonly string[][]): string[] {
  const asRow = (row: readonly string[]) => row.filter((c) => c !== '').join(' | ').replace(/\s*\n\s*/g, ' ');
  const from = turnRows(rows);
  if (from === -1) return rows.map(asRow);
  const out = rows.slice(0, from).map(asRow);
  for (const [label, speech] of rows.slice(from)) {
    if (label === '') out[out.length - 1] += `\n${speech}`;
    else out.push(`${label} : ${speech}`);
  }
  return out;
}

/** The text of a document as transcript text: paragraphs separated by a blank line. */
export function wordHtmlText(html: string): string {
  return wordHtmlParagraphs(html).join('\n\n');
}
