import { describe, expect, it } from 'vitest';
import { binaryContent, binaryTranscriptProblem } from './binary.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('binaryContent', () => {
  it('tells documents, images and programs renamed .txt by their first bytes', () => {
    expect(binaryContent(bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml'))?.what.en).toContain('Word');
    expect(binaryContent(bytes('%PDF-1.7\n'))?.what.en).toBe('a PDF document');
    expect(binaryContent(bytes('{\\rtf1\\ansi Enquêtrice'))?.what.en).toContain('RTF');
    expect(binaryContent(bytes([0x89], 'PNG\r\n'))?.what.en).toBe('a PNG image');
    expect(binaryContent(bytes([0x7f], 'ELF', [2, 1, 1, 0]))?.what.en).toBe('a program');
  });

  it('tells binary data by its NUL and control bytes, and UTF-16 saved without a BOM', () => {
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(binaryContent(noise)?.what.en).toBe('binary data, not text');
    expect(binaryContent(Buffer.from('Enquêtrice : Bonjour.\n', 'utf16le'))?.what.en).toContain('UTF-16 without a byte order mark');
  });

  it('reads as text UTF-8, Windows-1252, UTF-16 with a BOM, form feeds and a pasted escape', () => {
    expect(binaryContent(Buffer.from('Enquêtrice : Bonjour « P1 ».\r\n\fP1 : *rire*\t(silence)\n', 'utf8'))).toBeNull();
    expect(binaryContent(bytes('Enqu', [0xea], 'trice : Bonjour ', [0x85], '\r\n'))).toBeNull();
    expect(binaryContent(Uint8Array.from([0xff, 0xfe, ...Buffer.from('Bonjour', 'utf16le')]))).toBeNull();
    expect(binaryContent(bytes('P1 : oui \x1b[1m vraiment\n'))).toBeNull();
    expect(binaryContent(new Uint8Array())).toBeNull();
  });
});

describe('binaryTranscriptProblem', () => {
  it('is an error naming what the file looks like and how to fix it', () => {
    const p = binaryTranscriptProblem('transcripts/P3.txt', bytes('%PDF-1.4'));
    expect(p).toMatchObject({ severity: 'error', file: 'transcripts/P3.txt', kind: 'transcript-not-text' });
    expect(p!.message.fr).toBe('ce fichier n’est pas une transcription en texte : il ressemble à un document PDF. Il est laissé hors de l’étude.');
  });
});
