import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const COMMANDS = ['init', 'check', 'import-codings', 'segments', 'stats', 'saturation', 'code'];

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
    expect(help.stdout).toContain('Exemples :');
    const error = runCli(['check', '--study', tempDir(), '--lang', 'fr']);
    expect(error.stderr).toContain("n'est pas le dossier d'une étude");
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

  it('writes no colour codes when NO_COLOR is set', () => {
    const dir = tempDir();
    const r = runCli(['init', dir], { env: { NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
