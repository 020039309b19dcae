/**
 * The journal of `codage codebook` edits, so that `codage codebook undo` can take them back one by
 * one, last first. Each edit leaves a folder `.codage/history/<number>/`: `edit.json` (the
 * command, when, what it said it changed, and the SHA-256 of each file it wrote) and the previous
 * version of each file (a hard link to the backup the change kept, else a copy: no file is read
 * or copied in the common case, so a journal entry costs nothing on a large study).
 *
 * Undo puts the previous versions back through `changeStudy` (locks, all or nothing), but only when
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
const ENTRY = 'edit.json';

export interface HistoryEntry {
  version: 1;
  command: string;
  /** ISO 8601. */
  at: string;
  summary: Localized[];
  /** Each file written; `before` names its previous version in the entry's folder (null: there was no file). */
  files: { file: string; before: string | null; after: string | null }[];
}

function historyDir(root: string): string {
  return path.join(root, STUDY_FILES.internal, 'history');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The journal's entry folders, oldest first (those with their edit.json written). */
function entryNames(root: string): string[] {
  try {
    return fs
      .readdirSync(historyDir(root))
      .filter((name) => /^\d{6,}$/.test(name))
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Hard link, else copy (a file system without links). */
function keep(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * Keeps what a committed edit wrote (see the module comment). Called from `changeStudy`'s
 * `onCommitted`, under the edit's locks. What it throws, the caller tells the user: the edit is
 * done, only its undo is lost.
 */
export function recordEdit(root: string, entry: { command: string; at: Date; summary: Localized[] }, files: CommittedFile[]): void {
  const names = entryNames(root);
  const last = names.length > 0 ? Number.parseInt(names[names.length - 1] as string, 10) : 0;
  const dir = path.join(historyDir(root), String(last + 1).padStart(6, '0'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const record: HistoryEntry = {
    version: 1,
    command: entry.command,
    at: entry.at.toISOString(),
    summary: entry.summary,
    files: files.map((f, i) => {
      const before = f.backup === null ? null : `${i}-${path.basename(f.file)}`;
      if (f.backup !== null && before !== null) keep(f.backup, path.join(dir, before));
      return { file: f.file, before, after: f.afterHash };
    }),
  };
  // Written last: an entry without it is an edit that was not recorded, and is ignored.
  writeFileAtomicSync(path.join(dir, ENTRY), `${JSON.stringify(record, null, 2)}\n`);
  for (const old of names.slice(0, Math.max(0, names.length + 1 - HISTORY_LIMIT))) fs.rmSync(path.join(historyDir(root), old), { recursive: true, force: true });
}

function readEntry(dir: string): HistoryEntry | null {
  try {
    const entry = JSON.parse(fs.readFileSync(path.join(dir, ENTRY), 'utf8')) as Partial<HistoryEntry>;
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
  // An entry whose edit.json is missing or unreadable (cut short while it was written) is passed over.
  const name = entryNames(root)
    .reverse()
    .find((n) => readEntry(path.join(historyDir(root), n)) !== null);
  if (name === undefined) {
    throw new DataError(
      { en: 'There is no codebook edit to undo.', fr: 'Aucune modification du livre de codes à annuler.' },
      {
        hint: {
          en: 'codage codebook undo takes back the edits of codage codebook (add, describe, rename, merge, split, move, delete) and the runs of codage autocode, last first.',
          fr: 'codage codebook undo annule les modifications faites par codage codebook (add, describe, rename, merge, split, move, delete) et les passages de codage autocode, la dernière d’abord.',
        },
      },
    );
  }
  const dir = path.join(historyDir(root), name);
  const entry = readEntry(dir) as HistoryEntry;
  const beforeOf = (f: HistoryEntry['files'][number]): Buffer | null => (f.before === null ? null : fs.readFileSync(path.join(dir, f.before)));
  let alreadyUndone = false;
  changeStudy(
    root,
    {
      command: 'codage codebook undo',
      files: entry.files.map((f) => f.file),
      language: options.language,
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
      // A file the edit created (codebook.yaml of a study that had none) is removed again, not
      // left empty; the locks are still held here.
      onCommitted: () => {
        for (const f of entry.files) {
          if (f.before !== null) continue;
          const abs = path.join(root, f.file);
          if (fs.statSync(abs, { throwIfNoEntry: false })?.size === 0) fs.unlinkSync(abs);
        }
      },
    },
    (study) => {
      // Under the locks: each file read by the change, then compared with what the edit wrote.
      for (const f of entry.files) {
        const coder = coderOf(f.file);
        if (f.file === STUDY_FILES.codebook) study.codebook();
        else if (coder !== null) study.coder(coder);
      }
      const now = entry.files.map((f) => ({ f, hash: currentHash(root, f.file) }));
      const before = entry.files.map(beforeOf);
      if (now.every(({ hash }, i) => hash === (before[i] ? sha256(before[i] as Buffer) : null))) {
        alreadyUndone = true;
        return;
      }
      const changed = now.filter(({ f, hash }) => hash !== f.after).map(({ f }) => f.file);
      if (changed.length > 0) {
        // Which saved file is which study file: `1-marie.yaml` is codings/marie.yaml.
        const saved = entry.files.filter((f) => f.before !== null).map((f) => `${f.before} → ${f.file}`).join(', ');
        throw new DataError(
          {
            en: `${changed.join(', ')} changed after this edit (${entry.command}): undoing it would lose those changes, so nothing was undone.`,
            fr: `${changed.join(', ')} a changé après cette modification (${entry.command})\u00a0: l’annuler perdrait ces changements, rien n’a donc été annulé.`,
          },
          {
            hint: {
              en: `The files as they were before this edit are in .codage/history/${name}/ (${saved}): to take it back by hand, copy them over the study's, then redo the later changes to ${changed.join(', ')}; or, for a rename or a move, make the opposite edit with codage codebook. Then run codage check.`,
              fr: `Les fichiers d’avant cette modification sont dans .codage/history/${name}/ (${saved})\u00a0: pour l’annuler à la main, les recopier sur ceux de l’étude, puis refaire les changements ultérieurs de ${changed.join(', ')}\u202f; ou, pour un renommage ou un déplacement, faire la modification inverse avec codage codebook. Puis lancer codage check.`,
            },
          },
        );
      }
      for (const [i, f] of entry.files.entries()) study.restore(f.file, before[i] ?? new Uint8Array());
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { entry, alreadyUndone };
}

/**
 * What `changeStudy` calls once a change is committed, to keep it in the edit journal so that
 * `codage codebook undo` can take it back (codebook edits, the themes screen, `codage autocode`).
 * A journal that cannot be written does not undo the change: the user is told that undo will not
 * reach it.
 */
export function journalled(root: string, command: string, summary: () => Localized[], notice: (n: Localized) => void): (files: CommittedFile[]) => void {
  return (files) => {
    try {
      recordEdit(root, { command, at: new Date(), summary: summary() }, files);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      notice({
        en: `The change is saved, but it could not be written to the edit journal (${code}): codage codebook undo will not take it back.`,
        fr: `La modification est enregistrée, mais n’a pas pu être inscrite au journal (${code})\u00a0: codage codebook undo ne pourra pas l’annuler.`,
      });
    }
  };
}
