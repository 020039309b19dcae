/**
 * `codage codebook` on copies of the demo study (two coders, marie and paul): the tree, and each
 * edit followed by `codage check`, with the segment counts compared before and after.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, type CliResult } from './helpers.js';

afterAll(cleanTemps);

/** Each test runs the built command several times: on a loaded machine, that takes a while. */
const SLOW = 180_000;

interface TreeRow {
  kind: 'theme' | 'code';
  id: string;
  name: string;
  path: string[];
  participants: number;
  references: number;
  inCodebook: boolean;
  unused: boolean;
}

function ok(r: CliResult): CliResult {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

function tree(dir: string, coder?: string, strict = true): TreeRow[] {
  const r = (strict ? ok : (x: CliResult) => x)(runCli(['codebook', '--json', '--study', dir, ...(coder ? ['--coder', coder] : [])]));
  return (JSON.parse(r.stdout) as { tree: TreeRow[] }).tree;
}

/** References per code: one coder's, or (no coder given) both coders' of the demo together. */
function refs(dir: string, coder?: string): Record<string, number> {
  if (coder === undefined) {
    const sum: Record<string, number> = {};
    for (const one of ['marie', 'paul']) for (const [id, n] of Object.entries(refs(dir, one))) sum[id] = (sum[id] ?? 0) + n;
    return sum;
  }
  return Object.fromEntries(tree(dir, coder).filter((r) => r.kind === 'code').map((r) => [r.id, r.references]));
}

/** Segments per coder file, by id: what every edit must keep (ids, spans, texts). */
function segmentIds(dir: string): string[] {
  const ids: string[] = [];
  for (const coder of ['marie', 'paul']) {
    for (const m of readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8').matchAll(/\{"id": "([^"]+)", "participant": "[^"]+", "start": (\d+), "end": (\d+)/g)) {
      ids.push(`${coder}:${m[1]}:${m[2]}-${m[3]}`);
    }
  }
  return ids.sort();
}

function checkPasses(dir: string): void {
  const r = runCli(['check', '--json', '--study', dir]);
  const report = JSON.parse(r.stdout) as { ok: boolean; errors: number; problems: unknown[] };
  expect(report.errors, JSON.stringify(report.problems, null, 2)).toBe(0);
  expect(r.code).toBe(0);
}

function edit(dir: string, ...args: string[]): CliResult {
  return ok(runCli(['codebook', ...args, '--study', dir, '--lang', 'en']));
}

/** Comment lines of the demo codebook: every edit keeps them. */
function comments(text: string): string[] {
  return text.split('\n').filter((l) => /^\s*#/.test(l));
}

describe('codage codebook (the tree)', () => {
  it('shows every theme and code with n/N, references and definition, and flags unused and missing codes', () => {
    const dir = copyStudy();
    // A code nobody uses, and a coding whose code the codebook lacks.
    writeFileSync(join(dir, 'codebook.yaml'), `${readFileSync(join(dir, 'codebook.yaml'), 'utf8')}  - name: Pas encore utilisé\n    id: pas-encore\n    definition: Un code créé d'avance.\n`);
    const marie = join(dir, 'codings/marie.yaml');
    writeFileSync(marie, readFileSync(marie, 'utf8').replace('"codes": ["delais-d-acces"]', '"codes": ["delais-d-acces", "code-oublie"]'));
    const r = runCli(['codebook', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the study has 1 error(s), such as codings/marie.yaml:13:5: Unknown code');
    expect(r.stdout).toMatch(/^Theme \/ code +n\/N +Refs +Definition$/m);
    // The counts of the coding the exports show (codage.yaml's coder: marie), said under the tree.
    expect(r.stdout).toMatch(/^▸ Vécu du médecin +12\/12 +72 +Ce que le médecin ressent/m);
    expect(r.stdout).toMatch(/^ {4}Impuissance +11\/12 +21 +Le médecin dit ne plus savoir/m);
    expect(r.stdout).toContain('(counts of the coding "marie", the one the exports show; --coder NAME for another coder)');
    expect(r.stdout).toMatch(/^Pas encore utilisé · never used +0\/12 +0 +Un code créé d'avance\.$/m);
    expect(r.stdout).toMatch(/^code-oublie ⚠ not in the codebook +1\/12 +1 *$/m);
    expect(r.stdout).toContain('1 code(s) never used');
    expect(r.stdout).toContain('1 code(s) used but missing from the codebook (code-oublie)');
    const json = tree(dir, undefined, false);
    expect(json.find((row) => row.id === 'pas-encore')).toMatchObject({ unused: true, references: 0 });
    expect(json.find((row) => row.id === 'code-oublie')).toMatchObject({ inCodebook: false, references: 1 });
    // The counts are those of stats, per coder too.
    const stats = JSON.parse(runCli(['stats', '--json', '--coder', 'paul', '--study', dir]).stdout) as { tree: { id: string; references: number }[] };
    const paul = Object.fromEntries(tree(dir, 'paul', false).map((row) => [row.id, row.references]));
    for (const row of stats.tree) if (row.id in paul) expect(paul[row.id]).toBe(row.references);
  }, SLOW);

  it('speaks French with French typography', () => {
    const dir = copyStudy();
    const r = runCli(['codebook', '--study', dir, '--lang', 'fr']);
    expect(r.stdout).toMatch(/^Thème \/ code +n\/N +Réf\. +Définition$/m);
    const merged = runCli(['codebook', 'merge', 'Frustration', 'Impuissance', '--study', dir, '--lang', 'fr']);
    expect(merged.stdout).toContain('✓ «\u00a0Frustration\u00a0» fusionné dans «\u00a0Impuissance\u00a0»\u00a0: 14 segment(s) (marie 10, paul 4)');
  }, SLOW);
});

describe('codage codebook edits, across two coder files', () => {
  it('rename: the codebook alone changes, every coding keeps its code, check passes', () => {
    const dir = copyStudy();
    const before = refs(dir);
    const ids = segmentIds(dir);
    const coderFiles = ['marie', 'paul'].map((c) => readFileSync(join(dir, `codings/${c}.yaml`), 'utf8'));
    const text = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const r = edit(dir, 'rename', 'Impuissance', "Sentiment d'impuissance");
    expect(r.stdout).toContain('✓ Renamed the code “Impuissance” to “Sentiment d\'impuissance”. Its id stays impuissance: every segment keeps it.');
    expect(refs(dir)).toEqual(before);
    expect(segmentIds(dir)).toEqual(ids);
    expect(['marie', 'paul'].map((c) => readFileSync(join(dir, `codings/${c}.yaml`), 'utf8'))).toEqual(coderFiles);
    const after = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(comments(after)).toEqual(comments(text));
    expect(tree(dir).find((row) => row.id === 'impuissance')?.name).toBe("Sentiment d'impuissance");
    checkPasses(dir);
  }, SLOW);

  it('merge: A’s segments carry B once, A leaves the codebook, no segment is lost', () => {
    const dir = copyStudy();
    const before = refs(dir);
    const ids = segmentIds(dir);
    const r = edit(dir, 'merge', 'Frustration', 'Impuissance', '--json');
    const out = JSON.parse(r.stdout) as { coders: { coder: string; segments: number; alreadyHad: number }[] };
    const both = out.coders.reduce((n, c) => n + c.alreadyHad, 0);
    const now = refs(dir);
    expect(now.frustration).toBeUndefined();
    expect(now.impuissance).toBe((before.impuissance ?? 0) + (before.frustration ?? 0) - both);
    for (const id of Object.keys(before)) if (id !== 'frustration' && id !== 'impuissance') expect(now[id], id).toBe(before[id]);
    expect(out.coders.map((c) => c.coder)).toEqual(['marie', 'paul']);
    expect(segmentIds(dir)).toEqual(ids);
    checkPasses(dir);
  }, SLOW);

  it('move: a code, then a whole sub-theme into a new theme; the counts do not move', () => {
    const dir = copyStudy();
    const before = refs(dir);
    edit(dir, 'move', 'Humour', '--to', 'Vécu du médecin > Ressources du médecin');
    const r = edit(dir, 'move', 'Émotions négatives', '--to', 'Relation médecin-patient > Ce que vit le médecin');
    expect(r.stdout).toContain('✓ Created the theme “Relation médecin-patient > Ce que vit le médecin”.');
    expect(r.stdout).toContain('✓ Moved the theme “Émotions négatives” with its 3 code(s) to “Relation médecin-patient > Ce que vit le médecin”.');
    const rows = tree(dir);
    expect(rows.find((row) => row.id === 'humour')?.path).toEqual(['Vécu du médecin', 'Ressources du médecin']);
    expect(rows.find((row) => row.id === 'frustration')?.path).toEqual(['Relation médecin-patient', 'Ce que vit le médecin', 'Émotions négatives']);
    expect(refs(dir)).toEqual(before);
    checkPasses(dir);
  }, SLOW);

  it('delete: refused while segments use the code; --drop-segments, then undo, puts every file back byte for byte', () => {
    const dir = copyStudy();
    const files = ['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'];
    const original = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const refused = runCli(['codebook', 'delete', 'Gratification', '--study', dir, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('18 segment(s) carry the code "Gratification" (marie 11, paul 7): it is not deleted');
    expect(files.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(original);

    const before = refs(dir);
    const r = edit(dir, 'delete', 'Gratification', '--drop-segments');
    expect(r.stdout).toContain('18 segment(s) (marie 11, paul 7) no longer carry it; 17 had no other code and are removed.');
    const now = refs(dir);
    expect(now.gratification).toBeUndefined();
    expect(segmentIds(dir).length).toBe(439 - 17);
    checkPasses(dir);
    const undo = edit(dir, 'undo');
    expect(undo.stdout).toContain('✓ Undone: codage codebook delete Gratification --drop-segments');
    expect(files.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(original);
    expect(refs(dir)).toEqual(before);
    checkPasses(dir);
  }, SLOW);

  it('delete --merge-into is a merge; an empty theme is deleted, a full one refused', () => {
    const dir = copyStudy();
    const before = refs(dir);
    edit(dir, 'delete', 'Gratification', '--merge-into', 'Prise de distance');
    expect(refs(dir)['prise-de-distance']).toBeGreaterThan(before['prise-de-distance'] ?? 0);
    const full = runCli(['codebook', 'delete', 'Ressources du médecin', '--study', dir, '--lang', 'en']);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('still holds 1 code(s) or sub-theme(s)');
    edit(dir, 'move', 'Prise de distance', '--to', 'Émotions négatives');
    edit(dir, 'delete', 'Ressources du médecin');
    expect(tree(dir).some((row) => row.id === 'ressources-du-medecin')).toBe(false);
    checkPasses(dir);
  }, SLOW);

  it('undo goes back edit by edit, last first, and each step leaves check passing', () => {
    const dir = copyStudy();
    const snapshot = () => ['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const states = [snapshot()];
    edit(dir, 'rename', 'Impuissance', 'Sentiment d’impuissance');
    states.push(snapshot());
    edit(dir, 'merge', 'Frustration', 'Sentiment d’impuissance');
    states.push(snapshot());
    edit(dir, 'move', 'Épuisement', '--ungrouped');
    states.push(snapshot());
    edit(dir, 'add', 'Autodérision', '--theme', 'Vécu du médecin', '--definition', 'Rire de soi.');
    const list = JSON.parse(edit(dir, 'undo', '--list', '--json').stdout) as { command: string }[];
    // On the terminal, when each edit was made reads as a date and a time (TZ=UTC here), not an ISO instant.
    expect(edit(dir, 'undo', '--list').stdout).toMatch(/^#4 \d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}codage codebook add Autodérision/m);
    expect(list.map((e) => e.command)).toEqual([
      'codage codebook add Autodérision --theme "Vécu du médecin"',
      'codage codebook move Épuisement --ungrouped',
      'codage codebook merge Frustration "Sentiment d’impuissance"',
      'codage codebook rename Impuissance "Sentiment d’impuissance"',
    ]);
    for (let i = states.length - 1; i >= 0; i--) {
      edit(dir, 'undo');
      expect(snapshot()).toEqual(states[i]);
      checkPasses(dir);
    }
    const none = runCli(['codebook', 'undo', '--study', dir, '--lang', 'en']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no codebook edit to undo.');
  }, SLOW);

  it('undo refuses when a file changed after the edit, and changes nothing', () => {
    const dir = copyStudy();
    edit(dir, 'merge', 'Frustration', 'Impuissance');
    const paul = join(dir, 'codings/paul.yaml');
    writeFileSync(paul, readFileSync(paul, 'utf8').replace('"codes": ["contraintes-de-temps"]', '"codes": ["contraintes-de-temps", "impuissance"]'));
    const files = ['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const r = runCli(['codebook', 'undo', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('codings/paul.yaml changed after this edit (codage codebook merge Frustration Impuissance): undoing it would lose those changes, so nothing was undone.');
    expect(r.stderr).toMatch(/are in \.codage\/history\/\d+\/ \([^)]*\d-paul\.yaml → codings\/paul\.yaml[^)]*\): to take it back by hand/);
    expect(['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(files);
  }, SLOW);

  it('refuses the whole edit when a coder file cannot be rewritten: nothing is written', () => {
    const dir = copyStudy();
    const paul = join(dir, 'codings/paul.yaml');
    writeFileSync(paul, readFileSync(paul, 'utf8').replace('coder: paul', 'coder: paul\ncoder: paul'));
    const files = ['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const r = runCli(['codebook', 'merge', 'Frustration', 'Impuissance', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^codings\/paul\.yaml:\d+:\d+: error: codings\/paul\.yaml cannot be read completely, so codage will not rewrite it/m);
    expect(['codebook.yaml', 'codings/marie.yaml', 'codings/paul.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(files);
  }, SLOW);

  it('split: the listed segments get the new code, the others keep the code; undo joins them again', () => {
    const dir = copyStudy();
    const before = refs(dir);
    const ids = segmentIds(dir);
    const listed = JSON.parse(runCli(['segments', '--code', 'frustration', '--json', '--study', dir]).stdout) as { segment: string; coder: string }[];
    const chosen = [...listed.filter((s) => s.coder === 'marie').slice(0, 3), ...listed.filter((s) => s.coder === 'paul').slice(0, 2)].map((s) => ({ ...s, id: s.segment }));
    expect(new Set(chosen.map((s) => s.coder))).toEqual(new Set(['marie', 'paul']));
    const r = edit(dir, 'split', 'Frustration', '--into', 'Frustration', 'Colère', '--segments', chosen.map((s) => `${s.id}=Colère`).join(','));
    expect(r.stdout).toContain(`✓ Split “Frustration” into “Frustration” (${(before.frustration ?? 0) - 5} segment(s)), “Colère” (5 segment(s)).`);
    const now = refs(dir);
    expect(now.colere).toBe(5);
    expect(now.frustration).toBe((before.frustration ?? 0) - 5);
    expect(tree(dir).find((row) => row.id === 'colere')?.path).toEqual(['Vécu du médecin', 'Émotions négatives']);
    expect(segmentIds(dir)).toEqual(ids);
    checkPasses(dir);
    edit(dir, 'undo');
    expect(refs(dir)).toEqual(before);
    const missing = runCli(['codebook', 'split', 'Frustration', '--into', 'A', 'B', '--segments', `${chosen[0]!.id}=A`, '--study', dir, '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${(before.frustration ?? 0) - 1} segment(s) of "Frustration" are given no new code`);
  }, SLOW);

  it('--dry-run says what would change and writes nothing', () => {
    const dir = copyStudy();
    const text = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const r = edit(dir, 'merge', 'Contraintes de temps', 'Manque de formation', '--dry-run');
    expect(r.stdout).toContain('✓ Merged “Contraintes de temps” into “Manque de formation”');
    expect(r.stdout).toContain('Dry run (--dry-run): nothing was written.');
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toBe(text);
    expect(runCli(['codebook', 'undo', '--list', '--json', '--study', dir]).stdout.trim()).toBe('[]');
  }, SLOW);
});

describe('codage codebook: what an edit refuses or cleans up', () => {
  it('refuses --coder on an edit (it changes every coder file), and undoing the first add removes codebook.yaml again', () => {
    const dir = copyStudy();
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const refused = runCli(['codebook', '--coder', 'marie', 'rename', 'Humour', 'Rire', '--study', dir, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--coder does not apply to codage codebook rename: an edit of the codebook changes every coder's file at once");
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toBe(codebook);

    rmSync(join(dir, 'codebook.yaml'));
    ok(edit(dir, 'add', 'Humour noir'));
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toContain('Humour noir');
    ok(edit(dir, 'undo'));
    expect(existsSync(join(dir, 'codebook.yaml'))).toBe(false);
  }, SLOW);
});
