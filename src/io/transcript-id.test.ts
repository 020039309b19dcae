import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transcriptIdOf } from './transcript-id.js';

const dir = mkdtempSync(join(tmpdir(), 'codage-transcript-id-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function idOf(name: string, content: string | Buffer): string | undefined {
  writeFileSync(join(dir, name), content);
  return transcriptIdOf(dir, name);
}

describe('transcriptIdOf', () => {
  it('reads the id as check does, from the front matter or the file name', () => {
    const speech = 'E : Bonjour.\nP : Oui.\n'.repeat(50);
    expect(idOf('a.txt', `---\nid: MG3\nage: 52\n---\n${speech}`)).toBe('MG3');
    expect(idOf('b.txt', `\ufeff---\r\nid: "Mé1"\r\n---\r\n${speech}`)).toBe('Mé1');
    expect(idOf('Entretien 4.txt', speech)).toBe('Entretien 4');
    // Not a front matter: a blank line first, or four dashes.
    expect(idOf('c.txt', `\n---\nid: X\n---\n${speech}`)).toBe('c');
    expect(idOf('d.txt', `----\nid: X\n----\n${speech}`)).toBe('d');
    // A line of four dashes inside the front matter is not its end.
    expect(idOf('e.txt', `---\nnote: |\n  ----\nid: E7\n---\n${speech}`)).toBe('E7');
    // `...` closes it too; CRLF; composed accents normalised as check does.
    expect(idOf('f.txt', `---\r\nid: Me\u03011\r\n...\r\n${speech}`)).toBe('Mé1');
    // A front matter never closed: no id from it.
    expect(idOf('g.txt', `---\nid: G1\n${speech}`)).toBe('g');
  });

  it('reads a Windows-1252 or UTF-16 file in its encoding', () => {
    const latin = Buffer.from(`---\nid: Mé2\n---\nE : Très bien, un café ?\n`, 'latin1');
    expect(idOf('h.txt', latin)).toBe('Mé2');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\nid: U16\n---\nE : Bonjour.\n', 'utf16le')]);
    expect(idOf('i.txt', utf16)).toBe('U16');
    // UTF-8 front matter, a Windows-1252 byte later: the whole file is Windows-1252, as check reads it.
    const mixed = Buffer.concat([Buffer.from('---\nid: Zoé\n---\n', 'utf8'), Buffer.from('E : café\n', 'latin1')]);
    expect(idOf('j.txt', mixed)).toBe('ZoÃ©');
  });
});
