/**
 * Code points (what coder files store) ↔ UTF-16 code units (what JavaScript strings index).
 *
 * They differ only after an astral character (emoji, rare CJK), which takes two UTF-16 units
 * but one code point. Transcripts almost never have any, so the map is the identity then.
 * A lone surrogate counts as one code point, as `[...text]` does.
 */

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** Whether the text has a character outside the Basic Multilingual Plane (a surrogate pair). */
export function hasAstral(text: string): boolean {
  return SURROGATE_PAIR.test(text);
}

/** Number of items of `sorted` (ascending) strictly less than `x`. */
function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class OffsetMap {
  /** Length of the text in code points. */
  readonly length: number;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** UTF-16 index of each surrogate pair's first unit, ascending. */
  private readonly pairsUtf16: Int32Array;
  /** Code point index of each surrogate pair, ascending. */
  private readonly pairsCodePoint: Int32Array;

  constructor(text: string) {
    this.utf16Length = text.length;
    const positions: number[] = [];
    if (hasAstral(text)) {
      const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
      for (let m = pair.exec(text); m !== null; m = pair.exec(text)) positions.push(m.index);
    }
    this.pairsUtf16 = Int32Array.from(positions);
    this.pairsCodePoint = Int32Array.from(positions, (p, i) => p - i);
    this.length = text.length - positions.length;
  }

  /** UTF-16 index of a code point offset (0…length inclusive), or -1 when out of range. */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length) return -1;
    if (this.pairsUtf16.length === 0) return codePoint;
    return codePoint + countBelow(this.pairsCodePoint, codePoint);
  }

  /**
   * Code point offset of a UTF-16 index (0…utf16Length inclusive), or -1 when out of range
   * or when the index falls between the two halves of a surrogate pair.
   */
  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) return -1;
    if (this.pairsUtf16.length === 0) return utf16;
    const before = countBelow(this.pairsUtf16, utf16);
    if (before > 0 && this.pairsUtf16[before - 1]! === utf16 - 1) return -1;
    return utf16 - before;
  }
}
