/**
 * The findings of a study as the researcher reviews them: one entry per text (`Dr Martin`
 * wherever it appears, whatever its case), most frequent first, each with every place it occurs
 * (file:line:col and the sentence around it) and a proposed label of its kind (`[Dr A]`,
 * `[ville]`, `[hôpital]`, `[prénom]`). The researcher's decisions then make the replacement table
 * and the words the study allows. Pure.
 */
import type { Language } from '../types.js';
import { extendTable, planEdits, tableKey, type ReplacementTable } from './anonymise.js';
import { positionOf } from '../text/lines.js';
import { findAttributeIdentifiers, findIdentifiers, type FindingKind, type PrivacyLists } from './find.js';
import { memoIdentifiers, memoPosition, type MemoText } from './memos.js';

/** One place a finding occurs. */
export interface Occurrence {
  file: string;
  line: number;
  column: number;
  /** The text as written there. */
  text: string;
  /** The sentence around it, on one line (line breaks shown as spaces), and where the text sits in it. */
  context: string;
  at: number;
  /** True when the finding is in the front matter (`ville: Lyon`), false in the transcript's text. */
  frontMatter: boolean;
  /** True when the finding is in a memo (memos/, or a memo kept in a coder file). */
  memo?: boolean;
}

/** In how many transcripts, and how many files of memos, these places are. */
export function fileCounts(occurrences: readonly Occurrence[]): { transcripts: number; memos: number } {
  return {
    transcripts: new Set(occurrences.filter((o) => o.memo !== true).map((o) => o.file)).size,
    memos: new Set(occurrences.filter((o) => o.memo === true).map((o) => o.file)).size,
  };
}

export interface FindingGroup {
  /** `tableKey` of the text: the same for every occurrence. */
  key: string;
  /** As first written. */
  text: string;
  kind: FindingKind;
  /** True when one of its occurrences is a likely identifier; false: a capitalised word to look at. */
  likely: boolean;
  occurrences: Occurrence[];
  /** The label proposed for it. */
  proposed: string;
}

/** What the review reads of a transcript: its body and its front matter values with their positions. */
export interface ReviewedTranscript {
  file: string;
  text: string;
  bodyLine: number;
  attributes: Record<string, unknown>;
  attributePositions?: Record<string, { line: number; column: number }>;
}

export type ReviewDecision = { type: 'replace'; label: string } | { type: 'keep' } | { type: 'skip' };

const SENTENCE_END = /[.!?…]/u;
const CONTEXT_MAX = 240;

/** The sentence around `[start, end)` of `text`, on one line, at most about CONTEXT_MAX characters. */
export function sentenceAround(text: string, start: number, end: number): { context: string; at: number } {
  let from = start;
  while (from > 0 && start - from < CONTEXT_MAX / 2) {
    const c = text[from - 1]!;
    if (c === '\n' && text[from - 2] === '\n') break;
    if (SENTENCE_END.test(c) && /\s/u.test(text[from] ?? '')) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < CONTEXT_MAX / 2) {
    const c = text[to]!;
    if (c === '\n' && text[to + 1] === '\n') break;
    to++;
    if (SENTENCE_END.test(c) && /\s/u.test(text[to] ?? ' ')) break;
  }
  const lead = text.slice(from, start);
  const trimmedLead = lead.replace(/^\s+/u, '');
  const context = (trimmedLead + text.slice(start, to)).replace(/\s*\n\s*/gu, ' ').replace(/\s+$/u, '');
  return { context, at: trimmedLead.replace(/\s*\n\s*/gu, ' ').length };
}

const FIRST_NAME_LABEL: Record<Language, string> = { fr: '[prénom]', en: '[first name]' };

/**
 * Every finding of the transcripts, grouped by text; groups already in `known` (the key of an
 * earlier anonymisation) propose their label from it. Most frequent first, then likely before
 * possible, then by text.
 */
export function reviewGroups(
  transcripts: readonly ReviewedTranscript[],
  lists: PrivacyLists,
  known: ReplacementTable,
  language: Language,
  memos: readonly MemoText[] = [],
): FindingGroup[] {
  const groups = new Map<string, Omit<FindingGroup, 'proposed'>>();
  const add = (key: string, kind: FindingKind, likely: boolean, occurrence: Occurrence): void => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, text: occurrence.text, kind, likely, occurrences: [occurrence] });
    else {
      group.occurrences.push(occurrence);
      group.likely ||= likely;
    }
  };
  for (const t of transcripts) {
    for (const [attribute, value] of Object.entries(t.attributes)) {
      if (typeof value !== 'string') continue;
      const at = t.attributePositions?.[attribute] ?? { line: 1, column: 1 };
      for (const f of findAttributeIdentifiers(attribute, value, lists)) {
        add(tableKey(f.text), f.kind, f.likely, { file: t.file, line: at.line, column: at.column + f.start, text: f.text, context: `${attribute}: ${value}`, at: attribute.length + 2 + f.start, frontMatter: true });
      }
    }
    let line = t.bodyLine;
    let lineStart = 0;
    for (const f of findIdentifiers(t.text, lists)) {
      for (let nl = t.text.indexOf('\n', lineStart); nl !== -1 && nl < f.start; nl = t.text.indexOf('\n', nl + 1)) {
        line++;
        lineStart = nl + 1;
      }
      const { context, at } = sentenceAround(t.text, f.start, f.end);
      add(tableKey(f.text), f.kind, f.likely, { file: t.file, line, column: f.start - lineStart + 1, text: f.text, context, at, frontMatter: false });
    }
  }
  // What only a memo says, by its form (an e-mail, a phone number…); names said in the
  // transcripts too are replaced in the memos with the same label, without a decision of their own.
  for (const m of memos) {
    const found = memoIdentifiers(m.text, lists);
    for (const f of found) {
      const { context, at } = sentenceAround(m.text, f.start, f.end);
      add(tableKey(f.text), f.kind, f.likely, { file: m.file, ...memoPosition(m, f.start), text: f.text, context, at, frontMatter: false, memo: true });
    }
  }
  // `76210 Bolbec`: the town of a postal code is a place wherever else it is said (`kiné à
  // Bolbec`), though no list names it: a text to decide of its own, as without the review.
  for (const g of [...groups.values()]) {
    if (g.kind !== 'postal-code') continue;
    const town = g.text.replace(/^[\d\s]+/u, '').trim();
    const key = tableKey(town);
    if (!/\p{L}/u.test(town)) continue;
    const known = groups.get(key);
    if (known !== undefined) {
      // Found already as a capitalised word, perhaps a name: it is the town.
      if (!known.likely) Object.assign(known, { kind: 'place', likely: true });
      continue;
    }
    for (const t of transcripts) {
      for (const e of planEdits(t.text, new Map([[key, '\u0000']]))) {
        if (/\d\s*$/u.test(t.text.slice(Math.max(0, e.start - 3), e.start))) continue; // the postal code's own town
        const { context, at } = sentenceAround(t.text, e.start, e.end);
        add(key, 'place', true, { file: t.file, ...positionOf(t.text, e.start, t.bodyLine), text: e.original, context, at, frontMatter: false });
      }
    }
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.occurrences.length - a.occurrences.length || Number(b.likely) - Number(a.likely) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  // Labels proposed in that order, so that the most frequent person is A; a title's surname
  // alone gets the same letter (`Dr Martin` → `[Dr A]`, `Martin` → `[A]`).
  const scratch: ReplacementTable = new Map(known);
  return ordered.map((g) => {
    let proposed = scratch.get(g.key);
    if (proposed === undefined) {
      if (g.kind === 'first-name' && !/\s/u.test(g.text)) proposed = FIRST_NAME_LABEL[language];
      else {
        extendTable(scratch, [{ start: 0, end: g.text.length, kind: g.kind, text: g.text, likely: true }], language);
        proposed = scratch.get(g.key) ?? FIRST_NAME_LABEL[language];
      }
    }
    return { ...g, proposed };
  });
}

/** The replacement table and the words to allow that the decisions make (undecided: skipped). */
export function applyDecisions(groups: readonly FindingGroup[], decisions: readonly (ReviewDecision | undefined)[]): { table: ReplacementTable; originals: Map<string, string>; allow: string[] } {
  const table: ReplacementTable = new Map();
  const originals = new Map<string, string>();
  const allow: string[] = [];
  groups.forEach((g, i) => {
    const d = decisions[i];
    if (d?.type === 'replace') {
      table.set(g.key, d.label);
      originals.set(g.key, g.text);
    } else if (d?.type === 'keep') allow.push(g.text);
  });
  return { table, originals, allow };
}
