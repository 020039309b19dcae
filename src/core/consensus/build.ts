/**
 * The consensus coder file, rebuilt from the two coders' files and the decisions taken so far.
 *
 * Per compared transcript: every passage both coders coded alike goes in as coder A's segments
 * (untouched when nothing else changed them); every decided disagreement adds what the decision
 * keeps; a disagreement not decided yet adds nothing. Codings on the same span become one
 * segment. A segment identical to one of a coder's keeps its id, memo, flag and time; any other
 * gets the id of the coder's segment on the same span, else the id it has in the consensus file
 * already written (same span, codes and text: a rebuild after a correction of the transcript
 * moved it keeps its ids), else a new id derived from its position; and the time of the decision
 * that made it. On the same span as a coder's segment (A's when both have one, as for the id), it
 * is the same passage: it keeps that segment's quote id, `ambiguous` mark and context (`prefix`,
 * `suffix`) and the keys a newer codage wrote on it, so that a quote cited by its id is still one quote in the consensus. Every consensus segment carries the memos and exemplary
 * marks of the coders' segments it comes from (`notes.ts`): those it unites or keeps, and B's
 * segments in a passage both coded alike. Transcripts only one of the two coded are copied as they
 * are. A place confirmed in the consensus since (its `ambiguous` mark removed by `codage confirm`)
 * stays confirmed. Same input, same file: a consensus can be checked against a rebuild.
 */
import type { Agreed, Alignment, Disagreement } from '../analysis/agreement/disagreements.js';
import { intersectionOf } from '../analysis/agreement/units.js';
import { mergeSpans } from '../spans.js';
import { compareNatural } from '../natural-sort.js';
import { shortHash } from '../text/hash.js';
import { contextAtPlace, transcriptOffsets, type AnchoredSegment } from '../study/anchor-codings.js';
import type { CoderFile, Segment, Span, Transcript } from '../types.js';
import { isDecided, type Decision } from './decisions.js';
import { hasNotes, notesOf, type SegmentNotes } from './notes.js';

export interface ConsensusSide {
  coder: string;
  memos: Record<string, string>;
  /** The coder's placed segments, by participant. */
  placed: ReadonlyMap<string, readonly AnchoredSegment[]>;
}

export interface ConsensusInput {
  into: string;
  a: ConsensusSide;
  b: ConsensusSide;
  /** Transcripts both coded (compared), in interview order, with their alignment. */
  compared: readonly { transcript: Transcript; alignment: Alignment }[];
  /** Transcripts only one of the two coded: copied from that coder. */
  copied: readonly { transcript: Transcript; from: 'a' | 'b' }[];
  decisions: ReadonlyMap<string, Decision>;
  /**
   * Which memos and exemplary marks a segment carries: `every-source` (what codage writes), or
   * `same-span`, the rule of earlier versions of codage (only those of a coder's segment on the
   * very same span), kept only to recognise a consensus they wrote as codage's own.
   */
  notes?: 'every-source' | 'same-span';
  /**
   * What a segment on the very span of a coder's segment, but not that segment whole (its codes
   * changed), keeps of it besides its id: its quote id, `ambiguous` mark and context
   * (`same-passage`, what codage writes), or nothing (`none`, what earlier versions of codage
   * wrote), kept only to recognise a consensus they wrote as codage's own.
   */
  passage?: 'same-passage' | 'none';
  /** The consensus file's segments as written before, whose ids a rebuild keeps. */
  previous?: readonly Segment[];
}

export interface ConsensusResult {
  coderFile: CoderFile;
  agreed: number;
  decided: number;
  pending: number;
  /** Decisions whose disagreement no longer exists. */
  stale: Decision[];
  /**
   * Segments of the compared transcripts with a memo or an exemplary mark that no consensus
   * segment carries: every coding of theirs was decided against (their disagreements settled).
   * They stay in their coder's file; the command says so.
   */
  notesLeftOut: AnchoredSegment[];
}

interface Item {
  start: number;
  end: number;
  code: string;
  sources: AnchoredSegment[];
  /** Other segments whose memos and exemplary marks go with it (B's, agreed with A's; those an edit replaced). */
  alsoFrom?: AnchoredSegment[];
  /** Time of the decision that put it here, if any. */
  when?: string;
}

/** An 8-character id from a position, not in `taken`. */
export function derivedSegmentId(seed: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const id = shortHash(`${seed}#${n}`, 8);
    if (!taken.has(id)) return id;
  }
}

function byId(list: readonly AnchoredSegment[]): Map<string, AnchoredSegment> {
  return new Map(list.map((s) => [s.segment.id, s]));
}

/** The codings a coder's side of a disagreement holds: each segment with each disputed code it has. */
function sideItems(items: Disagreement['a'], segments: Map<string, AnchoredSegment>, when?: string): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    for (const code of item.codes) {
      for (const id of item.segments) {
        const s = segments.get(id);
        if (s?.segment.codes.includes(code)) out.push({ start: s.start, end: s.end, code, sources: [s], when });
      }
    }
  }
  return out;
}

function decidedItems(d: Disagreement, decision: Decision, a: Map<string, AnchoredSegment>, b: Map<string, AnchoredSegment>, transcript: Transcript): Item[] {
  const when = decision.when;
  const sources = [...d.a, ...d.b].flatMap((i) => i.segments.map((id) => a.get(id) ?? b.get(id)).filter((s): s is AnchoredSegment => s !== undefined));
  switch (decision.choice) {
    case 'keep-a':
      return sideItems(d.a, a, when);
    case 'keep-b':
      return sideItems(d.b, b, when);
    case 'both':
      if (d.kind === 'boundaries') return [{ start: d.start, end: d.end, code: d.a[0]!.codes[0]!, sources, when }];
      return [...sideItems(d.a, a, when), ...sideItems(d.b, b, when)];
    case 'common': {
      if (d.kind !== 'boundaries') return [];
      const code = d.a[0]!.codes[0]!;
      return intersectionOf(mergeSpans(d.a), mergeSpans(d.b)).map((x) => ({ ...x, code, sources, when }));
    }
    case 'edit': {
      const map = transcriptOffsets(transcript);
      const out: Item[] = [];
      for (const c of decision.edited ?? []) {
        const start = map.toUtf16(c.start);
        const end = map.toUtf16(c.end);
        if (start < 0 || end <= start) continue;
        const alsoFrom = sources.filter((s) => s.start < end && start < s.end);
        for (const code of c.codes) out.push({ start, end, code, sources: [], alsoFrom, when });
      }
      return out;
    }
    default:
      return [];
  }
}

/** A's segments of an agreed passage; B's segments there go with the A segments they overlap (else the first). */
function agreedItems(p: Agreed, a: Map<string, AnchoredSegment>, b: Map<string, AnchoredSegment>): Item[] {
  const ours = p.a.map((id) => a.get(id)).filter((s): s is AnchoredSegment => s !== undefined);
  const theirs = p.b.map((id) => b.get(id)).filter((s): s is AnchoredSegment => s !== undefined);
  const overlaps = (x: AnchoredSegment, y: AnchoredSegment) => x.start < y.end && y.start < x.end;
  return ours.map((s, i) => ({
    start: s.start,
    end: s.end,
    code: p.code,
    sources: [s],
    alsoFrom: theirs.filter((t) => overlaps(s, t) || (i === 0 && !ours.some((o) => overlaps(o, t)))),
  }));
}

function sameCodes(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((c) => y.includes(c));
}

interface Group {
  start: number;
  end: number;
  codes: string[];
  sources: AnchoredSegment[];
  alsoFrom: AnchoredSegment[];
  whens: string[];
}

/** Items on the same span, together. */
function groupBySpan(items: readonly Item[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const id = `${item.start}:${item.end}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { start: item.start, end: item.end, codes: [], sources: [], alsoFrom: [], whens: [] }));
    if (!g.codes.includes(item.code)) g.codes.push(item.code);
    for (const s of item.sources) if (!g.sources.includes(s)) g.sources.push(s);
    for (const s of item.alsoFrom ?? []) if (!g.alsoFrom.includes(s)) g.alsoFrom.push(s);
    if (item.when !== undefined) g.whens.push(item.when);
  }
  return [...groups.values()].sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The earlier rule: the memos and flag of the coders' segments on this very span only. */
function sameSpanNotes(g: Group, onSpan: readonly (AnchoredSegment | undefined)[]): SegmentNotes {
  const spanSources = onSpan.filter((s): s is AnchoredSegment => s !== undefined && g.sources.includes(s));
  const memos = spanSources.filter((s) => s.segment.memo).map((s) => ({ coder: s.coder, memo: s.segment.memo! }));
  const distinct = memos.filter((m, i) => memos.findIndex((x) => x.memo === m.memo) === i);
  const notes: SegmentNotes = { exemplary: spanSources.some((s) => s.segment.exemplary) };
  if (distinct.length === 1) notes.memo = distinct[0]!.memo;
  else if (distinct.length > 1) notes.memo = distinct.map((m) => `${m.coder} : ${m.memo}`).join(' | ');
  return notes;
}

interface Placed {
  a: readonly AnchoredSegment[];
  b: readonly AnchoredSegment[];
  coders: readonly string[];
  rule: 'every-source' | 'same-span';
  passage: 'same-passage' | 'none';
  /** Ids of the consensus written before, by `spanKey`. */
  previous: ReadonlyMap<string, string>;
}

/** A consensus segment's place and content, for finding its id in the file written before. */
function spanKey(participant: string, start: number, end: number, codes: readonly string[], text: string): string {
  return `${participant}\u0000${start}\u0000${end}\u0000${[...codes].sort().join('+')}\u0000${text}`;
}

/** The ids of the consensus written before, but not a coder's segment id (those stay with the coder's segment). */
function previousIds(previous: readonly Segment[], a: ConsensusSide, b: ConsensusSide): Map<string, string> {
  const coders = new Set([...a.placed.values(), ...b.placed.values()].flatMap((list) => list.map((s) => s.segment.id)));
  const out = new Map<string, string>();
  for (const s of previous) if (!coders.has(s.id)) out.set(spanKey(s.participant, s.start, s.end, s.codes, s.text), s.id);
  return out;
}

/**
 * Segments from items: one per span, codes in the order they came. `carried` receives every
 * coder's segment whose memo and mark a consensus segment took.
 */
function materialise(transcript: Transcript, items: Item[], placed: Placed, taken: Set<string>, carried: Set<AnchoredSegment>): Segment[] {
  const map = transcriptOffsets(transcript);
  const sameSpan = (list: readonly AnchoredSegment[], g: Span) => list.find((s) => s.start === g.start && s.end === g.end);
  const out: Segment[] = [];
  for (const g of groupBySpan(items)) {
    const fromA = sameSpan(placed.a, g);
    const fromB = sameSpan(placed.b, g);
    const base = fromA ?? fromB;
    const text = transcript.text.slice(g.start, g.end);
    const untouched = base !== undefined && sameCodes(base.segment.codes, g.codes) && !taken.has(base.segment.id) && base.text === text;
    // A coder's segment that goes in whole brings its own notes, as every source does.
    const everySource = [...(untouched && !g.sources.includes(base) ? [base] : []), ...g.sources, ...g.alsoFrom.filter((s) => !g.sources.includes(s))];
    for (const s of everySource) carried.add(s);
    const notes = placed.rule === 'same-span' ? sameSpanNotes(g, [fromA, fromB]) : notesOf(everySource, placed.coders);
    if (untouched) {
      // The coder's own segment, with the transcript's positions of today: untouched, or with
      // the memo or mark of the segments it stands for.
      taken.add(base.segment.id);
      const segment: Segment = { ...base.segment, start: map.toCodePoint(g.start), end: map.toCodePoint(g.end), text, codes: [...base.segment.codes], line: undefined };
      if (placed.rule === 'every-source') withNotes(segment, notes);
      out.push(segment);
      continue;
    }
    const codes = base ? [...base.segment.codes.filter((c) => g.codes.includes(c)), ...g.codes.filter((c) => !base.segment.codes.includes(c))] : g.codes;
    const [start, end] = [map.toCodePoint(g.start), map.toCodePoint(g.end)];
    const before = placed.previous.get(spanKey(transcript.id, start, end, codes, text));
    const id =
      base && !taken.has(base.segment.id) ? base.segment.id : before !== undefined && !taken.has(before) ? before : derivedSegmentId(`${transcript.id}:${start}:${end}`, taken);
    taken.add(id);
    const segment: Segment = { id, participant: transcript.id, start, end, text, codes };
    if (base && placed.passage === 'same-passage') withPassage(segment, base.segment);
    withNotes(segment, notes);
    const times = g.whens.length > 0 ? g.whens : g.sources.map((s) => s.segment.at).filter((t): t is string => t !== undefined);
    const at = times.sort().at(-1);
    if (at !== undefined) segment.at = at;
    out.push(segment);
  }
  return out;
}

/**
 * What says which passage a coder's segment is: the quote it belongs to, whether its place is
 * still to confirm, the text around it; and the keys a newer codage wrote on it (`otherKeys`),
 * which this one cannot tell apart and never drops.
 */
function withPassage(segment: Segment, from: Segment): void {
  if (from.quote !== undefined) segment.quote = from.quote;
  if (from.otherKeys !== undefined) segment.otherKeys = { ...from.otherKeys };
  if (from.ambiguous === true) segment.ambiguous = true;
  // A place to confirm again (confirmed once, the words around it changed since) stays one.
  if (from.ambiguous === true && from.confirmed === true) segment.confirmed = true;
  if (from.prefix !== undefined) segment.prefix = from.prefix;
  if (from.suffix !== undefined) segment.suffix = from.suffix;
}

/**
 * The places confirmed in the consensus (`codage confirm --coder consensus`): a segment the rebuild
 * marks `ambiguous` (from a coder's segment an import placed among several places) that the file
 * written before holds with the same id, place, codes and text but without the mark was checked
 * there; it stays confirmed, with the time of that confirmation. The `confirmed` mark the file
 * written before has on the same id and place stays too, also once the coder confirmed the place
 * in their own file (the rebuild then has no `ambiguous` mark to take off).
 *
 * The words around such a segment (`prefix`, `suffix`) that the file written before records are
 * kept when they are those the transcript has there today (`contextNow`): codage wrote them there
 * (`codage confirm`, `check --fix`), after a correction of the transcript next to it; other words
 * are not taken (a hand edit: the rebuild differs, and reconcile says so). A place confirmed in
 * that file that `check --fix` made to confirm again (ambiguous, still marked confirmed, with the
 * words now around it) stays so while the rebuild still has it ambiguous, with its time.
 */
function withConfirmations(segments: Segment[], previous: readonly Segment[], contextNow: (s: Segment) => { prefix: string; suffix: string } | null): void {
  const byId = new Map(previous.map((s) => [s.id, s]));
  for (const segment of segments) {
    const before = byId.get(segment.id);
    if (before === undefined) continue;
    const same = spanKey(before.participant, before.start, before.end, before.codes, before.text) === spanKey(segment.participant, segment.start, segment.end, segment.codes, segment.text);
    if (!same) continue;
    const now = before.prefix !== segment.prefix || before.suffix !== segment.suffix ? contextNow(segment) : null;
    const refreshed = now !== null && before.prefix === now.prefix && before.suffix === now.suffix;
    if (refreshed) {
      segment.prefix = now.prefix;
      segment.suffix = now.suffix;
    }
    if (before.ambiguous === true) {
      if (refreshed && before.confirmed === true && segment.ambiguous === true) {
        segment.confirmed = true;
        if (before.at !== undefined) segment.at = before.at;
        else delete segment.at;
      }
      continue;
    }
    if (before.confirmed === true) segment.confirmed = true;
    if (segment.ambiguous !== true) continue;
    delete segment.ambiguous;
    if (before.at !== undefined) segment.at = before.at;
    else delete segment.at;
  }
}

function withNotes(segment: Segment, notes: SegmentNotes): void {
  if (notes.memo !== undefined) segment.memo = notes.memo;
  else delete segment.memo;
  if (notes.exemplary) segment.exemplary = true;
  else delete segment.exemplary;
}

function joinMemos(a: ConsensusSide, b: ConsensusSide, participant: string): string | undefined {
  const ma = a.memos[participant];
  const mb = b.memos[participant];
  if (ma === undefined || ma === mb) return mb ?? ma;
  if (mb === undefined) return ma;
  return `${a.coder} : ${ma}\n${b.coder} : ${mb}`;
}

export function buildConsensus(input: ConsensusInput): ConsensusResult {
  const { a, b, decisions } = input;
  const taken = new Set<string>();
  const segments: Segment[] = [];
  const memos: Record<string, string> = {};
  const keys = new Set<string>();
  let agreed = 0;
  let decided = 0;
  let pending = 0;
  const rule = input.notes ?? 'every-source';
  const passage = input.passage ?? 'same-passage';
  const coders = [a.coder, b.coder];
  const notesLeftOut: AnchoredSegment[] = [];
  const previous = previousIds(input.previous ?? [], a, b);
  const transcripts = [...input.compared.map((c) => ({ ...c, from: null })), ...input.copied.map((c) => ({ ...c, alignment: null }))].sort(
    (x, y) => compareNatural(x.transcript.id, y.transcript.id),
  );
  for (const entry of transcripts) {
    const t = entry.transcript;
    const aPlaced = a.placed.get(t.id) ?? [];
    const bPlaced = b.placed.get(t.id) ?? [];
    if (entry.alignment === null) {
      const side = entry.from === 'a' ? a : b;
      const list = entry.from === 'a' ? aPlaced : bPlaced;
      const items = list.flatMap((s) => s.segment.codes.map((code) => ({ start: s.start, end: s.end, code, sources: [s] })));
      const placed = { a: entry.from === 'a' ? list : [], b: entry.from === 'b' ? list : [], coders, rule, passage, previous };
      segments.push(...materialise(t, items, placed, taken, new Set()));
      const memo = side.memos[t.id];
      if (memo !== undefined) memos[t.id] = memo;
      continue;
    }
    const aById = byId(aPlaced);
    const bById = byId(bPlaced);
    const items: Item[] = [];
    const waiting = new Set<AnchoredSegment | undefined>();
    for (const p of entry.alignment.agreed) {
      agreed++;
      items.push(...agreedItems(p, aById, bById));
    }
    for (const d of entry.alignment.disagreements) {
      keys.add(d.key);
      const decision = decisions.get(d.key);
      if (!isDecided(decision)) {
        pending++;
        for (const item of d.a) for (const id of item.segments) waiting.add(aById.get(id));
        for (const item of d.b) for (const id of item.segments) waiting.add(bById.get(id));
        continue;
      }
      decided++;
      items.push(...decidedItems(d, decision, aById, bById, t));
    }
    const carried = new Set<AnchoredSegment>();
    segments.push(...materialise(t, items, { a: aPlaced, b: bPlaced, coders, rule, passage, previous }, taken, carried));
    const leftOut = [...aPlaced, ...bPlaced].filter((s) => hasNotes(s) && !carried.has(s) && !waiting.has(s));
    notesLeftOut.push(...leftOut.sort((x, y) => x.start - y.start));
    const memo = joinMemos(a, b, t.id);
    if (memo !== undefined) memos[t.id] = memo;
  }
  const stale = [...decisions.values()].filter((d) => !keys.has(d.key));
  const byParticipant = new Map([...input.compared, ...input.copied].map((c) => [c.transcript.id, c.transcript]));
  withConfirmations(segments, input.previous ?? [], (s) => {
    const transcript = byParticipant.get(s.participant);
    return transcript === undefined ? null : contextAtPlace(transcript, s);
  });
  return { coderFile: { coder: input.into, memos, segments }, agreed, decided, pending, stale, notesLeftOut };
}
