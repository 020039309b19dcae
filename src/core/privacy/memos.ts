/**
 * Memos in an anonymisation: the researcher writes about the participants in them (« MG3 cite le
 * Dr Lefebvre »), and they go into the REFI-QDA export and the report like the transcripts. The
 * same table replaces the same names in them; what only a memo says is found by its form (an
 * e-mail, a phone number, an address…), not by the word lists, which would flag the code and coder
 * names a memo's prose is full of. Pure: the command reads and writes.
 */
import { applyEdits, planEdits, type Edit, type ReplacementTable } from './anonymise.js';
import { findIdentifiers, type Finding, type FindingKind, type PrivacyLists } from './find.js';
import { positionOf } from '../text/lines.js';
import { ENTRY_HEADING, type Memos } from '../memo/memo.js';
import type { CoderFile } from '../types.js';

/** A memo's text and where it is: its own file in memos/, or a memo kept in a coder file. */
export interface MemoText {
  file: string;
  /** The line its text starts on. */
  line: number;
  text: string;
  /** A memo of a coder file (on a segment, on a transcript): its text is a YAML value, whose columns are not the file's. */
  inCoderFile: boolean;
}

/** Where an offset of a memo's text is in its file (a memo of a coder file: its line, column 1). */
export function memoPosition(memo: MemoText, offset: number): { line: number; column: number } {
  return memo.inCoderFile ? { line: memo.line, column: 1 } : positionOf(memo.text, offset, memo.line);
}

/** What a memo may hold that has the form of an identifier, whatever the word lists say. */
export const MEMO_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['email', 'url', 'phone', 'social-security', 'postal-code', 'address', 'date-of-birth', 'title-name']);

/** The identifiers a memo's text holds by their form (see MEMO_KINDS). */
export function memoIdentifiers(text: string, lists: PrivacyLists): Finding[] {
  return findIdentifiers(text, lists).filter((f) => MEMO_KINDS.has(f.kind));
}

/** `## 2026-12-01 14:03 — marie`: a dated entry's heading, whose author is a coder, not a participant. */
const ENTRY_HEADINGS = new RegExp(ENTRY_HEADING, 'gmu');

/**
 * The memo with the table's originals replaced, except in the headings of its dated entries (a
 * coder called Marie signs « — marie » even when a participant's Marie becomes « [B] »).
 */
export function anonymiseMemo(text: string, table: ReplacementTable): { text: string; edits: Edit[] } {
  const headings: [number, number][] = [];
  for (const m of text.matchAll(ENTRY_HEADINGS)) headings.push([m.index, m.index + m[0].length]);
  const edits = planEdits(text, table).filter((e) => !headings.some(([start, end]) => e.start < end && e.end > start));
  return { text: edits.length === 0 ? text : applyEdits(text, edits), edits };
}

/** Every memo of a study: the files of memos/, then those kept in the coder files (on a transcript, on a segment). */
export function memoTexts(memos: Memos, coders: readonly { file: string; coderFile: CoderFile }[]): MemoText[] {
  const out: MemoText[] = [...memos.values()].map((m) => ({ file: m.file, line: 1, text: m.text, inCoderFile: false }));
  for (const c of coders) {
    for (const text of Object.values(c.coderFile.memos)) out.push({ file: c.file, line: 1, text, inCoderFile: true });
    for (const s of c.coderFile.segments) if (s.memo !== undefined) out.push({ file: c.file, line: s.line ?? 1, text: s.memo, inCoderFile: true });
  }
  return out;
}
