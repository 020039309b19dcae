// `npm run build`, second step: bundles the coding screen with rolldown (see rolldown.config.mjs),
// printing nothing unless something goes wrong.
//
// The screen's row cache patches Ink's internal `Output` class: the bundle must hold exactly one
// copy of Ink's output module, or the patch would change a class Ink does not use. The build fails
// when it does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import config from '../rolldown.config.mjs';

const { output, ...input } = config;
await build({ ...input, output, logLevel: 'warn' });

const map = JSON.parse(readFileSync(join(output.dir, 'run.js.map'), 'utf8'));
const copies = map.sources.filter((source) => /(^|\/)node_modules\/ink\/build\/output\.js$/.test(source));
if (copies.length !== 1) {
  console.error(
    `codage build: dist/bundle/run.js holds ${copies.length} copies of Ink's output module (${copies.join(', ') || 'none'}); ` +
      'the coding screen’s row cache needs exactly one. Check rolldown.config.mjs and that a single Ink is installed (npm ls ink).',
  );
  process.exit(1);
}
