/**
 * THE way codage changes the files of a study. Every writer goes through `changeStudy`: an
 * import, `check --fix`, each save of the coding screen, a code created from the screen, and every
 * command added later (a consensus coder file, a code renamed in every coder file). It keeps five
 * promises, whatever the command:
 *
 * 1. **Only what was understood is rewritten.** A file is written only if it was read in the same
 *    change, under its lock, and fully understood: a coder file with a YAML error (a tab used to
 *    indent, a key written twice), an alias bomb, a `memos:` block that is not a mapping of texts,
 *    an unknown version; or a codebook with a YAML error — each is refused with its
 *    file:line:column and how to fix it (`NotRewritableError`). Writing a file the change did not
 *    read is a bug, and throws.
 * 2. **All or nothing.** Every lock is taken first, in a stable order (sorted paths); the files
 *    are read under the locks; every new content is prepared; then written to temporary files and
 *    fsynced; then renamed over the old ones. A failure before the first rename changes nothing;
 *    a failure during the renames puts back the files already renamed (from their `.bak`).
 * 3. **A crash is completed at the next run.** Before renaming several files, the change writes a
 *    small journal (`.codage/journal/<pid>-<random>.json`: each file, its temporary file, and the
 *    SHA-256 of its old and new content). If the process dies between two renames, the next
 *    codage command that reads or changes the study finds the journal, takes the locks, and
 *    completes the change: every new version is already complete on disk. A file changed by hand
 *    since is never overwritten: its new version is kept in `.codage/recovered/` and the user is
 *    told. (`completeInterruptedChanges`.)
 * 4. **A protected file is not replaced.** A read-only file (chmod 0444) is refused, even for root.
 * 5. **Failures of the environment are explained.** A read-only folder or disk, a full disk, a
 *    quota, a file size limit: `EnvironmentError` (exit 1) names the file, the reason and says
 *    that nothing was changed.
 *
 * How a command uses it:
 *
 *     const added = changeStudy(root, { command: 'codage import-codings --coder marie',
 *                                       files: ['codebook.yaml', 'codings/marie.yaml'] }, (study) => {
 *       const codebook = study.codebook();            // refuses a codebook it cannot rewrite
 *       const marie = study.coder('marie');           // null when marie has no file yet
 *       …compute, throw to give up (nothing is written)…
 *       study.writeCodebook(newCodebookText);
 *       study.writeCoder({ coder: 'marie', coderFile, kept: marie?.kept });
 *       return result;
 *     });
 *
 * Synchronous from start to end, so that the coding screen can save from a key handler. Locks
 * this process already holds (the coding screen holds its coder file's lock for the whole
 * session) are used as they are. Previous versions are kept in `.codage/backups/` as by every
 * atomic write (`.bak`, plus a time-stamped copy at the first write of each process).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCodebook } from '../core/codebook/parse.js';
import { parseCoderFile } from '../core/codings/parse.js';
import { coderFilePieces, type KeptEntries } from '../core/codings/serialize.js';
import { DataError } from '../core/errors.js';
import { coderFilePath, isValidCoderName, STUDY_FILES, type CoderEntry } from '../core/study/study.js';
import type { CoderFile, Language, Localized, Problem } from '../core/types.js';
import {
  assertWritable,
  type FileData,
  backupPathFor,
  keepBackup,
  removeQuietly,
  renameOver,
  resolveTarget,
  syncDir,
  syncFile,
  writeFileAtomicSync,
  writeTemp,
  writeTempUnsynced,
} from './atomic-write.js';
import { backupOnce, backupStamp } from './backup.js';
import { asEnvironmentError, EnvironmentError, type Outcome } from './environment-error.js';
import { step, stepDone } from './faults.js';
import { acquireLockSync, holdsLock, LockedError, processIsAlive, sinceText, type Lock } from './lock.js';
import { decodeStudyText } from './study-text.js';

export interface ChangeOptions {
  /** The command as the user typed it, written in lock files: `codage import-codings --coder marie`. */
  command: string;
  /** Every study file the change may write, relative to the study folder with `/`. Each is locked. */
  files: readonly string[];
  /** Told what the user should know: a lock taken over, an interrupted change completed. */
  onNotice?: (notice: Localized) => void;
  /** The study's language, for the texts codage writes in its files (a coder file's header). */
  language?: Language;
  /** Clock, for tests (backup stamps). */
  now?: () => Date;
  /**
   * Read and decide exactly as the change would — the same refusals — but take no lock and write
   * nothing (`import-codings --dry-run`).
   */
  dryRun?: boolean;
  /**
   * Told, once every file is renamed and while the locks are still held, what the change wrote:
   * for each file, where its previous version is kept and the hash of the new one. `codage
   * codebook` keeps them so that `codage codebook undo` can put the files back. What it throws is
   * ignored (the change is done).
   */
  onCommitted?: (files: CommittedFile[]) => void;
}

/** One file as a committed change left it. */
export interface CommittedFile {
  /** Relative to the study folder, with `/`. */
  file: string;
  /** The previous version, kept in `.codage/backups/` (absolute path); null when there was no file. */
  backup: string | null;
  /** SHA-256 of the new content; null when the change removed the file. */
  afterHash: string | null;
}

/** The files of a change: read under the locks, and written when the change is committed. */
export interface StudyFiles {
  /** The text of codebook.yaml ('' when there is none yet). Throws `NotRewritableError` when codage may not rewrite it. */
  codebook(): string;
  /** The coder's file as it is on disk now, or null when the coder has none yet. Throws `NotRewritableError` when not fully understood. */
  coder(name: string): CoderEntry | null;
  /** Like `coder`, but returns the refusal instead of throwing it (to skip such a file and go on). */
  readCoder(name: string): { entry: CoderEntry | null; refusal: NotRewritableError | null };
  /** The new text of codebook.yaml. */
  writeCodebook(text: string): void;
  /**
   * The new content of a coder's file; `kept` are the entries it could not read, written back as
   * they were; `language`, that of its header comment when not the change's.
   */
  writeCoder(content: { coder: string; coderFile: CoderFile; kept?: KeptEntries; language?: Language }): void;
  /**
   * The text of another file of the study that codage writes whole and reads back (the decisions
   * log of a reconciliation), or null when there is none yet. Its caller checks that it understood it.
   */
  text(file: string): string | null;
  /** The new text of such a file. */
  writeText(file: string, text: string): void;
  /**
   * A file the change creates (a new transcript, a new study's codage.yaml): refused with
   * `FileExistsError` when the file already exists, so that nothing of the study is overwritten.
   */
  createFile(file: string, content: string | Uint8Array): void;
  /**
   * The bytes of another file of the study, as they are (a transcript, participants.csv,
   * codage.yaml, a decisions log, a memo), or null when there is none: for a change that edits a
   * few characters of it and writes every other byte back as it was (`writeBytes`).
   */
  bytes(file: string): Uint8Array | null;
  /** The new bytes of a file read with `bytes`. */
  writeBytes(file: string, bytes: Uint8Array): void;
  /**
   * Removes a file this change has read (and found), with the others, all or nothing: a file
   * renamed is one `createFile` and one `removeFile` in the same change. Its previous version is
   * kept in `.codage/backups/` like that of a file rewritten.
   */
  removeFile(file: string): void;
  /**
   * A transcript file's bytes (`transcripts/MG3.txt`), or null when there is none yet. A transcript
   * is rewritten as a whole by the command that read it (an import, an anonymisation).
   */
  transcript(file: string): Buffer | null;
  /** The new text of a transcript file (written in UTF-8). */
  writeTranscript(file: string, text: string): void;
  /**
   * Puts back a version of a file this change has read (codebook.yaml or a coder file) byte for
   * byte: a version codage wrote or read before, kept by `codage codebook undo`.
   */
  restore(file: string, bytes: Uint8Array): void;
}

/** A file a change would create exists already (exit 1): codage does not overwrite it. */
export class FileExistsError extends DataError {
  constructor(file: string) {
    super(
      { en: `${file} already exists: codage does not overwrite it`, fr: `${file} existe déjà\u00a0: codage ne le remplace pas` },
      { file, hint: { en: 'choose another study folder, or move that file away. Nothing was changed.', fr: 'choisir un autre dossier d’étude, ou déplacer ce fichier. Rien n’a été modifié.' } },
    );
    this.name = 'FileExistsError';
  }
}

/** A study file codage will not rewrite, because it did not fully understand it (exit 1). */
export class NotRewritableError extends DataError {
  constructor(file: string, problem: Problem | undefined) {
    const detail = problem ? { en: `: ${problem.message.en}`, fr: `\u00a0: ${problem.message.fr}` } : { en: '', fr: '' };
    super(
      {
        en: `${file} cannot be read completely, so codage will not rewrite it${detail.en}`,
        fr: `${file} ne peut pas être lu entièrement, codage ne le réécrira donc pas${detail.fr}`,
      },
      {
        file,
        ...(problem?.line === undefined ? {} : { line: problem.line }),
        ...(problem?.column === undefined ? {} : { column: problem.column }),
        hint: {
          en: `${problem?.hint ? `${problem.hint.en} ` : ''}codage check lists every problem of the file. Nothing was changed.`,
          fr: `${problem?.hint ? `${problem.hint.fr} ` : ''}codage check liste tous les problèmes du fichier. Rien n’a été modifié.`,
        },
      },
    );
    this.name = 'NotRewritableError';
  }
}

/** The refusal for a coder file read by anyone (the coding screen checks the file it opens). */
export function refusalFor(file: string, read: { rewritable: boolean; problems: readonly Problem[] }): NotRewritableError | null {
  if (read.rewritable) return null;
  return new NotRewritableError(file, read.problems.find((p) => p.severity === 'error' && p.file === file));
}

// ---------------------------------------------------------------------------------------------
// Reading, with a cache of what this process last read or wrote

/** What identifies a version of a file on disk without reading it. */
function fingerprint(file: string): string | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Coder files as this process last read or wrote them, by absolute path: the coding screen saves
 * after every action, and needs not read back the file it has just written. An entry is used only
 * while the file on disk still has the fingerprint it had then.
 */
const coderCache = new Map<string, { fingerprint: string; entry: CoderEntry; refusal: NotRewritableError | null }>();

/**
 * Reads a coder file as `read` does, and remembers what it read for a change this process makes
 * next (a command loads the study, then changes a coder file): while the file on disk keeps the
 * fingerprint it had before and after the reading, the change need not read it again.
 */
export async function readCoderRemembered<T extends { entry: CoderEntry | null; problems: Problem[] }>(abs: string, read: () => Promise<T>): Promise<T> {
  const before = fingerprint(abs);
  const result = await read();
  if (before !== null && result.entry !== null && fingerprint(abs) === before) {
    coderCache.set(abs, { fingerprint: before, entry: result.entry, refusal: refusalFor(result.entry.file, { rewritable: result.entry.rewritable, problems: result.problems }) });
  }
  return result;
}

function readBytes(file: string, display: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asEnvironmentError(error, 'read', display, 'unchanged');
  }
}

// ---------------------------------------------------------------------------------------------
// The change

interface PendingWrite {
  file: string;
  abs: string;
  /** Null: the file is removed. Bytes in pieces: a coder file as it was made, never joined. */
  content: FileData | null;
  /** For a coder file: the entry as written (cached once the change is committed). */
  entry?: CoderEntry;
}

interface Prepared {
  write: PendingWrite;
  target: string;
  /** Permissions of the old file; null when there was none. */
  mode: number | null;
  temp: string | null;
  before: string | null;
  /** SHA-256 of the new content, once computed. */
  afterHash: string | null;
  renamed: boolean;
}

function afterHashOf(p: Prepared): string | null {
  if (p.write.content === null) return null;
  p.afterHash ??= sha256(p.write.content);
  return p.afterHash;
}

function sha256(data: FileData): string {
  const hash = createHash('sha256');
  if (typeof data === 'string' || data instanceof Uint8Array) hash.update(data);
  else for (const piece of data) hash.update(piece);
  return hash.digest('hex');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function backupDirOf(root: string, file: string): string {
  return path.join(root, STUDY_FILES.internal, 'backups', path.dirname(file));
}

function journalDir(root: string): string {
  return path.join(root, STUDY_FILES.internal, 'journal');
}

/**
 * Changes files of the study as one all-or-nothing change (see the module comment). `prepare`
 * reads through `StudyFiles`, decides, and says what to write; it runs under every lock, and
 * nothing is written if it throws. Returns what `prepare` returns.
 */
export function changeStudy<T>(root: string, options: ChangeOptions, prepare: (files: StudyFiles) => T): T {
  const notify = options.onNotice ?? (() => undefined);
  const dryRun = options.dryRun === true;
  if (!dryRun) {
    try {
      completeInterruptedChanges(root, { onNotice: notify });
    } catch (error) {
      throw asEnvironmentError(error, 'write', `${STUDY_FILES.internal}/journal/`, 'unchanged');
    }
  }

  const files = [...new Set(options.files.map(toPosix))].sort();
  for (const file of files) {
    if (path.isAbsolute(file) || file.split('/').includes('..')) throw new Error(`changeStudy: ${file} is not a path inside the study`);
  }
  const locks: Lock[] = [];
  try {
    for (const file of files) {
      const abs = path.join(root, file);
      if (dryRun || holdsLock(abs)) continue;
      try {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        const lock = acquireLockSync(abs, { command: options.command }, { displayName: file, waitMs: 2000 });
        locks.push(lock);
        if (lock.takeOverNotice) notify(lock.takeOverNotice);
      } catch (error) {
        if (error instanceof LockedError) throw error;
        throw asEnvironmentError(error, 'lock', file, 'unchanged');
      }
    }

    const read = new Set<string>();
    /** Files read that exist: only those can be removed. */
    const found = new Set<string>();
    const writes = new Map<string, PendingWrite>();
    const allowed = new Set(files);
    const mustBeListed = (file: string): void => {
      if (!allowed.has(file)) throw new Error(`changeStudy: ${file} is not among the files of this change (${files.join(', ')})`);
    };
    const mustHaveBeenRead = (file: string): void => {
      mustBeListed(file);
      if (!read.has(file)) throw new Error(`changeStudy: ${file} is written without having been read in this change`);
    };
    /** A study file other than the codebook and the coder files, read under the change's lock (null: none). */
    const readOther = (file: string): Buffer | null => {
      const rel = toPosix(file);
      if (rel === STUDY_FILES.codebook || rel.startsWith(`${STUDY_FILES.codings}/`)) throw new Error(`changeStudy: ${rel} is read with codebook() or coder()`);
      mustBeListed(rel);
      const bytes = readBytes(path.join(root, rel), rel);
      read.add(rel);
      if (bytes !== null) found.add(rel);
      return bytes;
    };
    /** The new content of a file read in this change. */
    const replace = (file: string, content: string | Uint8Array): void => {
      const rel = toPosix(file);
      mustHaveBeenRead(rel);
      writes.set(rel, { file: rel, abs: path.join(root, rel), content });
    };

    const readCoder = (name: string): { entry: CoderEntry | null; refusal: NotRewritableError | null } => {
      if (!isValidCoderName(name)) throw new Error(`changeStudy: "${name}" is not a coder name`);
      const file = coderFilePath(name);
      mustBeListed(file);
      const abs = path.join(root, file);
      const print = fingerprint(abs);
      const cached = coderCache.get(abs);
      if (print !== null && cached !== undefined && cached.fingerprint === print) {
        if (cached.refusal === null) read.add(file);
        return { entry: cached.entry, refusal: cached.refusal };
      }
      const bytes = readBytes(abs, file);
      if (bytes === null) {
        read.add(file);
        return { entry: null, refusal: null };
      }
      const parsed = parseCoderFile(decodeStudyText(bytes), file, name);
      const entry: CoderEntry = {
        coder: name,
        file,
        coderFile: parsed.coderFile,
        kept: { invalid: parsed.invalid, extra: parsed.extra },
        rewritable: parsed.rewritable,
      };
      const refusal = refusalFor(file, parsed);
      if (print !== null) coderCache.set(abs, { fingerprint: print, entry, refusal });
      if (refusal === null) read.add(file);
      return { entry, refusal };
    };

    const transcriptFile = (file: string): string => {
      const posix = toPosix(file);
      if (!posix.startsWith(`${STUDY_FILES.transcripts}/`) || posix.split('/').length !== 2) {
        throw new Error(`changeStudy: ${file} is not a transcript file`);
      }
      return posix;
    };
    /** How codebook.yaml was written (byte order mark, Windows line breaks): kept when it is rewritten. */
    let codebookLayout = { bom: false, crlf: false };
    const study: StudyFiles = {
      codebook() {
        const file = STUDY_FILES.codebook;
        mustBeListed(file);
        const bytes = readBytes(path.join(root, file), file);
        if (bytes !== null) codebookLayout = { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, crlf: bytes.includes('\r\n') };
        const source = bytes === null ? '' : decodeStudyText(bytes);
        if (source.trim() !== '') {
          const parsed = parseCodebook(source, file);
          if (!parsed.rewritable) {
            throw new NotRewritableError(file, parsed.problems.find((p) => p.severity === 'error'));
          }
        }
        read.add(file);
        return source;
      },
      coder(name) {
        const { entry, refusal } = readCoder(name);
        if (refusal) throw refusal;
        return entry;
      },
      readCoder,
      writeCodebook(text) {
        const file = STUDY_FILES.codebook;
        mustHaveBeenRead(file);
        // Read as LF text without a BOM; written back as the user's editor wrote it, so that a
        // diff shows the lines that changed, not every line.
        let content = codebookLayout.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
        if (codebookLayout.bom && !content.startsWith('\uFEFF')) content = `\uFEFF${content}`;
        writes.set(file, { file, abs: path.join(root, file), content });
      },
      writeCoder(content) {
        const file = coderFilePath(content.coder);
        mustHaveBeenRead(file);
        const kept = content.kept ?? {};
        const entry: CoderEntry = { coder: content.coder, file, coderFile: content.coderFile, kept, rewritable: true };
        writes.set(file, { file, abs: path.join(root, file), content: coderFilePieces(content.coderFile, kept, content.language ?? options.language ?? 'en'), entry });
      },
      bytes(file) {
        return readOther(file);
      },
      writeBytes(file, bytes) {
        replace(file, bytes);
      },
      removeFile(file) {
        const rel = toPosix(file);
        mustHaveBeenRead(rel);
        if (!found.has(rel)) throw new Error(`changeStudy: ${rel} is removed without having been found in this change`);
        writes.set(rel, { file: rel, abs: path.join(root, rel), content: null });
      },
      text(file) {
        const bytes = readOther(file);
        return bytes === null ? null : decodeStudyText(bytes);
      },
      writeText(file, text) {
        replace(file, text);
      },
      createFile(file, content) {
        mustBeListed(file);
        const abs = path.join(root, file);
        let exists = true;
        try {
          fs.lstatSync(abs);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asEnvironmentError(error, 'read', file, 'unchanged');
          exists = false;
        }
        if (exists || writes.has(file)) throw new FileExistsError(file);
        read.add(file);
        writes.set(file, { file, abs, content });
      },
      transcript(name) {
        return readOther(transcriptFile(name));
      },
      writeTranscript(name, text) {
        replace(transcriptFile(name), text);
      },
      restore(file, bytes) {
        replace(file, bytes);
      },
    };

    const result = prepare(study);
    if (dryRun) return result;
    commit(root, files.filter((f) => writes.has(f)).map((f) => writes.get(f) as PendingWrite), options, notify);
    return result;
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}

/** Writes every prepared file (see the module comment): temporary files, journal, renames. */
function commit(root: string, writes: PendingWrite[], options: ChangeOptions, notify: (notice: Localized) => void): void {
  if (writes.length === 0) return;
  const now = options.now ?? (() => new Date());
  const prepared: Prepared[] = [];
  let journal: string | null = null;
  function fail(error: unknown, action: 'write' | 'read', file: string, outcome: Outcome): never {
    for (const p of prepared) removeQuietly(p.temp);
    throw asEnvironmentError(error, action, file, outcome);
  }

  // 1. Every temporary file, complete and on the disk.
  for (const write of writes) {
    let target: string;
    let mode: number | null;
    try {
      ({ target, mode } = resolveTarget(write.abs));
      assertWritable(target, mode);
    } catch (error) {
      fail(error, 'write', write.file, 'unchanged');
    }
    // Encoded once: the temporary file and the journal's hash take the same bytes.
    if (typeof write.content === 'string') write.content = Buffer.from(write.content, 'utf8');
    const p: Prepared = { write, target, mode, temp: null, before: null, afterHash: null, renamed: false };
    prepared.push(p);
    try {
      if (mode !== null && writes.length > 1) p.before = sha256(fs.readFileSync(target));
      // A file removed has no new version; it is removed after every other file is in place.
      if (write.content !== null) p.temp = writes.length > 1 ? writeTempUnsynced(target, write.content, mode) : writeTemp(target, write.content, mode);
    } catch (error) {
      fail(error, 'write', write.file, 'unchanged');
    }
  }
  // Several files: all written first, then each fsynced (see writeTempUnsynced), before any rename.
  if (prepared.length > 1) {
    for (const p of prepared) {
      if (p.temp === null) continue;
      try {
        syncFile(p.temp);
      } catch (error) {
        fail(error, 'write', p.write.file, 'unchanged');
      }
    }
  }
  // New versions first, removals last: a file renamed exists under its new name before the old one goes.
  prepared.sort((a, b) => Number(a.write.content === null) - Number(b.write.content === null));

  // 2. The versions being replaced, in .codage/backups/.
  for (const p of prepared) {
    if (p.mode === null) continue;
    const backupDir = backupDirOf(root, p.write.file);
    try {
      backupOnce(p.target, backupDir, backupStamp(now()));
      keepBackup(p.target, backupDir);
    } catch (error) {
      fail(error, 'write', toPosix(path.relative(root, backupDir)), 'unchanged');
    }
  }

  // 3. Several files: the journal that lets the next run complete a change cut short.
  if (prepared.length > 1) {
    try {
      journal = writeJournal(root, prepared, options.command, now());
    } catch (error) {
      fail(error, 'write', `${STUDY_FILES.internal}/journal/`, 'unchanged');
    }
  }

  // 4. The renames: from here on, each file is replaced by its complete new version.
  for (const p of prepared) {
    try {
      if (p.write.content === null) removeFile(p.target);
      else renameOver(p.temp as string, p.target);
      p.renamed = true;
      p.temp = null;
    } catch (error) {
      const undone = rollBack(root, prepared);
      if (undone && journal !== null) removeJournal(journal);
      if (undone) fail(error, 'write', p.write.file, 'unchanged');
      // Some files could not be put back: say which, and where their previous versions are.
      const left = prepared
        .filter((q) => q.renamed)
        .map((q) => ({ file: q.write.file, backup: q.mode === null ? null : toPosix(path.relative(root, backupPathFor(q.target, backupDirOf(root, q.write.file)))) }));
      for (const q of prepared) removeQuietly(q.temp);
      const wrapped = asEnvironmentError(error, 'write', p.write.file, 'unknown');
      if (wrapped instanceof EnvironmentError) throw wrapped.withFilesLeft(left);
      throw wrapped;
    }
  }

  // 5. The renames on the disk, then the change is complete.
  for (const dir of new Set(prepared.map((p) => path.dirname(p.target)))) {
    try {
      syncDir(dir);
    } catch (error) {
      const rel = toPosix(path.relative(root, dir));
      const where = rel === '' ? { en: 'the study folder', fr: 'le dossier de l’étude' } : { en: `${rel}/`, fr: `${rel}/` };
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      notify({
        en: `The disk reported an error (${code}) while saving ${where.en}: the files were written, but check the disk.`,
        fr: `Le disque a signalé une erreur (${code}) pendant l’enregistrement de ${where.fr}\u00a0: les fichiers ont été écrits, mais vérifiez le disque.`,
      });
    }
  }
  if (journal !== null) removeJournal(journal);
  if (options.onCommitted) {
    try {
      options.onCommitted(
        prepared.map((p) => ({
          file: p.write.file,
          // Kept just before the renames (step 2), under the locks this change still holds.
          backup: p.mode === null ? null : backupPathFor(p.target, backupDirOf(root, p.write.file)),
          afterHash: afterHashOf(p),
        })),
      );
    } catch {
      // What the change wrote is on disk: a failure of the listener changes nothing of it.
    }
  }
  for (const p of prepared) {
    const print = p.write.entry ? fingerprint(p.target) : null;
    if (p.write.entry && print !== null) coderCache.set(p.write.abs, { fingerprint: print, entry: p.write.entry, refusal: null });
  }
}

/** Removes a file of the change (a step of the write path, like a rename). */
function removeFile(target: string): void {
  step('rename');
  fs.unlinkSync(target);
  stepDone('rename');
}

/**
 * Puts back the files already renamed (or removed): the old version from its `.bak` (kept just
 * before the rename), or no file when there was none. True when everything is as it was.
 */
function rollBack(root: string, prepared: Prepared[]): boolean {
  let complete = true;
  for (const p of prepared) {
    removeQuietly(p.temp);
    p.temp = null;
    if (!p.renamed) continue;
    try {
      if (p.mode === null) {
        fs.rmSync(p.target, { force: true });
      } else {
        const backup = backupPathFor(p.target, backupDirOf(root, p.write.file));
        const restore = `${p.target}.${process.pid}.${randomBytes(4).toString('hex')}.restore`;
        fs.linkSync(backup, restore);
        fs.renameSync(restore, p.target);
      }
      p.renamed = false;
    } catch {
      complete = false;
    }
  }
  return complete;
}

// ---------------------------------------------------------------------------------------------
// The journal

interface JournalFile {
  /** Relative to the study folder. */
  file: string;
  /** Name of the temporary file, in the folder of the file; null when the file is removed (version 2). */
  temp: string | null;
  /** SHA-256 of the version being replaced, or null when there was no file. */
  before: string | null;
  /** Null when the file is removed (version 2). */
  after: string | null;
}

interface Journal {
  /** 2 when a file is removed: an earlier codage, which cannot complete that, leaves such a journal alone. */
  version: 1 | 2;
  pid: number;
  host: string;
  since: string;
  command: string;
  files: JournalFile[];
}

function writeJournal(root: string, prepared: Prepared[], command: string, now: Date): string {
  step('journal');
  const dir = journalDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const journal: Journal = {
    version: prepared.some((p) => p.write.content === null) ? 2 : 1,
    pid: process.pid,
    host: os.hostname(),
    since: now.toISOString(),
    command,
    files: prepared.map((p) => ({
      file: p.write.file,
      temp: p.temp === null ? null : path.basename(p.temp),
      before: p.before,
      after: afterHashOf(p),
    })),
  };
  const file = path.join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.json`);
  writeFileAtomicSync(file, `${JSON.stringify(journal, null, 2)}\n`);
  stepDone('journal');
  return file;
}

function removeJournal(file: string): void {
  removeQuietly(file);
}

function parseJournal(text: string): Journal | null {
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    if ((j.version !== 1 && j.version !== 2) || !Array.isArray(j.files) || typeof j.pid !== 'number' || typeof j.host !== 'string') return null;
    return j as Journal;
  } catch {
    return null;
  }
}

function hashOf(file: string): string | null {
  try {
    return sha256(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Completes the changes that a codage killed between two renames left unfinished (see the module
 * comment, 3.), and returns what it did. A journal of a change still in progress (its process runs,
 * or holds a lock) or written on another computer is left alone. Called by `changeStudy` and when a
 * study is read; cheap when there is nothing to do (one missing folder).
 */
export function completeInterruptedChanges(root: string, options: { onNotice?: (notice: Localized) => void } = {}): Localized[] {
  const dir = journalDir(root);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const notices: Localized[] = [];
  const tell = (notice: Localized): void => {
    notices.push(notice);
    options.onNotice?.(notice);
  };
  for (const name of names) {
    const journalFile = path.join(dir, name);
    let journal: Journal | null;
    try {
      journal = parseJournal(fs.readFileSync(journalFile, 'utf8'));
    } catch {
      continue;
    }
    if (journal === null) continue;
    if (journal.host !== os.hostname()) continue;
    if (journal.pid !== process.pid && processIsAlive(journal.pid)) continue;
    const locks: Lock[] = [];
    try {
      try {
        for (const entry of [...journal.files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
          const abs = path.join(root, entry.file);
          if (!holdsLock(abs)) locks.push(acquireLockSync(abs, { command: `${journal.command} (completed)` }, { displayName: entry.file }));
        }
      } catch (error) {
        if (error instanceof LockedError) continue;
        throw error;
      }
      tell(completeJournal(root, journal));
      removeJournal(journalFile);
    } finally {
      for (const lock of locks.reverse()) lock.release();
    }
  }
  return notices;
}

function completeJournal(root: string, journal: Journal): Localized {
  const kept: { file: string; copy: string }[] = [];
  /** Files whose new version is gone and that are not in it: the change cannot be completed for them. */
  const lost: string[] = [];
  /** Files the change removes that were changed since: left as they are. */
  const changedSince: string[] = [];
  for (const entry of journal.files) {
    const { target } = resolveTarget(path.join(root, entry.file));
    const current = hashOf(target);
    if (entry.temp === null) {
      if (current !== null && current === entry.before) {
        fs.unlinkSync(target);
        syncDir(path.dirname(target));
      } else if (current !== null) changedSince.push(entry.file);
      continue;
    }
    const temp = path.join(path.dirname(target), entry.temp);
    if (fs.existsSync(temp)) {
      if (current === entry.before) {
        renameOver(temp, target);
        syncDir(path.dirname(target));
      } else if (current === entry.after) {
        removeQuietly(temp);
      } else {
        // Changed since, by hand or by another program: never overwritten.
        const recovered = path.join(root, STUDY_FILES.internal, 'recovered');
        fs.mkdirSync(recovered, { recursive: true });
        const copy = path.join(recovered, `${entry.file.replaceAll('/', '__')}.${backupStamp(new Date(journal.since))}`);
        fs.renameSync(temp, copy);
        kept.push({ file: entry.file, copy: toPosix(path.relative(root, copy)) });
      }
    } else if (current !== entry.after && current === entry.before) {
      lost.push(entry.file);
    }
  }
  const command = journal.command;
  const when = { en: sinceText(journal.since, new Date(), 'en'), fr: sinceText(journal.since, new Date(), 'fr') };
  const done = journal.files.map((f) => f.file).filter((f) => !lost.includes(f) && !kept.some((k) => k.file === f) && !changedSince.includes(f));
  let en: string;
  let fr: string;
  if (lost.length === 0 && kept.length === 0 && changedSince.length === 0) {
    en = `An interrupted change (${command}, ${when.en}) was completed: ${done.join(', ')}.`;
    fr = `Une modification interrompue (${command}, ${when.fr}) a été terminée\u00a0: ${done.join(', ')}.`;
  } else {
    en = `An interrupted change (${command}, ${when.en}) could only be completed in part${done.length > 0 ? ` (${done.join(', ')})` : ''}.`;
    fr = `Une modification interrompue (${command}, ${when.fr}) n’a pu être terminée qu’en partie${done.length > 0 ? ` (${done.join(', ')})` : ''}.`;
  }
  for (const k of kept) {
    en += ` ${k.file} had been changed since, so it was left as it is; the version the change would have written is in ${k.copy}.`;
    fr += ` ${k.file} avait été modifié depuis\u00a0: il est laissé tel quel, et la version que la modification aurait écrite est dans ${k.copy}.`;
  }
  for (const file of changedSince) {
    en += ` ${file}, which the change removes, had been changed since, so it was left as it is.`;
    fr += ` ${file}, que la modification supprime, avait été modifié depuis\u00a0: il est laissé tel quel.`;
  }
  if (lost.length > 0) {
    en += ` ${lost.join(', ')} could not be brought up to date (the new version is gone): compare with .codage/backups/ and run the command again.`;
    fr += ` ${lost.join(', ')} n’a pas pu être mis à jour (la nouvelle version a disparu)\u00a0: comparez avec .codage/backups/ et relancez la commande.`;
  }
  return { en, fr };
}

