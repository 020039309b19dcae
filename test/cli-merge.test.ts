/**
 * `codage merge` and `codage merge-driver`: a second coder's copy of the study brought back, and
 * two branches of a study's git repository merged with the driver configured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, copyStudy, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

interface RawSegment {
  id: string;
  participant: string;
  start: number;
  end: number;
  codes: string[];
  text: string;
}

function segments(dir: string, coder: string): RawSegment[] {
  return readFileSync(join(dir, `codings/${coder}.yaml`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('  - {'))
    .map((line) => JSON.parse(line.slice(4)) as RawSegment);
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** The text of MG4 after its front matter, in code points. */
function mg4(dir: string): string[] {
  const text = readFileSync(join(dir, 'transcripts/MG4.md'), 'utf8').normalize('NFC');
  return Array.from(text.slice(text.indexOf('\n---\n', 3) + 5));
}

/** Marie's copy without paul's file, MG4 corrected since; paul's copy with his own codes. */
function twoCopies() {
  const ours = copyStudy();
  rmSync(join(ours, 'codings/paul.yaml'));
  // Marie fixed a typo near the start of MG4 and deleted a sentence paul coded.
  edit(join(ours, 'transcripts/MG4.md'), (t) =>
    t.replace('**Q** : Bonjour.', '**Q** : Bonjour, et merci.').replace(' Et elle me regarde en attendant que moi je trouve. Et moi je sais pas quoi lui dire.', ''),
  );
  const theirs = copyStudy();
  // Paul created a code and a theme, renamed « Humour », and named « Épuisement » with another id.
  edit(join(theirs, 'codebook.yaml'), (t) =>
    t
      .replace('  - name: Humour\n', '  - name: Humour et dérision\n')
      .replace('          - name: Épuisement\n            id: epuisement\n', '          - name: Épuisement\n            id: fatigue-mg\n')
      .concat('  - name: Ruralité\n    id: ruralite\n    definition: Exercer loin des spécialistes.\n'),
  );
  edit(join(theirs, 'codings/paul.yaml'), (t) =>
    t
      .replaceAll('"epuisement"', '"fatigue-mg"')
      .replace('"id": "c2sd0562", "participant": "MG4", "start": 701, "end": 866, "codes": ["contraintes-de-temps"]', '"id": "c2sd0562", "participant": "MG4", "start": 701, "end": 866, "codes": ["contraintes-de-temps", "ruralite"]'),
  );
  return { ours, theirs };
}

describe('codage merge', () => {
  it('brings segments whose code is in neither codebook as they are, and says so with their line', () => {
    const { ours, theirs } = twoCopies();
    edit(join(theirs, 'codings/paul.yaml'), (t) => t.replace('"codes": ["contraintes-de-temps", "ruralite"]', '"codes": ["code-inexistant"]'));
    const r = runCli(['merge', theirs, '--study', ours, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/codings\/paul\.yaml:\d+:5: warning: the code `code-inexistant` \(1 segment\(s\)\) is in neither codebook: brought as it is/);
    expect(readFileSync(join(ours, 'codings/paul.yaml'), 'utf8')).toContain('"codes": ["code-inexistant"]');
    expect(runCli(['check', '--study', ours, '--lang', 'en']).stdout + runCli(['check', '--study', ours, '--lang', 'en']).stderr).toContain('code-inexistant');
  });

  it("refuses a copy whose codebook it cannot read completely, saying where, and changes nothing", () => {
    for (const [broken, where] of [
      ['  - name: Peur\n    id: peur\n    definition: Peur du médecin : de rater, de nuire\n', /codebook\.yaml:\d+:\d+: error: /],
      ['  - codes:\n      - name: Code sous thème sans nom\n', /codebook\.yaml:\d+:\d+: error: .*no `name`/],
    ] as const) {
      const { ours, theirs } = twoCopies();
      edit(join(theirs, 'codebook.yaml'), (t) => t.replace('themes:\n', `themes:\n${broken}`));
      const before = readFileSync(join(ours, 'codebook.yaml'), 'utf8');
      const r = runCli(['merge', theirs, '--study', ours, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(where);
      expect(r.stderr).toContain(`${basename(theirs)}/codebook.yaml:`);
      expect(r.stderr).toContain('Fix it in the other copy');
      expect(readFileSync(join(ours, 'codebook.yaml'), 'utf8')).toBe(before);
    }
  });

  it('brings back the hundreds of codes a second coder created, naming the first ones', () => {
    const { ours, theirs } = twoCopies();
    const many = Array.from({ length: 300 }, (_, i) => `      - name: Code inductif ${i + 1}\n`).join('');
    edit(join(theirs, 'codebook.yaml'), (t) => t.replace('themes:\n', `themes:\n  - name: Codes de Paul\n    codes:\n${many}`));
    const r = runCli(['merge', theirs, '--study', ours, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Themes added to codebook.yaml (1): "Codes de Paul"');
    expect(r.stdout).toContain('Codes added to codebook.yaml (301): "Code inductif 1", "Code inductif 2",');
    expect(r.stdout).toContain('"Code inductif 12" and 289 more (--json lists them all)');
    expect(r.stdout).not.toContain('"Code inductif 13"');
    // Merged once: nothing new the second time.
    const again = JSON.parse(runCli(['merge', theirs, '--study', ours, '--coder', 'paul', '--json', '--dry-run']).stdout) as { codebook: { addedCodes: unknown[] } };
    expect(again.codebook.addedCodes).toEqual([]);
    expect(runCli(['check', '--study', ours, '--lang', 'en']).stdout).toMatch(/\b328 code\(s\)/);
  });

  it("brings paul's file and new codes back, re-anchoring segments where the transcripts differ", () => {
    const { ours, theirs } = twoCopies();
    const codebookBefore = readFileSync(join(ours, 'codebook.yaml'), 'utf8');
    const r = runCli(['merge', theirs, '--study', ours, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Codes added to codebook.yaml (1): "Ruralité"');
    expect(r.stdout).toContain('Renamed in the other copy: "Humour" is called "Humour et dérision" there (this name is kept; same id humour)');
    expect(r.stdout).toContain('Matched by name: "Épuisement" (id fatigue-mg there, epuisement here)');
    expect(r.stdout).toContain('codings/paul.yaml: 107 segment(s) brought in');
    expect(r.stdout).toMatch(/MG4 differs between the two copies: \d+ segment\(s\) found again as they are at another place, 0 after normalisation or approximately, 1 cannot be placed/);
    expect(r.stdout).toMatch(/codings\/paul\.yaml:\d+:5: error: segment z1y0yjym \(MG4\) cannot be found in transcripts\/MG4\.md any more/);

    // The codebook: the new code added, every line of the user's file still there.
    const codebook = readFileSync(join(ours, 'codebook.yaml'), 'utf8');
    expect(codebook).toContain('  - name: Ruralité\n    id: ruralite\n    definition: Exercer loin des spécialistes.\n');
    const lines = codebook.split('\n');
    let at = 0;
    for (const old of codebookBefore.split('\n')) {
      while (at < lines.length && lines[at] !== old) at++;
      expect(at, `line kept: ${old}`).toBeLessThan(lines.length);
      at++;
    }
    // The coder file: every segment, codes in this codebook's ids, positions in this MG4.
    const brought = segments(ours, 'paul');
    expect(brought).toHaveLength(segments(theirs, 'paul').length);
    expect(brought.some((s) => s.codes.includes('fatigue-mg'))).toBe(false);
    expect(brought.filter((s) => s.codes.includes('epuisement')).length).toBe(segments(theirs, 'paul').filter((s) => s.codes.includes('fatigue-mg')).length);
    expect(brought.find((s) => s.id === 'c2sd0562')!.codes).toEqual(['contraintes-de-temps', 'ruralite']);
    const text = mg4(ours);
    for (const s of brought.filter((x) => x.participant === 'MG4' && x.id !== 'z1y0yjym')) expect(text.slice(s.start, s.end).join('')).toBe(s.text);
    // The one that cannot be placed is kept as it was, and codage check says so.
    expect(brought.find((s) => s.id === 'z1y0yjym')!.text).toBe('Et elle me regarde en attendant que moi je trouve. Et moi je sais pas quoi lui dire.');
    const check = runCli(['check', '--study', ours, '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('segment z1y0yjym (MG4) cannot be found in transcripts/MG4.md any more');
    // (marie had coded that sentence too: the only errors are about the sentence marie deleted.)
    const errors = check.stdout.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toContain('cannot be found in transcripts/MG4.md any more: “Et elle me regarde');
  });

  it('replaces a coder file that differs here only with --force, keeping the old one', () => {
    const { ours, theirs } = twoCopies();
    expect(runCli(['merge', theirs, '--study', ours]).code).toBe(0);
    const again = runCli(['merge', theirs, '--study', ours, '--coder', 'paul', '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('codings/paul.yaml: already the same here, nothing to do');
    // Paul codes more in his copy; marie had touched hers: refused without --force.
    edit(join(ours, 'codings/paul.yaml'), (t) => t.replace(/\n {2}- \{[^\n]*\n/, '\n'));
    const mine = readFileSync(join(ours, 'codings/paul.yaml'), 'utf8');
    const refused = runCli(['merge', theirs, '--study', ours, '--coder', 'paul', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('codings/paul.yaml: already exists here and differs: not replaced (add --force');
    expect(readFileSync(join(ours, 'codings/paul.yaml'), 'utf8')).toBe(mine);
    const forced = runCli(['merge', theirs, '--study', ours, '--coder', 'paul', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(ours, '.codage/backups/codings/paul.yaml.bak'), 'utf8')).toBe(mine);
    // Without --coder, and every coder already here: say which.
    const which = runCli(['merge', theirs, '--study', ours, '--lang', 'en']);
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('say which to bring with --coder NAME');
  });

  it('--dry-run writes nothing', () => {
    const { ours, theirs } = twoCopies();
    const codebook = readFileSync(join(ours, 'codebook.yaml'), 'utf8');
    const r = runCli(['merge', theirs, '--study', ours, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { coders: { coder: string; status: string }[]; codebook: { addedCodes: { id: string }[] } };
    expect(report.coders).toEqual([expect.objectContaining({ coder: 'paul', status: 'new' })]);
    expect(report.codebook.addedCodes.map((c) => c.id)).toEqual(['ruralite']);
    expect(existsSync(join(ours, 'codings/paul.yaml'))).toBe(false);
    expect(readFileSync(join(ours, 'codebook.yaml'), 'utf8')).toBe(codebook);
  });
});

describe('codage merge-driver in git', () => {
  const git = (cwd: string, ...args: string[]) =>
    spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: cwd, GIT_AUTHOR_NAME: 'Marie', GIT_AUTHOR_EMAIL: 'marie@example.org', GIT_COMMITTER_NAME: 'Marie', GIT_COMMITTER_EMAIL: 'marie@example.org', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C.UTF-8' },
    });
  const hasGit = spawnSync('git', ['--version']).status === 0;

  it.skipIf(!hasGit)('merges two branches that both changed codebook.yaml, keeping comments', () => {
    const dir = copyStudy();
    expect(git(dir, 'init', '-q', '-b', 'main').status).toBe(0);
    writeFileSync(join(dir, '.gitattributes'), 'codebook.yaml merge=codage-codebook\n');
    git(dir, 'config', 'merge.codage-codebook.name', 'codage codebook merge');
    git(dir, 'config', 'merge.codage-codebook.driver', `"${process.execPath}" "${CLI}" merge-driver %O %A %B %P`);
    git(dir, 'add', '-A');
    expect(git(dir, 'commit', '-qm', 'base').status).toBe(0);
    git(dir, 'checkout', '-qb', 'paul');
    edit(join(dir, 'codebook.yaml'), (t) => t.replace('          - name: Épuisement\n            id: epuisement\n', '          - name: Épuisement\n            id: epuisement\n          - name: Culpabilité\n            id: culpabilite\n'));
    git(dir, 'commit', '-qam', 'paul: Culpabilité');
    git(dir, 'checkout', '-q', 'main');
    // On main, right below paul's change: without the driver, git would stop on a conflict.
    edit(join(dir, 'codebook.yaml'), (t) => t.replace('          - name: Épuisement\n            id: epuisement\n', '          - name: Épuisement   # aussi « vidé »\n            id: epuisement\n          - name: Lassitude\n            id: lassitude\n'));
    git(dir, 'commit', '-qam', 'marie: Lassitude');
    const merged = git(dir, 'merge', '-q', '--no-edit', 'paul');
    expect(merged.status, merged.stderr + merged.stdout).toBe(0);
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook).toContain('- name: Épuisement   # aussi « vidé »');
    expect(codebook).toContain('- name: Lassitude');
    expect(codebook).toContain('- name: Culpabilité\n            id: culpabilite');
    expect(codebook).not.toContain('<<<<<<<');
    expect(runCli(['check', '--study', dir]).code).toBe(0);
  });

  it('reports what both changed, exits 1, and leaves this side’s version for a person to look at', () => {
    const dir = tempDir();
    const base = 'codes:\n  - name: Humour   # à revoir\n    id: humour\n';
    writeFileSync(join(dir, 'base.yaml'), base);
    writeFileSync(join(dir, 'ours.yaml'), base.replace('Humour ', 'Humour et dérision '));
    writeFileSync(join(dir, 'theirs.yaml'), base.replace('Humour ', 'Ironie '));
    const r = runCli(['merge-driver', join(dir, 'base.yaml'), join(dir, 'ours.yaml'), join(dir, 'theirs.yaml'), 'codebook.yaml', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("codebook.yaml: conflict: code « Humour et dérision » (humour): name changed in both copies; kept this copy's");
    expect(readFileSync(join(dir, 'ours.yaml'), 'utf8')).toBe(base.replace('Humour ', 'Humour et dérision '));
    // A file git left with conflict markers cannot be merged: said, and not touched.
    writeFileSync(join(dir, 'broken.yaml'), '<<<<<<< HEAD\ncodes: [\n');
    const broken = runCli(['merge-driver', join(dir, 'base.yaml'), join(dir, 'broken.yaml'), join(dir, 'theirs.yaml'), '--lang', 'en']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('YAML syntax error');
    expect(readFileSync(join(dir, 'broken.yaml'), 'utf8')).toBe('<<<<<<< HEAD\ncodes: [\n');
  });
});
