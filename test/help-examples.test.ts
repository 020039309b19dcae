/**
 * Every example of codage's help works. Each command's examples (src/cli/help.ts, written once for
 * both languages) run in order on a fresh copy of the demo study and exit 0. An example that cannot
 * run unattended says why in help.ts (`needs`): it is listed here, and parsed by commander like
 * every other example, so that a renamed option or command fails here too.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { type Example, exampleLine, type HelpEntry, helpExamples } from '../src/cli/help.js';
import type { Language } from '../src/core/types.js';
import { cleanTemps, copyStudy, DEMO, ROOT, runCliAsync } from './helpers.js';
import { maxqda, nvivo, qdpx, SUPERVISOR_QDC } from './support/refi-projects.js';

afterAll(cleanTemps);

/** The program as built (it reads its version from beside dist/): its commands, options and help. */
const { buildProgram } = (await import(pathToFileURL(join(ROOT, 'dist/src/cli/program.js')).href)) as typeof import('../src/cli/program.js');

const ENTRIES = helpExamples();
const LANGUAGES: Language[] = ['en', 'fr'];

/** An example's command lines: one, or one per language where the line itself is translated. */
function linesOf(example: Example): string[] {
  return [...new Set(LANGUAGES.map((l) => exampleLine(example, l)))];
}

/**
 * The words of a command line as a shell splits them: "…" and '…' quote, ~/ is `home`, and
 * NAME=value before the command sets the environment.
 */
function words(line: string, home: string): { env: Record<string, string>; args: string[] } {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    out.push(m[1] ?? m[2] ?? (m[3] as string).replace(/^~(?=\/)/, home));
  }
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(out[0] ?? '')) {
    const [name, ...value] = out.shift()!.split('=');
    env[name!] = value.join('=');
  }
  return { env, args: out };
}

// --- What the examples name and the demo study lacks: fixtures, in the place the example says ---

const FIXTURES = join(ROOT, 'fixtures');
const copy = (from: string) => (to: string) => copyFileSync(from, to);
const DOCX = join(FIXTURES, 'import/entretien-MG3.docx');

/** Each file or folder an example reads, by the name it is given there, and what stands for it. */
const INPUTS: Record<string, (path: string) => void | Promise<void>> = {
  // import-codings: the spreadsheets the demo's coder files come from; Paul's saved as .xlsx.
  'codage.csv': copy(join(DEMO, '.source/marie.csv')),
  'codage.xlsx': async (path) => {
    const rows = parse(readFileSync(join(DEMO, '.source/paul.csv'), 'utf8'), { delimiter: ';' }) as string[][];
    await writeExcelFile(rows.map((row) => row.map((cell) => (cell === '' ? null : cell)))).toFile(path);
  },
  // autocode --by-question
  'guide-entretien.txt': copy(join(FIXTURES, 'guide/guide-entretien.txt')),
  // import: a Word interview, a Zoom transcript, the speakers' map; entretiens/ holds another interview.
  'entretien-MG3.docx': copy(DOCX),
  'entretiens/*.docx': (path) => {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(DOCX, join(dirname(path), 'entretien-MG11.docx'));
  },
  'locuteurs.yaml': (path) => writeFileSync(path, 'Enquêtrice: E\nInterviewé: MG11\n'),
  'entretiens/': (path) => {
    mkdirSync(path, { recursive: true });
    copyFileSync(DOCX, join(path, 'entretien-MG12.docx'));
  },
  'zoom/GMT20240312-101500_Recording.transcript.vtt': (path) => {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(FIXTURES, 'import/GMT20240312-101500_Recording.transcript.vtt'), path);
  },
  // anonymise --map
  'remplacements.yaml': (path) => writeFileSync(path, 'Mme X: "[patiente]"\n'),
  // import-refi: projects in the shape NVivo and MAXQDA write, a codebook from NVivo.
  'projet-nvivo.qdpx': (path) => writeFileSync(path, qdpx(nvivo())),
  'projet-maxqda.qdpx': (path) => writeFileSync(path, qdpx(maxqda())),
  'codes-superviseur.qdc': (path) => writeFileSync(path, SUPERVISOR_QDC),
  // merge: the second coder's copy of the study.
  '../copie-paul': (path) => cpSync(DEMO, path, { recursive: true, filter: (src) => !src.startsWith(join(DEMO, '.source')) }),
  // merge-driver by hand: three versions of codebook.yaml.
  'base.yaml': copy(join(DEMO, 'codebook.yaml')),
  'other.yaml': copy(join(DEMO, 'codebook.yaml')),
  'autre.yaml': copy(join(DEMO, 'codebook.yaml')),
};

/** The demo study as a command's examples find it, where the demo itself is one step further on. */
const BEFORE: Partial<Record<HelpEntry, (study: string) => void>> = {
  // The demo's coder files were made from codage.csv (Marie's) and Paul's spreadsheet.
  'import-codings': (study) => rmSync(join(study, 'codings'), { recursive: true }),
  // Paul's coder file is in his copy of the study (../copie-paul), not yet here.
  merge: (study) => rmSync(join(study, 'codings/paul.yaml')),
  // A third coder, jean, who coded as Paul did.
  compare: (study) => writeFileSync(join(study, 'codings/jean.yaml'), readFileSync(join(study, 'codings/paul.yaml'), 'utf8').replace('coder: paul', 'coder: jean')),
};

/**
 * Each example runs on a copy of the demo study of its own, but those of a group below run in
 * order on one copy: each goes on from where the ones before it stopped (undo takes back the edits
 * above it, stats counts the consensus reconcile made, the second import-refi extends the study the
 * first one made).
 */
const ORDERED: HelpEntry[][] = [
  ['codebook', 'codebook-undo'],
  ['codebook-add'],
  ['codebook-describe'],
  ['codebook-rename'],
  ['codebook-move'],
  ['codebook-merge'],
  ['codebook-delete'],
  ['codebook-split'],
  ['autocode'],
  ['reconcile'],
  ['import-refi'],
  ['participant-rename'],
];
const GROUPS: HelpEntry[][] = [...ORDERED, ...ENTRIES.map(([entry]) => [entry]).filter(([entry]) => !ORDERED.flat().includes(entry!))];

/** After the edits of the codebook, and participants renamed, the study is still sound. */
const CHECKED = (entry: HelpEntry) => entry.startsWith('codebook') || entry.startsWith('participant');

const examplesOf = (entry: HelpEntry) => ENTRIES.find(([e]) => e === entry)![1];
const unattended = ENTRIES.flatMap(([entry, examples]) => examples.filter((e) => e.needs !== undefined).map((e) => [entry, e] as const));

describe('the examples of the help', () => {
  it('each command and subcommand with a help has examples, and each group runs them all', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(29);
    expect(GROUPS.flat().sort()).toEqual(ENTRIES.map(([e]) => e).sort());
    // Every input above is one an example names: the table keeps up with the help.
    const named = new Set(ENTRIES.flatMap(([, examples]) => examples.flatMap((e) => linesOf(e).flatMap((l) => words(l, '~').args))));
    expect(Object.keys(INPUTS).filter((name) => !named.has(name))).toEqual([]);
  });

  const everyLine = [...new Set(ENTRIES.flatMap(([, examples]) => examples.flatMap(linesOf)))];
  it.each(everyLine)('commander parses %s', async (line) => {
    const { args } = words(line, '/home/marie');
    expect(args[0]).toBe('codage');
    const program = await buildProgram(args.slice(1), () => undefined, { language: 'en', fromFlag: true });
    // Options, arguments and choices are checked; no command runs.
    const silence = (cmd: typeof program): void => {
      cmd.action(() => undefined).configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      for (const sub of cmd.commands) silence(sub);
    };
    silence(program);
    await expect(program.parseAsync(args.slice(1), { from: 'user' })).resolves.toBeDefined();
  });

  it.each(unattended.map(([entry, e]) => [linesOf(e)[0]!, e.needs!.kind, e.needs!.why, entry] as const))('%s is only parsed: it needs a %s (%s)', (line, kind, why) => {
    expect(['terminal', 'file', 'data']).toContain(kind);
    expect(why.length, line).toBeGreaterThan(10);
  });

  /** Runs one example line where it says, with the inputs it names; the study as it was is in `study`. */
  async function run(line: string, study: string): Promise<void> {
    const workspace = dirname(study);
    const { env, args } = words(line, workspace);
    // `--study ma-these` is said from the folder that holds the study; the rest from inside it.
    const cwd = args.includes('--study') ? workspace : study;
    for (const arg of args) {
      const make = INPUTS[arg];
      if (make !== undefined && !existsSync(resolve(cwd, arg))) await make(resolve(cwd, arg));
    }
    const r = await runCliAsync(args.slice(1), { cwd, env: { HOME: workspace, ...env } });
    expect(r.code, `${line}\n${r.stderr}${r.stdout.slice(-2000)}`).toBe(0);
    // What the example says it makes is there: every file it names after -o, --output or --figure,
    // not empty; else what it prints (git's merge driver alone works silently: git reads the file).
    const outputs = args.flatMap((arg, i) => (['-o', '--output', '--figure'].includes(arg) && args[i + 1] !== undefined ? [resolve(cwd, args[i + 1]!)] : []));
    for (const file of outputs) {
      expect(existsSync(file), `${line}: ${file} written`).toBe(true);
      expect(statSync(file).size, `${line}: ${file} not empty`).toBeGreaterThan(0);
    }
    if (outputs.length === 0 && args[1] !== 'merge-driver') expect(`${r.stdout}${r.stderr}`.trim(), `${line} says something`).not.toBe('');
  }

  /** A copy of the demo study named as the examples name it, as the entry's examples find it. */
  function demo(entry: HelpEntry): string {
    const study = copyStudy(DEMO, 'ma-these');
    BEFORE[entry]?.(study);
    return study;
  }

  it.concurrent.each(GROUPS.map((group) => [group.join(', then '), group] as const))(
    'every example of %s runs on a copy of the demo study',
    async (_name, group) => {
      const ordered = ORDERED.includes(group);
      const shared = ordered ? demo(group[0]!) : undefined;
      for (const entry of group) {
        if (shared !== undefined && entry !== group[0]) BEFORE[entry]?.(shared);
        for (const example of examplesOf(entry)) {
          if (example.needs !== undefined) continue; // listed and parsed above
          for (const line of linesOf(example)) await run(line, shared ?? demo(entry));
        }
      }
      if (shared !== undefined && group.some(CHECKED)) {
        const check = await runCliAsync(['check', '--lang', 'en'], { cwd: shared });
        expect(check.code, `codage check after the examples\n${check.stdout}${check.stderr}`).toBe(0);
      }
    },
    180_000,
  );
});
