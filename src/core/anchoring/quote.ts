/** A quote as an author wrote it: guillemets around it, ellipses for omitted parts. */

const ENCLOSING = /^[\s\u00a0\u202f"«»“”„‟‹›]+|[\s\u00a0\u202f"«»“”„‟‹›]+$/g;

/** The quote in NFC, without surrounding spaces and quotation marks (`« on se sent démunis »` → `on se sent démunis`). */
export function cleanQuote(quote: string): string {
  return quote.normalize('NFC').replace(ENCLOSING, '');
}

/** Marks of an omission: `...`, `…`, `[…]`, `[...]`, `(…)`, `(...)`. */
const ELLIPSIS = /\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|…|\.{3,}/;

/** The quote's parts between ellipses (raw, possibly empty at the ends). */
export function splitOnEllipsis(quote: string): string[] {
  return quote.split(ELLIPSIS);
}

export function hasEllipsis(quote: string): boolean {
  return ELLIPSIS.test(quote);
}

const WORD = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch);
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  let i = text.indexOf('\n');
  while (i >= 0 && i < offset) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}
