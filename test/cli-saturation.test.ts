import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, DEMO, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

interface Interview {
  rank: number;
  participant: string;
  date: string | null;
  orderBasis: string;
  codings: string[];
  used: number;
  newCodes: { id: string; name: string }[];
  cumulative: number;
  share: number;
}
interface Analysis {
  group: string | null;
  interviews: Interview[];
  final: number;
  guest: { baseCodes: number | null; saturation: { after: number; label: string } | null; runs: { first: number; last: number; newCodes: number; ratio: number | null }[] };
  stopping: { metAt: number | null; lastNewCode: number | null; missing: { interviews: number } | null };
  shares: { percent: number; rank: number | null }[];
}
interface Report {
  level: string;
  codings: { kind: string; coders: string[] };
  by: string | null;
  parameters: { guest: { base: number; run: number; threshold: number; denominator: string }; stopping: { initial: number; stop: number } };
  analyses: Analysis[];
  notCoded: string[];
  ungrouped: { id: string; name: string }[];
  sentence: { fr: string; en: string };
  references: { key: string; text: string }[];
}

function saturation(args: string[], options: { cwd?: string } = {}): Report {
  const r = runCli(['saturation', ...args, '--json'], options);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Interview order of the demo study: dates, and MG5, MG6 (no date) placed by `order` in codage.yaml. */
const DEMO_ORDER = ['MG1', 'MG2', 'A1', 'MG3', 'MG4', 'MG5', 'MG6', 'A2', 'MG7', 'MG8', 'MG9', 'MG10'];

/** The codes of each participant, computed from `codage segments` rather than by the code under test. */
function codesByParticipant(args: string[] = []): Map<string, Set<string>> {
  const r = runCli(['segments', '--study', DEMO, '--json', ...args]);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.stdout) as { participant: string; code_id: string; status: string }[];
  const codes = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.status === 'unplaced') continue;
    if (!codes.has(row.participant)) codes.set(row.participant, new Set());
    codes.get(row.participant)!.add(row.code_id);
  }
  return codes;
}

function newCountsOf(order: string[], codes: Map<string, Set<string>>): number[] {
  const seen = new Set<string>();
  return order.map((p) => {
    const fresh = [...(codes.get(p) ?? [])].filter((c) => !seen.has(c));
    for (const c of fresh) seen.add(c);
    return fresh.length;
  });
}

describe('codage saturation', () => {
  it('on the demo study: interviews in order, new codes per interview as counted from the segments, the methods and both sentences', () => {
    const report = saturation(['--study', DEMO]);
    expect(report.codings).toEqual({ kind: 'union', coders: ['marie', 'paul'] });
    expect(report.notCoded).toEqual([]);
    const [a] = report.analyses;
    expect(a!.interviews.map((i) => i.participant)).toEqual(DEMO_ORDER);
    expect(a!.interviews.find((i) => i.participant === 'MG5')).toMatchObject({ date: null, orderBasis: 'order' });
    expect(a!.interviews[0]).toMatchObject({ date: '2024-02-06', orderBasis: 'date' });

    const codes = codesByParticipant();
    const expected = newCountsOf(DEMO_ORDER, codes);
    expect(a!.interviews.map((i) => i.newCodes.length)).toEqual(expected);
    expect(a!.interviews.map((i) => i.used)).toEqual(DEMO_ORDER.map((p) => codes.get(p)!.size));
    const final = new Set([...codes.values()].flatMap((s) => [...s])).size;
    expect(a!.final).toBe(final);
    expect(a!.interviews.map((i) => i.cumulative)).toEqual(expected.map((_, i) => expected.slice(0, i + 1).reduce((x, y) => x + y, 0)));
    expect(a!.interviews.map((i) => i.codings)).toEqual(DEMO_ORDER.map((p) => (['MG1', 'MG4', 'MG6', 'A2'].includes(p) ? ['marie', 'paul'] : ['marie'])));
    // The demo codebook was built on the first two interviews: every code is there by MG2.
    expect(expected.slice(0, 2)).toEqual([23, 4]);
    expect(expected.slice(2).every((n) => n === 0)).toBe(true);
    expect(a!.guest.baseCodes).toBe(27);
    expect(a!.guest.saturation?.label).toBe('4+2');
    expect(a!.stopping).toMatchObject({ metAt: null, lastNewCode: 2, missing: { interviews: 1 } });
    expect(a!.shares).toEqual([
      { percent: 90, rank: 2, codes: 25 },
      { percent: 95, rank: 2, codes: 26 },
      { percent: 100, rank: 2, codes: 27 },
    ]);
    expect(report.sentence.fr).toContain('La saturation a été atteinte au 4e entretien (4+2)');
    expect(report.sentence.en).toContain('Saturation was reached at the 4th interview (4+2)');
    expect(report.references.map((r) => r.key)).toEqual(['guest2020', 'francis2010', 'guest2006', 'hennink2017']);
  });

  it('per group and per coder, at code and theme level, with the parameters given', () => {
    const report = saturation(['--study', DEMO, '--coder', 'marie', '--by', 'group', '--base', '3', '--run', '1', '--threshold', '0', '--stopping', 'last-two']);
    expect(report.codings).toEqual({ kind: 'coder', coders: ['marie'] });
    expect(report.parameters.guest).toEqual({ base: 3, run: 1, threshold: 0, denominator: 'fixed' });
    expect(report.parameters.stopping).toEqual({ initial: 0, stop: 2 });
    expect(report.analyses.map((a) => [a.group, a.interviews.map((i) => `${i.rank}:${i.participant}`)])).toEqual([
      ['ALGO', ['1:A1', '2:A2']],
      ['MG', DEMO_ORDER.filter((p) => p.startsWith('MG')).map((p, i) => `${i + 1}:${p}`)],
    ]);
    const codes = codesByParticipant(['--coder', 'marie']);
    const mg = DEMO_ORDER.filter((p) => p.startsWith('MG'));
    expect(report.analyses[1]!.interviews.map((i) => i.newCodes.length)).toEqual(newCountsOf(mg, codes));

    const paul = saturation(['--study', DEMO, '--coder', 'paul']);
    expect(paul.notCoded).toEqual(DEMO_ORDER.filter((p) => !['MG1', 'MG4', 'MG6', 'A2'].includes(p)));
    expect(paul.analyses[0]!.interviews.map((i) => i.participant)).toEqual(['MG1', 'MG4', 'MG6', 'A2']);

    const themes = saturation(['--study', DEMO, '--level', 'theme']);
    expect(themes.level).toBe('theme');
    expect(themes.ungrouped.map((c) => c.name).sort()).toEqual(['Comparaison avec d’autres maladies chroniques', 'Humour'].map((n) => n.replace('’', "'")).sort());
    expect(themes.analyses[0]!.interviews[0]!.newCodes.map((t) => t.name)).toContain('Vécu du médecin > Émotions négatives');
  });

  it('uses the consensus coder where it coded, and says so', () => {
    const study = copyStudy();
    const paul = readFileSync(join(study, 'codings/paul.yaml'), 'utf8').replace('coder: paul', 'coder: consensus');
    writeFileSync(join(study, 'codings/consensus.yaml'), paul);
    const report = saturation(['--study', study]);
    expect(report.codings).toEqual({ kind: 'consensus', coders: ['consensus', 'marie'] });
    expect(report.analyses[0]!.interviews.filter((i) => i.codings.includes('consensus')).map((i) => i.participant)).toEqual(['MG1', 'MG4', 'MG6', 'A2']);
    const text = runCli(['saturation', '--study', study, '--lang', 'en']);
    expect(text.stdout).toContain('Codings: consensus for MG1, MG4, MG6, A2; elsewhere marie\n');
  });

  it('prints the table, the methods, a chart that fits 80 columns without colour, the sentence and the references', () => {
    const r = runCli(['saturation', '--study', DEMO, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Code saturation — 12 interviews');
    expect(r.stdout).toContain('Interview order: by date (10 interviews); MG5, MG6 without a date, placed by\n  "order" in codage.yaml\n');
    expect(r.stdout).toContain('   6  MG5          —              20    0     27     100%\n');
    expect(r.stdout).toContain('  Saturation reached at interview 4 (MG3): 4+2\n');
    expect(r.stdout).toContain('▲ saturation 4+2 (Guest et al. 2020)');
    expect(r.stdout).toContain('For the methods section (ready to paste):\nCode saturation was assessed');
    const long = lines.filter((l) => [...l].length > 80);
    expect(long.filter((l) => !l.startsWith('Code saturation was assessed') && !/^ {2}\S.*\d{4};/.test(l))).toEqual([]);
    // Deterministic: the same bytes every time.
    expect(runCli(['saturation', '--study', DEMO, '--lang', 'en']).stdout).toBe(r.stdout);
    // The study's language by default (codage.yaml says fr).
    expect(runCli(['saturation', '--study', DEMO]).stdout.split('\n')[0]).toBe('Saturation des codes — 12 entretiens');
  });

  it('writes the figure as SVG, PNG and pgfplots, and the table as CSV', () => {
    const out = tempDir();
    const files = ['fig.svg', 'fig.png', 'fig.tex', 'table.csv'].map((f) => join(out, f));
    const r = runCli(['saturation', '--study', DEMO, '--by', 'group', '--figure', files[0]!, '--figure', files[1]!, '--figure', files[2]!, '--csv', files[3]!]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Figure écrite\u00a0: ${files[0]}`);
    expect(r.stderr).toContain(`Tableau écrit\u00a0: ${files[3]}`);
    const svg = readFileSync(files[0]!, 'utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Nouveaux codes', 'Codes cumulés', 'Groupe « ALGO » (group), 2 entretiens'.replace(/« | »/g, (m) => m.replace(' ', '\u00a0'))]));
    expect(doc.getElementsByTagName('polyline')).toHaveLength(2);
    const png = readFileSync(files[1]!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1800);
    const tex = readFileSync(files[2]!, 'utf8');
    expect(tex.match(/\\begin\{tikzpicture\}/g)).toHaveLength(2);
    expect(tex).toContain('xticklabels={{A1},{A2}}');
    const rows = parse(readFileSync(files[3]!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ group: 'ALGO', rank: '1', participant: 'A1', date: '2024-02-20' });
  });

  it('refuses wrong options before reading the study, with what to write instead (exit 2)', () => {
    const cases: [string[], string][] = [
      [['--threshold', '0.05'], '--threshold is in percent'],
      [['--stopping', 'ten'], '--stopping is INITIAL+STOP'],
      [['--figure', 'fig.pdf'], 'must end in .svg, .png or .tex'],
      [['--coder', 'nobody'], 'no coder "nobody" in codings/'],
      [['--by', 'nope'], 'no participant attribute "nope"'],
      [['--by', 'milleu'], 'did you mean --by milieu? attributes: age'],
      [['--level', 'category'], 'category'],
      [['--figure', join(tempDir(), 'no-such-folder', 'fig.svg')], 'cannot write'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['saturation', '--study', DEMO, '--lang', 'en', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('says where the interview order is in doubt: a date that is not one, an order that contradicts the dates', () => {
    const study = copyStudy();
    const config = readFileSync(join(study, 'codage.yaml'), 'utf8').replace('order: [MG1, MG2, A1, MG3', 'order: [MG1, A1, MG2, MG3');
    writeFileSync(join(study, 'codage.yaml'), config);
    const mg3 = join(study, 'transcripts/MG3.txt');
    writeFileSync(mg3, readFileSync(mg3, 'utf8').replace('date: 2024-03-05', 'date: mardi 5'));
    const r = runCli(['saturation', '--study', study, '--lang', 'en']);
    expect(r.code).toBe(0);
    const line = config.split('\n').findIndex((l) => l.startsWith('order:')) + 1;
    expect(r.stderr).toContain(`codage.yaml:${line}:18: warning: order lists MG2 after A1, but MG2 was interviewed first (2024-02-13, A1 on 2024-02-20): the dates decide`);
    expect(r.stderr).toContain('transcripts/MG3.txt:3:7: warning: the date of MG3 ("mardi 5") is not a date');
    expect(r.stdout).toContain('Interview order: by date (9 interviews); MG3, MG5, MG6 without a date, placed\n  by "order" in codage.yaml\n');
    // check reports the same, at the same places.
    expect(runCli(['check', '--study', study, '--lang', 'en']).stdout).toContain(`codage.yaml:${line}:18: warning: order lists MG2 after A1`);
  });

  it('leaves out a segment that cannot be placed, says so, and warns that the study has errors', () => {
    const study = copyStudy();
    const file = join(study, 'codings/marie.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("id": "z5bqm5zn".*"text": )"[^"]*"/, '$1"Une phrase que personne n’a jamais dite dans cet entretien."'));
    const r = runCli(['saturation', '--study', study, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the study has 1 error(s) (codage check lists them): what cannot be read is not counted');
    expect(r.stdout).toContain('Left out: 1 segment(s) that cannot be found in their transcript (see codage\n  check)\n');
    expect(saturation(['--study', study]).analyses[0]!.interviews[0]!.participant).toBe('MG1');
  });
});

describe('saturation and methods after a mise en commun that kept nothing in an interview', () => {
  /** Two interviews; in P1 the two coders disagree on everything and the intersection keeps nothing. */
  function reconciledStudy(): string {
    const dir = join(tempDir(), 'etude');
    expect(runCli(['init', dir, '--lang', 'fr']).code).toBe(0);
    writeFileSync(join(dir, 'transcripts/P1.txt'), 'E : Comment dormez-vous ?\n\nP1 : Je dors mal. Je suis fatigué le matin.\n');
    writeFileSync(join(dir, 'transcripts/P2.txt'), 'E : Et les chutes ?\n\nP2 : J’ai peur des chutes.\n');
    const sheets = { ana: 'P1;Sommeil;Je dors mal.\nP2;Peur;J’ai peur des chutes.\n', ben: 'P1;Fatigue;Je suis fatigué le matin.\nP2;Peur;J’ai peur des chutes.\n' };
    for (const [coder, rows] of Object.entries(sheets)) {
      const sheet = join(tempDir(), `${coder}.csv`);
      writeFileSync(sheet, `participant;code;verbatim\n${rows}`);
      const r = runCli(['import-codings', sheet, '--coder', coder, '--study', dir]);
      expect(r.code, r.stderr).toBe(0);
    }
    const r = runCli(['reconcile', 'ana', 'ben', '--strategy', 'intersection', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    return dir;
  }

  it('counts the consensus in every interview it decided, not the coders’ rejected codes where it kept nothing', () => {
    const dir = reconciledStudy();
    const report = saturation(['--study', dir]);
    expect(report.codings).toEqual({ kind: 'consensus', coders: ['consensus'] });
    expect(report.analyses[0]!.interviews.map((i) => i.participant)).toEqual(['P2']);
    expect(report.analyses[0]!.final).toBe(1);
    expect(report.notCoded).toEqual(['P1']);
    const methods = runCli(['export', 'methods', '--study', dir]);
    expect(methods.code, methods.stderr).toBe(0);
    expect(methods.stdout).toContain('le codage retenu est issu de la mise en commun de leurs codages (les 2 entretiens)');
  });
});
