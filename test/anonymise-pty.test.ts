/**
 * `codage anonymise` reviewed on an 80×24 terminal, as a researcher does it: the built binary in a
 * real pseudo-terminal (node-pty), each finding replaced, relabelled, kept or left, the summary
 * confirmed; then the privacy check passes, the study checks clean, and every coding still quotes
 * its transcript exactly. Quitting half-way writes nothing.
 */
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoderFile } from '../src/core/codings/parse.js';
import { parseTranscript } from '../src/core/transcript/parse.js';
import { cleanTemps, runCli, snapshot, tempDir } from './helpers.js';
import { studyWithIdentifiers } from './support/study-with-identifiers.js';
import { KEYS, startCodage } from './support/pty.js';

afterAll(cleanTemps);

const SIZE = { cols: 80, rows: 24 };

function segmentsInPlace(dir: string): { id: string; inPlace: boolean }[] {
  const out: { id: string; inPlace: boolean }[] = [];
  for (const coder of ['marie', 'paul']) {
    const file = parseCoderFile(readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8'), `codings/${coder}.yaml`, coder).coderFile;
    for (const s of file.segments) {
      const name = existsSync(join(dir, `transcripts/${s.participant}.txt`)) ? `${s.participant}.txt` : `${s.participant}.md`;
      const t = parseTranscript({ file: name, bytes: readFileSync(join(dir, 'transcripts', name)), defaultId: s.participant }).transcript;
      out.push({ id: s.id, inPlace: [...t.text].slice(s.start, s.end).join('') === s.text });
    }
  }
  return out;
}

describe('codage anonymise, reviewed in a real terminal', () => {
  it('replaces, relabels, keeps; writes once after the summary; the study then checks clean', async () => {
    const dir = studyWithIdentifiers();
    const key = join(tempDir(), 'key.yaml');
    expect(runCli(['check', '--privacy', '--study', dir, '--lang', 'en']).code).toBe(1);
    const s = startCodage(['anonymise', '--study', dir, '--key', key, '--lang', 'en'], SIZE);
    // The most frequent first: Dr Martin, in the front matter, split over a line break, in a coded passage, and again.
    await s.waitFor('"Dr Martin" · title and name');
    await s.waitFor('4 places in 1 transcript');
    await s.waitFor('transcripts/MG1.txt:10:19 (front matter)  1/4');
    await s.waitFor('To decide — proposed: [Dr A]');
    await s.type(KEYS.TAB);
    await s.waitFor('transcripts/MG1.txt:14:373  2/4');
    await s.type(KEYS.ENTER);
    await s.waitFor('Replaced with [Dr A] everywhere.');
    // Lyon: the label edited.
    await s.waitFor('"Lyon" · place');
    await s.type('e');
    await s.waitFor('Replace "Lyon" with');
    await s.type('\x15[ville]');
    await s.type(KEYS.ENTER);
    await s.waitFor('Replaced with [ville] everywhere.');
    await s.waitFor('"Mme Dubreuil" · title and name');
    await s.type(KEYS.ENTER);
    await s.waitFor('"Rose" · first name');
    await s.waitFor('proposed: [first name]');
    await s.type('e\x15[fille]\r');
    await s.waitFor('"Feldenkrais"');
    await s.type('k');
    await s.waitFor('Summary before writing');
    await s.waitFor('Replace: 4 texts, 9 places in 2 transcripts');
    await s.waitFor('Keep (added to the words privacy.yaml allows): 1');
    await s.type(KEYS.ENTER);
    expect(await s.exit).toBe(0);
    await s.waitFor('9 replacement(s) in 2 transcript(s)');

    const mg1 = readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8');
    expect(mg1).toContain('ville: "[ville]"');
    expect(mg1).toContain('source: "Entretien [Dr A].docx"');
    expect(mg1).toContain('Elle a vu le [Dr A] à [ville].');
    expect(mg1).toContain('[Mme B], qui a une fibromyalgie');
    expect(readFileSync(join(dir, 'transcripts/MG7.txt'), 'utf8')).toContain('[Mme B], avec sa fille [fille],');
    // The stone at a sentence start was never a finding.
    expect(readFileSync(join(dir, 'transcripts/MG3.txt'), 'utf8')).toContain('Pierre après pierre');
    expect(parse(readFileSync(join(dir, 'privacy.yaml'), 'utf8'))).toEqual({ allow: ['Feldenkrais'] });
    expect(parse(readFileSync(key, 'utf8'))).toEqual({ 'Dr Martin': '[Dr A]', Lyon: '[ville]', 'Mme Dubreuil': '[Mme B]', Rose: '[fille]' });
    expect(statSync(key).mode & 0o777).toBe(0o600);

    const privacy = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(privacy.code, privacy.stdout).toBe(0);
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.code, check.stdout).toBe(0);
    expect(segmentsInPlace(dir).filter((x) => !x.inPlace)).toEqual([]);
    // The coded passage that held the name quotes the new text, for both coders.
    for (const coder of ['marie', 'paul']) expect(readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8')).toContain('On a fait le tour avec le [Dr A], on a essayé');
  }, 60_000);

  it('quitting half-way writes nothing', async () => {
    const dir = studyWithIdentifiers();
    const key = join(tempDir(), 'key.yaml');
    const before = snapshot(dir);
    const s = startCodage(['anonymise', '--study', dir, '--key', key, '--lang', 'en'], SIZE);
    await s.waitFor('"Dr Martin" · title and name');
    await s.type(KEYS.ENTER);
    await s.waitFor('"Lyon" · place');
    await s.type('k');
    await s.waitFor('"Mme Dubreuil"');
    await s.type('q');
    await s.waitFor('Quit without writing anything? y: yes');
    await s.type('y');
    expect(await s.exit).toBe(0);
    await s.waitFor('Anonymisation cancelled: nothing was written.');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(key)).toBe(false);
  }, 60_000);

  it('a read-only transcript: refused, nothing written, not even the key', async () => {
    const dir = studyWithIdentifiers();
    const key = join(tempDir(), 'key.yaml');
    chmodSync(join(dir, 'transcripts/MG7.txt'), 0o444);
    const before = snapshot(dir);
    const s = startCodage(['anonymise', '--study', dir, '--key', key, '--lang', 'en'], SIZE);
    await s.waitFor('"Dr Martin" · title and name');
    await s.type('w');
    await s.waitFor('Summary before writing');
    await s.waitFor('(5 not reviewed)');
    await s.type(KEYS.ESC);
    await s.waitFor('"Dr Martin" · title and name');
    await s.type('rrr'); // Dr Martin, Lyon, Mme Dubreuil (in the read-only MG7)
    await s.waitFor('"Rose"');
    await s.type('w');
    await s.waitFor('Replace: 3 texts, 8 places in 2 transcripts');
    await s.type(KEYS.ENTER);
    expect(await s.exit).toBe(1);
    await s.waitFor('MG7.txt');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(key)).toBe(false);
  }, 60_000);
});
