// `NODE_OPTIONS="--import ./test/support/trace-reads.mjs"`: appends the path of every file the
// program reads whole (readFileSync, fs/promises readFile) in a `transcripts` folder to the file
// named by CODAGE_TRACE_READS, one per line. Used by test/cli-confirm.test.ts to check that a
// command reads only the transcripts it needs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.CODAGE_TRACE_READS;
const note = (file) => {
  if (log !== undefined && /[\\/]transcripts[\\/]/.test(String(file))) fs.appendFileSync(log, `${String(file)}\n`);
};
const { readFileSync } = fs;
fs.readFileSync = function tracedReadFileSync(file, ...rest) {
  note(file);
  return readFileSync.call(this, file, ...rest);
};
const { readFile } = fs.promises;
fs.promises.readFile = function tracedReadFile(file, ...rest) {
  note(file);
  return readFile.call(this, file, ...rest);
};
syncBuiltinESMExports();
