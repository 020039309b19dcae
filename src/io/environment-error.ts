/**
 * The user's computer said no: a read-only folder or disk, a full disk, a quota, a file size
 * limit, a disk that fails. These are not bugs of codage but facts about the environment, so they
 * end the command with exit code 1 and a message that says what failed, where, why in plain words,
 * whether anything was changed, and what to do — never a stack trace.
 */
import { dirname } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Localized } from '../core/types.js';
import { READ_ONLY_FILE } from './atomic-write.js';

/** What codage was doing when the system refused. */
export type EnvironmentAction = 'read' | 'write' | 'lock' | 'create' | 'open';

/** What the failure left behind, when codage knows it. */
export type Outcome =
  /** No file of the study was changed (a multi-file change is undone if it had begun). */
  | 'unchanged'
  /** The file asked for (an output, not a study file) was not written; any older one is intact. */
  | 'not-written'
  /** Not known: say nothing about it. */
  | 'unknown';

interface Reason {
  reason: Localized;
  /** `{file}` and `{dir}` are replaced. */
  hint: Localized;
}

const PERMISSION: Reason = {
  reason: { en: 'permission denied', fr: 'permission refusée' },
  hint: {
    en: 'check that you may write in {dir}: the folder or the file may be read-only, or belong to another user',
    fr: 'vérifiez que vous avez le droit d’écrire dans {dir}\u00a0: le dossier ou le fichier est peut-être en lecture seule, ou appartient à un autre utilisateur',
  },
};

const BUSY: Reason = {
  reason: { en: 'the file is in use by another program', fr: 'le fichier est utilisé par un autre programme' },
  hint: {
    en: 'close the program that holds it (a spreadsheet, an editor, a synchronisation tool), then run the command again',
    fr: 'fermez le programme qui l’utilise (tableur, éditeur, outil de synchronisation), puis relancez la commande',
  },
};

const TOO_MANY_FILES: Reason = {
  reason: { en: 'too many files are open', fr: 'trop de fichiers sont ouverts' },
  hint: { en: 'close some programs, then run the command again', fr: 'fermez quelques programmes, puis relancez la commande' },
};

/** errno (and codage's own READ_ONLY_FILE) → what it means for the user. */
const REASONS: Record<string, Reason> = {
  EACCES: PERMISSION,
  EPERM: PERMISSION,
  [READ_ONLY_FILE]: {
    reason: {
      en: 'the file is read-only (its permissions forbid writing), and codage never replaces a file you protected',
      fr: 'le fichier est en lecture seule (ses permissions interdisent l’écriture), et codage ne remplace jamais un fichier que vous avez protégé',
    },
    hint: {
      en: 'to let codage write it: chmod u+w {file} (on Windows: Properties, untick "Read-only")',
      fr: 'pour que codage puisse l’écrire\u00a0: chmod u+w {file} (sous Windows\u00a0: Propriétés, décocher «\u00a0Lecture seule\u00a0»)',
    },
  },
  EROFS: {
    reason: { en: 'the disk is read-only', fr: 'le disque est en lecture seule' },
    hint: {
      en: 'copy the study to a disk you can write to (a locked USB stick, a CD or a share mounted read-only cannot be written)',
      fr: 'copiez l’étude sur un disque où vous pouvez écrire (une clé USB verrouillée, un CD ou un partage monté en lecture seule ne peuvent pas l’être)',
    },
  },
  ENOSPC: {
    reason: { en: 'the disk is full', fr: 'le disque est plein' },
    hint: { en: 'free some space on this disk, then run the command again', fr: 'libérez de la place sur ce disque, puis relancez la commande' },
  },
  EDQUOT: {
    reason: { en: 'your disk quota is used up', fr: 'votre quota disque est atteint' },
    hint: {
      en: 'free some space in your account, or ask your IT service for a larger quota',
      fr: 'libérez de la place dans votre compte, ou demandez un quota plus grand à votre service informatique',
    },
  },
  EFBIG: {
    reason: {
      en: 'the file would be larger than the file size limit allows',
      fr: 'le fichier dépasserait la taille maximale autorisée',
    },
    hint: {
      en: 'raise the file size limit (ulimit -f), or use a disk whose file system allows larger files',
      fr: 'relevez la limite de taille des fichiers (ulimit -f), ou utilisez un disque dont le système de fichiers accepte des fichiers plus gros',
    },
  },
  EIO: {
    reason: {
      en: 'input/output error (the disk may be failing, or was disconnected)',
      fr: 'erreur d’entrée-sortie (le disque est peut-être défaillant, ou a été débranché)',
    },
    hint: {
      en: 'check the disk and its connection; if the error comes back, copy the study to another disk',
      fr: 'vérifiez le disque et son branchement\u00a0; si l’erreur revient, copiez l’étude sur un autre disque',
    },
  },
  EMFILE: TOO_MANY_FILES,
  ENFILE: TOO_MANY_FILES,
  EBUSY: BUSY,
  ETXTBSY: BUSY,
  ENOENT: {
    reason: { en: 'it does not exist (or its folder was removed)', fr: 'il n’existe pas (ou son dossier a été supprimé)' },
    hint: { en: 'check the path', fr: 'vérifiez le chemin' },
  },
  ENOTDIR: {
    reason: { en: 'part of the path is a file, not a folder', fr: 'une partie du chemin est un fichier, pas un dossier' },
    hint: { en: 'check the path', fr: 'vérifiez le chemin' },
  },
  EISDIR: {
    reason: { en: 'it is a folder, not a file', fr: 'c’est un dossier, pas un fichier' },
    hint: { en: 'give the path of a file', fr: 'indiquez le chemin d’un fichier' },
  },
  ENAMETOOLONG: {
    reason: { en: 'the path is too long', fr: 'le chemin est trop long' },
    hint: { en: 'move the study to a folder with a shorter path', fr: 'déplacez l’étude dans un dossier au chemin plus court' },
  },
  ELOOP: {
    reason: { en: 'too many symbolic links in the path', fr: 'trop de liens symboliques dans le chemin' },
    hint: { en: 'check the symbolic links of the path', fr: 'vérifiez les liens symboliques du chemin' },
  },
};

/** `{file}` is replaced. */
const ACTIONS: Record<EnvironmentAction, Localized> = {
  read: { en: 'Could not read {file}', fr: 'Impossible de lire {file}' },
  write: { en: 'Could not write {file}', fr: 'Impossible d’écrire {file}' },
  lock: { en: 'Could not lock {file} for writing', fr: 'Impossible de verrouiller {file} pour l’écrire' },
  create: { en: 'Could not create {file}', fr: 'Impossible de créer {file}' },
  open: { en: 'Could not open {file}', fr: 'Impossible d’ouvrir {file}' },
};

const OUTCOMES: Record<Outcome, Localized> = {
  unchanged: { en: ' Nothing was changed.', fr: ' Rien n’a été modifié.' },
  'not-written': { en: ' The file was not written (an older version, if any, is intact).', fr: ' Le fichier n’a pas été écrit (une version plus ancienne, s’il y en a une, est intacte).' },
  unknown: { en: '', fr: '' },
};

/** A failure of the environment: exit 1, with what, where, why, what was left, and what to do. */
export class EnvironmentError extends DataError {
  /** The errno code (`ENOSPC`), or `READ_ONLY_FILE`. */
  readonly code: string;
  readonly outcome: Outcome;

  constructor(code: string, action: EnvironmentAction, file: string, outcome: Outcome, cause?: unknown) {
    const known = REASONS[code];
    const reason = known?.reason ?? { en: code, fr: code };
    const dir = dirname(file);
    const folder = dir === '.' ? { en: 'this folder', fr: 'ce dossier' } : { en: `${dir}/`, fr: `${dir}/` };
    const fill = (text: string, language: 'en' | 'fr' = 'en') => text.replaceAll('{file}', file).replaceAll('{dir}', folder[language]);
    const suffix = known === undefined || code === READ_ONLY_FILE ? '' : ` (${code})`;
    super(
      {
        en: `${fill(ACTIONS[action].en)}: ${reason.en}${suffix}.${OUTCOMES[outcome].en}`,
        fr: `${fill(ACTIONS[action].fr)}\u00a0: ${reason.fr}${suffix}.${OUTCOMES[outcome].fr}`,
      },
      known ? { hint: { en: fill(known.hint.en), fr: fill(known.hint.fr, 'fr') } } : {},
    );
    this.name = 'EnvironmentError';
    this.code = code;
    this.outcome = outcome;
    if (cause !== undefined) this.cause = cause;
  }

  /**
   * The same failure, saying which files of a change of several were written and could not be
   * put back, and where their previous versions are (`.codage/backups/…/NAME.bak`).
   */
  withFilesLeft(left: readonly { file: string; backup: string | null }[]): DataError {
    if (left.length === 0) return this;
    const files = left.map((f) => f.file).join(', ');
    const copies = left.flatMap((f) => (f.backup === null ? [] : [`${f.backup} → ${f.file}`]));
    const created = left.flatMap((f) => (f.backup === null ? [f.file] : []));
    const backups = {
      en: [copies.length > 0 ? `copy each previous version over its file: ${copies.join(', ')}` : '', created.length > 0 ? `delete ${created.join(', ')} (created by the change)` : ''].filter((s) => s !== '').join('; '),
      fr: [copies.length > 0 ? `copier chaque version précédente à la place de son fichier\u00a0: ${copies.join(', ')}` : '', created.length > 0 ? `supprimer ${created.join(', ')} (créé par la modification)` : ''].filter((s) => s !== '').join('\u202f; '),
    };
    const error = new DataError(
      {
        en: `${this.localized.en} These files were written and could not be put back as they were: ${files}.`,
        fr: `${this.localized.fr} Ces fichiers ont été écrits et n’ont pas pu être remis comme avant\u00a0: ${files}.`,
      },
      {
        hint: {
          en: `${this.hint ? `${this.hint.en} ` : ''}To put them back: ${backups.en}.`,
          fr: `${this.hint ? `${this.hint.fr} ` : ''}Pour les remettre\u00a0: ${backups.fr}.`,
        },
        cause: this,
      },
    );
    return error;
  }
}

/** Whether `error` is a system error that says something about the environment (see REASONS). */
export function isEnvironmentFailure(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in REASONS;
}

/**
 * `error` as an `EnvironmentError` about `file` when it is a failure of the environment; any
 * other error (a bug, a `DataError`) is returned as it is.
 */
export function asEnvironmentError(error: unknown, action: EnvironmentAction, file: string, outcome: Outcome): unknown {
  if (error instanceof EnvironmentError || !isEnvironmentFailure(error)) return error;
  return new EnvironmentError(error.code, action, file, outcome, error);
}

/** The action a failed system call was doing, for errors nobody wrapped (the error reporter). */
export function actionOfSyscall(syscall: string | undefined): EnvironmentAction {
  if (syscall === 'mkdir') return 'create';
  if (syscall === 'read' || syscall === 'scandir' || syscall === 'stat' || syscall === 'lstat' || syscall === 'realpath') return 'read';
  if (syscall === 'open' || syscall === undefined) return 'open';
  return 'write';
}
