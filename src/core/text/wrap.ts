/**
 * Text wrapped at word boundaries to a terminal width, in runs that keep their own style (a
 * quote upright, its context dimmed): styles are applied per line after wrapping, so that an
 * escape sequence never spans a line break and widths are measured on the plain text. Fast
 * enough for thousands of quotes (wrap-ansi measured 6 s on 7,724 quotes).
 */
import { isOneColumn, textWidth } from './width.js';

export interface Run<S extends string = string> {
  text: string;
  /** A style name the caller's painter knows; none: plain. */
  style?: S;
}

/** A word too long for a line, cut into pieces of at most `width` columns. */
function cut(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const ch of word) {
    const w = textWidth(ch);
    if (used + w > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Whether a UTF-16 code unit is one of the spaces a line may break at: space, tab, line ends, form feed, vertical tab. */
function isBreakingSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * The runs as lines of at most `width` columns (`firstIndent` before the first, `indent` before
 * the others, both counted), whitespace collapsed to single spaces; `paint` styles each run's
 * part of a line. Each line ends with `\n`.
 *
 * The words of a run are read in place (no split, no string per word): words a single space
 * apart in the text and on one line are taken as one slice of it.
 */
export function wrapRuns<S extends string>(
  runs: readonly Run<S>[],
  width: number,
  options: { indent?: string; firstIndent?: string; paint?: (text: string, style: S) => string } = {},
): string {
  const indent = options.indent ?? '';
  const firstIndent = options.firstIndent ?? indent;
  const paint = options.paint ?? ((text: string) => text);
  const lines: string[] = [];
  /** The current line's parts, each in one style (undefined: plain). */
  let parts: string[] = [];
  let styles: (S | undefined)[] = [];
  let used = 0;
  let room = Math.max(10, width - textWidth(firstIndent));
  /** The text of the line not yet in `parts`: `source` from `from` to `to`, in `style`. */
  let source = '';
  let from = 0;
  let to = 0;
  let style: S | undefined;
  const put = (text: string, s: S | undefined) => {
    const last = parts.length - 1;
    if (last >= 0 && styles[last] === s) parts[last] += text;
    else {
      parts.push(text);
      styles.push(s);
    }
  };
  const settle = () => {
    if (to > from) put(source.slice(from, to), style);
    from = to = 0;
  };
  const flush = () => {
    settle();
    let line = lines.length === 0 ? firstIndent : indent;
    for (let k = 0; k < parts.length; k++) {
      const s = styles[k];
      line += s === undefined ? (parts[k] as string) : paint(parts[k] as string, s);
    }
    lines.push(line);
    parts = [];
    styles = [];
    used = 0;
    room = Math.max(10, width - textWidth(indent));
  };
  /** Adds the word `text[start, end)` to the line, after a space (`space`) when the line has words. */
  const add = (text: string, start: number, end: number, s: S | undefined, space: boolean) => {
    if (space && to > from && source === text && style === s && to + 1 === start && text.charCodeAt(to) === 0x20) {
      to = end;
      return;
    }
    settle();
    // The space between two words takes the style of the run the next word belongs to.
    if (space) put(' ', s);
    source = text;
    from = start;
    to = end;
    style = s;
  };
  for (const run of runs) {
    const text = run.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      // Only ordinary spaces break a line: a no-break space (« text », 12 h) holds its neighbours together.
      while (i < n && isBreakingSpace(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      let w = 0;
      let simple = true;
      for (; i < n; i++) {
        const code = text.charCodeAt(i);
        if (isBreakingSpace(code)) break;
        if (isOneColumn(code)) w++;
        else simple = false;
      }
      if (!simple) w = textWidth(text.slice(start, i));
      if (used > 0 && used + 1 + w <= room) {
        add(text, start, i, run.style, true);
        used += 1 + w;
        continue;
      }
      if (used > 0) flush();
      if (w <= room) {
        add(text, start, i, run.style, false);
        used = w;
        continue;
      }
      for (const piece of cut(text.slice(start, i), room)) {
        if (used > 0) flush();
        add(piece, 0, piece.length, run.style, false);
        used = textWidth(piece);
      }
    }
  }
  if (used > 0 || lines.length === 0) flush();
  return `${lines.join('\n')}\n`;
}
