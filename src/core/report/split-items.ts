/**
 * The quotes of a code as the split screen lists them: one item per quote (the segments of one
 * quote go together), in interview order, each with its label, coder, other codes and memos.
 * Segments that cannot be found in their transcript are listed too, with their stored text: a
 * split must give every segment of the code a place, and none is dropped silently.
 */
import type { AnchoredSegment } from '../study/anchor-codings.js';
import { quoteKey } from '../study/quote-key.js';
import type { Study } from '../study/study.js';
import type { Language, Span, Transcript } from '../types.js';
import { listQuotes } from './quote-list.js';
import { quoteLabel, quoteText } from './quotes.js';

/** One quote of the code being split. */
export interface SplitItem {
  /** The segments the quote is made of (several when it was compiled from several passages). */
  segments: string[];
  participant: string;
  /** `(MG3)`: the study's quote_label. */
  label: string;
  coder: string;
  /** The quote's text, pieces joined by ` […] `. */
  text: string;
  /** The other codes the quote carries (names). */
  otherCodes: string[];
  memos: string[];
  /** A segment of it could not be found in its transcript: its stored text is shown. */
  unplaced: boolean;
}

/** Where an item's quote lies, for its context (none for a quote that could not be placed). */
export interface SplitPlace {
  transcript: Transcript;
  spans: Span[];
}

export function splitItems(study: Study, segments: readonly AnchoredSegment[], codeId: string, language: Language): { items: SplitItem[]; places: (SplitPlace | undefined)[] } {
  const node = study.codebook.byId.get(codeId);
  const carrying = segments.filter((s) => s.segment.codes.includes(codeId));
  const items: SplitItem[] = [];
  const places: (SplitPlace | undefined)[] = [];
  const byKey = new Map<string, number>();
  const keyOf = new Map(carrying.map((s) => [`${s.coder}\u0000${s.segment.id}`, quoteKey(s.coder, s.segment)]));
  const nameOf = (id: string) => study.codebook.byId.get(id)?.name ?? id;
  if (node !== undefined) {
    const list = listQuotes({
      codebook: study.codebook,
      node,
      segments: carrying,
      coders: study.coders.map((c) => c.coder),
      transcripts: study.transcripts,
      participants: study.participants,
      quoteLabel: study.config.quoteLabel ?? '{id}',
      language,
    });
    for (const listed of list.groups[0]?.quotes ?? []) {
      const q = listed.quote;
      byKey.set(keyOf.get(`${q.coder}\u0000${q.segments[0]}`) ?? '', items.length);
      items.push({
        segments: [...q.segments],
        participant: q.participant,
        label: listed.label,
        coder: q.coder,
        text: quoteText(q),
        otherCodes: q.codes.filter((c) => c !== codeId).map(nameOf),
        memos: q.memos,
        unplaced: false,
      });
      const transcript = study.transcriptById.get(q.participant);
      places.push(transcript === undefined ? undefined : { transcript, spans: q.spans });
    }
  }
  // Segments left out of the quotes: not placed in their transcript (or placed on nothing).
  const listed = new Set(items.flatMap((item, i) => item.segments.map((id) => `${items[i]!.coder}\u0000${id}`)));
  for (const s of carrying) {
    const id = `${s.coder}\u0000${s.segment.id}`;
    if (listed.has(id)) continue;
    listed.add(id);
    const key = quoteKey(s.coder, s.segment);
    const at = byKey.get(key);
    if (at !== undefined) {
      const item = items[at]!;
      item.segments.push(s.segment.id);
      item.unplaced = true;
      continue;
    }
    byKey.set(key, items.length);
    items.push({
      segments: [s.segment.id],
      participant: s.segment.participant,
      label: quoteLabel(study.config.quoteLabel ?? '{id}', study.participants.get(s.segment.participant), s.segment.participant, language),
      coder: s.coder,
      text: s.segment.text,
      otherCodes: s.segment.codes.filter((c) => c !== codeId).map(nameOf),
      memos: s.segment.memo?.trim() ? [s.segment.memo.trim()] : [],
      unplaced: true,
    });
    places.push(undefined);
  }
  return sharedIdsTogether(items, places);
}

/**
 * A split gives a new code by segment id in every coder file (see restructure.ts): two coders'
 * segments with the same id (a coder file copied from another) go together, so they are one item.
 */
function sharedIdsTogether(items: SplitItem[], places: (SplitPlace | undefined)[]): { items: SplitItem[]; places: (SplitPlace | undefined)[] } {
  const owner = new Map<string, SplitItem>();
  const keptItems: SplitItem[] = [];
  const keptPlaces: (SplitPlace | undefined)[] = [];
  for (const [i, item] of items.entries()) {
    const into = item.segments.map((id) => owner.get(id)).find((o) => o !== undefined);
    if (into !== undefined) {
      for (const id of item.segments) if (!into.segments.includes(id)) into.segments.push(id);
      if (!into.coder.split(', ').includes(item.coder)) into.coder = `${into.coder}, ${item.coder}`;
      for (const id of into.segments) owner.set(id, into);
      continue;
    }
    for (const id of item.segments) owner.set(id, item);
    keptItems.push(item);
    keptPlaces.push(places[i]);
  }
  return { items: keptItems, places: keptPlaces };
}
