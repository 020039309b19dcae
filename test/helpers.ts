/** Helpers for end-to-end tests: run the built `codage` binary on copies of fixture studies. */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The `codage` command as installed (it runs the build in dist/). */
export const CLI = join(ROOT, 'bin/codage.js');
export const DEMO = join(ROOT, 'fixtures/demo');

/**
 * End-to-end tests run the build: refuse a missing build, and a build older than the sources it
 * comes from, so that a test never passes or fails on yesterday's code.
 */
function assertFreshBuild(): void {
  const builds = ['dist/src/cli/main.js', 'dist/src/cli-bundle/main.js', 'dist/bundle/run.js'].map((f) => join(ROOT, f));
  if (!builds.every((f) => existsSync(f))) {
    throw new Error('codage is not built: run the tests with "npm test", which builds first');
  }
  const built = Math.min(...builds.map((f) => statSync(f).mtimeMs));
  const newer: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|tsx|mjs|js|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && statSync(path).mtimeMs > built) {
        newer.push(relative(ROOT, path));
      }
    }
  };
  visit(join(ROOT, 'src'));
  for (const f of ['rolldown.config.mjs', 'scripts/bundle.mjs', 'bundle/ink-output.js']) {
    if (existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).mtimeMs > built) newer.push(f);
  }
  if (newer.length > 0) {
    throw new Error(`the build in dist/ is older than ${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ` and ${newer.length - 3} more` : ''}: run the tests with "npm test", which builds first (or npm run build)`);
  }
}
assertFreshBuild();

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', TZ: 'UTC', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking: for several commands at once (a race, or runs sharing the cores). */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', TZ: 'UTC', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character split between two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    // 'close', not 'exit': the process may exit before everything it wrote has been read.
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const temps: string[] = [];

export function tempDir(prefix = 'codage-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A throw-away copy of a fixture study (the demo by default), without its .source/ folder. */
export function copyStudy(from = DEMO, name = 'study'): string {
  const dir = join(tempDir(), name);
  cpSync(from, dir, { recursive: true, filter: (src) => !src.startsWith(join(from, '.source')) && !src.startsWith(join(from, '.codage')) });
  return dir;
}

export function cleanTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file of a study but `.codage/`, with its bytes: what "the study is unchanged" compares. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (rel === '.codage') continue;
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(join(dir, rel)).toString('base64'));
    }
  };
  walk('');
  return out;
}

/**
 * A two-row coding spreadsheet for the demo study, quick to import: two quotes of MG1 exactly as
 * in the transcript, one with a code the codebook lacks ("Consultation redoutée").
 */
export function smallSheet(): string {
  const file = join(tempDir(), 'codage.csv');
  writeFileSync(
    file,
    "Participant;Code;Verbatim\nMG1;Impuissance;Je me sens un peu inutile, en fait.\nMG1;Consultation redoutée;C'est la consultation que je redoute un peu dans la journée.\n",
  );
  return file;
}
