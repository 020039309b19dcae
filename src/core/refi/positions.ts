/**
 * Where a selection of another tool's project lies in the transcript codage will read.
 *
 * The standard counts positions in Unicode code points over the source's plain text. Tools do
 * not all do so: some count UTF-16 units (QualCoder drifts by one after each emoji), some count a
 * CRLF line break as one character although the source file keeps CRLF, some count the byte order
 * mark. And codage reads the text with LF line endings, in NFC, without BOM. So each selection is
 * tried under every counting, and the counting is chosen by the selection's own text when the
 * tool gives it (the `name` of the selection): the first counting whose text is the selection's
 * is the right one. Without a text to check, a counting proven on other selections of the same
 * project is used; when nothing proves one and the countings disagree, the standard's is used
 * and the segment is reported as unchecked. A selection whose text is found nowhere under any
 * counting is placed where that exact text occurs once, and said; otherwise it is not placed.
 */
import { normalizeText } from '../text/decode.js';
import { OffsetMap } from '../text/offsets.js';

export type Counting = 'code-points' | 'utf16' | 'code-points-lf' | 'utf16-lf' | 'code-points-bom' | 'utf16-bom';

/** In the order they are tried: the standard's first. */
export const COUNTINGS: readonly Counting[] = ['code-points', 'utf16', 'code-points-lf', 'utf16-lf', 'code-points-bom', 'utf16-bom'];

/** A source's text as the tool stored it, and as codage will read it. */
export class SourceText {
  /** The text codage reads: LF, NFC, no BOM. Offsets below are UTF-16 indexes into it. */
  readonly text: string;
  private readonly raw: string;
  private readonly lf: string;
  private readonly hadBom: boolean;
  private readonly rawMap: OffsetMap;
  private readonly lfMap: OffsetMap;
  /** For each UTF-16 index of `raw`, its index in `lf`. */
  private readonly rawToLf: Int32Array | null;
  private readonly nfcChanges: boolean;
  private textMap: OffsetMap | null = null;

  constructor(decoded: string, hadBom: boolean) {
    this.raw = decoded;
    this.hadBom = hadBom;
    this.lf = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
    this.text = normalizeText(decoded);
    this.nfcChanges = this.text !== this.lf;
    this.rawMap = new OffsetMap(this.raw);
    this.lfMap = this.lf === this.raw ? this.rawMap : new OffsetMap(this.lf);
    if (this.lf === this.raw) {
      this.rawToLf = null;
    } else {
      const map = new Int32Array(this.raw.length + 1);
      let j = 0;
      for (let i = 0; i < this.raw.length; i++) {
        map[i] = j;
        // A CRLF is one LF: the CR maps onto it, the LF after it adds nothing.
        if (!(this.raw[i] === '\n' && i > 0 && this.raw[i - 1] === '\r')) j++;
      }
      map[this.raw.length] = j;
      this.rawToLf = map;
    }
  }

  /** The code point offset of a UTF-16 index into `text` (what coder files store). */
  codePoint(utf16: number): number {
    this.textMap ??= new OffsetMap(this.text);
    return this.textMap.toCodePoint(utf16);
  }

  /** Whether the countings can disagree at all on this text. */
  get ambiguous(): boolean {
    return this.rawMap.length !== this.raw.length || this.lf !== this.raw || this.hadBom;
  }

  /** From an index into `lf` to an index into `text` (they differ only where NFC changed something). */
  private lfToText(index: number): number {
    if (!this.nfcChanges) return index;
    return this.lf.slice(0, index).normalize('NFC').length;
  }

  private rawToText(index: number): number {
    return this.lfToText(this.rawToLf === null ? index : this.rawToLf[index]!);
  }

  /** A position counted one way, as a UTF-16 index into `text`; -1 when out of range. */
  private convert(p: number, counting: Counting): number {
    switch (counting) {
      case 'code-points': {
        const u = this.rawMap.toUtf16(p);
        return u < 0 ? -1 : this.rawToText(u);
      }
      case 'utf16':
        return this.rawMap.toCodePoint(p) < 0 ? -1 : this.rawToText(p);
      case 'code-points-lf': {
        const u = this.lfMap.toUtf16(p);
        return u < 0 ? -1 : this.lfToText(u);
      }
      case 'utf16-lf':
        return this.lfMap.toCodePoint(p) < 0 ? -1 : this.lfToText(p);
      case 'code-points-bom':
        return this.hadBom && p >= 1 ? this.convert(p - 1, 'code-points') : -1;
      case 'utf16-bom':
        return this.hadBom && p >= 1 ? this.convert(p - 1, 'utf16') : -1;
    }
  }

  /** [start, end) in `text` (UTF-16) for positions counted one way, or null when out of range. */
  place(start: number, end: number, counting: Counting): { start: number; end: number } | null {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
    const s = this.convert(start, counting);
    const e = this.convert(end, counting);
    if (s < 0 || e < 0 || e <= s) return null;
    return { start: s, end: e };
  }
}

/** The same text for a comparison: line endings, NFC, spaces. */
function comparable(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Whether `found` is the selection text a tool wrote: the same, or its beginning when the tool
 * shortened it (some end a long name with "…" or "...").
 */
export function sameSelectionText(found: string, given: string): boolean {
  const a = comparable(found);
  const b = comparable(given);
  if (a === b) return true;
  const shortened = b.replace(/(?:…|\.\.\.)$/, '').trimEnd();
  return shortened.length >= 10 && shortened.length < a.length && a.startsWith(shortened);
}

export type Placement =
  | { placed: true; start: number; end: number; counting: Counting; how: 'checked' | 'unambiguous' | 'by-project' | 'unchecked' }
  | { placed: true; start: number; end: number; counting: null; how: 'found-elsewhere' }
  | { placed: false; reason: 'out-of-range' | 'text-not-found' | 'text-ambiguous' };

/** Every counting under which the text of a selection is the one the tool gave. */
export function matchingCountings(source: SourceText, start: number, end: number, given: string): Counting[] {
  return COUNTINGS.filter((c) => {
    const at = source.place(start, end, c);
    return at !== null && sameSelectionText(source.text.slice(at.start, at.end), given);
  });
}

/**
 * Places one selection (see the module comment). `projectCounting` is the counting the project's
 * checked selections agree on, if any.
 */
export function placeSelection(source: SourceText, start: number, end: number, given: string | undefined, projectCounting: Counting | null): Placement {
  if (given !== undefined && comparable(given) !== '') {
    const matching = matchingCountings(source, start, end, given);
    const chosen = projectCounting !== null && matching.includes(projectCounting) ? projectCounting : matching[0];
    if (chosen !== undefined) {
      const at = source.place(start, end, chosen)!;
      return { placed: true, ...at, counting: chosen, how: 'checked' };
    }
    // The positions are wrong under every counting: the exact text, if it occurs once.
    const wanted = normalizeText(given);
    const first = source.text.indexOf(wanted);
    if (first === -1) return { placed: false, reason: COUNTINGS.some((c) => source.place(start, end, c) !== null) ? 'text-not-found' : 'out-of-range' };
    if (source.text.indexOf(wanted, first + 1) !== -1) return { placed: false, reason: 'text-ambiguous' };
    return { placed: true, start: first, end: first + wanted.length, counting: null, how: 'found-elsewhere' };
  }
  const standard = source.place(start, end, 'code-points');
  if (!source.ambiguous) return standard === null ? { placed: false, reason: 'out-of-range' } : { placed: true, ...standard, counting: 'code-points', how: 'unambiguous' };
  const counting = projectCounting ?? 'code-points';
  const at = source.place(start, end, counting);
  if (at === null) return { placed: false, reason: 'out-of-range' };
  const others = COUNTINGS.map((c) => source.place(start, end, c)).filter((p) => p !== null);
  const agree = others.every((p) => p.start === at.start && p.end === at.end);
  return { placed: true, ...at, counting, how: agree ? 'unambiguous' : projectCounting !== null ? 'by-project' : 'unchecked' };
}
