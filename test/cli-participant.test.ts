/**
 * `codage participant rename` on copies of the demo study: every file that names the id changes
 * there and nowhere else, `codage check` still passes, the counts are the same but for the id, a
 * mise en commun keeps its decisions, and what cannot be renamed changes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, snapshot, type CliResult } from './helpers.js';

afterAll(cleanTemps);

/** Each test runs the built command several times: on a loaded machine, that takes a while. */
const SLOW = 180_000;

function ok(r: CliResult): CliResult {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

/** `codage stats --json` with one id written as another: what the counts must be after a rename. */
function stats(dir: string, from?: string, to?: string): string {
  const out = ok(runCli(['stats', '--json', '--study', dir])).stdout;
  return from === undefined ? out : out.replaceAll(`"${from}"`, `"${to}"`);
}

function checkPasses(dir: string): void {
  const r = runCli(['check', '--json', '--study', dir]);
  const report = JSON.parse(r.stdout) as { ok: boolean; errors: number };
  expect(report.errors, r.stdout).toBe(0);
  expect(r.code).toBe(0);
}

/** The lines of a file that differ from what it was, each with the id its only change. */
function changedLines(before: string, after: string, from: string, to: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
  for (const i of changed) expect(b[i]).toBe(a[i]!.replace(new RegExp(`\\b${from}\\b`), to));
  return changed.map((i) => b[i]!);
}

interface Summary {
  ok: boolean;
  dryRun: boolean;
  from: string;
  to: string;
  files: { file: string; renamedTo?: string; change: string; count: number; summary: string }[];
  speakerLabels: number;
}

describe('codage participant rename', () => {
  it(
    'lists every file and count with --dry-run, and writes nothing',
    () => {
      const dir = copyStudy();
      const before = snapshot(dir);
      const r = ok(runCli(['participant', 'rename', 'MG1', 'MG01', '--dry-run', '--study', dir]));
      expect(r.stdout).toContain('MG1 → MG01\u00a0: 5 fichiers à modifier');
      expect(r.stdout).toContain('transcripts/MG1.txt → transcripts/MG01.txt (fichier renommé, identifiant de l’en-tête)');
      expect(r.stdout).toContain('codings/marie.yaml (29 segments, mémo sur l’entretien)');
      expect(r.stdout).toContain('codings/paul.yaml (26 segments, mémo sur l’entretien)');
      expect(r.stdout).toContain('participants.csv (1 ligne)');
      expect(r.stdout).toContain('codage.yaml (ordre des entretiens)');
      expect(r.stdout).toContain('Essai (--dry-run)\u00a0: rien n’a été écrit.');
      expect(snapshot(dir)).toEqual(before);
      expect(existsSync(join(dir, '.codage/backups'))).toBe(false);
    },
    SLOW,
  );

  it(
    'renames the id in every file, changing nothing else: check passes, counts are the same but for the id',
    () => {
      const dir = copyStudy();
      const statsBefore = stats(dir, 'MG1', 'MG01');
      const read = (file: string) => readFileSync(join(dir, file), 'utf8');
      const before = { config: read('codage.yaml'), participants: read('participants.csv'), transcript: read('transcripts/MG1.txt'), marie: read('codings/marie.yaml') };
      const r = ok(runCli(['participant', 'rename', 'MG1', 'MG01', '--json', '--study', dir]));
      const summary = JSON.parse(r.stdout) as Summary;
      expect(summary).toMatchObject({ ok: true, dryRun: false, from: 'MG1', to: 'MG01', speakerLabels: 17 });
      expect(summary.files.map((f) => [f.file, f.renamedTo ?? null, f.count])).toEqual([
        ['transcripts/MG1.txt', 'transcripts/MG01.txt', 1],
        ['codage.yaml', null, 1],
        ['codings/marie.yaml', null, 30],
        ['codings/paul.yaml', null, 27],
        ['participants.csv', null, 1],
      ]);
      expect(existsSync(join(dir, 'transcripts/MG1.txt'))).toBe(false);
      expect(changedLines(before.transcript, read('transcripts/MG01.txt'), 'MG1', 'MG01')).toEqual(['id: MG01']);
      expect(changedLines(before.config, read('codage.yaml'), 'MG1', 'MG01')).toEqual(['order: [MG01, MG2, A1, MG3, MG4, MG5, MG6, A2, MG7, MG8, MG9, MG10]']);
      expect(changedLines(before.participants, read('participants.csv'), 'MG1', 'MG01')).toEqual(['MG01;F;34;5;semi-rural;aucune;médecin généraliste;MG;19']);
      // The coder file keeps its header (in English) and its lines: 29 segments and the memo.
      expect(changedLines(before.marie, read('codings/marie.yaml'), 'MG1', 'MG01')).toHaveLength(30);
      // The previous versions are kept.
      expect(readFileSync(join(dir, '.codage/backups/transcripts/MG1.txt.bak'), 'utf8')).toBe(before.transcript);
      expect(readFileSync(join(dir, '.codage/backups/codings/marie.yaml.bak'), 'utf8')).toBe(before.marie);
      checkPasses(dir);
      expect(stats(dir)).toBe(statsBefore);
    },
    SLOW,
  );

  it(
    'renames a Windows-1252 transcript named after its id byte for byte, and speaks English',
    () => {
      const dir = copyStudy();
      const bytes = readFileSync(join(dir, 'transcripts/MG6.txt'));
      const r = ok(runCli(['participant', 'rename', 'MG6', 'M6', '--lang', 'en', '--study', dir]));
      expect(r.stdout).toContain('✓ MG6 → M6: 5 files changed');
      expect(r.stdout).toContain('transcripts/MG6.txt → transcripts/M6.txt (file renamed)');
      expect(r.stdout).toContain('The text of transcripts/M6.txt still labels a speaker "MG6" (16 turns)');
      expect(readFileSync(join(dir, 'transcripts/M6.txt')).equals(bytes)).toBe(true);
      checkPasses(dir);
    },
    SLOW,
  );

  it(
    'keeps the decisions of a mise en commun: the log and the consensus follow, and reconcile finds every decision again',
    () => {
      const dir = copyStudy();
      ok(runCli(['reconcile', 'marie', 'paul', '--strategy', 'union', '--who', 'marie et paul', '--study', dir]));
      ok(runCli(['memo', 'MG1', 'Entretien repris le lendemain.', '--study', dir, '--coder', 'marie']));
      const statsBefore = stats(dir, 'MG1', 'MG01');
      const r = ok(runCli(['participant', 'rename', 'MG1', 'MG01', '--json', '--study', dir]));
      const files = (JSON.parse(r.stdout) as Summary).files.map((f) => [f.file, f.renamedTo ?? null, f.count]);
      expect(files).toContainEqual(['consensus-decisions.csv', null, 22]);
      expect(files).toContainEqual(['codings/consensus.yaml', null, 31]);
      expect(files).toContainEqual(['memos/transcripts/MG1.md', 'memos/transcripts/MG01.md', 1]);
      expect(readFileSync(join(dir, 'memos/transcripts/MG01.md'), 'utf8')).toContain('Entretien repris le lendemain.');
      const log = readFileSync(join(dir, 'consensus-decisions.csv'), 'utf8');
      expect(log).not.toMatch(/(^|;)MG1[|;]/m);
      checkPasses(dir);
      expect(stats(dir)).toBe(statsBefore);
      // Every decision is found again under the new id: nothing newly decided, the consensus unchanged,
      // and no word of a consensus changed since reconcile wrote it.
      const consensus = readFileSync(join(dir, 'codings/consensus.yaml'));
      const again = ok(runCli(['reconcile', 'marie', 'paul', '--strategy', 'union', '--who', 'marie et paul', '--lang', 'en', '--study', dir]));
      expect(again.stdout).toContain('94 settled (0 by the strategy union now) and 0 waiting');
      expect(readFileSync(join(dir, 'codings/consensus.yaml')).equals(consensus)).toBe(true);
    },
    SLOW,
  );

  it(
    'refuses, changing nothing: a new id taken, codings of a participant without a transcript, an unknown id, an id that cannot be one',
    () => {
      const dir = copyStudy();
      const before = snapshot(dir);
      const taken = runCli(['participant', 'rename', 'MG2', 'MG3', '--study', dir]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('MG3 est déjà l’identifiant de transcripts/MG3.txt');
      const unknown = runCli(['participant', 'rename', 'mg2', 'P2', '--lang', 'en', '--study', dir]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no participant "mg2" in this study');
      expect(unknown.stderr).toContain('did you mean MG2?');
      const invalid = runCli(['participant', 'rename', 'MG2', 'MG/2', '--lang', 'en', '--study', dir]);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('"MG/2" holds /, which a file name cannot hold');
      expect(snapshot(dir)).toEqual(before);
      // Paul coded a P2 that has no transcript: renaming MG2 into P2 would merge them silently.
      const paul = readFileSync(join(dir, 'codings/paul.yaml'), 'utf8');
      writeFileSync(join(dir, 'codings/paul.yaml'), paul.replace('"participant": "A2"', '"participant": "P2"'));
      const orphan = snapshot(dir);
      const coded = runCli(['participant', 'rename', 'MG2', 'P2', '--lang', 'en', '--study', dir]);
      expect(coded.code).toBe(1);
      expect(coded.stderr).toContain('codings/paul.yaml already codes P2 (1 segment(s)), which has no transcript');
      expect(snapshot(dir)).toEqual(orphan);
    },
    SLOW,
  );
});
