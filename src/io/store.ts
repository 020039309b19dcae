/**
 * Shortcuts over `study-change.ts` for the commonest writes, and the lock a coding session holds.
 * Every write of a study file goes through `changeStudy`.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { coderFilePath, STUDY_FILES } from '../core/study/study.js';
import type { Localized } from '../core/types.js';
import { asEnvironmentError } from './environment-error.js';
import { acquireLockSync, LockedError, type Lock } from './lock.js';
import { changeStudy } from './study-change.js';
import { decodeStudyText } from './study-text.js';

/** Where codage keeps the previous versions of a study file. */
export function backupDirFor(root: string, relativeFile: string): string {
  return join(root, STUDY_FILES.internal, 'backups', dirname(relativeFile));
}

/**
 * The lock a coding session holds on its coder file from start to end, so that no other codage
 * writes it meanwhile. The session's saves (through `changeStudy`) use it as it is.
 */
export function lockCoderFile(root: string, coder: string, command: string): Lock {
  return lockStudyFile(root, coderFilePath(coder), command);
}

/**
 * The lock a session holds on another file of the study it writes again and again (the decisions
 * log of a reconciliation); `file` is relative to the study, with `/`.
 */
export function lockStudyFile(root: string, file: string, command: string): Lock {
  const path = join(root, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    return acquireLockSync(path, { command }, { displayName: file });
  } catch (error) {
    if (error instanceof LockedError) throw error;
    throw asEnvironmentError(error, 'lock', file, 'unchanged');
  }
}

/**
 * Applies an edit to codebook.yaml as one change: under its lock, on the file as it is on disk
 * now (another session may have added a code since this one read it), refused if codage cannot
 * rewrite it. `edit` receives the current text ('' when there is no codebook yet) and returns the
 * new text; nothing is written when it returns the text unchanged. Synchronous, so that the coding
 * screen can create a code from a key handler and have it on disk before any segment uses it.
 */
export function editCodebookFileSync<T>(
  root: string,
  command: string,
  edit: (source: string) => { source: string; result: T },
  onNotice?: (notice: Localized) => void,
): T {
  return changeStudy(root, { command, files: [STUDY_FILES.codebook], ...(onNotice ? { onNotice } : {}) }, (study) => {
    const current = study.codebook();
    const { source, result } = edit(current);
    if (source !== current) study.writeCodebook(source);
    return result;
  });
}

export async function editCodebookFile<T>(
  root: string,
  command: string,
  edit: (source: string) => { source: string; result: T },
  onNotice?: (notice: Localized) => void,
): Promise<T> {
  return editCodebookFileSync(root, command, edit, onNotice);
}

/**
 * Watches codebook.yaml for a change made by another command while a screen is open: `changed()`
 * gives the new text when the file's size or modification time moved since the last call (or
 * `seen()`, called after the screen's own write), else null.
 */
export function codebookWatcher(root: string): { changed: () => string | null; seen: () => void } {
  const file = join(root, STUDY_FILES.codebook);
  const stamp = (): string => {
    try {
      const st = statSync(file);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return 'none';
    }
  };
  let last = stamp();
  return {
    changed: () => {
      const now = stamp();
      if (now === last) return null;
      last = now;
      try {
        return decodeStudyText(readFileSync(file));
      } catch {
        return null;
      }
    },
    seen: () => {
      last = stamp();
    },
  };
}
