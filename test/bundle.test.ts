/**
 * The coding screen as users run it: from the bundle `npm run build` makes (dist/bundle/run.js),
 * not from the compiled modules the component tests import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the bundled coding screen', () => {
  it('holds one copy of Ink, the version package.json pins, and its row cache takes hold', async () => {
    const pinned = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.ink;
    expect(pinned, 'Ink is pinned to an exact version: the row cache patches its internals').toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (JSON.parse(readFileSync(join(ROOT, 'node_modules/ink/package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(pinned);

    const chunks = readdirSync(join(ROOT, 'dist/bundle')).filter((name) => name.endsWith('.js.map'));
    const sources = chunks.flatMap((name) => (JSON.parse(readFileSync(join(ROOT, 'dist/bundle', name), 'utf8')) as { sources: string[] }).sources);
    const inkModules = sources.filter((s) => s.includes('node_modules/ink/build/'));
    expect(inkModules.filter((s) => s.endsWith('/output.js'))).toHaveLength(1);
    expect(new Set(inkModules).size).toBe(inkModules.length);

    const bundle = (await import(join(ROOT, 'dist/bundle/run.js'))) as { installRowCache: () => Promise<boolean>; runCodingScreen: unknown };
    expect(typeof bundle.runCodingScreen).toBe('function');
    expect(await bundle.installRowCache()).toBe(true);
  });

  it('never calls fetch: Yoga decodes its WebAssembly itself, without loading Node’s HTTP client', () => {
    const code = readdirSync(join(ROOT, 'dist/bundle'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(ROOT, 'dist/bundle', name), 'utf8'));
    expect(code.join('\n')).toContain('WebAssembly.instantiate');
    for (const chunk of code) expect(chunk).not.toMatch(/\bfetch\s*\(/);
  });
});
