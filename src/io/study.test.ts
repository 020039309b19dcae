import fg from 'fast-glob';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../core/text/decode.js';
import { decodeUtf8Fast, listCoders, loadStudy } from './study.js';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-study-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(file: string, text = ''): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

describe('study folder listing', () => {
  it('finds the transcripts and coder files the globs `*.txt`, `*.md`, `*.yaml` find, and reports `*.yml`', async () => {
    for (const name of ['P1.txt', 'P2.TXT', 'P3.md', 'P4.Md', '.hidden.txt', 'notes.doc', 'P5.txt.bak', 'txt']) {
      write(`transcripts/${name}`, 'P : oui\n');
    }
    fs.mkdirSync(path.join(root, 'transcripts', 'folder.txt'));
    write('elsewhere/P6.txt', 'P : oui\n');
    fs.symlinkSync(path.join(root, 'elsewhere', 'P6.txt'), path.join(root, 'transcripts', 'P6.txt'));
    fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'transcripts', 'P7.txt'));
    for (const name of ['anne.yaml', 'bruno.yml', 'CLAIRE.YAML', '.cache.yaml', 'notes.txt']) write(`codings/${name}`, '');
    fs.mkdirSync(path.join(root, 'codings', 'dir.yaml'));

    const globbed = (await fg(['*.txt', '*.md'], { cwd: path.join(root, 'transcripts'), onlyFiles: true, caseSensitiveMatch: false }))
      .map((name) => `transcripts/${name}`)
      .sort();
    const study = await loadStudy(root);
    expect(study.transcripts.map((t) => t.file).sort()).toEqual(globbed);
    expect(globbed).toEqual(['transcripts/P1.txt', 'transcripts/P2.TXT', 'transcripts/P3.md', 'transcripts/P4.Md', 'transcripts/P6.txt']);

    const coders = (await fg(['*.yaml'], { cwd: path.join(root, 'codings'), onlyFiles: true }))
      .map((name) => path.basename(name, path.extname(name)))
      .sort();
    expect([...(await listCoders(root))].sort()).toEqual(coders);
    expect(coders).toEqual(['anne']);
    // A .yml coder file is not read, and says so rather than vanishing.
    expect(study.problems.filter((p) => p.kind === 'coder-file-extension').map((p) => [p.file, p.severity])).toEqual([
      ['codings/bruno.yml', 'warning'],
    ]);
  });

  it('has no coders when there is no codings folder', async () => {
    write('transcripts/P1.txt', 'P : oui\n');
    expect(await listCoders(root)).toEqual([]);
  });
});

describe('decodeUtf8Fast', () => {
  it('decodes as TextDecoder does, and gives null for bytes that are not UTF-8', () => {
    const samples = ['', 'plain ASCII', 'été, cœur, l’hôpital…', '\ufeffBOM kept', '😀 astral', '\u0000\uffff', 'Ã© mojibake'];
    for (const text of samples) {
      const bytes = new TextEncoder().encode(text);
      expect(decodeUtf8Fast(bytes)).toBe(text);
      expect(decodeUtf8Fast(bytes)).toBe(decodeUtf8(bytes));
    }
    const slice = new TextEncoder().encode('xxété').subarray(2);
    expect(decodeUtf8Fast(slice)).toBe('été');
    for (const bad of [[0xe9], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
      expect(decodeUtf8Fast(new Uint8Array(bad))).toBeNull();
      expect(decodeUtf8(new Uint8Array(bad))).toBeNull();
    }
  });
});
