/**
 * Aligning a quote with its transcript word by word, the way text-reuse tools find borrowed
 * passages: seeds (word n-grams the quote shares with the transcript, each long enough to be
 * rare there) are grouped by diagonal into candidate regions; each region is aligned locally
 * (Smith–Waterman on words: a word matches, nearly matches — one letter off —, is left out or
 * added); the best block becomes a piece of the quote, its words are taken, and the search
 * goes on with the rest of the quote. One quote can so become several passages, in any order.
 *
 * A block never leaves one speaker turn, nor goes over a cut the author marked (`...`, `[…]`,
 * two glued passages): each side is aligned on its own; and where one of the quote's sentences
 * ends and the transcript says more before the next, the block is split there. A block is accepted only when it is similar
 * enough (the `minScore` of the import) and says enough (three words, or the whole quote):
 * a quote is better left for review than placed at the wrong place. Blocks that align about as
 * well elsewhere are returned as alternatives, for the caller to choose by context.
 */
import type { QuoteWord } from './quote-words.js';
import { elisionDistance, isElidable, isNumber, nearWords, numberEquivalents } from './word-similarity.js';
import type { TranscriptSearch, TranscriptWords } from './transcript-search.js';

const MATCH = 4;
/**
 * A word the author may have added (a restored `ne`, `euh`) said here too: it says little about
 * where the quote is, and must not draw it to a place that happens to say it (`ce n'est pas` of
 * another sentence, for a `Ce n'est pas agréable` said `C'est pas agréable`).
 */
const OPTIONAL_MATCH = 1;
/** A word the quote writes whole and the transcript elided, or the other way (`ce`, the `c` of `c'est`). */
const ELIDED = 3;
const NEAR = 2;
const MISMATCH = -4;
const GAP = -3;
const SOFT_GAP = -1;
/** Below this, a local alignment is not even a candidate (a word matched and one nearly). */
const MIN_BLOCK_SCORE = 6;
/** Alternatives scoring within this of the best are "as good". */
const AMBIGUITY_MARGIN = 3;
/** An n-gram found more often than this is not a seed: it is extended by a word. */
const MAX_SEED_HITS = 24;
/** A word found at most this often is a seed alone. */
const RARE = 3;
/** How many times a window is searched again on either side of its best alignment. */
const MAX_DEPTH = 1;
/** Words around a region's seeds that the alignment may reach. */
const PAD = 16;
/** Seeds further apart (in transcript words) or off the diagonal by more start a new region. */
const MAX_SEED_GAP = 40;
const BAND = 12;
/** A block saying fewer words than this is not placed, unless it is the whole quote or continues a placed piece. */
const MIN_PIECE_WORDS = 3;
/**
 * What a block's matched words must say, in bits (the sum of −log2 of each word's share of the
 * transcript), for a quote of three words (two bits more for each doubling of the quote's
 * length): `et c'est` (three frequent words, ~15 bits) is found anywhere, `plus de 3 mois`
 * (~30 bits) is not.
 */
const MIN_EVIDENCE = 20;
/** How far (in transcript words) a short block may be from the piece it continues. */
const NEIGHBOUR_DISTANCE = 12;
/**
 * When less than this share of a quote is placed, what was placed may be chance: only pieces
 * saying a lot (`STRONG_WORDS` words and `STRONG_EVIDENCE` bits) are kept.
 */
const WEAK_COVERAGE = 0.5;
const STRONG_WORDS = 5;
const STRONG_EVIDENCE = 30;

const OP_MATCH = 0;
const OP_NEAR = 1;
const OP_MISMATCH = 2;
const OP_GAP_QUOTE = 3;
const OP_GAP_TEXT = 4;

/** One step of an alignment: which quote word and transcript word, how, and what it costs in characters. */
interface Op {
  kind: number;
  q: number;
  t: number;
  errors: number;
}

/** An aligned passage: quote words [qFrom, qTo) with transcript words [tFrom, tTo). */
export interface Block {
  qFrom: number;
  qTo: number;
  tFrom: number;
  tTo: number;
  /** Smith–Waterman score. */
  score: number;
  /** Quote words matched exactly or nearly. */
  matched: number;
  /** 1 − character edits / characters of the quote's words. */
  similarity: number;
  /** Character edits, and characters of the quote's words (optional words left out). */
  errors: number;
  chars: number;
  stretch: number;
  ops: Op[];
}

export interface AlignedPiece {
  block: Block;
  /** Other places aligning about as well with the same words of the quote. */
  alternatives: Block[];
}

export interface Alignment {
  pieces: AlignedPiece[];
  /** Blocks in another speaker's turn (the interviewer's): never placed, their words reported. */
  otherSpeaker: Block[];
  /** Quote words taken by a piece (or by another speaker's block). */
  covered: Uint8Array;
  /** The best block that was not good enough, to say how close the quote came. */
  bestRejected: Block | null;
}

interface Seed {
  q: number;
  t: number;
  n: number;
}

interface Region {
  seeds: Seed[];
  /** Blocks computed for the current coverage (undefined: to compute). */
  blocks?: Block[];
  qMin: number;
  qMax: number;
}

export class QuoteAligner {
  private readonly words: TranscriptWords;
  private readonly near: Map<number, number | null>[];
  private readonly quoteLength: Int32Array;
  private readonly quoteNumber: Uint8Array;
  /** 1 for a word that may be written whole or elided (`ce`, `c`): near its other form, short as both are. */
  private readonly quoteElidable: Uint8Array;
  private readonly covered: Uint8Array;
  private h = new Int32Array(0);
  /** Diagonals (transcript word − quote word) the alignment may use: the seeds', give or take `PAD`. */
  private band: [number, number] = [-Infinity, Infinity];
  private dir = new Uint8Array(0);

  private readonly acrossTurns: boolean;

  /** The quote as written (its words' offsets point into it). */
  private readonly quoteText: string;

  /** `acrossTurns`: a block may run over speaker turns and labels (finding a coded segment again). */
  constructor(
    private readonly search: TranscriptSearch,
    private readonly quote: readonly QuoteWord[],
    private readonly minScore: number,
    options: { acrossTurns?: boolean; quoteText?: string } = {},
  ) {
    this.acrossTurns = options.acrossTurns === true;
    this.quoteText = options.quoteText ?? '';
    this.words = search.words;
    this.near = quote.map(() => new Map());
    this.quoteLength = Int32Array.from(quote, (w) => w.text.length);
    this.quoteNumber = Uint8Array.from(quote, (w) => (isNumber(w.text) ? 1 : 0));
    this.quoteElidable = Uint8Array.from(quote, (w) => (isElidable(w.text) ? 1 : 0));
    this.covered = new Uint8Array(quote.length);
  }

  align(): Alignment {
    const regions = this.regions();
    const pieces: AlignedPiece[] = [];
    const otherSpeaker: Block[] = [];
    let bestRejected: Block | null = null;
    for (;;) {
      const all: { block: Block; region: Region }[] = [];
      for (const region of regions) {
        region.blocks ??= this.alignRegion(region);
        for (const block of region.blocks) all.push({ block, region });
      }
      // Best score first; on a tie, the place next to the quote's passages already placed, not on
      // one (words the participant echoes from the question are the question's when the quote
      // goes on with the answer), then the participant's own words before the interviewer's.
      const own = (b: Block) => (this.acrossTurns || this.search.stretches[b.stretch]?.own !== false ? 0 : 1);
      // Words between a block and the nearest passage placed; a block on a placed passage last.
      const apart = (b: Block) => {
        let gap = Infinity;
        for (const p of pieces) {
          if (b.tFrom < p.block.tTo && p.block.tFrom < b.tTo) return Number.MAX_SAFE_INTEGER;
          gap = Math.min(gap, Math.max(p.block.tFrom - b.tTo, b.tFrom - p.block.tTo));
        }
        return gap;
      };
      all.sort(
        (a, b) =>
          b.block.score - a.block.score ||
          (pieces.length === 0 ? 0 : apart(a.block) - apart(b.block)) ||
          own(a.block) - own(b.block) ||
          b.block.similarity - a.block.similarity ||
          a.block.tFrom - b.block.tFrom,
      );
      const first = all[0];
      if (first === undefined) break;
      const { block: best, region } = first;
      if (!this.acceptable(best, pieces)) {
        // Not placed as it is; its best parts may be (an edit too many at one end, two passages bridged).
        region.blocks = region.blocks!.filter((b) => b !== best);
        if (!this.similarEnough(best)) region.blocks.push(...this.refine(best));
        if (bestRejected === null || best.similarity > bestRejected.similarity) bestRejected = best;
        continue;
      }
      const stretch = this.acrossTurns ? undefined : this.search.stretches[best.stretch];
      if (stretch !== undefined && !stretch.own) {
        otherSpeaker.push(best);
        this.cover(best.qFrom, best.qTo, regions);
        continue;
      }
      const alternatives = this.alternativesOf(best, all.map((a) => a.block), pieces);
      if (alternatives.length > 0) {
        pieces.push({ block: best, alternatives });
        this.cover(best.qFrom, best.qTo, regions);
        continue;
      }
      // Split where a sentence of the quote ends and the transcript says more; a part too small
      // to be trusted on its own gives its words back to the rest of the quote.
      const parts = this.splitAtSentences(this.withoutDanglingEnds(best));
      // (On their own: the transcript says more between them, so one does not vouch for the other.)
      const kept = parts.length === 1 ? parts : parts.filter((part) => this.acceptable(part, pieces));
      for (const part of kept) {
        pieces.push({ block: part, alternatives: [] });
        this.cover(part.qFrom, part.qTo, regions);
      }
      if (kept.length === 0) region.blocks = region.blocks!.filter((b) => b !== best);
    }
    const final = this.joinAdjacent(this.shiftBoundaries(this.withoutChance(pieces)));
    this.covered.fill(0);
    for (const b of [...final.map((p) => p.block), ...otherSpeaker]) this.covered.fill(1, b.qFrom, b.qTo);
    return { pieces: final, otherSpeaker, covered: this.covered, bestRejected };
  }

  // -------------------------------------------------------------------------------------------
  // Where two passages of a quote meet

  /** Whether the transcript puts punctuation between its words `t1` and `t2` (t1 < t2). */
  private punctuatedInText(t1: number, t2: number): boolean {
    return /[.,;:!?…]/.test(this.words.text.slice(this.words.end[t1]!, this.words.start[t2]!));
  }

  /** Whether a passage starting at transcript word `t` starts at punctuation (or a turn's start). */
  private edgeBefore(t: number): boolean {
    return t === 0 || this.words.stretch[t - 1] !== this.words.stretch[t] || this.punctuatedInText(t - 1, t);
  }

  /** Whether a passage ending at transcript word `t` ends at punctuation (or a turn's end). */
  private edgeAfter(t: number): boolean {
    return t + 1 >= this.words.count || this.words.stretch[t + 1] !== this.words.stretch[t] || this.punctuatedInText(t, t + 1);
  }

  /** Whether the quote puts punctuation (or a cut) before its word `q`. */
  private punctuatedInQuote(q: number): boolean {
    const w = this.quote[q];
    return w !== undefined && (w.sentenceBefore || w.cutBefore || w.punctuatedBefore);
  }

  /** The non-optional quote words in [from, to). */
  private wordsBetween(from: number, to: number): number[] {
    const out: number[] = [];
    for (let q = from; q < to; q++) if (!this.quote[q]!.optional) out.push(q);
    return out;
  }

  /**
   * Where the transcript says the words `ids` (hesitations skipped) just before `t`
   * (direction -1) or from `t` on (direction 1), in the same turn; null when it does not.
   */
  private saidNextTo(t: number, ids: readonly number[], direction: -1 | 1, stretch: number): number[] | null {
    const at: number[] = [];
    let k = direction === -1 ? t - 1 : t;
    while (at.length < ids.length) {
      if (k < 0 || k >= this.words.count || (!this.acrossTurns && this.words.stretch[k] !== stretch)) return null;
      const want = ids[direction === -1 ? ids.length - 1 - at.length : at.length];
      if (this.words.ids[k] === want) at.push(k);
      else if (this.words.skippable[k] === 0) return null;
      k += direction;
    }
    return direction === -1 ? at.reverse() : at;
  }

  /**
   * Two passages of the quote meet, and the words at the junction are said at both places
   * (`…ou aux urgences, et` there, `Et ils arrivent` here): they go to the place that agrees
   * best with the quote around them — punctuation before and after them, a capital — and, when
   * both agree as well, to the passage whose side of the quote's sentence they are on (words
   * starting a sentence of the quote begin the next passage).
   */
  private shiftBoundaries(pieces: AlignedPiece[]): AlignedPiece[] {
    const out = [...pieces].sort((x, y) => x.block.qFrom - y.block.qFrom);
    for (let k = 1; k < out.length; k++) {
      const a = out[k - 1]!;
      const b = out[k]!;
      // Passages the author cut apart keep the words on their side of the cut.
      if (a.alternatives.length > 0 || b.alternatives.length > 0 || a.block.qTo > b.block.qFrom) continue;
      let cut = false;
      for (let q = a.block.qTo; q <= b.block.qFrom; q++) if (this.quote[q]!.cutBefore) cut = true;
      if (cut) continue;
      const moved = this.moveTail(a.block, b.block) ?? this.moveHead(a.block, b.block);
      if (moved !== null) {
        out[k - 1] = { block: moved[0], alternatives: [] };
        out[k] = { block: moved[1], alternatives: [] };
      }
    }
    return out;
  }

  private matchedOps(block: Block): Op[] {
    return block.ops.filter((op) => op.kind === OP_MATCH || op.kind === OP_NEAR);
  }

  /**
   * How well the transcript's words [tFirst, tLast] agree with the quote's words [qFirst, qLast]
   * at their edges: punctuation before, punctuation after, a capital (0–3).
   */
  private agreement(qFirst: number, qLast: number, tFirst: number, tLast: number): number {
    const textBefore = tFirst === 0 || this.punctuatedInText(tFirst - 1, tFirst);
    const textAfter = tLast + 1 >= this.words.count || this.punctuatedInText(tLast, tLast + 1);
    const quoteAfter = qLast + 1 >= this.quote.length || this.punctuatedInQuote(qLast + 1);
    const capital = (s: string, at: number) => /^\p{Lu}/u.test(s.slice(at, at + 2));
    return (
      (this.punctuatedInQuote(qFirst) === textBefore ? 1 : 0) +
      (quoteAfter === textAfter ? 1 : 0) +
      (capital(this.quoteText, this.quote[qFirst]!.start) === capital(this.words.text, this.words.start[tFirst]!) ? 1 : 0)
    );
  }

  /**
   * `a`'s last words (and the quote's words left between `a` and `b`) moved to the start of `b`,
   * when `b`'s place agrees better with the quote there.
   */
  private moveTail(a: Block, b: Block): [Block, Block] | null {
    const matched = this.matchedOps(a);
    const between = this.wordsBetween(a.qTo, b.qFrom);
    for (let n = Math.min(8, matched.length - 1); n >= 1; n--) {
      const tail = matched.slice(matched.length - n);
      const first = tail[0]!;
      const last = tail[n - 1]!;
      const kept = matched[matched.length - n - 1]!;
      // Every word of the quote from there on, or — a word the author added — only those `a` matched.
      let moved = this.wordsBetween(first.q, b.qFrom);
      let at = this.saidNextTo(b.tFrom, moved.map((q) => this.quote[q]!.id), -1, b.stretch);
      if (at === null) {
        moved = [...tail.map((op) => op.q), ...between];
        at = this.saidNextTo(b.tFrom, moved.map((q) => this.quote[q]!.id), -1, b.stretch);
      }
      if (at === null) continue;
      const here = this.agreement(first.q, b.qFrom - 1, first.t, last.t);
      const there = this.agreement(first.q, b.qFrom - 1, at[0]!, at[at.length - 1]!);
      // On a tie: the quote starts a sentence with them, or the transcript's punctuation makes
      // better passage ends after the move (`thérapeutique,` | `pour un sevrage`).
      const natural = (this.punctuatedInText(kept.t, first.t) ? 1 : 0) + (this.edgeBefore(at[0]!) ? 1 : 0);
      const unnatural = (this.edgeAfter(last.t) ? 1 : 0) + (this.edgeBefore(b.tFrom) ? 1 : 0);
      if (there < here || (there === here && !this.quote[first.q]!.sentenceBefore && natural <= unnatural)) continue;
      const left = this.blockOf(a.ops.filter((op) => op.q < first.q && op.t <= kept.t), a.stretch, a.score);
      const right = this.blockOf([...this.movedOps(first.q, b.qFrom, moved, at), ...b.ops], b.stretch, b.score);
      if (left !== null && right !== null) return [left, right];
    }
    return null;
  }

  /**
   * `b`'s first words (and the quote's words left between `a` and `b`) moved to the end of `a`,
   * when `a`'s place agrees better with the quote there.
   */
  private moveHead(a: Block, b: Block): [Block, Block] | null {
    const matched = this.matchedOps(b);
    const aLast = this.matchedOps(a).at(-1);
    if (aLast === undefined) return null;
    const between = this.wordsBetween(a.qTo, b.qFrom);
    for (let n = Math.min(8, matched.length - 1); n >= 1; n--) {
      const first = matched[0]!;
      const last = matched[n - 1]!;
      const next = matched[n]!;
      const moved = [...between, ...matched.slice(0, n).map((op) => op.q)];
      const at = this.saidNextTo(a.tTo, moved.map((q) => this.quote[q]!.id), 1, a.stretch);
      if (at === null) continue;
      const here = this.agreement(a.qTo, last.q, first.t, last.t);
      const there = this.agreement(a.qTo, last.q, at[0]!, at[at.length - 1]!);
      const endsSentence = this.quote[next.q]!.sentenceBefore && !this.quote[a.qTo]!.sentenceBefore;
      const natural = (this.punctuatedInText(last.t, next.t) ? 1 : 0) + (this.edgeAfter(at[at.length - 1]!) ? 1 : 0);
      const unnatural = (this.edgeBefore(first.t) ? 1 : 0) + (this.edgeAfter(aLast.t) ? 1 : 0);
      if (there < here || (there === here && !endsSentence && natural <= unnatural)) continue;
      const left = this.blockOf([...a.ops, ...this.movedOps(a.qTo, last.q + 1, moved, at)], a.stretch, a.score);
      const right = this.blockOf(b.ops.filter((op) => op.q > last.q && op.t >= next.t), b.stretch, b.score);
      if (left !== null && right !== null) return [left, right];
    }
    return null;
  }

  /** Operations for the quote words [from, to) moved to the transcript words `at` (the words `moved`, in order; optional ones in between left out). */
  private movedOps(from: number, to: number, moved: readonly number[], at: readonly number[]): Op[] {
    const ops: Op[] = [];
    let k = 0;
    for (let q = from; q < to; q++) {
      if (moved[k] === q) ops.push({ kind: OP_MATCH, q, t: at[k++]!, errors: 0 });
      else {
        const w = this.quote[q]!;
        ops.push({ kind: OP_GAP_QUOTE, q, t: at[Math.max(0, k - 1)]!, errors: w.optional ? 0 : w.text.length + 1 });
      }
    }
    return ops;
  }

  /**
   * Pieces that follow each other both in the quote and in the transcript are one passage: two
   * sentences said one after the other, or an author's `...` where the speaker paused. Between
   * them the transcript may say nothing but hesitations, or exactly the quote's words there
   * (`Vraiment.` between two sentences).
   */
  private joinAdjacent(pieces: readonly AlignedPiece[]): AlignedPiece[] {
    const sorted = [...pieces].sort((x, y) => x.block.qFrom - y.block.qFrom);
    const out: AlignedPiece[] = [];
    for (const piece of sorted) {
      const last = out[out.length - 1];
      if (last !== undefined && last.alternatives.length === 0 && piece.alternatives.length === 0) {
        const a = last.block;
        const b = piece.block;
        let joined = a.stretch === b.stretch && b.tFrom >= a.tTo && b.qFrom >= a.qTo;
        if (joined) {
          const quoted = this.quote.slice(a.qTo, b.qFrom).filter((w) => !w.optional).map((w) => w.id);
          const said: number[] = [];
          for (let t = a.tTo; t < b.tFrom; t++) if (this.words.skippable[t] === 0) said.push(this.words.ids[t]!);
          joined = said.length === 0 || (said.length === quoted.length && said.every((id, k) => id === quoted[k]));
        }
        if (joined) {
          const similarity = (a.similarity * a.chars + b.similarity * b.chars) / Math.max(1, a.chars + b.chars);
          out[out.length - 1] = {
            block: { ...a, qTo: b.qTo, tTo: b.tTo, score: a.score + b.score, matched: a.matched + b.matched, similarity, errors: a.errors + b.errors, chars: a.chars + b.chars, ops: [...a.ops, ...b.ops] },
            alternatives: [],
          };
          continue;
        }
      }
      out.push(piece);
    }
    return out;
  }

  /** The pieces, without weak ones when most of the quote was not found (see `WEAK_COVERAGE`). */
  private withoutChance(pieces: AlignedPiece[]): AlignedPiece[] {
    let words = 0;
    let placed = 0;
    this.quote.forEach((w, i) => {
      if (w.optional || w.continues) return;
      words++;
      if (this.covered[i] === 1) placed++;
    });
    if (words === 0 || placed / words >= WEAK_COVERAGE) return pieces;
    return pieces.filter((p) => {
      const strong = p.block.matched >= STRONG_WORDS && this.evidence(p.block) >= STRONG_EVIDENCE;
      if (!strong) for (let i = p.block.qFrom; i < p.block.qTo; i++) this.covered[i] = 0;
      return strong;
    });
  }

  /**
   * A block that runs one or two words into the next (or the previous) sentence of the quote and
   * stops there, while the quote goes on, has most likely met those words by chance (`…modifiée.
   * C'est` where the quote goes on `C'est une relation…` from elsewhere): they are given back.
   */
  private withoutDanglingEnds(block: Block): Block {
    const free = (q: number) => q >= 0 && q < this.quote.length && this.covered[q] === 0 && !this.quote[q]!.optional;
    let ops = block.ops;
    const matchedIn = (list: readonly Op[]) => list.filter((op) => op.kind === OP_MATCH || op.kind === OP_NEAR).length;
    let boundary = -1;
    for (let q = block.qTo - 1; q > block.qFrom && boundary < 0; q--) if (this.quote[q]!.sentenceBefore) boundary = q;
    // (The quote going on after a cut the author marked is another passage: the block ends there.)
    if (boundary >= 0 && free(block.qTo) && !this.quote[block.qTo]!.cutBefore) {
      const tail = ops.filter((op) => op.q >= boundary);
      const head = ops.filter((op) => op.q < boundary);
      if (matchedIn(tail) <= 2 && matchedIn(head) >= 1) ops = head;
    }
    boundary = -1;
    for (let q = block.qFrom + 1; q < block.qTo && boundary < 0; q++) if (this.quote[q]!.sentenceBefore) boundary = q;
    if (boundary >= 0 && free(block.qFrom - 1) && !this.quote[block.qFrom]!.cutBefore) {
      const head = ops.filter((op) => op.q < boundary);
      const tail = ops.filter((op) => op.q >= boundary);
      if (matchedIn(head) <= 2 && matchedIn(tail) >= 1) ops = tail;
    }
    if (ops === block.ops) return block;
    return this.blockOf(ops, block.stretch, block.score) ?? block;
  }

  /**
   * Where one of the quote's sentences ends and the transcript says more before the next one
   * (`…eux-mêmes. Ils se rendent compte…`, a sentence left out between), the block is two
   * passages: a segment never takes in words the author did not quote there.
   */
  private splitAtSentences(block: Block): Block[] {
    const parts: Block[] = [];
    let from = 0;
    let previous: Op | undefined;
    block.ops.forEach((op, k) => {
      if (op.kind === OP_GAP_QUOTE || op.kind === OP_GAP_TEXT) return;
      if (previous !== undefined) {
        let sentence = false;
        for (let q = previous.q + 1; q <= op.q; q++) if (this.quote[q]!.sentenceBefore) sentence = true;
        let said = false;
        for (let t = previous.t + 1; t < op.t; t++) if (this.words.skippable[t] === 0) said = true;
        if (sentence && said) {
          const part = this.blockOf(block.ops.slice(from, k), block.stretch, block.score);
          if (part !== null) parts.push(part);
          from = k;
        }
      }
      previous = op;
    });
    if (from === 0) return [block];
    const last = this.blockOf(block.ops.slice(from), block.stretch, block.score);
    if (last !== null) parts.push(last);
    return parts;
  }

  /** A block too edited to place, cut at its worst stretch of edits into the two parts on either side. */
  private refine(block: Block): Block[] {
    let worst = -1;
    let worstErrors = 0;
    let runStart = -1;
    let runErrors = 0;
    block.ops.forEach((op, k) => {
      if (op.kind === OP_MATCH || op.kind === OP_NEAR) {
        if (runStart >= 0 && runErrors > worstErrors) {
          worst = runStart;
          worstErrors = runErrors;
        }
        runStart = -1;
        runErrors = 0;
        return;
      }
      if (runStart < 0) runStart = k;
      runErrors += op.errors;
    });
    if (worst < 0) return [];
    let end = worst;
    while (end < block.ops.length && block.ops[end]!.kind !== OP_MATCH && block.ops[end]!.kind !== OP_NEAR) end++;
    const parts = [this.blockOf(block.ops.slice(0, worst), block.stretch), this.blockOf(block.ops.slice(end), block.stretch)];
    return parts.filter((b): b is Block => b !== null && b.score >= MIN_BLOCK_SCORE);
  }

  /** How much the matched words say: the sum of their surprisal in the transcript (bits), half for a word nearly matched. */
  private evidence(b: Block): number {
    const n = Math.max(2, this.words.count);
    let bits = 0;
    for (const op of b.ops) {
      if ((op.kind !== OP_MATCH && op.kind !== OP_NEAR) || this.quote[op.q]!.continues) continue;
      const freq = this.words.frequency[this.words.ids[op.t]!] ?? 1;
      bits += Math.log2(n / freq) * (op.kind === OP_NEAR ? 0.5 : 1);
    }
    return bits;
  }

  /** Whether a word matched exactly is rare in the transcript (said at most twice) and long enough to mean something. */
  private hasRareWord(b: Block): boolean {
    return b.ops.some((op) => op.kind === OP_MATCH && !this.quote[op.q]!.continues && this.words.frequency[this.words.ids[op.t]!]! <= 2 && this.quote[op.q]!.text.length >= 6);
  }

  /** The evidence a block must have: more in a longer quote, which has more ways to match by chance. */
  private neededEvidence(): number {
    let words = 0;
    for (const w of this.quote) if (!w.optional && !w.continues) words++;
    return MIN_EVIDENCE + Math.log2(words + 1) - 2;
  }

  /**
   * A block worth placing: similar enough, and saying enough to be trusted — three words saying
   * enough (see `MIN_EVIDENCE`, or one of them rare in the transcript), the whole quote, or two
   * words that continue a placed piece of the quote right where it stops.
   */
  private acceptable(b: Block, placed: readonly AlignedPiece[] = []): boolean {
    if (b.matched >= 2 && this.similarEnough(b, true) && placed.some((p) => this.continues(p.block, b))) return true;
    if (!this.similarEnough(b)) return false;
    if (b.matched >= MIN_PIECE_WORDS && (this.evidence(b) >= this.neededEvidence() || this.hasRareWord(b))) return true;
    if (b.matched >= 2 && this.similarEnough(b, true) && placed.some((p) => this.continues(p.block, b))) return true;
    // The whole quote, however short (`lombalgie`, `c'est mécanique`).
    for (let i = 0; i < this.quote.length; i++) {
      if ((i < b.qFrom || i >= b.qTo) && !this.quote[i]!.optional && this.covered[i] === 0) return false;
    }
    return b.matched >= 1;
  }

  /**
   * Similar enough: at least `minScore`, or — for a short passage, where one changed word is
   * already more than the error budget — so once its single worst edit is forgiven, when at
   * least four words match (two, for a passage that continues a placed one: `Huit aussi mois`).
   */
  private similarEnough(b: Block, short = false): boolean {
    if (b.similarity >= this.minScore) return true;
    if (b.matched < (short ? 2 : 4)) return false;
    let worst = 0;
    for (const op of b.ops) worst = Math.max(worst, op.errors);
    return 1 - (b.errors - worst) / b.chars >= this.minScore;
  }

  /**
   * Whether `b` continues `p`: next to it in the quote (nothing but optional words between),
   * and right after or before it in the same turn — over a cut the author marked only when the
   * transcript says nothing there.
   */
  private continues(p: Block, b: Block): boolean {
    if (p.stretch !== b.stretch) return false;
    const [first, second] = p.qFrom < b.qFrom ? [p, b] : [b, p];
    for (let q = first.qTo; q < second.qFrom; q++) if (!this.quote[q]!.optional) return false;
    const distance = second.tFrom - first.tTo;
    if (distance < 0 || distance > NEIGHBOUR_DISTANCE) return false;
    let cut = false;
    for (let q = first.qTo; q <= second.qFrom; q++) if (this.quote[q]!.cutBefore) cut = true;
    if (!cut) return true;
    // Over a cut, only where the transcript has the speaker's own `…` and nothing else.
    for (let t = first.tTo; t < second.tFrom; t++) if (this.words.skippable[t] === 0) return false;
    const between = this.words.text.slice(this.words.end[first.tTo - 1]!, this.words.start[second.tFrom]!);
    return /…|\.\.\./.test(between);
  }

  private alternativesOf(best: Block, all: readonly Block[], placed: readonly AlignedPiece[]): Block[] {
    const out: Block[] = [];
    for (const b of all) {
      if (b === best || b.score < best.score - AMBIGUITY_MARGIN || b.matched < best.matched || !this.acceptable(b, placed)) continue;
      if (b.tFrom < best.tTo && best.tFrom < b.tTo) continue;
      if (placed.some((p) => b.tFrom < p.block.tTo && p.block.tFrom < b.tTo)) continue;
      const shared = Math.min(b.qTo, best.qTo) - Math.max(b.qFrom, best.qFrom);
      if (shared * 2 < best.qTo - best.qFrom) continue;
      if (out.some((o) => o.tFrom < b.tTo && b.tFrom < o.tTo)) continue;
      const stretch = this.acrossTurns ? undefined : this.search.stretches[b.stretch];
      if (stretch !== undefined && !stretch.own) continue;
      out.push(b);
    }
    return out;
  }

  private cover(from: number, to: number, regions: Region[]): void {
    for (let i = from; i < to; i++) this.covered[i] = 1;
    for (const r of regions) {
      if (r.qMax + PAD >= from && r.qMin - PAD < to) r.blocks = undefined;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Seeds and regions

  private seeds(): Seed[] {
    const words = this.words;
    const q = this.quote;
    const seeds: Seed[] = [];
    const short = q.filter((w) => !w.optional && !w.continues).length <= 2;
    for (let i = 0; i < q.length; i++) {
      const w = q[i]!;
      if (w.id < 0) {
        if (w.text.length >= 5 && !w.optional) {
          for (const id of words.nearVocabulary(w.text)) {
            const hits = words.positions(id);
            if (hits.length <= MAX_SEED_HITS) for (const t of hits) seeds.push({ q: i, t, n: 1 });
          }
        }
        continue;
      }
      // A number or rank the transcript may write the other way (`3e` / `troisième`): seeds there too.
      if (this.quoteNumber[i] === 1 && !w.optional) {
        for (const other of numberEquivalents(w.text)) {
          const id = words.idOf(other);
          const at = id < 0 ? [] : words.positions(id);
          if (at.length <= MAX_SEED_HITS) for (const t of at) seeds.push({ q: i, t, n: 1 });
        }
      }
      const hits = words.positions(w.id);
      if ((words.frequency[w.id]! <= RARE && w.text.length >= 5) || (short && hits.length <= MAX_SEED_HITS)) {
        for (const t of hits) seeds.push({ q: i, t, n: 1 });
        continue;
      }
      let found: ArrayLike<number> = hits;
      let n = 1;
      while (i + n < q.length && q[i + n]!.id >= 0 && (n < 2 || found.length > MAX_SEED_HITS) && n < 5) {
        const next = q[i + n]!.id;
        const kept: number[] = [];
        for (let k = 0; k < found.length; k++) {
          const t = found[k]!;
          if (t + n < words.count && words.ids[t + n] === next) kept.push(t);
        }
        found = kept;
        n++;
        if (found.length === 0) break;
      }
      if (n >= 2 && found.length > 0 && found.length <= MAX_SEED_HITS) {
        for (let k = 0; k < found.length; k++) seeds.push({ q: i, t: found[k]!, n });
      }
    }
    return seeds;
  }

  /** Seeds grouped by transcript neighbourhood and diagonal: one region per candidate passage. */
  private regions(): Region[] {
    const seeds = this.seeds().sort((a, b) => a.t - b.t || a.q - b.q);
    const regions: Region[] = [];
    const open: { region: Region; lastT: number; lastD: number }[] = [];
    for (const s of seeds) {
      const d = s.t - s.q;
      let chosen: (typeof open)[number] | undefined;
      for (let k = open.length - 1; k >= 0; k--) {
        const o = open[k]!;
        if (s.t - o.lastT > MAX_SEED_GAP) {
          open.splice(k, 1);
          continue;
        }
        if (Math.abs(d - o.lastD) <= BAND && (chosen === undefined || Math.abs(d - o.lastD) < Math.abs(d - chosen.lastD))) chosen = o;
      }
      if (chosen === undefined) {
        const region: Region = { seeds: [s], qMin: s.q, qMax: s.q + s.n - 1 };
        regions.push(region);
        open.push({ region, lastT: s.t + s.n - 1, lastD: d });
      } else {
        chosen.region.seeds.push(s);
        chosen.region.qMin = Math.min(chosen.region.qMin, s.q);
        chosen.region.qMax = Math.max(chosen.region.qMax, s.q + s.n - 1);
        chosen.lastT = Math.max(chosen.lastT, s.t + s.n - 1);
        chosen.lastD = d;
      }
    }
    // A region whose seeds say fewer than three words of the quote cannot give a passage worth
    // placing on its own (a short piece next to a longer one is in that one's region).
    let said = 0;
    for (const w of this.quote) if (!w.optional && !w.continues) said++;
    if (said <= 4) return regions;
    return regions.filter((r) => {
      const words = new Set<number>();
      for (const seed of r.seeds) for (let k = 0; k < seed.n; k++) if (!this.quote[seed.q + k]!.continues) words.add(seed.q + k);
      return words.size >= 3;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Local alignment

  /** The blocks of a region for the current coverage: one window per free stretch of the quote and speaker turn. */
  private alignRegion(region: Region): Block[] {
    const words = this.words;
    const groups = new Map<string, { seeds: Seed[]; qLo: number; qHi: number; stretch: number }>();
    for (const s of region.seeds) {
      if (this.covered[s.q] === 1) continue;
      const stretch = this.acrossTurns ? 0 : words.stretch[s.t]!;
      if (stretch < 0) continue;
      // The quote's free words around the seed, up to a taken word or a cut the author marked.
      let qLo = s.q;
      while (qLo > 0 && this.covered[qLo - 1] === 0 && !this.quote[qLo]!.cutBefore) qLo--;
      let qHi = s.q + 1;
      while (qHi < this.quote.length && this.covered[qHi] === 0 && !this.quote[qHi]!.cutBefore) qHi++;
      const k = `${qLo}:${stretch}`;
      const g = groups.get(k);
      if (g === undefined) groups.set(k, { seeds: [s], qLo, qHi, stretch });
      else g.seeds.push(s);
    }
    const blocks: Block[] = [];
    for (const g of groups.values()) {
      let qMin = Infinity;
      let qMax = -Infinity;
      let tMin = Infinity;
      let tMax = -Infinity;
      let dMin = Infinity;
      let dMax = -Infinity;
      for (const s of g.seeds) {
        qMin = Math.min(qMin, s.q);
        qMax = Math.max(qMax, s.q + s.n);
        tMin = Math.min(tMin, s.t);
        tMax = Math.max(tMax, s.t + s.n);
        dMin = Math.min(dMin, s.t - s.q);
        dMax = Math.max(dMax, s.t - s.q);
      }
      const qLo = Math.max(g.qLo, qMin - PAD);
      const qHi = Math.min(g.qHi, qMax + PAD);
      let tLo = Math.max(0, tMin - (qMin - qLo) - PAD);
      let tHi = Math.min(words.count, tMax + (qHi - qMax) + PAD);
      if (!this.acrossTurns) {
        while (tLo < tMin && words.stretch[tLo] !== g.stretch) tLo++;
        while (tHi > tMax && words.stretch[tHi - 1] !== g.stretch) tHi--;
      }
      this.band = [dMin - PAD, dMax + PAD];
      this.localAlignments(qLo, qHi, tLo, tHi, g.stretch, blocks, 0);
    }
    return blocks;
  }

  /**
   * The best local alignment of a window, then those on either side of it: a passage said twice
   * close together gives two places, for the caller to choose between.
   */
  private localAlignments(qLo: number, qHi: number, tLo: number, tHi: number, stretch: number, out: Block[], depth: number): void {
    const block = this.smithWaterman(qLo, qHi, tLo, tHi, stretch);
    if (block === null) return;
    out.push(block);
    if (depth >= MAX_DEPTH) return;
    // Only where another copy of what was found could fit.
    const room = Math.max(2, Math.floor((block.tTo - block.tFrom) / 2));
    if (block.tFrom - tLo >= room) this.localAlignments(qLo, qHi, tLo, block.tFrom, stretch, out, depth + 1);
    if (tHi - block.tTo >= room) this.localAlignments(qLo, qHi, block.tTo, tHi, stretch, out, depth + 1);
  }

  private pairScore(i: number, t: number): number {
    const q = this.quote[i]!;
    const id = this.words.ids[t]!;
    if (q.id === id) return q.optional ? OPTIONAL_MATCH : MATCH;
    if (this.quoteElidable[i] === 1 && elisionDistance(q.text, this.words.strings[id]!) !== null) return ELIDED;
    return this.nearDistance(i, id) === null ? MISMATCH : NEAR;
  }

  private nearDistance(i: number, id: number): number | null {
    // Most pairs are told apart by their lengths alone (see `nearWords`), without a cache.
    if (this.quoteNumber[i] === 0 && this.quoteElidable[i] === 0) {
      const la = this.quoteLength[i]!;
      if (la < 5) return null;
      const lb = this.words.lengthOf(id);
      if (lb < 5 || la - lb > 2 || lb - la > 2) return null;
    }
    const cache = this.near[i]!;
    let d = cache.get(id);
    if (d === undefined) {
      d = nearWords(this.quote[i]!.text, this.words.strings[id]!);
      cache.set(id, d);
    }
    return d;
  }

  private smithWaterman(qLo: number, qHi: number, tLo: number, tHi: number, stretch: number): Block | null {
    const n = qHi - qLo;
    const m = tHi - tLo;
    if (n <= 0 || m <= 0) return null;
    const width = m + 1;
    const size = (n + 1) * width;
    if (this.h.length < size) {
      this.h = new Int32Array(size * 2);
      this.dir = new Uint8Array(size * 2);
    }
    const h = this.h;
    const dir = this.dir;
    // Only the cells the band reads are cleared (row 0, and each row's band with one cell on
    // either side), not the whole window: the band moves one cell a row, so a row reads nothing
    // of the one above outside these. `dir` is read only where `h` is positive: this call's cells.
    h.fill(0, 0, width);
    const words = this.words;
    let best = 0;
    let bi = 0;
    let bj = 0;
    const [bandLo, bandHi] = this.band;
    for (let i = 1; i <= n; i++) {
      const qi = qLo + i - 1;
      const w = this.quote[qi]!;
      const gapQuote = w.optional ? SOFT_GAP : GAP;
      const match = w.optional ? OPTIONAL_MATCH : MATCH;
      const row = i * width;
      const up = row - width;
      // Cells off the band stay 0: an alignment cannot drift far from its seeds' diagonals.
      const jLo = Math.max(1, bandLo + qi - tLo + 1);
      const jHi = Math.min(m, bandHi + qi - tLo + 1);
      if (jHi + 1 >= jLo - 1) h.fill(0, row + jLo - 1, row + Math.min(m, jHi + 1) + 1);
      for (let j = jLo; j <= jHi; j++) {
        const t = tLo + j - 1;
        const diag = h[up + j - 1]! + (words.ids[t] === w.id ? match : this.pairScore(qi, t));
        const fromUp = h[up + j]! + gapQuote;
        const fromLeft = h[row + j - 1]! + (words.skippable[t] === 1 ? SOFT_GAP : GAP);
        let v = 0;
        let d = 0;
        if (diag > v) {
          v = diag;
          d = 1;
        }
        if (fromUp > v) {
          v = fromUp;
          d = 2;
        }
        // On a tie, the transcript's extra words go after the match: a passage ends at the first
        // place its last words are said, not at a repetition further on.
        if (fromLeft >= v && fromLeft > 0) {
          v = fromLeft;
          d = 3;
        }
        h[row + j] = v;
        dir[row + j] = d;
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    if (best < MIN_BLOCK_SCORE) return null;
    const ops: Op[] = [];
    let i = bi;
    let j = bj;
    while (i > 0 && j > 0) {
      if (h[i * width + j] === 0) break;
      const d = dir[i * width + j]!;
      const qi = qLo + i - 1;
      const t = tLo + j - 1;
      if (d === 1) {
        const w = this.quote[qi]!;
        const id = words.ids[t]!;
        if (w.id === id) ops.push({ kind: OP_MATCH, q: qi, t, errors: 0 });
        else {
          const near = this.nearDistance(qi, id);
          if (near !== null) ops.push({ kind: OP_NEAR, q: qi, t, errors: near });
          else ops.push({ kind: OP_MISMATCH, q: qi, t, errors: Math.max(w.text.length, words.strings[id]!.length) });
        }
        i--;
        j--;
      } else if (d === 2) {
        const w = this.quote[qi]!;
        ops.push({ kind: OP_GAP_QUOTE, q: qi, t, errors: w.optional ? 0 : w.text.length + 1 });
        i--;
      } else {
        ops.push({ kind: OP_GAP_TEXT, q: qi, t, errors: words.skippable[t] === 1 ? 0 : words.strings[words.ids[t]!]!.length + 1 });
        j--;
      }
    }
    ops.reverse();
    return this.blockOf(ops, stretch, best);
  }

  /** A block from a run of operations that starts and ends with a matched word. */
  private blockOf(ops: Op[], stretch: number, score?: number): Block | null {
    let first = 0;
    while (first < ops.length && ops[first]!.kind !== OP_MATCH && ops[first]!.kind !== OP_NEAR) first++;
    let last = ops.length - 1;
    while (last >= first && ops[last]!.kind !== OP_MATCH && ops[last]!.kind !== OP_NEAR) last--;
    if (last < first) return null;
    const kept = ops.slice(first, last + 1);
    let matched = 0;
    let errors = 0;
    let computed = 0;
    for (const op of kept) {
      // The words of a number the quote writes in figures (`quatre vingt dix` for `90`) are one
      // word; a word the author may have added (a restored `ne`) says nothing of the place.
      const counted = this.quote[op.q]!.continues !== true && !this.quote[op.q]!.optional;
      if (op.kind === OP_MATCH || op.kind === OP_NEAR) {
        if (counted) matched++;
        computed += this.pairScore(op.q, op.t);
      } else if (op.kind === OP_MISMATCH) computed += MISMATCH;
      else if (op.kind === OP_GAP_QUOTE) computed += this.quote[op.q]!.optional ? SOFT_GAP : GAP;
      else computed += this.words.skippable[op.t] === 1 ? SOFT_GAP : GAP;
      errors += op.errors;
    }
    const head = kept[0]!;
    const tail = kept[kept.length - 1]!;
    let chars = 0;
    for (let q = head.q; q <= tail.q; q++) {
      const w = this.quote[q]!;
      if (!w.optional) chars += w.text.length + 1;
    }
    chars = Math.max(1, chars - 1);
    return {
      qFrom: head.q,
      qTo: tail.q + 1,
      tFrom: head.t,
      tTo: tail.t + 1,
      score: score ?? computed,
      matched,
      similarity: Math.max(0, 1 - errors / chars),
      errors,
      chars,
      stretch,
      ops: kept,
    };
  }
}
