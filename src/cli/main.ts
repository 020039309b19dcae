#!/usr/bin/env node
/** Entry point of `codage`: runs the command line (program.ts) and sets the exit code. */
import { main } from './program.js';

// `codage segments | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
