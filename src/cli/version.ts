/**
 * Files of the codage package itself (its package.json, its starter codebooks), found from this
 * module's place: dist/src/cli/ for the compiled modules, dist/src/cli-bundle/ for the command
 * line in one bundle (`npm run build`) — two folders at the same depth, so that one relative path
 * serves both. Every module that finds a file of the package by its own URL sits at that depth
 * (bundle.test.ts checks), never in cli/commands/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's folder (where package.json is). */
const PACKAGE_ROOT = new URL('../../../', import.meta.url);

/** Starter codebooks shipped with codage, in codebooks/ at the package root. */
export const STARTERS_DIR = fileURLToPath(new URL('codebooks/', PACKAGE_ROOT));

let cached: string | undefined;

/** codage's version, from its package.json (read once). */
export function codageVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
  return cached;
}
