/**
 * Writing a study file so that a crash, a power cut or a full disk never leaves it half written:
 * the file on disk is always either the complete old version or the complete new one.
 *
 * 1. write the new content to a temporary file in the same folder (`.<name>.<pid>.<random>.tmp`),
 * 2. fsync it (the bytes are on the disk before anything points to them),
 * 3. keep the previous version as `<backupDir>/<name>.bak` (hard link, else copy; itself
 *    replaced atomically),
 * 4. rename the temporary file over the target (atomic on POSIX and on NTFS),
 * 5. fsync the folder (the rename itself is on the disk).
 * On any error the temporary file is removed and the target is untouched.
 *
 * The permissions of an existing target are kept. A target that is a symbolic link is resolved:
 * the file it points to is replaced, the link stays.
 *
 * Test hook: when the environment variable `CODAGE_TEST_CRASH_AT` is `after-temp-write`,
 * `after-fsync`, `after-backup` or `after-rename` at module load, the process kills itself with
 * SIGKILL at that step. Only `test/atomic-kill.test.ts` sets it.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Folder where the previous version is kept as `<name>.bak` (created if missing). */
  backupDir?: string;
}

export const CRASH_STEPS = ['after-temp-write', 'after-fsync', 'after-backup', 'after-rename'] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

const crashAt = process.env.CODAGE_TEST_CRASH_AT;

/** The crash-testing hook: dies here, as a power cut would, when asked to by the environment. */
function crashPoint(step: CrashStep): void {
  if (crashAt === step) process.kill(process.pid, 'SIGKILL');
}

function toBuffer(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** `.<name>.<pid>.<random>.tmp` next to `file`: same folder, so the rename stays on one disk. */
export function tempPathFor(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

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

async function resolveTarget(file: string): Promise<{ target: string; mode: number | null }> {
  try {
    const target = await fsp.realpath(file);
    const stat = await fsp.stat(target);
    return { target, mode: stat.mode & 0o7777 };
  } catch (error) {
    if (isNotFound(error)) return { target: file, mode: null };
    throw error;
  }
}

function resolveTargetSync(file: string): { target: string; mode: number | null } {
  try {
    const target = fs.realpathSync(file);
    return { target, mode: fs.statSync(target).mode & 0o7777 };
  } catch (error) {
    if (isNotFound(error)) return { target: file, mode: null };
    throw error;
  }
}

async function removeQuietly(file: string | null): Promise<void> {
  if (file === null) return;
  await fsp.rm(file, { force: true }).catch(() => undefined);
}

function removeQuietlySync(file: string | null): void {
  if (file === null) return;
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more to do: the target is intact either way.
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!ignorableDirSyncError(error)) throw error;
  } finally {
    await handle?.close();
  }
}

function syncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!ignorableDirSyncError(error)) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Puts the current target at `<backupDir>/<name>.bak`: a hard link (instant, and the old inode
 * survives the rename that follows), else a copy; through a temporary name, so that the backup
 * itself is never half written. `pending.path` is the temporary name while it exists, for the
 * caller to clean up on error. A target that vanished meanwhile has nothing to keep.
 */
async function keepBackup(target: string, backupDir: string, pending: { path: string | null }): Promise<void> {
  await fsp.mkdir(backupDir, { recursive: true });
  const backup = backupPathFor(target, backupDir);
  const temp = tempPathFor(backup);
  pending.path = temp;
  try {
    await fsp.link(target, temp);
  } catch {
    try {
      await fsp.copyFile(target, temp, fs.constants.COPYFILE_EXCL);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
  }
  await fsp.rename(temp, backup);
  // When the backup already was this very file (a crash between backup and rename left them
  // hard-linked), rename() does nothing and leaves the temporary name behind.
  await fsp.rm(temp, { force: true });
  pending.path = null;
}

function keepBackupSync(target: string, backupDir: string, pending: { path: string | null }): void {
  fs.mkdirSync(backupDir, { recursive: true });
  const backup = backupPathFor(target, backupDir);
  const temp = tempPathFor(backup);
  pending.path = temp;
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
  fs.rmSync(temp, { force: true });
  pending.path = null;
}

/**
 * On Windows a rename over a file that an antivirus or an editor holds open fails for a moment
 * (EPERM, EACCES, EBUSY): try again a few times before giving up.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !transient || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Replaces `file` with `data` atomically (see the module comment). */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const { target, mode } = await resolveTarget(file);
  const temp = tempPathFor(target);
  const pendingBackup = { path: null as string | null };
  let tempExists = false;
  try {
    const handle = await fsp.open(temp, 'wx', mode ?? 0o666);
    tempExists = true;
    try {
      await handle.writeFile(toBuffer(data));
      crashPoint('after-temp-write');
      // open() applies the umask; chmod gives the new file exactly the old permissions.
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
      crashPoint('after-fsync');
    } finally {
      await handle.close();
    }
    if (mode !== null && options.backupDir !== undefined) {
      await keepBackup(target, options.backupDir, pendingBackup);
      crashPoint('after-backup');
    }
    await renameOver(temp, target);
    tempExists = false;
    crashPoint('after-rename');
    await syncDir(path.dirname(target));
  } catch (error) {
    if (tempExists) await removeQuietly(temp);
    await removeQuietly(pendingBackup.path);
    throw error;
  }
}

/** The same as `writeFileAtomic`, synchronously: for exit paths, where promises no longer run. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const { target, mode } = resolveTargetSync(file);
  const temp = tempPathFor(target);
  const pendingBackup = { path: null as string | null };
  let tempExists = false;
  try {
    const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    tempExists = true;
    try {
      fs.writeFileSync(fd, toBuffer(data));
      crashPoint('after-temp-write');
      if (mode !== null) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
      crashPoint('after-fsync');
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== null && options.backupDir !== undefined) {
      keepBackupSync(target, options.backupDir, pendingBackup);
      crashPoint('after-backup');
    }
    fs.renameSync(temp, target);
    tempExists = false;
    crashPoint('after-rename');
    syncDirSync(path.dirname(target));
  } catch (error) {
    if (tempExists) removeQuietlySync(temp);
    removeQuietlySync(pendingBackup.path);
    throw error;
  }
}
