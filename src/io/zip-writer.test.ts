/**
 * The zip writer against two readers it did not write: fflate's `unzipSync` and codage's own
 * guarded reader (which checks every entry's checksum and sizes), on chunked, whole, empty and
 * non-ASCII entries.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { boundedEntries } from './zip-guard.js';
import { ZipWriter } from './zip-writer.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Text as an interview gives it: accents, apostrophes, « guillemets », repeated a lot. */
function interview(lines: number, seed: number): string {
  const words = ['alors', 'euh', 'le', 'patient', 'douloureux', 'chronique', 'c’est', '« difficile »', 'voilà', 'médecin', 'écoute', '😅'];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const line: string[] = [];
    for (let w = 0; w < 12; w++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      line.push(words[x % words.length]!);
    }
    out.push(`MG${i % 7} : ${line.join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}

async function archive(build: (zip: ZipWriter) => void): Promise<Uint8Array> {
  const zip = new ZipWriter(1);
  build(zip);
  return zip.bytes();
}

describe('ZipWriter', () => {
  it('writes entries, whole or in chunks, that two readers expand to the same bytes, checksums verified', async () => {
    const project = interview(20_000, 1);
    const bytes = utf8(project);
    const source = utf8(interview(300, 2));
    const zip = await archive((z) => {
      const entry = z.entry('project.qde');
      // Uneven chunks, cut anywhere (even inside a character): the stream is one deflate stream.
      for (let at = 0, size = 1; at < bytes.length; at += size, size = size * 3 + 7) entry.write(bytes.subarray(at, at + size));
      entry.end();
      z.file('sources/MG1.txt', source);
      z.file('sources/Élodie – entretien.txt', utf8('Enquêtrice : Bonjour.\n'));
      z.file('sources/empty.txt', new Uint8Array(0));
      const empty = z.entry('sources/empty-chunked.txt');
      empty.end();
    });
    const expected = {
      'project.qde': project,
      'sources/MG1.txt': source.toString('utf8'),
      'sources/Élodie – entretien.txt': 'Enquêtrice : Bonjour.\n',
      'sources/empty.txt': '',
      'sources/empty-chunked.txt': '',
    };
    const byFflate = Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, content]) => [name, Buffer.from(content).toString('utf8')]));
    expect(byFflate).toEqual(expected);
    const guarded = boundedEntries(zip, () => true);
    expect(Object.fromEntries([...guarded].map(([name, content]) => [name, content.toString('utf8')]))).toEqual(expected);
    // In the order the entries were started, project.qde first.
    expect([...guarded.keys()]).toEqual(Object.keys(expected));
    // Compressed: repetitive text takes far less room.
    expect(zip.length).toBeLessThan(bytes.length / 3);
  });

  it('says a non-ASCII name is UTF-8 (flag bit 11) and dates every entry 1 January 2000', async () => {
    const zip = Buffer.from(await archive((z) => z.file('sources/Élodie.txt', utf8('x'))));
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    // MS-DOS date: (2000 − 1980) << 9 | 1 << 5 | 1.
    expect(zip.readUInt16LE(12)).toBe((20 << 9) | (1 << 5) | 1);
    expect(zip.readUInt16LE(10)).toBe(0);
    const ascii = Buffer.from(await archive((z) => z.file('project.qde', utf8('x'))));
    expect(ascii.readUInt16LE(6)).toBe(0);
  });

  it('gives the same bytes for the same entries', async () => {
    const text = utf8(interview(2_000, 3));
    const build = (z: ZipWriter) => {
      const entry = z.entry('project.qde');
      for (let at = 0; at < text.length; at += 10_000) entry.write(text.subarray(at, at + 10_000));
      entry.end();
      z.file('sources/A1.txt', text);
    };
    expect(Buffer.from(await archive(build)).equals(Buffer.from(await archive(build)))).toBe(true);
  });

  it('refuses an entry never ended, and a chunk after the end', async () => {
    const zip = new ZipWriter();
    const entry = zip.entry('project.qde');
    entry.write(utf8('<Project/>'));
    await expect(zip.bytes()).rejects.toThrow('zip entry project.qde was never ended');
    entry.end();
    expect(() => entry.write(utf8('more'))).toThrow('zip entry project.qde is already ended');
  });
});
