/**
 * Ids derived from names (`Délais d'accès` → `delais-d-acces`) and the key used to compare
 * names loosely (`Impuissance` = `impuissance` = `Impuissance `).
 */

/** Letters that Unicode decomposition does not split into a base letter and accents. */
const SPECIAL_LETTERS: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

const SPECIAL_RE = /[œŒæÆßẞøØđĐðÐłŁþÞı]/g;
const MARKS_RE = /\p{M}+/gu;

/** Lowercase, without accents or ligatures: the shared first step of `slugify` and `nameKey`. */
function fold(name: string): string {
  return name
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase();
}

/**
 * The id a node gets from its name: lowercase ASCII letters and digits separated by single
 * hyphens. Never empty: a name with nothing usable gives `fallback`.
 */
export function slugify(name: string, fallback = 'code'): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

/** `base` if free, else `base-2`, `base-3`… The set is not changed. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The key under which two names count as the same name: case, accents, apostrophes
 * (' ’ ʼ `, read as a space) and spacing do not matter: `Délais d’accès `, `delais d'acces`
 * and `DÉLAIS  D' ACCÈS` share a key.
 */
export function nameKey(name: string): string {
  return fold(name.normalize('NFC'))
    .replace(/['’‘ʼ`´]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
