/**
 * Natural order for participant ids, file names and labels: `P2` < `P10`, `P1` < `P01` < `P2`.
 *
 * Strings are cut into digit runs and other runs. Digit runs compare by numeric value
 * (any length, no overflow), other runs with the French collator ignoring case and accents.
 * Ties are broken by the length of the digit runs (fewer leading zeros first), then by plain
 * UTF-16 code unit order, so the order is total and deterministic.
 */

// Made on first use: loading ICU's collation data takes ~10 ms, and many commands never compare two names.
let collator: Intl.Collator | null = null;
function collate(a: string, b: string): number {
  collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: false });
  return collator.compare(a, b);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Splits into alternating runs of ASCII digits and non-digits. */
function runs(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i === s.length || isDigit(s.charCodeAt(i)) !== isDigit(s.charCodeAt(i - 1))) {
      out.push(s.slice(start, i));
      start = i;
    }
  }
  return out;
}

function compareNumberRuns(a: string, b: string): number {
  let i = 0;
  while (i < a.length - 1 && a.charCodeAt(i) === 48) i++;
  let j = 0;
  while (j < b.length - 1 && b.charCodeAt(j) === 48) j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la < lb ? -1 : 1;
  for (; i < a.length; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order, natural for numbers inside strings. Usable directly with `Array.prototype.sort`. */
export function compareNatural(a: string, b: string): number {
  if (a === b) return 0;
  const ra = runs(a);
  const rb = runs(b);
  const n = Math.min(ra.length, rb.length);
  for (let k = 0; k < n; k++) {
    const x = ra[k] as string;
    const y = rb[k] as string;
    const dx = isDigit(x.charCodeAt(0));
    const dy = isDigit(y.charCodeAt(0));
    let c: number;
    if (dx && dy) c = compareNumberRuns(x, y);
    else if (dx !== dy) c = dx ? -1 : 1;
    else c = collate(x, y);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length < rb.length ? -1 : 1;
  // Same runs up to case, accents and leading zeros: fewer leading zeros first.
  for (let k = 0; k < n; k++) {
    const x = ra[k] as string;
    const y = rb[k] as string;
    if (isDigit(x.charCodeAt(0)) && x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return compareCodeUnits(a, b);
}
