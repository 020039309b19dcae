/** The themes screen's state, actions and effects (plain data; the reducer is themes.ts). */
import type { CodeTally } from '../../core/analysis/stats.js';
import type { CodebookEdit } from '../../core/codebook/restructure.js';
import type { Memos } from '../../core/memo/memo.js';
import type { Codebook, Language, Localized } from '../../core/types.js';
import type { ThemeEntry } from '../code-search.js';

/** One quote of a code, as the side panel shows it: the exact transcript text and its label. */
export interface PanelQuote {
  label: string;
  text: string;
}

/** What the screen shows, as read from the study (and read again after each change). */
export interface ThemesData {
  codebook: Codebook;
  /** The text of codebook.yaml the screen shows ('' when there is no file): edits are decided on it. */
  source: string;
  /** Per code id: participants and references (from the coder files, or one coder's). */
  tally: CodeTally;
  /** Participants of the study (N of n/N). */
  participants: number;
  /** Per code id: its quotes, in interview order. */
  quotes: ReadonlyMap<string, readonly PanelQuote[]>;
  /** The study's memos (memos/): a code's or a theme's is shown in the side panel. */
  memos?: Memos;
}

export interface ThemesInput extends ThemesData {
  language: Language;
  /** Whose codings are counted: a coder's name, or null for every coder. */
  coder: string | null;
  /** Told once at the start (e.g. no codebook yet). */
  notices?: Localized[];
}

export type Pane = 'ungrouped' | 'tree';

/** One line of a pane: a theme or a code, with its counts. */
export interface Row {
  id: string;
  kind: 'theme' | 'code';
  name: string;
  depth: number;
  participants: number;
  references: number;
  /** False for a code id used in codings but missing from the codebook. */
  inCodebook: boolean;
  /** Themes: codes and sub-themes directly under it; whether they are hidden. */
  children: number;
  collapsed: boolean;
}

/** Where the marked items (or the one under the cursor) go. */
export interface MovePicker {
  query: string;
  highlighted: number;
  /** Ids to move, in screen order. */
  moving: string[];
  /** The choices for the query: null is the top level (themes) / not yet grouped (codes). */
  items: { id: string | null; label: string; path: string[] }[];
}

export interface Prompt {
  purpose: 'new-theme' | 'rename';
  value: string;
  caret: number;
  /** rename: the node renamed. */
  target?: string;
  /** new-theme: the theme it goes under (null: the top level). */
  parent?: string | null;
}

export type Mode = 'browse' | 'picker' | 'prompt' | 'help' | 'notices';

export interface ThemesState {
  language: Language;
  coder: string | null;
  data: ThemesData;
  /** Themes with their paths, for the picker. */
  themes: ThemeEntry[];
  rows: Record<Pane, Row[]>;
  pane: Pane;
  cursor: Record<Pane, number>;
  collapsed: ReadonlySet<string>;
  /** Marked ids, in the order they were marked. */
  marked: readonly string[];
  mode: Mode;
  picker: MovePicker | null;
  prompt: Prompt | null;
  panel: boolean;
  panelTop: number;
  helpTop: number;
  notices: Localized[];
  message: { text: Localized; tone: 'info' | 'error' } | null;
  /** An edit is being written: keys that change the codebook wait. */
  busy: boolean;
  /** Edits this screen made that `u` may take back (the journal's last ones). */
  undoable: number;
  effects: Effect[];
}

export type Effect =
  | { type: 'edit'; edits: CodebookEdit[]; command: string }
  | { type: 'undo' }
  | { type: 'reload' }
  | { type: 'quit' };

/** What a written edit or an undo gives back. */
export interface Saved {
  source: string;
  summary: Localized[];
  /** False when nothing needed writing. */
  written: boolean;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'switchPane'; to?: Pane }
  | { type: 'collapse' }
  | { type: 'expand' }
  | { type: 'mark' }
  | { type: 'clearMarks' }
  | { type: 'openMove' }
  | { type: 'newTheme'; sub: boolean }
  | { type: 'rename' }
  | { type: 'reorder'; by: -1 | 1 }
  | { type: 'delete' }
  | { type: 'undo' }
  | { type: 'togglePanel' }
  | { type: 'scrollPanel'; delta: number }
  | { type: 'help' }
  | { type: 'scrollHelp'; delta: number }
  | { type: 'dismiss' }
  | { type: 'quit' }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerErase' }
  /** Ctrl-W (Alt-Backspace): the last word of the filter; Ctrl-U: all of it. */
  | { type: 'pickerEraseWord' }
  | { type: 'pickerClear' }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerConfirm' }
  | { type: 'pickerClose' }
  | { type: 'promptType'; text: string }
  | { type: 'promptErase' }
  | { type: 'promptEraseWord' }
  | { type: 'promptClear' }
  | { type: 'promptCaret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'promptConfirm' }
  | { type: 'promptCancel' }
  | { type: 'saved'; saved: Saved; undo: boolean }
  | { type: 'saveFailed'; error: Localized; reload: boolean }
  | { type: 'loaded'; data: ThemesData; message?: Localized };
