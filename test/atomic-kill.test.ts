/**
 * Crash tests of the built modules: real processes killed with SIGKILL while they write a coder
 * file, or while they hold its lock. After every kill the coder file must be byte-identical to a
 * complete version (the old one or the new one), never a mix or a truncation.
 *
 * Runs `dist/` (built by `npm test` before vitest), in child Node processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStudy, DEFAULT_PARAMS } from '../scripts/generate-study.js';
import { createRandom } from '../scripts/random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const atomicModule = path.join(root, 'dist', 'src', 'io', 'atomic-write.js');
const lockModule = path.join(root, 'dist', 'src', 'io', 'lock.js');
const steps = ['after-temp-write', 'after-fsync', 'after-backup', 'after-rename'] as const;

let work: string;
let oldVersion: Buffer;
let newVersion: Buffer;
let writerScript: string;
let loopScript: string;
let lockScript: string;
let lockLoopScript: string;

beforeAll(() => {
  for (const built of [atomicModule, lockModule]) {
    if (!fs.existsSync(built)) {
      throw new Error(`${path.relative(root, built)} is missing: these tests run the built code; run \`npm test\` (tsc, then vitest) or \`npm run build\` first.`);
    }
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-kill-'));

  // Two large, valid coder files of the same synthetic study: coder1 is the old version, coder2 the new.
  const { files } = buildStudy({ ...DEFAULT_PARAMS, transcripts: 20, words: 3000, segments: 5000, importRows: 0 });
  const coderFile = (name: string) => Buffer.from(files.find((f) => f.path === `codings/${name}.yaml`)!.content, 'utf8');
  oldVersion = coderFile('coder1');
  newVersion = coderFile('coder2');
  for (const version of [oldVersion, newVersion]) {
    const data = parse(version.toString('utf8')) as { version: number; segments: unknown[] };
    expect(data.version).toBe(1);
    expect(data.segments).toHaveLength(5000);
  }
  expect(oldVersion.length).toBeGreaterThan(500_000);
  expect(oldVersion.equals(newVersion)).toBe(false);

  const atomicUrl = JSON.stringify(pathToFileURL(atomicModule).href);
  const lockUrl = JSON.stringify(pathToFileURL(lockModule).href);
  writerScript = path.join(work, 'writer.mjs');
  fs.writeFileSync(
    writerScript,
    `import { readFileSync } from 'node:fs';
import { writeFileAtomic, writeFileAtomicSync } from ${atomicUrl};
const [target, source, backupDir, variant] = process.argv.slice(2);
const data = readFileSync(source);
if (variant === 'sync') writeFileAtomicSync(target, data, { backupDir });
else await writeFileAtomic(target, data, { backupDir });
`,
  );
  loopScript = path.join(work, 'loop.mjs');
  fs.writeFileSync(
    loopScript,
    `import { readFileSync } from 'node:fs';
import { writeFileAtomic } from ${atomicUrl};
const [target, a, b, backupDir] = process.argv.slice(2);
const versions = [readFileSync(a), readFileSync(b)];
process.stdout.write('ready\\n');
for (let i = 0; ; i++) await writeFileAtomic(target, versions[i % 2], { backupDir });
`,
  );
  lockScript = path.join(work, 'lock.mjs');
  fs.writeFileSync(
    lockScript,
    `import { acquireLock, LockedError } from ${lockUrl};
const [target, mode] = process.argv.slice(2);
try {
  const lock = await acquireLock(target, { command: 'codage code' }, { displayName: 'codings/marie.yaml' });
  process.stdout.write(JSON.stringify({ pid: process.pid, tookOverStale: lock.tookOverStale }) + '\\n');
  // 'hold' keeps the lock until killed; 'take' exits without release(): the exit hook removes it.
  if (mode === 'hold') setInterval(() => {}, 1000);
} catch (error) {
  if (!(error instanceof LockedError)) throw error;
  process.stderr.write(error.localized.en + '\\n');
  process.exitCode = 3;
}
`,
  );
  lockLoopScript = path.join(work, 'lock-loop.mjs');
  fs.writeFileSync(
    lockLoopScript,
    `import { existsSync } from 'node:fs';
import { acquireLockSync } from ${lockUrl};
const [target, stop] = process.argv.slice(2);
process.stdout.write('ready\\n');
let n = 0;
while (!existsSync(stop)) {
  acquireLockSync(target, { command: 'codage code' }).release();
  n++;
}
process.stdout.write(n + '\\n');
`,
  );
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A fresh study-like folder with the old version of the coder file in it. */
function freshStudy(name: string): { target: string; backupDir: string; codings: string } {
  const study = path.join(work, name);
  const codings = path.join(study, 'codings');
  fs.mkdirSync(codings, { recursive: true });
  const target = path.join(codings, 'marie.yaml');
  fs.writeFileSync(target, oldVersion);
  return { target, backupDir: path.join(study, '.codage', 'backups', 'codings'), codings };
}

function versionOf(bytes: Buffer): 'old' | 'new' | 'corrupt' {
  if (bytes.equals(oldVersion)) return 'old';
  if (bytes.equals(newVersion)) return 'new';
  return 'corrupt';
}

/** Files in codings/ other than the coder file: only our hidden temporary files may be left. */
function strayFiles(codings: string): string[] {
  return fs.readdirSync(codings).filter((name) => name !== 'marie.yaml');
}

const TEMP_NAME = /^\.marie\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/;

describe('a writer killed at each step of an atomic write', () => {
  const expected = {
    'after-temp-write': { target: 'old', backup: null },
    'after-fsync': { target: 'old', backup: null },
    'after-backup': { target: 'old', backup: 'old' },
    'after-rename': { target: 'new', backup: 'old' },
  } as const;

  for (const variant of ['async', 'sync'] as const) {
    for (const step of steps) {
      it(`${variant}, ${step}: the file is one complete version`, () => {
        const { target, backupDir, codings } = freshStudy(`${variant}-${step}`);
        const source = path.join(work, 'new.yaml');
        fs.writeFileSync(source, newVersion);
        const child = spawnSync(process.execPath, [writerScript, target, source, backupDir, variant], {
          env: { ...process.env, CODAGE_TEST_CRASH_AT: step },
          encoding: 'utf8',
        });
        expect(child.stderr).toBe('');
        expect(child.signal).toBe('SIGKILL');

        expect(versionOf(fs.readFileSync(target))).toBe(expected[step].target);
        const backup = path.join(backupDir, 'marie.yaml.bak');
        if (expected[step].backup === null) expect(fs.existsSync(backup)).toBe(false);
        else expect(versionOf(fs.readFileSync(backup))).toBe(expected[step].backup);
        for (const stray of strayFiles(codings)) expect(stray).toMatch(TEMP_NAME);
        if (step !== 'after-rename') expect(strayFiles(codings)).toHaveLength(1);

        // The next session writes normally over whatever the crash left.
        const retry = spawnSync(process.execPath, [writerScript, target, source, backupDir, variant], { encoding: 'utf8' });
        expect(retry.status).toBe(0);
        expect(versionOf(fs.readFileSync(target))).toBe('new');
        expect(versionOf(fs.readFileSync(backup))).toBe(step === 'after-rename' ? 'new' : 'old');
        expect(fs.readdirSync(backupDir)).toEqual(['marie.yaml.bak']);
      });
    }
  }

  it('without the hook, the writer completes', () => {
    const { target, backupDir, codings } = freshStudy('no-hook');
    const source = path.join(work, 'new-no-hook.yaml');
    fs.writeFileSync(source, newVersion);
    const { CODAGE_TEST_CRASH_AT: _ignored, ...env } = process.env;
    const child = spawnSync(process.execPath, [writerScript, target, source, backupDir, 'async'], { env, encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(versionOf(fs.readFileSync(target))).toBe('new');
    expect(strayFiles(codings)).toEqual([]);
  });
});

function waitForLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf('\n');
      if (newline !== -1) resolve(buffer.slice(0, newline));
    });
    child.once('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('a writer killed at random moments', () => {
  it('always leaves a complete version of the file and of its backup (30 kills)', async () => {
    const { target, backupDir, codings } = freshStudy('random-kills');
    const a = path.join(work, 'a.yaml');
    const b = path.join(work, 'b.yaml');
    fs.writeFileSync(a, oldVersion);
    fs.writeFileSync(b, newVersion);
    const random = createRandom(20261102);
    const outcomes = { old: 0, new: 0, corrupt: 0 };
    let killedMidWrite = 0;

    for (let i = 0; i < 30; i++) {
      const child = spawn(process.execPath, [loopScript, target, a, b, backupDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      await waitForLine(child);
      await new Promise((resolve) => setTimeout(resolve, random.int(0, 60)));
      child.kill('SIGKILL');
      await exited(child);

      const version = versionOf(fs.readFileSync(target));
      outcomes[version]++;
      expect(version, `kill ${i + 1}`).not.toBe('corrupt');
      const backup = path.join(backupDir, 'marie.yaml.bak');
      if (fs.existsSync(backup)) expect(versionOf(fs.readFileSync(backup)), `backup after kill ${i + 1}`).not.toBe('corrupt');
      for (const stray of strayFiles(codings)) {
        expect(stray).toMatch(TEMP_NAME);
        fs.rmSync(path.join(codings, stray));
        killedMidWrite++;
      }
    }
    expect(outcomes.corrupt).toBe(0);
    // The kills did land in the middle of writes, and the writer did get through some writes.
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 120_000);
});

describe('two processes and one lock', () => {
  it('a lock file is never seen empty or half written: complete, or absent', async () => {
    const { target } = freshStudy('lock-never-empty');
    const stop = path.join(work, 'stop-lock-loop');
    const child = spawn(process.execPath, [lockLoopScript, target, stop], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(child);
    const seen = { absent: 0, complete: 0, incomplete: [] as string[] };
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      let content: string;
      try {
        content = fs.readFileSync(`${target}.lock`, 'utf8');
      } catch {
        seen.absent++;
        continue;
      }
      if (/^\{"pid":\d+,"host":.*\}\n$/.test(content)) seen.complete++;
      else seen.incomplete.push(content);
    }
    fs.writeFileSync(stop, '');
    await exited(child);
    expect(seen.incomplete).toEqual([]);
    expect(seen.complete).toBeGreaterThan(20);
  });


  it('refuses the second with a message naming the first, then takes over once the first is killed', async () => {
    const { target } = freshStudy('lock');
    const holder = spawn(process.execPath, [lockScript, target, 'hold'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const held = JSON.parse(await waitForLine(holder)) as { pid: number; tookOverStale: unknown };
      expect(held.pid).toBe(holder.pid);
      expect(held.tookOverStale).toBeNull();

      const refused = spawnSync(process.execPath, [lockScript, target, 'take'], { encoding: 'utf8' });
      expect(refused.status).toBe(3);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^codings/marie\\.yaml is being written by another codage \\(pid ${holder.pid}, codage code, since \\d\\d:\\d\\d\\)\\. ` +
            'Close it first; delete codings/marie\\.yaml\\.lock only if no codage is running any more\\.\\n$',
        ),
      );
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }

    // The holder died without releasing: its lock is stale, the next process takes it over.
    expect(fs.existsSync(`${target}.lock`)).toBe(true);
    const next = spawnSync(process.execPath, [lockScript, target, 'take'], { encoding: 'utf8' });
    expect(next.status).toBe(0);
    const taken = JSON.parse(next.stdout) as { tookOverStale: { pid: number; command: string } };
    expect(taken.tookOverStale).toMatchObject({ pid: holder.pid, command: 'codage code' });
    // That process exited normally without calling release(): the exit hook removed its lock.
    expect(fs.existsSync(`${target}.lock`)).toBe(false);
  });
});
