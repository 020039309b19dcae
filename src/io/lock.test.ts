import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../core/errors.js';
import { acquireLock, acquireLockSync, holdsLock, lockedMessage, LockedError, parseLockHolder, processIsAlive, type LockHolder } from './lock.js';

let dir: string;
let target: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codage-lock-'));
  fs.mkdirSync(path.join(dir, 'codings'));
  target = path.join(dir, 'codings', 'marie.yaml');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has run and exited: certainly not alive now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeLock(holder: LockHolder): void {
  fs.writeFileSync(`${target}.lock`, JSON.stringify(holder));
}

const at = (iso: string) => () => new Date(iso);

describe('acquireLock', () => {
  it('creates <target>.lock with pid, host, since and command, and release removes it', async () => {
    const lock = await acquireLock(target, { command: 'codage code' }, { now: at('2026-11-02T14:03:00Z') });
    expect(lock.path).toBe(`${target}.lock`);
    expect(lock.tookOverStale).toBeNull();
    const content = parseLockHolder(fs.readFileSync(lock.path, 'utf8'));
    expect(content).toEqual({ pid: process.pid, host: os.hostname(), since: '2026-11-02T14:03:00.000Z', command: 'codage code' });
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
    lock.release(); // idempotent
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('refuses a second lock on the same file, naming the holder', async () => {
    const first = await acquireLock(target, { command: 'codage code' }, { now: at('2026-11-02T14:03:00Z') });
    const attempt = acquireLock(target, { command: 'codage import-codings' }, {
      displayName: 'codings/marie.yaml',
      now: at('2026-11-02T15:00:00Z'),
    });
    await expect(attempt).rejects.toBeInstanceOf(LockedError);
    const error = (await attempt.catch((e: unknown) => e)) as LockedError;
    expect(error).toBeInstanceOf(DataError);
    expect(error.file).toBe('codings/marie.yaml');
    expect(error.holder?.pid).toBe(process.pid);
    expect(error.localized.en).toBe(
      `codings/marie.yaml is being written by another codage (pid ${process.pid}, codage code, since 14:03). ` +
        'Close it first; delete codings/marie.yaml.lock only if no codage is running any more.',
    );
    expect(error.localized.fr).toContain(`(pid ${process.pid}, codage code, depuis 14 h 03)`);
    expect(error.localized.fr).toContain('ne supprimez codings/marie.yaml.lock que si aucun codage ne tourne plus.');
    first.release();
    const second = await acquireLock(target, { command: 'codage import-codings' });
    second.release();
  });

  it('takes over a stale lock whose process has died on this computer', async () => {
    const stale: LockHolder = { pid: deadPid(), host: os.hostname(), since: '2026-11-01T09:00:00.000Z', command: 'codage code' };
    expect(processIsAlive(stale.pid)).toBe(false);
    writeLock(stale);
    const lock = await acquireLock(target, { command: 'codage code' });
    expect(lock.tookOverStale).toEqual(stale);
    expect(parseLockHolder(fs.readFileSync(lock.path, 'utf8'))?.pid).toBe(process.pid);
    expect(fs.readdirSync(path.join(dir, 'codings'))).toEqual(['marie.yaml.lock']);
    lock.release();
  });

  it('never takes over a lock written on another computer, even with a dead pid', async () => {
    writeLock({ pid: deadPid(), host: 'portable-de-paul', since: '2026-11-01T09:05:00.000Z', command: 'codage code' });
    const error = (await acquireLock(target, { command: 'codage code' }, {
      displayName: 'codings/marie.yaml',
      now: at('2026-11-02T10:00:00Z'),
    }).catch((e: unknown) => e)) as LockedError;
    expect(error).toBeInstanceOf(LockedError);
    expect(error.localized.en).toContain('on portable-de-paul, codage code, since 2026-11-01 09:05)');
    expect(error.localized.fr).toContain('sur portable-de-paul, codage code, depuis 2026-11-01 à 9 h 05)');
    expect(fs.existsSync(`${target}.lock`)).toBe(true);
  });

  it('refuses when the lock of a live process is found', async () => {
    // The parent of this test process is alive and is not us.
    writeLock({ pid: process.ppid, host: os.hostname(), since: new Date().toISOString(), command: 'codage code' });
    await expect(acquireLock(target, { command: 'codage code' })).rejects.toBeInstanceOf(LockedError);
  });

  it('refuses an unreadable lock file written moments ago: a codage may be writing it', async () => {
    fs.writeFileSync(`${target}.lock`, '');
    const error = (await acquireLock(target, { command: 'x' }, { displayName: 'codings/marie.yaml' }).catch(
      (e: unknown) => e,
    )) as LockedError;
    expect(error).toBeInstanceOf(LockedError);
    expect(error.holder).toBeNull();
    expect(error.localized.en).toContain('(unreadable lock file)');
  });

  it.each([
    ['empty', ''],
    ['cut short', '{"pid":12'],
  ])('takes over an %s lock file older than a few seconds (left by a crash), and says so', async (_what, content) => {
    const lockPath = `${target}.lock`;
    fs.writeFileSync(lockPath, content);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath, old, old);
    const lock = await acquireLock(target, { command: 'codage code' }, { displayName: 'codings/marie.yaml' });
    expect(parseLockHolder(fs.readFileSync(lockPath, 'utf8'))?.pid).toBe(process.pid);
    expect(lock.tookOverStale).toBeNull();
    expect(lock.takeOverNotice?.en).toBe(
      'codings/marie.yaml.lock was unreadable and 1 minute old, left by a codage that stopped abruptly: taken over.',
    );
    expect(lock.takeOverNotice?.fr).toBe(
      'codings/marie.yaml.lock était illisible et datait de 1\u00a0minute, laissé par un codage arrêté brutalement\u00a0: repris.',
    );
    lock.release();
    expect(fs.readdirSync(path.join(dir, 'codings'))).toEqual([]);
  });

  it('says which stopped process it took a lock over from', async () => {
    const stale: LockHolder = { pid: deadPid(), host: os.hostname(), since: '2026-11-01T09:00:00.000Z', command: 'codage code' };
    writeLock(stale);
    const lock = await acquireLock(target, { command: 'codage code' }, { displayName: 'codings/marie.yaml', now: at('2026-11-02T10:00:00Z') });
    expect(lock.takeOverNotice?.en).toBe(
      `codings/marie.yaml.lock was left by a codage that stopped (pid ${stale.pid}, codage code, since 2026-11-01 09:00): taken over.`,
    );
    lock.release();
  });

  it('waits a moment for a lock released soon, when asked to, and refuses at once otherwise', async () => {
    // Another process holds the lock for 400 ms.
    const script = `
      const fs = require('node:fs'), os = require('node:os');
      const lock = process.argv[1];
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), command: 'codage code' }));
      process.stdout.write('held\\n');
      setTimeout(() => { fs.writeFileSync(process.argv[2], 'released'); fs.rmSync(lock); }, 400);`;
    const released = `${target}.released`;
    const child = spawn(process.execPath, ['-e', script, `${target}.lock`, released], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect(() => acquireLockSync(target, { command: 'codage import-codings' })).toThrow(LockedError);
    const lock = acquireLockSync(target, { command: 'codage import-codings' }, { waitMs: 5000 });
    // Taken only once the other process let it go (it says so just before).
    expect(fs.existsSync(released)).toBe(true);
    expect(parseLockHolder(fs.readFileSync(lock.path, 'utf8'))?.pid).toBe(process.pid);
    lock.release();
    await new Promise((resolve) => child.once('exit', resolve));
  });

  it('holdsLock says whether this process holds the lock on a file', () => {
    expect(holdsLock(target)).toBe(false);
    const lock = acquireLockSync(target, { command: 'codage code' });
    expect(holdsLock(target)).toBe(true);
    lock.release();
    expect(holdsLock(target)).toBe(false);
  });

  it('release leaves alone a lock that is no longer ours', async () => {
    const lock = await acquireLock(target, { command: 'codage code' });
    const theirs = JSON.stringify({ pid: 1, host: 'x', since: 'y', command: 'z' });
    fs.writeFileSync(lock.path, theirs);
    lock.release();
    expect(fs.readFileSync(lock.path, 'utf8')).toBe(theirs);
  });
});

describe('lockedMessage', () => {
  it('is the same day: only the time', () => {
    const message = lockedMessage(
      'codings/marie.yaml',
      { pid: 4242, host: 'h', since: '2026-11-02T14:03:00.000Z', command: 'codage code' },
      'h',
      new Date('2026-11-02T18:00:00Z'),
    );
    expect(message.en).toBe(
      'codings/marie.yaml is being written by another codage (pid 4242, codage code, since 14:03). Close it first; delete codings/marie.yaml.lock only if no codage is running any more.',
    );
    expect(message.fr).toBe(
      'codings/marie.yaml est en cours d’écriture par un autre codage (pid 4242, codage code, depuis 14 h 03). Fermez-le d’abord\u00a0; ne supprimez codings/marie.yaml.lock que si aucun codage ne tourne plus.',
    );
  });
});

describe('parseLockHolder', () => {
  it('accepts only complete lock content', () => {
    expect(parseLockHolder('{"pid":1,"host":"h","since":"s","command":"c"}')).toEqual({ pid: 1, host: 'h', since: 's', command: 'c' });
    expect(parseLockHolder('{"pid":"1","host":"h","since":"s","command":"c"}')).toBeNull();
    expect(parseLockHolder('{"pid":1')).toBeNull();
    expect(parseLockHolder('null')).toBeNull();
  });
});
