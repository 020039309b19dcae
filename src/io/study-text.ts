/** Decoding the bytes of study files into the text codage reads (shared by every reader). */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { decodeTranscriptBytes, decodeUtf8, normalizeText, type Utf8Decoder } from '../core/text/decode.js';

/**
 * Strict UTF-8 decoding with Node's native helpers: validation, then ICU's UTF-8 → UTF-16
 * conversion, about twice as fast as `TextDecoder` on accented text (a study's transcripts and
 * coder files are tens of megabytes). Same result, null when the bytes are not UTF-8.
 */
export const decodeUtf8Fast: Utf8Decoder = (bytes) => {
  if (!isUtf8(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer)) return buffer.toString('latin1');
  try {
    return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // A Node built without ICU has no `transcode`.
    return decodeUtf8(bytes);
  }
};

/** Text of a small study file (codage.yaml, codebook, CSV): UTF-8 or Windows-1252, LF, NFC. */
export function decodeStudyText(bytes: Uint8Array): string {
  return normalizeText(decodeTranscriptBytes(bytes, decodeUtf8Fast).text);
}
