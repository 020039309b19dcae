/**
 * Where a quote went to several passages, the words at a cut between two of them may belong to
 * either side: « c'est pas idéal, on... n'a pas grand-chose » is placed as `c'est pas idéal, on`
 * + `n'a pas grand-chose`, but the transcript says `idéal, on sait […] mais on n'a pas
 * grand-chose`, so the author's « on » may just as well be the one of `on n'a pas`. Nothing in the
 * quote tells which: such a cut is a doubt, for the researcher to check, never decided unseen.
 */
import type { Span } from '../types.js';
import type { TranscriptSearch } from './transcript-search.js';

/** Words at a cut between two passages that the transcript also says on the other side of the cut. */
export interface CutDoubt {
  /** Index (in quote order) of the passage before the cut; the other is the next one. */
  after: number;
  /** The words in doubt, as the transcript says them in the passage placed. */
  words: string;
  /**
   * `end`: the last words of the passage before the cut, also said just before the passage after
   * it; `start`: the first words of the passage after the cut, also said just after the one before.
   */
  edge: 'end' | 'start';
  /** Where the words could be instead (UTF-16 offsets). */
  other: Span;
}

/** A sentence ends here: `.`, `!` or `?` (an ellipsis, `…` or `...`, is a pause in a transcript, not an end). */
const SENTENCE_END = /[!?]|(?<!\.)\.(?!\.)/;

/**
 * The doubtful cuts of a quote's passages, given in the quote's order (each at the place the
 * import chose). Words count when the transcript says them, written the same (case too: `Et` at
 * a sentence's start is not the `et` of a clause), right on the other side of the cut, in the same
 * speaker turn and sentence (hesitations and annotations passed over), and not as words of the
 * other passage itself (two passages side by side share no word). A passage keeps one word at
 * least: a whole passage said again elsewhere is no doubt about a cut.
 */
export function cutDoubts(search: TranscriptSearch, passages: readonly Span[]): CutDoubt[] {
  const text = search.text;
  const tw = search.words;
  const doubts: CutDoubt[] = [];
  const wordsOf = (s: Span) => ({ first: tw.wordAt(s.start), last: tw.wordAt(s.end) - 1 });
  const written = (t: number) => text.slice(tw.start[t]!, tw.end[t]!).normalize('NFC');
  /** The next word said from `w` (`step` ±1) in the same turn and sentence, or -1. */
  const nextSaid = (w: number, step: 1 | -1) => {
    const stretch = tw.stretch[w];
    let t = w + step;
    while (t >= 0 && t < tw.count && tw.skippable[t] === 1 && tw.stretch[t] === stretch) t += step;
    if (t < 0 || t >= tw.count || tw.stretch[t] !== stretch) return -1;
    const between = step === 1 ? text.slice(tw.end[w]!, tw.start[t]!) : text.slice(tw.end[t]!, tw.start[w]!);
    return SENTENCE_END.test(between) ? -1 : t;
  };
  /** The words from `from` to `to`, taken to whole words at an apostrophe (`ai peur` is shown `j'ai peur`). */
  const wordsText = (from: number, to: number) => {
    let start = tw.start[from]!;
    let end = tw.end[to]!;
    if (/['’]/.test(text[start - 1] ?? '') && /\p{L}/u.test(text[start - 2] ?? '')) {
      start--;
      while (start > 0 && /\p{L}/u.test(text[start - 1]!)) start--;
    }
    while (/['’]/.test(text[end] ?? '') && /\p{L}/u.test(text[end + 1] ?? '')) {
      end++;
      while (/\p{L}/u.test(text[end] ?? '')) end++;
    }
    return text.slice(start, end);
  };
  for (let i = 0; i + 1 < passages.length; i++) {
    const a = wordsOf(passages[i]!);
    const b = wordsOf(passages[i + 1]!);
    if (a.last < a.first || b.last < b.first || tw.stretch[a.last]! < 0 || tw.stretch[b.first]! < 0) continue;
    const elsewhere = (t: number) => t >= 0 && !(t >= a.first && t <= a.last) && !(t >= b.first && t <= b.last);
    // The last words of the passage before the cut, said again just before the passage after it.
    const said: number[] = [];
    for (let t = b.first; a.last - said.length > a.first; ) {
      t = nextSaid(t, -1);
      if (!elsewhere(t) || written(t) !== written(a.last - said.length)) break;
      said.push(t);
    }
    let k = said.length;
    if (k > 0) {
      const words = wordsText(a.last - k + 1, a.last);
      doubts.push({ after: i, edge: 'end', words, other: { start: tw.start[said[k - 1]!]!, end: tw.end[said[0]!]! } });
      continue;
    }
    // The first words of the passage after the cut, said again just after the passage before it.
    for (let t = a.last; b.first + said.length < b.last; ) {
      t = nextSaid(t, 1);
      if (!elsewhere(t) || written(t) !== written(b.first + said.length)) break;
      said.push(t);
    }
    k = said.length;
    if (k > 0) {
      const words = wordsText(b.first, b.first + k - 1);
      doubts.push({ after: i, edge: 'start', words, other: { start: tw.start[said[0]!]!, end: tw.end[said[k - 1]!]! } });
    }
  }
  return doubts;
}
