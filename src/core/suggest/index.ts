/**
 * Code suggestions from a coder's own coding: the passages this coder already coded most like
 * the one at hand (BM25 over word stems, Robertson & Zaragoza 2009, with Lucene's idf; k1 = 1.2, b = 0.75), and the
 * codes they were given. A code's score is the sum of the scores of the 10 most similar passages
 * that carry it. Only one coder's segments are ever added (never another coder's: that would
 * break independent double coding). Incremental: a segment is added, replaced or removed in time
 * proportional to its words, so that the coding screen keeps it up to date as the coder codes.
 */
import { stemsOf } from '../text/stems.js';

export interface SuggestedCode {
  code: string;
  score: number;
  /** The most similar passage carrying the code: why it is suggested. */
  because: { segment: string; participant: string; text: string; score: number };
}

interface Doc {
  id: string;
  participant: string;
  text: string;
  codes: string[];
  terms: Map<string, number>;
  length: number;
}

const K1 = 1.2;
const B = 0.75;
const NEIGHBOURS = 10;

export class SuggestionIndex {
  /** Documents by slot (null: a free slot); slots keep the score arrays small and flat. */
  private readonly docs: (Doc | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly postings = new Map<string, Map<number, number>>();
  private totalLength = 0;
  private scores = new Float64Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds or replaces a coded segment (by id). */
  put(id: string, segment: { participant: string; text: string; codes: readonly string[] }): void {
    const at = this.slotOf.get(id);
    const old = at === undefined ? null : this.docs[at];
    if (old && old.text === segment.text && old.participant === segment.participant) {
      old.codes = [...segment.codes];
      return;
    }
    if (old) this.remove(id);
    const terms = new Map<string, number>();
    const stems = stemsOf(segment.text);
    for (const t of stems) terms.set(t, (terms.get(t) ?? 0) + 1);
    const slot = this.free.pop() ?? this.docs.length;
    this.docs[slot] = { id, participant: segment.participant, text: segment.text, codes: [...segment.codes], terms, length: stems.length };
    this.slotOf.set(id, slot);
    this.totalLength += stems.length;
    for (const [t, tf] of terms) {
      let list = this.postings.get(t);
      if (list === undefined) this.postings.set(t, (list = new Map()));
      list.set(slot, tf);
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    const doc = slot === undefined ? null : this.docs[slot];
    if (slot === undefined || !doc) return;
    this.docs[slot] = null;
    this.slotOf.delete(id);
    this.free.push(slot);
    this.totalLength -= doc.length;
    for (const t of doc.terms.keys()) {
      const list = this.postings.get(t);
      list?.delete(slot);
      if (list?.size === 0) this.postings.delete(t);
    }
  }

  /** The passages most like `text`, best first (BM25), leaving out `exclude` (the segment being recoded). */
  similar(text: string, limit = NEIGHBOURS, exclude?: string): { id: string; score: number }[] {
    const n = this.slotOf.size;
    if (n === 0) return [];
    const average = this.totalLength / n || 1;
    if (this.scores.length < this.docs.length) this.scores = new Float64Array(Math.max(this.docs.length, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    const excluded = exclude === undefined ? -1 : (this.slotOf.get(exclude) ?? -1);
    for (const t of new Set(stemsOf(text))) {
      const list = this.postings.get(t);
      if (list === undefined) continue;
      // The idf of Lucene's BM25 (never negative).
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
      for (const [slot, tf] of list) {
        if (slot === excluded) continue;
        const doc = this.docs[slot] as Doc;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / average));
      }
    }
    // The best `limit`, kept in a small sorted list (no sort of every passage touched).
    const best: { slot: number; score: number }[] = [];
    for (const slot of touched) {
      const score = scores[slot] as number;
      scores[slot] = 0;
      if (best.length === limit && score <= (best[best.length - 1] as { score: number }).score) continue;
      let i = best.length;
      while (i > 0 && ((best[i - 1] as { score: number }).score < score || ((best[i - 1] as { score: number }).score === score && (best[i - 1] as { slot: number }).slot > slot))) i--;
      best.splice(i, 0, { slot, score });
      if (best.length > limit) best.pop();
    }
    return best.map(({ slot, score }) => ({ id: (this.docs[slot] as Doc).id, score }));
  }

  /** Codes for `text`, best first (see the module comment). */
  suggest(text: string, options: { limit?: number; exclude?: string } = {}): SuggestedCode[] {
    const byCode = new Map<string, SuggestedCode>();
    for (const { id, score } of this.similar(text, NEIGHBOURS, options.exclude)) {
      const doc = this.docs[this.slotOf.get(id) as number] as Doc;
      for (const code of doc.codes) {
        const entry = byCode.get(code);
        if (entry === undefined) byCode.set(code, { code, score, because: { segment: id, participant: doc.participant, text: doc.text, score } });
        else entry.score += score;
      }
    }
    return [...byCode.values()].sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1)).slice(0, options.limit ?? 5);
  }
}
