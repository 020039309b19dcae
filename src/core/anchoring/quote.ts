/** A quote as an author wrote it: guillemets around it, ellipses for omitted parts. */

const SPACES = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;
const OPENING = '«“„‟‹';
const CLOSING = '»”›';

function count(text: string, marks: string): number {
  let n = 0;
  for (const ch of text) if (marks.includes(ch)) n++;
  return n;
}

/**
 * The quote in NFC, without surrounding spaces and the quotation marks around it
 * (`« on se sent démunis »` → `on se sent démunis`). A mark that closes a quotation opened
 * inside the quote stays: `il dit « non »` keeps its `»`, as the transcript has it.
 */
export function cleanQuote(quote: string): string {
  let q = quote.normalize('NFC').replace(SPACES, '');
  for (;;) {
    const first = q[0] ?? '';
    const last = q[q.length - 1] ?? '';
    const opens = count(q, OPENING);
    const closes = count(q, CLOSING);
    const straight = count(q, '"');
    let next = q;
    if (q.length > 1 && OPENING.includes(first) && CLOSING.includes(last) && opens === closes && opens <= 1) next = q.slice(1, -1);
    else if (OPENING.includes(first) && opens > closes) next = q.slice(1);
    else if (CLOSING.includes(last) && closes > opens) next = q.slice(0, -1);
    else if (q.length > 1 && first === '"' && last === '"' && straight === 2) next = q.slice(1, -1);
    else if (first === '"' && straight % 2 === 1) next = q.slice(1);
    else if (last === '"' && straight % 2 === 1) next = q.slice(0, -1);
    next = next.replace(SPACES, '');
    if (next === q) return q;
    q = next;
  }
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
