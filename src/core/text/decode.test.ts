import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes, decodeWindows1252, findMojibake, normalizeText, toNfc } from './decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeTranscriptBytes', () => {
  it('reads UTF-8 without BOM', () => {
    const r = decodeTranscriptBytes(utf8('Enquêtrice : Ça va ?'));
    expect(r).toEqual({ text: 'Enquêtrice : Ça va ?', encoding: 'utf-8', hadBom: false });
  });

  it('strips a UTF-8 BOM and keeps CRLF for normalizeText', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('P1 : oui\r\nP2 : non')]);
    const r = decodeTranscriptBytes(bytes);
    expect(r.hadBom).toBe(true);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('P1 : oui\r\nP2 : non');
  });

  it('falls back to Windows-1252 with the 0x80–0x9F table (’ “ ” œ)', () => {
    // « C’est “très” dur, le cœur à l’été è » in Windows-1252
    const bytes = new Uint8Array([
      0x43, 0x92, 0x65, 0x73, 0x74, 0x20, 0x93, 0x74, 0x72, 0xe8, 0x73, 0x94, 0x20, 0x64, 0x75, 0x72, 0x2c, 0x20, 0x6c,
      0x65, 0x20, 0x63, 0x9c, 0x75, 0x72, 0x20, 0xe0, 0x20, 0x6c, 0x92, 0xe9, 0x74, 0xe9, 0x20, 0x85, 0x20, 0x80,
    ]);
    const r = decodeTranscriptBytes(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.hadBom).toBe(false);
    expect(r.text).toBe('C’est “très” dur, le cœur à l’été … €');
  });

  it('maps the five undefined Windows-1252 bytes to C1 controls, like WHATWG', () => {
    expect(decodeWindows1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('decodes long Windows-1252 files across chunk boundaries', () => {
    const bytes = new Uint8Array(20000).fill(0xe9);
    bytes[8191] = 0x92;
    bytes[8192] = 0x9c;
    const text = decodeWindows1252(bytes);
    expect(text.length).toBe(20000);
    expect(text.slice(8190, 8194)).toBe('é’œé');
  });

  it('decodes UTF-16 LE and BE with a BOM (Notepad "Unicode")', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x50, 0x00, 0x31, 0x00, 0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde]);
    expect(decodeTranscriptBytes(le)).toEqual({ text: 'P1é😀', encoding: 'utf-8', hadBom: true, note: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x50, 0x00, 0xe9]);
    expect(decodeTranscriptBytes(be)).toEqual({ text: 'Pé', encoding: 'utf-8', hadBom: true, note: 'utf-16be' });
  });

  it('reads an empty file as empty UTF-8', () => {
    expect(decodeTranscriptBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', hadBom: false });
  });
});

describe('normalizeText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });

  it('composes NFD into NFC', () => {
    const nfd = 'Enque\u0302trice : c\u0327a va, e\u0301te\u0301';
    const out = normalizeText(nfd);
    expect(out).toBe('Enquêtrice : ça va, été');
    expect(out.length).toBe(23);
  });
});

describe('toNfc', () => {
  /** The characters toNfc trusts to be left alone by NFC (its MAY_CHANGE_UNDER_NFC, inverted). */
  const trusted: string[] = [];
  for (const [from, to] of [[0x0000, 0x02ff], [0x2002, 0x206f], [0x20a0, 0x20cf]] as const) {
    for (let cp = from; cp <= to; cp++) trusted.push(String.fromCodePoint(cp));
  }

  it('trusts only characters NFC keeps, that are no combining mark and compose with none of the others', () => {
    for (const c of trusted) {
      expect(c.normalize('NFC')).toBe(c);
      expect(/\p{M}/u.test(c)).toBe(false);
    }
    // Every pair: a character that composed with the one before it would change here.
    const changed: string[] = [];
    for (const a of trusted) {
      for (const b of trusted) {
        const pair = a + b;
        if (pair.normalize('NFC') !== pair) changed.push(pair);
      }
    }
    expect(changed).toEqual([]);
  });

  it('normalises every other text as String.prototype.normalize does', () => {
    const samples = ['Enque\u0302trice', 'A\u030a', '\u2000 \u2001', 'Ω \u2126', 'e\u0301te\u0301 \u2019', '\u1100\u1161', 'caf\u00e9 \ud83d\ude00', 'x\u0307\u0323'];
    for (const s of samples) expect(toNfc(s)).toBe(s.normalize('NFC'));
    const french = 'L’hôpital « très » loin… 12 € – Œuvre';
    expect(toNfc(french)).toBe(french);
  });
});

describe('findMojibake', () => {
  it('finds double-encoded accents with line and column', () => {
    const text = 'P1 : oui\nP2 : câ€™est lÃ\u00a0 que\nP3 : Ã©tÃ© et cÅ“ur';
    const hits = findMojibake(text);
    expect(hits.map((h) => h.sample)).toEqual(['â€™', 'Ã\u00a0', 'Ã©', 'Ã©', 'Å“']);
    expect(hits[0]).toEqual({ line: 2, column: 7, sample: 'â€™' });
    expect(hits[2]).toEqual({ line: 3, column: 6, sample: 'Ã©' });
  });

  it('accepts à read as Ã followed by a plain space', () => {
    expect(findMojibake('voilÃ  tout').map((h) => h.line)).toEqual([1]);
  });

  it('stays quiet on clean French and Portuguese text', () => {
    expect(findMojibake('Été, « déjà » à l’hôpital — cœur, SÃO PAULO, São Paulo, Â')).toEqual([]);
  });
});
