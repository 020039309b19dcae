// `npm run build`, second step: puts the YAML library in one file, bundles the screens with
// rolldown (see rolldown.config.mjs), then the command line itself, printing nothing unless
// something goes wrong.
//
// The screen's row cache patches Ink's internal `Output` class: the bundle must hold exactly one
// copy of Ink's output module, or the patch would change a class Ink does not use. The build fails
// when it does not, counting over every chunk.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

// Two libraries, each in one file of dist/vendor, which the compiled modules import instead of the
// package (the tests, which run the TypeScript sources, use the packages themselves):
// - YAML: its Node build is 74 CommonJS modules that every command loaded in ~40 ms; its
//   ES-module build (the same code; warnings go to console.warn instead of process.emitWarning)
//   in one file loads in ~24 ms.
// - mammoth, the Word reader: 153 CommonJS modules (mammoth, jszip, pako, xmlbuilder, lop…)
//   that `codage import` of a .docx resolved and read one by one; in one file, ~70 ms less.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'dist/vendor');
rmSync(vendor, { recursive: true, force: true });
const require = createRequire(import.meta.url);
const vendored = [
  { name: 'yaml', entry: join(dirname(require.resolve('yaml/package.json')), 'browser/index.js'), imports: ["from 'yaml'"] },
  { name: 'mammoth', entry: require.resolve('mammoth'), imports: ["import('mammoth')"] },
];
await build({ input: Object.fromEntries(vendored.map((v) => [v.name, v.entry])), platform: 'node', logLevel: 'warn', output: { dir: vendor, format: 'esm', entryFileNames: '[name].js' } });
const compiled = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? compiled(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
for (const file of compiled(join(root, 'dist/src'))) {
  let code = readFileSync(file, 'utf8');
  const before = code;
  for (const { name, imports } of vendored) {
    const relativePath = relative(dirname(file), join(vendor, `${name}.js`)).split(sep).join('/');
    const target = relativePath.startsWith('.') ? relativePath : `./${relativePath}`;
    for (const written of imports) code = code.replaceAll(written, written.replace(`'${name}'`, `'${target}'`));
  }
  if (code !== before) writeFileSync(file, code);
}

const { output, ...input } = config;
// Chunks are named by their hash: start empty, so that no chunk of an earlier build lingers.
rmSync(output.dir, { recursive: true, force: true });
await build({ ...input, output, logLevel: 'warn' });

// Every chunk of the bundle (the coding screen, the reconcile screen and what they share).
const sources = readdirSync(output.dir)
  .filter((name) => name.endsWith('.js.map'))
  .flatMap((name) => JSON.parse(readFileSync(join(output.dir, name), 'utf8')).sources);
const copies = sources.filter((source) => /(^|\/)node_modules\/ink\/build\/output\.js$/.test(source));
if (copies.length !== 1) {
  console.error(
    `codage build: dist/bundle holds ${copies.length} copies of Ink's output module (${copies.join(', ') || 'none'}); ` +
      'the coding screen’s row cache needs exactly one. Check rolldown.config.mjs and that a single Ink is installed (npm ls ink).',
  );
  process.exit(1);
}

// The command line in one bundle: dist/src/cli-bundle/main.js and the chunks its commands load
// lazily (bin/codage.js runs it). Node resolves, reads and links each of the ~80 modules a command
// loads one by one: in one bundle, `codage code`'s modules load ~60 ms faster, a `check` ~35 ms.
// The npm packages stay outside (the start-up test still sees which ones a command loads), and so
// do the screens' modules (the commands load them from dist/bundle, else from dist/src/tui). The
// bundle sits at the depth of dist/src/cli/, so that the paths its modules build from their own
// URL (to package.json, the starter codebooks, the screens' bundle) stay right.
const cliBundle = join(root, 'dist/src/cli-bundle');
const tui = join(root, 'dist/src/tui') + sep;
rmSync(cliBundle, { recursive: true, force: true });
await build({
  input: { main: join(root, 'dist/src/cli/main.js') },
  platform: 'node',
  logLevel: 'warn',
  // commander is bundled too, so that its `node:child_process` (for git-style subcommand
  // executables, which codage has none of) loads only if ever used: every command started
  // ~5–10 ms later for loading it.
  external: (id) => id !== 'commander' && !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(id),
  plugins: [
    {
      name: 'codage-commander-child-process-lazy',
      transform(code, id) {
        if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
        const eager = "const childProcess = require('node:child_process');";
        if (!code.includes(eager)) throw new Error(`bundle: commander's command.js no longer loads child_process as expected (${id})`);
        const lazy = "let childProcessModule; const childProcess = { spawn: (...args) => (childProcessModule ??= require('node:child_process')).spawn(...args) };";
        return { code: code.replace(eager, lazy), map: null };
      },
    },
    {
      name: 'codage-screens-outside',
      resolveId(source, importer) {
        if (!importer || !source.startsWith('.')) return null;
        const target = resolve(dirname(importer), source);
        return target.startsWith(tui) ? { id: target, external: true } : null;
      },
    },
  ],
  output: { dir: cliBundle, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
