/**
 * What a consensus segment carries of what the coders wrote beside their codes: the memos and
 * exemplary marks of every coder's segment it comes from (the segments it unites, keeps or
 * agreed with). Nothing a coder wrote on a coding the consensus keeps is left behind.
 *
 * The memo: one memo as it was written; several different ones, each signed with its coder and
 * joined on one line, coder A's first, then in the order of the text:
 * `thomas : très parlant | lea : à citer tel quel`. The segment is exemplary when any of them was.
 */
import type { SideItem } from '../analysis/agreement/disagreements.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { ConsensusSide } from './build.js';

export interface SegmentNotes {
  memo?: string;
  exemplary: boolean;
}

/** Between the signed memos of a consensus segment (segment memos are one line). */
export const MEMO_SEPARATOR = ' | ';

export function signedMemo(coder: string, memo: string): string {
  return `${coder} : ${memo}`;
}

/** Whether a coder wrote something beside the codes of this segment. */
export function hasNotes(s: AnchoredSegment): boolean {
  return Boolean(s.segment.memo) || s.segment.exemplary === true;
}

/** The notes of `sources` (`coders`: A then B, for the order of the memos). */
export function notesOf(sources: readonly AnchoredSegment[], coders: readonly string[]): SegmentNotes {
  const rank = (s: AnchoredSegment) => {
    const i = coders.indexOf(s.coder);
    return i < 0 ? coders.length : i;
  };
  const ordered = [...sources].sort((x, y) => rank(x) - rank(y) || x.start - y.start || x.end - y.end || compareIds(x.segment.id, y.segment.id));
  const memos: { coder: string; memo: string }[] = [];
  for (const s of ordered) {
    const memo = s.segment.memo;
    if (!memo || memos.some((m) => m.memo.trim() === memo.trim())) continue;
    memos.push({ coder: s.coder, memo });
  }
  const notes: SegmentNotes = { exemplary: sources.some((s) => s.segment.exemplary === true) };
  if (memos.length === 1) notes.memo = memos[0]!.memo;
  else if (memos.length > 1) notes.memo = memos.map((m) => signedMemo(m.coder, m.memo)).join(MEMO_SEPARATOR);
  return notes;
}

/**
 * What a coder wrote beside the codings of one side of a disagreement, for the coders to see when
 * they decide: the memos of its segments (each once, in text order, joined) and whether one is
 * marked exemplary.
 */
export function sideNotes(items: readonly SideItem[], side: ConsensusSide, participant: string): SegmentNotes {
  const ids = new Set(items.flatMap((i) => i.segments));
  const sources = (side.placed.get(participant) ?? []).filter((s) => ids.has(s.segment.id)).sort((x, y) => x.start - y.start || x.end - y.end);
  const memos = [...new Set(sources.map((s) => s.segment.memo?.trim() ?? '').filter((m) => m !== ''))];
  const notes: SegmentNotes = { exemplary: sources.some((s) => s.segment.exemplary === true) };
  if (memos.length > 0) notes.memo = memos.join(MEMO_SEPARATOR);
  return notes;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
