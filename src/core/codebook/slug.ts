/**
 * Ids derived from names (`Délais d'accès` → `delais-d-acces`) and the key used to compare
 * names loosely (`Impuissance` = `impuissance` = `Impuissance `).
 */
import { foldLetters } from '../text/fold.js';

/** Lowercase ASCII where possible, without accents or ligatures: the shared first step of `slugify` and `nameKey`. */
function fold(name: string): string {
  // NFKD first: compatibility forms (ﬁ, ², full-width letters) become plain letters and digits.
  return foldLetters(name.normalize('NFKD'));
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
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = fold(name.normalize('NFC'))
      .replace(/['’‘ʼ`´]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    // The same few code and theme names are asked for again and again (an import of 20,000
    // rows asks for each of its codes and themes at every row): their keys are remembered.
    if (nameKeys.size >= 10_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();
