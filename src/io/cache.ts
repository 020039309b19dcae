/**
 * codage's caches in `.codage/cache/` (cut sentences, the codebook as read): what made an entry,
 * and how a cache file is written. A cache is convenience only — a missing, damaged, stale or
 * unwritable one means computing again — so it is written without the study's write protocol
 * (no fsync, no backup, no journal, none of the test hooks of a study change).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import { removeQuietly, tempPathFor } from './atomic-write.js';

/** The folder of the caches of the study in `root`. */
export const cacheDir = (root: string): string => join(root, STUDY_FILES.internal, 'cache');

const known = new Map<string, string>();

/**
 * What a cache entry was made by: a hash of the compiled modules that compute it (and of
 * anything else given), so that a new version of codage, or of a library it reads with, never
 * uses an entry an earlier one made. Module paths are relative to this module's folder (src/io,
 * or the command line's bundle beside it: both one level under dist/src).
 */
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

/**
 * Writes a cache file whole or not at all (a temporary file renamed over it); false when it
 * could not be written (a read-only study: nothing else changes).
 */
export function writeCacheFile(path: string, data: string): boolean {
  let temp: string | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    temp = tempPathFor(path);
    writeFileSync(temp, data);
    renameSync(temp, path);
    return true;
  } catch {
    removeQuietly(temp);
    return false;
  }
}
