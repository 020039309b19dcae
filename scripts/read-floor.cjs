'use strict';
/**
 * The benchmark's floor: `node scripts/read-floor.cjs STUDY` reads what every batch command must
 * read — every transcript, every coder file, the codebook — and decodes it as codage does (UTF-8,
 * then Unicode NFC), and nothing else. No command can be faster than this on the same study; the
 * benchmark holds each command to a multiple of it, measured in the same run on the same machine.
 * Prints the number of files and characters read (so that the work cannot be optimised away).
 */
const fs = require('node:fs');
const path = require('node:path');

const study = process.argv[2];
const decoder = new TextDecoder('utf-8');
let files = 0;
let chars = 0;
const read = (file) => {
  const text = decoder.decode(fs.readFileSync(file)).normalize('NFC');
  files += 1;
  chars += text.length;
};
for (const dir of ['transcripts', 'codings']) {
  const folder = path.join(study, dir);
  for (const name of fs.readdirSync(folder).sort()) {
    if (/\.(txt|md|ya?ml)$/.test(name)) read(path.join(folder, name));
  }
}
read(path.join(study, 'codebook.yaml'));
process.stdout.write(`${files} files, ${chars} characters\n`);
