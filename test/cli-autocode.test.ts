/**
 * `codage autocode` end to end on copies of the demo study: a search coded at each unit, what is
 * left alone (the interviewer, what the coder already coded), coding by question with and
 * without an interview guide, and the whole run taken back by `codage codebook undo`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';

afterAll(cleanTemps);

const SLOW = 120_000;
const GUIDE = resolve('fixtures/guide/guide-entretien.txt');

interface Passage {
  participant: string;
  line: number;
  code: string;
  text: string;
  start: number;
  end: number;
}
interface Result {
  transcripts: { participant: string; hits: number; coded: number; already: number; interviewer: number }[];
  passages: Passage[];
  newSegments: number;
  segmentsGivenTheCode: number;
  codesAdded: string[];
  noQuestionsFound: string[];
}

function autocode(dir: string, ...args: string[]): Result {
  const r = runCli(['autocode', ...args, '--study', dir, '--json', '--lang', 'en']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Result;
}

function segmentsOf(dir: string, coder: string): { participant: string; start: number; end: number; text: string; codes: string[] }[] {
  const r = runCli(['segments', '--coder', coder, '--format', 'json', '--study', dir]);
  return (JSON.parse(r.stdout) as { participant: string; start: number; end: number; text: string; code_id: string }[]).map((row) => ({ ...row, codes: [row.code_id] }));
}

function checkPasses(dir: string): void {
  const r = runCli(['check', '--study', dir, '--lang', 'en']);
  expect(r.stdout).toContain('Study is valid');
  expect(r.code).toBe(0);
}

describe('codage autocode', () => {
  it('refuses to code while codebook.yaml cannot be read completely, and writes nothing', () => {
    const dir = copyStudy();
    const codebook = join(dir, 'codebook.yaml');
    const lines = readFileSync(codebook, 'utf8').split('\n');
    // A tab among the indentation, as a text editor puts it: the codes after it are not read.
    lines[99] = `\t${lines[99]!.trimStart()}`;
    writeFileSync(codebook, lines.join('\n'));
    const before = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
    const r = runCli(['autocode', 'morphine', '--code', "Prescription d'opioïdes", '--coder', 'marie', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/codebook\.yaml:100:\d+/);
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toBe(before);
  }, SLOW);

  it('codes the sentences of every hit in the participants’ speech, skips what is coded, and undo takes it all back', () => {
    const dir = copyStudy();
    const before = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
    const dry = runCli(['autocode', 'centre antidouleur OR centre de la douleur', '--code', "Délais d'accès", '--coder', 'marie', '--dry-run', '--study', dir, '--lang', 'en']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Autocode "centre antidouleur OR centre de la douleur" → “Délais d\'accès” (coder marie, unit: sentence)');
    expect(dry.stdout).toMatch(/Dry run \(--dry-run\): \d+ passage\(s\) would be coded, nothing was written\./);
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toBe(before);

    const run = autocode(dir, 'centre antidouleur OR centre de la douleur', '--code', "Délais d'accès", '--coder', 'marie');
    const total = run.transcripts.reduce((n, t) => n + t.coded, 0);
    expect(run.newSegments + run.segmentsGivenTheCode).toBe(total);
    expect(run.transcripts.reduce((n, t) => n + t.interviewer, 0)).toBeGreaterThan(0);
    // marie had already coded some of these passages with the code: they are left as they were.
    expect(run.transcripts.reduce((n, t) => n + t.already, 0)).toBeGreaterThan(0);
    for (const p of run.passages) expect(p.text).toMatch(/centre (anti-?douleur|de la douleur)/i);
    checkPasses(dir);
    const again = autocode(dir, 'centre antidouleur OR centre de la douleur', '--code', "Délais d'accès", '--coder', 'marie');
    expect(again.passages).toEqual([]);
    expect(again.transcripts.reduce((n, t) => n + t.already, 0)).toBe(run.transcripts.reduce((n, t) => n + t.already + t.coded, 0));

    const undo = runCli(['codebook', 'undo', '--study', dir, '--lang', 'en']);
    expect(undo.stdout).toContain('✓ Undone: codage autocode "centre antidouleur OR centre de la douleur" --code "Délais d\'accès" --unit sentence --coder marie');
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toBe(before);
  }, SLOW);

  it('codes the words hit or the whole turn, for a new coder, and the interviewer’s turns on request', () => {
    const dir = copyStudy();
    const words = autocode(dir, 'opioïde*', '--code', "Prescription d'opioïdes", '--coder', 'lea', '--unit', 'word', '--participants', 'MG1,MG3');
    expect(new Set(words.passages.map((p) => p.participant))).toEqual(new Set(['MG1', 'MG3']));
    for (const p of words.passages) expect(p.text.toLowerCase()).toMatch(/^opio[iï]des?$/u);
    const turns = autocode(dir, 'kiné*', '--code', 'Approche globale', '--coder', 'lea', '--unit', 'turn', '--interviewer', '--dry-run');
    expect(turns.passages.some((p) => p.text.startsWith('Vous avez parlé de la kiné'))).toBe(true);
    const segments = segmentsOf(dir, 'lea');
    expect(segments).toHaveLength(words.newSegments);
    checkPasses(dir);
  }, SLOW);

  it('codes each answer with its guide question, numbered answers included, and adds the question codes', () => {
    const dir = copyStudy();
    const run = autocode(dir, '--by-question', '--guide', GUIDE, '--coder', 'lea');
    expect(run.codesAdded).toHaveLength(10);
    expect(run.codesAdded[3]).toBe('Q4 — Comment vivez-vous la prescription des antalgiques');
    const mg5 = run.passages.filter((p) => p.participant === 'MG5');
    expect(mg5.map((p) => p.code.split(' ')[0])).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9', 'Q10']);
    const mg1 = run.passages.filter((p) => p.participant === 'MG1');
    expect(mg1[0]?.code).toBe('Q1 — Pouvez-vous me parler du dernier patient…');
    expect(mg1.find((p) => p.text.startsWith('Euh… alors, c\'est un vrai sujet'))?.code.startsWith('Q4 ')).toBe(true);
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook).toContain('- name: Guide d’entretien'); // in the study's language
    expect(codebook).toContain('# '); // the user's comments are kept
    checkPasses(dir);
    const q4 = runCli(['segments', '--coder', 'lea', '--code', 'Q4 — Comment vivez-vous la prescription des antalgiques', '--format', 'json', '--study', dir]);
    expect((JSON.parse(q4.stdout) as unknown[]).length).toBe(run.passages.filter((p) => p.code.startsWith('Q4 ')).length);

    const without = autocode(copyStudy(), '--by-question', '--coder', 'lea', '--participants', 'MG2', '--dry-run');
    expect(without.passages[0]?.code).toBe('Q1');
  }, SLOW);

  it('refuses what it cannot do, with how to do it, and writes nothing', () => {
    const dir = copyStudy();
    const cases: [string[], string][] = [
      [['douleur'], 'what to search, and which code to give?'],
      [['douleur', '--code', 'Humuor', '--coder', 'marie'], 'did you mean "Humour"'],
      [['(x', '--regex', '--code', 'Humour', '--coder', 'marie'], 'not a valid regular expression'],
      [['douleur', '--code', 'Humour', '--coder', 'marie', '--unit', 'page'], "option '--unit <unit>' argument 'page' is invalid"],
      [['--by-question', '--code', 'Humour', '--coder', 'marie'], '--by-question codes each answer with its question'],
      [['--by-question', '--guide', 'nowhere.txt', '--coder', 'marie'], '--guide nowhere.txt: cannot read it (ENOENT)'],
      [['douleur', '--code', 'Humour', '--coder', 'marie', '--participants', 'MG99'], 'no transcript for participant(s) MG99'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['autocode', ...(args[0] === 'douleur' && args.length === 1 ? [...args, '--coder', 'marie'] : args), '--study', dir, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(runCli(['codebook', 'undo', '--list', '--json', '--study', dir]).stdout.trim()).toBe('[]');
  }, SLOW);
});
