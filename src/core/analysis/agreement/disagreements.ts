/**
 * Where two coders differ in one transcript, as the researchers discuss it in their "mise en
 * commun" — and, for everything else, where they agree.
 *
 * Code by code, each coder's segments make a coverage (the union of the segments with that code).
 * Overlapping pieces of the two coverages form a passage; in a passage:
 * - both coverages equal, or different by at most `tolerance` words: agreed;
 * - both coders used the code but with boundaries further apart: a `boundaries` disagreement;
 * - only one coder used the code: a one-sided item.
 * One-sided items of the two coders that overlap are then joined into a `different-codes`
 * disagreement (A says « Impuissance » where B says « Épuisement »); the others stay `one-sided`.
 * Items of one coder with the same span (a segment with two codes) go together.
 *
 * Offsets are UTF-16 indices into the transcript text; keys use code points, as coder files do,
 * so that a decision recorded for a disagreement finds it again in a later session. A key ends
 * with a fingerprint of what does not move when text is added elsewhere in the transcript (the
 * coders' segment ids and the passage's text): the consensus finds a decision again from it after
 * a correction of the transcript moved the passage (`core/consensus/place.ts`).
 */
import { ShortHasher } from '../../text/hash.js';
import type { OffsetMap } from '../../text/offsets.js';
import { wordSpans } from '../../transcript/words.js';
import type { Span } from '../../types.js';

/** A coder's segment as compared: where it is, its codes, its id. */
export interface ComparedSegment {
  id: string;
  start: number;
  end: number;
  codes: readonly string[];
}

/** One side of a disagreement: codes applied to a span, by the segments listed. */
export interface SideItem {
  start: number;
  end: number;
  codes: string[];
  /** Ids of the coder's segments that make this item. */
  segments: string[];
}

export type DisagreementKind = 'one-sided' | 'different-codes' | 'boundaries';

export interface Disagreement {
  /**
   * Identity: participant, kind, both sides in code points, then the fingerprint
   * (`P1|boundaries|120-340:impuissance|120-298:impuissance|k3j2h1ab9z0q`).
   */
  key: string;
  participant: string;
  kind: DisagreementKind;
  /** The whole passage concerned (union of both sides). */
  start: number;
  end: number;
  /** Coder A's side (empty when A did not code here). */
  a: SideItem[];
  b: SideItem[];
  /** Words inside one side's coverage but not the other's (boundaries only). */
  wordsApart?: number;
}

/** A passage where both coders applied a code alike (within the tolerance). */
export interface Agreed {
  code: string;
  start: number;
  end: number;
  /** The coders' segments with this code in the passage. */
  a: string[];
  b: string[];
  /** False when the boundaries differ, by no more than the tolerance. */
  exact: boolean;
  wordsApart: number;
}

export interface Alignment {
  agreed: Agreed[];
  disagreements: Disagreement[];
}

interface Piece extends Span {
  segments: string[];
}

function inOrder(list: readonly Span[]): boolean {
  for (let k = 1; k < list.length; k++) {
    const x = list[k - 1]!;
    const y = list[k]!;
    if (x.start > y.start || (x.start === y.start && x.end > y.end)) return false;
  }
  return true;
}

/** Per code, the coverage of a coder's segments: joined where they overlap or touch. */
function coverageByCode(segments: readonly ComparedSegment[]): Map<string, Piece[]> {
  const byCode = new Map<string, ComparedSegment[]>();
  for (let n = 0; n < segments.length; n++) {
    const s = segments[n]!;
    if (s.end <= s.start) continue;
    for (let c = 0; c < s.codes.length; c++) {
      const code = s.codes[c]!;
      if (c > 0 && s.codes.indexOf(code) < c) continue; // a code written twice counts once
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push(s);
    }
  }
  const out = new Map<string, Piece[]>();
  for (const [code, list] of byCode) {
    // Coder files usually keep a transcript's segments in order: sorted only when they are not.
    if (!inOrder(list)) list.sort((x, y) => x.start - y.start || x.end - y.end);
    const pieces: Piece[] = [];
    for (const s of list) {
      const last = pieces[pieces.length - 1];
      if (last !== undefined && s.start <= last.end) {
        if (s.end > last.end) last.end = s.end;
        last.segments.push(s.id);
      } else pieces.push({ start: s.start, end: s.end, segments: [s.id] });
    }
    out.set(code, pieces);
  }
  return out;
}

/** Words in the parts of `[start, end)` covered by one list of pieces and not the other. */
function wordsApart(text: string, a: readonly Span[], b: readonly Span[], start: number, end: number): number {
  const cuts = new Set<number>([start, end]);
  for (const s of [...a, ...b]) cuts.add(s.start).add(s.end);
  const points = [...cuts].filter((p) => p >= start && p <= end).sort((x, y) => x - y);
  const inside = (list: readonly Span[], at: number) => list.some((s) => s.start <= at && at < s.end);
  let words = 0;
  let from = -1;
  const flush = (to: number) => {
    if (from >= 0 && to > from) words += wordSpans(text, from, to).length;
    from = -1;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const differs = inside(a, p) !== inside(b, p);
    if (differs && from < 0) from = p;
    if (!differs) flush(p);
  }
  flush(end);
  return words;
}

/** The segment ids of a passage's pieces, in order (the pieces are the alignment's own: not copied when one). */
function segmentsOf(pieces: readonly Piece[]): string[] {
  if (pieces.length === 1) return pieces[0]!.segments;
  const out: string[] = [];
  for (const p of pieces) for (const id of p.segments) out.push(id);
  return out;
}

function sameCoverage(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);
}

function itemKey(items: readonly SideItem[], offsets: OffsetMap): string {
  return items.map((i) => `${offsets.toCodePoint(i.start)}-${offsets.toCodePoint(i.end)}:${i.codes.join('+')}`).join(',');
}

/** Adds the ids of the coders' segments on one side of a passage, as `a+b,c` (pieces joined by `,`, ids by `+`). */
function addIds(hasher: ShortHasher, items: readonly SideItem[]): void {
  for (let i = 0; i < items.length; i++) {
    if (i > 0) hasher.add(',');
    const ids = items[i]!.segments;
    for (let k = 0; k < ids.length; k++) {
      if (k > 0) hasher.add('+');
      hasher.add(ids[k]!);
    }
  }
}

/** The fingerprint of the passage `text[from, to)`: see `passageFingerprint`. */
function fingerprintOf(a: readonly SideItem[], b: readonly SideItem[], text: string, from: number, to: number): string {
  const hasher = new ShortHasher();
  addIds(hasher, a);
  hasher.add('\u0000');
  addIds(hasher, b);
  hasher.add('\u0000');
  // Clamped as `text.slice(from, to)` would be.
  return hasher.add(text, Math.max(0, from), Math.min(text.length, to)).digest(12);
}

/**
 * The fingerprint of a passage: the ids of the coders' segments on each side and the text of the
 * passage. Neither changes when text is added or removed elsewhere in the transcript.
 */
export function passageFingerprint(a: readonly SideItem[], b: readonly SideItem[], passage: string): string {
  return fingerprintOf(a, b, passage, 0, passage.length);
}

export function disagreementKey(participant: string, kind: DisagreementKind, a: readonly SideItem[], b: readonly SideItem[], offsets: OffsetMap, text: string): string {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < a.length + b.length; k++) {
    const item = k < a.length ? a[k]! : b[k - a.length]!;
    if (item.start < start) start = item.start;
    if (item.end > end) end = item.end;
  }
  return `${participant}|${kind}|${itemKey(a, offsets)}|${itemKey(b, offsets)}|${fingerprintOf(a, b, text, start, end)}`;
}

/**
 * The disagreement with its `key`, worked out when first read: the fingerprint hashes the
 * passage's text, and most commands (compare's counts, agreement in the exports) never read it.
 */
function withKey(d: Omit<Disagreement, 'key'>, offsets: OffsetMap, text: string): Disagreement {
  let key: string | undefined;
  return Object.defineProperty(d, 'key', {
    get: () => (key ??= disagreementKey(d.participant, d.kind, d.a, d.b, offsets, text)),
    enumerable: true,
    configurable: true,
  }) as Disagreement;
}

/**
 * Compares two coders' segments in one transcript. `tolerance`: the number of words by which
 * the boundaries of one code may differ and still count as agreement.
 */
export function alignCodings(input: {
  participant: string;
  text: string;
  offsets: OffsetMap;
  a: readonly ComparedSegment[];
  b: readonly ComparedSegment[];
  tolerance: number;
}): Alignment {
  const { text, participant, offsets } = input;
  const coverA = coverageByCode(input.a);
  const coverB = coverageByCode(input.b);
  const codes = [...new Set([...coverA.keys(), ...coverB.keys()])];
  const agreed: Agreed[] = [];
  const disagreements: Disagreement[] = [];
  // One-sided items: same side and span together (a segment with two codes), to be joined with
  // the other coder's overlapping items below. Keyed by side and span as one number, exact while
  // offsets stay below 2^26 (a text beyond that, 67 million characters, takes a string key).
  const groups = new Map<number | string, SideItem & { side: 'a' | 'b' }>();
  const wide = text.length >= 2 ** 26;
  const oneSided = (side: 'a' | 'b', code: string, piece: Piece) => {
    const id = wide ? `${side}:${piece.start}:${piece.end}` : (piece.start * 2 ** 26 + piece.end) * 2 + (side === 'a' ? 0 : 1);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { side, start: piece.start, end: piece.end, codes: [], segments: [] }));
    g.codes.push(code);
    for (const s of piece.segments) if (!g.segments.includes(s)) g.segments.push(s);
  };

  const NONE: Piece[] = [];
  for (const code of codes) {
    // Passages: chains of overlapping pieces of either coder. Each coder's pieces are sorted and
    // disjoint, so the two lists are walked together, without sorting; a passage is a run of
    // each list, pa[fromI, i) and pb[fromJ, j).
    const pa = coverA.get(code) ?? NONE;
    const pb = coverB.get(code) ?? NONE;
    let i = 0;
    let j = 0;
    while (i < pa.length || j < pb.length) {
      const fromI = i;
      const fromJ = j;
      const first = j >= pb.length || (i < pa.length && pa[i]!.start <= pb[j]!.start) ? pa[i++]! : pb[j++]!;
      const start = first.start;
      let end = first.end;
      for (;;) {
        if (i < pa.length && pa[i]!.start < end) {
          if (pa[i]!.end > end) end = pa[i]!.end;
          i++;
        } else if (j < pb.length && pb[j]!.start < end) {
          if (pb[j]!.end > end) end = pb[j]!.end;
          j++;
        } else break;
      }
      if (i === fromI || j === fromJ) {
        for (let k = fromI; k < i; k++) oneSided('a', code, pa[k]!);
        for (let k = fromJ; k < j; k++) oneSided('b', code, pb[k]!);
        continue;
      }
      const ga = pa.slice(fromI, i);
      const gb = pb.slice(fromJ, j);
      const exact = sameCoverage(ga, gb);
      const words = exact ? 0 : wordsApart(text, ga, gb, start, end);
      if (words <= input.tolerance) {
        agreed.push({ code, start, end, a: segmentsOf(ga), b: segmentsOf(gb), exact, wordsApart: words });
      } else {
        const a = ga.map((p) => ({ start: p.start, end: p.end, codes: [code], segments: [...p.segments] }));
        const b = gb.map((p) => ({ start: p.start, end: p.end, codes: [code], segments: [...p.segments] }));
        disagreements.push(withKey({ participant, kind: 'boundaries', start, end, a, b, wordsApart: words }, offsets, text));
      }
    }
  }

  // Overlapping one-sided items of A and B joined.
  const items = [...groups.values()].sort((x, y) => x.start - y.start || x.end - y.end || (x.side < y.side ? -1 : 1));
  for (const item of items) item.codes.sort();
  // Union-find over items, linking A and B items that overlap.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j]!.start < items[i]!.end; j++) {
      if (items[i]!.side !== items[j]!.side) parent[find(j)] = find(i);
    }
  }
  const components = new Map<number, (SideItem & { side: 'a' | 'b' })[]>();
  items.forEach((item, i) => {
    const root = find(i);
    let list = components.get(root);
    if (!list) components.set(root, (list = []));
    list.push(item);
  });
  for (const list of components.values()) {
    const a: SideItem[] = [];
    const b: SideItem[] = [];
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const x of list) {
      (x.side === 'a' ? a : b).push({ start: x.start, end: x.end, codes: x.codes, segments: x.segments });
      if (x.start < start) start = x.start;
      if (x.end > end) end = x.end;
    }
    const kind: DisagreementKind = a.length > 0 && b.length > 0 ? 'different-codes' : 'one-sided';
    disagreements.push(withKey({ participant, kind, start, end, a, b }, offsets, text));
  }
  disagreements.sort((x, y) => x.start - y.start || x.end - y.end || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  agreed.sort((x, y) => x.start - y.start || x.end - y.end || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return { agreed, disagreements };
}
