/**
 * `codage anonymise` end to end on the demo study with identifiers put back into coded passages:
 * the replacements are consistent, every coding still quotes exactly its transcript, the key is
 * written outside the study, and --dry-run writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoderFile } from '../src/core/codings/parse.js';
import { parseTranscript } from '../src/core/transcript/parse.js';
import { cleanTemps, copyStudy, runCli, snapshot } from './helpers.js';
import { studyWithIdentifiers } from './support/study-with-identifiers.js';

afterAll(cleanTemps);

/** The demo study with names where the transcripts have placeholders, codings re-anchored. */
function studyWithNames(): string {
  const dir = copyStudy();
  const a1 = join(dir, 'transcripts/A1.txt');
  writeFileSync(a1, readFileSync(a1, 'utf8').replace('Merci de voir Mme Y pour ses douleurs', 'Merci de voir Mme Dubreuil pour ses douleurs'));
  const mg1 = join(dir, 'transcripts/MG1.txt');
  writeFileSync(mg1, readFileSync(mg1, 'utf8').replace('le Dr Y. Donc', 'le Dr Lefebvre, au CHU de Rouen. Donc').replace('Mme X, qui a une', 'Mme Dubreuil, qui a une'));
  const fix = runCli(['check', '--fix', '--study', dir, '--lang', 'en']);
  expect(fix.code, fix.stdout).toBe(0);
  return dir;
}

/** Every segment of every coder file, with whether its text is exactly the transcript's at its offsets. */
function segmentsInPlace(dir: string): { id: string; text: string; inPlace: boolean }[] {
  const out: { id: string; text: string; inPlace: boolean }[] = [];
  for (const coder of ['marie', 'paul']) {
    const file = parseCoderFile(readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8'), `codings/${coder}.yaml`, coder).coderFile;
    for (const s of file.segments) {
      const name = existsSync(join(dir, `transcripts/${s.participant}.txt`)) ? `${s.participant}.txt` : `${s.participant}.md`;
      const t = parseTranscript({ file: name, bytes: readFileSync(join(dir, 'transcripts', name)), defaultId: s.participant }).transcript;
      out.push({ id: s.id, text: s.text, inPlace: [...t.text].slice(s.start, s.end).join('') === s.text });
    }
  }
  return out;
}

describe('codage anonymise', () => {
  it('--dry-run lists the replacements and writes nothing', () => {
    const dir = studyWithNames();
    const before = snapshot(dir);
    const r = runCli(['anonymise', '--dry-run', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('transcripts/A1.txt:');
    expect(r.stdout).toContain('Mme Dubreuil → [Mme A]');
    expect(r.stdout).toContain('4 replacement(s) in 2 transcript(s) (nothing written, --dry-run).');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dirname(dir), 'study-anonymisation-key.yaml'))).toBe(false);
  });

  it('replaces consistently, keeps every coding on its text, and writes the key outside the study', () => {
    const dir = studyWithNames();
    // A word coded just before a name: the name is in the text kept around the segment, not in its quote.
    expect(runCli(['autocode', 'voir', '--unit', 'word', '--code', 'impuissance', '--coder', 'marie', '--study', dir]).code).toBe(0);
    const segmentsBefore = segmentsInPlace(dir);
    expect(segmentsBefore.every((s) => s.inPlace)).toBe(true);
    const coderFiles = () => ['marie', 'paul'].map((c) => readFileSync(join(dir, `codings/${c}.yaml`), 'utf8')).join('\n');
    expect(coderFiles()).toMatch(/"text": "voir"[^\n]*"suffix": " Mme Dubreuil/);
    const r = runCli(['anonymise', '--study', dir, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('4 replacement(s) in 2 transcript(s); codings moved with the text in 2 coder file(s).');
    const a1 = readFileSync(join(dir, 'transcripts/A1.txt'), 'utf8');
    const mg1 = readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8');
    // The same person has the same label in both transcripts.
    expect(a1).toContain('Merci de voir [Mme A] pour ses douleurs');
    expect(mg1).toContain('[Mme A], qui a une');
    expect(mg1).toContain('le [Dr B], au [hospital]. Donc');
    expect(mg1).not.toMatch(/Dubreuil|Lefebvre|Rouen/);
    // Nor in the coder files: neither in the quotes nor in the context kept around them for re-anchoring.
    expect(coderFiles()).not.toMatch(/Dubreuil|Lefebvre|Rouen/);
    const after = segmentsInPlace(dir);
    expect(after.length).toBe(segmentsBefore.length);
    expect(after.filter((s) => !s.inPlace)).toEqual([]);
    expect(after.find((s) => s.id === 'r72qfs8r')!.text).toContain('« Merci de voir [Mme A] pour ses douleurs');
    const check = runCli(['check', '--privacy', '--study', dir]);
    expect(check.code, check.stdout).toBe(0);
    const key = join(dirname(dir), 'study-anonymisation-key.yaml');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(parse(readFileSync(key, 'utf8'))).toMatchObject({ 'Mme Dubreuil': '[Mme A]', 'Dr Lefebvre': '[Dr B]', 'CHU de Rouen': '[hospital]' });
    // Run again: nothing left to replace.
    expect(runCli(['anonymise', '--study', dir, '--lang', 'en']).stdout).toContain('0 replacement(s) in 0 transcript(s)');
  });

  it('anonymises the memos with the same table: memos/, and those of the coder files; the coders’ signatures are kept', () => {
    const dir = studyWithNames();
    mkdirSync(join(dir, 'memos/transcripts'), { recursive: true });
    writeFileSync(join(dir, 'memos/study.md'), '## 2026-12-01 06:55 — marie\n\nMme Dubreuil revue avec le Dr Lefebvre.\nSa fille : 06 12 34 56 78.\n');
    writeFileSync(join(dir, 'memos/transcripts/MG1.md'), 'Rien à signaler.\n');
    const marie = join(dir, 'codings/marie.yaml');
    writeFileSync(marie, readFileSync(marie, 'utf8').replace('"memo": "Point de vue de l\'algologue sur les délais', '"memo": "Le Dr Lefebvre aussi : point de vue de l\'algologue sur les délais'));
    expect(readFileSync(marie, 'utf8')).toContain('Le Dr Lefebvre aussi');
    const privacy = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(privacy.stdout).toContain('memos/study.md:4:');
    expect(privacy.stdout).toContain('codage anonymise changes the memos too');

    const before = snapshot(dir);
    const dry = runCli(['anonymise', '--dry-run', '--study', dir, '--lang', 'en']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('memos/study.md:3:1: Mme Dubreuil → [Mme A]');
    expect(dry.stdout).toContain('memos/study.md:4:12: 06 12 34 56 78 → [phone]');
    expect(dry.stdout).toMatch(/codings\/marie\.yaml:\d+:1: Dr Lefebvre → \[Dr B\]/);
    expect(dry.stdout).toContain('in 2 transcript(s) and 2 file(s) of memos (nothing written, --dry-run).');
    expect(snapshot(dir)).toEqual(before);

    const r = runCli(['anonymise', '--study', dir, '--lang', 'en', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).memos.map((m: { file: string }) => m.file)).toEqual(['codings/marie.yaml', 'memos/study.md']);
    expect(readFileSync(join(dir, 'memos/study.md'), 'utf8')).toBe('## 2026-12-01 06:55 — marie\n\n[Mme A] revue avec le [Dr B].\nSa fille : [phone].\n');
    expect(readFileSync(join(dir, 'memos/transcripts/MG1.md'), 'utf8')).toBe('Rien à signaler.\n');
    expect(readFileSync(marie, 'utf8')).toContain('"memo": "Le [Dr B] aussi : point de vue');
    expect(readFileSync(marie, 'utf8')).not.toMatch(/Dubreuil|Lefebvre/);
    expect(segmentsInPlace(dir).filter((s) => !s.inPlace)).toEqual([]);
    const after = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).not.toContain('memo');
    // The phone number only the memo said is in the key too, with the same label next time.
    expect(parse(readFileSync(join(dirname(dir), 'study-anonymisation-key.yaml'), 'utf8'))).toMatchObject({ '06 12 34 56 78': '[phone]' });
  });

  it('applies a given table with --map, and warns when the key is inside the study', () => {
    const dir = studyWithNames();
    const map = join(dirname(dir), 'table.yaml');
    writeFileSync(map, 'Dubreuil: "[P12]"\nRouen: "[ville]"\n');
    const r = runCli(['anonymise', '--map', map, '--key', join(dir, 'cle.yaml'), '--study', dir, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('is inside the study folder: it re-identifies the participants');
    expect(readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8')).toContain('le Dr Lefebvre, au CHU de [ville]. Donc');
    expect(segmentsInPlace(dir).filter((s) => !s.inPlace)).toEqual([]);
  });

  it('refuses when a coding is not where its file says, and changes nothing', () => {
    const dir = copyStudy();
    const a1 = join(dir, 'transcripts/A1.txt');
    writeFileSync(a1, readFileSync(a1, 'utf8').replace('Merci de voir Mme Y pour ses douleurs', 'Merci de voir Mme Dubreuil pour ses douleurs'));
    const before = snapshot(dir);
    const r = runCli(['anonymise', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run codage check --fix first');
    expect(snapshot(dir)).toEqual(before);
  });

  it('without a terminal, anonymises the front matter too, and lists the words to review', () => {
    const dir = studyWithIdentifiers();
    const r = runCli(['anonymise', '--study', dir, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('transcripts/MG1.txt:9:8: Lyon → [town]');
    expect(r.stdout).toContain('transcripts/MG1.txt:10:19: Dr Martin → [Dr B]');
    // Split over a line break, shown on one line.
    expect(r.stdout).toContain('transcripts/MG1.txt:14:373: Dr Martin → [Dr B]');
    expect(r.stdout).toContain('to review: Feldenkrais');
    const mg1 = readFileSync(join(dir, 'transcripts/MG1.txt'), 'utf8');
    expect(mg1).toContain('ville: "[town]"\nsource: "Entretien [Dr B].docx"\n');
    expect(runCli(['check', '--privacy', '--study', dir, '--lang', 'en']).code).toBe(0);
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.code, check.stdout).toBe(0);
    expect(segmentsInPlace(dir).filter((s) => !s.inPlace)).toEqual([]);
  });

  it('--map: an original with nothing after it is kept, and privacy.yaml allows it from then on', () => {
    const dir = studyWithIdentifiers();
    writeFileSync(join(dir, 'privacy.yaml'), '# what the study keeps\nallow: [Balint]\n');
    const map = join(dirname(dir), 'table.yaml');
    writeFileSync(map, 'Feldenkrais:\nRose: "[fille]"\n');
    const dry = runCli(['anonymise', '--map', map, '--dry-run', '--study', dir, '--lang', 'en']);
    expect(dry.stdout).toContain('to keep: Feldenkrais — would be added under allow: in privacy.yaml');
    expect(readFileSync(join(dir, 'privacy.yaml'), 'utf8')).not.toContain('Feldenkrais');
    const r = runCli(['anonymise', '--map', map, '--study', dir, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('kept: Feldenkrais — added under allow: in privacy.yaml');
    const privacy = readFileSync(join(dir, 'privacy.yaml'), 'utf8');
    expect(privacy).toContain('# what the study keeps');
    expect(parse(privacy)).toEqual({ allow: ['Balint', 'Feldenkrais'] });
    const after = runCli(['check', '--privacy', '--study', dir, '--lang', 'en', '--json']);
    expect(after.stdout).not.toContain('Feldenkrais');
    expect(after.stdout).not.toContain('"Rose"');
  });
});
