/**
 * Short, stable hashes of text, for names codage derives (a consensus segment's id, a
 * disagreement's fingerprint): same text, same hash, on every machine. Not for security.
 */

/** A 32-bit FNV-1a hash of the UTF-16 code units of `text`. */
export function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** Two FNV-1a hashes of `text` in base 36, `length` characters (at most 12 are meaningful). */
export function shortHash(text: string, length: number): string {
  // fnv1a(text, 2166136261) and fnv1a(text, 0x9747b28c), in one pass over the text.
  let h1 = 2166136261;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 16777619) >>> 0;
  }
  return (h1.toString(36) + h2.toString(36)).padEnd(length, '0').slice(0, length);
}
