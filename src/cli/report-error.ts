import { isAbsolute, relative } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { frenchMessage } from '../core/report/typography.js';
import { terminalSafe } from '../core/text/terminal.js';
import type { Language } from '../core/types.js';
import { actionOfSyscall, EnvironmentError, isEnvironmentFailure } from '../io/environment-error.js';
import { paint } from './output.js';

/**
 * The one place where errors become messages and exit codes:
 * 1 the user's data needs fixing, or the environment refused (a read-only folder, a full disk),
 * 2 wrong usage, 70 a bug in codage.
 */
export function reportError(error: unknown, language: Language, stderr: NodeJS.WritableStream): number {
  // A system error nobody explained (a folder that cannot be read): still the environment's, not a bug.
  if (!(error instanceof DataError) && isEnvironmentFailure(error) && typeof error.path === 'string') {
    error = new EnvironmentError(error.code, actionOfSyscall(error.syscall), relative(process.cwd(), error.path) || '.', 'unknown', error);
  }
  const label = language === 'fr' ? { error: 'erreur', hint: 'à faire' } : { error: 'error', hint: 'fix' };
  // French puts a (non-breaking) space before a colon.
  const colon = language === 'fr' ? '\u00a0:' : ':';
  if (error instanceof DataError || error instanceof UsageError) {
    const where =
      error instanceof DataError && error.file
        ? `${isAbsolute(error.file) ? relative(process.cwd(), error.file) || error.file : error.file}${error.line ? `:${error.line}` : ''}${error.line && error.column ? `:${error.column}` : ''}: `
        : '';
    stderr.write(`${terminalSafe(where)}${paint.red(label.error)}${colon} ${terminalSafe(frenchMessage(error.localized[language], language))}\n`);
    if (error.hint) stderr.write(`  ${paint.dim(label.hint)}${colon} ${terminalSafe(frenchMessage(error.hint[language], language))}\n`);
    return error instanceof DataError ? 1 : 2;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(
    language === 'fr'
      ? `codage a rencontré une erreur interne. Merci de la signaler avec ce message\u00a0:\n${stack}\n`
      : `codage hit an internal error. Please report it with this message:\n${stack}\n`,
  );
  return 70;
}
