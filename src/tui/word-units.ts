/**
 * The units a selection is made of below the sentence: words, an annotation as one whole
 * (`*rire*`, `(silence)`), never a speaker label; and the quote a sentence gives by default,
 * without a leading question number (`4. `) or annotation at either end. The coding screen's
 * selection and the reconciliation screen's edited boundaries step by the same units.
 */
import { mergeSpans, overlapping } from '../core/spans.js';
import { sentenceQuote } from '../core/transcript/sentence-quote.js';
import type { Span, Transcript } from '../core/types.js';
import { sentenceAt } from './sentence-index.js';

/** What units are cut from: a transcript's text, its sentences, speaker labels and annotations (sorted), its words. */
export interface UnitText {
  text: string;
  sentences: readonly Span[];
  labels: readonly Span[];
  annotations: readonly Span[];
  env: { wordSpans: (start: number, end: number) => Span[] };
}

/** A transcript's speaker labels (`MG1 : `) and annotations, sorted: what is not a word to select. */
export function transcriptMarks(transcript: Transcript): { labels: Span[]; annotations: Span[] } {
  const labels = transcript.turns
    .filter((t) => t.speaker !== null && t.textStart > t.start)
    .map((t) => ({ start: t.start, end: t.textStart }))
    .sort((a, b) => a.start - b.start);
  return { labels, annotations: mergeSpans(transcript.annotations) };
}

/** The span of `sorted` (disjoint) that holds all of `span`, or null. */
function insideAny(sorted: readonly Span[], span: Span): Span | null {
  const s = overlapping(sorted, span.start, span.end)[0];
  return s !== undefined && span.start >= s.start && span.end <= s.end ? s : null;
}

/**
 * The units of the sentences around `pos` (the one holding it, the one before and the one
 * after), in text order: words, and each annotation once, whole.
 */
export function unitsAround(state: UnitText, pos: number): Span[] {
  const { sentences } = state;
  if (sentences.length === 0) return [];
  const i = sentenceAt(sentences, pos);
  const from = sentences[Math.max(0, i - 1)]?.start ?? 0;
  const to = sentences[Math.min(sentences.length - 1, i + 1)]?.end ?? state.text.length;
  const units: Span[] = [];
  for (const word of state.env.wordSpans(from, to)) {
    if (insideAny(state.labels, word) !== null) continue;
    const annotation = insideAny(state.annotations, word);
    const unit = annotation ?? word;
    const last = units[units.length - 1];
    if (last !== undefined && last.start === unit.start) continue;
    units.push({ start: unit.start, end: unit.end });
  }
  return units;
}

/** The units lying wholly inside `[start, end)`, in text order: words and annotations, never a speaker label. */
export function unitsIn(state: UnitText, start: number, end: number): Span[] {
  const units: Span[] = [];
  for (const word of state.env.wordSpans(start, end)) {
    if (insideAny(state.labels, word) !== null) continue;
    const unit = insideAny(state.annotations, word) ?? word;
    if (unit.start < start || unit.end > end) continue;
    const last = units[units.length - 1];
    if (last !== undefined && last.start === unit.start) continue;
    units.push({ start: unit.start, end: unit.end });
  }
  return units;
}

/** The unit holding `offset` (or the next one after it in its sentence), or null. */
export function unitAt(state: UnitText, offset: number): Span | null {
  const units = unitsAround(state, offset);
  const hit = units.find((u) => u.start <= offset && offset < u.end);
  if (hit !== undefined) return hit;
  const sentence = state.sentences[sentenceAt(state.sentences, offset)];
  return units.find((u) => u.start >= offset && (sentence === undefined || u.start < sentence.end)) ?? null;
}

/** The first and the last unit touching `span`, grown to whole units. */
export function wholeUnits(state: UnitText, span: Span): Span {
  const units = unitsAround(state, span.start).concat(span.end > span.start ? unitsAround(state, span.end - 1) : []);
  let start = span.start;
  let end = span.end;
  for (const u of units) {
    if (u.start < span.start && u.end > span.start) start = Math.min(start, u.start);
    if (u.start < span.end && u.end > span.end) end = Math.max(end, u.end);
  }
  return { start, end };
}

/**
 * What closes a sentence after its last word (`jambes.`, `non ?`, `vraiment…»`): a selection's
 * end taking that word takes it too. A comma or a colon is left out (`le dernier,` ends at
 * `dernier`). So each word has one place to stop at, and `5e` is five words.
 */
const CLOSING = /^(?:[\u00a0\u202f ]?[.!?…]+)?[\u00a0\u202f ]?[»”"')\]]*/u;
/** What opens a quote before its first word: `« Je`, `(voilà`. */
const OPENING = /[«“"([][\u00a0\u202f ]?$/u;

/** Where a selection's end (or start) can stop near `pos`: one place per word (see `CLOSING`). */
export function unitStops(state: UnitText, pos: number, which: 'start' | 'end'): number[] {
  const stops: number[] = [];
  for (const u of unitsAround(state, pos)) {
    if (which === 'end') {
      const closing = CLOSING.exec(state.text.slice(u.end, u.end + 8))?.[0] ?? '';
      // A lone space is not punctuation.
      stops.push(closing.trim() === '' ? u.end : u.end + closing.trimEnd().length);
    } else {
      const opening = OPENING.exec(state.text.slice(Math.max(0, u.start - 3), u.start));
      stops.push(opening === null ? u.start : u.start - opening[0].length);
    }
  }
  return stops;
}

/** The stop of `stops` nearest to `pos` in `dir` (after it, or before it), or null. */
export function nextStop(stops: readonly number[], pos: number, dir: 1 | -1): number | null {
  let target: number | null = null;
  for (const stop of stops) {
    if (dir === 1 ? stop > pos && (target === null || stop < target) : stop < pos && (target === null || stop > target)) target = stop;
  }
  return target;
}

/**
 * The quote sentence `index` gives by default: the sentence without a leading question number
 * (`4. Infiltration…` → `Infiltration…`), and without an annotation (`*rire*`, `(silence)`)
 * or the spaces and pauses around it at either end. The whole sentence when nothing else is left.
 */
export function quoteSpan(state: UnitText, index: number): Span {
  const sentence = state.sentences[index];
  return sentence === undefined ? { start: 0, end: 0 } : sentenceQuote(state.text, state.annotations, sentence);
}
