/**
 * `npm start`: runs codage's main job on the bundled demo study (fixtures/demo) and says where
 * the results went. The demo study itself is never modified: commands that write work on a copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/codage.js');
const demo = join(root, 'fixtures/demo');
const out = join(root, 'out/demo');
const fr = /^fr/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const study = join(out, 'study');
cpSync(demo, study, { recursive: true, filter: (src) => !src.includes(`${join(demo, '.source')}`) && !src.includes('.codage') });

interface Step {
  title: string;
  args: string[];
  file: string;
  /** Exit codes that are a success for this step. */
  ok?: number[];
  /** The command writes `file` itself (-o); its standard output is not kept. */
  writes?: boolean;
}

/** A thesis export written by codage itself into out/demo/. */
const exportStep = (title: string, what: string, file: string, extra: string[] = []): Step => ({
  title,
  args: ['export', what, '--study', study, '-o', join(out, file), ...extra],
  file,
  writes: true,
});

const steps: Step[] = [
  { title: fr ? 'Vérification de l’étude' : 'Checking the study', args: ['check', '--study', study], file: 'check.txt' },
  { title: fr ? 'Statistiques par code, participant et groupe' : 'Counts per code, participant and group', args: ['stats', '--study', study, '--by', 'group'], file: 'stats.txt' },
  { title: fr ? 'Statistiques (JSON)' : 'Counts (JSON)', args: ['stats', '--study', study, '--json'], file: 'stats.json' },
  { title: fr ? 'Segments codés (CSV)' : 'Coded segments (CSV)', args: ['segments', '--study', study, '--format', 'csv'], file: 'segments.csv' },
  exportStep(fr ? 'Tableau des thèmes et verbatims (Word)' : 'Themes and quotes table (Word)', 'themes', 'themes.docx'),
  exportStep(fr ? 'Tableau des thèmes et verbatims (Markdown)' : 'Themes and quotes table (Markdown)', 'themes', 'themes.md'),
  exportStep(fr ? 'Tableau 1 des participants (Word)' : 'Participants, Table 1 (Word)', 'participants', 'participants.docx'),
  exportStep(fr ? 'Tableau 1 des participants (Markdown)' : 'Participants, Table 1 (Markdown)', 'participants', 'participants.md'),
  exportStep(fr ? 'Paragraphe de méthodes (Word)' : 'Methods paragraph (Word)', 'methods', 'methods.docx', ['--by', 'group']),
  exportStep(fr ? 'Paragraphe de méthodes (Markdown)' : 'Methods paragraph (Markdown)', 'methods', 'methods.md', ['--by', 'group']),
  exportStep(fr ? 'Rapport de l’étude (HTML)' : 'Study report (HTML)', 'report', 'report.html', ['--by', 'group']),
  {
    title: fr ? 'Saturation des codes (et sa figure)' : 'Code saturation (and its figure)',
    args: ['saturation', '--study', study, '--figure', join(out, 'saturation.svg'), '--figure', join(out, 'saturation.png')],
    file: 'saturation.txt',
  },
  // After the exports and saturation, which count the consensus once there is one.
  { title: fr ? 'Accord entre les deux codeurs' : 'Agreement between the two coders', args: ['compare', 'marie', 'paul', '--study', study], file: 'compare.txt' },
  {
    title: fr ? 'Mise en commun (règle : union)' : 'Reconciliation (rule: union)',
    args: ['reconcile', 'marie', 'paul', '--into', 'consensus', '--strategy', 'union', '--study', study],
    file: 'reconcile.txt',
  },
  {
    title: fr ? 'Import d’un tableur de verbatims retouchés' : 'Importing a spreadsheet of edited quotes',
    args: ['import-codings', join(demo, '.source/edited-quotes.csv'), '--coder', 'import-demo', '--study', study, '--review', join(out, 'import-review.csv')],
    file: 'import.txt',
  },
];

let failed = false;
console.log(fr ? `Étude de démonstration : ${relative(process.cwd(), demo)}` : `Demo study: ${relative(process.cwd(), demo)}`);
for (const step of steps) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, ...step.args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!step.writes) writeFileSync(join(out, step.file), result.stdout);
  const good = (step.ok ?? [0]).includes(result.status ?? -1);
  if (!good) failed = true;
  console.log(`  ${good ? '✓' : '✗'} ${step.title.padEnd(48)} ${String(Math.round(ms)).padStart(5)} ms  → ${relative(process.cwd(), join(out, step.file))}`);
  if (!good) process.stderr.write(result.stderr);
}
const kit = (name: string) => relative(process.cwd(), join(out, name));
console.log(
  fr
    ? `\nPour la thèse : ${kit('themes.docx')}, ${kit('participants.docx')} et ${kit('methods.docx')} (et en .md) ; rapport complet pour la direction de thèse : ${kit('report.html')}`
    : `\nFor the thesis: ${kit('themes.docx')}, ${kit('participants.docx')} and ${kit('methods.docx')} (and as .md); full report for the supervisor: ${kit('report.html')}`,
);
console.log(
  fr
    ? `Résultats dans ${relative(process.cwd(), out)}/ (copie de travail de l'étude : ${relative(process.cwd(), study)}/).\nPour coder au clavier : bin/codage.js code --study ${relative(process.cwd(), study)} --coder marie`
    : `Results in ${relative(process.cwd(), out)}/ (working copy of the study: ${relative(process.cwd(), study)}/).\nTo code at the keyboard: bin/codage.js code --study ${relative(process.cwd(), study)} --coder marie`,
);
process.exitCode = failed ? 1 : 0;
