/**
 * Timestamped backups: the first time a session writes a file, the version it started from is
 * copied to `<backupDir>/<name>.<stamp>`, and only the newest `keep` of them are kept.
 * Together with the `<name>.bak` of every atomic write, a researcher can always go back to the
 * previous write and to the start of the last ten sessions.
 *
 * Synchronous, like every write of a study (see atomic-write.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeQuietly, tempPathFor } from './atomic-write.js';
import { step, stepDone } from './faults.js';

/**
 * A stamp names a backup and sorts in time order: a digit, then letters, digits, `-` and `_`
 * (so `<name>.bak` and anything else in the folder is never taken for a timestamped backup).
 */
const STAMP = /^[0-9][0-9A-Za-z_-]*$/;

/** Files already backed up by this process, by absolute path. */
const backedUp = new Set<string>();

/** `2026-11-02T14:03:11.123Z` → `2026-11-02T14-03-11Z`: sorts in time order, valid on Windows. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Copies the current `file` to `<backupDir>/<name>.<stamp>`, once per process and file, then
 * removes all but the newest `keep` timestamped backups of that file (by stamp order).
 * Returns the backup's path, or null when there was nothing to do (already done in this
 * process, or the file does not exist yet).
 */
export function backupOnce(file: string, backupDir: string, stamp: string, keep = 10): string | null {
  if (!STAMP.test(stamp)) {
    throw new RangeError(`backup stamp "${stamp}": start with a digit, then letters, digits, "-" and "_" only`);
  }
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer, not ${keep}`);
  const key = path.resolve(file);
  if (backedUp.has(key)) return null;

  const name = path.basename(file);
  const backup = path.join(backupDir, `${name}.${stamp}`);
  step('backup');
  const temp = tempPathFor(backup);
  try {
    fs.mkdirSync(backupDir, { recursive: true });
    fs.copyFileSync(file, temp);
    fs.renameSync(temp, backup);
  } catch (error) {
    removeQuietly(temp);
    if (isNotFound(error)) {
      // Nothing written yet: the first write of the session creates the file.
      backedUp.add(key);
      return null;
    }
    throw error;
  }
  backedUp.add(key);
  stepDone('backup');
  pruneBackups(backupDir, name, keep);
  return backup;
}

/** The timestamped backups of `name` in `backupDir`, oldest first. */
export function listBackups(backupDir: string, name: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(backupDir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const prefix = `${name}.`;
  return entries
    .filter((entry) => {
      if (!entry.startsWith(prefix)) return false;
      const stamp = entry.slice(prefix.length);
      return STAMP.test(stamp);
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Removes the oldest timestamped backups of `name` until `keep` remain. */
export function pruneBackups(backupDir: string, name: string, keep: number): void {
  const backups = listBackups(backupDir, name);
  const excess = backups.slice(0, Math.max(0, backups.length - keep));
  for (const entry of excess) removeQuietly(path.join(backupDir, entry));
}
