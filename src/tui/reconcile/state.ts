/**
 * The reconciliation screen's state, actions and effects. The screen steps through the
 * disagreements of two coders; every decision leaves as an effect for the caller to save at once.
 *
 * Offsets are UTF-16 indices into each disagreement's transcript text.
 */
import type { Disagreement } from '../../core/analysis/agreement/disagreements.js';
import type { Choice, Decision } from '../../core/consensus/decisions.js';
import type { SegmentNotes } from '../../core/consensus/notes.js';
import type { Codebook, Language, Localized, Span, Transcript } from '../../core/types.js';
import type { CodeEntry } from '../code-search.js';
import type { Picker } from '../session-state.js';

/** One disagreement as the screen shows it. */
export interface ReconcileItem {
  disagreement: Disagreement;
  transcript: Transcript;
  /** Line in the transcript file where it starts. */
  line: number;
  /** The transcript's sentences, for moving an edited boundary by sentence. */
  sentences: readonly Span[];
  /** What each coder wrote beside their codings here: memos, exemplary marks. */
  notes?: { a: SegmentNotes; b: SegmentNotes };
}

export interface ReconcileInput {
  language: Language;
  /** Coder A and coder B. */
  coders: [string, string];
  /** Name of the consensus coder file. */
  into: string;
  codebook: Codebook;
  items: ReconcileItem[];
  /** Decisions already taken (from the log), by disagreement key. */
  decisions: ReadonlyMap<string, Decision>;
  /** Who decides, as written in the log. */
  who: string;
  /** The time now, ISO 8601 (injected: the reducer has no clock). */
  now: () => string;
  /** Words touching [start, end) of a text (whole words). */
  wordSpans: (text: string, start: number, end: number) => Span[];
  notices?: string[];
}

/** `memos`: the memos and the note of the disagreement on screen, whole (the row cuts them). */
export type Mode = 'review' | 'note' | 'edit' | 'codes' | 'help' | 'notices' | 'memos';

/** The coding being written by hand for a disagreement. */
export interface Edit extends Span {
  /** The end that moves. */
  active: 'start' | 'end';
  codes: string[];
}

export interface Message {
  text: Localized;
  tone: 'info' | 'error';
}

export type Effect = { type: 'save'; decision: Decision } | { type: 'quit' };

export interface ReconcileState {
  language: Language;
  coders: [string, string];
  into: string;
  codebook: Codebook;
  codes: CodeEntry[];
  items: ReconcileItem[];
  decisions: ReadonlyMap<string, Decision>;
  /** The disagreement on screen. */
  index: number;
  mode: Mode;
  note: { value: string; caret: number } | null;
  edit: Edit | null;
  /** The code picker of an edit (the coding screen's picker, purpose `edit`). */
  picker: Picker | null;
  notices: string[];
  message: Message | null;
  saveError: string | null;
  quitArmed: boolean;
  /** First row shown of the help, or of the memos read whole. */
  helpTop: number;
  effects: Effect[];
  env: Pick<ReconcileInput, 'who' | 'now' | 'wordSpans'>;
}

export type Action =
  | { type: 'move'; dir: 1 | -1 }
  | { type: 'nextPending'; dir: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'decide'; choice: Exclude<Choice, 'edit'> }
  | { type: 'skip' }
  | { type: 'openNote' }
  | { type: 'noteType'; text: string }
  | { type: 'noteErase' }
  | { type: 'noteCaret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'noteClear' }
  | { type: 'noteConfirm' }
  | { type: 'noteCancel' }
  | { type: 'openEdit'; from: 'a' | 'b' | 'all' }
  | { type: 'editMove'; unit: 'word' | 'sentence'; dir: 1 | -1 }
  | { type: 'editSwap' }
  | { type: 'editCodes' }
  | { type: 'editConfirm' }
  | { type: 'editCancel' }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerErase' }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerToggle' }
  | { type: 'pickerConfirm' }
  | { type: 'pickerClose' }
  | { type: 'help' }
  | { type: 'memos' }
  | { type: 'scrollHelp'; delta: number }
  | { type: 'dismiss' }
  | { type: 'quit' }
  | { type: 'saved' }
  | { type: 'saveFailed'; error: string };

export const L = (fr: string, en: string): Localized => ({ fr, en });
export const info = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'info' });
export const problem = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'error' });
