/**
 * The coding screen as users run it: from the bundle `npm run build` makes (dist/bundle/run.js),
 * not from the compiled modules the component tests import; and the command line, bundled too
 * (dist/src/cli-bundle).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, ROOT, tempDir } from './helpers.js';

afterAll(cleanTemps);

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

  it('measures text with one string-width, through codage’s fast path for Latin text', () => {
    const chunks = readdirSync(join(ROOT, 'dist/bundle')).filter((name) => name.endsWith('.js.map'));
    const sources = chunks.flatMap((name) => (JSON.parse(readFileSync(join(ROOT, 'dist/bundle', name), 'utf8')) as { sources: string[] }).sources);
    const widths = [...new Set(sources.filter((s) => /node_modules\/(.*\/)?string-width\/index\.js$/.test(s)))];
    expect(widths).toEqual([expect.stringMatching(/(^|\/)node_modules\/string-width\/index\.js$/)]);
    expect(sources.some((s) => s.endsWith('src/tui/ink-string-width.js'))).toBe(true);
    // Ink and wrap-ansi call the fast path, not string-width itself.
    const code = readdirSync(join(ROOT, 'dist/bundle'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(ROOT, 'dist/bundle', name), 'utf8'))
      .join('\n');
    expect(code).toMatch(/cached = inkStringWidth\(text\)/);
    expect(code).toMatch(/wordLengths = \(string\) => string\.split\(" "\)\.map\(\(character\) => inkStringWidth\(character\)\)/);
  });

  it('has the compiled modules load YAML from one file, with every name the package exports', async () => {
    const compiled = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? compiled(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
      );
    // The bundled command line (dist/src/cli-bundle) holds the vendored copy itself, comments included.
    const files = compiled(join(ROOT, 'dist/src')).filter((file) => !file.startsWith(join(ROOT, 'dist/src/cli-bundle')));
    const bare = files.filter((file) => /from 'yaml'|import\('yaml'\)/.test(readFileSync(file, 'utf8')));
    expect(bare).toEqual([]);
    expect(files.filter((file) => readFileSync(file, 'utf8').includes("vendor/yaml.js'")).length).toBeGreaterThan(5);
    const vendored = (await import(join(ROOT, 'dist/vendor/yaml.js'))) as Record<string, unknown>;
    const yaml = (await import('yaml')) as Record<string, unknown>;
    for (const name of Object.keys(yaml).filter((n) => n !== 'default')) expect(typeof vendored[name], name).toBe(typeof yaml[name]);
    const parse = vendored.parse as (s: string) => unknown;
    expect(parse('a: [1, "é"]')).toEqual({ a: [1, 'é'] });
  });

  it('has the compiled modules load the Word reader (mammoth) from one file, which reads a .docx', async () => {
    const compiled = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? compiled(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
      );
    const files = compiled(join(ROOT, 'dist/src')).filter((file) => !file.startsWith(join(ROOT, 'dist/src/cli-bundle')));
    expect(files.filter((file) => /from 'mammoth'|import\('mammoth'\)/.test(readFileSync(file, 'utf8')))).toEqual([]);
    expect(files.filter((file) => readFileSync(file, 'utf8').includes("vendor/mammoth.js')")).length).toBe(1);
    const mammoth = ((await import(join(ROOT, 'dist/vendor/mammoth.js'))) as { default: { convertToHtml: (input: { buffer: Buffer }) => Promise<{ value: string }> } }).default;
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Enquêteur : « Bonjour »'), new Paragraph('P1 : Ça va…')] }] }));
    expect((await mammoth.convertToHtml({ buffer: docx })).value).toBe('<p>Enquêteur : « Bonjour »</p><p>P1 : Ça va…</p>');
  });

  it('never calls fetch: Yoga decodes its WebAssembly itself, without loading Node’s HTTP client', () => {
    const code = readdirSync(join(ROOT, 'dist/bundle'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(ROOT, 'dist/bundle', name), 'utf8'));
    expect(code.join('\n')).toContain('WebAssembly.instantiate');
    for (const chunk of code) expect(chunk).not.toMatch(/\bfetch\s*\(/);
  });
});

describe('the command line in one bundle', () => {
  const bundleDir = join(ROOT, 'dist/src/cli-bundle');
  const chunks = () => readdirSync(bundleDir).filter((name) => name.endsWith('.js'));

  it('is what bin/codage.js runs, and leaves the npm packages and the screens outside', () => {
    const traced = join(tempDir(), 'modules.txt');
    const trace = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/trace-imports.mjs'), CLI, '--version'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CODAGE_TRACE_IMPORTS: traced },
    });
    expect(trace.status, trace.stderr).toBe(0);
    const urls = readFileSync(traced, 'utf8').split('\n');
    expect(urls.some((u) => u.endsWith('/dist/src/cli-bundle/main.js'))).toBe(true);
    expect(urls.some((u) => u.includes('/dist/src/cli/'))).toBe(false);
    const code = chunks().map((name) => readFileSync(join(bundleDir, name), 'utf8'));
    // The screens' modules are imported from dist/src/tui, never copied in (Ink stays in dist/bundle).
    expect(code.join('\n')).toContain('"../tui/run.js"');
    // Packages stay outside, but commander: bundled, its child_process loaded only when used.
    for (const chunk of code) expect(chunk).not.toMatch(/from "(?:ink|react)"|node_modules\/(?!commander\/)/);
    expect(code.some((chunk) => chunk.includes("childProcessModule ??= __require(\"node:child_process\")"))).toBe(true);
    expect(code.join('\n')).not.toMatch(/require\("node:child_process"\);/);
  });

  it('has every module that finds a package file by its own URL at the depth of dist/src/cli and the bundle', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const users = sources(join(ROOT, 'src'))
      .filter((file) => !file.includes(`${join(ROOT, 'src/tui')}/`) && readFileSync(file, 'utf8').includes('import.meta'))
      .map((file) => relative(join(ROOT, 'src'), file).split(/[\\/]/).length);
    expect(users.length).toBeGreaterThan(0);
    // src/<folder>/<module>.ts: compiled to dist/src/<folder>/, bundled to dist/src/cli-bundle/.
    expect(users.every((depth) => depth === 2)).toBe(true);
    const rules = readFileSync(join(bundleDir, chunks().find((name) => name.startsWith('sentence-cache'))!), 'utf8');
    // The sentence cache hashes the compiled rules, dist/src/core/transcript/, from the bundle too.
    expect(rules).toMatch(/["']\.\.\/core\/transcript\/sentences\.js["']/);
  });
});
