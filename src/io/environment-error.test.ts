import { describe, expect, it } from 'vitest';
import { DataError } from '../core/errors.js';
import { asEnvironmentError, EnvironmentError } from './environment-error.js';

function errno(code: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: failed`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

describe('EnvironmentError', () => {
  it('says what failed, where, why, what was left, and what to do, in both languages (exit 1)', () => {
    const e = new EnvironmentError('ENOSPC', 'write', 'codings/marie.yaml', 'unchanged');
    expect(e).toBeInstanceOf(DataError);
    expect(e.localized.en).toBe('Could not write codings/marie.yaml: the disk is full (ENOSPC). Nothing was changed.');
    expect(e.localized.fr).toBe('Impossible d’écrire codings/marie.yaml\u00a0: le disque est plein (ENOSPC). Rien n’a été modifié.');
    expect(e.hint?.en).toBe('free some space on this disk, then run the command again');
  });

  it.each([
    ['EACCES', 'permission denied', 'permission refusée'],
    ['EROFS', 'the disk is read-only', 'le disque est en lecture seule'],
    ['EDQUOT', 'your disk quota is used up', 'votre quota disque est atteint'],
    ['EFBIG', 'the file would be larger than the file size limit allows', 'le fichier dépasserait la taille maximale autorisée'],
    ['EIO', 'input/output error', 'erreur d’entrée-sortie'],
  ])('explains %s', (code, en, fr) => {
    const e = new EnvironmentError(code, 'lock', 'codebook.yaml', 'unchanged');
    expect(e.localized.en).toContain(`Could not lock codebook.yaml for writing: ${en}`);
    expect(e.localized.fr).toContain(`Impossible de verrouiller codebook.yaml pour l’écrire\u00a0: ${fr}`);
    expect(e.hint).toBeDefined();
  });

  it('says an output was not written, and names the folder to check', () => {
    const e = new EnvironmentError('EACCES', 'write', 'out/segments.csv', 'not-written');
    expect(e.localized.en).toBe('Could not write out/segments.csv: permission denied (EACCES). The file was not written (an older version, if any, is intact).');
    expect(e.hint?.en).toContain('check that you may write in out/');
  });
});

describe('asEnvironmentError', () => {
  it('wraps failures of the environment, and leaves bugs and data errors as they are', () => {
    expect(asEnvironmentError(errno('EROFS'), 'write', 'codebook.yaml', 'unchanged')).toBeInstanceOf(EnvironmentError);
    const bug = new TypeError('x is undefined');
    expect(asEnvironmentError(bug, 'write', 'codebook.yaml', 'unchanged')).toBe(bug);
    const unknown = errno('EWHATEVER');
    expect(asEnvironmentError(unknown, 'write', 'codebook.yaml', 'unchanged')).toBe(unknown);
  });
});

describe('EnvironmentError.withFilesLeft', () => {
  it('names the files written that could not be put back, and how to put each back', () => {
    const error = new EnvironmentError('EIO', 'write', 'transcripts/P1.txt', 'unknown').withFilesLeft([
      { file: 'codings/marie.yaml', backup: '.codage/backups/codings/marie.yaml.bak' },
      { file: 'transcripts/P01.txt', backup: null },
    ]);
    expect(error.localized.en).toContain('These files were written and could not be put back as they were: codings/marie.yaml, transcripts/P01.txt.');
    expect(error.hint?.en).toContain('To put them back: copy each previous version over its file: .codage/backups/codings/marie.yaml.bak → codings/marie.yaml; delete transcripts/P01.txt (created by the change).');
    expect(error.localized.fr).toContain('Ces fichiers ont été écrits et n’ont pas pu être remis comme avant\u00a0: codings/marie.yaml, transcripts/P01.txt.');
    expect(error.hint?.fr).toContain('supprimer transcripts/P01.txt (créé par la modification)');
  });
});
