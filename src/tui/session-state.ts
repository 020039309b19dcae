/**
 * The coding session's state, its actions and effects: the types shared by the reducer's
 * modules (see session.ts), and the wording helpers for status-line messages.
 *
 * Offsets are UTF-16 indices into `transcript.text`; spans are half-open.
 */
import type { EditedSegment } from '../core/codings/replace-transcript.js';
import type { SpeechCoverage } from '../core/analysis/speech.js';
import type { FoldedText } from '../core/text/fold.js';
import type { Codebook, Language, Localized, Sentence, Span, Transcript } from '../core/types.js';
import type { SuggestedCode } from '../core/suggest/index.js';
import type { CodeEntry, ThemeEntry } from './code-search.js';

/** A coded segment as the screen sees it (UTF-16 offsets). */
/** A segment as the screen holds it: UTF-16 offsets into the transcript text. */
export type ScreenSegment = EditedSegment;

export interface SessionInput {
  transcript: Transcript;
  sentences: Sentence[];
  codebook: Codebook;
  segments: ScreenSegment[];
  transcriptMemo?: string;
  /** The study's memos shown on this screen (codage memo): each code's, and this transcript's (latest entry). */
  memos?: ScreenMemos;
  /** Codes this coder gave to the passages most like `text` (their own coding only); absent when turned off. */
  suggest?: Suggest;
  language: Language;
  initialCursor?: number;
  /** What the coder read in earlier sessions. */
  read?: Span[];
  /**
   * Given by a screen that reports what it shows (`shown` actions): only what has been on screen
   * of the current sentence counts as read — of a sentence taller than the screen, the rows shown.
   * Without it, a sentence counts as read when the cursor visits it.
   */
  window?: Span;
  recentCodes?: string[];
  notices?: string[];
  newSegmentId: () => string;
  wordSpans: (start: number, end: number) => Span[];
  /** What this session did earlier on this transcript, before another one was opened (`t`): undo goes on. */
  history?: TranscriptHistory;
}

/** A transcript's undo and redo, and the segments it had when first opened this session. */
export interface TranscriptHistory {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
  initialIds: ReadonlySet<string>;
}

/** Suggestions for a passage: code ids, best first, each with the passage that explains it. */
export type Suggest = (text: string, exclude?: string) => readonly SuggestedCode[];

/** Memos from `memos/`, as the coding screen shows them: the latest entry of each, on one line. */
export interface ScreenMemos {
  codes: ReadonlyMap<string, string>;
  transcript?: string;
}

export type Mode = 'read' | 'picker' | 'prompt' | 'help' | 'notices' | 'confirm';

/** A selection being built: `active` is the end that moves. */
export interface Selection extends Span {
  active: 'start' | 'end';
}

export type PickerPurpose = 'apply' | 'edit' | 'theme' | 'remove' | 'transcript' | 'hits';

export interface PickerItem {
  /** Code id, theme id, or null (theme picker: not yet grouped; remove: the whole segment). */
  id: string | null;
  label: string;
  /** Theme path shown beside the label. */
  path: string[];
  /** Lines shown under the list for the highlighted item, the most useful first (a code's definition and memo, then why it is suggested). */
  detail?: string[];
  /** Shown dimmed before the label, where a long label cannot push it off the row (a hit's line number). */
  lead?: string;
  /** Shown dimmed beside the label instead of a path (a transcript's progress). */
  note?: string;
}

/** A transcript in the switcher, with this coder's progress in it. */
export interface TranscriptEntry {
  id: string;
  /** Shares (0–1) of the transcript read, and of its participant speech coded. */
  read: number;
  coded: number;
  segments: number;
}

export interface Picker {
  purpose: PickerPurpose;
  query: string;
  highlighted: number;
  /** Checked code ids (apply, edit). */
  checked: string[];
  items: PickerItem[];
  /** The text to code (apply) or the segment's span (edit, remove). */
  target: Span;
  segmentId?: string;
  /** Theme picker: the name of the code being created. */
  newCodeName?: string;
  /** Where Esc goes back to (theme picker → code picker). */
  back?: Picker;
  /** Code ids listed first while nothing is typed (edit: the segment's own codes). */
  first?: string[];
  /** Every item, before filtering (the transcript switcher). */
  all?: PickerItem[];
  /** Codes suggested for the target (from this coder's own coding), best first. */
  suggested?: readonly SuggestedCode[];
  /** Apply: every passage to code at once (the search hits kept in the review list). */
  targets?: readonly Span[];
}

/** A yes/no question (the answer's effect is carried out on yes). */
export interface Confirm {
  question: Localized;
  /** What yes does. */
  yes: Effect;
  /** The code the question is about (not asked again once answered). */
  codeId: string;
}

export type PromptPurpose = 'segment-memo' | 'transcript-memo' | 'search' | 'goto' | 'code-name';

export interface Prompt {
  purpose: PromptPurpose;
  value: string;
  /** Caret position in `value` (UTF-16). */
  caret: number;
  segmentId?: string;
  back?: Picker;
  /** Earlier entries (search queries), oldest first, and which one ↑/↓ shows (its length: none). */
  history?: string[];
  historyAt?: number;
  /** Ctrl-C was pressed once while a memo not yet saved was being typed: the next one quits. */
  quitWarned?: boolean;
}

export interface Search {
  query: string;
  matches: Span[];
  /** Index of the current match, -1 before the first jump. */
  index: number;
}

export interface Message {
  text: Localized;
  tone: 'info' | 'error';
}

/** What the screen must do for the reducer (the reducer itself never does it). */
export type Effect =
  | { type: 'save'; segments: readonly ScreenSegment[]; transcriptMemo: string | undefined; recentCodes: string[] }
  /** `newThemes`: themes to create first, each inside the one before, the first inside `themeId`. */
  | { type: 'create-code'; name: string; themeId: string | null; newThemes?: string[] }
  | ({ type: 'quit' } & ScreenPosition)
  | { type: 'remove-code'; id: string }
  | { type: 'list-transcripts' }
  | { type: 'open-transcript'; id: string };

/** Where the coder is: the cursor, how far reading got, what has been read (UTF-16 offsets). */
export interface ScreenPosition {
  /** Start of the current sentence. */
  cursor: number;
  /** End of the furthest sentence read. */
  furthest: number;
  /** The sentences read, over this session and the earlier ones given at start: sorted, disjoint. */
  read: Span[];
}

export interface HistoryEntry {
  segments: readonly ScreenSegment[];
  transcriptMemo: string | undefined;
  /** Where the change happened, to show it again on undo/redo. */
  at: number;
  label: Localized;
}

export interface SessionState {
  language: Language;
  transcript: Transcript;
  text: string;
  sentences: readonly Sentence[];
  codebook: Codebook;
  codes: CodeEntry[];
  themes: ThemeEntry[];
  segments: readonly ScreenSegment[];
  transcriptMemo: string | undefined;
  /** The study's memos (read only here: written with codage memo). */
  memos: ScreenMemos;
  suggest: Suggest | undefined;
  recentCodes: string[];
  initialIds: ReadonlySet<string>;

  /** Per sentence: 1 when some segment overlaps it. */
  coded: Uint8Array;
  codedCount: number;
  /** Per sentence: 1 when it belongs to a participant (not the interviewer). */
  codable: Uint8Array;
  /** Participant speech (see core/analysis/speech.ts) and how many of its characters are coded. */
  speech: Span[];
  speechCoverage: SpeechCoverage;
  visited: Uint8Array;
  visitedCount: number;
  /** What has been read, over this session and the earlier ones: sorted, disjoint. */
  read: readonly Span[];
  /** The turns' text (what `readShare` counts), sorted. */
  readable: readonly Span[];
  /** The characters `readShare` counts in `read`, and in the whole transcript. */
  readChars: number;
  readTotal: number;
  /** What the screen shows of the text, when it reports it (see `SessionInput.window`). */
  window: Span | null;
  /** Union of the segments, for the coded marks. */
  coverage: Span[];
  /** Speaker labels and annotations, sorted. */
  labels: Span[];
  annotations: Span[];
  /** Offsets where each line of the text starts. */
  lineStarts: Int32Array;
  /** Sentence index ranges of consecutive sentences in one turn. */
  turnBlocks: { first: number; last: number }[];
  folded: FoldedText | null;

  /** Index of the current sentence. */
  cursor: number;
  /**
   * The sentence the screen opened on while the coder has neither moved nor acted on it: not
   * counted as read yet (opening a transcript is not reading it). Null once counted.
   */
  openedOn: number | null;
  /**
   * The word cursor: where a word motion (w, b), a search or a click left it, inside the
   * current sentence; null when moving by sentence. A new selection starts from its word.
   */
  point: number | null;
  /** A count typed before a motion (`5w`), or null. */
  count: number | null;
  /** While the mouse drags: the word where the drag began. */
  drag: Span | null;
  selection: Selection | null;
  /** Which of the segments under the cursor is active (cycled with a key). */
  segmentCycle: number;
  mode: Mode;
  picker: Picker | null;
  prompt: Prompt | null;
  search: Search | null;
  /** Queries searched this session, oldest first (↑ in the search prompt). */
  searchHistory: string[];
  confirm: Confirm | null;
  /** Codes created on this screen during the session (offered for removal when an undo leaves them unused). */
  createdCodes: string[];
  helpTop: number;
  notices: string[];
  message: Message | null;
  saveError: string | null;
  /** A quit was refused once because the last save failed; the next one goes through. */
  quitArmed: boolean;
  undo: HistoryEntry[];
  redo: HistoryEntry[];
  /** Incremented on every change to the codings. */
  revision: number;
  effects: Effect[];
  env: { wordSpans: (start: number, end: number) => Span[]; newSegmentId: () => string };
}

export type Action =
  | { type: 'move'; unit: 'sentence' | 'turn'; dir: 1 | -1 }
  /**
   * `top`, for a page move: the first row the screen's window then shows (the text scrolls a
   * page); `shows`: the text that window shows, where the sentences passed over are read.
   */
  | { type: 'moveTo'; sentence: number; top?: number; shows?: Span }
  /** What the screen now shows of the text: the part of the current sentence inside it is read. */
  | { type: 'shown'; window: Span }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'nextUncoded'; dir: 1 | -1 }
  | { type: 'select' }
  | { type: 'extend'; unit: 'sentence' | 'word' | 'turn'; dir: 1 | -1; side?: 'start' | 'end' }
  | { type: 'word'; dir: 1 | -1 }
  | { type: 'count'; digit: number }
  | { type: 'mouse'; kind: 'press' | 'drag' | 'release'; offset: number | null }
  | { type: 'swapEnds' }
  | { type: 'cancel' }
  | { type: 'openPicker' }
  | { type: 'editSegment' }
  | { type: 'codeAllHits' }
  | { type: 'removeSegment' }
  | { type: 'cycleSegment' }
  | { type: 'toggleExemplary' }
  | { type: 'memoSegment' }
  | { type: 'memoTranscript' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'openSearch' }
  | { type: 'searchNext'; dir: 1 | -1 }
  | { type: 'openGoto' }
  | { type: 'help' }
  | { type: 'scrollHelp'; delta: number }
  | { type: 'dismiss' }
  | { type: 'quit' }
  | { type: 'pickerType'; text: string }
  | { type: 'pickerErase' }
  | { type: 'pickerEraseWord' }
  | { type: 'pickerClear' }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerToggle' }
  | { type: 'pickerQuick'; n: number }
  | { type: 'pickerConfirm' }
  | { type: 'pickerNewCode' }
  | { type: 'pickerClose' }
  | { type: 'promptType'; text: string }
  | { type: 'promptErase' }
  | { type: 'promptEraseWord' }
  | { type: 'promptDeleteForward' }
  | { type: 'promptCaret'; to: 'left' | 'right' | 'home' | 'end' }
  | { type: 'promptClear' }
  | { type: 'promptHistory'; dir: 1 | -1 }
  | { type: 'promptConfirm' }
  | { type: 'promptCancel' }
  | { type: 'codeCreated'; codebook: Codebook; id: string; themes?: string[] }
  | { type: 'codeCreateFailed'; error: string }
  | { type: 'answer'; yes: boolean }
  | { type: 'openTranscripts' }
  | { type: 'transcriptsListed'; entries: TranscriptEntry[] }
  | { type: 'codeRemoved'; codebook: Codebook; id: string }
  /** codebook.yaml changed on disk (a command in another terminal): the screen shows it as it now is. */
  | { type: 'codebookChanged'; codebook: Codebook }
  | { type: 'codeRemoveFailed'; error: string }
  | { type: 'saved' }
  | { type: 'saveFailed'; error: string };

/** A text in both languages. */
export const L = (fr: string, en: string): Localized => ({ fr, en });
/** A status-line message. */
export const info = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'info' });
/** A status-line message about something that did not work. */
export const problem = (fr: string, en: string): Message => ({ text: L(fr, en), tone: 'error' });
