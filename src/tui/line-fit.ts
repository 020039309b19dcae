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

/** The spaces to put between a left and a right part so that the right part ends at `width`. */
export function gapBetween(left: string, right: string, width: number): string {
  return ' '.repeat(Math.max(1, width - textWidth(left) - textWidth(right)));
}

/** A short excerpt of a quote on one line: whitespace collapsed, soft hyphens (invisible in print) left out, cut in the middle if long. */
export function excerpt(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\u00ad/g, '').trim();
  if (textWidth(flat) <= width) return flat;
  const half = Math.max(1, Math.floor((width - 3) / 2));
  const chars = [...flat];
  return `${chars.slice(0, half).join('').trimEnd()} […] ${chars.slice(-half).join('').trimStart()}`;
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
