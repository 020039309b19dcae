/**
 * The journal of `codage codebook` edits, so that `codage codebook undo` can take them back one by
 * one, last first. Each edit leaves `.codage/history/<number>.json`: the command, when, what it
 * said it changed, and for every file it wrote the previous bytes and the SHA-256 of the new ones.
 *
 * Undo puts the previous bytes back through `changeStudy` (locks, all or nothing), but only when
 * every file is still exactly as the edit left it: a file changed since (a code created from the
 * coding screen, a coder who went on coding) is named and left alone, since putting the old
 * version back would lose that work. The last 50 edits are kept.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../core/errors.js';
import { STUDY_FILES } from '../core/study/study.js';
import type { Language, Localized } from '../core/types.js';
import { writeFileAtomicSync } from './atomic-write.js';
import { changeStudy, type CommittedFile } from './study-change.js';

export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  version: 1;
  command: string;
  /** ISO 8601. */
  at: string;
  summary: Localized[];
  files: { file: string; before: string | null; after: string }[];
}

function historyDir(root: string): string {
  return path.join(root, STUDY_FILES.internal, 'history');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The journal's files, oldest first. */
function entryNames(root: string): string[] {
  try {
    return fs
      .readdirSync(historyDir(root))
      .filter((name) => /^\d{6,}\.json$/.test(name))
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Keeps what a committed edit wrote (see the module comment). Called from `changeStudy`'s
 * `onCommitted`, under the edit's locks. A failure is told through `onFailure`: the edit is done,
 * only its undo is lost.
 */
export function recordEdit(root: string, entry: { command: string; at: Date; summary: Localized[] }, files: CommittedFile[]): void {
  const names = entryNames(root);
  const last = names.length > 0 ? Number.parseInt(names[names.length - 1] as string, 10) : 0;
  const record: HistoryEntry = {
    version: 1,
    command: entry.command,
    at: entry.at.toISOString(),
    summary: entry.summary,
    files: files.map((f) => ({ file: f.file, before: f.before === null ? null : f.before.toString('base64'), after: sha256(f.after) })),
  };
  const dir = historyDir(root);
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, `${String(last + 1).padStart(6, '0')}.json`), `${JSON.stringify(record)}\n`);
  for (const old of names.slice(0, Math.max(0, names.length + 1 - HISTORY_LIMIT))) fs.rmSync(path.join(dir, old), { force: true });
}

function readEntry(file: string): HistoryEntry | null {
  try {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<HistoryEntry>;
    if (entry.version !== 1 || !Array.isArray(entry.files) || typeof entry.command !== 'string') return null;
    return entry as HistoryEntry;
  } catch {
    return null;
  }
}

/** The edits that can be undone, last first. */
export function listEdits(root: string): (HistoryEntry & { number: number })[] {
  return entryNames(root)
    .reverse()
    .flatMap((name) => {
      const entry = readEntry(path.join(historyDir(root), name));
      return entry ? [{ ...entry, number: Number.parseInt(name, 10) }] : [];
    });
}

function currentHash(root: string, file: string): string | null {
  try {
    return sha256(fs.readFileSync(path.join(root, file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A coder file's name from its path: `codings/marie.yaml` → `marie`. */
function coderOf(file: string): string | null {
  const m = /^codings\/(.+)\.yaml$/.exec(file);
  return m ? (m[1] as string) : null;
}

export interface Undone {
  entry: HistoryEntry;
  /** True when the files were already back as they were (an undo cut short before it forgot the edit). */
  alreadyUndone: boolean;
}

/** Takes back the last edit of the journal (see the module comment). */
export function undoLastEdit(root: string, options: { language: Language; onNotice?: (n: Localized) => void }): Undone {
  const names = entryNames(root);
  const name = names[names.length - 1];
  if (name === undefined) {
    throw new DataError(
      { en: 'There is no codebook edit to undo.', fr: 'Aucune modification du livre de codes à annuler.' },
      {
        hint: {
          en: 'codage codebook undo takes back the edits of codage codebook (add, describe, rename, merge, split, move, delete), last first.',
          fr: 'codage codebook undo annule les modifications faites par codage codebook (add, describe, rename, merge, split, move, delete), la dernière d’abord.',
        },
      },
    );
  }
  const file = path.join(historyDir(root), name);
  const entry = readEntry(file);
  if (entry === null) {
    throw new DataError(
      { en: `The last entry of the edit journal cannot be read.`, fr: `La dernière entrée du journal des modifications est illisible.` },
      { file: path.posix.join(STUDY_FILES.internal, 'history', name), hint: { en: 'Remove it to undo the edits before it.', fr: 'Supprimez-la pour annuler les modifications précédentes.' } },
    );
  }
  let alreadyUndone = false;
  changeStudy(
    root,
    { command: 'codage codebook undo', files: entry.files.map((f) => f.file), language: options.language, ...(options.onNotice ? { onNotice: options.onNotice } : {}) },
    (study) => {
      // Under the locks: each file read by the change, then compared with what the edit wrote.
      for (const f of entry.files) {
        const coder = coderOf(f.file);
        if (f.file === STUDY_FILES.codebook) study.codebook();
        else if (coder !== null) study.coder(coder);
      }
      const now = entry.files.map((f) => ({ f, hash: currentHash(root, f.file) }));
      const beforeHash = (f: HistoryEntry['files'][number]) => (f.before === null ? null : sha256(Buffer.from(f.before, 'base64')));
      if (now.every(({ f, hash }) => hash === beforeHash(f))) {
        alreadyUndone = true;
        return;
      }
      const changed = now.filter(({ f, hash }) => hash !== f.after).map(({ f }) => f.file);
      if (changed.length > 0) {
        throw new DataError(
          {
            en: `${changed.join(', ')} changed after this edit (${entry.command}): undoing it would lose those changes, so nothing was undone.`,
            fr: `${changed.join(', ')} a changé après cette modification (${entry.command})\u00a0: l’annuler perdrait ces changements, rien n’a donc été annulé.`,
          },
          {
            hint: {
              en: `Make the opposite edit with codage codebook instead (the version before the edit is kept in .codage/history/${name}).`,
              fr: `Faites plutôt la modification inverse avec codage codebook (la version d’avant est gardée dans .codage/history/${name}).`,
            },
          },
        );
      }
      for (const f of entry.files) study.restore(f.file, f.before === null ? new Uint8Array() : Buffer.from(f.before, 'base64'));
    },
  );
  fs.rmSync(file, { force: true });
  return { entry, alreadyUndone };
}
