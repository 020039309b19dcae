/**
 * A study file's text exactly as written: no line endings changed, no Unicode normalisation, the
 * byte order mark and the encoding (UTF-8 or Windows-1252) remembered — so that a command that
 * changes a few characters of a file (a participant id renamed) writes every other byte back as it
 * was, and a `git diff` shows only what changed. What codage reads for its own use goes through
 * `decodeStudyText` instead (LF, NFC).
 */
import { decodeWindows1252 } from './decode.js';

export type TextLayout = { encoding: 'utf-8'; bom: boolean } | { encoding: 'windows-1252' };

export interface TextAsWritten {
  /** Without the byte order mark; line endings and characters as in the file. */
  text: string;
  layout: TextLayout;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

let windows1252Bytes: Map<string, number> | undefined;

/** Windows-1252 byte of each character it has (all 256 bytes decode to distinct characters). */
function windows1252Byte(): Map<string, number> {
  if (windows1252Bytes === undefined) {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    windows1252Bytes = new Map([...all].map((c, i) => [c, i]));
  }
  return windows1252Bytes;
}

/** The bytes of `text` in `layout`, or null when a character of it cannot be written in that encoding. */
export function encodeAsWritten(text: string, layout: TextLayout): Uint8Array | null {
  if (layout.encoding === 'utf-8') {
    const body = encoder.encode(text);
    if (!layout.bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const table = windows1252Byte();
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text[i] as string);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The text of `bytes` as written (UTF-8, with or without a byte order mark, else Windows-1252), or
 * null when writing it back would not give the same bytes (UTF-16, an invalid sequence).
 */
export function readAsWritten(bytes: Uint8Array): TextAsWritten | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let read: TextAsWritten;
  try {
    read = { text: utf8.decode(bom ? bytes.subarray(3) : bytes), layout: { encoding: 'utf-8', bom } };
  } catch {
    read = { text: decodeWindows1252(bytes), layout: { encoding: 'windows-1252' } };
  }
  const back = encodeAsWritten(read.text, read.layout);
  return back !== null && sameBytes(back, bytes) ? read : null;
}
