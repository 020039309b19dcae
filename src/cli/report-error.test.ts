import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CodebookEditError } from '../core/codebook/edit.js';
import { DataError, UsageError } from '../core/errors.js';
import { LockedError } from '../io/lock.js';
import { SpreadsheetError } from '../io/spreadsheet.js';
import { reportError } from './report-error.js';

function report(error: unknown, language: 'en' | 'fr' = 'en'): { code: number; text: string } {
  const stderr = new PassThrough();
  const chunks: string[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const code = reportError(error, language, stderr);
  return { code, text: stripVTControlCharacters(chunks.join('')) };
}

describe('reportError', () => {
  it('prints every error the user can fix with its position, its hint, and exit code 1', () => {
    const errors = [
      new SpreadsheetError('citations.csv', 'csv-syntax', { en: 'A quote is not closed.', fr: 'Des guillemets ne sont pas fermés.' }, { line: 12, column: 4, hint: { en: 'close it', fr: 'fermez-les' } }),
      new CodebookEditError('codebook-yaml-syntax', { en: 'codebook.yaml has a YAML syntax error', fr: 'erreur de syntaxe' }, { en: 'fix it', fr: 'corrigez-le' }, { line: 2, column: 11 }),
      new LockedError({ en: 'Marie is coding this study.', fr: 'Marie code cette étude.' }, { file: 'codings/marie.yaml', lockPath: '.codage/lock', holder: null }),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(DataError);
    expect(report(errors[0])).toEqual({ code: 1, text: 'citations.csv:12:4: error: A quote is not closed.\n  fix: close it\n' });
    expect(report(errors[1], 'fr')).toEqual({ code: 1, text: 'codebook.yaml:2:11: erreur\u00a0: erreur de syntaxe\n  à faire\u00a0: corrigez-le\n' });
    expect(report(errors[2])).toEqual({ code: 1, text: 'codings/marie.yaml: error: Marie is coding this study.\n' });
  });

  it('prints a wrong usage with exit code 2, and anything else as a bug to report (70)', () => {
    expect(report(new UsageError({ en: 'no such option', fr: 'option inconnue' }))).toEqual({ code: 2, text: 'error: no such option\n' });
    // An object that merely looks like a user error is not one: it is reported with its stack.
    const impostor = Object.assign(new Error('boom'), { localized: { en: 'x', fr: 'x' } });
    const bug = report(impostor);
    expect(bug.code).toBe(70);
    expect(bug.text).toContain('internal error');
    expect(bug.text).toContain('boom');
  });
});
