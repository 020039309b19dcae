/**
 * The thesis texts (`export methods`, `export coreq` item 24, `export report`) say how the two
 * coders' disagreements were settled, from the decisions log `codage reconcile` wrote: one by one
 * by the coders (the reconcile screen), by a `--strategy` rule, or both — on copies of the demo
 * study (marie and paul, 94 disagreements).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';

afterAll(cleanTemps);

const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

function reconciled(strategy: string, ...args: string[]): string {
  const dir = copyStudy();
  const r = runCli(['reconcile', 'marie', 'paul', '--into', 'consensus', '--strategy', strategy, '--study', dir, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

function exported(dir: string, what: string, ...args: string[]): string {
  const r = runCli(['export', what, '--study', dir, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return plain(r.stdout);
}

/** COREQ item 24's answer, from the Markdown table. */
function item24(dir: string, ...args: string[]): string {
  const row = exported(dir, 'coreq', ...args)
    .split('\n')
    .find((line) => line.includes('| 24 |'));
  return row!.split('|')[5]!.trim();
}

/** Rewrites the log's `qui` column of the first `count` rows as the reconcile screen writes it (both coders). */
function decidedInScreen(dir: string, count: number): void {
  const file = join(dir, 'consensus-decisions.csv');
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
  for (const row of rows.slice(0, count)) row.qui = 'marie et paul';
  writeFileSync(file, `\ufeff${stringify(rows, { header: true, columns: Object.keys(rows[0]!), delimiter: ';', record_delimiter: '\r\n' })}`);
}

const LOG = 'Les décisions sont consignées dans le journal consensus-decisions.csv.';

describe('how the consensus was reached, in the thesis texts', () => {
  it('says a strategy settled every disagreement without discussion, which one and what it kept — never "after discussion"', () => {
    const dir = reconciled('union');
    const ruled = `Les 94 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés). ${LOG}`;
    expect(exported(dir, 'methods')).toContain(`pour les 8 autres. ${ruled} Le codage retenu (consensus)`);
    expect(item24(dir)).toContain(`(8 autres : codage d’un seul codeur repris tel quel). ${ruled} Kappa de Cohen`);
    const english = item24(dir, '--lang', 'en');
    expect(english).not.toContain('discussion');
    expect(english).toContain('codings pooled into a consensus on 4/12 interviews (8 others: one coder’s coding as it stood). The 94 disagreements between the coders were settled automatically, without examining each one, by codage reconcile’s strategy “union” (both codings kept). The decisions are recorded in the log consensus-decisions.csv.');
    expect(exported(dir, 'report', '--format', 'md')).toContain(ruled);
  });

  it('names the rule of each strategy, and the coder whose coding it kept', () => {
    const kept: Record<string, string> = { intersection: 'seuls les codages communs aux deux codeurs gardés', 'prefer-a': 'codage de marie gardé', 'prefer-b': 'codage de paul gardé' };
    for (const [strategy, outcome] of Object.entries(kept)) {
      expect(exported(reconciled(strategy), 'methods')).toContain(`Les 94 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « ${strategy} » de codage reconcile (${outcome}).`);
    }
  });

  it('says the coders examined them one by one when they decided them in the reconcile screen, and gives each share of a mix', () => {
    const dir = reconciled('union');
    decidedInScreen(dir, 94);
    const methods = exported(dir, 'methods');
    expect(methods).toContain(`Les 94 désaccords entre les codeurs ont été examinés un à un et tranchés par marie et paul. ${LOG}`);
    expect(methods).not.toContain('automatiquement');
    // The French log's default who (« marie et paul ») in English methods: the names, joined in English.
    expect(exported(dir, 'methods', '--lang', 'en')).toContain('The 94 disagreements between the coders were examined one by one and settled by marie and paul. The decisions are recorded in the log consensus-decisions.csv.');
    const mixed = reconciled('union');
    decidedInScreen(mixed, 10);
    expect(item24(mixed)).toContain(
      `Sur les 94 désaccords entre les codeurs, 10 ont été examinés un à un et tranchés par marie et paul ; 84 ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés). ${LOG}`,
    );
  });

  it('keeps the rule in the log when --who names people, so that a rule’s decisions never pass for the coders’ own', () => {
    const dir = reconciled('prefer-a', '--who', 'marie et paul');
    const rows = parse(readFileSync(join(dir, 'consensus-decisions.csv'), 'utf8'), { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row.qui))).toEqual(new Set(['marie et paul (codage reconcile --strategy prefer-a)']));
    expect(exported(dir, 'methods')).toContain('Les 94 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « prefer-a » de codage reconcile, choisie par marie et paul (codage de marie gardé).');
    // Who chose the rule, in English too (the names joined in English), in the methods and COREQ item 24.
    const english = 'The 94 disagreements between the coders were settled automatically, without examining each one, by codage reconcile’s strategy “prefer-a”, chosen by marie and paul (marie’s coding kept).';
    expect(exported(dir, 'methods', '--lang', 'en')).toContain(english);
    expect(item24(dir, '--lang', 'en')).toContain(english);
  });

  it('finds the log under the name given with --log', () => {
    const dir = reconciled('union', '--log', 'mise-en-commun.csv');
    expect(exported(dir, 'methods')).toContain('Les 94 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés). Les décisions sont consignées dans le journal mise-en-commun.csv.');
  });

  it('says nothing of how they were settled without the log, nor a total the log does not match', () => {
    const dir = reconciled('union');
    rmSync(join(dir, 'consensus-decisions.csv'));
    const methods = exported(dir, 'methods');
    expect(methods).toContain('le codage retenu est issu de la mise en commun de leurs codages pour les 4 entretiens codés par plus d’un codeur');
    expect(methods).not.toMatch(/désaccords|journal/u);
    expect(item24(dir, '--lang', 'en')).not.toMatch(/discussion|disagreements/u);

    // Rows taken out of the log by hand: only the decisions it still holds are counted.
    const edited = reconciled('union');
    const file = join(edited, 'consensus-decisions.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    writeFileSync(file, [lines[0], ...lines.slice(5)].join('\r\n'));
    expect(exported(edited, 'methods')).toContain(' 90 désaccords ont été tranchés automatiquement, sans examen au cas par cas');
  });
});
