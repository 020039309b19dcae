import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';

afterAll(cleanTemps);

interface JsonProblem {
  severity: string;
  file: string;
  line: number | null;
  column: number | null;
  kind: string;
  message: string;
  hint: string | null;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

function edit(dir: string, file: string, change: (text: string) => string): string {
  const path = join(dir, file);
  const text = change(readFileSync(path, 'utf8'));
  writeFileSync(path, text);
  return text;
}

describe('codage check', () => {
  it('accepts the demo study (exit 0)', () => {
    const r = runCli(['check', '--study', 'fixtures/demo', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Study is valid: 12 transcript(s), 27 code(s), 439 segment(s) from 2 coder(s)');
    // MG6 was saved by Word on Windows: read, and said so.
    expect(r.stdout).toContain('transcripts/MG6.txt: note:');
    // --json says it with the same word.
    const json = JSON.parse(runCli(["check", "--study", "fixtures/demo", "--json"]).stdout) as { notes: number; problems: JsonProblem[] };
    expect(json.problems.find((p) => p.file === 'transcripts/MG6.txt')?.severity).toBe('note');
    expect(new Set(json.problems.map((p) => p.severity))).toEqual(new Set(['note']));
    expect(json.notes).toBe(json.problems.length);
  });

  it('reports every planted error at its line, with how to fix it, and exits 1', () => {
    const dir = copyStudy();
    const config = edit(dir, 'codage.yaml', (t) => t.replace('language: fr', 'language: de'));
    const codebook = edit(dir, 'codebook.yaml', (t) =>
      t.replace('          - name: Épuisement\n', '          - name: Impuissance\n').replace('    description: Ce que le médecin ressent', '    descripton: Ce que le médecin ressent'),
    );
    const marieLines = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8').split('\n');
    const segmentLines = marieLines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.startsWith('  - {'));
    const [unknownLine, unknownNo] = segmentLines[3]!;
    const [mismatchLine, mismatchNo] = segmentLines[10]!;
    const [rangeLine, rangeNo] = segmentLines[20]!;
    const [reversedLine, reversedNo] = segmentLines[30]!;
    marieLines[unknownNo - 1] = unknownLine.replace(/"codes": \["[^"]+"/, '"codes": ["code-inexistant"');
    marieLines[mismatchNo - 1] = mismatchLine.replace(/"text": "[^"]*"/, '"text": "Une phrase que personne n\'a jamais dite dans cet entretien."');
    marieLines[rangeNo - 1] = rangeLine.replace(/"start": \d+, "end": \d+/, '"start": 900000, "end": 900040');
    marieLines[reversedNo - 1] = reversedLine.replace(/"start": (\d+), "end": (\d+)/, (_m, a, b) => `"start": ${b}, "end": ${a}`);
    writeFileSync(join(dir, 'codings/marie.yaml'), marieLines.join('\n'));
    const participants = edit(dir, 'participants.csv', (t) => t.replace('MG1;F;34;', 'MG1;F;43;'));
    writeFileSync(join(dir, 'transcripts/MG11.txt'), '---\nid: MG11\ndate: "2024-06-01\ngroup: MG\n---\nEnquêtrice : Bonjour.\nMG11 : Bonjour.\n');

    const r = runCli(['check', '--study', dir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: number; problems: JsonProblem[] };
    expect(report.ok).toBe(false);
    const at = (file: string, line: number, severity = 'error') =>
      report.problems.filter((p) => p.file === file && p.line === line && p.severity === severity);

    expect(at('codage.yaml', lineOf(config, 'language: de'))[0]?.message).toMatch(/language/);
    const duplicateLine = codebook.split('\n').findLastIndex((l) => l.includes('- name: Impuissance')) + 1;
    expect(at('codebook.yaml', duplicateLine)[0]?.message).toMatch(/Impuissance/);
    expect(at('codebook.yaml', lineOf(codebook, 'descripton:'), 'warning')[0]?.hint).toMatch(/description/);
    expect(at('codings/marie.yaml', unknownNo)[0]?.message).toContain('code-inexistant');
    expect(at('codings/marie.yaml', mismatchNo).map((p) => p.kind)).toContain('segment-unplaced');
    expect(report.problems.some((p) => p.file === 'codings/marie.yaml' && p.line === rangeNo && /range|out of/i.test(p.message))).toBe(true);
    expect(at('codings/marie.yaml', reversedNo).length).toBeGreaterThan(0);
    expect(at('participants.csv', lineOf(participants, 'MG1;F;43;'))[0]?.message).toMatch(/age/);
    expect(at('transcripts/MG11.txt', 3).length).toBeGreaterThan(0);
    for (const p of report.problems.filter((p) => p.severity === 'error')) expect(p.hint).toBeTruthy();
  });

  it('warns when two names of one characteristic disagree (durée in participants.csv, duration in the front matter)', () => {
    const dir = copyStudy('fixtures/demo');
    edit(dir, 'transcripts/MG1.txt', (t) => t.replace('\nduration: 19\n', '\nduration: 42\n'));
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('transcripts/MG1.txt: warning: MG1: duree = 19 (participants.csv), duration = 42 (front matter) — the first is shown');
    expect(r.stdout).toContain('Study is valid: 12 transcript(s), 27 code(s), 439 segment(s) from 2 coder(s) — 1 warning(s)');
  });

  it('says a document left in transcripts/ is not read, and how to bring it in — or that it was', () => {
    const dir = copyStudy('fixtures/demo');
    writeFileSync(join(dir, 'transcripts/MG13.docx'), 'PK');
    writeFileSync(join(dir, 'transcripts/MG14.pdf'), '%PDF');
    writeFileSync(join(dir, 'transcripts/MG1.DOCX'), 'PK');
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('transcripts/MG13.docx: warning: not read: a transcript is a .txt or .md file, so this interview is not in the study');
    expect(r.stdout).toContain('fix: bring it in with codage import "transcripts/MG13.docx" (it writes the .txt beside it), then move the document out');
    expect(r.stdout).toContain('transcripts/MG14.pdf: warning: not read');
    expect(r.stdout).toContain('fix: save it as .docx (or .txt) and bring it in with codage import');
    expect(r.stdout).toContain('transcripts/MG1.DOCX: warning: not read: the interview is transcripts/MG1.txt');
    expect(r.stdout).toContain('Study is valid: 12 transcript(s)');
  });

  it('refuses two transcripts whose ids differ only in case, as an import of the second would be refused', () => {
    const dir = copyStudy('fixtures/demo');
    const source = join(dir, '..', 'MG1 relu.txt');
    writeFileSync(source, '---\nid: mg1\n---\nE : Bonjour.\n\nmg1 : Bonjour.\n');
    const imported = runCli(['import', source, '--study', dir, '--lang', 'en', '--json']);
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.stdout).notImported).toEqual([expect.objectContaining({ reason: 'id-taken' })]);
    // Put there by hand: check refuses it, at the line of its id, with the ways out.
    writeFileSync(join(dir, 'transcripts', 'MG1 relu.txt'), readFileSync(source));
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    // Each is named (which one to rename is the researcher's choice), at the line of its id.
    expect(r.stdout).toMatch(/^transcripts\/MG1 relu\.txt:2:5: error: participant id mg1 differs only in case from MG1, the id of transcripts\/MG1\.txt: on Windows and macOS they name one file/m);
    expect(r.stdout).toMatch(/^transcripts\/MG1\.txt:2:5: error: participant id MG1 differs only in case from mg1, the id of transcripts\/MG1 relu\.txt/m);
    expect(r.stdout).toMatch(/^\s+fix: the same interview twice: keep one of the two files; another participant: give one of them its own id, here with codage participant rename "mg1" NEW/m);
    expect(r.stdout).toContain('2 error(s), 0 warning(s): 13 transcript(s)');
    const fr = runCli(['check', '--study', dir, '--lang', 'fr']);
    expect(fr.stdout).toContain('transcripts/MG1 relu.txt:2:5: erreur\u00a0: l’identifiant mg1 ne diffère que par la casse de MG1');
  });

  it('warns about a duration it does not count, in participants.csv and in a front matter, as it does about a date', () => {
    const dir = copyStudy('fixtures/demo');
    edit(dir, 'participants.csv', (t) => t.replace('\nMG2;H;58;29;rural;FMC;médecin généraliste;MG;12\n', '\nMG2;H;58;29;rural;FMC;médecin généraliste;MG;environ 12\n'));
    edit(dir, 'transcripts/MG1.txt', (t) => t.replace('\nduration: 19\n', '\nduration: 4:30\n'));
    edit(dir, 'participants.csv', (t) => t.replace('\nMG1;F;34;5;semi-rural;aucune;médecin généraliste;MG;19\n', '\nMG1;F;34;5;semi-rural;aucune;médecin généraliste;MG;\n'));
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^participants\.csv:3:9: warning: the duration of MG2 \(duree: "environ 12"\) is not a duration codage reads: it is not counted in the interviews' length$/m);
    expect(r.stdout).toMatch(/^transcripts\/MG1\.txt:4:11: warning: the duration of MG1 \(duration: "4:30"\) reads hours:minutes \(270 minutes\) or minutes:seconds \(4\.5 minutes\)/m);
    expect(r.stdout).toMatch(/^\s+fix: write the minutes: 270 or 4\.5$/m);
    // The third: MG2's front matter says duration: 12 beside it.
    expect(r.stdout).toContain('Study is valid: 12 transcript(s), 27 code(s), 439 segment(s) from 2 coder(s) — 3 warning(s)');
    const fr = runCli(['check', '--study', dir, '--lang', 'fr', '--json']);
    expect((JSON.parse(fr.stdout) as { problems: JsonProblem[] }).problems.filter((p) => p.kind.startsWith('duration-')).map((p) => [p.file, p.line, p.column, p.kind, p.hint])).toEqual([
      ['participants.csv', 3, 9, 'duration-invalid', 'l’écrire en minutes\u00a0: 42, 42 min, 1 h 05 ou 00:42:10'],
      ['transcripts/MG1.txt', 4, 11, 'duration-ambiguous', 'écrire les minutes\u00a0: 270 ou 4,5'],
    ]);
  });

  it('prints problems as file:line:col: severity: message', () => {
    const dir = copyStudy();
    edit(dir, 'codage.yaml', (t) => t.replace('language: fr', 'language: de'));
    const r = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^codage\.yaml:3:11: error: language must be fr or en/m);
    expect(r.stdout).toMatch(/^\s+fix: write language: fr or language: en/m);
  });

  it('re-anchors segments after a transcript is corrected, and --fix saves them', () => {
    const dir = copyStudy();
    // A typo fixed near the start of MG1 shifts every later segment by one character.
    edit(dir, 'transcripts/MG1.txt', (t) => t.replace("Bonjour, et merci d'avoir accepté", "Bonjour, et merci beaucoup d'avoir accepté"));
    const before = runCli(['check', '--study', dir, '--json']);
    expect(before.code).toBe(0);
    const moved = (JSON.parse(before.stdout) as { problems: JsonProblem[] }).problems.filter((p) => p.kind === 'segment-moved');
    expect(moved.length).toBeGreaterThan(20);
    const fixed = runCli(['check', '--study', dir, '--fix', '--lang', 'en']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/codings\/marie\.yaml: saved \d+ re-anchored segment/);
    const after = JSON.parse(runCli(['check', '--study', dir, '--json']).stdout) as { problems: JsonProblem[] };
    expect(after.problems.filter((p) => p.kind.startsWith('segment-'))).toEqual([]);
  });

  it('--fix never drops a line it cannot read, and leaves a file it does not understand alone', () => {
    const dir = copyStudy();
    edit(dir, 'transcripts/MG1.txt', (t) => t.replace("Bonjour, et merci d'avoir accepté", "Bonjour, et merci beaucoup d'avoir accepté"));
    const broken = '  - {"id": "zzzzzzzz", "participant": "MG1", "start": 10, "end": 20, "codes": [], "text": "abc"}';
    edit(dir, 'codings/marie.yaml', (t) => `${t.trimEnd()}\n${broken}\n`);
    const fixed = runCli(['check', '--study', dir, '--fix', '--lang', 'en']);
    expect(fixed.code).toBe(1); // the broken entry is still an error to fix by hand
    expect(fixed.stdout).toMatch(/codings\/marie\.yaml: saved \d+ re-anchored segment/);
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toContain(broken.trim());

    const paulBefore = edit(dir, 'codings/paul.yaml', (t) => t.replace('version: 1', 'version: 1\nsegments_extra: [unclosed'));
    runCli(['check', '--study', dir, '--fix']);
    expect(readFileSync(join(dir, 'codings/paul.yaml'), 'utf8')).toBe(paulBefore);
  });
});
