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

/**
 * The two FNV-1a hashes of `shortHash`, fed piece by piece: the hash of pieces added one after
 * the other is the hash of their concatenation, which need not be built (a disagreement's key
 * hashes a passage of its transcript without cutting it out).
 */
export class ShortHasher {
  private h1 = 2166136261;
  private h2 = 0x9747b28c;

  /** Adds `text` from `from` to `to` (code units). */
  add(text: string, from = 0, to = text.length): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
      h2 = Math.imul(h2 ^ c, 16777619) >>> 0;
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The hashes in base 36, `length` characters (at most 12 are meaningful). */
  digest(length: number): string {
    return (this.h1.toString(36) + this.h2.toString(36)).padEnd(length, '0').slice(0, length);
  }
}

/** Two FNV-1a hashes of `text` in base 36, `length` characters (at most 12 are meaningful). */
export function shortHash(text: string, length: number): string {
  // fnv1a(text, 2166136261) and fnv1a(text, 0x9747b28c), in one pass over the text.
  return new ShortHasher().add(text).digest(length);
}
