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

/** 1-based line and column (in UTF-16 units, as editors and the yaml library count) of `offset` in `text`. */
export function positionOf(text: string, offset: number, firstLine = 1): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
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

  /** Line of the file and 1-based column (UTF-16 units) of the text's `offset`: `positionOf`, for many offsets. */
  positionOf(offset: number): { line: number; column: number } {
    this.starts ??= lineStartsOf(this.text);
    const index = lineIndexOf(this.starts, offset);
    return { line: this.firstLine + index, column: offset - (this.starts[index] ?? 0) + 1 };
  }
}
