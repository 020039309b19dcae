/**
 * `codage reconcile` end to end, as two researchers use it: the built binary in a real
 * pseudo-terminal (node-pty), decisions typed, the session quit and resumed, then the files on
 * disk checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';
import { startCodage } from './support/pty.js';

afterAll(cleanTemps);

const start = (args: string[], size = { cols: 100, rows: 30 }) => startCodage(args, size);

/** The log's rows by column: the demo is a French study, so its log is in French (--lang is for messages). */
function logRows(dir: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, 'consensus-decisions.csv'), 'utf8'), { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
}

const ARGS = (dir: string) => ['reconcile', 'marie', 'paul', '--into', 'consensus', '--study', dir, '--lang', 'en'];

describe('codage reconcile in a real terminal', () => {
  it('saves each decision at once, resumes where the coders stopped, and ends with a valid consensus', async () => {
    const dir = copyStudy();
    const s = start(ARGS(dir));
    await s.waitFor('Reconciling · marie / paul → consensus');
    await s.waitFor('0/94 settled · disagreement 1/94');
    await s.type('a');
    await s.waitFor("Decision saved: keep marie's coding.");
    await s.type('b');
    await s.waitFor('2/94 settled');
    await s.type('n');
    await s.waitFor('Note on this disagreement:');
    await s.type('to ask the supervisor\r');
    await s.waitFor('Note saved.');
    await s.type('s'); // skip it
    await s.waitFor('disagreement 4/94');
    await s.type('0');
    await s.waitFor('3/94 settled');
    await s.type('q');
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('disagreements: 94, 3 settled and 91 waiting');

    const rows = logRows(dir);
    expect(rows.map((r) => [r.décision, r.note, r.qui])).toEqual([
      ['garder A', '', 'marie et paul'],
      ['garder B', '', 'marie et paul'],
      ['', 'to ask the supervisor', 'marie et paul'],
      ['aucun', '', 'marie et paul'],
    ]);
    // The consensus is unfinished: check and the exports say so (it is what they show by default).
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('warning: the reconciliation of marie and paul into "consensus" leaves 91 of 94 disagreement(s) to settle');
    const exported = runCli(['export', 'themes', '--study', dir, '--lang', 'en']);
    expect(exported.stderr).toContain('leaves 91 of 94 disagreement(s) to settle; this coding is not yet the study\'s. To do: codage reconcile marie paul --into consensus');
    expect(runCli(['export', 'themes', '--coder', 'marie', '--study', dir, '--lang', 'en']).stderr).not.toContain('disagreement');

    // Resumed: opens on the first disagreement still waiting (the noted one), with its note.
    const again = start(ARGS(dir));
    await again.waitFor('3/94 settled · disagreement 3/94');
    await again.waitFor('Note: to ask the supervisor');
    await again.type('2');
    await again.waitFor('4/94 settled');
    await again.type('q');
    expect(await again.exit).toBe(0);
    expect(logRows(dir)[2]).toMatchObject({ décision: 'les deux', note: 'to ask the supervisor' });

    // The rest by a rule; then the consensus is complete and valid.
    const rest = runCli([...ARGS(dir), '--strategy', 'prefer-a']);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain('94 settled (90 by the strategy prefer-a now) and 0 waiting');
    expect(runCli(['check', '--study', dir, '--lang', 'en']).stdout).not.toContain('to settle');
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    expect(runCli(['stats', '--study', dir, '--coder', 'consensus']).code).toBe(0);
  }, 60_000);

  it('loses nothing when the terminal is killed right after a decision, and fits 80×24', async () => {
    const dir = copyStudy();
    const s = start(ARGS(dir), { cols: 80, rows: 24 });
    await s.waitFor('0/94 settled');
    await s.type('b');
    await s.waitFor('1/94 settled');
    s.term.kill('SIGKILL');
    await s.exit;
    expect(logRows(dir).map((r) => r.décision)).toEqual(['garder B']);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    // The dead session's locks do not block the next one, which finds its decision.
    const next = start(ARGS(dir));
    await next.waitFor('1/94 settled');
    await next.type('q');
    expect(await next.exit).toBe(0);
  }, 60_000);

  it('says before the coders start which decisions of the log no longer apply', async () => {
    const dir = copyStudy();
    expect(runCli([...ARGS(dir), '--strategy', 'prefer-a']).code).toBe(0);
    // paul takes a code off a segment: the disagreement decided there is gone.
    const file = join(dir, 'codings/paul.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"codes": ["ecoute-empathie", "alliance-therapeutique"]', '"codes": ["ecoute-empathie"]'));
    const s = start([...ARGS(dir), '--force'], { cols: 120, rows: 30 });
    await s.waitFor('Before you start');
    await s.waitFor('1 decision(s) in the log no longer match a disagreement (a coding changed since): MG1 line 16;');
    await s.type('x');
    await s.waitFor('93/93 settled');
    await s.type('q');
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('1 decision(s) in the log no longer match a disagreement');
    expect(logRows(dir).filter((r) => r.désaccord!.startsWith('MG1|one-sided||1084-1128:alliance-therapeutique|'))).toHaveLength(1);
  }, 60_000);

  it('says before the coders start that a transcript its only coder coded on since is copied again into the consensus', async () => {
    const dir = copyStudy();
    expect(runCli([...ARGS(dir), '--strategy', 'prefer-a']).code).toBe(0);
    // marie codes one more sentence in MG2, which paul never coded.
    const mg2 = readFileSync(join(dir, 'transcripts/MG2.txt'), 'utf8');
    const body = mg2.slice(mg2.indexOf('\n---\n', 3) + 5).replace(/\r\n?/g, '\n');
    const quote = 'J’en ai… j’en ai des dizaines.';
    const at = Array.from(body.slice(0, body.indexOf(quote))).length;
    const line = `  - ${JSON.stringify({ id: 'newseg01', participant: 'MG2', start: at, end: at + Array.from(quote).length, codes: ['impuissance'], text: quote })}\n`;
    const file = join(dir, 'codings/marie.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\nsegments:\n', `\nsegments:\n${line}`));
    const s = start(ARGS(dir), { cols: 160, rows: 30 });
    await s.waitFor('Before you start');
    await s.waitFor('Copied again into codings/consensus.yaml as they are today (their only coder coded on since the last reconciliation): MG2 (marie).');
    await s.type('x');
    await s.waitFor('94/94 settled');
    await s.type('q');
    expect(await s.exit).toBe(0);
    expect(readFileSync(join(dir, 'codings/consensus.yaml'), 'utf8')).toContain('"id": "newseg01"');
  }, 60_000);

  it('refuses a second session on the same consensus', async () => {
    const dir = copyStudy();
    const first = start(ARGS(dir));
    await first.waitFor('0/94 settled');
    const second = runCli([...ARGS(dir), '--strategy', 'union']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/codings\/consensus\.yaml is being written by another codage \(pid \d+, codage reconcile marie paul --into consensus/);
    await first.type('q');
    expect(await first.exit).toBe(0);
  }, 60_000);
});
