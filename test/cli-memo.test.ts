/**
 * `codage memo` on copies of the demo study: entries added from the command line, from standard
 * input and from an editor; memos shown and listed; what is refused, and what `check` says of a
 * memo whose code is gone.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const SLOW = 120_000;

function memo(dir: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  return runCli(['memo', ...args, '--study', dir, '--lang', 'en'], options);
}

/** An "editor": a node script run as $EDITOR on the draft's path. */
function fakeEditor(body: string): string {
  const script = join(tempDir(), 'editor.cjs');
  writeFileSync(script, `const fs = require('node:fs'); const file = process.argv[2];\n${body}\n`);
  return `"${process.execPath}" "${script}"`;
}

describe('codage memo', () => {
  it('adds dated, signed entries on the study, a transcript, a code and a theme, and lists them in reading order', () => {
    const dir = copyStudy();
    expect(memo(dir, ['study', 'Saturation discussed with the supervisor.', '--coder', 'paul']).stdout).toBe('✓ Memo on the study saved in memos/study.md\n');
    expect(memo(dir, ['MG1', 'Interview', 'cut short.']).code).toBe(0);
    expect(memo(dir, ['frustration', 'Close to « impuissance » ?']).stdout).toContain('Memo on the code “Vécu du médecin > Émotions négatives > Frustration” saved in memos/codes/frustration.md');
    expect(memo(dir, ['Vécu du médecin', '-'], { input: 'Relire\r\nles deux sous-thèmes.\r\n' }).code).toBe(0);
    expect(memo(dir, ['frustration', 'Second thought.'], { env: { CODAGE_CODER: 'lea' } }).code).toBe(0);

    const code = readFileSync(join(dir, 'memos/codes/frustration.md'), 'utf8');
    expect(code).toMatch(/^## \d{4}-\d\d-\d\d \d\d:\d\d — marie\n\nClose to « impuissance » \?\n\n## \d{4}-\d\d-\d\d \d\d:\d\d — lea\n\nSecond thought\.\n$/);
    expect(readFileSync(join(dir, 'memos/study.md'), 'utf8')).toContain('— paul\n\nSaturation discussed with the supervisor.\n');
    expect(readFileSync(join(dir, 'memos/themes/vecu-du-medecin.md'), 'utf8')).toMatch(/\n\nRelire\nles deux sous-thèmes\.\n$/);

    const list = memo(dir, []);
    expect(list.code).toBe(0);
    const headings = list.stdout.split('\n').filter((l) => !l.startsWith('    '));
    expect(headings.slice(0, 6)).toEqual([
      'The study (1 entry) memos/study.md',
      'The theme “Vécu du médecin” (1 entry) memos/themes/vecu-du-medecin.md',
      'The code “Vécu du médecin > Émotions négatives > Frustration” (2 entries) memos/codes/frustration.md',
      'The transcript MG1 (1 entry) memos/transcripts/MG1.md',
      'The transcript MG1 — note by marie codings/marie.yaml',
      'The transcript MG1 — note by paul codings/paul.yaml',
    ]);
    expect(list.stdout).toContain('    Second thought.\n');

    const shown = JSON.parse(memo(dir, ['MG1', '--json']).stdout) as { subject: unknown; text: string; coderNotes: { coder: string }[] };
    expect(shown.subject).toEqual({ kind: 'transcript', id: 'MG1' });
    expect(shown.text).toContain('Interview cut short.');
    expect(shown.coderNotes.map((n) => n.coder)).toEqual(['marie', 'paul']);
    const all = JSON.parse(memo(dir, ['--json']).stdout) as { memos: { file: string; entries: number }[] };
    expect(all.memos.map((m) => [m.file, m.entries])).toEqual([
      ['memos/study.md', 1],
      ['memos/themes/vecu-du-medecin.md', 1],
      ['memos/codes/frustration.md', 2],
      ['memos/transcripts/MG1.md', 1],
    ]);
    expect(runCli(['check', '--study', dir, '--lang', 'en']).code).toBe(0);
  }, SLOW);

  it('opens the memo in $EDITOR and saves what was written, but never over a memo changed meanwhile', () => {
    const dir = copyStudy();
    memo(dir, ['MG2', 'First entry.']);
    const edited = memo(dir, ['MG2', '--edit'], { env: { EDITOR: fakeEditor("fs.appendFileSync(file, '\\nMore, written freely.\\n');") } });
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toBe('✓ Memo on the transcript MG2 saved in memos/transcripts/MG2.md\n');
    expect(readFileSync(join(dir, 'memos/transcripts/MG2.md'), 'utf8')).toMatch(/First entry\.\n\nMore, written freely\.\n$/);
    expect(readdirSync(join(dir, '.codage/drafts'))).toEqual([]);

    const memoPath = JSON.stringify(join(dir, 'memos/transcripts/MG2.md'));
    const racing = memo(dir, ['MG2', '--edit'], {
      env: { EDITOR: fakeEditor(`fs.appendFileSync(file, 'mine'); fs.appendFileSync(${memoPath}, 'theirs');`) },
    });
    expect(racing.code).toBe(1);
    expect(racing.stderr).toContain('memos/transcripts/MG2.md changed while it was open in the editor: it was not overwritten');
    expect(readFileSync(join(dir, 'memos/transcripts/MG2.md'), 'utf8').endsWith('theirs')).toBe(true);
    const drafts = readdirSync(join(dir, '.codage/drafts'));
    expect(drafts).toHaveLength(1);
    expect(readFileSync(join(dir, '.codage/drafts', drafts[0] as string), 'utf8').endsWith('mine')).toBe(true);

    const failing = memo(dir, ['study', '--edit'], { env: { EDITOR: fakeEditor('process.exit(3);') } });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('did not finish normally: the memo was not changed');
    expect(existsSync(join(dir, 'memos/study.md'))).toBe(false);
  }, SLOW);

  it('refuses what it cannot place, with the nearest name, and writes nothing', () => {
    const dir = copyStudy();
    const typo = memo(dir, ['Frustraton', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no participant, code or theme "Frustraton"');
    expect(typo.stderr).toContain('did you mean "Frustration"?');
    const unknown = memo(dir, ['transcript:MG99', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no transcript for participant "MG99"');
    const empty = memo(dir, ['MG1', '-'], { input: '  \n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the memo text is empty');
    expect(existsSync(join(dir, 'memos'))).toBe(false);
    memo(dir, ['study', 'Kept.']);
    const over = runCli(['segments', '-o', join(dir, 'memos/study.md'), '--study', dir, '--lang', 'en']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is in the memos of the study (memos/study.md)');
    expect(readFileSync(join(dir, 'memos/study.md'), 'utf8')).toMatch(/Kept\.\n$/);
  }, SLOW);

  it('check warns about a memo whose code is gone, and the memo of a renamed code follows it', () => {
    const dir = copyStudy();
    memo(dir, ['Frustration', 'About frustration.']);
    memo(dir, ['Humour', 'About humour.']);
    expect(runCli(['codebook', 'rename', 'Humour', 'Rire', '--study', dir]).code).toBe(0);
    expect(memo(dir, ['Rire', '--json']).stdout).toContain('About humour.');
    expect(runCli(['codebook', 'merge', 'Frustration', 'Impuissance', '--study', dir]).code).toBe(0);
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('memos/codes/frustration.md:1:1: warning: memo on a code the study does not have (id "frustration"): it is shown nowhere');
  }, SLOW);
});
