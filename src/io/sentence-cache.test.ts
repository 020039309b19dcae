import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentSentences } from '../core/transcript/sentences.js';
import { makeTranscript } from '../../test/support/sample-data.js';
import { cachedSentences, openSentenceCache } from './sentence-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('cachedSentences', () => {
  it('cuts sentences once, then reads them back; a changed transcript is cut again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'codage-cache-'));
    dirs.push(root);
    const a = makeTranscript('P1 : Bonjour. Je vais bien. Et vous ?\n', 'P1');
    const b = makeTranscript('P2 : Non. Pas du tout.\n', 'P2');
    let calls = 0;
    const compute = (t: typeof a) => {
      calls++;
      return segmentSentences(t.text, t.turns);
    };
    const first = await cachedSentences(root, [a, b], compute);
    expect(calls).toBe(2);
    const second = await cachedSentences(root, [a, b], compute);
    expect(calls).toBe(2);
    expect(second).toEqual(first);
    const changed = makeTranscript('P2 : Non. Pas du tout. Jamais.\n', 'P2');
    const third = await cachedSentences(root, [a, changed], compute);
    expect(calls).toBe(3);
    expect(third.get('P2')).toEqual(segmentSentences(changed.text, changed.turns));
    // A damaged cache is computed again, never trusted.
    writeFileSync(join(root, '.codage/cache/sentences.json'), '{"rules": 1, "entr');
    await cachedSentences(root, [a], compute);
    expect(calls).toBe(4);
    expect(JSON.parse(readFileSync(join(root, '.codage/cache/sentences.json'), 'utf8')).entries.P1).toBeDefined();
  });

  it('cuts only the transcripts asked for, and keeps them for the next run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'codage-cache-'));
    dirs.push(root);
    const a = makeTranscript('P1 : Bonjour. Je vais bien.\n', 'P1');
    const b = makeTranscript('P2 : Non. Pas du tout.\n', 'P2');
    const cut: string[] = [];
    const compute = (t: typeof a) => {
      cut.push(t.id);
      return segmentSentences(t.text, t.turns);
    };
    const store = await openSentenceCache(root, compute);
    expect(store.of(b)).toEqual(segmentSentences(b.text, b.turns));
    store.of(b);
    expect(cut).toEqual(['P2']);
    store.save();
    const next = await openSentenceCache(root, compute);
    next.of(b);
    next.of(a);
    expect(cut).toEqual(['P2', 'P1']);
  });
});
