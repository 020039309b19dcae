/**
 * Reading a file the researcher imports as a transcript (`codage import`): a Word or
 * OpenDocument text, subtitles (WebVTT, SubRip), or text in UTF-8 or Windows-1252. The original is
 * only read, never changed. What cannot be imported is a value, not an exception, with the reason
 * the import summary gives: encrypted, empty, unreadable, unsupported, binary.
 *
 * A `.docx` or `.odt` is a zip archive: it goes through the zip guard (`zip-guard.ts`) before any
 * reader expands it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceText } from '../core/transcript-import/build.js';
import { odtParagraphs } from '../core/transcript-import/odt-text.js';
import { unwrapSimpleFields } from '../core/transcript-import/word-fields.js';
import { wordHtmlParagraphs } from '../core/transcript-import/word-html.js';
import { binaryContent } from '../core/text/binary.js';
import { decodeTranscriptBytes, normalizeText } from '../core/text/decode.js';
import type { Localized, TextEncoding } from '../core/types.js';
import { ArchiveError, boundedArchive, verifiedEntries } from './zip-guard.js';

export type RefusalReason = 'encrypted' | 'empty' | 'unreadable' | 'unsupported' | 'binary' | 'too-large';

export type SourceRead =
  | { ok: true; source: SourceText; encoding?: TextEncoding }
  | { ok: false; reason: RefusalReason; detail: Localized; hint?: Localized };

/** A transcript of 100 minutes is about 100 KB of text; a 50 MB document is not one. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export const IMPORTABLE_EXTENSIONS = ['.docx', '.odt', '.txt', '.md', '.markdown', '.text', '.vtt', '.srt'] as const;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** A password-protected Word file is an OLE container holding an `EncryptionInfo` stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

function refusal(reason: RefusalReason, detail: Localized, hint?: Localized): SourceRead {
  return hint === undefined ? { ok: false, reason, detail } : { ok: false, reason, detail, hint };
}

const SAVE_AS_DOCX: Localized = {
  en: 'open it in Word or LibreOffice and save it as .docx (or as plain text, UTF-8)',
  fr: 'l’ouvrir dans Word ou LibreOffice et l’enregistrer en .docx (ou en texte brut, UTF-8)',
};

function archiveRefusal(error: unknown, kind: string): SourceRead {
  if (error instanceof ArchiveError) {
    if (error.reason === 'damaged' || error.reason === 'unsupported') {
      return refusal('unreadable', { en: `a damaged ${kind} document (${error.detail})`, fr: `un document ${kind} endommagé (${error.detail})` }, SAVE_AS_DOCX);
    }
    return refusal(
      'too-large',
      { en: `would expand to too much once unzipped (${error.detail}): not opened, to protect the computer's memory`, fr: `occuperait trop de place une fois décompressé (${error.detail}) : il n’est pas ouvert, pour protéger la mémoire de l’ordinateur` },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return refusal('unreadable', { en: `an unreadable ${kind} document (${message})`, fr: `un document ${kind} illisible (${message})` }, SAVE_AS_DOCX);
}

async function readDocx(bytes: Uint8Array): Promise<SourceRead> {
  if (startsWith(bytes, CFB)) {
    return isEncryptedOffice(bytes)
      ? refusal('encrypted', { en: 'protected by a password (encrypted)', fr: 'protégé par un mot de passe (chiffré)' }, {
          en: 'open it in Word with its password, remove the password (File > Info > Protect document), save, and import it again',
          fr: 'l’ouvrir dans Word avec son mot de passe, retirer le mot de passe (Fichier > Informations > Protéger le document), enregistrer, et l’importer de nouveau',
        })
      : refusal('unsupported', { en: 'an old Word document (.doc) named .docx', fr: 'un ancien document Word (.doc) nommé .docx' }, SAVE_AS_DOCX);
  }
  if (!isZip(bytes)) return refusal('unreadable', { en: 'not a Word document (.docx is a zip archive; this is not one)', fr: 'pas un document Word (un .docx est une archive zip ; celui-ci n’en est pas une)' }, SAVE_AS_DOCX);
  let archive: Buffer;
  try {
    // Simple fields (an inserted date, a page number) unwrapped: mammoth would drop their text.
    archive = boundedArchive(bytes, undefined, (name, content) =>
      name.startsWith('word/') && name.endsWith('.xml') && content.includes('fldSimple') ? Buffer.from(unwrapSimpleFields(content.toString('utf8')), 'utf8') : content,
    );
  } catch (error) {
    return archiveRefusal(error, 'Word');
  }
  try {
    const mammoth = (await import('mammoth')).default;
    // Without mammoth's default style map: it maps headings, list paragraphs and a few run styles
    // to HTML elements that wordHtmlParagraphs reads as it reads <p> (the same text either way),
    // and mammoth parses its 50 rules again for every document (~2 ms each: 0.2 s of 100 files).
    const result = await mammoth.convertToHtml(
      { buffer: archive },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false, includeDefaultStyleMap: false },
    );
    return { ok: true, source: { kind: 'document', paragraphs: wordHtmlParagraphs(result.value) } };
  } catch (error) {
    return archiveRefusal(error, 'Word');
  }
}

function readOdt(bytes: Uint8Array): SourceRead {
  if (!isZip(bytes)) return refusal('unreadable', { en: 'not an OpenDocument text (.odt is a zip archive; this is not one)', fr: 'pas un texte OpenDocument (un .odt est une archive zip ; celui-ci n’en est pas une)' }, SAVE_AS_DOCX);
  try {
    const entries = verifiedEntries(bytes, (name) => name === 'content.xml' || name === 'META-INF/manifest.xml');
    const text = (name: string) => entries.find((e) => e.name.toString('utf8') === name)?.content.toString('utf8');
    if (/<manifest:encryption-data\b/.test(text('META-INF/manifest.xml') ?? '')) {
      return refusal('encrypted', { en: 'protected by a password (encrypted)', fr: 'protégé par un mot de passe (chiffré)' }, {
        en: 'open it in LibreOffice with its password, save it without one (File > Properties > Security), and import it again',
        fr: 'l’ouvrir dans LibreOffice avec son mot de passe, l’enregistrer sans (Fichier > Propriétés > Sécurité), et l’importer de nouveau',
      });
    }
    const content = text('content.xml');
    if (content === undefined) return refusal('unreadable', { en: 'an OpenDocument file without content.xml', fr: 'un fichier OpenDocument sans content.xml' }, SAVE_AS_DOCX);
    return { ok: true, source: { kind: 'document', paragraphs: odtParagraphs(content) } };
  } catch (error) {
    return archiveRefusal(error, 'OpenDocument');
  }
}

function readText(bytes: Uint8Array, ext: string): SourceRead {
  const binary = binaryContent(bytes);
  if (binary !== null) {
    return refusal('binary', { en: `not text: it looks like ${binary.what.en}`, fr: `pas du texte : il ressemble à ${binary.what.fr}` }, binary.fix);
  }
  const decoded = decodeTranscriptBytes(bytes);
  const text = normalizeText(decoded.text);
  const source: SourceText = ext === '.vtt' || ext === '.srt' ? { kind: 'captions', format: ext === '.vtt' ? 'vtt' : 'srt', text } : { kind: 'text', text };
  return { ok: true, source, encoding: decoded.encoding };
}

/** Reads `file` for an import: its text, or why it cannot be imported. */
export async function readTranscriptSource(file: string): Promise<SourceRead> {
  const ext = path.extname(file).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    const hint: Localized =
      ext === '.doc' || ext === '.rtf' || ext === '.pages'
        ? SAVE_AS_DOCX
        : ext === '.pdf'
          ? { en: 'copy the text out of the PDF into a .txt file (UTF-8), or import the Word document it was made from', fr: 'copier le texte du PDF dans un fichier .txt (UTF-8), ou importer le document Word dont il est issu' }
          : { en: 'codage imports .docx, .odt, .txt, .md, .vtt and .srt files', fr: 'codage importe les fichiers .docx, .odt, .txt, .md, .vtt et .srt' };
    return refusal('unsupported', { en: `${ext === '' ? 'no extension' : ext} files are not imported`, fr: `les fichiers ${ext === '' ? 'sans extension' : ext} ne sont pas importés` }, hint);
  }
  const stat = fs.statSync(file);
  if (!stat.isFile()) return refusal('unsupported', { en: 'not a file', fr: 'pas un fichier' });
  if (stat.size === 0) return refusal('empty', { en: 'the file is empty', fr: 'le fichier est vide' });
  if (stat.size > MAX_SOURCE_BYTES) {
    return refusal('too-large', { en: `${Math.round(stat.size / 1024 / 1024)} MB: too large for a transcript`, fr: `${Math.round(stat.size / 1024 / 1024)} Mo : trop gros pour une transcription` });
  }
  const bytes = fs.readFileSync(file);
  if (ext === '.docx') return readDocx(bytes);
  if (ext === '.odt') return readOdt(bytes);
  return readText(bytes, ext);
}
