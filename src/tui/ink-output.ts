/**
 * Ink's internal `Output` class (`ink/build/output.js`, not exported by Ink's package.json).
 * Run from `dist/` or in tests, it is the very module Ink loaded, found next to Ink's entry file.
 * In the bundle that `codage code` loads (see rolldown.config.mjs), this module is replaced by
 * `bundle/ink-output.js`, which imports the same file statically so that Ink and the row cache
 * share one class.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importInkOutput(): Promise<unknown> {
  const entry = createRequire(import.meta.url).resolve('ink');
  const module = (await import(pathToFileURL(join(dirname(entry), 'output.js')).href)) as { default?: unknown };
  return module.default;
}
