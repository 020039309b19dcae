/** A study transcript's participant id, read from its first lines only. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { decodeWindows1252, normalizeText } from '../core/text/decode.js';
import { splitFrontMatter } from '../core/transcript/front-matter.js';
import { decodeStudyText } from './study-text.js';

const NEWLINE = 0x0a;
const DASH = 0x2d;
const DOT = 0x2e;

/**
 * The participant id of a transcript of the study, as `codage check` reads it: its front matter's
 * `id:`, else its file name; undefined when the file cannot be read. Only the lines up to the end
 * of the front matter are decoded (an import compares the ids of 200 interviews of ~60 KB each),
 * in the encoding the whole file is read in; anything unusual (UTF-16, a front matter whose end is
 * not found in the first lines) is read whole.
 */
export function transcriptIdOf(root: string, file: string): string | undefined {
  try {
    const bytes = fs.readFileSync(path.join(root, file));
    const head = frontMatterBytes(bytes);
    if (head === null) return idOf({}, file);
    const front = splitFrontMatter(decodeStudyText(head), file);
    if (head !== bytes && front.problems.some((p) => p.kind === 'front-matter-unclosed')) return idOf(splitFrontMatter(decodeStudyText(bytes), file), file);
    return idOf(front, file);
  } catch {
    return undefined;
  }
}

function idOf(front: { id?: string }, file: string): string {
  return front.id ?? path.basename(file).replace(/\.[^.]*$/, '');
}

/**
 * The bytes up to the end of the first line after line 1 that starts with `---` or `...` (where a
 * front matter closes), when the whole file is UTF-8 (a line end never falls inside a character)
 * or one-byte Windows-1252; else the whole file. Null when the file has no front matter.
 */
function frontMatterBytes(bytes: Buffer): Buffer | null {
  // UTF-16 (a BOM): read whole.
  if (isUtf16(bytes)) return bytes;
  const bom = utf8Bom(bytes);
  // No `---` on line 1: no front matter (UTF-8 and Windows-1252 write it the same way).
  if (!opensFrontMatter(bytes, bom)) return null;
  // Windows-1252 decoding depends on the whole file not being UTF-8: decided on the whole file.
  if (!isUtf8(bytes.subarray(bom))) return bytes;
  const end = frontMatterEnd(bytes, bom);
  return end === -1 ? bytes : bytes.subarray(0, end);
}

const isUtf16 = (bytes: Buffer): boolean => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
const utf8Bom = (bytes: Buffer): number => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
const opensFrontMatter = (bytes: Buffer, bom: number): boolean => bytes[bom] === DASH && bytes[bom + 1] === DASH && bytes[bom + 2] === DASH;

/** Where the line that may close the front matter ends (after its newline); -1 when none is complete in `bytes`. */
function frontMatterEnd(bytes: Buffer, bom: number): number {
  for (let i = bytes.indexOf(NEWLINE, bom); i !== -1 && i + 3 < bytes.length; i = bytes.indexOf(NEWLINE, i + 1)) {
    const c = bytes[i + 1];
    if ((c === DASH || c === DOT) && bytes[i + 2] === c && bytes[i + 3] === c) {
      const end = bytes.indexOf(NEWLINE, i + 4);
      return end === -1 ? -1 : end + 1;
    }
  }
  return -1;
}

/** How many bytes `idsFromHead` reads: a front matter is a few lines. */
const HEAD_BYTES = 16 * 1024;

/**
 * The participant ids the transcript `file` of the study may have, from its first bytes only: its
 * file name's when it has no front matter; when a front matter closes within them, its id as
 * read whether the file is UTF-8 or Windows-1252 (which one is decided on the whole file). Null
 * when its first bytes cannot tell (UTF-16, a longer front matter, a file that cannot be read):
 * it is read whole to know. A command that needs a few transcripts (`codage confirm`) reads the
 * others no further than their front matter.
 */
export function idsFromHead(root: string, file: string): string[] | null {
  let head: Buffer;
  try {
    const fd = fs.openSync(path.join(root, file), 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.subarray(0, fs.readSync(fd, buffer, 0, HEAD_BYTES, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (isUtf16(head)) return null;
  const bom = utf8Bom(head);
  if (!opensFrontMatter(head, bom)) return [idOf({}, file)];
  const end = frontMatterEnd(head, bom);
  if (end === -1) return null;
  const lines = head.subarray(0, end);
  // Read as UTF-8 (when these bytes are), and as Windows-1252, where a byte order mark is text:
  // no front matter then, and the file's name is its id.
  const ids: string[] = [];
  for (const text of [...(isUtf8(lines.subarray(bom)) ? [decodeStudyText(lines)] : []), normalizeText(decodeWindows1252(lines))]) {
    const front = splitFrontMatter(text, file);
    if (front.problems.some((p) => p.kind === 'front-matter-unclosed')) return null;
    ids.push(idOf(front, file));
  }
  return ids;
}
