/**
 * A study exported as a REFI-QDA project and imported into an empty folder is the study it was:
 * the demo as it is (attributes in participants.csv and in the front matter), and the demo with
 * every attribute in participants.csv and a coder named `Marie Dupont`. In process (the commands'
 * own `run`), so that the round trips cost a second, not a dozen spawned commands.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../src/cli/context.js';
// The built commands (as the CLI runs them: the version comes from the package's place).
const built = (name: string) => import(join(ROOT, 'dist/src/cli/commands', `${name}.js`));
const { run: check } = (await built('check')) as typeof import('../src/cli/commands/check.js');
const { exportRefi } = (await built('export-refi')) as typeof import('../src/cli/commands/export-refi.js');
const { run: importRefi } = (await built('import-refi')) as typeof import('../src/cli/commands/import-refi.js');
const { run: segments } = (await built('segments')) as typeof import('../src/cli/commands/segments.js');
const { run: stats } = (await built('stats')) as typeof import('../src/cli/commands/stats.js');
import { loadStudy } from '../src/io/study.js';
import { cleanTemps, copyStudy, ROOT, tempDir } from './helpers.js';

afterAll(cleanTemps);

const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;

/** Runs a command in process: its exit code, and what it wrote (the study's folder name taken out). */
async function inProcess(command: (ctx: CommandContext) => Promise<number>, root?: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await command({ language: 'fr', languageFromFlag: true, stdout: out, stderr: err });
  const strip = (text: string) => (root === undefined ? text : text.split(root).join('STUDY'));
  return { code, stdout: strip(stdout), stderr: strip(stderr) };
}

/** The demo with every attribute in participants.csv (front matter: the id alone), and marie named `Marie Dupont`. */
async function csvStudy(): Promise<string> {
  const root = copyStudy(undefined, 'csv');
  const study = await loadStudy(root);
  const columns: string[] = [];
  for (const p of study.participants.values()) for (const key of Object.keys(p.attributes)) if (!columns.includes(key)) columns.push(key);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v));
  const rows = study.transcripts.map((t) => [t.id, ...columns.map((c) => cell(study.participants.get(t.id)!.attributes[c]))].join(';'));
  writeFileSync(join(root, 'participants.csv'), `${['id', ...columns].join(';')}\n${rows.join('\n')}\n`);
  for (const t of study.transcripts) {
    const file = join(root, t.file);
    // Byte for byte (latin1), so that a transcript in Windows-1252 stays so; CRLF or not.
    const text = readFileSync(file, 'latin1');
    const stripped = text.replace(/^(?:\ufeff|\u00ef\u00bb\u00bf)?---\r?\n[\s\S]*?\r?\n---\r?\n/, `---\nid: ${t.id}\n---\n`);
    if (Object.keys(t.attributes).length > 0) expect(stripped, t.file).not.toBe(text);
    writeFileSync(file, stripped, 'latin1');
  }
  const marie = join(root, 'codings/marie.yaml');
  writeFileSync(marie, readFileSync(marie, 'utf8').replace(/^coder: marie$/m, 'coder: "Marie Dupont"'));
  return root;
}

async function roundTrip(original: string) {
  const dir = tempDir();
  const qdpx = join(dir, 'etude.qdpx');
  expect((await inProcess((ctx) => exportRefi(ctx, 'project', 'qdpx', { study: original, output: qdpx }))).code).toBe(0);
  const back = join(dir, 'retour');
  const imported = await inProcess((ctx) => importRefi(ctx, qdpx, { study: back }), back);
  expect(imported.code, imported.stderr).toBe(0);
  return { qdpx, back, imported };
}

/** What a researcher compares: check, stats and segments --json, each coder file's `coder:`, the participants. */
async function looks(root: string) {
  const study = await loadStudy(root);
  return {
    // The verdict: the notes before it may differ (a transcript in Windows-1252 comes back in UTF-8).
    check: (await inProcess((ctx) => check(ctx, { study: root }), root)).stdout.trimEnd().split('\n').pop(),
    stats: (await inProcess((ctx) => stats(ctx, { study: root, json: true }), root)).stdout,
    segments: (await inProcess((ctx) => segments(ctx, { study: root, json: true }), root)).stdout,
    coders: readdirSync(join(root, 'codings')).sort().map((f) => `${f} ${/^coder: (.*)$/m.exec(readFileSync(join(root, 'codings', f), 'utf8'))![1]}`),
    attributes: Object.fromEntries([...study.participants].map(([id, p]) => [id, p.attributes])),
  };
}

function validate(qdpx: string): void {
  if (!hasXmllint) return;
  const qde = join(tempDir(), 'project.qde');
  writeFileSync(qde, Buffer.from(unzipSync(readFileSync(qdpx))['project.qde']!));
  const r = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'test/support/refi-qda/Project.xsd'), qde], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe('round trip: a study → export project → import-refi into an empty folder', () => {
  it('the demo comes back with the same checks, counts, segments, coders and attributes, in participants.csv and the front matter as they were', async () => {
    const original = copyStudy(undefined, 'demo');
    const { qdpx, back, imported } = await roundTrip(original);
    validate(qdpx);
    expect(imported.stdout).toContain('participants.csv\u00a0: 12 ligne(s) écrite(s) (sexe, age, annees_exercice, milieu, formation_douleur, role, group, duree)');
    expect(imported.stdout).toContain('attributs dans l’en-tête des transcriptions\u00a0: sexe, age, milieu, group, date, duration');
    expect(imported.stderr).toBe('');
    const [before, after] = [await looks(original), await looks(back)];
    expect(after.check).toContain('Étude valide');
    expect(after).toEqual(before);
    // participants.csv comes back byte for byte: its columns in their order, its numbers as numbers.
    expect(readFileSync(join(back, 'participants.csv'), 'utf8')).toBe(readFileSync(join(original, 'participants.csv'), 'utf8'));
  }, 60_000);

  it('a study keeping every attribute in participants.csv gets participants.csv back, not front matter, and its coder named as before', async () => {
    const original = await csvStudy();
    const { qdpx, back, imported } = await roundTrip(original);
    validate(qdpx);
    expect(unzipSync(readFileSync(qdpx))['project.qde']!.length).toBeGreaterThan(0);
    expect(Buffer.from(unzipSync(readFileSync(qdpx))['project.qde']!).toString('utf8')).toContain('<User guid="c856cb47-4535-5079-8d33-3e497eb228f0" name="Marie Dupont" id="marie"/>');
    expect(imported.stdout).not.toContain('en-tête des transcriptions');
    const [before, after] = [await looks(original), await looks(back)];
    expect(after.coders).toEqual(['marie.yaml "Marie Dupont"', 'paul.yaml paul']);
    expect(after).toEqual(before);
    expect(readFileSync(join(back, 'transcripts/MG1.txt'), 'utf8')).toMatch(/^---\nid: "MG1"\n---\n/);
    expect(readFileSync(join(back, 'participants.csv'), 'utf8')).toBe(readFileSync(join(original, 'participants.csv'), 'utf8'));
  }, 60_000);
});
