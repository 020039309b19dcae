/**
 * The sentences of transcripts, kept in `.codage/cache/sentences.json` between runs:
 * cutting two million words into sentences takes longer than reading them. An entry is used only
 * when both the transcript text and the sentence rules (the code of the module that cuts
 * sentences) are the ones it was made from, so a stale entry is never used. Convenience only:
 * a missing, damaged or unwritable cache just means computing again (safe to delete).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { segmentSentences } from '../core/transcript/sentences.js';
import type { Sentence, Transcript } from '../core/types.js';
import { cacheDir, cacheRules, writeCacheFile } from './cache.js';

interface CacheFile {
  rules: string;
  entries: Record<string, { text: string; sentences: string }>;
}

/** A hash of the code that cuts sentences: a change to the rules makes every entry stale. */
const currentRules = (): string =>
  cacheRules(['../core/transcript/sentences.js', '../core/transcript/sentence-breaks.js', '../core/transcript/turns.js', '../core/transcript/parse.js']);

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

/** The sentences of transcripts, read from the cache where current, cut (and remembered) otherwise. */
export interface SentenceStore {
  /** The transcript's sentences: from the cache when its text is the one they were cut from. */
  of(transcript: Transcript): Sentence[];
  /** Writes the cache back if anything was cut (a read-only study: nothing happens). */
  save(): void;
}

/** The caches of earlier versions, one per message language (sentences are now the same in every language). */
const EARLIER = ['sentences-fr.json', 'sentences-en.json'];

/**
 * Opens the cache of `root`. Sentences are asked one transcript at a time, so a command cuts
 * only the transcripts it needs; `compute` (default: `segmentSentences`) cuts one.
 */
export async function openSentenceCache(root: string, compute: (t: Transcript) => Sentence[] = (t) => segmentSentences(t.text, t.turns)): Promise<SentenceStore> {
  const dir = cacheDir(root);
  const path = join(dir, 'sentences.json');
  // Read when a sentence is first asked for: a command that needs none (most exports) does not
  // pay for reading and parsing the file.
  let loaded: CacheFile | null = null;
  const load = (): CacheFile => {
    if (loaded !== null) return loaded;
    const rules = currentRules();
    loaded = { rules, entries: {} };
    try {
      const read = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (read.rules === rules && typeof read.entries === 'object' && read.entries !== null) loaded = read;
    } catch {
      // No cache yet, or a damaged one: computed again.
    }
    return loaded;
  };
  const known = new Map<Transcript, Sentence[]>();
  let changed = false;
  return {
    of(t) {
      const done = known.get(t);
      if (done !== undefined) return done;
      const cache = load();
      const hash = textHash(t.text);
      const entry = cache.entries[t.id];
      let sentences = entry !== undefined && entry.text === hash ? decode(entry.sentences) : null;
      if (sentences === null || !sentences.every((s) => s.end <= t.text.length)) {
        sentences = compute(t);
        cache.entries[t.id] = { text: hash, sentences: encode(sentences) };
        changed = true;
      }
      known.set(t, sentences);
      return sentences;
    },
    save() {
      if (!changed || loaded === null) return;
      if (!writeCacheFile(path, JSON.stringify(loaded))) return;
      changed = false;
      for (const earlier of EARLIER) rmSync(join(dir, earlier), { force: true });
    },
  };
}

/** The sentences of each of `transcripts` (see `openSentenceCache`); the cache is then brought up to date. */
export async function cachedSentences(
  root: string,
  transcripts: readonly Transcript[],
  compute?: (t: Transcript) => Sentence[],
): Promise<Map<string, Sentence[]>> {
  const store = await openSentenceCache(root, compute);
  const out = new Map(transcripts.map((t) => [t.id, store.of(t)]));
  store.save();
  return out;
}
