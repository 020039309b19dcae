/**
 * "Code all hits" in the coding screen: after a search (`/`), `A` lists the sentences holding a
 * hit — the participant's speech, as `codage autocode` does — all ticked; the coder unticks the
 * false hits, presses ⏎, chooses the codes, and every passage kept is coded in one undoable step.
 */
import type { Span } from '../core/types.js';
import { touchRecent } from './code-search.js';
import { commit, names } from './edit-codings.js';
import { sortSegments } from './segment-coverage.js';
import { sentenceAt } from './sentence-index.js';
import { quoteSpan } from './word-units.js';
import { info, L, type PickerItem, type ScreenSegment, type SessionState } from './session-state.js';
import { lineOf } from './sentence-index.js';

const key = (s: Span): string => `${s.start}-${s.end}`;

/** The sentences holding the current search's hits (the participant's, unless none is), as quotes, each with its first hit. */
export function hitSentences(state: SessionState): { span: Span; hit: Span }[] {
  const matches = state.search?.matches ?? [];
  const spans = new Map<string, { span: Span; hit: Span }>();
  for (const m of matches) {
    const first = sentenceAt(state.sentences, m.start);
    const last = sentenceAt(state.sentences, Math.max(m.start, m.end - 1));
    if (state.codable[first] !== 1) continue;
    // The quote each sentence gives on Enter (without a leading annotation or question number),
    // the hit itself always inside.
    const sentence = { first: state.sentences[first] as Span, last: state.sentences[last] as Span };
    const quote = { start: quoteSpan(state, first).start, end: quoteSpan(state, last).end };
    const span = {
      start: m.start >= sentence.first.start && m.start < quote.start ? m.start : quote.start,
      end: m.end <= sentence.last.end && m.end > quote.end ? m.end : quote.end,
    };
    if (!spans.has(key(span))) spans.set(key(span), { span, hit: m });
  }
  return [...spans.values()].sort((a, b) => a.span.start - b.span.start);
}

function excerpt(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Code points of a sentence a row of the list shows whole at 80 columns (after its number and line). */
const ROW_ROOM = 56;
/** Code points kept before a hit that lies further in: a few words of its context. */
const CONTEXT = 24;

/**
 * What a hit's row shows: its sentence; or, when the hit lies further in than a row shows (a long
 * answer), the sentence from a few words before the hit (`… le kinés sont débordés, voilà.`), so that
 * a false hit can be told from a true one without opening it.
 */
function hitLabel(text: string, span: Span, hit: Span): string {
  if (hit.end - span.start <= ROW_ROOM) return excerpt(text.slice(span.start, span.end));
  let from = Math.max(span.start, hit.start - CONTEXT);
  // From a word's start: the first space after `from`, if there is one before the hit.
  const space = text.slice(from, hit.start).search(/\s/u);
  if (space >= 0) from += space + 1;
  else from = hit.start;
  return `… ${excerpt(text.slice(from, span.end))}`;
}

/** Opens the review list of the hits (`A`). */
export function openHitsReview(state: SessionState): SessionState {
  const search = state.search;
  if (search === null || search.matches.length === 0) {
    return { ...state, message: info('Pas de recherche en cours\u00a0: / pour chercher, puis A.', 'No search yet: / to search, then A.') };
  }
  const hits = hitSentences(state);
  const spans = hits.map((h) => h.span);
  if (spans.length === 0) {
    return { ...state, message: info('Les occurrences sont toutes dans les tours de l’enquêteur.', 'Every hit is in the interviewer’s turns.') };
  }
  const lines = spans.map((s) => `l. ${state.transcript.bodyLine + lineOf(state.lineStarts, s.start)}`);
  const width = Math.max(...lines.map((l) => l.length));
  // The line number leads: a sentence is longer than the row and would push it off.
  const all: PickerItem[] = spans.map((s, i) => ({ id: key(s), label: hitLabel(state.text, s, (hits[i] as { hit: Span }).hit), path: [], lead: (lines[i] as string).padEnd(width) }));
  return {
    ...state,
    mode: 'picker',
    selection: null,
    prompt: null,
    picker: { purpose: 'hits', query: '', highlighted: 0, checked: all.map((i) => i.id as string), items: all, all, target: spans[0] as Span },
  };
}

/** The spans of the ticked hits, in text order. */
export function tickedSpans(checked: readonly string[]): Span[] {
  return checked
    .map((id) => {
      const [start, end] = id.split('-').map(Number);
      return { start: start as number, end: end as number };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * Codes every span with `ids`, as one undoable change: a span that is exactly a segment gets the
 * codes it lacks; a span a segment with all these codes already overlaps is left; any other
 * becomes a new segment.
 */
export function applyCodesToMany(state: SessionState, spans: readonly Span[], ids: string[]): SessionState {
  const closed = { ...state, mode: 'read' as const, picker: null, prompt: null, selection: null };
  if (ids.length === 0 || spans.length === 0) return closed;
  let segments: ScreenSegment[] = [...state.segments];
  let added = 0;
  let extended = 0;
  let left = 0;
  for (const span of spans) {
    const same = segments.find((s) => s.start === span.start && s.end === span.end);
    if (same !== undefined) {
      const codes = [...same.codes, ...ids.filter((id) => !same.codes.includes(id))];
      if (codes.length === same.codes.length) left++;
      else {
        segments = segments.map((s) => (s === same ? { ...s, codes } : s));
        extended++;
      }
      continue;
    }
    if (segments.some((s) => s.start < span.end && span.start < s.end && ids.every((id) => s.codes.includes(id)))) {
      left++;
      continue;
    }
    segments.push({ id: state.env.newSegmentId(), start: span.start, end: span.end, codes: [...new Set(ids)] });
    added++;
  }
  const n = added + extended;
  if (n === 0) return { ...closed, message: info('Ces passages ont déjà ces codes.', 'These passages already have these codes.') };
  const label = L(`${n} passage(s) codé(s) en ${names(state, ids)}`, `${n} passage(s) coded as ${names(state, ids)}`);
  const next = commit(closed, sortSegments(segments), state.transcriptMemo, (spans[0] as Span).start, label, touchRecent(state.recentCodes, ids));
  return {
    ...next,
    message: info(
      `${n} passage(s) codé(s)\u00a0: ${names(state, ids)}${left > 0 ? ` — ${left} déjà codé(s)` : ''} (u pour annuler)`,
      `${n} passage(s) coded: ${names(state, ids)}${left > 0 ? ` — ${left} already coded` : ''} (u to undo)`,
    ),
  };
}
