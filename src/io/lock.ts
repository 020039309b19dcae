/**
 * A lock file beside a file being edited (`codings/marie.yaml.lock`), so that two `codage`
 * processes never write the same coder file: the second one is refused with a message naming
 * the first (pid, command, since when) and how to get out once no codage runs any more.
 *
 * The lock holds JSON `{pid, host, since, command}`, and is never seen empty or half written: the
 * content is written to a temporary file first, which is then hard-linked as the lock (a link
 * fails when the lock exists, like an exclusive create). A lock left by a process that no longer
 * runs on this computer is stale and taken over; so is a lock file that cannot be read and is more
 * than a few seconds old (written by a crash of an older codage, or damaged by hand).
 * `Lock.takeOverNotice` then says what was taken over, for the command to tell the user. A lock
 * written on another computer (a shared or synced folder) is never taken over automatically: this
 * computer cannot know whether that process still runs.
 *
 * Locks are released by `release()`, and on process exit. A process killed by a signal leaves its
 * lock behind; the next `codage` finds its pid dead and takes it over.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataError } from '../core/errors.js';
import type { Localized } from '../core/types.js';
import { removeQuietly, tempPathFor } from './atomic-write.js';
import { step, stepDone } from './faults.js';

export interface LockOwner {
  /** What holds the lock, as the user typed it: `codage code`, `codage import-codings`. */
  command: string;
}

/** The content of a lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 time the lock was taken. */
  since: string;
  command: string;
}

export interface Lock {
  /** The locked file. */
  readonly target: string;
  /** The lock file, `<target>.lock`. */
  readonly path: string;
  readonly holder: LockHolder;
  /** The holder of the stale lock this one replaced (its process had died), or null. */
  readonly tookOverStale: LockHolder | null;
  /** What was taken over, to tell the user (a stale or unreadable lock), or null. */
  readonly takeOverNotice: Localized | null;
  /** Removes the lock file, if it is still ours. Safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** How to name the target in messages (path relative to the study). Default: relative to cwd. */
  displayName?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Host name, for tests. */
  host?: string;
  /**
   * How long to wait for a lock held by a live process before refusing (default 0: refuse at
   * once). For short changes (a code added to the codebook), not for a coding session.
   */
  waitMs?: number;
}

/** An unreadable lock file older than this was left by a crash, not being written right now. */
export const UNREADABLE_LOCK_STALE_MS = 5_000;

/** Someone else is writing the file: exit 1, with who and how to get out. */
export class LockedError extends DataError {
  readonly holder: LockHolder | null;
  readonly lockPath: string;

  constructor(message: Localized, options: { file: string; lockPath: string; holder: LockHolder | null }) {
    super(message, { file: options.file });
    this.name = 'LockedError';
    this.holder = options.holder;
    this.lockPath = options.lockPath;
  }
}

/** Lock files this process holds, with their exact content: released on exit. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  for (const [lockPath, content] of held) releaseIfOurs(lockPath, content);
  held.clear();
}

function releaseIfOurs(lockPath: string, content: string): void {
  try {
    // Someone may have deleted our lock by hand and another process taken it: leave theirs.
    if (fs.readFileSync(lockPath, 'utf8') !== content) return;
    fs.rmSync(lockPath, { force: true });
  } catch {
    // Already gone, or unreadable: nothing of ours to remove.
  }
}

/** Whether this process holds the lock on `target` (taken with `acquireLock` and not released). */
export function holdsLock(target: string): boolean {
  return held.has(path.resolve(lockPathFor(target)));
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function lockPathFor(target: string): string {
  return `${target}.lock`;
}

export function parseLockHolder(content: string): LockHolder | null {
  try {
    const data = JSON.parse(content) as Partial<LockHolder> | null;
    if (
      data === null ||
      typeof data !== 'object' ||
      !Number.isInteger(data.pid) ||
      typeof data.host !== 'string' ||
      typeof data.since !== 'string' ||
      typeof data.command !== 'string'
    ) {
      return null;
    }
    return { pid: data.pid as number, host: data.host, since: data.since, command: data.command };
  } catch {
    return null;
  }
}

/** Whether a process with this pid runs on this computer (EPERM: it runs, as another user). */
export function processIsAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `14:03` today, `2026-11-02 14:03` another day (local time). */
export function sinceText(since: string, now: Date, language: 'en' | 'fr'): string {
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return since;
  const time = language === 'fr' ? `${date.getHours()} h ${pad2(date.getMinutes())}` : `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  const sameDay =
    date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  if (sameDay) return time;
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return language === 'fr' ? `${day} à ${time}` : `${day} ${time}`;
}

export function lockedMessage(
  displayName: string,
  holder: LockHolder | null,
  localHost: string,
  now: Date,
): Localized {
  const lockName = lockPathFor(displayName);
  if (holder === null) {
    return {
      en: `${displayName} is being written by another codage (unreadable lock file). Close it first; delete ${lockName} only if no codage is running any more.`,
      fr: `${displayName} est en cours d’écriture par un autre codage (fichier de verrou illisible). Fermez-le d’abord\u00a0; ne supprimez ${lockName} que si aucun codage ne tourne plus.`,
    };
  }
  const where = holder.host === localHost ? { en: '', fr: '' } : { en: ` on ${holder.host}`, fr: ` sur ${holder.host}` };
  return {
    en: `${displayName} is being written by another codage (pid ${holder.pid}${where.en}, ${holder.command}, since ${sinceText(holder.since, now, 'en')}). Close it first; delete ${lockName} only if no codage is running any more.`,
    fr: `${displayName} est en cours d’écriture par un autre codage (pid ${holder.pid}${where.fr}, ${holder.command}, depuis ${sinceText(holder.since, now, 'fr')}). Fermez-le d’abord\u00a0; ne supprimez ${lockName} que si aucun codage ne tourne plus.`,
  };
}

// Lock operations are a few tiny system calls: they are synchronous, so that a coding screen can
// take a lock from a key handler (a new code written to codebook.yaml) and exit paths can release.

function readLock(lockPath: string): string | null {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether `error` says the file system cannot make hard links (FAT, exFAT, some network shares). */
function noHardLinks(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP' || code === 'EMLINK';
}

/**
 * Creates the lock file with our content; false when it already exists. The content is written
 * and synced under a temporary name, then linked as the lock: the lock appears complete or not
 * at all. Where hard links do not exist, an exclusive create then a write (a crash in between
 * leaves an empty lock, which is taken over once it is a few seconds old).
 */
function tryCreate(lockPath: string, content: string): boolean {
  step('lock');
  const temp = tempPathFor(lockPath);
  let linked: boolean | null = null;
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' });
    try {
      fs.linkSync(temp, lockPath);
      linked = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') linked = false;
      else if (!noHardLinks(error)) throw error;
    }
  } finally {
    removeQuietly(temp);
  }
  if (linked === null) linked = createExclusive(lockPath, content);
  if (linked) stepDone('lock');
  return linked;
}

function createExclusive(lockPath: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** How old a file is, in milliseconds (0 when it is gone). */
function ageOf(file: string, now: Date): number {
  try {
    return now.getTime() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** `45 seconds`, `3 minutes`, `2 hours`, `4 days` (French with a non-breaking space). */
function durationText(ms: number, language: 'en' | 'fr'): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [n, unit] =
    seconds < 60 ? [seconds, 's'] : seconds < 3600 ? [Math.floor(seconds / 60), 'm'] : seconds < 86_400 ? [Math.floor(seconds / 3600), 'h'] : [Math.floor(seconds / 86_400), 'd'];
  const words = {
    en: { s: 'second', m: 'minute', h: 'hour', d: 'day' },
    fr: { s: 'seconde', m: 'minute', h: 'heure', d: 'jour' },
  }[language][unit as 's' | 'm' | 'h' | 'd'];
  return `${n}${language === 'fr' ? '\u00a0' : ' '}${words}${n > 1 ? 's' : ''}`;
}

/** What the user is told when a lock left behind is taken over. */
export function takeOverMessage(displayName: string, stale: LockHolder | null, age: number, now: Date): Localized {
  const lockName = lockPathFor(displayName);
  if (stale === null) {
    return {
      en: `${lockName} was unreadable and ${durationText(age, 'en')} old, left by a codage that stopped abruptly: taken over.`,
      fr: `${lockName} était illisible et datait de ${durationText(age, 'fr')}, laissé par un codage arrêté brutalement\u00a0: repris.`,
    };
  }
  return {
    en: `${lockName} was left by a codage that stopped (pid ${stale.pid}, ${stale.command}, since ${sinceText(stale.since, now, 'en')}): taken over.`,
    fr: `${lockName} a été laissé par un codage arrêté (pid ${stale.pid}, ${stale.command}, depuis ${sinceText(stale.since, now, 'fr')})\u00a0: repris.`,
  };
}

/**
 * Moves a stale lock aside, but only if it is still the one we judged stale: two processes
 * taking over the same stale lock must not remove each other's new lock.
 */
function removeStale(lockPath: string, staleContent: string): void {
  const aside = `${lockPath}.${process.pid}.${Date.now()}.stale`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(aside);
  if (moved !== staleContent && moved !== null) {
    // Another process took the lock in between: put its lock back.
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      if (readLock(lockPath) === null) {
        try {
          fs.renameSync(aside, lockPath);
        } catch {
          // it is gone: nothing to put back
        }
      }
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the lock on `target` (creates `<target>.lock`), taking over a stale one, or throws
 * `LockedError` naming the process that holds it.
 */
export async function acquireLock(target: string, owner: LockOwner, options: LockOptions = {}): Promise<Lock> {
  return acquireLockSync(target, owner, options);
}

/** `acquireLock` for synchronous callers (key handlers, exit paths). */
export function acquireLockSync(target: string, owner: LockOwner, options: LockOptions = {}): Lock {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? os.hostname();
  const lockPath = lockPathFor(target);
  const displayName = (options.displayName ?? path.relative(process.cwd(), target)).split(path.sep).join('/');
  const holder: LockHolder = { pid: process.pid, host, since: now().toISOString(), command: owner.command };
  const content = `${JSON.stringify(holder)}\n`;
  let tookOverStale: LockHolder | null = null;

  let takeOverNotice: Localized | null = null;
  const deadline = Date.now() + (options.waitMs ?? 0);

  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, content)) break;
    const existing = readLock(lockPath);
    if (existing === null && attempt < 20) continue; // released meanwhile: try again
    const current = existing === null ? null : parseLockHolder(existing);
    const ours = held.has(path.resolve(lockPath));
    const age = ageOf(lockPath, now());
    const stale =
      !ours &&
      attempt < 5 &&
      existing !== null &&
      (current === null
        ? age > UNREADABLE_LOCK_STALE_MS
        : current.host === host && (current.pid === process.pid || !processIsAlive(current.pid)));
    if (stale) {
      removeStale(lockPath, existing);
      tookOverStale = current;
      takeOverNotice = takeOverMessage(displayName, current, age, now());
      continue;
    }
    if (!ours && attempt < 1000 && Date.now() < deadline) {
      sleepSync(50);
      continue;
    }
    throw new LockedError(lockedMessage(displayName, current, host, now()), {
      file: displayName,
      lockPath,
      holder: current,
    });
  }

  const key = path.resolve(lockPath);
  held.set(key, content);
  if (!exitHookInstalled) {
    process.on('exit', releaseAllOnExit);
    exitHookInstalled = true;
  }
  return {
    target,
    path: lockPath,
    holder,
    tookOverStale,
    takeOverNotice,
    release() {
      if (!held.has(key)) return;
      held.delete(key);
      releaseIfOurs(lockPath, content);
    },
  };
}
