/**
 * The two files a reconciliation writes: the decisions log, then the consensus coder file, each
 * atomically with its previous version kept in `.codage/backups/`. The log goes first: it is
 * the record the consensus is rebuilt from, so a crash between the two leaves a consensus one
 * decision behind its log, which the next session recognises and brings up to date.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';
import { backupOnce, backupStamp } from './backup.js';
import { backupDirFor } from './store.js';
import { decodeStudyText } from './study.js';

export interface ReconciliationFiles {
  root: string;
  /** Absolute path of the decisions log. */
  logPath: string;
  /** Path of the consensus coder file, relative to the study. */
  coderFile: string;
}

/** Where the previous versions of a file are kept: its place under `.codage/backups/`, or `decisions/` for a log outside the study. */
function backupDirOf(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return backupDirFor(root, 'decisions/log.csv');
  return backupDirFor(root, rel.split('\\').join('/'));
}

/** The log's text (UTF-8 or Windows-1252, as a spreadsheet saved it), or null when there is none yet. */
export async function readDecisionLog(path: string): Promise<string | null> {
  try {
    return decodeStudyText(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Keeps a time-stamped copy of both files as they were before this session's first write. */
export async function backupBeforeSession(files: ReconciliationFiles): Promise<void> {
  const stamp = backupStamp(new Date());
  const coderPath = join(files.root, files.coderFile);
  for (const path of [files.logPath, coderPath]) {
    const dir = backupDirOf(files.root, path);
    mkdirSync(dir, { recursive: true });
    await backupOnce(path, dir, stamp);
  }
}

/** Writes the log, then the consensus (synchronous: called from the screen's key handler). */
export function writeReconciliationSync(files: ReconciliationFiles, logText: string, coderText: string): void {
  const coderPath = join(files.root, files.coderFile);
  for (const [path, text] of [
    [files.logPath, logText],
    [coderPath, coderText],
  ] as const) {
    const backupDir = backupDirOf(files.root, path);
    mkdirSync(dirname(path), { recursive: true });
    mkdirSync(backupDir, { recursive: true });
    writeFileAtomicSync(path, text, { backupDir });
  }
}
