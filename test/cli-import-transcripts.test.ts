/**
 * `codage import` end to end, on files made the way the world makes them: a Word document and an
 * OpenDocument text saved by LibreOffice (headings, a table, soft line breaks, a comment, a
 * footnote), a Zoom and a Teams WebVTT, an SRT with a BOM and CRLF, a Windows-1252 text with CRLF;
 * and files that must be refused: encrypted, corrupt, empty, binary, a zip bomb, a PDF.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTranscript } from '../src/core/transcript/parse.js';
import { cleanTemps, copyStudy, ROOT, runCli, snapshot, tempDir } from './helpers.js';
import { encryptedWordFile } from './support/encrypted-office.js';
import { zipArchive } from './zip-archive.js';

afterAll(cleanTemps);

const FIXTURES = join(ROOT, 'fixtures/import');

function newStudy(): string {
  const dir = join(tempDir(), 'etude');
  const init = runCli(['init', dir, '--lang', 'fr']);
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

function sources(): string {
  const dir = tempDir('codage-sources-');
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

function transcript(study: string, name: string): string {
  return readFileSync(join(study, 'transcripts', name), 'utf8');
}

const WORD_BODY = `Entretien MG3

Âge | 52 ans

Milieu | semi-rural

Première partie

E : Bonjour, merci d’avoir accepté. Pouvez-vous me parler du dernier patient douloureux chronique que vous avez vu ?

MG3 : Alors euh… c’était ce matin.
Une dame de cinquante-huit ans, fibromyalgique.
Elle a mal partout *rire*.

E : Et comment vous vous sentez, vous, face à ça ?

MG3 : Démuni. « On tourne en rond », comme on dit.  (silence)
`;

describe('codage import', () => {
  it('imports every format into normalised transcripts the study reads back, leaving the originals untouched', () => {
    const study = newStudy();
    const from = sources();
    const before = hashes(from);
    const result = runCli([
      'import', join(from, 'entretien-MG3.docx'), join(from, 'entretien-MG3.odt'), join(from, '*.vtt'), join(from, 'entretien-P5.srt'), join(from, 'entretien-P7-windows.txt'),
      '--study', study, '--speaker', 'Enquêtrice=E', '--speaker', 'Interviewé=MG3', '--speaker', 'Marie Dupont=E', '--speaker', 'Jean-Pierre Martin=MG12',
      '--speaker', 'Sophie Bernard (Externe)=A2', '--speaker', 'Intervieweur=E', '--speaker', 'Patient=P5', '--speaker', 'Intervieweuse=E',
    ]);
    // A label of the map that no file has is said, not silently left unused.
    expect(result.stderr).toContain('aucun fichier importé n’a l’étiquette « Intervieweuse » (→ E)');
    expect(result.stderr).not.toContain('« Patient »');
    // A new label the transcript would not read back as it is: refused before anything is read.
    const colon = runCli(['import', join(from, 'entretien-P5.srt'), '--study', study, '--speaker', 'Patient=E:x', '--lang', 'en']);
    expect(colon.code).toBe(2);
    expect(colon.stderr).toContain('"E:x" (for "Patient") cannot be a speaker label');
    // The .docx and the .odt have the same name: the second one is not imported.
    expect(result.stdout).toContain('entretien-MG3.odt\u00a0: même nom qu’un autre fichier — il deviendrait lui aussi transcripts/entretien-MG3.txt');
    expect(result.code).toBe(1);
    expect(hashes(from)).toEqual(before);

    expect(transcript(study, 'entretien-MG3.txt')).toBe(`---\nid: entretien-MG3\nsource: entretien-MG3.docx\n---\n${WORD_BODY}`);
    expect(transcript(study, 'GMT20240312-101500_Recording.transcript.txt')).toBe(`---
id: GMT20240312-101500_Recording.transcript
date: 2024-03-12
duration: 25
source: GMT20240312-101500_Recording.transcript.vtt
---
[00:00:01] E : Bonjour docteur, merci de me recevoir. Pour commencer, pouvez-vous me parler de votre dernier patient douloureux ?

[00:00:09] MG12 : Alors euh… c'était ce matin, une dame de cinquante-huit ans. Elle a mal partout et, honnêtement, on tourne en rond.

[00:00:22] E : D'accord. Et vous, comment vous le vivez ?

[00:24:58] MG12 : Voilà, je crois que j'ai tout dit.
`);
    expect(transcript(study, 'teams-entretien-A2.txt')).toContain(
      '[00:00:10] A2 : Oui, bien sûr. Alors, moi je suis algologue & je travaille au centre de la douleur depuis douze ans.\n',
    );
    expect(transcript(study, 'teams-entretien-A2.txt')).toContain('[00:00:03] E : Bonjour, on peut commencer\u00a0? J\'enregistre l\'entretien, si vous êtes d\'accord.\n');
    expect(transcript(study, 'entretien-P5.txt')).toBe(`---
id: entretien-P5
duration: 13
source: entretien-P5.srt
---
[00:00:00] E : Bonjour, vous pouvez vous présenter ?

[00:00:03] P5 : Oui, j'ai soixante-deux ans, je suis retraité. J'ai mal au dos depuis dix ans.

[00:12:40] E : Merci beaucoup.
`);
    expect(transcript(study, 'entretien-P7-windows.txt')).toBe(`---
id: entretien-P7-windows
source: entretien-P7-windows.txt
---
E : Bonjour. Comment ça va depuis la dernière fois ?

P7 : Ça va… enfin, le dos, toujours. J’ai vu le kiné deux fois, ça m’a fait du bien.

E : Et le médecin, qu’est-ce qu’il en dit ?

P7 : « Patience », qu’il dit. Mais l’été dernier, c’était pire — vraiment pire.
`);
    expect(result.stdout).toContain('entretien-P7-windows.txt → transcripts/entretien-P7-windows.txt (E, P7\u202f; Windows-1252)');

    // The study reads them back: turns, speakers and times as written.
    const vtt = parseTranscript({ file: 'x', bytes: readFileSync(join(study, 'transcripts', 'GMT20240312-101500_Recording.transcript.txt')), defaultId: 'x' });
    expect(vtt.transcript.turns.map((t) => [t.time, t.speaker, t.role])).toEqual([
      ['00:00:01', 'E', 'interviewer'],
      ['00:00:09', 'MG12', 'participant'],
      ['00:00:22', 'E', 'interviewer'],
      ['00:24:58', 'MG12', 'participant'],
    ]);
    const check = runCli(['check', '--study', study]);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('5 transcription(s)');
  });

  it('imports the OpenDocument text to the same transcript as the Word document', () => {
    const study = newStudy();
    const result = runCli(['import', join(FIXTURES, 'entretien-MG3.odt'), '--study', study, '--speakers', writeMap()]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(transcript(study, 'entretien-MG3.txt')).toBe(`---\nid: entretien-MG3\nsource: entretien-MG3.odt\n---\n${WORD_BODY}`);
  });

  it('writes the transcript in the study’s language, whatever language the messages are in (--lang)', () => {
    const dir = join(tempDir(), 'study');
    expect(runCli(['init', dir, '--lang', 'en']).code).toBe(0);
    const src = join(tempDir('codage-sources-'), 'interview-P1.txt');
    writeFileSync(src, 'Interviewer - Could you tell me about your last patient?\nP1 - Well, it was this morning.\n');
    const result = runCli(['import', src, '--study', dir, '--lang', 'fr']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // English labels (« : » would be French typography); the messages in French.
    expect(transcript(dir, 'interview-P1.txt')).toContain('Interviewer: Could you tell me about your last patient?\nP1: Well, it was this morning.');
    expect(result.stdout).toContain('transcription(s) importée(s)');
  });

  it('writes Word and text files in the study’s language both ways, and leaves a dash the reader takes for no label as written', () => {
    // Interviews as they come: labels written with a dash or a tab (as a Word table's layout
    // leaves them), a speech line opening twice with « So - » / « Bon - », which is no label.
    const english = [
      'Interview P1 – GP, rural practice',
      'I - Could you tell me about the last patient with chronic pain you saw?',
      'P1 - Well, it was this morning. A man with low back pain.',
      'So - what then?',
      'I\tHow did you feel?',
      'P1\tHelpless, a bit.',
      'So - that is it.',
    ];
    const french = ['Entretien MG2', 'E - Pouvez-vous me parler du dernier patient douloureux ?', 'MG2 - Bon - enfin, c’était ce matin.', 'Bon - enfin voilà.', 'E\tEt vous, comment vous sentez-vous ?', 'MG2\tDémuni.', 'Bon - enfin, on fait ce qu’on peut.'];
    const expected = (lines: string[], colon: string, gap: string) =>
      lines.map((l) => l.replace(/^(I|P1|E|MG2)(?: - |\t)/, `$1${colon}`)).join(gap);
    for (const [studyLanguage, messages, lines, name] of [
      ['en', 'fr', english, 'P1'],
      ['fr', 'en', french, 'MG2'],
    ] as const) {
      const study = join(tempDir(), 'study');
      expect(runCli(['init', study, '--lang', studyLanguage]).code).toBe(0);
      const dir = tempDir('codage-sources-');
      writeFileSync(join(dir, `${name}.docx`), wordDocument(lines.map(wordParagraph).join('')));
      writeFileSync(join(dir, `${name}-text.txt`), `${lines.join('\r\n')}\r\n`);
      const result = runCli(['import', join(dir, `${name}.docx`), join(dir, `${name}-text.txt`), '--study', study, '--lang', messages]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const colon = studyLanguage === 'fr' ? ' : ' : ': ';
      expect(transcript(study, `${name}.txt`).split('---\n')[2]).toBe(`${expected(lines, colon, '\n\n')}\n`);
      expect(transcript(study, `${name}-text.txt`).split('---\n')[2]).toBe(`${expected(lines, colon, '\n')}\n`);
      expect(result.stdout).not.toContain('note');
    }
  });

  it('writes the transcripts of a study whose codage.yaml names no language in the language of its interviews, not the messages’', () => {
    const study = join(tempDir(), 'study');
    expect(runCli(['init', study, '--lang', 'en']).code).toBe(0);
    writeFileSync(join(study, 'codage.yaml'), 'title: "Chronic pain in general practice"\n');
    const dir = tempDir('codage-sources-');
    const said = [
      'E: Thank you for taking the time to talk with me. Could you tell me about the last patient with chronic pain that you saw?',
      'P4: Well, it was this morning actually. A man in his fifties with low back pain, and he has had it for years. I think he was quite fed up with it, and so was I, to be honest.',
      'E: How did you feel about that consultation?',
      'P4: Helpless, a bit. You know, we try things, we send them to the pain clinic, and the waiting list is about eight months. So in the meantime we just do what we can with what we have.',
    ];
    writeFileSync(join(dir, 'P4.docx'), wordDocument(said.map((l) => wordParagraph(l.replace(': ', ' : '))).join('')));
    const result = runCli(['import', join(dir, 'P4.docx'), '--study', study, '--lang', 'fr']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(transcript(study, 'P4.txt')).toBe(`---\nid: P4\nsource: P4.docx\n---\n${said.join('\n\n')}\n`);
    expect(result.stdout).toContain('note\u00a0: transcriptions écrites en anglais, la langue des entretiens (codage.yaml ne dit pas celle de l’étude)\u00a0; pour la fixer\u00a0: language: en dans codage.yaml.');
    // The next file, too short to tell, takes the language of the interviews already there.
    writeFileSync(join(dir, 'P5.txt'), 'E : Hello.\n\nP5 : Hello.\n');
    const json = runCli(['import', join(dir, 'P5.txt'), '--study', study, '--lang', 'fr', '--json']);
    expect(JSON.parse(json.stdout).transcriptLanguage).toBe('en');
    expect(transcript(study, 'P5.txt')).toContain('E: Hello.\n\nP5: Hello.\n');
  });

  it('refuses what it cannot import, with the reason, and imports the rest', () => {
    const study = newStudy();
    const dir = tempDir('codage-bad-');
    const docx = readFileSync(join(FIXTURES, 'entretien-MG3.docx'));
    writeFileSync(join(dir, 'chiffre.docx'), encryptedWordFile());
    writeFileSync(join(dir, 'coupe.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    writeFileSync(join(dir, 'vide.txt'), '');
    writeFileSync(join(dir, 'blancs.txt'), '\r\n  \r\n');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'bombe.docx'), zipArchive([{ name: 'word/document.xml', content: Buffer.alloc(1000, 0x41), declaredSize: 3 * 1024 ** 3 }]));
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.7\n');
    writeFileSync(join(dir, 'P9.txt'), 'E : Bonjour.\n\nP9 : Bonjour.\n');
    const result = runCli(['import', dir, '--study', study, '--lang', 'en']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.startsWith('✗') || l.startsWith('✓'));
    expect(lines).toEqual([
      `✓ ${join(dir, 'P9.txt')} → transcripts/P9.txt (E, P9)`,
      `✗ ${join(dir, 'blancs.txt')}: empty — no text in it`,
      `✗ ${join(dir, 'bombe.docx')}: too large — would expand to too much once unzipped (3221225472 bytes once expanded): not opened, to protect the computer's memory`,
      `✗ ${join(dir, 'chiffre.docx')}: encrypted — protected by a password (encrypted)`,
      expect.stringMatching(/^✗ .*coupe\.docx: unreadable — a damaged Word document \(no end of central directory\)$/),
      expect.stringMatching(/^✗ .*image\.txt: binary — not text: it looks like a PNG image$/),
      `✗ ${join(dir, 'vide.txt')}: empty — the file is empty`,
    ]);
    expect(result.stdout).toContain('1 transcript(s) imported, 6 not imported.');
    expect(readdirSync(join(study, 'transcripts'))).toEqual(['P9.txt']);
    // A folder is searched for importable files only: the PDF is named when given by name.
    const pdf = runCli(['import', join(dir, 'scan.pdf'), '--study', study, '--lang', 'en', '--json']);
    expect(pdf.code).toBe(1);
    expect(JSON.parse(pdf.stdout).notImported).toEqual([
      { file: join(dir, 'scan.pdf'), reason: 'unsupported', detail: '.pdf files are not imported', hint: expect.stringContaining('copy the text out of the PDF') },
    ]);
  });

  it('never replaces a transcript without --force, and --dry-run writes nothing', () => {
    const study = newStudy();
    const file = join(tempDir(), 'P2.txt');
    writeFileSync(file, 'E : Première version.\n\nP2 : Oui.\n');
    expect(runCli(['import', file, '--study', study, '--dry-run']).code).toBe(0);
    expect(existsSync(join(study, 'transcripts', 'P2.txt'))).toBe(false);
    expect(runCli(['import', file, '--study', study]).code).toBe(0);
    const first = transcript(study, 'P2.txt');
    writeFileSync(file, 'E : Seconde version.\n\nP2 : Non.\n');
    const again = runCli(['import', file, '--study', study, '--lang', 'en']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('already in the study — transcripts/P2.txt already exists');
    expect(transcript(study, 'P2.txt')).toBe(first);
    expect(runCli(['import', file, '--study', study, '--force']).code).toBe(0);
    expect(transcript(study, 'P2.txt')).toContain('Seconde version');
  });

  it('refuses a file whose id another transcript already has, naming both and the ways out, and writes nothing of it', () => {
    const study = newStudy();
    const dir = tempDir();
    writeFileSync(join(dir, 'P3.txt'), 'E : Bonjour.\n\nP3 : Bonjour.\n');
    expect(runCli(['import', join(dir, 'P3.txt'), '--study', study]).code).toBe(0);
    const before = snapshot(study);
    // Another file name, the same id in its front matter.
    writeFileSync(join(dir, 'P3 relu.txt'), '---\nid: P3\n---\nE : Bonjour.\n\nP3 : Re-bonjour.\n');
    const run = runCli(['import', join(dir, 'P3 relu.txt'), '--study', study, '--lang', 'en', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).notImported).toEqual([
      {
        file: join(dir, 'P3 relu.txt'),
        reason: 'id-taken',
        detail: 'it would be transcripts/P3 relu.txt with the participant id P3, which transcripts/P3.txt already has',
        hint: 'a different participant: write another id: in the front matter of P3 relu.txt; a new version of transcripts/P3.txt: name it P3.txt and import it with --force (its front matter is kept, its codings are anchored on the new text)',
      },
    ]);
    expect(snapshot(study)).toEqual(before);
    const fr = runCli(['import', join(dir, 'P3 relu.txt'), '--study', study]);
    expect(fr.code).toBe(1);
    expect(fr.stdout).toContain('il deviendrait transcripts/P3 relu.txt avec l’identifiant P3, qui est déjà celui de transcripts/P3.txt');
    expect(runCli(['check', '--study', study]).code).toBe(0);
  });

  it('--force re-anchors every coder’s codings on the new text in the same change, and reports those it cannot place', () => {
    const study = copyStudy();
    const body = readFileSync(join(study, 'transcripts/MG1.txt'), 'utf8').split('---\n')[2]!;
    // The transcriber's corrected version, as Word saves it: CRLF, a line added at the top, one
    // coded passage reworded (placed approximately), one cut out (not placed).
    const corrected = `Enquêtrice : (début de l’enregistrement)\n\n${body}`
      .replace('Peut-être juste d\'être écoutée, je sais pas.', 'Peut-être juste d\'être écoutée, je ne sais pas.')
      .replace('je suis vidée. Vraiment. C\'est la consultation que je redoute un peu dans la journée.', 'je suis fatiguée.')
      .replace(/\n/g, '\r\n');
    const file = join(tempDir(), 'MG1.txt');
    writeFileSync(file, corrected);
    const before = snapshot(study);
    const dry = runCli(['import', file, '--force', '--dry-run', '--study', study, '--lang', 'en']);
    expect(dry.stdout).toContain('codings/marie.yaml: 27 segment(s) would be anchored on the new text');
    expect(snapshot(study)).toEqual(before);

    const r = runCli(['import', file, '--force', '--study', study, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('codings/marie.yaml: 27 segment(s) anchored on the new text');
    expect(r.stdout).toContain('check: 125aa7dg (MG1) placed approximately: “Peut-être juste d\'être écoutée, je sais pas.” → “Peut-être juste d\'être écoutée, je ne sais pas.”');
    expect(r.stdout).toContain('not placed: 9yq4imfr (MG1) “je suis vidée. Vraiment. C\'est la consultation que je redout…” — not found in the new text; kept as it was in the coder file');
    expect(r.stdout).toMatch(/codings\/paul\.yaml: \d+ segment\(s\) anchored on the new text/);
    const marie = readFileSync(join(study, 'codings/marie.yaml'), 'utf8');
    // Kept, not dropped; the others quote the new text exactly.
    expect(marie).toContain('"id": "9yq4imfr"');
    expect(marie).toContain('"text": "Peut-être juste d\'être écoutée, je ne sais pas."');
    const check = runCli(['check', '--study', study, '--lang', 'en', '--json']);
    const errors = (JSON.parse(check.stdout).problems as { severity: string; message: string }[]).filter((p) => p.severity === 'error');
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('9yq4imfr')]);
  });

  it('--force keeps the front matter of the transcript it replaces: the id its codings name, the attributes and date typed in', () => {
    // As the import's note says: « Entretien MG3 » made MG3 by hand, its date and sex typed in,
    // then coded; the transcriber's corrected version is imported again with --force.
    const study = newStudy();
    const file = join(tempDir('codage-sources-'), 'Entretien MG3.txt');
    writeFileSync(file, 'E : Bonjour, parlez-moi de vos patients.\n\nR : Je me sens souvent impuissant face à eux.\n');
    expect(runCli(['import', file, '--study', study]).code).toBe(0);
    const target = join(study, 'transcripts', 'Entretien MG3.txt');
    writeFileSync(target, readFileSync(target, 'utf8').replace('id: Entretien MG3\n', 'id: MG3\ndate: 2025-03-12\nsexe: F\n'));
    const csv = join(tempDir(), 'codage.csv');
    writeFileSync(csv, 'participant;code;verbatim\nMG3;Impuissance;souvent impuissant\n');
    expect(runCli(['import-codings', csv, '--coder', 'marie', '--study', study]).code).toBe(0);
    writeFileSync(file, 'Date : 13/03/2025\n\nE : Bonjour, parlez-moi de vos patients, docteur.\n\nR : Je me sens souvent impuissant face à eux.\n');
    const r = runCli(['import', file, '--force', '--study', study, '--lang', 'en']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const front = transcript(study, 'Entretien MG3.txt').split('---\n')[1]!;
    expect(front).toBe('id: MG3\ndate: 2025-03-12\nsource: Entretien MG3.txt\nsexe: F\n');
    // The header's other date is said, not taken.
    expect(r.stdout).toContain('  kept: date "2025-03-12" (the transcript replaced), not "2025-03-13" (the lines before the first speaker)\n');
    expect(r.stdout).toContain('codings/marie.yaml: 1 segment(s) anchored on the new text');
    const check = runCli(['check', '--study', study, '--lang', 'en', '--json']);
    expect((JSON.parse(check.stdout).problems as { severity: string }[]).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('--force names every attribute the new file gives otherwise than the front matter it keeps, with both values and which one is kept', () => {
    const study = newStudy();
    const dir = tempDir('codage-sources-');
    const file = join(dir, 'GMT20250315-101500_MG5.txt');
    writeFileSync(file, 'E : Bonjour.\n\nMG5 : Bonjour.\n');
    expect(runCli(['import', file, '--study', study]).code).toBe(0);
    const target = join(study, 'transcripts', 'GMT20250315-101500_MG5.txt');
    const typed = '---\nid: MG5\ndate: 2025-03-12\nduration: 40\nsexe: F\nage: 52\nmilieu: semi-rural\nformation:\nsource: GMT20250315-101500_MG5.txt\n---\n';
    writeFileSync(target, `${typed}E : Bonjour.\n\nMG5 : Bonjour.\n`);
    // The transcriber's version, with a front matter and a header of its own (curly apostrophes, NBSP).
    writeFileSync(file, '---\nid: MG5b\nage: 53\nmilieu: rural\nformation: DU douleur\nsexe: F\n---\nDurée de l’entretien\u00a0: 45’30\nDate : 13/03/25\n\nE : Bonjour, docteur.\n\nMG5 : Bonjour.\n');
    const fr = runCli(['import', file, '--force', '--dry-run', '--study', study]);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain(
      [
        '  gardé\u00a0: id «\u00a0MG5\u00a0» (la transcription remplacée), et non «\u00a0MG5b\u00a0» (l’en-tête YAML du nouveau fichier)',
        '  gardé\u00a0: date «\u00a02025-03-12\u00a0» (la transcription remplacée), et non «\u00a02025-03-15\u00a0» (le nom du fichier)',
        '  gardé\u00a0: date «\u00a02025-03-12\u00a0» (la transcription remplacée), et non «\u00a02025-03-13\u00a0» (les lignes avant le premier locuteur)',
        '  gardé\u00a0: duration «\u00a040\u00a0» (la transcription remplacée), et non «\u00a046\u00a0» (les lignes avant le premier locuteur)',
        '  gardé\u00a0: age «\u00a052\u00a0» (la transcription remplacée), et non «\u00a053\u00a0» (l’en-tête YAML du nouveau fichier)',
        '  gardé\u00a0: milieu «\u00a0semi-rural\u00a0» (la transcription remplacée), et non «\u00a0rural\u00a0» (l’en-tête YAML du nouveau fichier)',
        '  ajouté\u00a0: formation «\u00a0DU douleur\u00a0» (l’en-tête YAML du nouveau fichier)',
        '  à faire\u00a0: pour prendre une autre valeur, l’écrire dans l’en-tête YAML de transcripts/GMT20250315-101500_MG5.txt',
      ].join('\n'),
    );
    expect(readFileSync(target, 'utf8').startsWith(typed)).toBe(true);
    const en = runCli(['import', file, '--force', '--study', study, '--lang', 'en', '--json']);
    expect(en.code, en.stderr).toBe(0);
    const out = JSON.parse(en.stdout) as { imported: { differences: { attribute: string; kept: unknown; notKept: unknown }[]; filled: unknown[] }[] };
    expect(out.imported[0]!.differences.map((d) => [d.attribute, d.kept, d.notKept])).toEqual([
      ['id', { value: 'MG5', from: 'replaced-transcript' }, { value: 'MG5b', from: 'front-matter' }],
      ['date', { value: '2025-03-12', from: 'replaced-transcript' }, { value: '2025-03-15', from: 'file-name' }],
      ['date', { value: '2025-03-12', from: 'replaced-transcript' }, { value: '2025-03-13', from: 'header' }],
      ['duration', { value: 40, from: 'replaced-transcript' }, { value: 46, from: 'header' }],
      ['age', { value: 52, from: 'replaced-transcript' }, { value: 53, from: 'front-matter' }],
      ['milieu', { value: 'semi-rural', from: 'replaced-transcript' }, { value: 'rural', from: 'front-matter' }],
    ]);
    expect(out.imported[0]!.filled).toEqual([{ attribute: 'formation', value: 'DU douleur', from: 'front-matter' }]);
    expect(readFileSync(target, 'utf8').split('---\n')[1]).toBe(
      'id: MG5\ndate: 2025-03-12\nduration: 40\nsource: GMT20250315-101500_MG5.txt\nsexe: F\nage: 52\nmilieu: semi-rural\nformation: DU douleur\n',
    );
    const text = runCli(['import', file, '--force', '--study', study, '--lang', 'en']);
    expect(text.stdout).toContain('  kept: milieu "semi-rural" (the transcript replaced), not "rural" (the new file’s front matter)\n');
    expect(text.stdout).not.toContain('added');
  });

  it('--force replaces no transcript whose front matter it cannot read: what was typed in it would be lost', () => {
    const study = newStudy();
    const file = join(tempDir('codage-sources-'), 'MG6.txt');
    writeFileSync(file, 'E : Bonjour.\n\nMG6 : Bonjour.\n');
    expect(runCli(['import', file, '--study', study]).code).toBe(0);
    const target = join(study, 'transcripts', 'MG6.txt');
    const broken = '---\nid: MG6\nsexe: [F\n---\nE : Bonjour.\n\nMG6 : Bonjour.\n';
    writeFileSync(target, broken);
    const r = runCli(['import', file, '--force', '--study', study, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ .*MG6\.txt: not replaced — the front matter of transcripts\/MG6\.txt(:\d+)?, which it would replace, cannot be read \(.+\): what was typed in it would be lost\n {2}fix: correct it \(codage check says where\), then import again with --force\n/);
    expect(readFileSync(target, 'utf8')).toBe(broken);
  });

  it('says that an id made from the file name (« Entretien P4 ») signs the quotes, and how to make it P4', () => {
    const study = newStudy();
    const file = join(tempDir('codage-sources-'), 'Entretien P4.txt');
    writeFileSync(file, 'E : Bonjour ?\nP4 : Bonjour.\n');
    const result = runCli(['import', file, '--study', study]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'note\u00a0: les identifiants viennent des noms de fichiers (Entretien P4) et signent les verbatims des tableaux («\u00a0…\u00a0» (Entretien P4)). Pour «\u00a0P4\u00a0», écrire id: P4 dans l’en-tête de transcripts/Entretien P4.txt avant de coder',
    );
    const plain = join(tempDir('codage-sources-'), 'P5.txt');
    writeFileSync(plain, 'E : Bonjour ?\nP5 : Bonjour.\n');
    expect(runCli(['import', plain, '--study', study]).stdout).not.toContain('note');
  });

  it('keeps the text of Word fields: a date inserted as a simple field (w:fldSimple) as much as a complex one', () => {
    const study = newStudy();
    const dir = tempDir('codage-sources-');
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const simple = `<w:fldSimple w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; "><w:r><w:t>12/03/2025</w:t></w:r></w:fldSimple>`;
    const complex = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = [
      `<w:p>${run('Date : ')}${simple}${run(' — durée 42 min')}</w:p>`,
      `<w:p>${run('Page ')}${complex}${run(', fichier ')}<w:fldSimple w:instr="FILENAME"><w:r><w:t>MG4.docx</w:t></w:r></w:fldSimple><w:fldSimple w:instr="NUMPAGES"/></w:p>`,
      `<w:p>${run('E : Bonjour, merci d’avoir accepté.')}</w:p>`,
      `<w:p>${run('MG4 : Avec plaisir.')}</w:p>`,
    ].join('');
    writeFileSync(join(dir, 'MG4.docx'), wordDocument(body));
    const result = runCli(['import', join(dir, 'MG4.docx'), '--study', study]);
    expect(result.code, result.stderr).toBe(0);
    // The date and duration the header names go in the front matter; the header stays as written.
    expect(transcript(study, 'MG4.txt')).toBe(
      '---\nid: MG4\ndate: 2025-03-12\nduration: 42\nsource: MG4.docx\n---\nDate : 12/03/2025 — durée 42 min\n\nPage 1, fichier MG4.docx\n\nE : Bonjour, merci d’avoir accepté.\n\nMG4 : Avec plaisir.\n',
    );
    expect(result.stdout).toContain('MG4.docx → transcripts/MG4.txt (E, MG4\u202f; date 2025-03-12, durée 42 min lues avant le premier locuteur)');
  });

  it('takes the interview date and duration from the lines before the first speaker, never over a date given otherwise', () => {
    const study = newStudy();
    const dir = tempDir('codage-sources-');
    writeFileSync(join(dir, 'P3.txt'), 'Interview 3\nDate: 2025-03-12, duration 42 minutes\n\nE: Hello.\n\nP3: Hello.\n');
    writeFileSync(join(dir, 'GMT20250314-101500_P4.txt'), 'Date de l’entretien : 12 mars 2025\nDurée : 00:42:10\n\nE : Bonjour.\n\nP4 : Bonjour.\n');
    const result = runCli(['import', join(dir, 'P3.txt'), join(dir, 'GMT20250314-101500_P4.txt'), '--study', study, '--lang', 'en', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as { imported: { id: string; fromHeader?: unknown; differences: unknown[] }[]; problems: unknown[] };
    expect(out.imported.map((t) => [t.id, t.fromHeader, t.differences])).toEqual([
      ['P3', { date: '2025-03-12', duration: 42 }, []],
      ['GMT20250314-101500_P4', { duration: 42 }, [{ attribute: 'date', kept: { value: '2025-03-14', from: 'file-name' }, notKept: { value: '2025-03-12', from: 'header' } }]],
    ]);
    expect(out.problems).toEqual([]);
    // The study is French (its labels « E : »), the messages English (--lang en).
    expect(transcript(study, 'P3.txt')).toBe('---\nid: P3\ndate: 2025-03-12\nduration: 42\nsource: P3.txt\n---\nInterview 3\nDate: 2025-03-12, duration 42 minutes\n\nE : Hello.\n\nP3 : Hello.\n');
    expect(transcript(study, 'GMT20250314-101500_P4.txt')).toContain('date: 2025-03-14\nduration: 42\n');
    const check = runCli(['check', '--study', study]);
    expect(check.code, check.stdout).toBe(0);
  });

  it('reads a Word table’s « Durée de l’entretien : 45’30 » and a two-digit year, and says which values read two ways, keeping the header as written', () => {
    const study = newStudy();
    const dir = tempDir('codage-sources-');
    const header = [
      ['Entretien MG7', 'médecin généraliste, semi-rural'],
      ['Date de l’entretien\u00a0:', '12/03/24'],
      ['Durée de l’entretien\u00a0:', '45’30'],
    ];
    const speech = ['E\u00a0: Bonjour, merci d’avoir accepté.', 'MG7\u00a0: Avec plaisir.'];
    writeFileSync(join(dir, 'MG7.docx'), wordDocument(wordTable(header) + speech.map(wordParagraph).join('')));
    writeFileSync(join(dir, 'MG8.txt'), 'Entretien MG8\r\nDate : 12/03/98\r\nDurée : 4:30\r\n\r\nE : Bonjour.\r\n\r\nMG8 : Bonjour.\r\n');
    writeFileSync(join(dir, 'MG9.txt'), "Entretien MG9 — durée 42:10 — date 14/03/25\n\nE : Bonjour.\n\nMG9 : Bonjour.\n");
    const result = runCli(['import', join(dir, 'MG7.docx'), join(dir, 'MG8.txt'), join(dir, 'MG9.txt'), '--study', study]);
    expect(result.code, result.stderr).toBe(0);
    expect(transcript(study, 'MG7.txt')).toBe(
      '---\nid: MG7\ndate: 2024-03-12\nduration: 46\nsource: MG7.docx\n---\nEntretien MG7 | médecin généraliste, semi-rural\n\nDate de l’entretien\u00a0: | 12/03/24\n\nDurée de l’entretien\u00a0: | 45’30\n\nE : Bonjour, merci d’avoir accepté.\n\nMG7 : Avec plaisir.\n',
    );
    expect(result.stdout).toContain('MG7.docx → transcripts/MG7.txt (E, MG7\u202f; date 2024-03-12, durée 46 min lues avant le premier locuteur)');
    expect(transcript(study, 'MG8.txt')).toBe('---\nid: MG8\nsource: MG8.txt\n---\nEntretien MG8\nDate : 12/03/98\nDurée : 4:30\n\nE : Bonjour.\n\nMG8 : Bonjour.\n');
    expect(result.stderr).toContain('dont l’année en deux chiffres peut être 1998 ou 2098');
    expect(result.stderr).toContain('date: 1998-03-12 ou date: 2098-03-12');
    expect(result.stderr).toContain('duration: 270 ou duration: 5');
    expect(transcript(study, 'MG9.txt')).toContain('date: 2025-03-14\nduration: 42\n');
  });

  it('imports a Word table « speaker | speech », one row per turn, as turns written the study’s way', () => {
    const study = newStudy();
    const dir = tempDir('codage-sources-');
    const rows = [
      ['E', 'Bonjour, pouvez-vous me parler de votre dernier patient douloureux ?'],
      ['P1', 'Alors euh… c’était ce matin. *rire*'],
      ['E', 'Et vous, face à ça ?'],
      ['P1', 'Démuni. (silence) « On tourne en rond. »'],
    ];
    writeFileSync(join(dir, 'P1.docx'), wordDocument(wordParagraph('Entretien P1') + wordTable([['Locuteur', 'Propos'], ...rows])));
    const result = runCli(['import', join(dir, 'P1.docx'), '--study', study]);
    expect(result.code, result.stderr).toBe(0);
    expect(transcript(study, 'P1.txt')).toBe(`---\nid: P1\nsource: P1.docx\n---\nEntretien P1\n\nLocuteur | Propos\n\n${rows.map(([who, said]) => `${who} : ${said}`).join('\n\n')}\n`);
    const parsed = parseTranscript({ file: 'P1.txt', bytes: readFileSync(join(study, 'transcripts', 'P1.txt')), defaultId: 'P1' }).transcript;
    expect(parsed.turns.filter((t) => t.speaker !== null).map((t) => parsed.text.slice(t.textStart, t.end))).toEqual(rows.map(([, said]) => said));
  });

  it('warns when speaker labels are still names', () => {
    const study = newStudy();
    const result = runCli(['import', join(FIXTURES, 'teams-entretien-A2.vtt'), '--study', study, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('these speaker labels look like names: Marie Dupont, Sophie Bernard.');
    expect(result.stdout).toContain('codage import … --force --speaker "Name=P3"');
    // Nothing is imported yet on a dry run: the same command with --speaker, no --force needed.
    const dry = runCli(['import', join(FIXTURES, 'teams-entretien-A2.vtt'), '--study', newStudy(), '--lang', 'en', '--dry-run']);
    expect(dry.stdout).toContain('Replace them with the study\'s codes: codage import … --speaker "Name=P3" (or --speakers map.yaml)');
  });

  it('ends that warning with one full stop when a label ends with its own', () => {
    const study = newStudy();
    const file = join(tempDir('codage-sources-'), 'entretien-P3.txt');
    writeFileSync(file, 'Enquêtrice : Bonjour, pouvez-vous vous présenter ?\nDr B. : Oui, je suis médecin généraliste depuis dix ans.\n');
    const result = runCli(['import', file, '--study', study]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('ces étiquettes de locuteur ressemblent à des noms\u00a0: Dr B. Remplacez-les par les codes de l’étude\u00a0: ');
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('imports a Word document LibreOffice makes now the same as the committed one', () => {
    const out = tempDir('codage-soffice-');
    const conversion = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'docx', '--outdir', out, join(FIXTURES, 'entretien-MG3.fodt')], { encoding: 'utf8', timeout: 120_000 });
    expect(conversion.status, conversion.stderr).toBe(0);
    const study = newStudy();
    expect(runCli(['import', join(out, 'entretien-MG3.docx'), '--study', study, '--speakers', writeMap()]).code).toBe(0);
    expect(transcript(study, 'entretien-MG3.txt')).toBe(`---\nid: entretien-MG3\nsource: entretien-MG3.docx\n---\n${WORD_BODY}`);
  }, 150_000);
  if (!soffice) it('imports a freshly made Word document (skipped: LibreOffice is not installed here; CI installs it)', () => undefined);
});

/** A Word document (.docx) whose body is `bodyXml` (w:p and w:tbl elements), as Word stores it. */
function wordDocument(bodyXml: string): Buffer {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`;
  return zipArchive([
    {
      name: '[Content_Types].xml',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', content: Buffer.from(document) },
  ]);
}

/** A paragraph of a Word document, its text in one run (tabs as Word stores them). */
function wordParagraph(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<w:p><w:r>${escaped.split('\t').map((t) => `<w:t xml:space="preserve">${t}</w:t>`).join('<w:tab/>')}</w:r></w:p>`;
}

/** A Word table, one w:tr per row, each cell a paragraph. */
function wordTable(rows: string[][]): string {
  return `<w:tbl>${rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${wordParagraph(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}

function writeMap(): string {
  const file = join(tempDir(), 'locuteurs.yaml');
  writeFileSync(file, 'Enquêtrice: E\ninterviewé: MG3\n');
  return file;
}
