import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  const s = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  s.isTTY = isTTY;
  s.columns = 80;
  return { s, chunks };
}

describe('progressBar', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('draws on a terminal, redraws only when the bar moves, and clears its line at the end', () => {
    vi.stubEnv('CI', '');
    const { s, chunks } = stream(true);
    const bar = progressBar(s, 'Reading', 10);
    for (let i = 1; i <= 1000; i++) bar.update(i, 1000);
    bar.done();
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.length).toBeLessThan(60);
    expect(chunks.at(-2)).toMatch(/Reading \[#+\] 1000\/1000$/);
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when the output is not a terminal, in CI, or for short work', () => {
    const piped = stream(false);
    progressBar(piped.s, 'Reading').update(10, 1000);
    expect(piped.chunks).toEqual([]);
    vi.stubEnv('CI', 'true');
    const ci = stream(true);
    progressBar(ci.s, 'Reading').update(10, 1000);
    expect(ci.chunks).toEqual([]);
    vi.stubEnv('CI', '');
    const short = stream(true);
    progressBar(short.s, 'Reading', 50).update(3, 12);
    expect(short.chunks).toEqual([]);
  });
});
