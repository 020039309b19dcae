/**
 * `codage codebook split A --into A1 A2` without --segments, as a person uses it: the built binary
 * in a real 80×24 pseudo-terminal on a copy of the demo study (two coders), keys typed, then the
 * files checked — `codage check` passes and every code has exactly the quotes it was given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';
import { KEYS, startCodage } from './support/pty.js';

afterAll(cleanTemps);

const SLOW = 120_000;

/** References per code id, and segments per code id over both coder files. */
function counts(dir: string): { refs: Record<string, number>; segments: Record<string, number> } {
  // Both coders' references: without --coder, codebook counts the coding the exports show (marie's).
  const refs: Record<string, number> = {};
  for (const coder of ['marie', 'paul']) {
    const tree = JSON.parse(runCli(['codebook', '--json', '--coder', coder, '--study', dir]).stdout) as { tree: { kind: string; id: string; references: number }[] };
    for (const r of tree.tree) if (r.kind === 'code') refs[r.id] = (refs[r.id] ?? 0) + r.references;
  }
  const segments: Record<string, number> = {};
  for (const coder of ['marie', 'paul']) {
    for (const line of readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8').split('\n')) {
      const m = /"codes": \[([^\]]*)\]/.exec(line);
      if (!m) continue;
      for (const code of (m[1] as string).split(',').map((c) => c.trim().replace(/"/g, ''))) segments[code] = (segments[code] ?? 0) + 1;
    }
  }
  return { refs, segments };
}

function checkPasses(dir: string): void {
  const r = runCli(['check', '--json', '--study', dir]);
  expect((JSON.parse(r.stdout) as { errors: number }).errors).toBe(0);
  expect(r.code).toBe(0);
}

describe('codage codebook split on a terminal', () => {
  it('gives each quote the new code typed for it, writes the split, and undo takes it back', async () => {
    const dir = copyStudy();
    const before = counts(dir);
    const total = before.refs.frustration!;
    expect(total).toBeGreaterThan(4);
    const s = startCodage(['codebook', 'split', 'Frustration', '--into', 'Colère', 'Lassitude', '--study', dir, '--lang', 'fr'], { cols: 80, rows: 24 });
    await s.waitFor(`0/${total} attribuée`);
    await s.waitFor('1·c Colère 0 · 2·l Lassitude 0');
    // The first three quotes to Lassitude (by its initial and its digit), then Colère for the rest.
    await s.type('l2l');
    await s.waitFor(`3/${total} attribuées`);
    await s.type(KEYS.ENTER);
    await s.waitFor('sans nouveau code');
    await s.type('+');
    await s.waitFor('contexte\u00a0: 1 phrase');
    await s.type('1'.repeat(total - 3));
    await s.waitFor(`${total}/${total} attribuées`);
    await s.type(KEYS.ENTER);
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('scindé en «\u00a0Colère\u00a0»');

    checkPasses(dir);
    const after = counts(dir);
    const ids = Object.keys(after.refs);
    const colere = ids.find((id) => id.startsWith('col'))!;
    const lassitude = ids.find((id) => id.startsWith('lassitude'))!;
    expect(after.refs[lassitude]).toBe(3);
    expect(after.refs[colere]).toBe(total - 3);
    expect(after.refs.frustration).toBeUndefined();
    expect((after.segments[colere] ?? 0) + (after.segments[lassitude] ?? 0)).toBe(before.segments.frustration);
    // Every other code keeps its segments.
    for (const [id, n] of Object.entries(before.segments)) if (id !== 'frustration') expect(after.segments[id]).toBe(n);

    expect(runCli(['codebook', 'undo', '--study', dir]).code).toBe(0);
    checkPasses(dir);
    expect(counts(dir)).toEqual(before);
  }, SLOW);

  it('writes nothing when the researcher leaves with q', async () => {
    const dir = copyStudy();
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const marie = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
    const s = startCodage(['codebook', 'split', 'Frustration', '--into', 'Colère', 'Lassitude', '--study', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await s.waitFor('Split “Frustration”');
    await s.type('121');
    await s.type('q');
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('Split left: nothing was written.');
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toBe(codebook);
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toBe(marie);
    expect(runCli(['codebook', 'undo', '--list', '--json', '--study', dir]).stdout.trim()).toBe('[]');
  }, SLOW);

  it('without a terminal, asks for --segments (exit 2) and writes nothing', () => {
    const dir = copyStudy();
    const r = runCli(['codebook', 'split', 'Frustration', '--into', 'Colère', 'Lassitude', '--study', dir, '--lang', 'en'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without --segments, codage codebook split asks on a terminal');
    expect(r.stderr).toContain('give --segments ID=CODE');
    expect(runCli(['codebook', 'undo', '--list', '--json', '--study', dir]).stdout.trim()).toBe('[]');
  });
});
