/**
 * The codebook as last read, kept in `.codage/cache/codebook.json`: reading YAML takes 30–60 ms
 * for a codebook of 60 codes on every command (the coding screen's opening among them), reading
 * the cache under a millisecond. The entry is used only when codebook.yaml's text and the code
 * that reads it (codage's modules, the YAML library's version) are those it was made from, so a
 * stale entry is never used. Convenience only: a missing, damaged or unwritable cache just means
 * reading the YAML again (safe to delete). A `--dry-run` never writes it
 * (see `LoadOptions.keepCodebook`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type CodebookParse, parseCodebook, rememberCodebookParse } from '../core/codebook/parse.js';
import { type CodebookParseRecord, codebookParseFromRecord, codebookParseRecord } from '../core/codebook/parse-record.js';
import { cacheDir, cacheRules, writeCacheFile } from './cache.js';

interface CacheFile {
  rules: string;
  file: string;
  /** sha256 of the codebook's text. */
  text: string;
  parse: unknown;
}

function yamlVersion(): string {
  try {
    return String((createRequire(import.meta.url)('yaml/package.json') as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

const currentRules = (): string =>
  cacheRules(
    ['../core/codebook/parse.js', '../core/codebook/parse-record.js', '../core/codebook/yaml-problems.js', '../core/codebook/slug.js', '../core/codebook/nearest.js', '../core/text/fold.js', '../core/text/edit-distance.js'],
    `yaml ${yamlVersion()}`,
  );

/**
 * What `source` (the text of `file`, codebook.yaml of the study in `root`) reads as: from the
 * cache when current; otherwise read, and kept in the cache when `keep`.
 */
export function parseCodebookCached(root: string, source: string, file: string, keep: boolean): CodebookParse {
  const path = join(cacheDir(root), 'codebook.json');
  const rules = currentRules();
  const text = createHash('sha256').update(source).digest('base64');
  try {
    const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    if (read.rules === rules && read.file === file && read.text === text) {
      const parsed = codebookParseFromRecord(read.parse);
      if (parsed !== null) {
        rememberCodebookParse(source, file, read.parse as CodebookParseRecord);
        return parsed;
      }
    }
  } catch {
    // No cache yet, or a damaged one: read again.
  }
  const parsed = parseCodebook(source, file);
  if (!keep) return parsed;
  const entry: CacheFile = { rules, file, text, parse: codebookParseRecord(parsed) };
  writeCacheFile(path, JSON.stringify(entry));
  return parsed;
}
