import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const DEMO = 'fixtures/demo';

describe('codage segments', () => {
  it('lists every coded segment with its exact transcript text, once per code', () => {
    const r = runCli(['segments', '--study', DEMO, '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { coder: string; participant: string; start: number; end: number; text: string; theme: string; code_id: string; status: string }[];
    const marie = readFileSync(join(DEMO, 'codings/marie.yaml'), 'utf8');
    const codeRefs = [...marie.matchAll(/"codes": \[([^\]]*)\]/g)].reduce((n, m) => n + m[1]!.split(',').length, 0);
    expect(rows.filter((row) => row.coder === 'marie')).toHaveLength(codeRefs);
    // Offsets are code points: MG5 has an emoji, so its later quotes sit one code point before their UTF-16 index.
    const mg5 = readFileSync(join(DEMO, 'transcripts/MG5.txt'), 'utf8').normalize('NFC');
    const codePoints = Array.from(mg5);
    for (const row of rows.filter((x) => x.participant === 'MG5')) {
      expect(codePoints.slice(row.start, row.end).join('')).toBe(row.text);
      expect(row.status).toBe('unchanged');
    }
    expect(rows.find((row) => row.code_id === 'impuissance')?.theme).toBe('Vécu du médecin > Émotions négatives');
  });

  it('filters by coder, participant and code name, and writes CSV to a file', () => {
    const out = join(tempDir(), 'paul.csv');
    const r = runCli(['segments', '--study', DEMO, '--coder', 'paul', '--participant', 'MG4', '--code', 'Impuissance', '-o', out]);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.coder === 'paul' && row.participant === 'MG4' && row.code_id === 'impuissance')).toBe(true);
    expect(runCli(['segments', '--study', DEMO, '--coder', 'nobody']).code).toBe(2);
    expect(runCli(['segments', '--study', DEMO, '--code', 'no such code']).code).toBe(2);
    // A folder that does not exist is a usage error with what to check, not an internal error.
    const nowhere = runCli(['segments', '--study', DEMO, '-o', join(tempDir(), 'no-such-folder', 'x.csv'), '--lang', 'en']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('check that its folder exists');
  });

  it('prints the same bytes on every run', () => {
    const a = runCli(['segments', '--study', DEMO]).stdout;
    const b = runCli(['segments', '--study', DEMO]).stdout;
    expect(a).toBe(b);
  });
});

describe('codage stats', () => {
  it('counts participants (n/N) and references per code, per participant and per group', () => {
    const r = runCli(['stats', '--study', DEMO, '--coder', 'marie', '--by', 'group', '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as {
      transcripts: number;
      segments: number;
      tree: { id: string; kind: string; participants: number; references: number }[];
      participants: { id: string; segments: number; words: number }[];
      groups: { attribute: string; groups: { value: string; participants: number; codes: { id: string; participants: number }[] }[] };
    };
    expect(stats.transcripts).toBe(12);
    expect(stats.segments).toBe(332);
    const segmentsJson = JSON.parse(runCli(['segments', '--study', DEMO, '--coder', 'marie', '--json']).stdout) as { participant: string; code_id: string; segment: string }[];
    const impuissance = segmentsJson.filter((row) => row.code_id === 'impuissance');
    const code = stats.tree.find((row) => row.id === 'impuissance')!;
    expect(code.references).toBe(impuissance.length);
    expect(code.participants).toBe(new Set(impuissance.map((row) => row.participant)).size);
    expect(stats.participants.reduce((n, p) => n + p.segments, 0)).toBe(332);
    expect(stats.groups.groups.map((g) => [g.value, g.participants])).toEqual([['ALGO', 2], ['MG', 10]]);
  });

  it('counts, without --coder, the coding the exports show: the consensus alone, not on top of the coders it came from', () => {
    const dir = tempDir();
    cpSync(DEMO, dir, { recursive: true });
    writeFileSync(join(dir, 'codings/consensus.yaml'), readFileSync(join(dir, 'codings/paul.yaml'), 'utf8'));
    const counted = (args: string[]) => JSON.parse(runCli(['stats', '--study', dir, '--json', ...args]).stdout) as { coders: string[]; segments: number };
    const consensus = counted([]);
    expect(consensus.coders).toEqual(['consensus']);
    expect(consensus.segments).toBe(counted(['--coder', 'paul']).segments);
    const text = runCli(['stats', '--study', dir, '--lang', 'fr']).stdout;
    expect(text).toContain('Codeurs\u00a0: consensus');
    expect(text).toContain('les comptes sont ceux du codage que montrent les exports');
    // The codebook's counts are the same.
    const tree = JSON.parse(runCli(['codebook', '--study', dir, '--json']).stdout) as { tree: { id: string; references: number }[] };
    const stats = JSON.parse(runCli(['stats', '--study', dir, '--json']).stdout) as { tree: { id: string; references: number }[] };
    expect(tree.tree.find((r) => r.id === 'impuissance')?.references).toBe(stats.tree.find((r) => r.id === 'impuissance')?.references);
  });

  it("counts the participant's words apart from the interviewer's, and speech coded as the coding screen does", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'transcripts'));
    writeFileSync(
      join(dir, 'transcripts/P1.txt'),
      "Enquêtrice : Pouvez-vous me parler de votre dernier patient ?\nP1 : Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer.\n",
    );
    const body = readFileSync(join(dir, 'transcripts/P1.txt'), 'utf8');
    const quote = 'Je ne sais plus quoi lui proposer.';
    const start = body.indexOf(quote);
    mkdirSync(join(dir, 'codings'));
    writeFileSync(
      join(dir, 'codings/marie.yaml'),
      `version: 1\ncoder: marie\nsegments:\n  - {"id": "a1", "participant": "P1", "start": ${start}, "end": ${start + quote.length}, "codes": ["impuissance"], "text": "${quote}"}\n`,
    );
    const stats = JSON.parse(runCli(['stats', '--study', dir, '--json']).stdout) as {
      words: number;
      interviewerWords: number;
      participants: { words: number; interviewerWords: number; coveredShare: number }[];
    };
    expect(stats).toMatchObject({ words: 10, interviewerWords: 7 });
    expect(stats.participants[0]).toMatchObject({ words: 10, interviewerWords: 7 });
    const visible = (s: string) => s.replace(/\s/g, '').length;
    expect(stats.participants[0]?.coveredShare).toBeCloseTo(visible(quote) / visible("Alors c'est compliqué. Je ne sais plus quoi lui proposer."), 12);
  });

  it('prints a readable French summary with French number formatting', () => {
    const r = runCli(['stats', '--study', DEMO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Transcriptions\u00a0: 12');
    expect(r.stdout).toMatch(/Mots des participants \(parole, sans annotations\)\u00a0: \d{2}\u202f\d{3}/);
    expect(r.stdout).toMatch(/Mots des enquêteurs\u00a0: \d/);
    expect(r.stdout).toMatch(/Participant +Mots +Enquêteur +Segments +Codes +Parole codée/);
    expect(r.stdout).toContain('Par code — participants (n/N) et références');
    expect(r.stdout).toMatch(/Impuissance\s+\d+\/12/);
  });
});

describe('codage init', () => {
  it('creates a study that check accepts, and never overwrites a file', () => {
    const dir = join(tempDir(), 'ma-these');
    const r = runCli(['init', dir, '--codebook', 'thematic-analysis', '--title', 'Douleur chronique'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.code).toBe(0);
    for (const file of ['codage.yaml', 'codebook.yaml', 'README.md', 'transcripts', 'codings']) expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, 'codage.yaml'), 'utf8')).toContain('language: fr');
    const check = runCli(['check', '--study', dir]);
    expect(check.code).toBe(0);
    // A second init on the study answers in its language (French), whatever LANG says.
    const again = runCli(['init', dir, '--codebook', 'grounded-theory'], { env: { LANG: 'en_US.UTF-8' } });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('existait déjà, inchangé');
    expect(runCli(['init', dir, '--lang', 'en']).stdout).toContain('already there, left as is');
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toBe(readFileSync('codebooks/thematic-analysis.yaml', 'utf8'));
    expect(runCli(['init', join(tempDir(), 'x'), '--codebook', 'nope']).code).toBe(2);
  });
});

describe('codage segments --format excel', () => {
  it('writes what French Excel opens by a double click: ;, BOM, CRLF, multi-line cells intact', () => {
    // The demo is a French study: the spreadsheet speaks French, even with --lang en (messages only).
    const r = runCli(['segments', '--study', DEMO, '--format', 'excel', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeffcodeur;participant;segment;id_citation;thème;code;id_code;début;fin;texte;mémo;exemplaire;statut\r\n')).toBe(true);
    const rows = parse(r.stdout, { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const json = JSON.parse(runCli(['segments', '--study', DEMO, '--json']).stdout) as { text: string; memo: string; exemplary: boolean; status: string }[];
    expect(rows.map((row) => [row.texte, row['mémo']])).toEqual(json.map((row) => [row.text, row.memo]));
    expect(rows.map((row) => row.exemplaire)).toEqual(json.map((row) => (row.exemplary ? 'oui' : '')));
    expect(new Set(rows.map((row) => row.statut))).toEqual(new Set(['inchangé']));
    // csv keeps English keys and values for scripts.
    expect(runCli(['segments', '--study', DEMO]).stdout.split('\n')[0]).toBe('coder,participant,segment,quote_id,theme,code,code_id,start,end,text,memo,exemplary,status');
  });

  it('writes the format the extension of -o names, and refuses one that contradicts --format', () => {
    const workbook = join(tempDir(), 'segments.xlsx');
    expect(runCli(['segments', '--study', DEMO, '-o', workbook]).code).toBe(0);
    expect(readFileSync(workbook).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: Excel's workbook, not CSV text
    const wrong = join(tempDir(), 'segments.xlsx');
    const refused = runCli(['segments', '--study', DEMO, '--format', 'tsv', '-o', wrong, '--lang', 'fr']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.xlsx est l’extension des fichiers Excel, mais --format tsv écrit un fichier TSV');
    expect(existsSync(wrong)).toBe(false);
  });
});

describe('naming a coder or a code', () => {
  it("lists the study's coders and suggests the nearest, for stats, segments and saturation alike", () => {
    for (const command of ['stats', 'segments', 'saturation']) {
      const typo = runCli([command, '--study', DEMO, '--coder', 'pual', '--lang', 'en']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('no coder "pual" in codings/');
      expect(typo.stderr).toContain("did you mean --coder paul? the study's coders: marie, paul");
      const cased = runCli([command, '--study', DEMO, '--coder', 'Marie', '--lang', 'en']);
      expect(cased.code).toBe(2);
      expect(cased.stderr).toContain('"Marie" and "marie" differ only by case');
    }
  });

  it('never reads a file outside codings/ for a coder name', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'study', 'transcripts'), { recursive: true });
    mkdirSync(join(dir, 'study', 'codings'));
    // A coder file one folder up, that "--coder ../x" would have read.
    writeFileSync(join(dir, 'study', 'x.yaml'), 'version: 1\ncoder: x\nsegments: []\n');
    for (const command of ['stats', 'segments', 'saturation']) {
      const r = runCli([command, '--study', join(dir, 'study'), '--coder', '../x', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"../x" cannot be a coder name');
    }
  });

  it('suggests the nearest code for a misspelt --code', () => {
    const r = runCli(['segments', '--study', DEMO, '--code', 'impuisance', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "Impuissance"?');
  });

  it('warns when the study has errors instead of printing incomplete counts silently', () => {
    const dir = join(tempDir(), 'study');
    cpSync(DEMO, dir, { recursive: true });
    writeFileSync(join(dir, 'codebook.yaml'), 'themes:\n  - name: Vécu\n    codes: [\n');
    for (const command of ['stats', 'segments']) {
      const r = runCli([command, '--study', dir, '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/warning: the study has \d+ error\(s\), such as codebook\.yaml:\d+:\d+: YAML syntax/);
      expect(r.stderr).toContain('codage check details them');
    }
  });
});
