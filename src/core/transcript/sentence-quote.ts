/**
 * The quote a sentence gives by default: the sentence without a leading question number
 * (`4. Infiltration…` → `Infiltration…`), and without an annotation (`*rire*`, `(silence)`) or
 * the spaces and pauses around it at either end; the whole sentence when nothing else is left.
 * One rule for the coding screen (Enter, `A`) and `codage autocode --unit sentence`.
 */
import { overlapping } from '../spans.js';
import type { Span } from '../types.js';

const QUESTION_NUMBER = /^\d{1,3}[.)][ \t\u00a0\u202f]+(?=\S)/u;
const SPACE_OR_PAUSE = /^[\s,;:…]+/u;

/** `annotations`: the transcript's, sorted and disjoint. */
export function sentenceQuote(text: string, annotations: readonly Span[], sentence: Span): Span {
  let start = sentence.start;
  let end = sentence.end;
  const number = QUESTION_NUMBER.exec(text.slice(start, Math.min(end, start + 12)));
  if (number !== null) start += number[0].length;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const annotation = overlapping(annotations, start, start + 1)[0];
    if (annotation !== undefined && annotation.end < end) {
      start = annotation.end;
      changed = true;
    }
    const gap = SPACE_OR_PAUSE.exec(text.slice(start, Math.min(end, start + 8)));
    if (gap !== null && start + gap[0].length < end) {
      start += gap[0].length;
      changed = changed || gap[0].length > 0;
    }
  }
  for (let changed = true; changed && end > start; ) {
    changed = false;
    const annotation = overlapping(annotations, end - 1, end)[0];
    if (annotation !== undefined && annotation.start > start) {
      end = annotation.start;
      changed = true;
    }
    while (end > start && /\s/.test(text[end - 1]!)) {
      end--;
      changed = true;
    }
  }
  return end > start ? { start, end } : { start: sentence.start, end: sentence.end };
}
