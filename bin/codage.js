#!/usr/bin/env node
// The `codage` command. The program itself is compiled to dist/ by `npm run build`: the command
// line in one bundle (dist/src/cli-bundle), which loads faster than its compiled modules
// (dist/src/cli), run instead when they are newer (compiled again without bundling).
import { existsSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep V8's compiled form of codage's own code (never any of the study) in the
// system's temporary folder, so that each command starts sooner; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. Node 20 has no such cache: nothing happens.
module.enableCompileCache?.();

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const bundled = new URL('../dist/src/cli-bundle/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('codage is not built yet: run "npm run build" (or "npm start") in its folder first.\n');
  process.exit(70);
}
let main = compiled;
try {
  if (statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs) main = bundled;
} catch {
  // No bundle: the compiled modules.
}
await import(main.href);
