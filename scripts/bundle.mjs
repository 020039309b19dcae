// `npm run build`, second step: bundles the coding screen with rolldown (see rolldown.config.mjs),
// printing nothing unless something goes wrong.
//
// The screen's row cache patches Ink's internal `Output` class: the bundle must hold exactly one
// copy of Ink's output module, or the patch would change a class Ink does not use. The build fails
// when it does not, counting over every chunk.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

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
