/**
 * Writing a file so that a crash, a power cut or a full disk never leaves it half written: the
 * file on disk is always either the complete old version or the complete new one.
 *
 * 1. write the new content to a temporary file in the same folder (`.<name>.<pid>.<random>.tmp`),
 * 2. fsync it (the bytes are on the disk before anything points to them),
 * 3. keep the previous version as `<backupDir>/<name>.bak` (hard link, else copy; itself
 *    replaced atomically),
 * 4. rename the temporary file over the target (atomic on POSIX and on NTFS),
 * 5. fsync the folder (the rename itself is on the disk).
 * On any error the temporary file is removed and the target is untouched.
 *
 * One implementation, synchronous: a coder file is written from a key handler of the coding
 * screen and on the way out of the process, where promises no longer run; `writeFileAtomic` is
 * the same call for async callers. The steps are exported for `study-change.ts`, which writes
 * several files as one change. Every step goes through the test hooks of `faults.ts`.
 *
 * The permissions of an existing target are kept, and a target nobody may write (chmod 0444, a
 * read-only file on Windows) is never replaced: the write fails with `READ_ONLY_FILE`. A target
 * that is a symbolic link is resolved: the file it points to is replaced, the link stays.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { step, stepDone } from './faults.js';

export interface AtomicWriteOptions {
  /** Folder where the previous version is kept as `<name>.bak` (created if missing). */
  backupDir?: string;
}

/** The error code of a write refused because the target is read-only (no write permission bit). */
export const READ_ONLY_FILE = 'CODAGE_READ_ONLY_FILE';

/** What a file is written from: text (UTF-8), bytes, or bytes in pieces (written one after the other, never joined). */
export type FileData = string | Uint8Array | readonly Uint8Array[];

function toBuffers(data: FileData): readonly Uint8Array[] {
  return typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
}

/** `.<name>.<pid>.<random>.tmp` next to `file`: same folder, so the rename stays on one disk. */
export function tempPathFor(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** The temporary files `tempPathFor` makes: `.marie.yaml.4242.0a1b2c3d.tmp` → name and pid. */
export const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function backupPathFor(file: string, backupDir: string): string {
  return path.join(backupDir, `${path.basename(file)}.bak`);
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Directory fsync is not supported everywhere (Windows, some network shares): best effort there. */
function ignorableDirSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EACCES' || code === 'ENOTSUP';
}

/** The file a write really replaces (symbolic links resolved) and its permissions (null: new file). */
export function resolveTarget(file: string): { target: string; mode: number | null } {
  try {
    const target = fs.realpathSync(file);
    return { target, mode: fs.statSync(target).mode & 0o7777 };
  } catch (error) {
    if (isNotFound(error)) return { target: file, mode: null };
    throw error;
  }
}

/** Throws `READ_ONLY_FILE` when an existing target has no write permission bit at all. */
export function assertWritable(target: string, mode: number | null): void {
  if (mode === null || (mode & 0o222) !== 0) return;
  const error = new Error(`${target} is read-only`) as NodeJS.ErrnoException;
  error.code = READ_ONLY_FILE;
  error.path = target;
  error.syscall = 'open';
  throw error;
}

export function removeQuietly(file: string | null): void {
  if (file === null) return;
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more to do: the target is intact either way.
  }
}

/** Sleeps without returning to the event loop (for retries inside synchronous writes). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** fsync of a folder, so that a rename or a new name in it is on the disk. */
export function syncDir(dir: string): void {
  step('dir-sync');
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!ignorableDirSyncError(error)) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  stepDone('dir-sync');
}

/**
 * Writes `data` to a new temporary file beside `target` with the permissions `mode` (null: the
 * default ones), and fsyncs it. Returns its path; on error nothing is left behind.
 */
export function writeTemp(target: string, data: FileData, mode: number | null): string {
  return writeTempFile(target, data, mode, true);
}

/**
 * `writeTemp` without the fsync: a change of several files writes every temporary file first,
 * then fsyncs them all (`syncFile`) before any rename — the disk flushes the later files while the
 * first are written, and 100 transcripts take about half the time of an fsync after each.
 */
export function writeTempUnsynced(target: string, data: FileData, mode: number | null): string {
  return writeTempFile(target, data, mode, false);
}

/** fsync of a file already written and closed (any descriptor of a file flushes its data). */
export function syncFile(file: string): void {
  step('fsync');
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  stepDone('fsync');
}

function writeTempFile(target: string, data: FileData, mode: number | null, sync: boolean): string {
  const temp = tempPathFor(target);
  step('temp-write');
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      // Each piece at the file's current position, after the one before.
      for (const piece of toBuffers(data)) fs.writeFileSync(fd, piece);
      stepDone('temp-write');
      // open() applies the umask; chmod gives the new file exactly the old permissions.
      if (mode !== null) fs.fchmodSync(fd, mode);
      if (sync) {
        step('fsync');
        fs.fsyncSync(fd);
        stepDone('fsync');
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  return temp;
}

/**
 * Puts the current target at `<backupDir>/<name>.bak`: a hard link (instant, and the old inode
 * survives the rename that follows), else a copy; through a temporary name, so that the backup
 * itself is never half written. A target that vanished meanwhile has nothing to keep.
 */
export function keepBackup(target: string, backupDir: string): void {
  step('backup');
  fs.mkdirSync(backupDir, { recursive: true });
  const backup = backupPathFor(target, backupDir);
  const temp = tempPathFor(backup);
  try {
    try {
      fs.linkSync(target, temp);
    } catch {
      try {
        fs.copyFileSync(target, temp, fs.constants.COPYFILE_EXCL);
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
    }
    fs.renameSync(temp, backup);
  } finally {
    // Also when the backup already was this very file (a crash between backup and rename left
    // them hard-linked): rename() then does nothing and leaves the temporary name behind.
    removeQuietly(temp);
  }
  stepDone('backup');
}

/**
 * Renames `from` over `to`. On Windows a rename over a file that an antivirus or an editor holds
 * open fails for a moment (EPERM, EACCES, EBUSY): try again a few times before giving up.
 */
export function renameOver(from: string, to: string): void {
  step('rename');
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !transient || attempt >= 10) throw error;
      sleepSync(20 * (attempt + 1));
    }
  }
  stepDone('rename');
}

/** Replaces `file` with `data` atomically (see the module comment). */
export function writeFileAtomicSync(file: string, data: FileData, options: AtomicWriteOptions = {}): void {
  const { target, mode } = resolveTarget(file);
  assertWritable(target, mode);
  const temp = writeTemp(target, data, mode);
  try {
    if (mode !== null && options.backupDir !== undefined) keepBackup(target, options.backupDir);
    renameOver(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  syncDir(path.dirname(target));
}

/** `writeFileAtomicSync` for async callers: the same implementation. */
export async function writeFileAtomic(file: string, data: FileData, options: AtomicWriteOptions = {}): Promise<void> {
  writeFileAtomicSync(file, data, options);
}
