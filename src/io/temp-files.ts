/**
 * Temporary files left behind by a codage killed in the middle of a write
 * (`.marie.yaml.4242.0a1b2c3d.tmp`): the study file itself is always complete (see
 * atomic-write.ts), but the temporary file takes space and puzzles whoever lists the folder.
 * `check` reports them and `check --fix` removes them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import type { Problem } from '../core/types.js';
import { removeQuietly, TEMP_FILE } from './atomic-write.js';
import { processIsAlive } from './lock.js';

/** A temporary file younger than this may belong to a write in progress on another computer. */
const LEFT_BEHIND_AFTER_MS = 60_000;

/** Folders where codage writes: the study folder, codings/, and its own .codage/ folders (caches included). */
function foldersWritten(root: string): string[] {
  const internal = path.join(root, STUDY_FILES.internal);
  const folders = [root, path.join(root, STUDY_FILES.codings), path.join(internal, 'journal'), path.join(internal, 'state'), path.join(internal, 'cache')];
  const backups = path.join(internal, 'backups');
  const walk = (dir: string): void => {
    folders.push(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) walk(path.join(dir, entry.name));
  };
  walk(backups);
  return folders;
}

/** The temporary files left behind, relative to the study folder, sorted. */
export function leftTemporaryFiles(root: string, now = Date.now()): { file: string; pid: number }[] {
  const found: { file: string; pid: number }[] = [];
  for (const dir of foldersWritten(root)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_FILE.exec(name);
      if (!m) continue;
      const pid = Number(m[2]);
      const full = path.join(dir, name);
      let age: number;
      try {
        age = now - fs.statSync(full).mtimeMs;
      } catch {
        continue;
      }
      if (age < LEFT_BEHIND_AFTER_MS || (pid !== process.pid && processIsAlive(pid))) continue;
      found.push({ file: path.relative(root, full).split(path.sep).join('/'), pid });
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function leftTemporaryFileProblems(root: string): Problem[] {
  return leftTemporaryFiles(root).map(({ file, pid }) => ({
    severity: 'warning',
    file,
    kind: 'temporary-file-left',
    message: {
      en: `temporary file left by a codage that stopped while writing (pid ${pid}); the study's files themselves are complete`,
      fr: `fichier temporaire laissé par un codage arrêté pendant une écriture (pid ${pid})\u00a0; les fichiers de l’étude eux-mêmes sont complets`,
    },
    hint: { en: 'codage check --fix removes it (or delete it)', fr: 'codage check --fix le supprime (ou supprimez-le)' },
  }));
}

/** Removes the temporary files left behind; returns their paths. */
export function removeLeftTemporaryFiles(root: string): string[] {
  const files = leftTemporaryFiles(root);
  for (const { file } of files) removeQuietly(path.join(root, file));
  return files.map((f) => f.file);
}
