/**
 * Turning a transcript file's bytes into the text that offsets refer to.
 *
 * UTF-8 (with or without BOM) first; bytes that are not valid UTF-8 are read as
 * Windows-1252, which is what Word writes when saving "Texte brut" on Windows.
 * A UTF-16 BOM (Notepad's "Unicode") is honoured too.
 */
import type { TextEncoding } from '../types.js';

/** Set when the bytes were UTF-16: `encoding` then says 'utf-8' (the text is Unicode all the same). */
export type EncodingNote = 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** Decoded text, without BOM. Line endings and normalisation untouched (see `normalizeText`). */
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
  note?: EncodingNote;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Strict UTF-8 decoding: the text (a BOM in the bytes is kept as U+FEFF), or null when the bytes
 * are not valid UTF-8. The reader of the study files passes a faster one made with Node's buffers.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

export const decodeUtf8: Utf8Decoder = (bytes) => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's
 * `TextDecoder('windows-1252')` decodes these as C1 controls, so the table is ours.
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control, as in WHATWG.
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunk = 8192;
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(chunk, bytes.length));
  for (let base = 0; base < bytes.length; base += chunk) {
    const n = Math.min(chunk, bytes.length - base);
    for (let i = 0; i < n; i++) {
      const b = bytes[base + i]!;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode.apply(null, Array.from(codes.subarray(0, n))));
  }
  return parts.join('');
}

const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  if (!bigEndian) return utf16le.decode(bytes);
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return utf16le.decode(swapped);
}

/** Decodes a transcript file: UTF-16 if it has a UTF-16 BOM, else UTF-8, else Windows-1252. */
export function decodeTranscriptBytes(bytes: Uint8Array, utf8Decoder: Utf8Decoder = decodeUtf8): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-8', hadBom: true, note: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-8', hadBom: true, note: 'utf-16be' };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const content = hadBom ? bytes.subarray(3) : bytes;
  const text = utf8Decoder(content);
  if (text !== null) return { text, encoding: 'utf-8', hadBom };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', hadBom: false };
}

/**
 * Characters that Unicode normalisation (NFC) leaves as they are, alone and next to one another:
 * Latin letters with or without accents, Latin-1 and IPA symbols, spacing modifiers (U+0000–U+02FF),
 * general punctuation but the two quads NFC rewrites (U+2002–U+206F: ’ … – « ») and currency signs.
 * None is a combining mark or a character that composes with the one before it (decode.test.ts
 * checks every one and every pair). A text made only of them is NFC already.
 */
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02ff\u2002-\u206f\u20a0-\u20cf]/;

/**
 * `s.normalize('NFC')`, without ICU's pass over a text that cannot change (a French or English
 * transcript, most of the time): the check is a few times faster than the normalisation.
 */
export function toNfc(s: string): string {
  return MAY_CHANGE_UNDER_NFC.test(s) ? s.normalize('NFC') : s;
}

/** CRLF and lone CR become LF, then Unicode NFC. */
export function normalizeText(s: string): string {
  const lf = s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n');
  return toNfc(lf);
}

export interface MojibakeHit {
  /** 1-based line and column (column in UTF-16 code units, as editors and the yaml library count). */
  line: number;
  column: number;
  /** The suspicious characters, e.g. `Ã©` or `â€™`. */
  sample: string;
}

/**
 * UTF-8 read as Windows-1252 and saved again as UTF-8: `é` → `Ã©`, `à` → `Ã` + NBSP (or space),
 * `’` → `â€™`, `œ` → `Å“`, `«` → `Â«`. Uppercase `Ã` is followed by letters in real Portuguese
 * (`SÃO`), never by these symbols, so false alarms are rare.
 */
const MOJIBAKE =
  /Ã[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|Ã (?=[\p{Ll}\s])|â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u2122\u0153\u0161\u017e]?|Â[\u00a0-\u00bf]|Å[\u0152\u0153\u201c\u2019\u00a0]/gu;

/** Every place that looks like double-encoded UTF-8 ("mojibake"). */
export function findMojibake(text: string): MojibakeHit[] {
  const hits: MojibakeHit[] = [];
  // Every pattern starts with one of these: `indexOf` is many times faster than the regex.
  if (text.indexOf('Ã') === -1 && text.indexOf('â€') === -1 && text.indexOf('Â') === -1 && text.indexOf('Å') === -1) {
    return hits;
  }
  MOJIBAKE.lastIndex = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let m = MOJIBAKE.exec(text); m !== null; m = MOJIBAKE.exec(text)) {
    for (let nl = text.indexOf('\n', scanned); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = m.index;
    hits.push({ line, column: m.index - lineStart + 1, sample: m[0] });
  }
  return hits;
}
