import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCodebook } from '../../core/codebook/parse.js';
import { readCodebookSourceSync } from '../../io/codebook-change.js';
import { listEdits } from '../../io/edit-history.js';
import { explainRefusal, themesWriter } from '../../cli/commands/themes.js';
import { sampleInput, SAMPLE_CODEBOOK } from '../../../test/support/themes-sample.js';
import { KEYS, renderInTerminal, stripEscapes } from '../../../test/support/fake-terminal.js';
import type { ThemesInput } from './state.js';
import { ThemesApp, type ThemesAppProps } from './ThemesApp.js';

/** The side panel's text (the last column), its wrapped lines joined by spaces. */
const panelText = (frame: string): string =>
  frame
    .split('\n')
    .slice(2, -2)
    .map((line) => (line.includes('│') ? line.slice(line.lastIndexOf('│') + 1).trim() : ''))
    .join(' ')
    .replace(/\s+/g, ' ');
const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A study folder with the sample codebook, written through the same path as the command. */
function study(): string {
  const root = mkdtempSync(join(tmpdir(), 'codage-themes-'));
  dirs.push(root);
  writeFileSync(join(root, 'codage.yaml'), 'language: en\n');
  writeFileSync(join(root, 'codebook.yaml'), SAMPLE_CODEBOOK);
  return root;
}

function handlers(root: string): Pick<ThemesAppProps, 'onEdit' | 'onUndo' | 'onReload' | 'explain'> {
  return {
    ...themesWriter(root, 'en'),
    onReload: async () => {
      const source = readCodebookSourceSync(root);
      return { ...sampleInput(), source, codebook: parseCodebook(source, 'codebook.yaml').codebook };
    },
    explain: explainRefusal,
  };
}

function open(root: string, overrides: Partial<ThemesInput> = {}) {
  let quits = 0;
  const props: ThemesAppProps = { ...sampleInput(overrides), ...handlers(root), onQuit: () => quits++ };
  const app = render(<ThemesApp {...props} />);
  const frame = () => stripEscapes(app.lastFrame() ?? '');
  /** Types keys; after each, waits until a change it made is saved (the header says “saving…” meanwhile). */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await pause();
      for (let waited = 0; frame().includes('saving…') && waited < 3000; waited += 10) await pause(10);
    }
  };
  return { app, frame, press, quits: () => quits };
}

describe('ThemesApp', () => {
  it('shows both panes with n/N and references, and moves several marked codes at once into a theme', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    expect(frame()).toContain('Themes · all coders');
    expect(frame()).toContain('» Not yet grouped (3)');
    expect(frame()).toMatch(/› {2}Humour +1\/3 1/);
    expect(frame()).toMatch(/Impuissance +2\/3 3/);
    expect(frame()).toContain('ancien-code (not in t');
    await press(' ', ' ');
    expect(frame()).toMatch(/ ● Humour/);
    expect(frame()).toMatch(/ ● Colère/);
    expect(frame()).toContain('2 marked · m to move');
    await press('m');
    expect(frame()).toContain('Move 2 items to…');
    expect(frame()).toContain('Not yet grouped');
    await press('R', 'e', 'l', KEYS.enter);
    expect(frame()).toContain('Moved the code “Humour” to “Relation”. (and 1 more change)');
    expect(frame()).toContain('» Not yet grouped (1)');
    const written = readFileSync(join(root, 'codebook.yaml'), 'utf8');
    const codebook = parseCodebook(written, 'codebook.yaml').codebook;
    expect(codebook.byId.get('relation')?.children.map((c) => c.id)).toEqual(['ecoute', 'humour', 'colere']);
    for (const comment of ['# Grille de Marie', '# --- le vécu ---', '# à revoir', '# fin']) expect(written).toContain(comment);
    // One change, one journal entry, in the words of the equivalent command.
    expect(listEdits(root).map((e) => e.command)).toEqual(['codage themes: move humour --to relation; move colere --to relation']);
  });

  it('renames a code and reorders it, each saved at once; u takes them back in order', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    await press('r');
    expect(frame()).toContain('Rename “Humour” to:');
    await press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'Ironie', KEYS.enter);
    expect(frame()).toContain('Renamed the code “Humour” to “Ironie”.');
    expect(frame()).toMatch(/› {2}Ironie/);
    await press('J');
    expect(frame()).toContain('Moved the code “Ironie” after “Colère”.');
    expect(frame()).toMatch(/Colère[^\n]*\n[^\n]*› {2}Ironie/);
    expect(listEdits(root)).toHaveLength(2);
    await press('u');
    expect(frame()).toMatch(/› {2}Ironie[^\n]*\n[^\n]*Colère/);
    await press('u');
    expect(frame()).toMatch(/› {2}Humour/);
    expect(readFileSync(join(root, 'codebook.yaml'), 'utf8')).toBe(SAMPLE_CODEBOOK);
    await press('u');
    expect(frame()).toContain('Nothing to undo since this screen opened');
  });

  it('u does not take back an edit another program made after the screen’s own', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    await press('n', 'A', KEYS.enter);
    expect(listEdits(root)).toHaveLength(1);
    // Another codage (the command line) edits the codebook after it.
    const source = readCodebookSourceSync(root);
    themesWriter(root, 'en').onEdit([{ kind: 'rename', target: 'vide', name: 'Vide ailleurs' }], 'codage codebook rename vide "Vide ailleurs"', source);
    await press('u');
    expect(frame()).toContain('The last codebook edit was not made in this screen (codage codebook rename');
    expect(listEdits(root)).toHaveLength(2);
  });

  it('shows the side panel: a code’s definition, include, exclude and quotes with their labels; a theme’s codes', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    await press(KEYS.tab, 'j', 'j', 'p');
    expect(frame()).toContain('Details');
    const shown = panelText(frame());
    expect(shown).toContain('Impuissance');
    expect(shown).toContain('Vécu du médecin › Émotions négatives');
    expect(shown).toContain('2/3 participants · 3 references');
    expect(shown).toContain('Definition: Ne plus savoir quoi proposer.');
    expect(shown).toContain('Include: « je ne sais plus quoi faire »');
    expect(shown).toContain('Exclude: manque de temps');
    expect(shown).toContain('Memo: Garder séparé : MG3 le distingue. (latest of 2 entries; codage memo shows them all)');
    expect(shown).toContain('Quotes (2)');
    expect(shown).toContain('“Je me sens un peu inutile, en fait.” (P1)');
    // A long quote is wrapped to the panel, word for word; ] scrolls down to it.
    await press(']');
    expect(panelText(frame())).toContain('Details ↑');
    expect(panelText(frame())).toContain('on a tout essayé, les antalgiques, la kiné, le psychologue');
    await press('k', 'k');
    expect(panelText(frame())).toContain('Codes (2)');
    expect(panelText(frame())).toMatch(/Impuissance 2\/3 · 3/);
    await press('j', 'j', 'j', 'j');
    expect(panelText(frame())).toContain('Memo: Thème central pour la discussion.');
  });

  it('escapes the study’s control characters in quotes', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    await press('p');
    expect(panelText(frame())).toContain('Il faut bien en rire \\x1b[31mparfois.');
  });

  it('does not overwrite a codebook changed on disk: it says so and shows the file as it is', async () => {
    const root = study();
    const { frame, press } = open(root);
    await pause();
    writeFileSync(join(root, 'codebook.yaml'), SAMPLE_CODEBOOK.replace('name: Humour', 'name: Humour noir'));
    await press('n', 'O', 'r', 'g', KEYS.enter);
    await pause(100);
    expect(frame()).toContain('codebook.yaml was changed by another program since this screen read it: nothing was written.');
    expect(frame()).toContain('Humour noir');
    expect(readFileSync(join(root, 'codebook.yaml'), 'utf8')).not.toContain('Org');
    expect(listEdits(root)).toEqual([]);
    // Now on the file as it is: the change goes through.
    await press('n', 'O', 'r', 'g', KEYS.enter);
    expect(readFileSync(join(root, 'codebook.yaml'), 'utf8')).toContain('name: Org');
  });

  it('writes a change answered but not yet written before it quits', async () => {
    const root = study();
    const { app, press, quits } = open(root);
    await pause();
    await press('m', 'R', 'e', 'l');
    // ⏎ and q in one burst: the move is answered, q comes before it is written.
    app.stdin.write(`${KEYS.enter}q`);
    // Well before the frame after which a change is written: the screen closed, the file changed.
    await pause(1);
    expect(quits()).toBe(1);
    expect(parseCodebook(readFileSync(join(root, 'codebook.yaml'), 'utf8'), 'codebook.yaml').codebook.byId.get('humour')?.parent).toBe('relation');
  });

  it('says what to do on an empty study, and quits with q', async () => {
    const root = study();
    const { frame, press, quits } = open(root, {
      source: '',
      codebook: { themes: [], ungrouped: [], byId: new Map() },
      tally: new Map(),
      quotes: new Map(),
      notices: [{ en: 'This study has no codebook.yaml yet. n creates a theme (and the file).', fr: '…' }],
    });
    await pause();
    expect(frame()).toContain('This study has no codebook.yaml yet.');
    await press(' ');
    expect(frame()).toContain('Every code is grouped.');
    expect(frame()).toContain('No theme yet: n creates one.');
    await press('?');
    expect(frame()).toContain('Themes: the keys');
    await press('x', 'q');
    expect(quits()).toBe(1);
  });

  it('fits 80×24 and 50×24 in every mode, one line per row', async () => {
    const root = study();
    for (const [columns, rows] of [
      [80, 24],
      [50, 24],
      [120, 30],
    ] as const) {
      const screen = renderInTerminal(<ThemesApp {...sampleInput()} {...handlers(root)} onQuit={() => {}} />, columns, rows);
      await pause();
      for (const keys of [[], ['p'], ['\t'], ['m'], ['\x1b', 'r'], ['\x1b', '?']]) {
        for (const k of keys) {
          screen.stdin.write(k);
          await pause();
        }
        const lines = screen.lines();
        expect(lines.length).toBe(rows - 1);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      }
      screen.unmount();
    }
  });
});
