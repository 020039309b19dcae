import { describe, expect, it } from 'vitest';
import { planEdits } from '../../core/codebook/restructure.js';
import { NO_KEY } from '../keys.js';
import { sampleInput, SAMPLE_CODEBOOK } from '../../../test/support/themes-sample.js';
import { feedInput, keyToAction } from './keymap.js';
import { countsCell } from './view.js';
import type { Action, Effect, Saved, ThemesState } from './state.js';
import { chosenItems, currentRow, initThemes, paneRows, reduce } from './themes.js';

function start(overrides = {}): ThemesState {
  return initThemes(sampleInput(overrides));
}

function run(state: ThemesState, ...actions: Action[]): ThemesState {
  return actions.reduce(reduce, state);
}

/** Types keys as the terminal sends them. */
function keys(state: ThemesState, raw: string): ThemesState {
  return feedInput(state, raw, reduce);
}

/** Carries out an edit effect as the command would (planned on the screen's text), and answers. */
function save(state: ThemesState): { state: ThemesState; effect: Effect | undefined; saved?: Saved } {
  const effect = state.effects[0];
  const cleared = { ...state, effects: [] };
  if (effect?.type !== 'edit') return { state: cleared, effect };
  const plan = planEdits(state.data.source, [], effect.edits);
  const saved: Saved = { source: plan.codebook ?? state.data.source, summary: plan.summary, written: plan.codebook !== null };
  return { state: reduce(cleared, { type: 'saved', saved, undo: false }), effect, saved };
}

describe('the panes', () => {
  it('puts the codes not yet grouped on one side and the tree on the other, with counts', () => {
    const s = start();
    expect(s.pane).toBe('ungrouped');
    expect(s.rows.ungrouped.map((r) => r.id)).toEqual(['humour', 'colere', 'ancien-code']);
    expect(s.rows.ungrouped.find((r) => r.id === 'ancien-code')?.inCodebook).toBe(false);
    expect(s.rows.tree.map((r) => `${'  '.repeat(r.depth)}${r.id} ${r.participants}/${r.references}`)).toEqual([
      'vecu 2/4',
      '  emotions 2/4',
      '    impuissance 2/3',
      '    frustration 1/1',
      'relation 2/2',
      '  ecoute 2/2',
      'vide 0/0',
    ]);
  });

  it('folds and unfolds a theme, and ← from a code goes to its theme', () => {
    let s = run(start(), { type: 'switchPane' });
    expect(s.pane).toBe('tree');
    s = run(s, { type: 'collapse' });
    expect(s.rows.tree.map((r) => r.id)).toEqual(['vecu', 'relation', 'ecoute', 'vide']);
    expect(s.rows.tree[0]?.collapsed).toBe(true);
    s = run(s, { type: 'expand' }, { type: 'move', delta: 2 });
    expect(currentRow(s)?.id).toBe('impuissance');
    s = run(s, { type: 'collapse' });
    expect(currentRow(s)?.id).toBe('emotions');
  });

  it('keeps the cursor in range and on its item when the data changes', () => {
    let s = run(start(), { type: 'move', delta: 10 });
    expect(currentRow(s)?.id).toBe('ancien-code');
    s = run(s, { type: 'first' }, { type: 'move', delta: -3 });
    expect(currentRow(s)?.id).toBe('humour');
    s = run(s, { type: 'last' });
    expect(s.cursor.ungrouped).toBe(2);
  });

  it('starts on the tree when every code is grouped, and survives an empty codebook', () => {
    const empty = start({ source: '', codebook: { themes: [], ungrouped: [], byId: new Map() }, tally: new Map(), quotes: new Map() });
    expect(empty.rows).toEqual({ tree: [], ungrouped: [] });
    const s = run(empty, { type: 'move', delta: 1 }, { type: 'collapse' }, { type: 'expand' }, { type: 'mark' }, { type: 'openMove' }, { type: 'rename' }, { type: 'reorder', by: 1 }, { type: 'delete' });
    expect(s.effects).toEqual([]);
    expect(s.message?.text.en).toBe('Nothing to move here.');
    expect(paneRows(empty.data, new Set())).toEqual({ tree: [], ungrouped: [] });
  });
});

describe('marks and moves', () => {
  it('marks several codes (Space moves on), and m moves them all as one edit, in screen order', () => {
    let s = keys(start(), '  ');
    expect(s.marked).toEqual(['humour', 'colere']);
    expect(s.message?.text.en).toBe('2 marked · m to move · Esc to unmark all');
    s = keys(s, 'm');
    expect(s.mode).toBe('picker');
    expect(s.picker?.items[0]).toEqual({ id: null, label: 'Not yet grouped', path: [] });
    s = keys(s, 'relat');
    expect(s.picker?.items.map((i) => i.id)).toEqual(['relation']);
    s = keys(s, '\r');
    expect(s.mode).toBe('browse');
    expect(s.busy).toBe(true);
    expect(s.marked).toEqual([]);
    expect(s.effects).toEqual([
      {
        type: 'edit',
        edits: [
          { kind: 'move', target: 'humour', to: 'relation' },
          { kind: 'move', target: 'colere', to: 'relation' },
        ],
        command: 'codage themes: move humour --to relation; move colere --to relation',
      },
    ]);
    const done = save(s).state;
    expect(done.busy).toBe(false);
    expect(done.undoable).toBe(1);
    expect(done.rows.ungrouped.map((r) => r.id)).toEqual(['ancien-code']);
    expect(done.rows.tree.filter((r) => r.depth === 1 && r.kind === 'code').map((r) => r.id)).toEqual(['ecoute', 'humour', 'colere']);
    expect(done.message?.text.en).toBe('Moved the code “Humour” to “Relation”. (and 1 more change)');
    // The comments of the file are all still there.
    for (const comment of ['# Grille de Marie', '# --- le vécu ---', '# à revoir', '# fin']) expect(done.data.source).toContain(comment);
  });

  it('moves the one under the cursor when nothing is marked; Esc clears the marks', () => {
    let s = keys(start(), ' ');
    expect(s.marked).toEqual(['humour']);
    s = keys(s, '\x1b');
    expect(s.marked).toEqual([]);
    s = keys(s, 'm');
    expect(s.picker?.moving).toEqual(['colere']);
  });

  it('moves a theme with its sub-tree, never into itself, and a marked code inside it goes with it', () => {
    let s = run(start(), { type: 'switchPane' }, { type: 'move', delta: 1 });
    expect(currentRow(s)?.id).toBe('emotions');
    s = run(s, { type: 'mark' }, { type: 'mark' }, { type: 'openMove' });
    expect(s.picker?.moving).toEqual(['emotions']);
    // Itself and what is inside it are not offered; its own parent is (a no-op), the top level too.
    expect(s.picker?.items.map((i) => i.id)).toEqual([null, 'vecu', 'relation', 'vide']);
    expect(s.picker?.items[0]?.label).toBe('Top level');
    s = run(s, { type: 'pickerMove', delta: 2 }, { type: 'pickerConfirm' });
    const done = save(s).state;
    expect(done.data.codebook.byId.get('emotions')?.parent).toBe('relation');
    expect(done.data.codebook.byId.get('impuissance')?.parent).toBe('emotions');
  });

  it('says so, and writes nothing, when the items are already there', () => {
    let s = run(start(), { type: 'switchPane' }, { type: 'move', delta: 2 }, { type: 'openMove' });
    s = run(s, { type: 'pickerType', text: 'emotions' }, { type: 'pickerConfirm' });
    expect(s.effects).toEqual([]);
    expect(s.message?.text.en).toBe('Already in “Émotions négatives”.');
  });

  it('creates the typed theme when none matches, and moves there', () => {
    const s = run(start(), { type: 'openMove' }, ...[...'Ressources > Humour'].map((c): Action => ({ type: 'pickerType', text: c })));
    expect(s.picker?.items).toEqual([]);
    const { state } = save(run(s, { type: 'pickerConfirm' }));
    const node = state.data.codebook.byId.get('humour');
    expect(state.data.codebook.byId.get(node?.parent ?? '')?.name).toBe('Humour');
    expect(state.themes.map((t) => t.path.join(' > '))).toContain('Ressources > Humour');
  });

  it('refuses to move a code the codebook does not have', () => {
    const s = run(start(), { type: 'last' }, { type: 'openMove' });
    expect(s.mode).toBe('browse');
    expect(s.message?.tone).toBe('error');
    expect(s.message?.text.en).toContain('ancien-code is not in the codebook');
    // Nor reorder it: said, not silent.
    const k = run(start(), { type: 'last' }, { type: 'reorder', by: -1 });
    expect(k.effects).toEqual([]);
    expect(k.message?.text.en).toContain('ancien-code is not in the codebook');
  });

  it('Esc in the picker closes it, Backspace edits the filter', () => {
    let s = keys(start(), 'mxyz\x7f');
    expect(s.picker?.query).toBe('xy');
    // Ctrl-W erases the last word, Ctrl-U the whole filter, as in the coding screen.
    expect(keys(s, ' > Trait\x17').picker?.query).toBe('xy > ');
    expect(keys(s, ' > Trait\x15').picker?.query).toBe('');
    s = keys(s, '\x1b');
    expect(s.mode).toBe('browse');
    expect(s.picker).toBeNull();
  });
});

describe('create, rename, reorder, delete', () => {
  it('n creates a top-level theme, N a sub-theme of the theme under the cursor (or of the code’s theme)', () => {
    let s = keys(start(), 'nOrganisation\r');
    expect(s.effects[0]).toMatchObject({ type: 'edit', edits: [{ kind: 'add-theme', name: 'Organisation', parent: null }] });
    s = save(s).state;
    expect(s.data.codebook.themes.map((t) => t.name)).toEqual(['Vécu du médecin', 'Relation', 'Vide', 'Organisation']);
    s = keys(s, '\tjjN');
    expect(s.prompt).toMatchObject({ purpose: 'new-theme', parent: 'emotions' });
    s = save(keys(s, 'Colère\r')).state;
    expect(s.data.codebook.byId.get('emotions')?.children[0]?.name).toBe('Colère');
    expect(s.undoable).toBe(2);
  });

  it('N on the codes not yet grouped, or a name already taken there, is refused with a message', () => {
    let s = keys(start(), 'N');
    expect(s.mode).toBe('browse');
    expect(s.message?.tone).toBe('error');
    s = keys(s, 'nrelation\r');
    expect(s.mode).toBe('prompt');
    expect(s.message?.text.en).toBe('A theme here is already named “relation”.');
    s = keys(s, '\x1b');
    expect(s.mode).toBe('browse');
  });

  it('r renames the item under the cursor (the prompt starts with its name)', () => {
    let s = keys(start(), 'r');
    expect(s.prompt).toMatchObject({ purpose: 'rename', value: 'Humour', target: 'humour' });
    s = keys(s, '\x7f\x7f\x7f\x7f\x7f\x7fIronie\r');
    expect(s.effects[0]).toMatchObject({ edits: [{ kind: 'rename', target: 'humour', name: 'Ironie' }] });
    s = save(s).state;
    expect(s.rows.ungrouped[0]).toMatchObject({ id: 'humour', name: 'Ironie' });
    expect(keys(s, 'r\x15').prompt?.value).toBe('');
    // The same name again: nothing to do.
    expect(keys(s, 'r\r').effects).toEqual([]);
  });

  it('K/J and Alt+↑/↓ reorder among siblings; the ends say so without writing', () => {
    let s = keys(start(), '\tjjj');
    expect(currentRow(s)?.id).toBe('frustration');
    s = keys(s, 'K');
    expect(s.effects[0]).toMatchObject({ edits: [{ kind: 'reorder', target: 'frustration', by: -1 }] });
    s = save(s).state;
    expect(s.rows.tree.map((r) => r.id).slice(2, 4)).toEqual(['frustration', 'impuissance']);
    expect(currentRow(s)?.id).toBe('frustration');
    s = keys(s, 'K');
    expect(s.effects).toEqual([]);
    expect(s.message?.text.en).toBe('Already first.');
    s = save(keys(s, '\x1b[1;3B')).state;
    expect(s.rows.tree.map((r) => r.id).slice(2, 4)).toEqual(['impuissance', 'frustration']);
    expect(s.data.source).toBe(SAMPLE_CODEBOOK);
  });

  it('deletes an empty theme, refuses a full one and a code', () => {
    let s = keys(start(), '\tG');
    expect(currentRow(s)?.id).toBe('vide');
    s = save(keys(s, 'd')).state;
    expect(s.data.codebook.byId.has('vide')).toBe(false);
    s = keys(s, 'g');
    s = keys(s, 'd');
    expect(s.effects).toEqual([]);
    expect(s.message?.text.en).toBe('“Vécu du médecin” is not empty: move what it holds first (m).');
    s = keys(s, 'jjd');
    expect(s.message?.text.en).toContain('codage codebook delete NAME');
  });

  it('refuses a change while the previous one is being written', () => {
    const s = keys(start(), 'mrel\r');
    expect(s.busy).toBe(true);
    const again = keys({ ...s, effects: [] }, 'r');
    expect(again.mode).toBe('browse');
    expect(again.message?.text.en).toBe('One moment: the previous change is being saved.');
  });
});

describe('undo, refusals, reload', () => {
  it('u takes back the screen’s own edits in order, then says there is nothing left', () => {
    let s = save(keys(start(), 'mrel\r')).state;
    s = save(keys(s, 'nA\r')).state;
    expect(s.undoable).toBe(2);
    s = keys(s, 'u');
    expect(s.effects).toEqual([{ type: 'undo' }]);
    const undone: Saved = { source: SAMPLE_CODEBOOK, summary: [{ en: 'Created the theme “A” at the top level.', fr: '…' }], written: true };
    s = reduce({ ...s, effects: [] }, { type: 'saved', saved: undone, undo: true });
    expect(s.undoable).toBe(1);
    expect(s.message?.text.en).toBe('Undone: Created the theme “A” at the top level.');
    s = reduce(keys(s, 'u'), { type: 'saved', saved: undone, undo: true });
    expect(s.undoable).toBe(0);
    s = keys({ ...s, effects: [] }, 'u');
    expect(s.effects).toEqual([]);
    expect(s.message?.text.en).toContain('Nothing to undo since this screen opened');
  });

  it('a refusal is shown; a codebook changed on disk is read again, and the screen’s undo is forgotten', () => {
    let s = save(keys(start(), 'mrel\r')).state;
    s = keys(s, 'r!\r');
    s = reduce({ ...s, effects: [] }, { type: 'saveFailed', error: { en: 'codebook.yaml was changed by another program', fr: '…' }, reload: true });
    expect(s.effects).toEqual([{ type: 'reload' }]);
    expect(s.busy).toBe(true);
    const changed = sampleInput({ source: `${SAMPLE_CODEBOOK}# édité ailleurs\n` });
    s = reduce({ ...s, effects: [] }, { type: 'loaded', data: changed, message: { en: 'codebook.yaml was changed by another program', fr: '…' } });
    expect(s.busy).toBe(false);
    expect(s.undoable).toBe(0);
    expect(s.data.source).toContain('# édité ailleurs');
    expect(s.message).toEqual({ text: { en: 'codebook.yaml was changed by another program', fr: '…' }, tone: 'error' });
    const refused = reduce(keys(s, 'r!\r'), { type: 'saveFailed', error: { en: 'A code is already named', fr: '…' }, reload: false });
    expect(refused.busy).toBe(false);
    expect(refused.message?.tone).toBe('error');
  });

  it('forgets marks and folds of items that are gone after a reload', () => {
    let s = keys(start(), ' \tgh');
    expect(s.collapsed.has('vecu')).toBe(true);
    const gone = sampleInput({ source: 'codes:\n  - name: Colère\n    id: colere\n', tally: new Map() });
    s = reduce(s, { type: 'loaded', data: { ...gone, codebook: gone.codebook } });
    expect(s.marked).toEqual([]);
    expect(s.collapsed.size).toBe(0);
  });
});

describe('panel, help, keys', () => {
  it('p and ⏎ toggle the side panel; [ ] scroll it', () => {
    let s = keys(start(), 'p');
    expect(s.panel).toBe(true);
    s = keys(s, ']]');
    expect(s.panelTop).toBe(10);
    s = keys(s, '[');
    expect(s.panelTop).toBe(5);
    s = keys(s, 'j');
    expect(s.panelTop).toBe(0);
    s = keys(s, '\r');
    expect(s.panel).toBe(false);
  });

  it('? opens the help, any key closes it; notices first when there are some; q quits', () => {
    let s = keys(start(), '?');
    expect(s.mode).toBe('help');
    s = keys(s, 'jj');
    expect(s.helpTop).toBe(2);
    s = keys(s, 'x');
    expect(s.mode).toBe('browse');
    const told = start({ notices: [{ en: 'No codebook yet', fr: '…' }] });
    expect(told.mode).toBe('notices');
    expect(keys(told, ' ').mode).toBe('browse');
    expect(keys(s, 'q').effects).toEqual([{ type: 'quit' }]);
    expect(keyToAction(s, 'c', { ...NO_KEY, ctrl: true })).toEqual({ type: 'quit' });
  });

  it('chosenItems keeps screen order whatever the order of marking', () => {
    const s = keys(start(), 'j \tjj ');
    expect(s.marked).toEqual(['colere', 'impuissance']);
    expect(chosenItems(s).map((r) => r.id)).toEqual(['colere', 'impuissance']);
  });

  it('a pasted name goes whole into the prompt', () => {
    const s = keys(start(), 'n');
    expect(keys(s, 'Organisation des soins').prompt?.value).toBe('Organisation des soins');
  });
});

describe('the counts column', () => {
  it('aligns n/N and the references each in its own column, whatever their widths', () => {
    const a = countsCell(200, 200, 4762, 12);
    const b = countsCell(188, 200, 936, 12);
    const c = countsCell(7, 200, 12, 12);
    expect([a, b, c]).toEqual(['200/200 4762', '188/200  936', '  7/200   12']);
  });
});
