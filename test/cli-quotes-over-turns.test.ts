/**
 * A segment coded over an exchange (the interviewer's question, then the participant's answer):
 * every export that shows quotes writes each turn after its speaker's label, and `codage check`
 * warns about the segment — on a small study made for the test.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const TRANSCRIPT = [
  '---',
  'id: P1',
  'group: MG',
  '---',
  '[00:00:04] Enquêtrice : Et quand il revient, vous faites quoi ?',
  '',
  '[00:00:09] P1 : Je ne sais plus quoi lui proposer. On tourne en rond.',
  '',
  '[00:00:15] Enquêtrice : Vous vous sentez seule ?',
  '',
  '[00:00:18] P1 : Oui, très seule.',
  '',
].join('\n');

/** A study of one interview: a segment over the question and the answer, and one of the participant alone. */
function exchangeStudy(): string {
  const dir = join(tempDir(), 'study');
  mkdirSync(join(dir, 'transcripts'), { recursive: true });
  mkdirSync(join(dir, 'codings'));
  writeFileSync(join(dir, 'codage.yaml'), 'title: Étude test\nlanguage: fr\nquote_label: "{id}"\ncoder: marie\n');
  writeFileSync(join(dir, 'codebook.yaml'), 'themes:\n  - name: Vécu\n    codes:\n      - id: impuissance\n        name: Impuissance\n');
  writeFileSync(join(dir, 'transcripts/P1.txt'), TRANSCRIPT);
  const body = TRANSCRIPT.slice(TRANSCRIPT.indexOf('[00:00:04]'));
  // Code point offsets (the text is all in the Basic Multilingual Plane: UTF-16 indexes are code points).
  const line = (id: string, from: string, to: string) => {
    const start = body.indexOf(from);
    const end = body.indexOf(to, start) + to.length;
    return `  - {"id": "${id}", "participant": "P1", "start": ${start}, "end": ${end}, "codes": ["impuissance"], "text": ${JSON.stringify(body.slice(start, end))}, "at": "2026-10-03T09:00:00Z"}`;
  };
  writeFileSync(
    join(dir, 'codings/marie.yaml'),
    `version: 1\ncoder: marie\nsegments:\n${line('exch0001', 'Et quand il revient', 'On tourne en rond.')}\n${line('alone001', 'Oui, très', 'seule.')}\n`,
  );
  return dir;
}

const EXCHANGE = 'Enquêtrice\u00a0: Et quand il revient, vous faites quoi ? \u2014 P1\u00a0: Je ne sais plus quoi lui proposer. On tourne en rond.';

describe('a quote over the interviewer’s and the participant’s turns', () => {
  const dir = exchangeStudy();
  const out = (name: string) => join(dir, name);

  it('codage check warns about the segment (a warning, the study stays valid), in both languages', () => {
    const fr = runCli(['check', '--study', dir]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain(
      'codings/marie.yaml:4:5: avertissement\u00a0: le segment exch0001 (P1, transcripts/P1.txt, ligne 5) couvre les paroles de 2 locuteurs, Enquêtrice et P1\u00a0: les exports le citent tour par tour',
    );
    expect(fr.stdout).toContain('— 1 avertissement(s)');
    const en = JSON.parse(runCli(['check', '--study', dir, '--json', '--lang', 'en']).stdout) as { ok: boolean; warnings: number; problems: { kind: string; message: string }[] };
    expect(en.ok).toBe(true);
    expect(en.problems.filter((p) => p.kind === 'segment-several-speakers').map((p) => p.message)).toEqual([
      'segment exch0001 (P1, transcripts/P1.txt, line 5) runs over the words of 2 speakers, Enquêtrice and P1: the exports quote it turn by turn, each turn after its speaker’s label',
    ]);
  });

  it('the themes table writes each turn after its speaker, in md, html, tex, docx, xlsx and csv', async () => {
    for (const ext of ['md', 'html', 'tex', 'docx', 'xlsx', 'csv']) expect(runCli(['export', 'themes', '--study', dir, '-o', out(`themes.${ext}`)]).code).toBe(0);
    expect(readFileSync(out('themes.md'), 'utf8')).toContain(
      '*«*\u00a0Enquêtrice\u00a0: *Et quand il revient, vous faites quoi ?* \u2014 P1\u00a0: *Je ne sais plus quoi lui proposer. On tourne en rond.\u00a0»* (P1)',
    );
    expect(readFileSync(out('themes.html'), 'utf8')).toContain(
      '<em class="verbatim">«\u00a0</em>Enquêtrice\u00a0: <em class="verbatim">Et quand il revient, vous faites quoi ?</em> \u2014 P1\u00a0: <em class="verbatim">Je ne sais',
    );
    expect(readFileSync(out('themes.tex'), 'utf8')).toContain('\\codageverbatim{«~}Enquêtrice~: \\codageverbatim{Et quand il revient, vous faites quoi~?} \u2014 P1~: \\codageverbatim{Je ne sais');
    const xml = new TextDecoder().decode(unzipSync(readFileSync(out('themes.docx')))['word/document.xml']);
    // The label is a run of its own, without the Verbatim (italic) style; the words have it.
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">Enquêtrice\u00a0: </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Verbatim"/></w:rPr><w:t xml:space="preserve">Et quand il revient',
    );
    const rows = (await readSheet(readFileSync(out('themes.xlsx')))) as unknown as string[][];
    expect(rows[1]![2]).toBe(`«\u00a0${EXCHANGE}\u00a0» (P1)\n«\u00a0Oui, très seule.\u00a0» (P1)`);
    expect(readFileSync(out('themes.csv'), 'utf8')).toContain(`«\u00a0${EXCHANGE}\u00a0» (P1)`);
  });

  it('the report, the matrix with quotes and codage quotes write it the same way', () => {
    expect(runCli(['export', 'report', '--study', dir, '--format', 'md']).stdout).toContain('*«*\u00a0Enquêtrice\u00a0: *Et quand il revient');
    expect(runCli(['export', 'matrix', '--study', dir, '--by', 'group', '--cell-quotes', '--format', 'csv']).stdout).toContain(`«\u00a0${EXCHANGE}\u00a0» (P1)`);
    const listed = runCli(['quotes', 'impuissance', '--study', dir, '--json']);
    expect(listed.code).toBe(0);
    const quotes = (JSON.parse(listed.stdout) as { groups: { quotes: { text: string; pieces: string[] }[] }[] }).groups[0]!.quotes;
    expect(quotes[0]!.text).toBe(EXCHANGE);
    // The exact text stays available, line breaks and labels as typed.
    expect(quotes[0]!.pieces).toEqual(['Et quand il revient, vous faites quoi ?\n\n[00:00:09] P1 : Je ne sais plus quoi lui proposer. On tourne en rond.']);
    expect(runCli(['quotes', 'impuissance', '--study', dir]).stdout).toContain('«\u00a0Enquêtrice\u00a0: Et quand il revient, vous faites quoi ? \u2014 P1\u00a0: Je ne sais');
  });
});
