/**
 * A lock file beside a file being edited (`codings/marie.yaml.lock`), so that two `codage`
 * processes never write the same coder file: the second one is refused with a message naming
 * the first (pid, command, since when) and how to get out if it crashed.
 *
 * The lock holds JSON `{pid, host, since, command}`. A lock left by a process that no longer runs
 * on this computer is stale and taken over (`Lock.tookOverStale` says so). A lock written on
 * another computer (a shared or synced folder) is never taken over automatically: this computer
 * cannot know whether that process still runs.
 *
 * Locks are released by `release()`, and on process exit. A process killed by a signal leaves its
 * lock behind; the next `codage` finds its pid dead and takes it over.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataError } from '../core/errors.js';
import type { Localized } from '../core/types.js';

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
}

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
function sinceText(since: string, now: Date, language: 'en' | 'fr'): string {
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
      en: `${displayName} is being written by another codage (unreadable lock file). Close it first; if it crashed, delete ${lockName}.`,
      fr: `${displayName} est en cours d’écriture par un autre codage (fichier de verrou illisible). Fermez-le d’abord\u00a0; s’il s’est arrêté brutalement, supprimez ${lockName}.`,
    };
  }
  const where = holder.host === localHost ? { en: '', fr: '' } : { en: ` on ${holder.host}`, fr: ` sur ${holder.host}` };
  return {
    en: `${displayName} is being written by another codage (pid ${holder.pid}${where.en}, ${holder.command}, since ${sinceText(holder.since, now, 'en')}). Close it first; if it crashed, delete ${lockName}.`,
    fr: `${displayName} est en cours d’écriture par un autre codage (pid ${holder.pid}${where.fr}, ${holder.command}, depuis ${sinceText(holder.since, now, 'fr')}). Fermez-le d’abord\u00a0; s’il s’est arrêté brutalement, supprimez ${lockName}.`,
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

/** Creates the lock file with our content; false when it already exists. */
function tryCreate(lockPath: string, content: string): boolean {
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

  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, content)) break;
    const existing = readLock(lockPath);
    if (existing === null && attempt < 20) continue; // released meanwhile: try again
    const current = existing === null ? null : parseLockHolder(existing);
    const ours = held.has(path.resolve(lockPath));
    const stale =
      current !== null &&
      current.host === host &&
      !ours &&
      (current.pid === process.pid || !processIsAlive(current.pid));
    if (!stale || attempt >= 5) {
      throw new LockedError(lockedMessage(displayName, current, host, now()), {
        file: displayName,
        lockPath,
        holder: current,
      });
    }
    removeStale(lockPath, existing as string);
    tookOverStale = current;
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
    release() {
      if (!held.has(key)) return;
      held.delete(key);
      releaseIfOurs(lockPath, content);
    },
  };
}
