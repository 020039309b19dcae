import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../core/errors.js';
import { acquireLock, lockedMessage, LockedError, parseLockHolder, processIsAlive, type LockHolder } from './lock.js';

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
        'Close it first; if it crashed, delete codings/marie.yaml.lock.',
    );
    expect(error.localized.fr).toContain(`(pid ${process.pid}, codage code, depuis 14 h 03)`);
    expect(error.localized.fr).toContain('supprimez codings/marie.yaml.lock.');
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

  it('refuses, saying so, when the lock file cannot be read', async () => {
    fs.writeFileSync(`${target}.lock`, '');
    const error = (await acquireLock(target, { command: 'x' }, { displayName: 'codings/marie.yaml' }).catch(
      (e: unknown) => e,
    )) as LockedError;
    expect(error.holder).toBeNull();
    expect(error.localized.en).toContain('(unreadable lock file)');
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
      'codings/marie.yaml is being written by another codage (pid 4242, codage code, since 14:03). Close it first; if it crashed, delete codings/marie.yaml.lock.',
    );
    expect(message.fr).toBe(
      'codings/marie.yaml est en cours d’écriture par un autre codage (pid 4242, codage code, depuis 14 h 03). Fermez-le d’abord\u00a0; s’il s’est arrêté brutalement, supprimez codings/marie.yaml.lock.',
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
