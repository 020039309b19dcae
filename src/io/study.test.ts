import fg from 'fast-glob';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../core/text/decode.js';
import { decodeUtf8Fast, listCoders, loadStudy, transcriptsOnDemand } from './study.js';

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

describe('transcriptsOnDemand', () => {
  it('gives each participant the transcript loadStudy gives, on files that would mislead a reader of their first lines', async () => {
    const speech = 'E : Bonjour.\nP : Oui, je vous écoute.\n'.repeat(40);
    write('transcripts/P1.txt', `---\nid: P1\nformation: capacité douleur\n---\n${speech}`);
    // The id of another file's name, in a front matter: the first in natural order has it (`P2 relu` sorts before `P2.txt`).
    write('transcripts/P2.txt', speech);
    write('transcripts/P2 relu.txt', `---\nid: P2\n---\n${speech}`);
    write('transcripts/Entretien 3.md', `---\nid: P3\n---\n${speech}`);
    // Windows-1252, accents in the front matter and the id.
    fs.writeFileSync(path.join(root, 'transcripts/x4.txt'), Buffer.from(`---\nid: Zoé\nmilieu: à la campagne\n---\n${speech}`, 'latin1'));
    // UTF-8 up to the front matter's end, a Windows-1252 byte later: read as Windows-1252.
    fs.writeFileSync(path.join(root, 'transcripts/x5.txt'), Buffer.concat([Buffer.from('---\nid: Léa\n---\n', 'utf8'), Buffer.from(`${speech}café\n`, 'latin1')]));
    // A byte order mark, then a file that is not UTF-8: no front matter, the file name is the id.
    fs.writeFileSync(path.join(root, 'transcripts/x6.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\nid: P6\n---\ncafé\n', 'latin1')]));
    // UTF-16; an id written decomposed (NFC in the transcript); a front matter longer than the first bytes read.
    fs.writeFileSync(path.join(root, 'transcripts/x7.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`---\nid: U7\n---\n${speech}`, 'utf16le')]));
    write('transcripts/x8.txt', `---\nid: Me\u03018\n---\n${speech}`);
    write('transcripts/x9.txt', `---\nnote: "${'très long '.repeat(3000)}"\nid: P9\n---\n${speech}`);
    // A front matter never closed, a picture renamed .txt.
    write('transcripts/x10.txt', `---\nid: P10\n${speech}`);
    fs.writeFileSync(path.join(root, 'transcripts/P11.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

    const study = await loadStudy(root);
    const transcriptOf = await transcriptsOnDemand(root);
    expect(study.transcripts.length).toBeGreaterThan(8);
    for (const t of study.transcripts) {
      const read = transcriptOf(t.id);
      expect(read, t.id).toEqual(t);
      expect(read?.file, t.id).toBe(t.file);
    }
    for (const id of ['P11', 'p1', 'P12', 'Zoe', 'Mé8', 'Me\u03018']) expect(transcriptOf(id), id).toEqual(study.transcriptById.get(id));
    expect(transcriptOf('P2')?.file).toBe('transcripts/P2 relu.txt');
  });
});
