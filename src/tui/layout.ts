/**
 * The transcript laid out for a terminal width: every paragraph wrapped at word boundaries
 * into visual rows, each row knowing the character range it shows; and the window of rows
 * that fits the screen, which moves only when the cursor reaches one of its edges.
 */
import { isOneColumn, textWidth } from '../core/text/width.js';
import { shownAsOneCell } from './row-style.js';

/** Columns left of the text: cursor mark, coded bar, space. */
export const GUTTER_WIDTH = 3;

export interface Layout {
  /** Columns available for the text itself. */
  width: number;
  /** Number of visual rows. */
  count: number;
  /** Row r shows `text.slice(rowStart[r], rowEnd[r])`. Rows are in text order. */
  rowStart: Int32Array;
  rowEnd: Int32Array;
}

/** Punctuation that a space before it does not separate from its word: ; : ! ? » */
const GLUED_AFTER = new Set([0x3b, 0x3a, 0x21, 0x3f, 0xbb]);

/**
 * Where a row may break: ordinary spaces and tabs (and the ideographic space). A no-break space
 * (U+00A0, the narrow U+202F that French puts before ? ! ; and inside « ») holds its neighbours
 * together: a row never starts with the `?` of `vraiment ?`.
 */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

/** Each BMP code unit's width, measured once (-1: not yet). */
const WIDTHS = new Int8Array(0x10000).fill(-1);

function codeUnitWidth(code: number): number {
  let width = WIDTHS[code] as number;
  if (width < 0) {
    const ch = String.fromCharCode(code);
    width = shownAsOneCell(ch) ? 1 : textWidth(ch);
    WIDTHS[code] = width;
  }
  return width;
}

/** Display width of `text[from, to)` as the transcript window shows it, character by character. */
export function cellWidth(text: string, from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isOneColumn(code)) width += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      width += textWidth(text.slice(i, i + 2));
      i++;
    } else width += codeUnitWidth(code);
  }
  return width;
}

/** Index where `text[from, to)` must be cut to fit `columns` (at least one character). */
function fitIndex(text: string, from: number, to: number, columns: number): number {
  let width = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const step = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const w = cellWidth(text, i, i + step);
    if (width + w > columns && i > from) break;
    width += w;
    i += step;
  }
  return i;
}

/** Wraps the whole text for `width` text columns (the gutter is not included). */
export function layoutText(text: string, width: number): Layout {
  const columns = Math.max(8, width);
  let starts = new Int32Array(Math.max(16, (text.length / columns) * 1.3 + 16) | 0);
  let ends = new Int32Array(starts.length);
  let count = 0;
  const push = (start: number, end: number): void => {
    if (count === starts.length) {
      const grownStarts = new Int32Array(starts.length * 2);
      const grownEnds = new Int32Array(starts.length * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  };

  let paragraph = 0;
  while (paragraph <= text.length) {
    let stop = text.indexOf('\n', paragraph);
    if (stop < 0) stop = text.length;
    if (stop === paragraph) {
      if (paragraph < text.length || count === 0 || text.length === 0) push(paragraph, paragraph);
    } else {
      wrapParagraph(text, paragraph, stop, columns, push);
    }
    paragraph = stop + 1;
  }
  return { width: columns, count, rowStart: starts.subarray(0, count), rowEnd: ends.subarray(0, count) };
}

function wrapParagraph(
  text: string,
  from: number,
  to: number,
  columns: number,
  push: (start: number, end: number) => void,
): void {
  let lineStart = from;
  let lineEnd = from; // end of the last word placed on the line
  let lineWidth = 0;
  let i = from;
  // Leading indentation stays on the first row.
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  lineWidth = cellWidth(text, from, i);
  lineEnd = i;
  while (i < to) {
    const spaceStart = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const wordStart = i;
    for (;;) {
      while (i < to && !isSpace(text.charCodeAt(i))) i++;
      // French typography: a space before ; : ! ? » or after « does not break the line.
      if (i + 1 < to && text.charCodeAt(i) === 0x20 && (GLUED_AFTER.has(text.charCodeAt(i + 1)) || text.charCodeAt(i - 1) === 0xab)) {
        i++;
        continue;
      }
      break;
    }
    const wordEnd = i;
    const gap = lineEnd === lineStart && lineWidth === 0 ? 0 : cellWidth(text, spaceStart, wordStart);
    const wordWidth = cellWidth(text, wordStart, wordEnd);
    if (lineWidth + gap + wordWidth <= columns) {
      lineWidth += gap + wordWidth;
      lineEnd = wordEnd;
      continue;
    }
    // The word does not fit: close the current row (if it holds anything).
    if (lineEnd > lineStart) push(lineStart, lineEnd);
    let start = wordStart;
    // A word longer than a row is cut.
    while (cellWidth(text, start, wordEnd) > columns) {
      const cut = fitIndex(text, start, wordEnd, columns);
      push(start, cut);
      start = cut;
    }
    lineStart = start;
    lineEnd = wordEnd;
    lineWidth = cellWidth(text, start, wordEnd);
  }
  if (lineEnd > lineStart || lineStart === from) push(lineStart, Math.max(lineEnd, lineStart));
}

/** The row showing `offset` (a character in a gap between rows belongs to the row before it). */
export function rowOf(layout: Layout, offset: number): number {
  let lo = 0;
  let hi = layout.count - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((layout.rowStart[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows of `[start, end)`: the first and the last (inclusive). */
export function rowsOf(layout: Layout, start: number, end: number): { first: number; last: number } {
  const first = rowOf(layout, start);
  const last = end > start ? rowOf(layout, end - 1) : first;
  return { first, last: Math.max(first, last) };
}

/**
 * The offset shown at `column` (0-based, in text columns) of row `row`: the character there,
 * or the row's end when the column is past it. Null when there is no such row.
 */
export function offsetAt(text: string, layout: Layout, row: number, column: number): number | null {
  if (row < 0 || row >= layout.count) return null;
  const start = layout.rowStart[row] ?? 0;
  const end = layout.rowEnd[row] ?? start;
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const step = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1;
    width += cellWidth(text, i, i + step);
    if (width > column) return i;
    i += step - 1;
  }
  return end;
}

/** Layouts by width for one text, so that resizing back and forth costs nothing. */
export class LayoutCache {
  private readonly byWidth = new Map<number, Layout>();
  constructor(private readonly text: string) {}
  get(width: number): Layout {
    const key = Math.max(8, width);
    let layout = this.byWidth.get(key);
    if (layout === undefined) {
      layout = layoutText(this.text, key);
      if (this.byWidth.size > 8) this.byWidth.clear();
      this.byWidth.set(key, layout);
    }
    return layout;
  }
}

/**
 * First row of the window of `height` rows. The window keeps its place (`previousTop`) while
 * the focus rows stay at least `margin` rows inside it, and moves just enough when they do not.
 */
export function windowTop(
  previousTop: number,
  focus: { first: number; last: number },
  height: number,
  total: number,
  margin = Math.min(2, Math.floor((height - 1) / 4)),
): number {
  if (height <= 0 || total <= height) return 0;
  let top = Math.min(Math.max(0, previousTop), total - height);
  const span = focus.last - focus.first + 1;
  if (span > height) {
    // A focus taller than the window (a long answer never cut by a full stop): the window keeps
    // its place while it shows some of it (paging through it, as a pager does), else shows its
    // beginning.
    if (focus.first > top + height - 1 - margin || focus.last < top + margin) top = focus.first - margin;
  } else if (span > height - 2 * margin) {
    // A focus that fits only without the margins: all of it in sight.
    if (focus.first < top) top = focus.first;
    else if (focus.last > top + height - 1) top = focus.last - (height - 1);
  } else if (focus.first < top + margin) {
    top = focus.first - margin;
  } else if (focus.last > top + height - 1 - margin) {
    top = focus.last - (height - 1 - margin);
  }
  return Math.min(Math.max(0, top), total - height);
}
