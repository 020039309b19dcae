import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serializeCoderFile, type KeptEntries } from '../core/codings/serialize.js';
import { coderFilePath, STUDY_FILES } from '../core/study/study.js';
import type { CoderFile, Language } from '../core/types.js';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';
import { backupOnce, backupStamp } from './backup.js';
import { acquireLock, acquireLockSync, type Lock } from './lock.js';
import { decodeStudyText } from './study.js';

/** Where codage keeps the previous version of a study file. */
export function backupDirFor(root: string, relativeFile: string): string {
  return join(root, STUDY_FILES.internal, 'backups', dirname(relativeFile));
}

/**
 * Writes one study file atomically, keeping the previous version in .codage/backups/
 * (one `.bak` always, plus one time-stamped copy at the first write of each session).
 */
export async function writeStudyFile(root: string, relativeFile: string, content: string): Promise<void> {
  const path = join(root, relativeFile);
  const backupDir = backupDirFor(root, relativeFile);
  await mkdir(dirname(path), { recursive: true });
  await mkdir(backupDir, { recursive: true });
  await backupOnce(path, backupDir, backupStamp(new Date()));
  await writeFileAtomic(path, content, { backupDir });
}

export async function lockCoderFile(root: string, coder: string, command: string): Promise<Lock> {
  const path = join(root, coderFilePath(coder));
  await mkdir(dirname(path), { recursive: true });
  return acquireLock(path, { command }, { displayName: coderFilePath(coder) });
}

/**
 * Saves a coder file; the caller holds the lock (see lockCoderFile). `kept` are the entries
 * codage could not read as segments: they are written back as they were, never dropped.
 * `language`: the study's, for the file's header comment.
 */
export async function saveCoderFile(root: string, coderFile: CoderFile, kept: KeptEntries = {}, language: Language = 'en'): Promise<void> {
  await writeStudyFile(root, coderFilePath(coderFile.coder), serializeCoderFile(coderFile, kept, language));
}

/** Saves codebook.yaml (the text comes from the codebook editor, which keeps comments). */
export async function saveCodebook(root: string, source: string): Promise<void> {
  await writeStudyFile(root, STUDY_FILES.codebook, source);
}

/**
 * Applies an edit to codebook.yaml under a lock, on the file as it is on disk now (another
 * session may have added a code since this one read it). `edit` receives the current text
 * ('' when there is no codebook yet) and returns the new text; nothing is written when it
 * returns the text unchanged. Synchronous, so that the coding screen can create a code from a
 * key handler and have it on disk before any segment uses it.
 */
export function editCodebookFileSync<T>(root: string, command: string, edit: (source: string) => { source: string; result: T }): T {
  const path = join(root, STUDY_FILES.codebook);
  const lock = acquireLockSync(path, { command }, { displayName: STUDY_FILES.codebook });
  try {
    let current = '';
    try {
      current = decodeStudyText(readFileSync(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const { source, result } = edit(current);
    if (source !== current) {
      const backupDir = backupDirFor(root, STUDY_FILES.codebook);
      mkdirSync(backupDir, { recursive: true });
      writeFileAtomicSync(path, source, { backupDir });
    }
    return result;
  } finally {
    lock.release();
  }
}

export async function editCodebookFile<T>(root: string, command: string, edit: (source: string) => { source: string; result: T }): Promise<T> {
  return editCodebookFileSync(root, command, edit);
}
