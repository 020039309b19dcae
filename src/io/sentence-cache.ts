/**
 * The sentences of transcripts, kept in `.codage/cache/sentences-<language>.json` between runs:
 * cutting two million words into sentences takes longer than reading them. An entry is used only
 * when both the transcript text and the sentence rules (the code of the module that cuts
 * sentences) are the ones it was made from, so a stale entry is never used. Convenience only:
 * a missing, damaged or unwritable cache just means computing again (safe to delete).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import type { Language, Sentence, Transcript } from '../core/types.js';
import { writeFileAtomicSync } from './atomic-write.js';

interface CacheFile {
  rules: string;
  entries: Record<string, { text: string; sentences: string }>;
}

let rulesHash: string | null = null;

/** A hash of the code that cuts sentences: a change to the rules makes every entry stale. */
function currentRules(): string {
  if (rulesHash === null) {
    const hash = createHash('sha256');
    for (const module of ['../core/transcript/sentences.js', '../core/transcript/turns.js', '../core/transcript/parse.js']) {
      try {
        hash.update(readFileSync(new URL(module, import.meta.url)));
      } catch {
        hash.update(`missing ${module}`);
      }
    }
    rulesHash = hash.digest('hex').slice(0, 16);
  }
  return rulesHash;
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

function encode(sentences: readonly Sentence[]): string {
  const flat = new Int32Array(sentences.length * 3);
  for (const [i, s] of sentences.entries()) flat.set([s.start, s.end, s.turn], i * 3);
  return Buffer.from(flat.buffer).toString('base64');
}

function decode(data: string): Sentence[] | null {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length % 12 !== 0) return null;
  const flat = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const out: Sentence[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push({ start: flat[i]!, end: flat[i + 1]!, turn: flat[i + 2]! });
  return out;
}

/**
 * The sentences of each transcript, from the cache where it is current, else from `compute`
 * (the cache is then brought up to date).
 */
export async function cachedSentences(
  root: string,
  transcripts: readonly Transcript[],
  language: Language,
  compute: (t: Transcript) => Sentence[],
): Promise<Map<string, Sentence[]>> {
  const dir = join(root, STUDY_FILES.internal, 'cache');
  const path = join(dir, `sentences-${language}.json`);
  const rules = currentRules();
  let cache: CacheFile = { rules, entries: {} };
  try {
    const read = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (read.rules === rules && typeof read.entries === 'object' && read.entries !== null) cache = read;
  } catch {
    // No cache yet, or a damaged one: computed again.
  }
  const out = new Map<string, Sentence[]>();
  let changed = false;
  for (const t of transcripts) {
    const hash = textHash(t.text);
    const entry = cache.entries[t.id];
    const cached = entry !== undefined && entry.text === hash ? decode(entry.sentences) : null;
    if (cached?.every((s) => s.end <= t.text.length)) {
      out.set(t.id, cached);
      continue;
    }
    const sentences = compute(t);
    out.set(t.id, sentences);
    cache.entries[t.id] = { text: hash, sentences: encode(sentences) };
    changed = true;
  }
  if (changed) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileAtomicSync(path, JSON.stringify(cache));
    } catch {
      // A study on a read-only medium: no cache, nothing else changes.
    }
  }
  return out;
}
