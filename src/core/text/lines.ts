/**
 * Line numbers, one way everywhere: the line of the transcript *file*, counted from the top of
 * the file as editors show it (front matter included), so that « line 40 » in a review, in a
 * message and in the coding screen's `:40` all mean the same line.
 *
 * Offsets point into the transcript text, which starts after the front matter, on the file's
 * line `firstLine` (`Transcript.bodyLine`).
 */

/** Offsets where each line of `text` starts (the first is 0). */
export function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** 0-based index of the line of the text holding `offset`. */
export function lineIndexOf(lineStarts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** File line numbers of offsets in a transcript text. */
export class LineNumbers {
  private starts?: Int32Array;

  /** `firstLine`: the file line on which the text begins (1 without front matter). */
  constructor(
    readonly text: string,
    readonly firstLine = 1,
  ) {}

  /** 1-based line of the file holding the text's `offset`. */
  lineOf(offset: number): number {
    this.starts ??= lineStartsOf(this.text);
    return this.firstLine + lineIndexOf(this.starts, offset);
  }
}
