/**
 * Writing a file the user asked for (`segments -o FILE`, `import-codings --review FILE`, and
 * every export): atomically, and never over the study's own data. A path that is, or lies in, a
 * data file of the study — `transcripts/`, `codings/`, `memos/`, `.codage/`, `codebook.yaml`, `codage.yaml`,
 * `participants.csv` — is refused before anything is computed, however it is written: through a
 * symbolic link, with `..`, or in other letter case (`Codings/Marie.yaml` is the same file on
 * macOS and Windows).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import { MEMO_DIR } from '../core/memo/memo.js';
import { STUDY_FILES } from '../core/study/study.js';
import type { Localized } from '../core/types.js';
import { type FileData, writeFileAtomicSync } from './atomic-write.js';
import { asEnvironmentError } from './environment-error.js';

const DATA_FOLDERS = [STUDY_FILES.transcripts, STUDY_FILES.codings, STUDY_FILES.internal, MEMO_DIR].map((name) => name.toLowerCase());
/** The study's README (`codage init` writes it; its researchers keep their notes in it) is theirs too. */
const STUDY_README = 'readme.md';
const DATA_FILES = [STUDY_FILES.codebook, STUDY_FILES.config, STUDY_FILES.participants, STUDY_README].map((name) => name.toLowerCase());

/** The path as the file system resolves it: symbolic links followed, for a file that may not exist yet. */
function realPathOf(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Where `file` lies in the study at `root` when it is one of its data files (e.g.
 * `codings/marie.yaml`), else null. Folders are compared by identity (device and inode), names
 * without regard to case.
 */
export function studyDataPath(root: string, file: string): string | null {
  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(root);
  } catch {
    return null;
  }
  const real = realPathOf(file);
  const tail = [path.basename(real)];
  let dir = path.dirname(real);
  for (;;) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(dir);
    } catch {
      stat = null;
    }
    if (stat !== null && sameFile(stat, rootStat)) {
      const lower = tail.map((part) => part.toLowerCase());
      const inDataFolder = lower.length > 1 && DATA_FOLDERS.includes(lower[0] as string);
      const isDataFile = lower.length === 1 && (DATA_FILES.includes(lower[0] as string) || DATA_FOLDERS.includes(lower[0] as string));
      return inDataFolder || isDataFile ? tail.join('/') : null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    tail.unshift(path.basename(dir));
    dir = parent;
  }
}

/**
 * Refuses (exit 2) an output path that is a data file of the study. `option` names it (`-o`,
 * `--review`); the path is shown as the user wrote it.
 */
export function assertOutsideStudyData(root: string, file: string, option: string): void {
  const inside = studyDataPath(root, file);
  if (inside === null) return;
  const what: Localized = describe(inside);
  throw new UsageError(
    {
      en: `${option} ${file} is ${what.en} of the study (${inside}): codage never writes its output over the study's data`,
      fr: `${option} ${file} est ${what.fr} de l’étude (${inside})\u00a0: codage n’écrit jamais ses résultats par-dessus les données de l’étude`,
    },
    {
      en: `choose a file outside transcripts/, codings/, memos/ and .codage/, other than codebook.yaml, codage.yaml, participants.csv and README.md (e.g. ${option} results.csv)`,
      fr: `choisir un fichier hors de transcripts/, codings/, memos/ et .codage/, autre que codebook.yaml, codage.yaml, participants.csv et README.md (par exemple ${option} resultats.csv)`,
    },
  );
}

function describe(inside: string): Localized {
  const first = (inside.split('/')[0] ?? '').toLowerCase();
  if (first === STUDY_FILES.codings) return { en: 'in the coder files', fr: 'dans les fichiers des codeurs' };
  if (first === STUDY_FILES.transcripts) return { en: 'in the transcripts', fr: 'dans les transcriptions' };
  if (first === MEMO_DIR) return { en: 'in the memos', fr: 'dans les mémos' };
  if (first === STUDY_FILES.internal) return { en: 'in the backups and locks', fr: 'dans les sauvegardes et verrous' };
  if (first === STUDY_FILES.codebook) return { en: 'the codebook', fr: 'le livre de codes' };
  if (first === STUDY_FILES.config) return { en: 'the settings file', fr: 'le fichier de réglages' };
  if (first === STUDY_README) return { en: 'the README', fr: 'le README' };
  return { en: 'the participants table', fr: 'le tableau des participants' };
}

/**
 * Writes an output file atomically (temporary file, fsync, rename), after checking that it is not
 * a data file of the study at `root` (null: no study). A folder that does not exist is a usage
 * error (exit 2); a failure of the environment (a read-only folder, a full disk) becomes an
 * `EnvironmentError` saying the file was not written (exit 1).
 */
export function writeOutputFile(root: string | null, file: string, content: FileData, option: string): void {
  if (root !== null) assertOutsideStudyData(root, file, option);
  try {
    writeFileAtomicSync(path.resolve(file), content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder that does not exist, or a folder given as the file: a typo in the command line.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
      throw new UsageError(
        { en: `cannot write ${file} (${code})`, fr: `impossible d’écrire ${file} (${code})` },
        { en: 'check that its folder exists and that you may write there', fr: 'vérifier que son dossier existe et que vous avez le droit d’y écrire' },
      );
    }
    throw asEnvironmentError(error, 'write', file, 'not-written');
  }
}
