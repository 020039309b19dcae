/**
 * What `npm install codage` puts on a researcher's machine: the CLI and its data, not the
 * tests nor their support (sample studies, fake terminals), which live under test/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the published package', () => {
  it('holds the built CLI, its bundle and the demo study, and nothing of the tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    expect(files).toContain('bin/codage.js');
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/bundle/run.js');
    expect(files.some((f) => f.startsWith('fixtures/demo/transcripts/'))).toBe(true);
    const testFiles = files.filter((f) => /\.test\.|(^|\/)test\/|sample-data|test-study|fake-terminal|(^|\/)sample\.js$/.test(f));
    expect(testFiles).toEqual([]);
    // The test support is still built (the TUI benchmark uses it), outside the published folders.
    expect(existsSync(join(ROOT, 'dist/test/support/fake-terminal.js'))).toBe(true);
  });
});
