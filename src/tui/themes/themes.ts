/**
 * The themes screen as a pure reducer: state + action → state (+ effects the screen carries
 * out). Two panes — the codes not yet grouped, and the theme tree — a cursor in each, marks,
 * the move picker, the name prompt. Each change of the codebook is one effect (`edit`): the
 * screen writes it through `codage codebook`'s path and answers `saved` or `saveFailed`.
 */
import { codeTree } from '../../core/analysis/stats.js';
import { parseCodebook } from '../../core/codebook/parse.js';
import type { CodebookEdit } from '../../core/codebook/restructure.js';
import { nameKey } from '../../core/codebook/slug.js';
import { foldForSearch } from '../../core/text/fold.js';
import type { Codebook, CodebookNode, Localized } from '../../core/types.js';
import { searchThemes, themeEntries } from '../code-search.js';
import { nextCaret, previousCaret, wordStartBefore } from '../line-edit.js';
import type { Action, MovePicker, Pane, Row, ThemesData, ThemesInput, ThemesState } from './state.js';

const info = (fr: string, en: string): ThemesState['message'] => ({ text: { fr, en }, tone: 'info' });
const problem = (fr: string, en: string): ThemesState['message'] => ({ text: { fr, en }, tone: 'error' });
const q = (name: string): Localized => ({ fr: `«\u00a0${name}\u00a0»`, en: `“${name}”` });

/** The rows of both panes: themes and what they hold (collapsed ones without), and the codes not yet grouped. */
export function paneRows(data: ThemesData, collapsed: ReadonlySet<string>): Record<Pane, Row[]> {
  const counts = codeTree(data.codebook, data.tally);
  const tree: Row[] = [];
  const ungrouped: Row[] = [];
  let hiddenBelow = Infinity;
  for (const c of counts) {
    if (c.depth > hiddenBelow) continue;
    hiddenBelow = Infinity;
    const node = data.codebook.byId.get(c.id);
    const row: Row = {
      id: c.id,
      kind: c.kind,
      name: c.name,
      depth: c.depth,
      participants: c.participants,
      references: c.references,
      inCodebook: c.inCodebook,
      children: node?.children.length ?? 0,
      collapsed: c.kind === 'theme' && collapsed.has(c.id),
    };
    if (row.collapsed) hiddenBelow = c.depth;
    if (c.kind === 'code' && c.depth === 0) ungrouped.push(row);
    else tree.push(row);
  }
  return { tree, ungrouped };
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(0, n), Math.max(0, length - 1));
}

export function initThemes(input: ThemesInput): ThemesState {
  const collapsed = new Set<string>();
  const rows = paneRows(input, collapsed);
  const notices = input.notices ?? [];
  return {
    language: input.language,
    coder: input.coder,
    data: { codebook: input.codebook, source: input.source, tally: input.tally, participants: input.participants, quotes: input.quotes, ...(input.memos ? { memos: input.memos } : {}) },
    themes: themeEntries(input.codebook),
    rows,
    // Start where the work is: the codes not yet grouped, when there are any.
    pane: rows.ungrouped.length > 0 || rows.tree.length === 0 ? 'ungrouped' : 'tree',
    cursor: { ungrouped: 0, tree: 0 },
    collapsed,
    marked: [],
    mode: notices.length > 0 ? 'notices' : 'browse',
    picker: null,
    prompt: null,
    panel: false,
    panelTop: 0,
    helpTop: 0,
    notices,
    message: null,
    busy: false,
    undoable: 0,
    effects: [],
  };
}

/** The row under the cursor of the active pane. */
export function currentRow(state: ThemesState): Row | undefined {
  return state.rows[state.pane][state.cursor[state.pane]];
}

/** The state with new data (or new collapsed themes): rows rebuilt, cursors kept on their item when it is still there. */
function withData(state: ThemesState, data: ThemesData, collapsed: ReadonlySet<string> = state.collapsed): ThemesState {
  const kept = new Set([...collapsed].filter((id) => data.codebook.byId.get(id)?.kind === 'theme'));
  const rows = paneRows(data, kept);
  const cursor = { ...state.cursor };
  for (const pane of ['ungrouped', 'tree'] as const) {
    const id = state.rows[pane][state.cursor[pane]]?.id;
    const at = id === undefined ? -1 : rows[pane].findIndex((r) => r.id === id);
    // An item that left the pane (moved away): the cursor stays at its place, on the next one.
    cursor[pane] = clamp(at >= 0 ? at : state.cursor[pane], rows[pane].length);
  }
  const known = (id: string) => data.codebook.byId.has(id) || data.tally.has(id);
  return {
    ...state,
    data,
    themes: data.codebook === state.data.codebook ? state.themes : themeEntries(data.codebook),
    rows,
    cursor,
    collapsed: kept,
    marked: state.marked.filter(known),
    panelTop: state.rows[state.pane][state.cursor[state.pane]]?.id === rows[state.pane][cursor[state.pane]]?.id ? state.panelTop : 0,
  };
}

function withCursor(state: ThemesState, pane: Pane, index: number): ThemesState {
  const at = clamp(index, state.rows[pane].length);
  if (at === state.cursor[pane] && pane === state.pane) return state;
  return { ...state, pane, cursor: { ...state.cursor, [pane]: at }, panelTop: 0 };
}

/** The items an action applies to: the marked ones (screen order), else the one under the cursor. */
export function chosenItems(state: ThemesState): Row[] {
  if (state.marked.length > 0) {
    const marked = new Set(state.marked);
    const order = [...state.rows.ungrouped, ...state.rows.tree].map((r) => r.id);
    const rank = (id: string) => {
      const i = order.indexOf(id);
      return i < 0 ? Infinity : i;
    };
    const ids = [...marked].sort((a, b) => rank(a) - rank(b));
    return ids.flatMap((id) => {
      const node = state.data.codebook.byId.get(id);
      const row = [...state.rows.ungrouped, ...state.rows.tree].find((r) => r.id === id);
      if (row) return [row];
      // Marked, then hidden in a collapsed theme: still moved.
      return node ? [{ id, kind: node.kind, name: node.name, depth: 0, participants: 0, references: 0, inCodebook: true, children: node.children.length, collapsed: false }] : [];
    });
  }
  const row = currentRow(state);
  return row ? [row] : [];
}

function isInside(codebook: Codebook, id: string, themeId: string): boolean {
  for (let at: string | null = codebook.byId.get(id)?.parent ?? null; at !== null; at = codebook.byId.get(at)?.parent ?? null) {
    if (at === themeId) return true;
  }
  return false;
}

function pickerItems(state: ThemesState, picker: MovePicker): MovePicker['items'] {
  const codebook = state.data.codebook;
  const moving = picker.moving.map((id) => codebook.byId.get(id)).filter((n): n is CodebookNode => n !== undefined);
  const themes = moving.filter((n) => n.kind === 'theme');
  const codes = moving.filter((n) => n.kind === 'code');
  const fr = state.language === 'fr';
  const noneLabel =
    themes.length === 0 ? (fr ? 'Pas encore regroupé' : 'Not yet grouped') : codes.length === 0 ? (fr ? 'Premier niveau' : 'Top level') : fr ? 'Premier niveau / pas encore regroupé' : 'Top level / not yet grouped';
  // A theme cannot go inside itself, nor where it already is.
  const allowed = searchThemes(state.themes, picker.query).filter((t) => !themes.some((m) => m.id === t.id || isInside(codebook, t.id, m.id)));
  const items: MovePicker['items'] = allowed.map((t) => ({ id: t.id, label: t.name, path: t.path.slice(0, -1) }));
  const query = foldForSearch(picker.query).trim();
  return query === '' || foldForSearch(noneLabel).includes(query) ? [{ id: null, label: noneLabel, path: [] }, ...items] : items;
}

/** What the journal and lock files say the screen did: as the equivalent `codage codebook` command. */
function commandFor(edits: readonly CodebookEdit[]): string {
  const word = (w: string) => (/^[\p{L}\p{N}._/-]+$/u.test(w) ? w : JSON.stringify(w));
  const one = (e: CodebookEdit): string => {
    switch (e.kind) {
      case 'move':
        return `move ${word(e.target)} ${e.to === null ? '--ungrouped' : `--to ${word(e.to)}`}`;
      case 'rename':
        return `rename ${word(e.target)} ${word(e.name)}`;
      case 'add-theme':
        return `add-theme ${word(e.name)}${e.parent === null ? '' : ` --in ${word(e.parent)}`}`;
      case 'reorder':
        return `reorder ${word(e.target)} ${e.by < 0 ? '--up' : '--down'}`;
      case 'delete':
        return `delete ${word(e.target)}`;
      default:
        return e.kind;
    }
  };
  return `codage themes: ${edits.map(one).join('; ')}`;
}

function edit(state: ThemesState, edits: CodebookEdit[], message: ThemesState['message']): ThemesState {
  return { ...state, busy: true, message, effects: [...state.effects, { type: 'edit', edits, command: commandFor(edits) }] };
}

function refuseWhileBusy(state: ThemesState): ThemesState {
  return { ...state, message: problem('Un instant\u00a0: la modification précédente s’enregistre.', 'One moment: the previous change is being saved.') };
}

/** A code id used in codings but missing from the codebook cannot be moved or reordered: what to do instead. */
function notInCodebook(id: string): ThemesState['message'] {
  return problem(
    `${id} n’est pas dans le livre de codes\u00a0: ajoutez-le (codage codebook add) ou fusionnez-le (codage codebook merge).`,
    `${id} is not in the codebook: add it (codage codebook add) or merge it (codage codebook merge).`,
  );
}

function openMove(state: ThemesState): ThemesState {
  const chosen = chosenItems(state);
  if (chosen.length === 0) return { ...state, message: problem('Rien à déplacer ici.', 'Nothing to move here.') };
  const unknown = chosen.find((r) => !r.inCodebook);
  if (unknown) return { ...state, message: notInCodebook(unknown.id) };
  // A theme moved takes what it holds: marked items inside it go with it.
  const themes = chosen.filter((r) => r.kind === 'theme').map((r) => r.id);
  const moving = chosen.filter((r) => !themes.some((t) => isInside(state.data.codebook, r.id, t))).map((r) => r.id);
  const picker: MovePicker = { query: '', highlighted: 0, moving, items: [] };
  return { ...state, mode: 'picker', picker: { ...picker, items: pickerItems(state, picker) }, message: null };
}

function confirmMove(state: ThemesState, picker: MovePicker): ThemesState {
  const item = picker.items[picker.highlighted];
  const typed = picker.query.trim();
  // Nothing matches what was typed: a new theme of that name (or path) receives them.
  const to = item === undefined ? (typed === '' ? undefined : typed) : item.id;
  if (to === undefined) return state;
  const codebook = state.data.codebook;
  const edits: CodebookEdit[] = picker.moving
    .filter((id) => (codebook.byId.get(id)?.parent ?? null) !== to)
    .map((id) => ({ kind: 'move', target: id, to }));
  const closed: ThemesState = { ...state, mode: 'browse', picker: null };
  const where = to === null ? { fr: item?.label.toLowerCase() ?? '', en: item?.label.toLowerCase() ?? '' } : q(item ? item.label : typed);
  if (edits.length === 0) return { ...closed, message: info(`Déjà dans ${where.fr}.`, `Already in ${where.en}.`) };
  const n = edits.length;
  return edit(
    { ...closed, marked: [] },
    edits,
    info(`Déplacement de ${n} élément${n > 1 ? 's' : ''} vers ${where.fr}…`, `Moving ${n} item${n > 1 ? 's' : ''} to ${where.en}…`),
  );
}

function reducePicker(state: ThemesState, picker: MovePicker, action: Action): ThemesState {
  const update = (p: MovePicker): ThemesState => {
    const items = pickerItems(state, p);
    return { ...state, picker: { ...p, items, highlighted: clamp(p.highlighted, items.length) } };
  };
  switch (action.type) {
    case 'pickerType':
      return update({ ...picker, query: picker.query + action.text, highlighted: 0 });
    case 'pickerEraseWord':
      return update({ ...picker, query: picker.query.replace(/\S*\s*$/u, ''), highlighted: 0 });
    case 'pickerClear':
      return update({ ...picker, query: '', highlighted: 0 });
    case 'pickerErase':
      return update({ ...picker, query: [...picker.query].slice(0, -1).join(''), highlighted: 0 });
    case 'pickerMove':
      return { ...state, picker: { ...picker, highlighted: clamp(picker.highlighted + action.delta, picker.items.length) } };
    case 'pickerConfirm':
      return confirmMove(state, picker);
    case 'pickerClose':
      return { ...state, mode: 'browse', picker: null };
    default:
      return state;
  }
}

function confirmPrompt(state: ThemesState): ThemesState {
  const prompt = state.prompt;
  if (prompt === null) return state;
  const value = prompt.value.trim();
  const closed: ThemesState = { ...state, mode: 'browse', prompt: null };
  if (value === '') return { ...state, message: problem('Donnez un nom.', 'Give a name.') };
  if (prompt.purpose === 'new-theme') {
    const parent = prompt.parent ?? null;
    const siblings = parent === null ? state.data.codebook.themes : (state.data.codebook.byId.get(parent)?.children ?? []);
    if (siblings.some((n) => n.kind === 'theme' && nameKey(n.name) === nameKey(value))) {
      return { ...state, message: problem(`Un thème s’appelle déjà ${q(value).fr} ici.`, `A theme here is already named ${q(value).en}.`) };
    }
    return edit(closed, [{ kind: 'add-theme', name: value, parent }], info(`Création du thème ${q(value).fr}…`, `Creating the theme ${q(value).en}…`));
  }
  const target = prompt.target ?? '';
  const node = state.data.codebook.byId.get(target);
  if (node === undefined || node.name === value) return closed;
  return edit(closed, [{ kind: 'rename', target, name: value }], info(`Renommage en ${q(value).fr}…`, `Renaming to ${q(value).en}…`));
}

function reducePrompt(state: ThemesState, action: Action): ThemesState {
  const prompt = state.prompt;
  if (prompt === null) return state;
  const { value, caret } = prompt;
  const update = (v: string, c: number): ThemesState => ({ ...state, prompt: { ...prompt, value: v, caret: c } });
  switch (action.type) {
    case 'promptType': {
      const clean = action.text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC');
      return clean === '' ? state : update(value.slice(0, caret) + clean + value.slice(caret), caret + clean.length);
    }
    case 'promptErase': {
      const at = previousCaret(value, caret);
      return update(value.slice(0, at) + value.slice(caret), at);
    }
    case 'promptEraseWord': {
      const at = wordStartBefore(value, caret);
      return update(value.slice(0, at) + value.slice(caret), at);
    }
    case 'promptClear':
      return update('', 0);
    case 'promptCaret': {
      const to = action.to === 'left' ? previousCaret(value, caret) : action.to === 'right' ? nextCaret(value, caret) : action.to === 'home' ? 0 : value.length;
      return update(value, to);
    }
    case 'promptConfirm':
      return confirmPrompt(state);
    case 'promptCancel':
      return { ...state, mode: 'browse', prompt: null };
    default:
      return state;
  }
}

/** The theme a new sub-theme goes under: the theme under the cursor, or the theme of the code there. */
function parentForSubTheme(state: ThemesState): string | null {
  const row = currentRow(state);
  if (row === undefined || state.pane !== 'tree') return null;
  const node = state.data.codebook.byId.get(row.id);
  if (node === undefined) return null;
  return node.kind === 'theme' ? node.id : node.parent;
}

/** A change of the codebook from browse mode: refused while another is being written. */
function changing(state: ThemesState, action: Action): ThemesState {
  if (state.busy) return refuseWhileBusy(state);
  const row = currentRow(state);
  switch (action.type) {
    case 'openMove':
      return openMove(state);
    case 'newTheme': {
      const parent = action.sub ? parentForSubTheme(state) : null;
      if (action.sub && parent === null) {
        return { ...state, message: problem('Placez le curseur sur un thème (à droite) pour y créer un sous-thème.', 'Put the cursor on a theme (on the right) to create a sub-theme in it.') };
      }
      return { ...state, mode: 'prompt', prompt: { purpose: 'new-theme', value: '', caret: 0, parent }, message: null };
    }
    case 'rename': {
      if (row === undefined) return state;
      if (!row.inCodebook) {
        return { ...state, message: problem(`${row.id} n’est pas dans le livre de codes.`, `${row.id} is not in the codebook.`) };
      }
      return { ...state, mode: 'prompt', prompt: { purpose: 'rename', value: row.name, caret: row.name.length, target: row.id }, message: null };
    }
    case 'reorder': {
      if (row === undefined) return { ...state, message: problem('Rien à déplacer ici.', 'Nothing to move here.') };
      const node = state.data.codebook.byId.get(row.id);
      if (node === undefined) return { ...state, message: notInCodebook(row.id) };
      const codebook = state.data.codebook;
      const siblings = (node.parent === null ? (node.kind === 'theme' ? codebook.themes : codebook.ungrouped) : (codebook.byId.get(node.parent)?.children ?? [])).filter((n) => n.kind === node.kind);
      const at = siblings.indexOf(node);
      if (siblings[at + action.by] === undefined) {
        return { ...state, message: info(`Déjà ${action.by < 0 ? 'en premier' : 'en dernier'}.`, `Already ${action.by < 0 ? 'first' : 'last'}.`) };
      }
      return edit(state, [{ kind: 'reorder', target: node.id, by: action.by }], null);
    }
    case 'delete': {
      if (row === undefined) return state;
      if (row.kind === 'code') {
        return {
          ...state,
          message: problem(
            'Un code se supprime en ligne de commande, qui dit quoi faire de ses segments\u00a0: codage codebook delete NOM.',
            'A code is deleted on the command line, which asks what becomes of its segments: codage codebook delete NAME.',
          ),
        };
      }
      if (row.children > 0) {
        return { ...state, message: problem(`${q(row.name).fr} n’est pas vide\u00a0: déplacez d’abord ce qu’il contient (m).`, `${q(row.name).en} is not empty: move what it holds first (m).`) };
      }
      return edit(state, [{ kind: 'delete', target: row.id }], info(`Suppression du thème ${q(row.name).fr}…`, `Deleting the theme ${q(row.name).en}…`));
    }
    case 'undo':
      if (state.undoable === 0) {
        return {
          ...state,
          message: problem(
            'Rien à annuler depuis l’ouverture de cet écran (codage codebook undo annule les modifications antérieures).',
            'Nothing to undo since this screen opened (codage codebook undo takes back earlier edits).',
          ),
        };
      }
      return { ...state, busy: true, message: null, effects: [...state.effects, { type: 'undo' }] };
    default:
      return state;
  }
}

function reduceBrowse(state: ThemesState, action: Action): ThemesState {
  const rows = state.rows[state.pane];
  const row = currentRow(state);
  switch (action.type) {
    case 'move':
      return withCursor(state, state.pane, state.cursor[state.pane] + action.delta);
    case 'first':
      return withCursor(state, state.pane, 0);
    case 'last':
      return withCursor(state, state.pane, rows.length - 1);
    case 'switchPane': {
      const pane = action.to ?? (state.pane === 'tree' ? 'ungrouped' : 'tree');
      return { ...state, pane, panelTop: 0 };
    }
    case 'collapse': {
      if (row === undefined) return state;
      if (row.kind === 'theme' && !row.collapsed && row.children > 0) return withData(state, state.data, new Set([...state.collapsed, row.id]));
      // Else: to the enclosing theme.
      const parent = state.data.codebook.byId.get(row.id)?.parent ?? null;
      const at = parent === null ? -1 : rows.findIndex((r) => r.id === parent);
      return at < 0 ? state : withCursor(state, state.pane, at);
    }
    case 'expand': {
      if (row === undefined || row.kind !== 'theme') return state;
      if (row.collapsed) return withData(state, state.data, new Set([...state.collapsed].filter((id) => id !== row.id)));
      return row.children > 0 ? withCursor(state, state.pane, state.cursor[state.pane] + 1) : state;
    }
    case 'mark': {
      if (row === undefined) return state;
      const marked = state.marked.includes(row.id) ? state.marked.filter((id) => id !== row.id) : [...state.marked, row.id];
      const next = withCursor({ ...state, marked }, state.pane, state.cursor[state.pane] + 1);
      const n = marked.length;
      return { ...next, message: n === 0 ? null : info(`${n} marqué${n > 1 ? 's' : ''} · m pour déplacer · Échap pour tout démarquer`, `${n} marked · m to move · Esc to unmark all`) };
    }
    case 'clearMarks':
      return state.marked.length === 0 ? { ...state, message: null } : { ...state, marked: [], message: info('Marques retirées.', 'Marks cleared.') };
    case 'togglePanel':
      return { ...state, panel: !state.panel, panelTop: 0 };
    case 'scrollPanel':
      return state.panel ? { ...state, panelTop: Math.max(0, state.panelTop + action.delta) } : state;
    case 'help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'quit':
      return { ...state, effects: [...state.effects, { type: 'quit' }] };
    case 'openMove':
    case 'newTheme':
    case 'rename':
    case 'reorder':
    case 'delete':
    case 'undo':
      return changing(state, action);
    default:
      return state;
  }
}

/** The screen's reducer (see the module comment). */
export function reduce(state: ThemesState, action: Action): ThemesState {
  switch (action.type) {
    case 'saved': {
      const { source, summary, written } = action.saved;
      const parsed = parseCodebook(source, 'codebook.yaml').codebook;
      const next = withData({ ...state, busy: false }, { ...state.data, source, codebook: parsed });
      const undoable = !written ? state.undoable : action.undo ? Math.max(0, state.undoable - 1) : state.undoable + 1;
      const first = summary[0];
      // The first change said, and how many more the same step made (a theme and the codes moved into it).
      const n = summary.length - 1;
      const more: Localized = n > 0 ? { fr: ` (et ${n} autre${n > 1 ? 's' : ''} changement${n > 1 ? 's' : ''})`, en: ` (and ${n} more change${n > 1 ? 's' : ''})` } : { fr: '', en: '' };
      const text: Localized =
        first === undefined
          ? { fr: 'Rien n’a changé.', en: 'Nothing changed.' }
          : action.undo
            ? { fr: `Annulé\u00a0: ${first.fr}${more.fr}`, en: `Undone: ${first.en}${more.en}` }
            : { fr: `${first.fr}${more.fr}`, en: `${first.en}${more.en}` };
      return { ...next, undoable, message: { text, tone: 'info' } };
    }
    case 'saveFailed':
      return {
        ...state,
        busy: action.reload,
        message: { text: action.error, tone: 'error' },
        effects: action.reload ? [...state.effects, { type: 'reload' }] : state.effects,
      };
    case 'loaded': {
      // Read again from disk (changed by another program): what was undoable here no longer is.
      const next = withData({ ...state, busy: false, undoable: 0 }, action.data);
      return action.message ? { ...next, message: { text: action.message, tone: 'error' } } : next;
    }
    default:
      break;
  }
  switch (state.mode) {
    case 'picker':
      return state.picker === null ? { ...state, mode: 'browse' } : reducePicker(state, state.picker, action);
    case 'prompt':
      return reducePrompt(state, action);
    case 'help':
      if (action.type === 'scrollHelp') return { ...state, helpTop: Math.max(0, state.helpTop + action.delta) };
      if (action.type === 'quit') return { ...state, effects: [...state.effects, { type: 'quit' }] };
      return action.type === 'dismiss' ? { ...state, mode: 'browse' } : state;
    case 'notices':
      if (action.type === 'quit') return { ...state, effects: [...state.effects, { type: 'quit' }] };
      return action.type === 'dismiss' ? { ...state, mode: 'browse' } : state;
    case 'browse':
      return reduceBrowse(state, action);
  }
}
