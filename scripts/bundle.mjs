// `npm run build`, second step: puts the YAML library in one file, then bundles the screens with
// rolldown (see rolldown.config.mjs), printing nothing unless something goes wrong.
//
// The screen's row cache patches Ink's internal `Output` class: the bundle must hold exactly one
// copy of Ink's output module, or the patch would change a class Ink does not use. The build fails
// when it does not, counting over every chunk.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

// The YAML library, in one file. Its Node build is 74 CommonJS modules that every command loaded
// in ~40 ms; its ES-module build (the same code; warnings go to console.warn instead of
// process.emitWarning) bundled into dist/vendor/yaml.js loads in ~24 ms. The compiled modules
// import it there; the tests, which run the TypeScript sources, use the package itself.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'dist/vendor');
rmSync(vendor, { recursive: true, force: true });
const yamlEsm = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/index.js');
await build({ input: { yaml: yamlEsm }, platform: 'node', logLevel: 'warn', output: { dir: vendor, format: 'esm', entryFileNames: '[name].js' } });
const compiled = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? compiled(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
for (const file of compiled(join(root, 'dist/src'))) {
  const code = readFileSync(file, 'utf8');
  if (!code.includes("from 'yaml'")) continue;
  const target = relative(dirname(file), join(vendor, 'yaml.js')).split(sep).join('/');
  writeFileSync(file, code.replaceAll("from 'yaml'", `from '${target.startsWith('.') ? target : `./${target}`}'`));
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
