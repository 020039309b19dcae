/**
 * What a cache entry was made by: a hash of the compiled modules that compute it (and of
 * anything else given), so that a new version of codage, or of a library it reads with, never
 * uses an entry an earlier one made. Module paths are relative to this module's folder (src/io,
 * or the command line's bundle beside it: both one level under dist/src).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const known = new Map<string, string>();

export function cacheRules(modules: readonly string[], extra = ''): string {
  const key = `${modules.join('\n')}\n${extra}`;
  let rules = known.get(key);
  if (rules === undefined) {
    const hash = createHash('sha256');
    for (const module of modules) {
      try {
        hash.update(readFileSync(new URL(module, import.meta.url)));
      } catch {
        hash.update(`missing ${module}`);
      }
    }
    hash.update(extra);
    rules = hash.digest('hex').slice(0, 16);
    known.set(key, rules);
  }
  return rules;
}
