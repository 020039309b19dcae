/**
 * What in an export could identify someone, so that a name does not reach a thesis table
 * unnoticed: the likely identifiers in the document's text (its paragraphs and cells), each
 * traced back to where it comes from: a quoted passage (transcript:line:col) or a participant's
 * attribute (the front matter's line and column, or participants.csv). A word the privacy check
 * would not report where it was said (`Rose` opening a sentence) is not reported from the export
 * either, nor is the export's own text (the methods' references: `Francis et al.`). Only the
 * exported text, the passages it may quote and the attributes are read, never whole transcripts,
 * so that the check costs little next to the export itself. Pure.
 */
import type { ReportDocument } from '../report/document.js';
import { paragraphText, tableGrid } from '../report/document.js';
import type { Transcript } from '../types.js';
import { findIdentifiers, type FindingKind, type PrivacyLists } from './find.js';
import { positionOf } from '../text/lines.js';

/** A passage the export may quote: UTF-16 offsets into its transcript's text. */
export interface QuotedPassage {
  transcript: Transcript;
  start: number;
  end: number;
}

/** A participant's attribute value, and where it is written (line and column when known). */
export interface AttributeText {
  file: string;
  line?: number;
  column?: number;
  text: string;
}

export interface ExportFinding {
  text: string;
  kind: FindingKind;
  /** Where it comes from, at most `MAX_PLACES`, never empty. */
  places: { file: string; line?: number; column?: number }[];
}

const MAX_PLACES = 3;
/** How far before a passage its sentence is looked for (whether a word opens a sentence). */
const LEAD = 200;

/** Every text of the document, one piece per heading, paragraph and table cell. */
export function documentPieces(doc: ReportDocument): string[] {
  const pieces: string[] = [];
  for (const block of doc.blocks) {
    if (block.type === 'heading') pieces.push(block.text);
    else if (block.type === 'paragraph') pieces.push(paragraphText(block.content));
    else if (block.type === 'table') {
      pieces.push(block.table.caption, ...block.table.columns.map((c) => c.header));
      for (const row of tableGrid(block.table)) pieces.push(...row);
      if (block.table.note) pieces.push(paragraphText(block.table.note));
    } else if (block.type === 'figure') pieces.push(block.figure.caption);
  }
  return pieces;
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ');


/** The likely identifiers of the passage, found in the transcript with the text before it (its sentence). */
function passageFindings(p: QuotedPassage, lists: PrivacyLists, cache: Map<QuotedPassage, { start: number; end: number; text: string }[]>) {
  let found = cache.get(p);
  if (found === undefined) {
    const text = p.transcript.text;
    const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
    const from = Math.max(lineStart, p.start - LEAD);
    found = findIdentifiers(text.slice(from, p.end), lists)
      .filter((f) => f.likely && from + f.end > p.start)
      .map((f) => ({ start: from + f.start, end: from + f.end, text: oneLine(f.text) }));
    cache.set(p, found);
  }
  return found;
}

export function findingsInExport(pieces: readonly string[], passages: readonly QuotedPassage[], attributes: readonly AttributeText[], lists: PrivacyLists): ExportFinding[] {
  const byText = new Map<string, { kind: FindingKind }>();
  // One scan of all the pieces (a scan has a cost of its own): each on its own line, with a
  // mark between them that no identifier spans, so that each starts a sentence.
  for (const f of findIdentifiers(pieces.filter((p) => p !== '').join('\n|\n'), lists)) {
    if (f.likely && !byText.has(oneLine(f.text))) byText.set(oneLine(f.text), { kind: f.kind });
  }
  if (byText.size === 0) return [];
  const cache = new Map<QuotedPassage, { start: number; end: number; text: string }[]>();
  const passageText = new Map<QuotedPassage, string>();
  const out: ExportFinding[] = [];
  for (const [text, { kind }] of byText) {
    const places: ExportFinding['places'] = [];
    // A finding of several words may be cut by a line break where it was said.
    const words = text.split(' ');
    const spread = words.length > 1 ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u') : null;
    for (const p of passages) {
      if (places.length >= MAX_PLACES) break;
      let raw = passageText.get(p);
      if (raw === undefined) passageText.set(p, (raw = p.transcript.text.slice(p.start, p.end)));
      if (!raw.includes(words[0]!) || (spread !== null && !spread.test(raw))) continue;
      for (const f of passageFindings(p, lists, cache)) {
        if (f.text !== text || places.length >= MAX_PLACES) continue;
        const at = positionOf(p.transcript.text, f.start, p.transcript.bodyLine);
        if (!places.some((x) => x.file === p.transcript.file && x.line === at.line && x.column === at.column)) places.push({ file: p.transcript.file, ...at });
      }
    }
    for (const a of attributes) {
      if (places.length >= MAX_PLACES) break;
      const at = oneLine(a.text).indexOf(text);
      if (at === -1 || !findIdentifiers(a.text, lists).some((f) => f.likely && oneLine(f.text) === text)) continue;
      places.push(a.line === undefined ? { file: a.file } : { file: a.file, line: a.line, ...(a.column === undefined ? {} : { column: a.column + at }) });
    }
    // Not an identifier where it was said (a sentence start), or not from the study's data at all.
    if (places.length > 0) out.push({ text, kind, places });
  }
  return out.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
