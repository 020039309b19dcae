/**
 * `codage themes` end to end, as a person uses it: the built binary in a real 80×24
 * pseudo-terminal (node-pty) on a copy of the demo study, keys typed, then the files on disk
 * checked: `codage check` passes, codebook.yaml keeps its comments, every code keeps its
 * segments, and `codage codebook undo` takes back the screen's last change.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli } from './helpers.js';
import { KEYS, startCodage } from './support/pty.js';

afterAll(cleanTemps);

const { ENTER, TAB } = KEYS;

/** References (segments) per code id, as `codage codebook --json` counts them. */
function referencesPerCode(dir: string): Record<string, number> {
  const r = runCli(['codebook', '--json', '--study', dir]);
  expect(r.code, r.stderr).toBe(0);
  const tree = (JSON.parse(r.stdout) as { tree: { kind: string; id: string; references: number }[] }).tree;
  return Object.fromEntries(tree.filter((n) => n.kind === 'code').map((n) => [n.id, n.references]));
}

function commentLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim().startsWith('#'));
}

describe('codage themes in a real terminal', () => {
  it('moves two codes, renames and reorders a theme at 80×24; check passes, comments and segments kept, undo from the command line', async () => {
    const dir = copyStudy();
    const before = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const counts = referencesPerCode(dir);
    const s = startCodage(['themes', '--study', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    await s.waitFor('Not yet grouped (2)');
    await s.waitFor('27 codes · 10 themes · N = 12');
    await s.type('  '); // mark Humour and Comparaison
    await s.waitFor('2 marked · m to move');
    await s.type('m');
    await s.waitFor('Move 2 items to…');
    await s.type('Relation');
    await s.type(ENTER);
    await s.waitFor('Moved the code “Humour” to “Relation médecin-patient”. (and 1 more change)');
    await s.type(TAB);
    await s.type('g'); // the first theme
    await s.type('r');
    await s.waitFor('Rename “Vécu du médecin” to:');
    await s.type('\x15'); // Ctrl-U: clear
    await s.type('Vécu du généraliste');
    await s.type(ENTER);
    await s.waitFor('Renamed the theme “Vécu du médecin” to “Vécu du généraliste”.');
    await s.type('J');
    await s.waitFor('Moved the theme “Vécu du généraliste” after “Relation médecin-patient”.');
    await s.type('p');
    await s.waitFor('Details');
    await s.type('q');
    expect(await s.exit).toBe(0);

    const after = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    // Every comment is still there (those above the two reordered themes moved with them).
    expect(commentLines(after).sort()).toEqual(commentLines(before).sort());
    expect(referencesPerCode(dir)).toEqual(counts);
    const tree = JSON.parse(runCli(['codebook', '--json', '--study', dir]).stdout) as { tree: { id: string; name: string; path: string[]; depth: number }[] };
    expect(tree.tree.filter((n) => n.depth === 0).map((n) => n.name).slice(0, 2)).toEqual(['Relation médecin-patient', 'Vécu du généraliste']);
    expect(tree.tree.find((n) => n.id === 'humour')?.path).toEqual(['Relation médecin-patient']);

    // Three screen changes, three journal entries; the command line takes back the last one.
    const list = runCli(['codebook', 'undo', '--list', '--json', '--study', dir, '--lang', 'en']);
    expect((JSON.parse(list.stdout) as { command: string }[]).map((e) => e.command)).toEqual([
      'codage themes: reorder vecu-du-medecin --down',
      'codage themes: rename vecu-du-medecin "Vécu du généraliste"',
      'codage themes: move humour --to relation-medecin-patient; move comparaison-autres-pathologies --to relation-medecin-patient',
    ]);
    const undo = runCli(['codebook', 'undo', '--study', dir, '--lang', 'en']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toContain('Moved the theme “Vécu du généraliste” after “Relation médecin-patient”.');
    const undone = JSON.parse(runCli(['codebook', '--json', '--study', dir]).stdout) as { tree: { name: string; depth: number }[] };
    expect(undone.tree.filter((n) => n.depth === 0).map((n) => n.name).slice(0, 2)).toEqual(['Vécu du généraliste', 'Relation médecin-patient']);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
  });

  it('on a study without codebook.yaml, says what to do, and n creates the first theme (and the file)', async () => {
    const dir = copyStudy();
    rmSync(join(dir, 'codebook.yaml'));
    const s = startCodage(['themes', '--study', dir, '--lang', 'en'], { cols: 80, rows: 24, env: { NO_COLOR: '1' } });
    let raw = '';
    s.term.onData((data) => {
      raw += data;
    });
    await s.waitFor('This study has no codebook.yaml yet.');
    await s.type(' ');
    await s.waitFor('No theme yet: n creates one.');
    await s.type('n');
    await s.waitFor('New theme (top level):');
    await s.type('Vécu du médecin');
    await s.type(ENTER);
    await s.waitFor('Created the theme “Vécu du médecin” at the top level.');
    await s.type('q');
    expect(await s.exit).toBe(0);
    // NO_COLOR: not one colour or style sequence, only characters (the cursor is `›`).
    expect(raw).toContain('New theme (top level):');
    expect(raw).not.toMatch(/\x1b\[[0-9;]*m/);
    expect(existsSync(join(dir, 'codebook.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toContain('- name: Vécu du médecin');
  });

  it('does not open on a codebook it could not rewrite: it names the file, line and column', async () => {
    const dir = copyStudy();
    const file = join(dir, 'codebook.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    id: vecu-du-medecin', '\tid: vecu-du-medecin'));
    const s = startCodage(['themes', '--study', dir, '--lang', 'en'], { cols: 80, rows: 24 });
    expect(await s.exit).toBe(1);
    expect(s.screen()).toMatch(/codebook\.yaml:\d+:\d+/);
  });

  it('refuses to start without a terminal, and says what to use instead', () => {
    const r = runCli(['themes', '--study', copyStudy(), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('codage themes needs an interactive terminal');
    expect(r.stderr).toContain('codage codebook move/rename/add');
  });
});
