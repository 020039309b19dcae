/** Moving the cursor: by sentence or turn, to the next uncoded sentence, to a line or a percentage. */
import { visibleCharacters } from '../core/analysis/speech.js';
import { mergeSpans, overlapping } from '../core/spans.js';
import type { Span } from '../core/types.js';
import { blockOf, sentenceAt, sentenceFrom } from './sentence-index.js';
import { info, problem, type SessionState } from './session-state.js';
import { quoteSpan, unitsAround } from './word-units.js';

/**
 * Puts the cursor on sentence `index` (clamped) and marks it read: the whole sentence, or, when
 * the screen reports what it shows, the part of it on screen (the rest as it comes into sight).
 */
export function setCursor(state: SessionState, index: number): SessionState {
  if (state.sentences.length === 0) return state;
  const placed = placeCursor(countOpening(state), index);
  return markRead(placed, placed.window ?? placed.sentences[placed.cursor]!);
}

/**
 * Puts the cursor on sentence `index` (clamped) without reading it: where the screen opens, the
 * sentence is not read yet — it is once the coder moves or acts on it (`countOpening`).
 */
export function placeCursor(state: SessionState, index: number): SessionState {
  const count = state.sentences.length;
  if (count === 0) return state;
  const cursor = Math.min(Math.max(0, index), count - 1);
  let { visited, visitedCount } = state;
  if (visited[cursor] !== 1) {
    visited = visited.slice();
    visited[cursor] = 1;
    visitedCount++;
  }
  const segmentCycle = cursor === state.cursor ? state.segmentCycle : 0;
  // The word cursor stays only inside the current sentence.
  const sentence = state.sentences[cursor]!;
  const point = state.point !== null && state.point >= sentence.start && state.point < sentence.end ? state.point : null;
  return { ...state, cursor, visited, visitedCount, segmentCycle, point };
}

/**
 * The sentence the screen opened on, read once the coder moves on from it or acts on it (selects,
 * codes): as much of it as the screen shows. Opening a transcript and closing it reads nothing.
 */
export function countOpening(state: SessionState): SessionState {
  const index = state.openedOn;
  if (index === null) return state;
  const sentence = state.sentences[index];
  const opened = { ...state, openedOn: null };
  return sentence === undefined ? opened : markSentenceRead(opened, index, state.window ?? sentence);
}

/**
 * Marks read what `shown` holds of the current sentence. Consecutive sentences read join into
 * one span (the space or speaker label between them with them), as what is remembered.
 */
export function markRead(state: SessionState, shown: Span): SessionState {
  return state.openedOn === state.cursor ? state : markSentenceRead(state, state.cursor, shown);
}

/**
 * After a page move from sentence `from` to the cursor: the sentences passed over were on screen,
 * on the page left (`before`: the window then) or the page come to (`after`), and are read as
 * much as these windows showed of them — a page down reads the page, not only the sentence the
 * cursor lands on.
 */
export function markPassedOver(state: SessionState, from: number, before: Span | null, after: Span): SessionState {
  const low = Math.min(from, state.cursor);
  const high = Math.max(from, state.cursor);
  let next = state;
  for (let i = low + 1; i < high; i++) {
    for (const shown of before === null ? [after] : [before, after]) next = markSentenceRead(next, i, shown);
  }
  return next;
}

function markSentenceRead(state: SessionState, index: number, shown: Span): SessionState {
  const sentence = state.sentences[index];
  if (sentence === undefined) return state;
  let start = Math.max(sentence.start, shown.start);
  let end = Math.min(sentence.end, shown.end);
  if (end <= start || covered(state.read, start, end)) return state;
  let { visited, visitedCount } = state;
  if (start === sentence.start && visited[index] !== 1) {
    visited = visited.slice();
    visited[index] = 1;
    visitedCount++;
  }
  const before = state.sentences[index - 1];
  const after = state.sentences[index + 1];
  if (start === sentence.start && before !== undefined && covered(state.read, before.end - 1, before.end)) start = before.end;
  if (end === sentence.end && after !== undefined && covered(state.read, after.start, after.start + 1)) end = after.start;
  const read = mergeSpans([...state.read, { start, end }]);
  // What is added lies between the sentences around this one: their turns are all to look at.
  const turns = state.readable.slice(Math.max(0, (before?.turn ?? sentence.turn) - 1), (after?.turn ?? sentence.turn) + 2);
  const added = visibleCharacters(state.text, turns, uncovered(state.read, start, end));
  return { ...state, read, readChars: state.readChars + added, visited, visitedCount };
}

/**
 * Marks a passage read, whatever the screen showed of it: a passage coded has been read (a
 * selection run to the end of a long answer with `$` showed its start and its end only).
 */
export function markSpanRead(state: SessionState, span: Span): SessionState {
  if (span.end <= span.start || covered(state.read, span.start, span.end)) return state;
  const turns = state.readable.filter((t) => t.end > span.start && t.start < span.end);
  const added = visibleCharacters(state.text, turns, uncovered(state.read, span.start, span.end));
  return { ...state, read: mergeSpans([...state.read, span]), readChars: state.readChars + added };
}

/** Whether `spans` (sorted, disjoint) cover all of `[start, end)`. */
function covered(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start <= start && s.end >= end);
}

/** The parts of `[start, end)` outside `spans` (sorted, disjoint). */
function uncovered(spans: readonly Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  for (const s of spans) {
    if (s.end <= from) continue;
    if (s.start >= end) break;
    if (s.start > from) out.push({ start: from, end: s.start });
    from = Math.max(from, s.end);
  }
  if (from < end) out.push({ start: from, end });
  return out;
}

/**
 * The word cursor to the next (dir 1) or previous word. From the sentence as a whole (no word
 * cursor yet), the next word is the first of its quote and the previous one the last word before it;
 * in a sentence taller than the screen whose beginning has been paged out of sight, the first or the
 * last word of the page shown, so that the word cursor starts where the coder is reading.
 */
export function moveWord(state: SessionState, dir: 1 | -1): SessionState {
  if (state.sentences.length === 0) return state;
  const from = state.point ?? wordCursorEntry(state, dir);
  const units = unitsAround(state, from);
  const target =
    dir === 1
      ? units.find((u) => (state.point === null ? u.start >= from : u.start > from))
      : units.filter((u) => u.start < from).at(-1);
  if (target === undefined) return state;
  const moved = setCursor({ ...state, selection: null }, sentenceAt(state.sentences, target.start));
  return { ...moved, point: target.start };
}

/** Where the word cursor enters the current sentence (see `moveWord`): its quote's start, or the page shown of it. */
function wordCursorEntry(state: SessionState, dir: 1 | -1): number {
  const start = quoteSpan(state, state.cursor).start;
  const sentence = state.sentences[state.cursor];
  const shown = state.window;
  if (sentence === undefined || shown === null || shown.start <= start || shown.start >= sentence.end) return start;
  // dir 1 takes the first word from here; dir -1 the last word before here.
  return dir === 1 ? shown.start : Math.min(shown.end, sentence.end);
}

/** Down: to the next turn's first sentence; up: to this turn's start, or the previous turn's. */
export function moveTurn(state: SessionState, dir: 1 | -1): SessionState {
  const block = blockOf(state, state.cursor);
  const current = state.turnBlocks[block];
  if (current === undefined) return state;
  if (dir === 1) {
    const next = state.turnBlocks[block + 1];
    return next === undefined ? setCursor(state, current.last) : setCursor(state, next.first);
  }
  // Up: to the start of this turn, or of the previous one when already there.
  if (state.cursor > current.first) return setCursor(state, current.first);
  const previous = state.turnBlocks[block - 1];
  return previous === undefined ? state : setCursor(state, previous.first);
}

/**
 * Whether sentence `i` holds anything said: a character other than a space outside speaker labels
 * and annotations. A lone `(silence)`, `*rire*` or timestamp line is no passage to code.
 */
function saysSomething(state: SessionState, i: number): boolean {
  const sentence = state.sentences[i]!;
  let from = sentence.start;
  const marks = [...overlapping(state.labels, sentence.start, sentence.end), ...overlapping(state.annotations, sentence.start, sentence.end)].sort(
    (a, b) => a.start - b.start,
  );
  for (const mark of marks) {
    if (/\S/u.test(state.text.slice(from, Math.max(from, mark.start)))) return true;
    from = Math.max(from, mark.end);
  }
  return /\S/u.test(state.text.slice(from, Math.max(from, sentence.end)));
}

/** To the next (or previous) participant sentence that no segment covers and that says something, wrapping around. */
export function nextUncoded(state: SessionState, dir: 1 | -1): SessionState {
  const count = state.sentences.length;
  for (let step = 1; step <= count; step++) {
    const i = (((state.cursor + dir * step) % count) + count) % count;
    if (state.codable[i] === 1 && state.coded[i] !== 1 && saysSomething(state, i)) {
      const wrapped = dir === 1 ? i <= state.cursor : i >= state.cursor;
      const moved = setCursor({ ...state, selection: null }, i);
      return wrapped
        ? { ...moved, message: info('Reprise depuis l’autre bout du texte.', 'Wrapped around the transcript.') }
        : moved;
    }
  }
  return {
    ...state,
    message: info('Toutes les phrases des participants sont codées.', 'Every participant sentence is coded.'),
  };
}

/** To a line number (`120`, `l. 120`) or a percentage of the text (`50 %`). */
export function goTo(state: SessionState, value: string): SessionState {
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(value);
  if (percent !== null) {
    const p = Math.min(100, Math.max(0, Number((percent[1] ?? '0').replace(',', '.'))));
    const offset = Math.min(state.text.length, Math.round((state.text.length * p) / 100));
    const index = p >= 100 ? state.sentences.length - 1 : sentenceFrom(state.sentences, offset);
    return setCursor({ ...state, selection: null }, index);
  }
  const line = /^(?:l\.?\s*)?(\d+)$/i.exec(value);
  if (line !== null) {
    const wanted = Number(line[1]);
    const index = Math.min(Math.max(0, wanted - state.transcript.bodyLine), state.lineStarts.length - 1);
    const offset = state.lineStarts[index] ?? 0;
    return setCursor({ ...state, selection: null }, sentenceFrom(state.sentences, offset));
  }
  return {
    ...state,
    message: problem(
      `«\u00a0${value}\u00a0»\u00a0: tapez un numéro de ligne (120) ou un pourcentage (50 %).`,
      `"${value}": type a line number (120) or a percentage (50%).`,
    ),
  };
}
