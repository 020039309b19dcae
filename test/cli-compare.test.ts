/**
 * `codage compare` on the demo study, checked against tables computed here from the raw files:
 * the transcripts decoded and cut after their front matter by hand, the coder files read line by
 * line, every character marked per coder and code, and kappa computed from the counts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { cleanTemps, copyStudy, DEMO, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

// compare keeps cut sentences in the study's .codage/cache: it runs on a copy, never on the fixture.
let STUDY = '';
beforeAll(() => {
  STUDY = copyStudy();
});

interface RawSegment {
  id: string;
  participant: string;
  start: number;
  end: number;
  codes: string[];
}

/** A transcript's text in code points: UTF-8 or Windows-1252, no BOM, LF, NFC, after the front matter. */
function transcriptChars(participant: string): string[] {
  const file = readdirSync(join(DEMO, 'transcripts')).find((f) => f.replace(/\.(txt|md)$/, '') === participant)!;
  const bytes = readFileSync(join(DEMO, 'transcripts', file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
  if (text.startsWith('---\n')) text = text.slice(text.indexOf('\n---\n', 3) + 5);
  return Array.from(text);
}

function coderSegments(coder: string): RawSegment[] {
  return readFileSync(join(DEMO, `codings/${coder}.yaml`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('  - {'))
    .map((line) => JSON.parse(line.slice(4)) as RawSegment);
}

type Table = { both: number; aOnly: number; bOnly: number; neither: number };

/** NVivo's kappa from the counts. */
function kappa(t: Table): number | null {
  const tu = t.both + t.aOnly + t.bOnly + t.neither;
  const a = t.both + t.aOnly;
  const b = t.both + t.bOnly;
  const ef = (a * b) / tu + ((tu - a) * (tu - b)) / tu;
  return tu - ef === 0 ? null : (t.both + t.neither - ef) / (tu - ef);
}

const marie = coderSegments('marie');
const paul = coderSegments('paul');
const COMPARED = ['MG1', 'MG4', 'MG6', 'A2'];

interface Report {
  method: { transcripts: { id: string; units: number }[]; selection: string; unit: string };
  codes: { id: string; table: Table; kappa: { pooled: { value: number | null } }; belowThreshold: boolean }[];
  cells: { code: string; transcript: string; table: Table; kappa: { value: number | null; undefined?: string } }[];
  overall: { table: Table; kappa: { pooled: { value: number | null } } };
  disagreements: { participant: string; kind: string; a: { text: string }[]; b: { text: string }[] }[];
  sentence: string;
}

function compare(args: string[]): Report {
  const r = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('codage compare on the demo study', () => {
  it('warns when a coder has not read a compared transcript to its end in the coding screen, on stderr, for every format', () => {
    const dir = copyStudy();
    mkdirSync(join(dir, '.codage/state'), { recursive: true });
    const state = { version: 1, recentCodes: [], transcripts: { MG1: { cursor: 0, furthest: 1500, at: '2026-12-01T10:00:00Z', read: [[0, 1500]] } } };
    writeFileSync(join(dir, '.codage/state/paul.json'), JSON.stringify(state));
    for (const format of [[], ['--json']]) {
      const r = runCli(['compare', 'marie', 'paul', '--study', dir, '--lang', 'en', ...format]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/warning: paul has read MG1 to \d+% in the coding screen: what follows counts as not coded by paul — finish reading it, or leave it out \(--participants\)/);
      expect(r.stderr).not.toContain('marie has read');
    }
    expect(runCli(['compare', 'marie', 'paul', '--study', DEMO, '--lang', 'en']).stderr).not.toContain('has read');
  });

  it('compares the four transcripts both coded, in character units, exactly as counted by hand', () => {
    const report = compare(['--unit', 'char']);
    expect(report.method.transcripts.map((t) => t.id)).toEqual(COMPARED);
    expect(report.method.selection).toBe('coded-by-all');
    const codes = [...new Set([...marie, ...paul].filter((s) => COMPARED.includes(s.participant)).flatMap((s) => s.codes))];
    expect(new Set(report.codes.map((c) => c.id))).toEqual(new Set(codes));
    const pooled = new Map<string, Table>(codes.map((c) => [c, { both: 0, aOnly: 0, bOnly: 0, neither: 0 }]));
    for (const participant of COMPARED) {
      const chars = transcriptChars(participant);
      expect(report.method.transcripts.find((t) => t.id === participant)!.units).toBe(chars.length);
      for (const code of codes) {
        const marks = (list: RawSegment[]) => {
          const m = new Uint8Array(chars.length);
          for (const s of list) if (s.participant === participant && s.codes.includes(code)) m.fill(1, s.start, s.end);
          return m;
        };
        const a = marks(marie);
        const b = marks(paul);
        const t: Table = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
        for (let i = 0; i < chars.length; i++) {
          if (a[i] && b[i]) t.both++;
          else if (a[i]) t.aOnly++;
          else if (b[i]) t.bOnly++;
          else t.neither++;
        }
        const cell = report.cells.find((c) => c.code === code && c.transcript === participant)!;
        expect(cell.table, `${code} in ${participant}`).toEqual(t);
        const k = kappa(t);
        if (k === null) expect(cell.kappa).toMatchObject({ value: null, undefined: 'expected-agreement-one' });
        else expect(cell.kappa.value).toBeCloseTo(k, 12);
        const p = pooled.get(code)!;
        p.both += t.both;
        p.aOnly += t.aOnly;
        p.bOnly += t.bOnly;
        p.neither += t.neither;
      }
    }
    for (const code of codes) {
      const row = report.codes.find((c) => c.id === code)!;
      expect(row.table).toEqual(pooled.get(code));
      expect(row.kappa.pooled.value).toBeCloseTo(kappa(pooled.get(code)!)!, 12);
      expect(row.belowThreshold).toBe(kappa(pooled.get(code)!)! < 0.6);
    }
    const all = [...pooled.values()].reduce((s, t) => ({ both: s.both + t.both, aOnly: s.aOnly + t.aOnly, bOnly: s.bOnly + t.bOnly, neither: s.neither + t.neither }));
    expect(report.overall.table).toEqual(all);
    expect(report.overall.kappa.pooled.value).toBeCloseTo(kappa(all)!, 12);
  });

  it('counts code presence per transcript in transcript units', () => {
    const report = compare(['--unit', 'transcript']);
    for (const code of report.codes.map((c) => c.id)) {
      const t: Table = { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
      for (const participant of COMPARED) {
        const a = marie.some((s) => s.participant === participant && s.codes.includes(code));
        const b = paul.some((s) => s.participant === participant && s.codes.includes(code));
        if (a && b) t.both++;
        else if (a) t.aOnly++;
        else if (b) t.bOnly++;
        else t.neither++;
      }
      expect(report.codes.find((c) => c.id === code)!.table, code).toEqual(t);
    }
  });

  it('counts sentences: « Impuissance » in A2, checked by reading the transcript', () => {
    // marie coded "Mais j'ai l'impression qu'ils sont un peu livrés à eux-mêmes. Ils ont énormément
    // de patients, peu de temps, et peu de soutien." (two sentences) and "On sent que le
    // généraliste a tout essayé, […] comme une bouteille à la mer." (one); paul only the last.
    const report = compare([]);
    const units = report.method.transcripts.find((t) => t.id === 'A2')!.units;
    const cell = report.cells.find((c) => c.code === 'impuissance' && c.transcript === 'A2')!;
    expect(cell.table).toEqual({ both: 1, aOnly: 2, bOnly: 0, neither: units - 3 });
    // κ = (p_o − p_e)/(1 − p_e) with p_o = (units − 2)/units, p_e = (3·1 + (units−3)(units−1))/units².
    const po = (units - 2) / units;
    const pe = (3 + (units - 3) * (units - 1)) / units ** 2;
    expect(cell.kappa.value).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(units).toBe(88);
    expect(cell.kappa.value).toBeCloseTo(170 / 346, 12);
  });

  it('prints the method, the unit, the aggregation and a sentence for the thesis, in French and in English', () => {
    const fr = runCli(['compare', 'marie', 'paul', '--study', STUDY]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('Transcriptions comparées (codées par les deux)\u00a0: MG1, MG4, MG6, A2');
    expect(fr.stdout).toContain('κ\u00a0: kappa de Cohen (marie = A, paul = B)\u202f; α\u00a0: alpha de Krippendorff');
    expect(fr.stdout).toMatch(/Kappa de Cohen \(unité\u00a0: phrase, tableau cumulé sur \d+ codes × 4 transcriptions\)\u00a0: 0,\d\d\u202f; accord observé\u00a0: \d\d,\d\u00a0%\u202f; alpha de Krippendorff/);
    const en = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--lang', 'en', '--aggregate', 'weighted', '--unit', 'paragraph']);
    expect(en.stdout).toMatch(/Cohen's kappa \(paragraph units, mean over \d+ codes × 4 transcripts weighted by size in units\): 0\.\d\d \(\d+ undefined left out\)/);
    expect(en.stdout).toContain('Means leave out the cells (a code in a transcript) where the coefficient is undefined: both coders gave every unit the same category (expected agreement 1)');
    expect(en.stdout).toMatch(/Under the threshold \(κ < 0\.6\): /);
  });

  it('lists the disagreements with their quotes, and writes them for Excel', () => {
    const report = compare([]);
    const mg1 = transcriptChars('MG1').join('');
    for (const d of report.disagreements.filter((x) => x.participant === 'MG1')) {
      for (const item of [...d.a, ...d.b]) expect(mg1).toContain(item.text);
    }
    expect(new Set(report.disagreements.map((d) => d.kind))).toEqual(new Set(['one-sided', 'different-codes', 'boundaries']));
    const out = join(tempDir(), 'desaccords.csv');
    const r = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--disagreements', '--format', 'excel', '-o', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffParticipant;Ligne;Désaccord;Codes marie;Verbatim marie;Codes paul;Verbatim paul\r\n')).toBe(true);
    expect(text.split('\r\n').length - 2).toBe(report.disagreements.length);
  });

  it('writes the tables for the thesis: Markdown with its method notes, CSV with full numbers, Excel as shown, an Excel workbook with numbers', async () => {
    const md = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('**Agreement of marie and paul per code (sentence units)**');
    expect(md.stdout).toContain('| Code | Both | marie only | paul only | Neither | Agreement | κ | α |');
    expect(md.stdout).toMatch(/\| Impuissance \| 11 \| 7 \| 0 \| 402 \| 98\.3% \| 0\.75 \| 0\.75 \|/);
    expect(md.stdout).toContain("*κ: Cohen's kappa (marie = A, paul = B)");
    expect(md.stdout).toContain('**Agreement per transcript (sentence units)**');
    expect(md.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Cohen's kappa \(sentence units, pooled table over \d+ codes × 4 transcripts\): 0\.\d\d/);
    const json = compare([]);
    const impuissance = json.codes.find((c) => c.id === 'impuissance')!;
    const csv = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'csv', '--lang', 'fr']).stdout.split('\n');
    expect(csv[0]).toBe('Code,Les deux,Uniquement marie,Uniquement paul,Aucun,Accord,κ,α');
    expect(csv[1]).toBe(`Impuissance,11,7,0,402,${Math.round((413 / 420) * 1e6) / 1e6},${Math.round(impuissance.kappa.pooled.value! * 1e6) / 1e6},${csv[1]!.split(',').at(-1)}`);
    const excel = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'excel', '--lang', 'fr']).stdout;
    expect(excel.startsWith('\ufeffCode;Les deux;Uniquement marie;Uniquement paul;Aucun;Accord;κ;α\r\nImpuissance;11;7;0;402;98,3\u00a0%;0,75;0,75\r\n')).toBe(true);
    // An Excel workbook holds numbers, not text: counts, the agreement as a percentage, κ and α with
    // two decimals (three or more beside the threshold), a coefficient under it marked ▼ by its format.
    const xlsx = join(tempDir(), 'accord.xlsx');
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '-o', xlsx]).code).toBe(0);
    const rows = (await readSheet(readFileSync(xlsx))) as unknown[][];
    expect(rows[0]).toEqual(['Code', 'Les deux', 'Uniquement marie', 'Uniquement paul', 'Aucun', 'Accord', 'κ', 'α']);
    const [name, both, aOnly, bOnly, neither, agreement, kappa, alpha] = rows[1]!;
    expect([name, both, aOnly, bOnly, neither]).toEqual(['Impuissance', 11, 7, 0, 402]);
    expect(agreement).toBeCloseTo(413 / 420, 12);
    expect(kappa).toBeCloseTo(impuissance.kappa.pooled.value!, 12);
    expect(alpha).toEqual(expect.any(Number));
    expect(rows.at(-1)![0]).toBe('Ensemble');
    const styles = zipEntry(readFileSync(xlsx), 'xl/styles.xml');
    for (const format of ['0.0%', '0.00', '0.00&quot; ▼&quot;']) expect(styles).toContain(`formatCode="${format}"`);
  });

  it('writes the tables and the sentence as a Word document with real tables', async () => {
    const file = join(tempDir(), 'accord.docx');
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'docx']).code).toBe(2); // needs -o
    const r = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'docx', '-o', file]);
    expect(r.code).toBe(0);
    const xml = zipEntry(readFileSync(file), 'word/document.xml');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Accord entre marie et paul par code (unité\u00a0: phrase)');
    expect(xml).toContain('<w:t xml:space="preserve">Impuissance</w:t>');
    expect(xml).toMatch(/Kappa de Cohen \(unité\u00a0: phrase, tableau cumulé sur \d+ codes × 4 transcriptions\)\u00a0: 0,\d\d/);
    expect(zipEntry(readFileSync(file), 'word/styles.xml')).toContain('w:lang w:val="fr-FR"');
    // The disagreements as an Excel workbook.
    const xlsx = join(tempDir(), 'desaccords.xlsx');
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '--disagreements', '--format', 'xlsx', '-o', xlsx]).code).toBe(0);
    expect(zipEntry(readFileSync(xlsx), 'xl/sharedStrings.xml')).toContain('Verbatim marie');
    // The line of each disagreement is a number.
    expect(((await readSheet(readFileSync(xlsx))) as unknown[][])[1]![1]).toEqual(expect.any(Number));
    // -o's extension chooses the format when --format is not given: a Word file, not text named .docx.
    const named = join(tempDir(), 'accord-par-nom.docx');
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '-o', named]).code).toBe(0);
    expect(zipEntry(readFileSync(named), 'word/document.xml').match(/<w:tbl>/g)).toHaveLength(2);
    // A format that contradicts the extension is refused, and nothing is written.
    const wrong = join(tempDir(), 'accord.xlsx');
    const refused = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--format', 'csv', '-o', wrong, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`-o ${wrong}: .xlsx is the extension of Excel files, but --format csv writes CSV`);
    expect(readdirSync(join(wrong, '..'))).not.toContain('accord.xlsx');
  });

  it('compares the transcripts asked for, and says which coder coded nothing there', () => {
    const r = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--participants', 'MG1,MG2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Transcripts compared (as asked (--participants)): MG1, MG2');
    expect(r.stdout).toContain('paul coded nothing in MG2 (compared anyway: every unit counts as not coded)');
  });

  it('says the study has errors, and leaves out a segment whose line is cut in two instead of guessing it', () => {
    const dir = copyStudy();
    const file = join(dir, 'codings/paul.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"cvkd9nbx"'));
    lines.splice(at, 1, lines[at]!.slice(0, 150), lines[at]!.slice(150));
    writeFileSync(file, lines.join('\n'));
    const r = runCli(['compare', 'marie', 'paul', '--study', dir, '--lang', 'en', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`the study has \\d+ error\\(s\\), such as codings/paul\\.yaml:${at + 1}:151: YAML syntax: a missing character \\(a quote, bracket or brace not closed\\?\\)`));
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stdout.match(/error: YAML syntax/g)).toHaveLength(1);
    const segments = runCli(['segments', '--coder', 'paul', '--format', 'json', '--study', dir]);
    const ids = (JSON.parse(segments.stdout) as { segment: string }[]).map((s) => s.segment);
    expect(ids).not.toContain('cvkd9nbx');
    expect(ids).toContain('an29iqvt');
  });

  it('counts the double-coded transcripts of a large study instead of listing them all', async () => {
    const { DEFAULT_PARAMS, generateStudy } = await import('../scripts/generate-study.js');
    const dir = tempDir();
    await generateStudy(dir, { ...DEFAULT_PARAMS, transcripts: 14, words: 800, codes: 12, themes: 3, coders: 2, segments: 280, importRows: 0, seed: 3 });
    const fr = runCli(['compare', 'coder1', 'coder2', '--study', dir, '--lang', 'fr']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/Codeurs\u00a0: coder1 et coder2\u202f; 14 transcriptions double-codées\./);
    expect(fr.stdout).toContain('et 2 autres (--json les liste tous)');
    const en = runCli(['export', 'methods', '--study', dir, '--coder', 'coder1', '--lang', 'en']);
    expect(en.stdout).toContain('Coders: coder1 and coder2; 14 double-coded transcripts.');
  });

  it('refuses wrong usage with exit code 2', () => {
    const one = runCli(['compare', 'paul', '--study', STUDY, '--lang', 'en']);
    expect(one.code).toBe(2);
    // The example names the study's own coders, the one given first.
    expect(one.stderr).toContain('for example: codage compare paul marie (coders of the study: marie, paul)');
    expect(runCli(['compare', 'marie', 'marie', '--study', STUDY]).code).toBe(2);
    const nobody = runCli(['compare', 'marie', 'nobody', '--study', STUDY, '--lang', 'en']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no coder "nobody" in codings/');
    expect(nobody.stderr).toContain('marie, paul');
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '--participants', 'MG99']).code).toBe(2);
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '--threshold', '2']).code).toBe(2);
    expect(runCli(['compare', 'marie', 'paul', '--study', STUDY, '--unit', 'word']).code).toBe(2);
  });

  it('compares three coders with Krippendorff’s alpha, a coder missing from a transcript counting as missing values', () => {
    const dir = copyStudy();
    // jean double-coded MG1 only, like paul but without his last ten segments there.
    const lines = readFileSync(join(dir, 'codings/paul.yaml'), 'utf8').split('\n');
    const mg1 = lines.filter((l) => l.includes('"participant": "MG1"'));
    writeFileSync(
      join(dir, 'codings/jean.yaml'),
      `version: 1\ncoder: jean\nsegments:\n${mg1.slice(0, -10).join('\n')}\n`,
    );
    const r = runCli(['compare', 'marie', 'paul', 'jean', '--study', dir, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      method: { selection: string; transcripts: { id: string; coders: string[] }[] };
      codes: { kappa: unknown; alpha: { pooled: { value: number | null } } }[];
      cells: { transcript: string; coded: (number | null)[] }[];
    };
    expect(report.method.selection).toBe('coded-by-two-or-more');
    expect(report.method.transcripts.find((t) => t.id === 'MG1')!.coders).toEqual(['marie', 'paul', 'jean']);
    expect(report.method.transcripts.find((t) => t.id === 'MG4')!.coders).toEqual(['marie', 'paul']);
    expect(report.codes.every((c) => c.kappa === null)).toBe(true);
    expect(report.codes.some((c) => typeof c.alpha.pooled.value === 'number')).toBe(true);
    expect(report.cells.find((c) => c.transcript === 'MG4')!.coded[2]).toBeNull();
    const text = runCli(['compare', 'marie', 'paul', 'jean', '--study', dir, '--lang', 'en']).stdout;
    expect(text).toContain('a coder who did not code a transcript is a missing value there');
    expect(text).toContain('Coders: marie, paul and jean; compared transcripts: MG1, MG4, MG6, A2.');
  });

  it('gives the methods paragraph of codage export the same agreement sentence', () => {
    const sentence = compare([]).sentence;
    const methods = runCli(['export', 'methods', '--study', STUDY]);
    expect(methods.code).toBe(0);
    expect(methods.stdout.replace(/\s+/g, ' ')).toContain(sentence.replace(/\s+/g, ' '));
  });

  it('shows a code name holding escape sequences escaped, never acting on the terminal; --json keeps it exact', () => {
    const dir = copyStudy();
    const codebook = join(dir, 'codebook.yaml');
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('- name: Impuissance', '- name: "Impuiss\\e]0;pwned\\u0007ance"'));
    for (const args of [[], ['--disagreements']]) {
      const r = runCli(['compare', 'marie', 'paul', '--study', dir, '--lang', 'en', ...args]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Impuiss\\x1b]0;pwned\\x07ance');
      expect(r.stdout).not.toContain('\x1b');
      expect(r.stdout).not.toContain('\x07');
    }
    const json = JSON.parse(runCli(['compare', 'marie', 'paul', '--study', dir, '--json']).stdout) as { codes: { name: string }[] };
    expect(json.codes.map((c) => c.name)).toContain('Impuiss\x1b]0;pwned\x07ance');
  });

  it('prints the same bytes on every run', () => {
    const a = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--json']);
    const b = runCli(['compare', 'marie', 'paul', '--study', STUDY, '--json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

/** One file of a zip archive (a .docx or .xlsx), found through the central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not found in the archive`);
}
