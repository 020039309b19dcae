/**
 * The demo study with identifiers put back the way real transcripts leave them: a town and a
 * doctor's name in the front matter (`ville: Lyon`, `source: Entretien Dr Martin.docx`), a
 * patient's name inside a coded passage, a doctor's name split over a line break (`le Dr` at the
 * end of a line, `Martin` on the next), a daughter called Rose, `Pierre` as a stone at a sentence
 * start, a method nobody listed (`Feldenkrais`), and the codings re-anchored on that text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyStudy, runCli } from '../helpers.js';

function edit(dir: string, file: string, replacements: [string, string][]): void {
  const path = join(dir, 'transcripts', file);
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file}: "${from}" not found`);
    text = text.replace(from, to);
  }
  writeFileSync(path, text);
}

export function studyWithIdentifiers(): string {
  const dir = copyStudy();
  edit(dir, 'MG1.txt', [
    ['milieu: semi-rural\n', 'milieu: semi-rural\nville: Lyon\nsource: Entretien Dr Martin.docx\n'],
    ["C'est une dame de cinquante-huit ans, Mme X, qui a", "C'est une dame de cinquante-huit ans, Mme Dubreuil, qui a"],
    ['Elle a mal partout, elle dort mal', 'Elle a vu le Dr\nMartin à Lyon. Elle a mal partout, elle dort mal'],
    ['le Dr Y. Donc', 'le Dr Martin. Donc'],
    // Inside a coded passage (marie's xpqdrvhy, paul's too).
    ['On a fait le tour, on a essayé', 'On a fait le tour avec le Dr Martin, on a essayé'],
  ]);
  edit(dir, 'MG7.txt', [
    ["c'est une patiente que j'ai vue avant-hier, Mme X,", "c'est une patiente que j'ai vue avant-hier, Mme Dubreuil, avec sa fille Rose,"],
  ]);
  // A last exchange, uncoded: a stone, and a method nobody listed.
  const mg3 = join(dir, 'transcripts/MG3.txt');
  writeFileSync(mg3, `${readFileSync(mg3, 'utf8').replace(/\n*$/, '')}\n\nMG3 : Pierre après pierre, on construit le réseau, avec la méthode Feldenkrais aussi.\n`);
  const fix = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
  if (fix.code !== 0) throw new Error(`check --fix failed on the named study:\n${fix.stdout}${fix.stderr}`);
  return dir;
}
