/**
 * What one visual row looks like: its text cut into runs of one style each (speaker label,
 * annotation, coded text, current sentence, selection, search match). Pure; per row it only
 * looks at the few marks that overlap the row, found by binary search.
 */
import { overlapping } from '../core/spans.js';
import type { Span } from '../core/types.js';

export { mergeSpans } from '../core/spans.js';

/** Everything that styles the text, as sorted lists of disjoint spans. */
export interface Marks {
  labels: readonly Span[];
  annotations: readonly Span[];
  /** Union of the coded segments. */
  coded: readonly Span[];
  /** Search matches. */
  matches: readonly Span[];
  current: Span | null;
  selection: Span | null;
  /** The word under the word cursor. */
  point?: Span | null;
  /** The segment the panel talks about. */
  active: Span | null;
}

export interface Run {
  text: string;
  label: boolean;
  annotation: boolean;
  coded: boolean;
  current: boolean;
  selected: boolean;
  match: boolean;
  point: boolean;
}

export interface RowGutter {
  /** The row shows part of the current sentence. */
  cursor: boolean;
  /** The row shows coded text. */
  coded: boolean;
  /** The row shows part of the active segment. */
  active: boolean;
}

function covers(spans: readonly Span[], offset: number): boolean {
  for (const span of spans) if (span.start <= offset && offset < span.end) return true;
  return false;
}

function within(span: Span | null, offset: number): boolean {
  return span !== null && span.start <= offset && offset < span.end;
}

/**
 * Replaces what a terminal must not receive (tabs, C0 and C1 control characters, bidirectional
 * overrides and isolates) by one visible cell; a soft hyphen (Word's optional hyphen, drawn in
 * one column by most terminals, in none by some) by a hyphen.
 */
export function displayText(text: string): string {
  return REPLACED.test(text) ? text.replace(/\t/g, ' ').replace(/\u00ad/g, '-').replace(CONTROLS, '·') : text;
}

const REPLACED = /[\u0000-\u001f\u007f-\u009f\u00ad\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Whether `displayText` shows the character `ch` as one cell of its own. */
export function shownAsOneCell(ch: string): boolean {
  return REPLACED.test(ch);
}

/** The runs of the row `[start, end)` of `text`. */
export function rowRuns(text: string, start: number, end: number, marks: Marks): Run[] {
  if (end <= start) return [];
  const lists = [marks.labels, marks.annotations, marks.coded, marks.matches].map((l) => overlapping(l, start, end));
  const singles = [marks.current, marks.selection, marks.point ?? null].filter((s): s is Span => s !== null && s.start < end && s.end > start);
  const cuts = new Set<number>([start, end]);
  for (const list of lists) for (const s of list) cuts.add(Math.max(start, s.start)).add(Math.min(end, s.end));
  for (const s of singles) cuts.add(Math.max(start, s.start)).add(Math.min(end, s.end));
  const points = [...cuts].sort((a, b) => a - b);
  const [labels = [], annotations = [], coded = [], matches = []] = lists;
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] ?? start;
    const to = points[i + 1] ?? end;
    const run: Run = {
      text: displayText(text.slice(from, to)),
      label: covers(labels, from),
      annotation: covers(annotations, from),
      coded: covers(coded, from),
      current: within(marks.current, from),
      selected: within(marks.selection, from),
      match: covers(matches, from),
      point: within(marks.point ?? null, from),
    };
    const last = runs[runs.length - 1];
    if (
      last !== undefined &&
      last.label === run.label &&
      last.annotation === run.annotation &&
      last.coded === run.coded &&
      last.current === run.current &&
      last.selected === run.selected &&
      last.match === run.match &&
      last.point === run.point
    ) {
      last.text += run.text;
    } else runs.push(run);
  }
  return runs;
}

/** Gutter marks of the row `[start, end)`; `cursorRow` says whether it shows the current sentence. */
export function rowGutter(start: number, end: number, marks: Marks): RowGutter {
  const probeEnd = end > start ? end : start + 1;
  return {
    cursor: marks.current !== null && marks.current.start < probeEnd && marks.current.end > start,
    coded: overlapping(marks.coded, start, probeEnd).length > 0 && end > start,
    active: marks.active !== null && marks.active.start < probeEnd && marks.active.end > start && end > start,
  };
}

export { overlapping };
