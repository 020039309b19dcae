'use strict';
/**
 * Peak memory probe for the benchmark: `node --require ./scripts/rss-probe.cjs dist/src/cli/main.js …`
 * (the `./` matters: a bare `scripts/…` is looked up in node_modules)
 * writes the process's peak resident set size in KiB (`process.resourceUsage().maxRSS`) to the
 * file named by the environment variable CODAGE_RSS_FILE when the process exits.
 *
 * Loaded with --require on the command line (not NODE_OPTIONS), so child processes of the
 * measured command are not probed. A process killed by a signal writes nothing.
 */
const fs = require('node:fs');

const file = process.env.CODAGE_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // The benchmark reports a missing measurement; never change the measured command's outcome.
    }
  });
}
