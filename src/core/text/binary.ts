/**
 * Files in transcripts/ that are not text at all: a Word document, a PDF, an image or a program
 * renamed `.txt`, or a file saved as UTF-16 without its byte order mark. Read as Windows-1252 they
 * would become a participant with thousands of garbage "words"; they are reported instead, and
 * left out of the study.
 */
import type { Localized, Problem } from '../types.js';

interface Signature {
  /** Bytes the file starts with. */
  magic: number[];
  what: Localized;
  /** Save it as plain text from this program. */
  fix: Localized;
}

const SAVE_AS_TEXT: Localized = {
  en: 'open it in the program that made it and save it as plain text (.txt, UTF-8), or move it out of transcripts/',
  fr: 'l’ouvrir dans le programme qui l’a créé et l’enregistrer en texte brut (.txt, UTF-8), ou le sortir de transcripts/',
};
const WORD_AS_TEXT: Localized = {
  en: 'open it in Word and save it as "Plain Text (.txt)", encoding "Unicode (UTF-8)"',
  fr: 'l’ouvrir dans Word et l’enregistrer en « Texte brut (.txt) », codage « Unicode (UTF-8) »',
};
const NOT_A_TRANSCRIPT: Localized = { en: 'move it out of transcripts/', fr: 'le sortir de transcripts/' };

const SIGNATURES: Signature[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: { en: 'a Word, LibreOffice or Excel document (a zip archive)', fr: 'un document Word, LibreOffice ou Excel (une archive zip)' }, fix: WORD_AS_TEXT },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: { en: 'an old Word or Excel document (.doc, .xls)', fr: 'un ancien document Word ou Excel (.doc, .xls)' }, fix: WORD_AS_TEXT },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: { en: 'a PDF document', fr: 'un document PDF' }, fix: SAVE_AS_TEXT },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: { en: 'a rich text document (RTF)', fr: 'un document en texte enrichi (RTF)' }, fix: WORD_AS_TEXT },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: { en: 'a PNG image', fr: 'une image PNG' }, fix: NOT_A_TRANSCRIPT },
  { magic: [0xff, 0xd8, 0xff], what: { en: 'a JPEG image', fr: 'une image JPEG' }, fix: NOT_A_TRANSCRIPT },
  { magic: [0x47, 0x49, 0x46, 0x38], what: { en: 'a GIF image', fr: 'une image GIF' }, fix: NOT_A_TRANSCRIPT },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: { en: 'a program', fr: 'un programme' }, fix: NOT_A_TRANSCRIPT },
  { magic: [0x49, 0x44, 0x33], what: { en: 'an audio file (MP3)', fr: 'un fichier audio (MP3)' }, fix: NOT_A_TRANSCRIPT },
];

/** How much of the file is looked at: enough to tell, little enough to cost nothing. */
const SAMPLE = 8192;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** What the file is when it is not text, or null when it is text (UTF-8, Windows-1252, UTF-16 with BOM). */
export function binaryContent(bytes: Uint8Array): { what: Localized; fix: Localized } | null {
  // UTF-16 with a byte order mark is text (Notepad's "Unicode").
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  for (const s of SIGNATURES) if (startsWith(bytes, s.magic)) return { what: s.what, fix: s.fix };
  const n = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    // C0 controls other than tab, line feed, form feed and carriage return (and ESC, seen in pasted text).
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (nul > 0) {
    // Every other byte zero: UTF-16 saved without its byte order mark.
    const utf16 = nul * 3 >= n;
    return utf16
      ? {
          what: { en: 'text in UTF-16 without a byte order mark, or binary data', fr: 'du texte en UTF-16 sans indicateur d’ordre des octets, ou des données binaires' },
          fix: { en: 'save it again as UTF-8 (in Notepad: "Save as", Encoding "UTF-8")', fr: 'l’enregistrer de nouveau en UTF-8 (dans le Bloc-notes : « Enregistrer sous », codage « UTF-8 »)' },
        }
      : { what: { en: 'binary data, not text', fr: 'des données binaires, pas du texte' }, fix: SAVE_AS_TEXT };
  }
  if (n > 0 && control * 20 > n) return { what: { en: 'binary data, not text', fr: 'des données binaires, pas du texte' }, fix: SAVE_AS_TEXT };
  return null;
}

/** The error for a transcript file that is not text, or null. */
export function binaryTranscriptProblem(file: string, bytes: Uint8Array): Problem | null {
  const found = binaryContent(bytes);
  if (found === null) return null;
  return {
    severity: 'error',
    file,
    kind: 'transcript-not-text',
    message: {
      en: `this file is not a text transcript: it looks like ${found.what.en}. It is left out of the study.`,
      fr: `ce fichier n’est pas une transcription en texte : il ressemble à ${found.what.fr}. Il est laissé hors de l’étude.`,
    },
    hint: found.fix,
  };
}
