import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeCoderFile } from '../core/codings/serialize.js';
import type { CoderFile } from '../core/types.js';
import { READ_ONLY_FILE } from './atomic-write.js';
import { EnvironmentError } from './environment-error.js';
import { setFaults } from './faults.js';
import { LockedError } from './lock.js';
import { changeStudy, completeInterruptedChanges, NotRewritableError } from './study-change.js';
import { loadStudy } from './study.js';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-change-'));
  fs.mkdirSync(path.join(root, 'transcripts'));
  fs.mkdirSync(path.join(root, 'codings'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const marie: CoderFile = {
  coder: 'marie',
  memos: { P1: 'Entretien au cabinet.' },
  segments: [{ id: 'a1', participant: 'P1', start: 0, end: 5, codes: ['impuissance'], text: 'Alors' }],
};
const CODEBOOK = '# Grille\ncodes:\n  - name: Impuissance\n    id: impuissance\n';

function write(file: string, content: string): void {
  fs.writeFileSync(path.join(root, file), content);
}
function read(file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}
/** Every file under the study folder but .codage/, with its content: what "unchanged" compares. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (rel === '.codage') continue;
      if (entry.isDirectory()) walk(full);
      else out[rel] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}
const withNewCode = (text: string) => `${text}  - name: Épuisement\n    id: epuisement\n`;
const withNewSegment = (file: CoderFile): CoderFile => ({
  ...file,
  segments: [...file.segments, { id: 'b2', participant: 'P1', start: 6, end: 9, codes: ['epuisement'], text: 'euh' }],
});

describe('changeStudy', () => {
  it('writes codebook.yaml back with the byte order mark and Windows line breaks it had', () => {
    write('codebook.yaml', `\uFEFF${CODEBOOK.replaceAll('\n', '\r\n')}`);
    changeStudy(root, { command: 'test', files: ['codebook.yaml'] }, (files) => files.writeCodebook(withNewCode(files.codebook())));
    const bytes = fs.readFileSync(path.join(root, 'codebook.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(withNewCode(CODEBOOK).replaceAll('\n', '\r\n'));
    // A file written with plain LF stays so.
    write('codebook.yaml', CODEBOOK);
    changeStudy(root, { command: 'test', files: ['codebook.yaml'] }, (files) => files.writeCodebook(withNewCode(files.codebook())));
    expect(read('codebook.yaml')).toBe(withNewCode(CODEBOOK));
  });

  it('takes a coder file the study was loaded with as it was read, and reads it again once it changed on disk', async () => {
    write('codings/marie.yaml', serializeCoderFile(marie));
    const study = await loadStudy(root);
    const loaded = study.coders.find((c) => c.coder === 'marie')!;
    const same = changeStudy(root, { command: 'test', files: ['codings/marie.yaml'] }, (files) => files.coder('marie'));
    expect(same?.coderFile).toBe(loaded.coderFile);
    // Another program rewrites the file, same size: read again.
    const edited = { ...marie, segments: [{ ...marie.segments[0]!, codes: ['impuissancf'] }] };
    write('codings/marie.yaml', serializeCoderFile(edited));
    const again = changeStudy(root, { command: 'test', files: ['codings/marie.yaml'] }, (files) => files.coder('marie'));
    expect(again?.coderFile.segments[0]?.codes).toEqual(['impuissancf']);
  });

  it('writes every file of a change, keeps backups, and leaves no temporary file, lock or journal', () => {
    write('codebook.yaml', CODEBOOK);
    write('codings/marie.yaml', serializeCoderFile(marie));
    const result = changeStudy(root, { command: 'test', files: ['codings/marie.yaml', 'codebook.yaml'] }, (study) => {
      const entry = study.coder('marie');
      study.writeCodebook(withNewCode(study.codebook()));
      study.writeCoder({ coder: 'marie', coderFile: withNewSegment(entry!.coderFile), kept: entry!.kept });
      return 'done';
    });
    expect(result).toBe('done');
    expect(read('codebook.yaml')).toBe(withNewCode(CODEBOOK));
    expect(read('codings/marie.yaml')).toBe(serializeCoderFile(withNewSegment(marie)));
    expect(fs.readdirSync(path.join(root, 'codings'))).toEqual(['marie.yaml']);
    expect(fs.readdirSync(root).sort()).toEqual(['.codage', 'codebook.yaml', 'codings', 'transcripts']);
    expect(fs.readFileSync(path.join(root, '.codage/backups/codebook.yaml.bak'), 'utf8')).toBe(CODEBOOK);
    expect(fs.readFileSync(path.join(root, '.codage/backups/codings/marie.yaml.bak'), 'utf8')).toBe(serializeCoderFile(marie));
    expect(fs.readdirSync(path.join(root, '.codage/journal'))).toEqual([]);
  });

  it('creates a coder file that did not exist', () => {
    changeStudy(root, { command: 'test', files: ['codings/paul.yaml'] }, (study) => {
      expect(study.coder('paul')).toBeNull();
      study.writeCoder({ coder: 'paul', coderFile: { ...marie, coder: 'paul' } });
    });
    expect(read('codings/paul.yaml')).toBe(serializeCoderFile({ ...marie, coder: 'paul' }));
  });

  it('refuses a coder file it does not fully understand, with its line and column, and changes nothing', () => {
    write('codebook.yaml', CODEBOOK);
    const broken = serializeCoderFile(marie).replace('\n  - {', '\n\t- {');
    write('codings/marie.yaml', broken);
    const before = snapshot();
    let error: unknown;
    try {
      changeStudy(root, { command: 'test', files: ['codebook.yaml', 'codings/marie.yaml'] }, (study) => {
        study.writeCodebook(withNewCode(study.codebook()));
        study.coder('marie');
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotRewritableError);
    const refusal = error as NotRewritableError;
    expect(refusal).toMatchObject({ file: 'codings/marie.yaml', line: 8, column: 1 });
    expect(refusal.localized.fr).toContain('ne peut pas être lu entièrement');
    expect(refusal.hint?.en).toContain('Nothing was changed.');
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(root, 'codings/marie.yaml.lock'))).toBe(false);
  });

  it('refuses a codebook with a YAML error', () => {
    write('codebook.yaml', 'codes:\n  - name: A\n    name: B\n');
    expect(() =>
      changeStudy(root, { command: 'test', files: ['codebook.yaml'] }, (study) => study.writeCodebook(study.codebook())),
    ).toThrow(NotRewritableError);
  });

  it('lets a command skip a file it does not understand and change the others', () => {
    write('codings/marie.yaml', serializeCoderFile(marie).replace('memos:\n', 'memos:\n  - oops\n'));
    write('codings/paul.yaml', serializeCoderFile({ ...marie, coder: 'paul' }));
    changeStudy(root, { command: 'test', files: ['codings/marie.yaml', 'codings/paul.yaml'] }, (study) => {
      const m = study.readCoder('marie');
      expect(m.refusal).toBeInstanceOf(NotRewritableError);
      const p = study.readCoder('paul');
      study.writeCoder({ coder: 'paul', coderFile: withNewSegment(p.entry!.coderFile) });
      // Writing the file it refused is a bug of the command.
      expect(() => study.writeCoder({ coder: 'marie', coderFile: marie })).toThrow(/without having been read/);
    });
    expect(read('codings/paul.yaml')).toBe(serializeCoderFile(withNewSegment({ ...marie, coder: 'paul' })));
  });

  it('writes another file of the study (a decisions log) in the same change as a coder file, read first', () => {
    write('consensus-decisions.csv', 'disagreement;decision\r\n');
    const backupDir = path.join(root, '.codage', 'backups');
    changeStudy(root, { command: 'test', files: ['consensus-decisions.csv', 'codings/consensus.yaml'] }, (study) => {
      // Read as the study's text files are: UTF-8 or Windows-1252, line ends normalised.
      expect(study.text('consensus-decisions.csv')).toBe('disagreement;decision\n');
      expect(study.coder('consensus')).toBeNull();
      study.writeText('consensus-decisions.csv', 'disagreement;decision\r\nP1|a;keep-a\r\n');
      study.writeCoder({ coder: 'consensus', coderFile: { ...marie, coder: 'consensus' } });
    });
    expect(read('consensus-decisions.csv')).toBe('disagreement;decision\r\nP1|a;keep-a\r\n');
    expect(read('codings/consensus.yaml')).toBe(serializeCoderFile({ ...marie, coder: 'consensus' }));
    expect(fs.readFileSync(path.join(backupDir, 'consensus-decisions.csv.bak'), 'utf8')).toBe('disagreement;decision\r\n');
    // Not read first, or a coder file or the codebook through the wrong door: a bug, nothing written.
    expect(() => changeStudy(root, { command: 'test', files: ['consensus-decisions.csv'] }, (study) => study.writeText('consensus-decisions.csv', 'x'))).toThrow(
      /without having been read/,
    );
    expect(() => changeStudy(root, { command: 'test', files: ['codings/consensus.yaml'] }, (study) => study.text('codings/consensus.yaml'))).toThrow(/coder\(\)/);
    expect(read('consensus-decisions.csv')).toBe('disagreement;decision\r\nP1|a;keep-a\r\n');
  });

  it('throws, as a bug, on a file written without being read or not among the files of the change', () => {
    write('codebook.yaml', CODEBOOK);
    expect(() => changeStudy(root, { command: 'test', files: ['codebook.yaml'] }, (study) => study.writeCodebook('codes: []\n'))).toThrow(
      /without having been read/,
    );
    expect(() => changeStudy(root, { command: 'test', files: ['codebook.yaml'] }, (study) => study.coder('marie'))).toThrow(
      /not among the files of this change/,
    );
    expect(read('codebook.yaml')).toBe(CODEBOOK);
  });

  it('writes nothing and releases every lock when the command gives up', () => {
    write('codebook.yaml', CODEBOOK);
    const before = snapshot();
    expect(() =>
      changeStudy(root, { command: 'test', files: ['codebook.yaml', 'codings/marie.yaml'] }, (study) => {
        study.writeCodebook(withNewCode(study.codebook()));
        throw new Error('given up');
      }),
    ).toThrow('given up');
    expect(snapshot()).toEqual(before);
    expect(fs.readdirSync(path.join(root, 'codings'))).toEqual([]);
  });

  it('takes every lock before reading: a file locked by another process stops the whole change', async () => {
    write('codebook.yaml', CODEBOOK);
    write('codings/marie.yaml', serializeCoderFile(marie));
    const script = `
      const fs = require('node:fs'), os = require('node:os');
      fs.writeFileSync(process.argv[1], JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command: 'codage code' }));
      process.stdout.write('held\\n');
      setTimeout(() => {}, 60000);`;
    const holder = spawn(process.execPath, ['-e', script, path.join(root, 'codings/marie.yaml.lock')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const before = snapshot();
      let prepared = false;
      expect(() =>
        changeStudy(root, { command: 'test', files: ['codebook.yaml', 'codings/marie.yaml'] }, () => {
          prepared = true;
        }),
      ).toThrow(LockedError);
      expect(prepared).toBe(false);
      expect(snapshot()).toEqual(before);
      expect(fs.existsSync(path.join(root, 'codebook.yaml.lock'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.skipIf(process.platform === 'win32')('refuses a read-only coder file, and then writes no other file either', () => {
    write('codebook.yaml', CODEBOOK);
    write('codings/marie.yaml', serializeCoderFile(marie));
    fs.chmodSync(path.join(root, 'codings/marie.yaml'), 0o444);
    const before = snapshot();
    let error: unknown;
    try {
      changeStudy(root, { command: 'test', files: ['codebook.yaml', 'codings/marie.yaml'] }, (study) => {
        const entry = study.coder('marie');
        study.writeCodebook(withNewCode(study.codebook()));
        study.writeCoder({ coder: 'marie', coderFile: withNewSegment(entry!.coderFile) });
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).code).toBe(READ_ONLY_FILE);
    expect((error as EnvironmentError).localized.en).toBe(
      'Could not write codings/marie.yaml: the file is read-only (its permissions forbid writing), and codage never replaces a file you protected. Nothing was changed.',
    );
    expect((error as EnvironmentError).hint?.fr).toContain('chmod u+w codings/marie.yaml');
    expect(snapshot()).toEqual(before);
    expect(fs.readdirSync(path.join(root, 'codings'))).toEqual(['marie.yaml']);
  });

  it('reads what another program wrote since its last save, instead of writing over it', () => {
    write('codings/marie.yaml', serializeCoderFile(marie));
    const save = () =>
      changeStudy(root, { command: 'codage code', files: ['codings/marie.yaml'] }, (study) => {
        const entry = study.coder('marie')!;
        study.writeCoder({ coder: 'marie', coderFile: { ...entry.coderFile, memos: { ...entry.coderFile.memos, P2: 'vu' } }, kept: entry.kept });
      });
    save();
    // A hand edit between two saves (an editor writing in place).
    const edited = read('codings/marie.yaml').replace('Entretien au cabinet.', 'Entretien au cabinet, interrompu.');
    fs.writeFileSync(path.join(root, 'codings/marie.yaml'), edited);
    save();
    expect(read('codings/marie.yaml')).toContain('Entretien au cabinet, interrompu.');
  });

  it('dry run: reads and refuses the same, but takes no lock and writes nothing', () => {
    write('codebook.yaml', CODEBOOK);
    const before = snapshot();
    const result = changeStudy(root, { command: 'test', files: ['codebook.yaml'], dryRun: true }, (study) => {
      expect(fs.existsSync(path.join(root, 'codebook.yaml.lock'))).toBe(false);
      study.writeCodebook(withNewCode(study.codebook()));
      return 1;
    });
    expect(result).toBe(1);
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(root, '.codage'))).toBe(false);
  });
});

describe('changeStudy: a file renamed (created under its new name, removed under its old one)', () => {
  const renamed = (file: CoderFile): CoderFile => ({ ...file, segments: file.segments.map((s) => ({ ...s, participant: 'P01' })) });
  function rename(): void {
    changeStudy(root, { command: 'test', files: ['codings/marie.yaml', 'transcripts/P1.txt', 'transcripts/P01.txt'] }, (study) => {
      const old = study.transcript('transcripts/P1.txt');
      expect(old).not.toBeNull();
      study.createFile('transcripts/P01.txt', old as Buffer);
      study.removeFile('transcripts/P1.txt');
      study.writeCoder({ coder: 'marie', coderFile: renamed(study.coder('marie')!.coderFile) });
    });
  }

  it('writes the new name and the coder file, removes the old name, and keeps its previous version', () => {
    write('transcripts/P1.txt', 'Alors euh voilà\r\n');
    write('codings/marie.yaml', serializeCoderFile(marie));
    rename();
    expect(fs.readdirSync(path.join(root, 'transcripts'))).toEqual(['P01.txt']);
    expect(read('transcripts/P01.txt')).toBe('Alors euh voilà\r\n');
    expect(read('codings/marie.yaml')).toContain('"participant": "P01"');
    expect(fs.readFileSync(path.join(root, '.codage/backups/transcripts/P1.txt.bak'), 'utf8')).toBe('Alors euh voilà\r\n');
    expect(fs.readdirSync(path.join(root, '.codage/journal'))).toEqual([]);
  });

  it('puts every file back when the removal fails', () => {
    write('transcripts/P1.txt', 'Alors euh voilà\n');
    write('codings/marie.yaml', serializeCoderFile(marie));
    const before = snapshot();
    // Two renames (coder file, new transcript), then the removal: the third step of its kind.
    setFaults({ failAt: 'rename#3:EIO' });
    try {
      expect(rename).toThrow(EnvironmentError);
    } finally {
      setFaults({});
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses, as a bug, to remove a file it did not find', () => {
    expect(() =>
      changeStudy(root, { command: 'test', files: ['transcripts/P1.txt'] }, (study) => {
        study.transcript('transcripts/P1.txt');
        study.removeFile('transcripts/P1.txt');
      }),
    ).toThrow(/removed without having been found/);
  });
});

describe('completeInterruptedChanges', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const deadPid = 2 ** 22 + 17;

  /** What a change killed after its first rename leaves: codebook renamed, coder file still a temporary file. */
  function interrupted(options: { pid?: number } = {}): { newCodebook: string; newCoder: string } {
    const oldCoder = serializeCoderFile(marie);
    const newCoder = serializeCoderFile(withNewSegment(marie));
    const newCodebook = withNewCode(CODEBOOK);
    write('codebook.yaml', newCodebook);
    write('codings/marie.yaml', oldCoder);
    write('codings/.marie.yaml.99.0a0b0c0d.tmp', newCoder);
    fs.mkdirSync(path.join(root, '.codage/journal'), { recursive: true });
    const journal = {
      version: 1,
      pid: options.pid ?? deadPid,
      host: os.hostname(),
      since: '2026-11-02T14:03:00.000Z',
      command: 'codage import-codings --coder marie',
      files: [
        { file: 'codebook.yaml', temp: '.codebook.yaml.99.01020304.tmp', before: sha(CODEBOOK), after: sha(newCodebook) },
        { file: 'codings/marie.yaml', temp: '.marie.yaml.99.0a0b0c0d.tmp', before: sha(oldCoder), after: sha(newCoder) },
      ],
    };
    fs.writeFileSync(path.join(root, '.codage/journal/99-0a0b0c0d.json'), JSON.stringify(journal));
    return { newCodebook, newCoder };
  }

  it('completes a change whose process died between two renames, and says so', () => {
    const { newCodebook, newCoder } = interrupted();
    const notices = completeInterruptedChanges(root);
    expect(read('codebook.yaml')).toBe(newCodebook);
    expect(read('codings/marie.yaml')).toBe(newCoder);
    expect(fs.readdirSync(path.join(root, 'codings'))).toEqual(['marie.yaml']);
    expect(fs.readdirSync(path.join(root, '.codage/journal'))).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.en).toMatch(/^An interrupted change \(codage import-codings --coder marie, .*\) was completed: codebook\.yaml, codings\/marie\.yaml\.$/);
    expect(notices[0]!.fr).toMatch(/^Une modification interrompue \(codage import-codings --coder marie, .*\) a été terminée\u00a0: codebook\.yaml, codings\/marie\.yaml\.$/);
    expect(completeInterruptedChanges(root)).toEqual([]);
  });

  it('never overwrites a file changed by hand since: keeps the new version aside and says where', () => {
    const { newCoder } = interrupted();
    write('codings/marie.yaml', 'hand edit\n');
    const [notice] = completeInterruptedChanges(root);
    expect(read('codings/marie.yaml')).toBe('hand edit\n');
    const kept = fs.readdirSync(path.join(root, '.codage/recovered'));
    expect(kept).toEqual(['codings__marie.yaml.2026-11-02T14-03-00Z']);
    expect(fs.readFileSync(path.join(root, '.codage/recovered', kept[0]!), 'utf8')).toBe(newCoder);
    expect(notice!.en).toContain('codings/marie.yaml had been changed since, so it was left as it is; the version the change would have written is in .codage/recovered/codings__marie.yaml.2026-11-02T14-03-00Z.');
  });

  it('says so when a new version is gone and the change cannot be completed for a file', () => {
    interrupted();
    fs.rmSync(path.join(root, 'codings/.marie.yaml.99.0a0b0c0d.tmp'));
    const [notice] = completeInterruptedChanges(root);
    expect(notice!.en).toMatch(/could only be completed in part \(codebook\.yaml\)\. codings\/marie\.yaml could not be brought up to date \(the new version is gone\)/);
    expect(notice!.fr).toContain('n’a pas pu être mis à jour');
  });

  it('completes a change killed before it removed the old name of a file renamed (journal version 2)', () => {
    write('transcripts/P01.txt', 'Alors\n');
    write('transcripts/P1.txt', 'Alors\n');
    write('transcripts/P2.txt', 'Bonjour\n');
    fs.mkdirSync(path.join(root, '.codage/journal'), { recursive: true });
    const journal = {
      version: 2,
      pid: deadPid,
      host: os.hostname(),
      since: '2026-11-02T14:03:00.000Z',
      command: 'codage participant rename P1 P01',
      files: [
        { file: 'transcripts/P01.txt', temp: '.P01.txt.99.0a0b0c0d.tmp', before: null, after: sha('Alors\n') },
        { file: 'transcripts/P1.txt', temp: null, before: sha('Alors\n'), after: null },
        // Changed by hand since: not removed.
        { file: 'transcripts/P2.txt', temp: null, before: sha('Bonjour, docteur\n'), after: null },
      ],
    };
    fs.writeFileSync(path.join(root, '.codage/journal/99-0a0b0c0d.json'), JSON.stringify(journal));
    const [notice] = completeInterruptedChanges(root);
    expect(fs.readdirSync(path.join(root, 'transcripts')).sort()).toEqual(['P01.txt', 'P2.txt']);
    expect(notice!.en).toContain('could only be completed in part (transcripts/P01.txt, transcripts/P1.txt)');
    expect(notice!.en).toContain('transcripts/P2.txt, which the change removes, had been changed since, so it was left as it is.');
    expect(notice!.fr).toContain('transcripts/P2.txt, que la modification supprime, avait été modifié depuis');
  });

  it('leaves alone the journal of a change still in progress', () => {
    interrupted({ pid: process.ppid });
    expect(completeInterruptedChanges(root)).toEqual([]);
    expect(fs.readdirSync(path.join(root, '.codage/journal'))).toEqual(['99-0a0b0c0d.json']);
  });

  it('is completed before the next change of the study', () => {
    const { newCoder } = interrupted();
    const notices: string[] = [];
    changeStudy(root, { command: 'test', files: ['codings/marie.yaml'], onNotice: (n) => notices.push(n.en) }, (study) => {
      expect(serializeCoderFile(study.coder('marie')!.coderFile)).toBe(newCoder);
    });
    expect(notices).toHaveLength(1);
  });
});
