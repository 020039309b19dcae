/**
 * How many terminal columns a text takes, as the screens' renderer (Ink) measures it:
 * `string-width`, which cuts the text into graphemes and tests each against Unicode property
 * expressions. Latin text — accents, French punctuation, no-break spaces — takes one column a
 * character, and is counted without either.
 */
import stringWidth from 'string-width';

/**
 * The characters of U+2000–U+27FF string-width 8 gives one column and that extend no grapheme:
 * typographic spaces, dashes, quotation marks, …, currency signs, letterlike symbols, arrows,
 * mathematical and technical symbols (⏎ ≈), box drawing, geometric shapes, dingbats (✓ ✎) —
 * the emoji among them that take two columns left out. Pairs of first and last code point.
 */
const ONE_COLUMN_SYMBOLS = [
  0x2000, 0x200a, 0x2010, 0x2027, 0x202f, 0x205f, 0x2070, 0x20cf, 0x20f1, 0x2319, 0x231c, 0x2328, 0x232b, 0x23e8, 0x23ed, 0x23ef,
  0x23f1, 0x23f2, 0x23f4, 0x25fc, 0x25ff, 0x2613, 0x2616, 0x262f, 0x2638, 0x2647, 0x2654, 0x267e, 0x2680, 0x2689, 0x2690, 0x2692,
  0x2694, 0x26a0, 0x26a2, 0x26a9, 0x26ac, 0x26bc, 0x26bf, 0x26c3, 0x26c6, 0x26cd, 0x26cf, 0x26d3, 0x26d5, 0x26e9, 0x26eb, 0x26f1,
  0x26f4, 0x26f4, 0x26f6, 0x26f9, 0x26fb, 0x26fc, 0x26fe, 0x2704, 0x2706, 0x2709, 0x270c, 0x2727, 0x2729, 0x274b, 0x274d, 0x274d,
  0x274f, 0x2752, 0x2756, 0x2756, 0x2758, 0x2794, 0x2798, 0x27af, 0x27b1, 0x27be, 0x27c0, 0x27ff,
];

const SYMBOLS = new Uint8Array(0x800);
for (let i = 0; i < ONE_COLUMN_SYMBOLS.length; i += 2) SYMBOLS.fill(1, (ONE_COLUMN_SYMBOLS[i] as number) - 0x2000, (ONE_COLUMN_SYMBOLS[i + 1] as number) - 0x2000 + 1);

/**
 * Whether a UTF-16 code unit is a character that takes exactly one column and joins no other
 * into a grapheme: printable ASCII; Latin-1 and Latin Extended; most symbols of U+2000–U+27FF
 * (`ONE_COLUMN_SYMBOLS`). Checked against string-width for each of them (width.test.ts), but the
 * soft hyphen (U+00AD, Word's optional hyphen): string-width counts none, terminals draw one.
 */
export function isOneColumn(code: number): boolean {
  if (code < 0x7f) return code >= 0x20;
  if (code < 0x300) return code >= 0xa0;
  return code >= 0x2000 && code < 0x2800 && SYMBOLS[code - 0x2000] === 1;
}

/** string-width's measure, and one column for each soft hyphen (string-width gives it none; it is always its own grapheme). */
function measured(text: string): number {
  let softHyphens = 0;
  for (let i = text.indexOf('\u00ad'); i >= 0; i = text.indexOf('\u00ad', i + 1)) softHyphens++;
  return stringWidth(text) + softHyphens;
}

/** Columns `text` takes in a terminal (string-width's measure, soft hyphens one column, ANSI escapes not counted). */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isOneColumn(code)) width++;
    else if (code === 0x1b && text.charCodeAt(i + 1) === 0x5b) {
      // A colour or style (SGR: ESC [ digits and semicolons m) takes no column; any other escape goes to string-width.
      let j = i + 2;
      while (j < text.length && ((text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) || text.charCodeAt(j) === 0x3b)) j++;
      if (text.charCodeAt(j) !== 0x6d) return measured(text);
      i = j;
    } else return measured(text);
  }
  return width;
}

/** Whether every character of `text[start, end)` takes one column. */
export function oneColumnEach(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) if (!isOneColumn(text.charCodeAt(i))) return false;
  return true;
}
