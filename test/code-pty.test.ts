/**
 * `codage code` end to end, as a person uses it: the built binary in a real pseudo-terminal
 * (node-pty), keys typed, the screen read, then the files on disk checked.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, runCli, tempDir } from './helpers.js';
import { KEYS, startCodage, type TerminalSession } from './support/pty.js';

afterAll(cleanTemps);

const { ENTER, TAB, DOWN, BACKSPACE } = KEYS;
const start = (args: string[], env: Record<string, string> = {}): TerminalSession => startCodage(args, { env });

describe('codage code in a real terminal', () => {
  it('codes a sentence with a new code, quits, and leaves both files right on disk', async () => {
    const dir = copyStudy();
    const codebookBefore = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    const s = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await s.waitFor('MG2 · marie');
    await s.type(TAB); // next uncoded sentence
    await s.type(ENTER); // open the picker
    await s.waitFor('type to filter');
    await s.type('Ruralité');
    await s.waitFor(/No code matches/);
    await s.type(ENTER); // the name typed is the new code's: on to its theme
    await s.waitFor('Where does the new code');
    await s.type(ENTER); // "not yet grouped"
    await s.waitFor(/saved at \d\d:\d\d/);
    await s.type('q');
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('Session saved in codings/marie.yaml');
    // The code created is said too: codebook.yaml changed as well.
    expect(s.screen()).toContain('Codebook: 1 code(s) added to codebook.yaml (Ruralité).');

    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook).toContain('  - name: Ruralité\n    id: ruralite\n');
    // The user's comments and layout are untouched: lines are only added (the new code, and the
    // id the demo leaves out on purpose), every old line is still there, in order.
    const newLines = codebook.split('\n');
    let at = 0;
    for (const old of codebookBefore.split('\n')) {
      while (at < newLines.length && newLines[at] !== old) at++;
      expect(at, `line kept: ${old}`).toBeLessThan(newLines.length);
      at++;
    }

    const coderFile = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
    const line = coderFile.split('\n').find((l) => l.includes('"codes": ["ruralite"]'));
    expect(line).toBeDefined();
    const segment = JSON.parse(line!.slice(line!.indexOf('{'))) as { participant: string; start: number; end: number; text: string };
    expect(segment.participant).toBe('MG2');
    const transcript = Array.from(readFileSync(join(dir, 'transcripts/MG2.txt'), 'utf8').normalize('NFC'));
    const body = transcript.slice(transcript.join('').indexOf('\n---\n') + 5);
    expect(body.slice(segment.start, segment.end).join('')).toBe(segment.text);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    // The sentences the screen cut are remembered for the next opening (the study's cache).
    const cache = JSON.parse(readFileSync(join(dir, '.codage/cache/sentences.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries)).toEqual(['MG2']);

    // Opening the same transcript again returns to where the coder stopped.
    const again = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await again.waitFor('MG2 · marie');
    await again.waitFor(`sentence 2/`);
    await again.type('q');
    expect(await again.exit).toBe(0);
    // The codebook as the screen last read it, for the next opening: the code created above included.
    const codebookCache = JSON.parse(readFileSync(join(dir, '.codage/cache/codebook.json'), 'utf8')) as { parse: { nodes: { id: string }[] } };
    expect(codebookCache.parse.nodes.map((n) => n.id)).toContain('ruralite');
  }, 60_000);

  it('suggests codes from the coder’s own coding in the picker, unless codage.yaml turns it off', async () => {
    const dir = copyStudy();
    const s = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await s.waitFor('MG2 · marie');
    await s.type(`/poules${ENTER}`); // a sentence on morphine and its effects
    await s.type(ENTER);
    await s.waitFor('≈ suggested');
    await s.waitFor(/≈ like [A-Z0-9]+:/);
    await s.type('\x1b');
    await s.type('q');
    expect(await s.exit).toBe(0);

    // Every hit of a search, reviewed then coded at once.
    const all = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await all.waitFor('MG2 · marie');
    await all.type(`/morphine${ENTER}`);
    await all.type('A');
    await all.waitFor(/Hits of "morphine" to code: (\d+)\/\1 ticked/);
    await all.type(' '); // untick the first
    await all.type(ENTER);
    await all.waitFor(/Code \d+ passage\(s\) with…/);
    await all.type(`humour${ENTER}`);
    await all.waitFor(/\d+ passage\(s\) coded: Humour/);
    await all.type('q');
    expect(await all.exit).toBe(0);
    expect(runCli(['check', '--study', dir]).code).toBe(0);

    writeFileSync(join(dir, 'codage.yaml'), `${readFileSync(join(dir, 'codage.yaml'), 'utf8')}suggestions: false\n`);
    const off = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await off.waitFor('MG2 · marie');
    await off.type(`/poules${ENTER}`);
    await off.type(ENTER);
    await off.waitFor('Code "');
    expect(off.screen()).not.toContain('≈ suggested');
    await off.type('\x1b');
    await off.type('q');
    expect(await off.exit).toBe(0);
  }, 60_000);

  it('refuses a second session on the same coder file, and a session without a terminal', async () => {
    const dir = copyStudy();
    const first = start(['code', 'MG1', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    await first.waitFor('MG1 · marie');
    const second = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en']);
    expect(await second.exit).toBe(1);
    expect(second.screen()).toMatch(/codings\/marie\.yaml is being written by another codage \(pid \d+, codage code MG1/);
    // In the study's language (the demo is `language: fr`) when --lang does not say otherwise.
    const french = start(['code', 'MG2', '--study', dir, '--coder', 'marie']);
    expect(await french.exit).toBe(1);
    expect(french.screen()).toContain('codings/marie.yaml est en cours d’écriture par un autre codage');
    await first.type('q');
    expect(await first.exit).toBe(0);

    const piped = runCli(['code', 'MG1', '--study', dir, '--coder', 'marie', '--lang', 'en'], { input: '' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('needs an interactive terminal');
    expect(piped.stderr).toContain('codage segments');
  }, 60_000);

  it('loses nothing when the terminal is killed right after an action', async () => {
    const dir = copyStudy();
    const s = start(['code', 'MG3', '--study', dir, '--coder', 'paul', '--lang', 'en']);
    await s.waitFor('MG3 · paul');
    await s.type(TAB);
    await s.type(ENTER);
    await s.waitFor('type to filter');
    await s.type('impuiss');
    await s.type(ENTER);
    await s.waitFor(/saved at \d\d:\d\d/);
    s.term.kill('SIGKILL');
    await s.exit;
    const coderFile = readFileSync(join(dir, 'codings/paul.yaml'), 'utf8');
    expect(coderFile).toMatch(/"participant": "MG3", "start": \d+, "end": \d+, "codes": \["impuissance"\]/);
    // The file is complete and valid, and the dead session's lock does not block the next one.
    expect(runCli(['check', '--study', dir]).code).toBe(0);
    const next = start(['code', 'MG3', '--study', dir, '--coder', 'paul', '--lang', 'en']);
    await next.waitFor('MG3 · paul');
    await next.type('q');
    expect(await next.exit).toBe(0);
  }, 60_000);

  it('takes the coder from CODAGE_CODER and opens the first transcript with uncoded speech', async () => {
    const dir = copyStudy();
    const config = join(dir, 'codage.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('coder: marie', '# coder: marie'));
    const s = start(['code', '--study', dir, '--lang', 'en'], { CODAGE_CODER: 'paul' });
    await s.waitFor('MG1 · paul');
    await s.type('q');
    expect(await s.exit).toBe(0);
    // Nobody named anywhere: a usage error that says where a name can come from.
    const nobody = start(['code', '--study', dir, '--lang', 'en']);
    expect(await nobody.exit).toBe(2);
    expect(nobody.screen()).toContain('who is coding?');
    expect(nobody.screen()).toContain('CODAGE_CODER');
  }, 60_000);

  it('moves on to the next transcript once one was read through, even after going back up; a look at its end is not reading it', async () => {
    const dir = copyStudy();
    const args = ['code', '--study', dir, '--coder', 'paul', '--lang', 'en'];
    const peek = start(['code', 'MG1', ...args.slice(1)]);
    await peek.waitFor('MG1 · paul');
    await peek.type('G'); // to the end
    await peek.type('g'); // back to the top
    await peek.type('q');
    expect(await peek.exit).toBe(0);
    // Two sentences read of MG1: it opens again, where the coder was.
    const again = start(args);
    await again.waitFor('MG1 · paul');
    // Read through, page by page, then back up to the top.
    for (let i = 0; i < 60 && !again.screen().includes('read 100%'); i++) await again.type(' ');
    expect(again.screen()).toContain('read 100%');
    await again.type('g');
    await again.type('q');
    expect(await again.exit).toBe(0);
    const next = start(args);
    await next.waitFor('MG2 · paul');
    await next.type('q');
    expect(await next.exit).toBe(0);
  }, 60_000);

  it('once every transcript is read to its end, says how to reopen one of this study', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'transcripts'));
    writeFileSync(join(dir, 'transcripts', 'E07.txt'), 'E : Et alors ?\n\nE07 : Rien de plus.\n');
    const first = start(['code', 'E07', '--study', dir, '--coder', 'eve', '--lang', 'en']);
    await first.waitFor('E07 · eve');
    await first.type('G');
    await first.type('q');
    expect(await first.exit).toBe(0);
    const next = start(['code', '--study', dir, '--coder', 'eve', '--lang', 'en']);
    expect(await next.exit).toBe(0);
    // A participant of the study, not an example id that is none of them.
    expect(next.screen()).toContain('To reopen one: codage code E07 --coder eve');
  }, 60_000);

  it('counts every key of a burst and of a paste', async () => {
    const dir = copyStudy();
    const s = start(['code', 'MG2', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await s.waitFor('MG2 · lea');
    await s.type('jjjjj'); // one write: five keys
    await s.waitFor('sentence 6/');
    await s.type(`${DOWN}${DOWN}${DOWN}`);
    await s.waitFor('sentence 9/');
    await s.type('kk');
    await s.waitFor('sentence 7/');
    // A pasted filter and its Enter, after the Enter that opens the picker, all in one write.
    await s.type(`${ENTER}impuiss${ENTER}`);
    await s.waitFor(/saved at \d\d:\d\d/);
    await s.type(`j${ENTER}frustr${ENTER}`);
    await s.waitFor('2 segments this session');
    await s.type('uu');
    await s.waitFor('0 segments this session');
    // Ten Backspaces at once erase ten characters of a memo.
    await s.type('Mabcdefghijkl');
    await s.type(BACKSPACE.repeat(10));
    await s.type(ENTER);
    await s.waitFor('Transcript memo saved.');
    await s.type('q');
    expect(await s.exit).toBe(0);
    const coderFile = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8');
    expect(coderFile).toContain('  MG2: "ab"\n');
    expect(coderFile).not.toContain('"codes": ["impuissance"]');
  }, 60_000);

  it('keeps the position when the window is closed without quitting, and reopens the transcript being coded', async () => {
    const dir = copyStudy();
    const s = start(['code', 'MG3', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await s.waitFor('MG3 · lea');
    await s.type('12j');
    await s.waitFor('sentence 13/');
    await new Promise((r) => setTimeout(r, 1500)); // the position is written once the cursor rests
    s.term.kill('SIGKILL');
    await s.exit;
    // No participant given: the transcript lea was working on, where she was.
    const again = start(['code', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await again.waitFor('MG3 · lea');
    await again.waitFor('sentence 13/');
    expect(again.screen()).toMatch(/read \d+%/);
    expect(again.screen()).not.toContain('read 0%');
    // Another transcript from the list, without quitting.
    await again.type('t');
    await again.waitFor('Open which transcript?');
    await again.type('MG4');
    await again.type(ENTER);
    await again.waitFor('MG4 · lea');
    await again.type('q');
    expect(await again.exit).toBe(0);
    // Nothing coded: said so, and no coder file was made.
    expect(again.screen()).toContain('Nothing was coded: codings/lea.yaml was not created.');
    expect(existsSync(join(dir, 'codings/lea.yaml'))).toBe(false);
  }, 60_000);

  it('reopens on the sentence where the coder stopped after the transcript was corrected above it', async () => {
    const dir = copyStudy();
    const s = start(['code', 'MG2', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await s.waitFor('MG2 · lea');
    await s.type('12j');
    await s.waitFor('sentence 13/');
    await s.type('q');
    expect(await s.exit).toBe(0);
    // The researcher adds a line at the top of the interview (one sentence more before the
    // cursor) and fixes a typo further down: the saved offsets no longer point at that sentence.
    const file = join(dir, 'transcripts/MG2.txt');
    const text = readFileSync(file, 'utf8');
    const body = text.indexOf('\n---\n') + 5;
    writeFileSync(file, `${text.slice(0, body)}E : (Début de l’enregistrement, au cabinet.)\n\n${text.slice(body).replace('des dizaines', 'des dizaines et des dizaines')}`);
    const again = start(['code', 'MG2', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await again.waitFor('MG2 · lea');
    await again.waitFor('sentence 14/');
    expect(again.screen()).not.toContain('could not be found again');
    await again.type('q');
    expect(await again.exit).toBe(0);
    // The position is saved with what finds it again next time.
    const state = JSON.parse(readFileSync(join(dir, '.codage/state/lea.json'), 'utf8')) as {
      transcripts: Record<string, { textHash?: string; anchors?: { cursor: { before: string; after: string } } }>;
    };
    expect(state.transcripts.MG2?.textHash).toMatch(/^[\w-]{16}$/);
    const cursor = state.transcripts.MG2?.anchors?.cursor;
    expect(cursor?.after).not.toBe('');

    // The answer where the coder stopped rewritten, the one before too: not guessed, said.
    const lines = readFileSync(file, 'utf8').split('\n');
    const here = lines.findIndex((line) => line.includes(cursor!.after));
    expect(here).toBeGreaterThan(0);
    for (const i of [here - 2, here]) lines[i] = `${lines[i]!.slice(0, lines[i]!.indexOf(':') + 1)} (passage réécrit à la relecture)`;
    writeFileSync(file, lines.join('\n'));
    const rewritten = start(['code', 'MG2', '--study', dir, '--coder', 'lea', '--lang', 'en']);
    await rewritten.waitFor('where you stopped could not be found again');
    await rewritten.waitFor('sentence 1/');
    await rewritten.type('q');
    await rewritten.type('q');
    expect(await rewritten.exit).toBe(0);
  }, 60_000);

  it('refuses a coder name that differs from an existing one only by case, and asks about a near one', async () => {
    const dir = copyStudy();
    const cased = start(['code', 'MG1', '--study', dir, '--coder', 'Marie', '--lang', 'en']);
    expect(await cased.exit).toBe(2);
    expect(cased.screen()).toContain('"Marie" and "marie" differ only by case');
    expect(cased.screen()).toContain('use --coder marie');
    const near = start(['code', 'MG1', '--study', dir, '--coder', 'marei', '--lang', 'en']);
    await near.waitFor('New coder "marei"');
    await near.waitFor(/Did you mean\s+marie\?/);
    await near.type('q');
    await near.type('q');
    expect(await near.exit).toBe(0);
    const imported = runCli(['import-codings', join(dir, 'nothing.csv'), '--coder', 'PAUL', '--study', dir, '--lang', 'en']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('"PAUL" and "paul" differ only by case');
  }, 60_000);

  it('shows colours, and under NO_COLOR none, the cursor, coded text and the selection still marked', async () => {
    /** The SGR parameters the screen used (`1` bold, `4` underline, `7` inverse, `36` cyan…). */
    const sgr = (raw: string): Set<string> => {
      const params = new Set<string>();
      for (const m of raw.matchAll(/\x1b\[([0-9;]*)m/g)) for (const p of (m[1] ?? '').split(';')) params.add(p);
      return params;
    };
    const colourParams = (params: Set<string>) => [...params].filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const dir = copyStudy();
      const s = start(['code', 'MG2', '--study', dir, '--coder', 'marie', '--lang', 'en'], env);
      await s.waitFor('MG2 · marie');
      await s.type('v'); // start a selection
      await s.type('l');
      await s.type('/');
      await s.type(`médecin${ENTER}`);
      await s.type('q');
      expect(await s.exit).toBe(0);
      const params = sgr(s.raw());
      if ('NO_COLOR' in env) {
        expect(colourParams(params)).toEqual([]);
        for (const attribute of ['1', '7']) expect(params).toContain(attribute);
      } else {
        expect(colourParams(params).length).toBeGreaterThan(0);
      }
    }
  });
});
