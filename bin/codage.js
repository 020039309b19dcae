#!/usr/bin/env node
// The `codage` command. The program itself is compiled to dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('codage is not built yet: run "npm run build" (or "npm start") in its folder first.\n');
  process.exit(70);
}
await import(main.href);
