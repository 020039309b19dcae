/** Fitting short texts into one terminal row. */
import { textWidth } from '../core/text/width.js';

/** `text` cut to `width` columns, with `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = textWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * `text` wrapped between whole words over at most `rows` rows of `width` columns; what does not
 * fit goes on the last row, cut with `…`. A word longer than a row is cut.
 */
export function wrapWords(text: string, width: number, rows: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line === '' || textWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (out.length >= rows - 1) return [...out, truncate([line, ...words.slice(i)].join(' '), width)];
    out.push(truncate(line, width));
    line = word;
  }
  if (line !== '') out.push(truncate(line, width));
  return out;
}

/** The spaces to put between a left and a right part so that the right part ends at `width`. */
export function gapBetween(left: string, right: string, width: number): string {
  return ' '.repeat(Math.max(1, width - textWidth(left) - textWidth(right)));
}

/** The first characters of `text` that fit in `width` columns (`from: 'end'`: the last ones). */
function charsWithin(text: string, width: number, from: 'start' | 'end'): string {
  const chars = [...text];
  if (from === 'end') chars.reverse();
  let out: string[] = [];
  let used = 0;
  for (const ch of chars) {
    const w = textWidth(ch);
    if (used + w > width) break;
    out.push(ch);
    used += w;
  }
  if (from === 'end') out = out.reverse();
  return out.join('');
}

/**
 * A short excerpt of a quote on one line, within `width` columns: whitespace collapsed (a passage
 * over two speaker turns reads on, `… démuni. Enquêteur : D'accord. P07 : Les délais…`), soft
 * hyphens (invisible in print) left out, and when long, cut in the middle between whole words
 * (`Je ne sais plus quoi […] Les délais sont très longs.`), never inside one: half a word
 * (`ais sont très longs`) reads as another word. A single word too long for its half is cut.
 */
export function excerpt(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\u00ad/g, '').trim();
  if (textWidth(flat) <= width) return flat;
  const cut = ' […] ';
  const room = Math.max(2, width - textWidth(cut));
  const words = flat.split(' ');
  // Whole words from either end, the shorter side growing first, while both fit in the room.
  let first = 0;
  let last = words.length;
  let headWidth = 0;
  let tailWidth = 0;
  while (first < last) {
    const atStart = headWidth <= tailWidth;
    const word = atStart ? words[first]! : words[last - 1]!;
    const w = textWidth(word) + ((atStart ? first : words.length - last) > 0 ? 1 : 0);
    if (headWidth + tailWidth + w > room) break;
    if (atStart) {
      headWidth += w;
      first++;
    } else {
      tailWidth += w;
      last--;
    }
  }
  // A word longer than its half (a URL, a long compound) is cut rather than left out.
  const half = Math.max(1, Math.floor(room / 2));
  const head = first > 0 ? words.slice(0, first).join(' ') : charsWithin(words[0]!, half, 'start');
  const tail = last < words.length ? words.slice(last).join(' ') : charsWithin(words[words.length - 1]!, room - textWidth(head), 'end');
  return `${head}${cut}${tail}`;
}

/**
 * The key hints that fit in `width`, joined by ` · `: the last `keep` always, then as many of
 * the others as fit, in their order.
 */
export function fitHints(items: readonly string[], width: number, keep = 2): string {
  const sep = ' · ';
  const kept = items.slice(Math.max(0, items.length - keep));
  const optional = items.slice(0, Math.max(0, items.length - keep));
  let used = textWidth(kept.join(sep));
  const chosen: string[] = [];
  for (const item of optional) {
    const w = textWidth(item) + sep.length;
    if (used + w > width) break;
    chosen.push(item);
    used += w;
  }
  return truncate([...chosen, ...kept].join(sep), width);
}

/**
 * `line(part)` within `width` columns, `part` (a word, a query, a theme path) shortened only as
 * much as the rest of the line needs: cut in its middle (`Perte de … métier`), or, for a path,
 * its start dropped a level at a time (`… › Ressources du médecin`), so that what the line says
 * is all there and the name typed stays recognisable.
 */
export function fitPart(
  lines: ((part: string) => string) | readonly ((part: string) => string)[],
  part: string,
  width: number,
  cut: 'middle' | 'path' = 'middle',
): string {
  // Several wordings, longest first: the first that holds `part` whole, else the last one, shortened.
  const wordings = typeof lines === 'function' ? [lines] : lines;
  for (const wording of wordings.slice(0, -1)) if (textWidth(wording(part)) <= width) return wording(part);
  const line = wordings.at(-1)!;
  const whole = line(part);
  if (textWidth(whole) <= width) return whole;
  const room = width - textWidth(line(''));
  if (cut === 'path') {
    const levels = part.split(' › ');
    for (let i = 1; i < levels.length; i++) {
      const shorter = `… › ${levels.slice(i).join(' › ')}`;
      if (textWidth(shorter) <= room) return line(shorter);
    }
  }
  if (room < 5) return truncate(whole, width);
  const chars = [...part];
  let head = '';
  let tail = '';
  for (let i = 0, j = chars.length - 1; i <= j; ) {
    const next = textWidth(head) <= textWidth(tail) ? chars[i]! : chars[j]!;
    if (textWidth(head) + textWidth(tail) + textWidth(next) + 1 > room) break;
    if (textWidth(head) <= textWidth(tail)) {
      head += next;
      i++;
    } else {
      tail = next + tail;
      j--;
    }
  }
  return line(`${head}…${tail}`);
}
