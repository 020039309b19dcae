/**
 * An OpenDocument text (`content.xml` of an `.odt`) turned into transcript text, with the same
 * shape as a Word document's (see `word-html.ts`): a paragraph, heading or list item per
 * paragraph, separated by a blank line; a line break (`text:line-break`) a line break; a table row
 * one paragraph with its cells separated by ` | `. Spaces are read as ODF says: runs of white space
 * in the XML are one space, `text:s` is as many spaces as its `text:c`, `text:tab` a tab. Comments
 * (`office:annotation`), footnotes (`text:note`) and deleted tracked changes
 * (`text:tracked-changes`) are not part of what was said and are left out.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** Why the XML could not be read (the caller says which file). */
export class OdtError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'OdtError';
  }
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) out.push(c);
  return out;
}

/** The text of a paragraph's content (spans, links, spaces, tabs, line breaks). */
function inline(node: Node, out: string[]): void {
  for (const child of children(node)) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_NODE) {
      out.push((child.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (el.namespaceURI === TEXT_NS) {
      switch (el.localName) {
        case 's': {
          const n = Number.parseInt(el.getAttributeNS(TEXT_NS, 'c') ?? '1', 10);
          out.push('\u0000'.repeat(Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1));
          continue;
        }
        case 'tab':
          out.push('\t');
          continue;
        case 'line-break':
          out.push('\n');
          continue;
        case 'note':
        case 'tracked-changes':
          continue;
        default:
          break;
      }
    }
    if (el.namespaceURI === OFFICE_NS && (el.localName === 'annotation' || el.localName === 'annotation-end')) continue;
    inline(el, out);
  }
}

/** A paragraph's text: runs of spaces are one, `text:s` spaces kept, no space around line breaks. */
function paragraphText(el: Element): string {
  const parts: string[] = [];
  inline(el, parts);
  return parts
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replaceAll('\u0000', ' ')
    .trim();
}

function walk(node: Node, paragraphs: string[]): void {
  for (const child of children(node)) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (el.namespaceURI === TEXT_NS && (el.localName === 'p' || el.localName === 'h')) {
      const text = paragraphText(el);
      if (text !== '') paragraphs.push(text);
    } else if (el.namespaceURI === TEXT_NS && (el.localName === 'tracked-changes' || el.localName === 'note')) {
    } else if (el.namespaceURI === OFFICE_NS && el.localName === 'annotation') {
    } else if (el.namespaceURI === TABLE_NS && el.localName === 'table-row') {
      const cells: string[] = [];
      for (const cell of children(el)) {
        if (cell.nodeType !== ELEMENT_NODE || (cell as Element).localName !== 'table-cell') continue;
        const inner: string[] = [];
        walk(cell, inner);
        const text = inner.join(' ').replace(/\s*\n\s*/g, ' ').trim();
        if (text !== '') cells.push(text);
      }
      if (cells.length > 0) paragraphs.push(cells.join(' | '));
    } else {
      walk(el, paragraphs);
    }
  }
}

/** The paragraphs of an OpenDocument text's `content.xml`. Throws `OdtError` when it is not one. */
export function odtParagraphs(contentXml: string): string[] {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(contentXml, 'text/xml');
  if (errors.length > 0) throw new OdtError(errors[0]!);
  const bodies = doc.getElementsByTagNameNS(OFFICE_NS, 'text');
  const body = bodies.item(0);
  if (body === null) throw new OdtError('no office:text element (not a text document)');
  const paragraphs: string[] = [];
  walk(body, paragraphs);
  return paragraphs;
}

export function odtText(contentXml: string): string {
  return odtParagraphs(contentXml).join('\n\n');
}
