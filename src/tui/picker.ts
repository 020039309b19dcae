/**
 * The picker: choosing codes to apply or keep on a segment, the theme of a new code, or what
 * to remove from a segment.
 */
import type { Span } from '../core/types.js';
import { foldForSearch } from '../core/text/fold.js';
import { searchCodes, searchThemes, touchRecent } from './code-search.js';
import { applyCodes, names, replaceSegment, sameCodes } from './edit-codings.js';
import { applyCodesToMany, tickedSpans } from './code-hits.js';
import { wordStartBefore } from './line-edit.js';
import { info, L, problem, type Action, type Picker, type PickerItem, type ScreenSegment, type SessionState, type TranscriptEntry } from './session-state.js';
import { codeName, targetSpan } from './session-queries.js';

function notYetGrouped(state: SessionState): PickerItem {
  return { id: null, label: state.language === 'fr' ? 'Pas encore regroupé' : 'Not yet grouped', path: [] };
}

function pickerItems(state: SessionState, picker: Picker): PickerItem[] {
  switch (picker.purpose) {
    case 'apply':
    case 'edit':
      return searchCodes(state.codes, picker.query, [...(picker.first ?? []), ...(picker.suggested ?? []).map((s) => s.code), ...state.recentCodes]).map((c) => {
        const item: PickerItem = { id: c.id, label: c.name, path: c.path };
        const memo = state.memos.codes.get(c.id);
        const why = picker.suggested?.find((s) => s.code === c.id)?.because;
        if (why !== undefined) item.note = `${state.language === 'fr' ? '≈ suggéré' : '≈ suggested'}${c.path.length > 0 ? ` · ${c.path.join(' › ')}` : ''}`;
        const because = why === undefined ? undefined : state.language === 'fr' ? `≈ comme ${why.participant}\u00a0: ${quoteExcerpt(why.text)}` : `≈ like ${why.participant}: ${quoteExcerpt(why.text)}`;
        // The definition (and the code's memo) first, the passage that explains the suggestion under it.
        const meaning = [c.definition, memo !== undefined ? `✎ ${memo}` : undefined].filter((d) => d !== undefined).join('  ');
        const detail = [meaning, because].filter((d) => d !== undefined && d !== '') as string[];
        if (detail.length > 0) item.detail = detail;
        return item;
      });
    case 'theme': {
      const themes = searchThemes(state.themes, picker.query).map((t) => ({
        id: t.id,
        label: t.name,
        path: t.path.slice(0, -1),
      }));
      const none = notYetGrouped(state);
      const q = foldForSearch(picker.query).trim();
      return q === '' || foldForSearch(none.label).includes(q) ? [none, ...themes] : themes;
    }
    case 'remove':
      return picker.items;
    case 'hits':
    case 'transcript': {
      const all = picker.all ?? [];
      const q = foldForSearch(picker.query).trim();
      return q === '' ? all : all.filter((item) => foldForSearch(item.label).includes(q));
    }
  }
}

/** The transcript switcher: every transcript, with how far this coder has read and coded it; the current one highlighted. */
export function openTranscriptPicker(state: SessionState, entries: TranscriptEntry[]): SessionState {
  const fr = state.language === 'fr';
  const pct = (share: number) => `${Math.round(share * 100)}${fr ? '\u202f%' : '%'}`;
  const width = Math.max(0, ...entries.map((e) => e.id.length));
  const all: PickerItem[] = entries.map((e) => ({
    id: e.id,
    label: e.id.padEnd(width),
    path: [],
    // « ouvert » first: a long id leaves the end of the row to be cut.
    note: fr
      ? `${e.id === state.transcript.id ? 'ouvert · ' : ''}lu ${pct(e.read)} · codé ${pct(e.coded)} · ${e.segments} segment${e.segments > 1 ? 's' : ''}`
      : `${e.id === state.transcript.id ? 'open · ' : ''}read ${pct(e.read)} · coded ${pct(e.coded)} · ${e.segments} segment${e.segments === 1 ? '' : 's'}`,
  }));
  const current = Math.max(0, all.findIndex((item) => item.id === state.transcript.id));
  const picker: Picker = { purpose: 'transcript', query: '', highlighted: current, checked: [], items: all, all, target: { start: 0, end: 0 } };
  return { ...state, mode: 'picker', picker, prompt: null, selection: null };
}

/** The picker with its list recomputed for its query (highlight kept in range). */
export function withItems(state: SessionState, picker: Picker): Picker {
  const items = pickerItems(state, picker);
  return { ...picker, items, highlighted: Math.min(picker.highlighted, Math.max(0, items.length - 1)) };
}

/** A passage shown as the reason for a suggestion: its start, on one line. */
function quoteExcerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** Opens the code picker to code `target` (apply) or to change a segment's codes (edit). */
export function openCodePicker(state: SessionState, purpose: 'apply' | 'edit', target: Span, checked: string[], segmentId?: string, targets?: readonly Span[]): SessionState {
  const picker: Picker = { purpose, query: '', highlighted: 0, checked, items: [], target };
  if (targets !== undefined) picker.targets = targets;
  if (segmentId !== undefined) picker.segmentId = segmentId;
  // Editing a segment: its own codes come first.
  if (purpose === 'edit') picker.first = [...checked];
  // Then the codes this coder gave to the most similar passages (up to 3 known to the codebook).
  if (state.suggest !== undefined && target.end > target.start) {
    const known = new Set(state.codes.map((c) => c.id));
    // Coding again a passage that is a segment already (⏎ on a sentence just coded): that segment
    // is no passage like it, and the codes it has are no suggestion.
    const same = purpose === 'apply' && targets === undefined ? state.segments.find((s) => s.start === target.start && s.end === target.end) : undefined;
    const has = same?.codes ?? checked;
    const suggested = state
      .suggest(state.text.slice(target.start, target.end), segmentId ?? same?.id)
      .filter((s) => known.has(s.code) && !has.includes(s.code) && !checked.includes(s.code))
      .slice(0, 3);
    if (suggested.length > 0) picker.suggested = suggested;
  }
  return { ...state, mode: 'picker', picker: withItems(state, picker), prompt: null };
}

/** From the review of a search's hits to the code picker for every hit kept (Esc goes back to the review). */
function chooseCodesForHits(state: SessionState, review: Picker): SessionState {
  const spans = tickedSpans(review.checked);
  if (spans.length === 0) return { ...state, message: problem('Aucune occurrence cochée.', 'No hit ticked.') };
  // Suggestions are asked for the first passage kept: the others are the same search.
  const next = openCodePicker(state, 'apply', spans[0] as Span, [], undefined, spans);
  return next.picker === null ? next : { ...next, picker: { ...next.picker, back: review } };
}

/** The codes Enter applies: checked ones, plus the highlighted one when something is typed. */
function chosenCodes(picker: Picker): string[] {
  const highlighted = picker.items[picker.highlighted]?.id ?? null;
  if (picker.query.trim() !== '' && highlighted !== null) {
    return picker.checked.includes(highlighted) ? picker.checked : [...picker.checked, highlighted];
  }
  if (picker.checked.length > 0 || picker.purpose === 'edit') return picker.checked;
  return highlighted === null ? [] : [highlighted];
}

/** Applies the chosen codes (apply) or makes them the segment's codes (edit). */
export function confirmCodes(state: SessionState, picker: Picker, codes: string[]): SessionState {
  if (picker.purpose === 'apply' && picker.targets !== undefined) return applyCodesToMany(state, picker.targets, codes);
  if (picker.purpose === 'apply') return applyCodes(state, picker.target, codes);
  // Edit: the segment's codes become exactly the chosen ones.
  const id = picker.segmentId;
  const segment = state.segments.find((s) => s.id === id);
  const closed: SessionState = { ...state, mode: 'read', picker: null, prompt: null };
  if (segment === undefined) return closed;
  if (codes.length === 0) {
    return {
      ...state,
      message: problem(
        'Aucun code coché. Pour retirer le segment\u00a0: Échap puis x.',
        'No code checked. To remove the segment: Esc, then x.',
      ),
    };
  }
  if (sameCodes(codes, segment.codes)) return closed;
  const added = codes.filter((c) => !segment.codes.includes(c));
  const removed = segment.codes.filter((c) => !codes.includes(c));
  // What the change did (`+ Frustration, − Impuissance`): what undo and redo say they take back or do again.
  const change = [...added.map((c) => `+\u00a0${names(state, [c])}`), ...removed.map((c) => `−\u00a0${names(state, [c])}`)].join(', ') || names(state, codes);
  return replaceSegment(
    closed,
    segment.id,
    (s) => ({ ...s, codes }),
    L(`codes modifiés\u00a0: ${change}`, `codes changed: ${change}`),
    info(`Codes du segment\u00a0: ${names(state, codes)}`, `Segment codes: ${names(state, codes)}`),
    added.length > 0 ? touchRecent(state.recentCodes, added) : state.recentCodes,
  );
}

/** Removes one code from a segment, or the whole segment (`codeId` null, or its last code). */
export function removeFromSegment(state: SessionState, segment: ScreenSegment, codeId: string | null): SessionState {
  const closed: SessionState = { ...state, mode: 'read', picker: null };
  if (codeId === null || segment.codes.length <= 1) {
    return replaceSegment(
      closed,
      segment.id,
      () => null,
      L('segment retiré', 'segment removed'),
      info('Segment retiré (u pour annuler).', 'Segment removed (u to undo).'),
    );
  }
  const name = codeName(state, codeId);
  return replaceSegment(
    closed,
    segment.id,
    (s) => ({ ...s, codes: s.codes.filter((c) => c !== codeId) }),
    L(`code retiré\u00a0: ${name}`, `code removed: ${name}`),
    info(`Code retiré\u00a0: ${name} (u pour annuler).`, `Code removed: ${name} (u to undo).`),
  );
}

function pickerChoose(state: SessionState, picker: Picker, index: number): SessionState {
  const item = picker.items[index];
  switch (picker.purpose) {
    case 'apply':
    case 'edit': {
      if (item === undefined || item.id === null) return state;
      const codes = picker.checked.includes(item.id) ? picker.checked : [...picker.checked, item.id];
      return confirmCodes(state, picker, codes);
    }
    case 'theme': {
      if (item === undefined) return state;
      return {
        ...state,
        picker: { ...picker, highlighted: index },
        effects: [...state.effects, { type: 'create-code', name: picker.newCodeName ?? '', themeId: item.id }],
      };
    }
    case 'remove': {
      const segment = state.segments.find((s) => s.id === picker.segmentId);
      if (item === undefined || segment === undefined) return { ...state, mode: 'read', picker: null };
      return removeFromSegment(state, segment, item.id);
    }
    case 'hits': {
      if (item === undefined || item.id === null) return state;
      const checked = picker.checked.includes(item.id) ? picker.checked.filter((c) => c !== item.id) : [...picker.checked, item.id];
      return { ...state, picker: { ...picker, highlighted: index, checked } };
    }
    case 'transcript': {
      if (item === undefined || item.id === null) return state;
      const closed: SessionState = { ...state, mode: 'read', picker: null };
      if (item.id === state.transcript.id) return closed;
      return { ...closed, effects: [...state.effects, { type: 'open-transcript', id: item.id }] };
    }
  }
}

/** The actions of picker mode. */
export function reducePicker(state: SessionState, picker: Picker, action: Action): SessionState {
  const update = (p: Picker): SessionState => ({ ...state, picker: p });
  switch (action.type) {
    case 'pickerType':
      if (picker.purpose === 'remove') return state;
      if (picker.purpose === 'transcript') return update(withItems(state, { ...picker, query: picker.query + action.text, highlighted: 0 }));
      return update(withItems(state, { ...picker, query: picker.query + action.text, highlighted: 0 }));
    case 'pickerErase':
      return update(withItems(state, { ...picker, query: [...picker.query].slice(0, -1).join(''), highlighted: 0 }));
    case 'pickerEraseWord': {
      const query = picker.query.slice(0, wordStartBefore(picker.query, picker.query.length));
      return update(withItems(state, { ...picker, query, highlighted: 0 }));
    }
    case 'pickerClear':
      return update(withItems(state, { ...picker, query: '', highlighted: 0 }));
    case 'pickerMove': {
      const count = picker.items.length;
      if (count === 0) return state;
      const h = Math.min(Math.max(0, picker.highlighted + action.delta), count - 1);
      return update({ ...picker, highlighted: h });
    }
    case 'pickerToggle': {
      if (picker.purpose !== 'apply' && picker.purpose !== 'edit') return pickerChoose(state, picker, picker.highlighted);
      const id = picker.items[picker.highlighted]?.id;
      if (id === undefined || id === null) return state;
      const checked = picker.checked.includes(id) ? picker.checked.filter((c) => c !== id) : [...picker.checked, id];
      return update({ ...picker, checked });
    }
    case 'pickerQuick':
      return pickerChoose(state, picker, action.n - 1);
    case 'pickerConfirm': {
      if (picker.purpose === 'transcript') return pickerChoose(state, picker, picker.highlighted);
      if (picker.purpose === 'hits') return chooseCodesForHits(state, picker);
      if (picker.purpose === 'theme' && picker.items.length === 0 && picker.query.trim() !== '') return createInTypedTheme(state, picker);
      if (picker.purpose === 'theme' || picker.purpose === 'remove') return pickerChoose(state, picker, picker.highlighted);
      // Nothing matches what was typed: it is the new code's name; on to its theme.
      if (picker.items.length === 0) return picker.query.trim() === '' ? openCodeName(state, picker) : chooseThemeFor(state, picker.query, picker);
      return confirmCodes(state, picker, chosenCodes(picker));
    }
    case 'pickerNewCode':
      if (picker.purpose === 'theme') return createInTypedTheme(state, picker);
      if (picker.purpose !== 'apply' && picker.purpose !== 'edit') return state;
      return picker.query.trim() === '' ? openCodeName(state, picker) : chooseThemeFor(state, picker.query, picker);
    case 'pickerClose':
      if (picker.back !== undefined) return { ...state, picker: withItems(state, picker.back) };
      return { ...state, mode: 'read', picker: null };
    default:
      return state;
  }
}

function openCodeName(state: SessionState, picker: Picker): SessionState {
  const value = picker.query.trim();
  return {
    ...state,
    mode: 'prompt',
    prompt: { purpose: 'code-name', value, caret: value.length, back: picker },
    picker: null,
  };
}

/**
 * The step after naming a new code: where to put it. Refuses a name the codebook already has.
 * `back` is the code picker the name came from (Esc goes back to it).
 */
export function chooseThemeFor(state: SessionState, name: string, back: Picker | undefined): SessionState {
  const value = name.trim();
  if (value === '') return { ...state, message: problem('Donnez un nom au nouveau code.', 'Give the new code a name.') };
  const existing = state.codes.find((c) => foldForSearch(c.name) === foldForSearch(value));
  if (existing !== undefined) {
    return {
      ...state,
      message: problem(
        `Le code «\u00a0${existing.name}\u00a0» existe déjà\u00a0: choisissez-le dans la liste.`,
        `The code "${existing.name}" already exists: pick it from the list.`,
      ),
    };
  }
  const picker: Picker = {
    purpose: 'theme',
    query: '',
    highlighted: 0,
    checked: [],
    items: [],
    target: back?.target ?? targetSpan(state),
    newCodeName: value,
  };
  if (back !== undefined) picker.back = back;
  return { ...state, mode: 'picker', prompt: null, picker: withItems(state, picker) };
}

/**
 * A typed theme path (`Vécu du médecin > Solitude`): the existing theme it starts from, and the
 * themes to create under it. An existing theme is named in full (accents and case aside), or by
 * the start of its name when no other theme there starts so (`vecu > Solitude`); the last part
 * is always new unless it names a theme in full.
 */
export function themePathOf(state: SessionState, typed: string): { themeId: string | null; newThemes: string[] } {
  const parts = typed
    .split(/\s*[>›]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let themeId: string | null = null;
  let depth = 0;
  for (; depth < parts.length; depth++) {
    const wanted = foldForSearch(parts[depth]!);
    const here = state.themes.filter((t) => t.path.length === depth + 1 && (themeId === null ? true : t.parentId === themeId));
    const exact = here.find((t) => foldForSearch(t.name) === wanted);
    const prefixed = here.filter((t) => foldForSearch(t.name).startsWith(wanted));
    const found = exact ?? (depth < parts.length - 1 && prefixed.length === 1 ? prefixed[0] : undefined);
    if (found === undefined) break;
    themeId = found.id;
  }
  return { themeId, newThemes: parts.slice(depth) };
}

/** Creates the new code in a new theme typed in the theme picker (or in the existing one the path names). */
function createInTypedTheme(state: SessionState, picker: Picker): SessionState {
  const { themeId, newThemes } = themePathOf(state, picker.query);
  if (themeId === null && newThemes.length === 0) {
    return {
      ...state,
      message: problem('Tapez le nom du nouveau thème («\u00a0Thème > Sous-thème\u00a0» pour un sous-thème).', 'Type the new theme’s name ("Theme > Sub-theme" for a sub-theme).'),
    };
  }
  return {
    ...state,
    effects: [
      ...state.effects,
      { type: 'create-code', name: picker.newCodeName ?? '', themeId, ...(newThemes.length > 0 ? { newThemes } : {}) },
    ],
  };
}
