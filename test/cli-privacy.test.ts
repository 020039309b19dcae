/** `codage check --privacy` end to end: findings with file:line:col, exit 1 when one is likely. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const P4 = `---
id: P4
source: Entretien Mme Marchand.docx
---
E : Et votre médecin traitant ?

P4 : C'est le Dr Lefebvre, à la maison de santé des Falaises. Avant, j'étais suivie au CHU de Rouen. Ma fille Léa m'accompagne souvent.

E : Comment on peut vous joindre ?

P4 : Au 06 12 34 56 78, ou par mail, sylvie.marchand@orange.fr. Ma kiné m'a envoyée chez Kowalczyk, à Barentin.
`;

function study(): string {
  const dir = join(tempDir(), 'etude');
  expect(runCli(['init', dir, '--lang', 'en']).code).toBe(0);
  writeFileSync(join(dir, 'transcripts', 'P4.txt'), P4);
  writeFileSync(join(dir, 'privacy.yaml'), 'places: [Barentin]\n');
  return dir;
}

describe('codage check --privacy', () => {
  it('lists each finding where it is, and exits 1 while a likely identifier remains', () => {
    const dir = study();
    const r = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`transcripts/P4.txt:3:19: error: "Mme Marchand" may identify someone (title and name)
transcripts/P4.txt:7:15: error: "Dr Lefebvre" may identify someone (title and name)
transcripts/P4.txt:7:33: error: "maison de santé des Falaises" may identify someone (institution)
transcripts/P4.txt:7:88: error: "CHU de Rouen" may identify someone (institution)
transcripts/P4.txt:7:111: error: "Léa" may identify someone (first name)
transcripts/P4.txt:11:9: error: "06 12 34 56 78" may identify someone (phone number)
transcripts/P4.txt:11:38: error: "sylvie.marchand@orange.fr" may identify someone (e-mail address)
transcripts/P4.txt:11:90: warning: "Kowalczyk" may identify someone (capitalised word, perhaps a name)
transcripts/P4.txt:11:103: error: "Barentin" may identify someone (place)
fix: replace it with a label (codage anonymise), or add it under allow: in privacy.yaml if it identifies nobody
8 likely identifier(s), 1 to review, in 1 of 1 transcript(s)
`);
    const json = JSON.parse(runCli(['check', '--privacy', '--json', '--study', dir]).stdout);
    expect([json.ok, json.likely, json.possible]).toEqual([false, 8, 1]);
    expect(json.findings[0]).toMatchObject({ file: 'transcripts/P4.txt', line: 3, column: 19, severity: 'error' });
  });

  it('passes the anonymised demo study (Windows-1252 transcript included), in French', () => {
    const r = runCli(['check', '--privacy', '--study', copyStudy()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 identifiant(s) probable(s), 0 à vérifier, dans 12 transcription(s) vérifiée(s)\n');
  });

  it('looks in the memos for what has the form of an identifier, and says that anonymise replaces it there too', () => {
    const dir = copyStudy();
    expect(runCli(['memo', 'MG1', 'Le Dr Lefebvre m’a rappelé au 06 12 34 56 78, voir avec Marie.', '--coder', 'marie', '--study', dir]).code).toBe(0);
    const r = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^memos\/transcripts\/MG1\.md:3:4: error: in a memo: "Dr Lefebvre" may identify someone \(title and name\)$/m);
    expect(r.stdout).toMatch(/^memos\/transcripts\/MG1\.md:3:\d+: error: in a memo: "06 12 34 56 78" may identify someone \(phone number\)$/m);
    expect(r.stdout).toContain('replace it with a label (codage anonymise changes the memos too)');
    // A first name in a memo's prose (a coder's, a code's) is not flagged.
    expect(r.stdout).not.toContain('"Marie"');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 likely identifier(s), 0 to review, in 12 transcript(s) checked, and in 1 file(s) of memos');
  });

  it('reports a broken privacy.yaml with its position', () => {
    const dir = study();
    writeFileSync(join(dir, 'privacy.yaml'), 'places: [Barentin\n');
    const r = runCli(['check', '--privacy', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^privacy\.yaml:\d+:\d+: error: not valid YAML/m);
  });
});
