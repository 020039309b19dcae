/**
 * Every command that writes the study, with a failure injected at each step of its writes — each
 * lock, temporary file, fsync, backup, journal, rename — and with the process killed after each
 * rename: the study must then be either unchanged or completely updated, never a mix; a message
 * that says "nothing was changed" must be true; no lock or temporary file may stay behind a
 * command that ended normally.
 *
 * The steps are not listed by hand: a first run without faults records them (CODAGE_TEST_STEPS,
 * see src/io/faults.ts), so a writer added later — or a new step in the write path — is covered
 * as soon as its command is in WRITERS below.
 *
 * The writers are shared between two test files (fault-injection-1/2.test.ts), run side by side
 * after the rest of the suite, so that both cores work.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { run as check } from '../../src/cli/commands/check.js';
import { run as confirm } from '../../src/cli/commands/confirm.js';
import { run as memo } from '../../src/cli/commands/memo.js';
import { run as autocode } from '../../src/cli/commands/autocode.js';
import { runDelete, runMerge, runRename, runSplit, runUndo } from '../../src/cli/commands/codebook-edit.js';
import { run as importCodings } from '../../src/cli/commands/import-codings.js';
import { run as merge } from '../../src/cli/commands/merge.js';
import { run as reconcile } from '../../src/cli/commands/reconcile.js';
import { run as importRefi } from '../../src/cli/commands/import-refi.js';
import { INTERVIEW, positions, qdpx, QUOTES } from './refi-projects.js';
import { run as importTranscripts } from '../../src/cli/commands/import.js';
import { run as anonymise } from '../../src/cli/commands/anonymise.js';
import { runRename as renameParticipant } from '../../src/cli/commands/participant.js';
import type { CommandContext } from '../../src/cli/context.js';
import { reportError } from '../../src/cli/report-error.js';
import { setFaults } from '../../src/io/faults.js';
import { cleanTemps, CLI, copyStudy, runCli, runCliAsync, smallSheet, tempDir, type CliResult } from '../helpers.js';
import { studyWithIdentifiers } from './study-with-identifiers.js';

afterAll(cleanTemps);

/**
 * The study's data files (not .codage/, not locks or temporary files), with their text; the ids
 * and times an import gives new segments are left out (they differ from run to run).
 */
function data(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (rel === '.codage' || entry.name.endsWith('.lock') || /^\..*\.tmp$/.test(entry.name) || entry.name.startsWith('import-review-')) continue;
      if (entry.isDirectory()) walk(rel);
      else
        out[rel] = readFileSync(join(dir, rel), 'utf8')
          .replace(/"id": "[^"]*"/g, '"id": "…"')
          .replace(/"at": "[^"]*"/g, '"at": "…"')
          // The time of each decision in a decisions log.
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '…')
          // The time of each memo entry.
          .replace(/^## \d{4}-\d\d-\d\d \d\d:\d\d/gm, '## …');
    }
  };
  walk('');
  return out;
}

/** Locks and temporary files in the study folders codage writes. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  for (const sub of ['', 'codings', 'transcripts']) {
    for (const name of readdirSync(join(dir, sub))) if (name.endsWith('.lock') || name.endsWith('.tmp')) found.push(join(sub, name));
  }
  return found;
}

/** `task` for every item, at most `limit` at a time, results in the items' order. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i] as T);
      }
    }),
  );
  return results;
}

function stepsOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** Which of the two versions the study is in. */
function version(now: Record<string, string>, before: Record<string, string>, after: Record<string, string>): 'before' | 'after' | 'mixed' {
  const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);
  return same(now, before) ? 'before' : same(now, after) ? 'after' : 'mixed';
}

interface Writer {
  name: string;
  /** A fresh study for one run, the command line to run on it, and the same command run in this process. */
  setup(): { dir: string; args: string[]; run: (ctx: CommandContext) => Promise<number> };
}

/**
 * Runs a command's module in this process, as `main` does (the error reporter gives the exit
 * code): the same code as the built command, without starting Node for each of the many runs.
 */
async function runHere(run: (ctx: CommandContext) => Promise<number>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        add(chunk.toString());
        callback();
      },
    });
  const ctx: CommandContext = {
    language: 'en',
    languageFromFlag: true,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  };
  let code: number;
  try {
    code = await run(ctx);
  } catch (error) {
    code = reportError(error, 'en', ctx.stderr);
  }
  return { code, stdout, stderr };
}

const WRITERS: Writer[] = [
  {
    name: 'import-codings (a new coder: codebook.yaml and a new coder file)',
    setup: () => {
      const dir = copyStudy();
      const file = smallSheet();
      return {
        dir,
        args: ['import-codings', file, '--coder', 'nouveau', '--study', dir, '--lang', 'en'],
        run: (ctx) => importCodings(ctx, file, { study: dir, coder: 'nouveau', minScore: '0.85' }),
      };
    },
  },
  {
    name: 'import-codings --append (codebook.yaml and an existing coder file)',
    setup: () => {
      const dir = copyStudy();
      const file = smallSheet();
      return {
        dir,
        args: ['import-codings', file, '--coder', 'paul', '--append', '--study', dir, '--lang', 'en'],
        run: (ctx) => importCodings(ctx, file, { study: dir, coder: 'paul', append: true, minScore: '0.85' }),
      };
    },
  },
  {
    name: 'import-refi (a new transcript, codebook.yaml and two new coder files)',
    setup: () => {
      const dir = copyStudy();
      const file = join(tempDir(), 'atlas.qdpx');
      const at = (quote: string) => positions(INTERVIEW, quote, 'code-points');
      writeFileSync(
        file,
        qdpx({
          form: 'braced',
          users: ['alice', 'bruno'],
          codes: [{ name: 'Impuissance' }, { name: 'Sommeil' }],
          sources: [
            {
              name: 'P1',
              bytes: Buffer.from(INTERVIEW, 'utf8'),
              selections: [
                { quote: QUOTES.demuni, positions: at(QUOTES.demuni), name: QUOTES.demuni, user: 'alice', codes: [{ code: 'Impuissance' }] },
                { quote: QUOTES.dors, positions: at(QUOTES.dors), name: QUOTES.dors, user: 'bruno', codes: [{ code: 'Sommeil' }] },
              ],
            },
          ],
        }),
      );
      return { dir, args: ['import-refi', file, '--study', dir, '--lang', 'en'], run: (ctx) => importRefi(ctx, file, { study: dir }) };
    },
  },
  {
    name: 'check --fix (two coder files re-anchored and codebook ids)',
    setup: () => {
      const dir = copyStudy();
      const transcript = join(dir, 'transcripts/MG1.txt');
      writeFileSync(transcript, readFileSync(transcript, 'utf8').replace("Bonjour, et merci d'avoir accepté", "Bonjour, et merci beaucoup d'avoir accepté"));
      return { dir, args: ['check', '--fix', '--study', dir, '--lang', 'en'], run: (ctx) => check(ctx, { study: dir, fix: true }) };
    },
  },
  {
    name: 'reconcile --strategy union --force (the decisions log and the consensus coder file rebuilt)',
    setup: () => {
      const dir = copyStudy();
      // A first mise en commun of MG1 only; then every double-coded transcript, rebuilt.
      const first = runCli(['reconcile', 'marie', 'paul', '--into', 'consensus', '--strategy', 'prefer-A', '--participants', 'MG1', '--study', dir]);
      if (first.code !== 0) throw new Error(first.stderr);
      return {
        dir,
        args: ['reconcile', 'marie', 'paul', '--into', 'consensus', '--strategy', 'union', '--force', '--study', dir, '--lang', 'en'],
        run: (ctx) => reconcile(ctx, 'marie', 'paul', { study: dir, into: 'consensus', strategy: 'union', force: true }),
      };
    },
  },
  {
    name: "merge (a second coder's copy: codebook.yaml with a new code, and the coder file brought in)",
    setup: () => {
      const dir = copyStudy();
      rmSync(join(dir, 'codings/paul.yaml'));
      const other = copyStudy();
      const codebook = join(other, 'codebook.yaml');
      writeFileSync(codebook, `${readFileSync(codebook, 'utf8')}  - name: Ruralité\n    id: ruralite\n`);
      const paul = join(other, 'codings/paul.yaml');
      writeFileSync(paul, readFileSync(paul, 'utf8').replace('"codes": ["contraintes-de-temps"]', '"codes": ["contraintes-de-temps", "ruralite"]'));
      return {
        dir,
        args: ['merge', other, '--study', dir, '--lang', 'en'],
        run: (ctx) => merge(ctx, other, { study: dir }),
      };
    },
  },
  {
    name: 'import --force (a transcript replaced, its codings re-anchored in both coder files, and a new one)',
    setup: () => {
      const dir = copyStudy();
      const from = tempDir('codage-sources-');
      const files = [join(from, 'MG1.txt'), join(from, 'P20.srt')];
      const body = readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8').split('---\n')[2]!;
      writeFileSync(files[0]!, `Enquêtrice : (version relue)\r\n\r\n${body.replace(/\n/g, '\r\n')}`);
      writeFileSync(files[1]!, '1\r\n00:00:01,000 --> 00:00:03,000\r\nE : Bonjour.\r\n\r\n2\r\n00:00:03,500 --> 00:00:05,000\r\nP20 : Bonjour.\r\n');
      return {
        dir,
        args: ['import', ...files, '--force', '--study', dir, '--lang', 'en'],
        run: (ctx) => importTranscripts(ctx, files, { study: dir, force: true }),
      };
    },
  },
  {
    name: 'anonymise (two transcripts and both coder files, codings moved)',
    setup: () => {
      const dir = copyStudy(namedStudy());
      const key = join(tempDir(), 'key.yaml');
      return { dir, args: ['anonymise', '--key', key, '--study', dir, '--lang', 'en'], run: (ctx) => anonymise(ctx, { study: dir, key }) };
    },
  },
  {
    name: 'anonymise --map with a word kept (front matter and text of two transcripts, both coder files, privacy.yaml)',
    setup: () => {
      identifiers ??= studyWithIdentifiers();
      const dir = copyStudy(identifiers);
      const map = join(tempDir(), 'map.yaml');
      writeFileSync(map, 'Dr Martin: "[Dr A]"\nLyon: "[ville]"\nMme Dubreuil: "[Mme B]"\nRose: "[prénom]"\nFeldenkrais:\n');
      const key = join(tempDir(), 'key.yaml');
      return { dir, args: ['anonymise', '--map', map, '--key', key, '--study', dir, '--lang', 'en'], run: (ctx) => anonymise(ctx, { study: dir, map, key }) };
    },
  },
  {
    name: 'confirm --all (a coder file whose import left segments marked ambiguous)',
    setup: () => {
      const dir = copyStudy();
      const sheet = join(dir, '..', `ambiguous-${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(sheet, 'Participant;Code;Verbatim\nMG1;Lombalgie;lombalgie\n');
      const imported = runCli(['import-codings', sheet, '--coder', 'lea', '--study', dir, '--lang', 'en']);
      if (imported.code !== 0 || !readFileSync(join(dir, 'codings/lea.yaml'), 'utf8').includes('"ambiguous": true')) throw new Error(`setup: ${imported.stderr}`);
      return { dir, args: ['confirm', '--all', '--coder', 'lea', '--study', dir, '--lang', 'en'], run: (ctx) => confirm(ctx, [], { study: dir, coder: 'lea', all: true }) };
    },
  },
  {
    name: 'autocode --by-question (codebook.yaml and a new coder file)',
    setup: () => {
      const dir = copyStudy();
      const guide = join(process.cwd(), 'fixtures/guide/guide-entretien.txt');
      return {
        dir,
        args: ['autocode', '--by-question', '--guide', guide, '--coder', 'lea', '--participants', 'MG1,MG5', '--study', dir, '--lang', 'en'],
        run: (ctx) => autocode(ctx, undefined, { study: dir, coder: 'lea', byQuestion: true, guide, participants: 'MG1,MG5' }),
      };
    },
  },
  {
    name: 'memo (an entry added to an existing memo)',
    setup: () => {
      const dir = copyStudy();
      if (runCli(['memo', 'Frustration', 'First.', '--study', dir]).code !== 0) throw new Error('setup: memo');
      return { dir, args: ['memo', 'Frustration', 'Second.', '--study', dir, '--lang', 'en'], run: (ctx) => memo(ctx, 'Frustration', ['Second.'], { study: dir }) };
    },
  },
  {
    name: 'codebook merge (codebook.yaml and two coder files)',
    setup: () => {
      const dir = copyStudy();
      return {
        dir,
        args: ['codebook', 'merge', 'Frustration', 'Impuissance', '--study', dir, '--lang', 'en'],
        run: (ctx) => runMerge(ctx, 'Frustration', 'Impuissance', { study: dir }),
      };
    },
  },
  {
    name: 'codebook delete --drop-segments (segments removed from two coder files)',
    setup: () => {
      const dir = copyStudy();
      return {
        dir,
        args: ['codebook', 'delete', 'Gratification', '--drop-segments', '--study', dir, '--lang', 'en'],
        run: (ctx) => runDelete(ctx, 'Gratification', { study: dir, dropSegments: true }),
      };
    },
  },
  {
    name: 'participant rename (the transcript renamed, participants.csv, codage.yaml, two coder files)',
    setup: () => {
      const dir = copyStudy();
      return {
        dir,
        args: ['participant', 'rename', 'MG1', 'MG01', '--study', dir, '--lang', 'en'],
        run: (ctx) => renameParticipant(ctx, 'MG1', 'MG01', { study: dir }),
      };
    },
  },
  {
    name: 'codebook rename (codebook.yaml alone)',
    setup: () => {
      const dir = copyStudy();
      return {
        dir,
        args: ['codebook', 'rename', 'Impuissance', 'Sentiment d’impuissance', '--study', dir, '--lang', 'en'],
        run: (ctx) => runRename(ctx, 'Impuissance', 'Sentiment d’impuissance', { study: dir }),
      };
    },
  },
  {
    name: 'codebook undo (of a merge: codebook.yaml and two coder files put back)',
    setup: () => {
      const dir = copyStudy();
      const merged = runCli(['codebook', 'merge', 'Frustration', 'Impuissance', '--study', dir, '--lang', 'en']);
      if (merged.code !== 0) throw new Error(merged.stderr);
      return { dir, args: ['codebook', 'undo', '--study', dir, '--lang', 'en'], run: (ctx) => runUndo(ctx, { study: dir }) };
    },
  },
  {
    name: 'codebook split (a new code in codebook.yaml, segments of two coder files given it)',
    setup: () => {
      const dir = copyStudy();
      const segments = 's8dfahdv=Colère,9782zkej=Colère';
      return {
        dir,
        args: ['codebook', 'split', 'Frustration', '--into', 'Frustration', 'Colère', '--segments', segments, '--study', dir, '--lang', 'en'],
        run: (ctx) => runSplit(ctx, 'Frustration', { study: dir, into: ['Frustration', 'Colère'], segments: [segments] }),
      };
    },
  },
];

let named: string | undefined;
let identifiers: string | undefined;
/** The demo study with names in coded passages of two transcripts, its codings re-anchored (made once). */
function namedStudy(): string {
  if (named !== undefined) return named;
  const dir = copyStudy();
  const a1 = join(dir, 'transcripts/A1.txt');
  writeFileSync(a1, readFileSync(a1, 'utf8').replace('Merci de voir Mme Y pour', 'Merci de voir Mme Dubreuil pour'));
  const mg1 = join(dir, 'transcripts/MG1.txt');
  writeFileSync(mg1, readFileSync(mg1, 'utf8').replace('le Dr Y. Donc', 'le Dr Lefebvre. Donc'));
  if (runCli(['check', '--fix', '--study', dir]).code !== 0) throw new Error('check --fix failed on the named study');
  named = dir;
  return dir;
}

/** Declares the fault tests of one shard: every `of`-th writer from `index`, and the coding screen's saves if `screen`. */
export function defineFaultTests(shard: { index: number; of: number; screen: boolean }): void {
  describe.each(WRITERS.filter((_, i) => i % shard.of === shard.index))('$name', (writer) => {
    let reference: { dir: string; args: string[] };
    let referenceRun: CliResult;
    let before: Record<string, string>;
    let after: Record<string, string>;
    let steps: string[];

    // The reference run of the built command: what "completely updated" is, and every step it takes.
    beforeAll(() => {
      reference = writer.setup();
      before = data(reference.dir);
      const log = join(tempDir(), 'steps.log');
      referenceRun = runCli(reference.args, { env: { CODAGE_TEST_STEPS: log } });
      after = data(reference.dir);
      steps = stepsOf(log);
    });

    afterAll(() => setFaults({}));

    it('changes the study when nothing fails, and records its steps', () => {
      expect(referenceRun.stderr).not.toContain('internal error');
      expect(version(after, before, after)).toBe('after');
      expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
      expect(steps).toEqual(expect.arrayContaining(['lock#1', 'temp-write#1', 'fsync#1', 'backup#1', 'rename#1']));
      expect(leftovers(reference.dir)).toEqual([]);
    });

    it('runs the same steps in this process as the built command', async () => {
      const { run } = writer.setup();
      const here: string[] = [];
      setFaults({ steps: here });
      const r = await runHere(run);
      setFaults({});
      expect(r.code).toBe(referenceRun.code);
      expect(here).toEqual(steps);
    });

    it('with a failure at each step: unchanged or completely updated, and says which', async () => {
      const outcomes: string[] = [];
      for (const step of steps) {
        const { dir, run } = writer.setup();
        setFaults({ failAt: `${step}:EIO` });
        const r = await runHere(run);
        setFaults({});
        const now = version(data(dir), before, after);
        outcomes.push(`${step}: exit ${r.code}, ${now}`);
        expect(r.code, `${step}: ${r.stderr}`).toBeLessThan(2);
        expect(now, `${step}: ${r.stderr}`).not.toBe('mixed');
        if (r.code === 0) expect(now, step).toBe('after');
        if (/Nothing was changed/.test(r.stderr)) expect(now, `${step}: ${r.stderr}`).toBe('before');
        if (r.code === 1 && now === 'before') expect(r.stderr, step).toMatch(/Nothing was changed|input\/output error/);
        expect(leftovers(dir), step).toEqual([]);
      }
      // Failures before the renames leave the study as it was; failures there were.
      expect(outcomes.some((o) => o.endsWith('exit 1, before'))).toBe(true);
    }, 120_000);

    it('killed after each rename or after its journal: the next command finds it unchanged or completes it', async () => {
      const points = steps.filter((s) => s.startsWith('rename#') || s.startsWith('journal#'));
      expect(points.length).toBeGreaterThan(0);
      await pool(points, 3, async (step) => {
        const { dir, args } = writer.setup();
        const r = await runCliAsync(args, { env: { CODAGE_TEST_CRASH_AT: `after-${step}` } });
        expect(r.code, step).toBe(-1); // killed
        // Any next command completes an interrupted change before reading.
        const next = await runHere((ctx) => check(ctx, { study: dir, json: true }));
        expect(next.stderr, step).toBe('');
        expect(version(data(dir), before, after), step).not.toBe('mixed');
      });
    }, 240_000);
  });

  if (shard.screen) describe('the coding screen’s saves (a new code, then a coded sentence), in a real terminal', () => {
    const ENTER = '\r';
    const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]|\x1b\][^\x07]*\x07/g;

    /** One session: a new code "Ruralité" created and applied to the next uncoded sentence of MG2, then quit. */
    async function session(dir: string, env: Record<string, string>): Promise<{ exit: number; screen: string }> {
      const term = pty.spawn(process.execPath, [CLI, 'code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en'], {
        name: 'xterm-256color',
        cols: 100,
        rows: 30,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', TERM: 'xterm-256color', TZ: 'UTC', ...env },
      });
      let raw = '';
      term.onData((d) => (raw += d));
      let exited = false;
      const exit = new Promise<number>((resolve) =>
        term.onExit(({ exitCode, signal }) => {
          exited = true;
          resolve(signal ? -1 : exitCode);
        }),
      );
      const plain = () => raw.replace(ANSI, '');
      /**
       * Waits for the screen to show `text`; false at once when the session ended or the screen says
       * something failed (then the next keys would land elsewhere).
       */
      const waitFor = async (text: string, ms = 5000): Promise<boolean> => {
        const until = Date.now() + ms;
        for (;;) {
          const now = plain();
          if (now.includes(text)) return true;
          if (exited || Date.now() > until || /NOT SAVED|not created|Could not/.test(now)) return false;
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      const type = async (keys: string) => {
        term.write(keys);
        await new Promise((r) => setTimeout(r, 100));
      };
      // Each key once the screen is ready for it; at the first screen not reached, stop typing.
      const script: [string | null, string][] = [
        ['sentence 1/', '\t'],
        ['sentence 2/', ENTER],
        ['type to filter', 'Ruralité'],
        // The name typed is the new code's: Enter goes on to its theme, Enter again: not yet grouped.
        ['creates the code "Ruralité"', ENTER],
        ['Where does the new code', ENTER],
      ];
      for (const [screen, keys] of script) {
        if (screen !== null && !(await waitFor(screen, screen === 'sentence 1/' ? 15_000 : 5000))) {
          if (process.env.DEBUG_PTY) console.log('STOPPED AT', screen, plain().slice(-1500));
          break;
        }
        // The first key only once the screen listens to the keyboard.
        if (screen === 'sentence 1/') await new Promise((r) => setTimeout(r, 300));
        await type(keys);
      }
      await waitFor('saved at', 3000);
      // Whatever the screen shows now (an error, a prompt), the session ends as when the terminal
      // window is closed: SIGTERM.
      // A command that failed before showing the screen is on its way out: let it end by itself.
      const ending = /(^|\n)error: /.test(plain());
      await Promise.race([exit, new Promise((r) => setTimeout(r, ending ? 5000 : 300))]);
      if (!exited) term.kill('SIGTERM');
      const killer = setTimeout(() => term.kill('SIGKILL'), 10_000);
      const code = await exit;
      clearTimeout(killer);
      return { exit: code, screen: plain() };
    }

    it('with a failure at each step: the codebook and the coder file are each unchanged or completely updated', async () => {
      const reference = copyStudy();
      const codebookBefore = readFileSync(join(reference, 'codebook.yaml'), 'utf8');
      const coderBefore = readFileSync(join(reference, 'codings/marie.yaml'), 'utf8');
      const log = join(tempDir(), 'steps.log');
      const ref = await session(reference, { CODAGE_TEST_STEPS: log });
      expect([0, 143]).toContain(ref.exit);
      const codebookAfter = readFileSync(join(reference, 'codebook.yaml'), 'utf8');
      expect(codebookAfter).toContain('name: Ruralité');
      expect(readFileSync(join(reference, 'codings/marie.yaml'), 'utf8')).toContain('"codes": ["ruralite"]');
      const steps = stepsOf(log);
      expect(steps.length).toBeGreaterThan(8);

      const runs = await pool(steps, 3, async (step) => {
        const dir = copyStudy();
        return { step, dir, r: await session(dir, { CODAGE_TEST_FAIL_AT: `${step}:EIO` }) };
      });
      for (const { step, dir, r } of runs) {
        const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
        const coder = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
        expect([codebookBefore, codebookAfter], step).toContain(codebook);
        // The coder file is as it was, or has exactly one more line: the sentence coded with the new
        // code (its id and time differ from run to run) — and then the codebook has the code.
        // The header comment is written in the study's language when codage rewrites the file.
        const content = (text: string) => text.split('\n').filter((l) => !l.startsWith('#'));
        const lines = content(coder);
        const beforeLines = new Set(content(coderBefore));
        const added = lines.filter((l) => !beforeLines.has(l));
        expect(lines.filter((l) => beforeLines.has(l)), step).toEqual(content(coderBefore));
        if (added.length > 0) {
          expect(added, `${step}\n${r.screen.slice(-600)}`).toHaveLength(1);
          expect(added[0], step).toMatch(/^ {2}- \{"id": "[0-9a-z]+", "participant": "MG2", .*"codes": \["ruralite"\]/);
          expect(codebook, `${step}: a segment uses a code the codebook lacks`).toBe(codebookAfter);
        }
        expect([0, 1, 143], `${step}\n${r.screen.slice(-400)}`).toContain(r.exit);
        expect(r.exit, `${step} (killed: the session did not end)\n${r.screen.slice(-1500)}`).not.toBe(-1);
        expect(leftovers(dir), `${step}\n${r.screen.slice(-1500)}`).toEqual([]);
        expect(runCli(['check', '--study', dir]).code, step).toBe(0);
      }
    }, 240_000);
  });
}
