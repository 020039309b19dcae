/**
 * Start-up: a command loads only what it needs. Batch commands never load the coding screen (Ink,
 * React), the Word writer, the spreadsheet writer or the figure renderer; each module they would
 * load costs start-up time on every run, on the researcher's old laptop too.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, DEMO, ROOT, tempDir } from './helpers.js';

afterAll(cleanTemps);

const TRACER = join(ROOT, 'test/support/trace-imports.mjs');

/** The packages (under node_modules) a command line loads. */
function packagesLoaded(args: string[]): Set<string> {
  const trace = join(tempDir(), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', TRACER, CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', CODAGE_TRACE_IMPORTS: trace },
  });
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  const urls = readFileSync(trace, 'utf8').split('\n');
  expect(urls.some((u) => u.endsWith('/dist/src/cli-bundle/main.js')), 'the trace sees codage’s own modules (the bundled command line)').toBe(true);
  const packages = new Set<string>();
  for (const url of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) packages.add(m[1]!);
  }
  return packages;
}

const HEAVY = ['ink', 'react', 'docx', '@resvg/resvg-js', 'write-excel-file', 'read-excel-file', 'wrap-ansi', 'string-width'];

describe('start-up', () => {
  const out = (name: string) => join(tempDir(), name);
  const lines: string[][] = [
    ['--version'],
    ['--help'],
    ['check', '--study', DEMO],
    ['stats', '--study', DEMO],
    ['segments', '--study', DEMO, '--format', 'csv'],
    ['saturation', '--study', DEMO],
    ['export', 'themes', '--format', 'md', '--study', DEMO, '-o', '@md'],
    ['export', 'participants', '--format', 'csv', '--study', DEMO, '-o', '@csv'],
  ];
  it.each(lines.map((args) => [args.filter((a) => a !== DEMO && a !== '--study').join(' '), args] as const))('codage %s loads neither the coding screen, nor the Word, spreadsheet or figure writers', (_line, args) => {
    const loaded = packagesLoaded(args.map((a) => (a.startsWith('@') ? out(`out.${a.slice(1)}`) : a)));
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });

  it('a Word export loads the Word writer, and still not the coding screen', () => {
    const loaded = packagesLoaded(['export', 'themes', '--format', 'docx', '--study', DEMO, '-o', out('themes.docx')]);
    expect(loaded.has('docx')).toBe(true);
    expect(loaded.has('ink') || loaded.has('react')).toBe(false);
  });
});
