/**
 * A transcript prepared for finding quotes in it, built once and shared by every quote of the
 * transcript: the folded text, its words (folded, numbered, indexed by position), who speaks
 * each word, which words a quote may leave out (hesitations, annotations, stammered
 * repetitions), the question each passage answers, and file line numbers. Each part is built
 * on first use: a quote found exactly never pays for the word index.
 */
import type { Annotation, Span, Transcript, Turn } from '../types.js';
import { FoldedText } from '../text/fold.js';
import { LineNumbers } from '../text/lines.js';
import { OffsetMap } from '../text/offsets.js';
import { findAnnotations } from '../transcript/annotations.js';
import { findTurns, type TranscriptTurn } from '../transcript/turns.js';
import { nearWords } from './word-similarity.js';

export interface SearchableTranscript {
  text: string;
  /** The transcript's speaker turns (found from the text when absent). */
  turns?: readonly Turn[];
  /** The transcript's annotations (found from the text when absent). */
  annotations?: readonly Annotation[];
  /** The file line on which the text begins (`Transcript.bodyLine`; 1 without front matter). */
  firstLine?: number;
  /** The participant whose transcript this is: their own label marks their speech. */
  participant?: string;
}

/** The speech of one speaker turn, without its label: a quoted passage never leaves one. */
export interface Stretch extends Span {
  /** The participant's own speech (or unlabelled text), as opposed to an interviewer or another speaker. */
  own: boolean;
  role: Turn['role'];
  speaker: string | null;
}

const UNKNOWN_WORD = -1;

/** Words of the transcript, folded, with everything alignment needs per word. */
export class TranscriptWords {
  /** Number of words. */
  readonly count: number;
  /** Folded offsets of each word. */
  readonly fs: Int32Array;
  readonly fe: Int32Array;
  /** Original offsets of each word. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Word number of each word (same folded word, same number). */
  readonly ids: Int32Array;
  /** Index of the stretch each word is in; -1 for a speaker label's words. */
  readonly stretch: Int32Array;
  /** 1 for a word a quote may leave out at little cost: hesitation, annotation, repetition. */
  readonly skippable: Uint8Array;
  /** Folded word → number, and back. */
  readonly vocabulary = new Map<string, number>();
  readonly strings: string[] = [];
  /** How many times each word number occurs. */
  readonly frequency: number[] = [];
  private lengths?: Int32Array;
  private positionStarts?: Int32Array;
  private positionList?: Int32Array;
  private byLength?: Map<number, number[]>;

  /** The transcript text. */
  readonly text: string;

  constructor(folded: FoldedText, stretches: readonly Stretch[], marks: readonly Annotation[]) {
    this.text = folded.text;
    const f = folded.folded;
    let n = 0;
    for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) === 0x20) n++;
    n = f.length === 0 ? 0 : n + 1;
    this.count = n;
    this.fs = new Int32Array(n);
    this.fe = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.ids = new Int32Array(n);
    this.stretch = new Int32Array(n);
    this.skippable = new Uint8Array(n);
    let w = 0;
    let s = 0;
    let stretchIndex = 0;
    let markIndex = 0;
    for (let i = 0; i <= f.length; i++) {
      if (i < f.length && f.charCodeAt(i) !== 0x20) continue;
      if (i === s) {
        s = i + 1;
        continue;
      }
      const word = f.slice(s, i);
      let id = this.vocabulary.get(word);
      if (id === undefined) {
        id = this.strings.length;
        this.vocabulary.set(word, id);
        this.strings.push(word);
        this.frequency.push(0);
      }
      this.frequency[id]!++;
      const from = folded.map[s]!;
      const last = folded.map[i - 1]!;
      const code = folded.text.charCodeAt(last);
      const span = { start: from, end: last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1) };
      this.fs[w] = s;
      this.fe[w] = i;
      this.start[w] = span.start;
      this.end[w] = span.end;
      this.ids[w] = id;
      while (stretchIndex < stretches.length && stretches[stretchIndex]!.end <= span.start) stretchIndex++;
      const st = stretches[stretchIndex];
      this.stretch[w] = st !== undefined && st.start <= span.start ? stretchIndex : -1;
      while (markIndex < marks.length && marks[markIndex]!.end <= span.start) markIndex++;
      const mark = marks[markIndex];
      const inMark = mark !== undefined && mark.start <= span.start;
      const repeated = w > 0 && this.ids[w - 1] === id;
      if (inMark || repeated) this.skippable[w] = 1;
      w++;
      s = i + 1;
    }
  }

  /** Length of word number `id`. */
  lengthOf(id: number): number {
    this.lengths ??= Int32Array.from(this.strings, (s) => s.length);
    return this.lengths[id]!;
  }

  /** The number of a folded word, or -1 when the transcript does not have it. */
  idOf(word: string): number {
    return this.vocabulary.get(word) ?? UNKNOWN_WORD;
  }

  /** Positions (word indices, ascending) where word number `id` occurs. */
  positions(id: number): Int32Array {
    if (this.positionStarts === undefined || this.positionList === undefined) {
      const starts = new Int32Array(this.strings.length + 1);
      for (let w = 0; w < this.count; w++) starts[this.ids[w]! + 1]!++;
      for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
      const list = new Int32Array(this.count);
      const fill = starts.slice(0, -1);
      for (let w = 0; w < this.count; w++) list[fill[this.ids[w]!]!++] = w;
      this.positionStarts = starts;
      this.positionList = list;
    }
    if (id < 0 || id >= this.strings.length) return new Int32Array(0);
    return this.positionList.subarray(this.positionStarts[id]!, this.positionStarts[id + 1]!);
  }

  private nearCache = new Map<string, number[]>();

  /**
   * Word numbers of the transcript's words that an unknown word could be a respelling of
   * (`dépassé` → `dépassée`), computed once per word and transcript.
   */
  nearVocabulary(word: string): number[] {
    let found = this.nearCache.get(word);
    if (found === undefined) {
      found = [];
      if (word.length >= 5) {
        const first = word.charCodeAt(0);
        const last = word.charCodeAt(word.length - 1);
        for (let len = word.length - 2; len <= word.length + 2; len++) {
          for (const id of this.wordsOfLength(len)) {
            const other = this.strings[id]!;
            // One or two edits leave the first or the last letter as it was (almost always).
            if (other.charCodeAt(0) !== first && other.charCodeAt(other.length - 1) !== last) continue;
            if (nearWords(word, other) !== null) found.push(id);
          }
        }
      }
      if (this.nearCache.size > 10_000) this.nearCache.clear();
      this.nearCache.set(word, found);
    }
    return found;
  }

  /** Word numbers of the transcript's words whose length is `length`. */
  wordsOfLength(length: number): readonly number[] {
    if (this.byLength === undefined) {
      const m = new Map<number, number[]>();
      this.strings.forEach((s, id) => {
        const list = m.get(s.length);
        if (list === undefined) m.set(s.length, [id]);
        else list.push(id);
      });
      this.byLength = m;
    }
    return this.byLength.get(length) ?? [];
  }

  /** Index of the first word starting at or after original offset `offset`. */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A participant's own label among a transcript's labels: `MG4`, `P 4` for P04. */
function sameId(label: string, participant: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/(^|\D)0+(?=\d)/g, '$1');
  return key(label) === key(participant);
}

export class TranscriptSearch {
  readonly text: string;
  readonly lines: LineNumbers;
  private readonly source: SearchableTranscript;
  private foldedText?: FoldedText;
  private wordIndex?: TranscriptWords;
  private turnList?: readonly Turn[];
  private stretchList?: Stretch[];
  private questionStarts?: number[];
  private offsetMap?: OffsetMap;

  /** A study transcript prepared for search (its turns and annotations read only if needed). */
  static of(transcript: Transcript): TranscriptSearch {
    return new TranscriptSearch({
      text: transcript.text,
      get turns() {
        return transcript.turns;
      },
      get annotations() {
        return transcript.annotations;
      },
      firstLine: transcript.bodyLine,
      participant: transcript.id,
    });
  }

  constructor(source: SearchableTranscript | string) {
    this.source = typeof source === 'string' ? { text: source } : source;
    this.text = this.source.text;
    this.lines = new LineNumbers(this.text, this.source.firstLine ?? 1);
  }

  get folded(): FoldedText {
    return (this.foldedText ??= new FoldedText(this.text));
  }

  /** Code points (coder files, listings) ↔ UTF-16 offsets of the text. */
  get offsets(): OffsetMap {
    return (this.offsetMap ??= new OffsetMap(this.text));
  }

  get turns(): readonly Turn[] {
    return (this.turnList ??= this.source.turns ?? findTurns(this.text));
  }

  get words(): TranscriptWords {
    if (this.wordIndex === undefined) {
      const turns = this.turns;
      const marks =
        this.source.annotations ??
        findAnnotations(
          this.text,
          turns.map((t) => ({ start: t.textStart, end: t.end })),
        );
      this.wordIndex = new TranscriptWords(this.folded, this.stretches, marks);
    }
    return this.wordIndex;
  }

  /**
   * The speech of each turn (its label left out). A stretch is the participant's own when its
   * role is participant (or unknown: a transcript without labels) and, when the transcript labels
   * its participant by id (`MG4 :`), when it is that label. Text before the first label of a
   * labelled transcript (a Word file's title, the date) is nobody's speech.
   */
  get stretches(): readonly Stretch[] {
    if (this.stretchList === undefined) {
      const turns = this.turns;
      const participant = this.source.participant;
      const labelled = participant !== undefined && turns.some((t) => t.speaker !== null && sameId(t.speaker, participant));
      const anyLabel = turns.some((t) => t.speaker !== null);
      this.stretchList = turns.map((t) => ({
        start: t.textStart,
        end: t.end,
        own: t.role !== 'interviewer' && (t.speaker === null ? !anyLabel : !labelled || sameId(t.speaker, participant!)),
        role: t.role,
        speaker: t.speaker,
      }));
    }
    return this.stretchList;
  }

  /** Index of the stretch (speaker turn) holding `offset`, or -1 in a label or between turns. */
  stretchAt(offset: number): number {
    const list = this.stretches;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = list[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * Whether [start, end) lies in the speech of one speaker turn (labels and other speakers
   * outside it), and that speaker is the participant (when `ownOnly`).
   */
  withinOneTurn(span: Span, ownOnly: boolean): boolean {
    const a = this.stretchAt(span.start);
    if (a < 0 || this.stretchAt(Math.max(span.start, span.end - 1)) !== a) return false;
    return !ownOnly || this.stretches[a]!.own;
  }

  /**
   * Which question `offset` answers: the number of the interviewer's turn before it (labelled
   * transcripts), or the question number of its paragraph (answers-only transcripts); 0 before any.
   */
  questionAt(offset: number): number {
    if (this.questionStarts === undefined) {
      const starts: number[] = [];
      const turns = this.turns as readonly TranscriptTurn[];
      const numbered = turns.some((t) => t.questionNumber !== undefined);
      for (const t of turns) {
        if (t.role === 'interviewer' || (numbered && t.questionNumber !== undefined)) starts.push(t.start);
      }
      this.questionStarts = starts;
    }
    const starts = this.questionStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
