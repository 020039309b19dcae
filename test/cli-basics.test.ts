import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const COMMANDS = ['init', 'check', 'import-codings', 'import-refi', 'import', 'anonymise', 'confirm', 'segments', 'stats', 'saturation', 'export', 'compare', 'reconcile', 'merge', 'merge-driver', 'code', 'codebook', 'participant', 'autocode', 'quotes', 'memo', 'themes'];

describe('codage conventions', () => {
  it('prints its version and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(COMMANDS)('has --help with an example for %s', (command) => {
    const r = runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`codage ${command}`);
    expect(r.stdout).toMatch(/Examples:\n\s+codage /);
    expect(r.stdout).toContain('--study');
  });

  it('speaks French when asked, in help and errors', () => {
    const help = runCli(['check', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(help.stdout).toContain('Exemples\u00a0:');
    const error = runCli(['check', '--study', tempDir(), '--lang', 'fr']);
    expect(error.stderr).toContain('n’est pas le dossier d’une étude');
  });

  it('speaks the language of a `language: fr` study from the first word, even before the study is read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'transcripts'));
    writeFileSync(join(dir, 'codage.yaml'), 'title: Douleur\nlanguage: fr\n');
    // commander's own error, in the study folder and with --study.
    for (const r of [runCli(['segments', '--nope'], { cwd: dir }), runCli(['segments', '--study', dir, '--nope'])]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('erreur\u00a0: option inconnue «\u00a0--nope\u00a0»');
      expect(r.stderr).not.toContain('error:');
    }
    const help = runCli(['segments', '--help', '--study', dir]);
    expect(help.stdout).toContain('Utilisation\u00a0: codage segments [options]');
    expect(help.stdout).toContain('Options\u00a0:');
    expect(help.stdout.replace(/\n +/g, " ")).toMatch(/choix\u00a0: "csv", "excel", "xlsx", "json", "tsv"/);
    expect(help.stdout).not.toMatch(/Usage:|Options:|default:|choices:/);
    // Errors raised before the study is read (no terminal for the coding screen).
    const code = runCli(['code', '--study', dir, '--coder', 'lea'], { input: '' });
    expect(code.stderr).toContain('a besoin d’un terminal interactif');
    // --lang still wins, and LANG applies outside a study.
    expect(runCli(['segments', '--study', dir, '--nope', '--lang', 'en']).stderr).toContain("error: unknown option '--nope'");
    expect(runCli(['--help'], { cwd: tempDir(), env: { LANG: 'fr_FR.UTF-8' } }).stdout).toContain('Commandes\u00a0:');
  });

  it('lists only the commands there are, each with an example', () => {
    const r = runCli(['--help'], { cwd: tempDir() });
    const listed = [...r.stdout.matchAll(/^ {2}([a-z-]+) (?:\[|<| {2})/gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS, 'help']);
    const examples = r.stdout.slice(r.stdout.indexOf('Examples:'));
    for (const command of COMMANDS) expect(examples).toContain(`codage ${command}`);
    // Nothing promised that no command does: the description says what the tool is, and
    // features (saturation…) appear only through the commands that do them.
    expect(r.stdout).toContain('\nCode interview transcripts for a thesis, at the terminal.\n');
    const description = r.stdout.slice(0, r.stdout.indexOf('Commands:'));
    expect(description).not.toMatch(/saturation|double coding|agreement|kappa|consensus/i);
    // Agreement between coders is promised by the command that computes it, and only there.
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /\bagreement\b|kappa/i.test(l)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['compare']);
  });

  it('exits 2 on wrong usage', () => {
    const bare = runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: codage');
    expect(runCli(['help']).code).toBe(0);
    expect(runCli(['no-such-command']).code).toBe(2);
    expect(runCli(['segments', '--format', 'pdf']).code).toBe(2);
    expect(runCli(['import-codings', 'x.csv']).code).toBe(2); // --coder is required
    const notStudy = runCli(['check', '--study', tempDir()]);
    expect(notStudy.code).toBe(2);
    expect(notStudy.stderr).toContain('is not a study folder');
    expect(notStudy.stderr).toContain('codage init');
  });

  it('points to the study from inside its transcripts/ folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'transcripts'));
    const r = runCli(['check', '--lang', 'en'], { cwd: join(dir, 'transcripts') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is not a study folder: it is the transcripts/ folder of the study ${dir}`);
    expect(r.stderr).toContain(`run codage in ${dir} (cd ..), or add --study ${dir}`);
  });

  it('writes no colour codes when NO_COLOR is set', () => {
    const dir = tempDir();
    const r = runCli(['init', dir], { env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
