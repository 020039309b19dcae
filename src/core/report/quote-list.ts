/**
 * Every quote of a code, or of a theme (the codes under it, sub-themes included), as `codage
 * quotes` lists them: the node's place and definition, its counts, and each quote with its
 * participant label (the study's `quote_label`, as exports sign quotes), its coder, its memos and,
 * on request, the sentences around it. Grouped by a participant attribute on request. Pure data:
 * the command renders it for the terminal and as JSON.
 */
import { codeTree, groupValue, tallyCodes } from '../analysis/stats.js';
import { allCodes, themePath } from '../codebook/query.js';
import { compareNatural } from '../natural-sort.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Codebook, CodebookNode, Language, Participant, Sentence, Transcript } from '../types.js';
import { quoteLabel, quotesByCode, type Quote } from './quotes.js';

/** The text around a quote: whole sentences before and after it, exactly as the transcript has them. */
export interface QuoteContext {
  before: string;
  after: string;
}

export interface ListedQuote {
  quote: Quote;
  /** `(MG3)`, `(P4, F, 52 ans)`: the study's quote_label filled in. */
  label: string;
  /** Exact transcript text of each piece (line breaks kept). */
  exact: string[];
  /** The codes under the listed node that this quote carries (ids; the code itself for a code). */
  listedCodes: string[];
  context?: QuoteContext;
}

export interface QuoteGroup {
  /** The attribute's value; null when no grouping was asked for. '—' for participants without it. */
  value: string | null;
  /** Participants of the study in this group (the N of n/N). */
  participants: number;
  /** Participants of this group who have at least one quote here. */
  quoting: number;
  quotes: ListedQuote[];
}

export interface QuoteList {
  node: CodebookNode;
  /** Theme names from the top down to the node's parent. */
  path: string[];
  /** The codes whose quotes are listed: the code itself, or every code under the theme. */
  codes: CodebookNode[];
  /** Participants with at least one reference, of `total`; references as `codage codebook` counts them. */
  participants: number;
  total: number;
  references: number;
  coders: string[];
  by: string | null;
  groups: QuoteGroup[];
}

export interface QuoteListInput {
  codebook: Codebook;
  node: CodebookNode;
  /** Segments of the coders listed (unplaced ones are left out). */
  segments: readonly AnchoredSegment[];
  coders: string[];
  /** Transcripts in interview order. */
  transcripts: readonly Transcript[];
  participants: ReadonlyMap<string, Participant>;
  quoteLabel: string;
  /** The language of speaker labels in a quote that runs over several turns (`Enquêtrice : …`). */
  language: Language;
  by?: string;
  /** Sentences of context around each quote, with the sentences of a transcript (only asked for those with quotes). */
  context?: { sentences: number; of: (transcript: Transcript) => readonly Sentence[] };
}

/** Every code under a node (the node itself for a code), in codebook order. */
export function codesUnder(codebook: Codebook, node: CodebookNode): CodebookNode[] {
  if (node.kind === 'code') return [node];
  const ids = new Set<string>();
  const walk = (n: CodebookNode) => {
    if (n.kind === 'code') ids.add(n.id);
    for (const child of n.children) walk(child);
  };
  walk(node);
  return allCodes(codebook).filter((c) => ids.has(c.id));
}

/** Index of the first sentence ending after `offset` (sentences are in order and do not overlap). */
function firstEndingAfter(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sentences[mid] as Sentence).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `n` whole sentences before [start, end) and `n` after, with the rest of the sentences the quote
 * starts and ends inside; fewer at the start or end of the transcript. Exactly the transcript's
 * text between those bounds (speaker labels and line breaks included; a context that opens a
 * turn opens with its speaker's label).
 */
export function contextAround(transcript: Pick<Transcript, 'text' | 'turns'>, sentences: readonly Sentence[], start: number, end: number, n: number): QuoteContext {
  const { text } = transcript;
  if (n <= 0 || sentences.length === 0) return { before: '', after: '' };
  // Sentences wholly before the quote end at index `first` - 1 (`first` may hold its start).
  const first = firstEndingAfter(sentences, start);
  const opening = sentences[Math.max(0, first - n)] as Sentence;
  let from = Math.min(start, opening.start);
  // A turn's first sentence comes with its speaker's label: who said it matters.
  const turn = transcript.turns[opening.turn];
  if (turn !== undefined && from === turn.textStart) from = turn.start;
  // The last sentence that starts inside the quote (or before it).
  const k = firstEndingAfter(sentences, end - 1);
  const last = k < sentences.length && (sentences[k] as Sentence).start < end ? k : k - 1;
  const toIndex = Math.min(sentences.length - 1, last + n);
  const to = toIndex < 0 ? end : Math.max(end, (sentences[toIndex] as Sentence).end);
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** The list `codage quotes` prints (see the module comment). */
export function listQuotes(input: QuoteListInput): QuoteList {
  const { codebook, node } = input;
  const codes = codesUnder(codebook, node);
  const listed = new Set(codes.map((c) => c.id));
  const placed = input.segments.filter((s) => s.status !== 'unplaced');
  const relevant = placed.filter((s) => s.segment.codes.some((c) => listed.has(c)));
  const rank = new Map(input.transcripts.map((t, i) => [t.id, i]));
  const byCode = quotesByCode(relevant, rank, false, input.language);
  // One entry per quote, however many of the listed codes it carries.
  const quotes = new Set<Quote>();
  for (const code of codes) for (const quote of byCode.get(code.id) ?? []) quotes.add(quote);
  const transcriptById = new Map(input.transcripts.map((t) => [t.id, t]));
  const ordered = [...quotes].sort(
    (a, b) =>
      a.interview - b.interview ||
      (a.participant === b.participant ? 0 : compareNatural(a.participant, b.participant)) ||
      a.start - b.start ||
      (a.coder === b.coder ? 0 : compareNatural(a.coder, b.coder)) ||
      (a.segments[0]! < b.segments[0]! ? -1 : a.segments[0]! > b.segments[0]! ? 1 : 0),
  );
  // One label per participant, however many quotes they have.
  const labels = new Map<string, string>();
  const labelOf = (id: string) => {
    let label = labels.get(id);
    if (label === undefined) labels.set(id, (label = quoteLabel(input.quoteLabel, input.participants.get(id), id, input.language)));
    return label;
  };
  const items: ListedQuote[] = ordered.map((quote) => {
    const transcript = transcriptById.get(quote.participant);
    const exact = transcript ? quote.spans.map((s) => transcript.text.slice(s.start, s.end)) : quote.pieces;
    const item: ListedQuote = {
      quote,
      label: labelOf(quote.participant),
      exact,
      listedCodes: codes.filter((c) => quote.codes.includes(c.id)).map((c) => c.id),
    };
    if (input.context && transcript) {
      const first = quote.spans[0]!;
      const last = quote.spans[quote.spans.length - 1]!;
      const sentences = input.context.of(transcript);
      const before = contextAround(transcript, sentences, first.start, first.end, input.context.sentences).before;
      const after = contextAround(transcript, sentences, last.start, last.end, input.context.sentences).after;
      item.context = { before, after };
    }
    return item;
  });

  const row = codeTree(codebook, tallyCodes(relevant)).find((r) => r.id === node.id);
  const total = input.transcripts.length;
  let groups: QuoteGroup[];
  if (input.by === undefined) {
    groups = [{ value: null, participants: total, quoting: new Set(items.map((i) => i.quote.participant)).size, quotes: items }];
  } else {
    const by = input.by;
    const members = new Map<string, number>();
    for (const t of input.transcripts) {
      const value = groupValue(input.participants, t.id, by);
      members.set(value, (members.get(value) ?? 0) + 1);
    }
    const grouped = new Map<string, ListedQuote[]>();
    for (const item of items) {
      const value = groupValue(input.participants, item.quote.participant, by);
      let list = grouped.get(value);
      if (!list) grouped.set(value, (list = []));
      list.push(item);
    }
    // Every group of the study, those without a quote too (they say "nobody here said it"); the
    // participants without the attribute last.
    const values = [...new Set([...members.keys(), ...grouped.keys()])].sort((a, b) => (a === '—' ? 1 : 0) - (b === '—' ? 1 : 0) || compareNatural(a, b));
    groups = values.map((value) => {
      const list = grouped.get(value) ?? [];
      return { value, participants: members.get(value) ?? 0, quoting: new Set(list.map((i) => i.quote.participant)).size, quotes: list };
    });
  }
  return {
    node,
    path: themePath(codebook, node.id).map((n) => n.name),
    codes,
    participants: row?.participants ?? 0,
    total,
    references: row?.references ?? 0,
    coders: input.coders,
    by: input.by ?? null,
    groups,
  };
}
