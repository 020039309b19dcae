/**
 * Searching the transcript (`/`, then n and N): matches are found in the transcript folded
 * once by the core (`FoldedText`: case, accents, ligatures, apostrophes and punctuation do not
 * matter) and kept as spans of the original text. A query with an emoji is matched on the text
 * itself (folding drops emoji).
 */
import { FoldedText, foldForSearch } from '../core/text/fold.js';
import type { Span } from '../core/types.js';
import { setCursor } from './cursor.js';
import { extendTo } from './selection.js';
import { sentenceAt } from './sentence-index.js';
import { info, problem, type SessionState } from './session-state.js';
import { currentMatch, currentSpan } from './session-queries.js';

/** Every occurrence of `query` in the folded text, in order, without overlaps. */
export function findAll(text: FoldedText, query: string): Span[] {
  const needle = new FoldedText(query).folded;
  const hits: Span[] = [];
  if (needle.length === 0) return hits;
  let from = 0;
  for (;;) {
    const at = text.folded.indexOf(needle, from);
    if (at < 0) break;
    hits.push(text.toOriginal(at, at + needle.length));
    from = at + needle.length;
  }
  return hits;
}

/** Emoji (and flags): folding drops them, so a query holding one is searched as written. */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** What may follow an emoji and belongs to it: a variation selector, a skin tone, a joined emoji (👩‍⚕️). */
const EMOJI_TAIL = '(?:\\uFE0F|[\\u{1F3FB}-\\u{1F3FF}]|\\u200D\\p{Extended_Pictographic})*';
const APOSTROPHE = /^['\u2019\u02bc\u2018`\u00b4\u2032]$/u;

/**
 * Every occurrence of a query that holds an emoji (`merci 😊`, `👍`), in order: the emoji as
 * written (with its skin tone or variation selector, if the text has one), the letters with any
 * accent and case, any space between words, any kind of apostrophe.
 */
export function findWithEmoji(text: string, query: string): Span[] {
  const wanted = query.trim();
  if (wanted === '') return [];
  // The text's own spellings of each letter (é, É, è… for e), so that offsets stay the text's.
  const spellings = new Map<string, Set<string>>();
  for (const ch of new Set(text)) {
    const fold = foldForSearch(ch);
    if (fold.length === 1 && /[\p{L}\p{N}]/u.test(fold)) spellings.set(fold, (spellings.get(fold) ?? new Set()).add(ch));
  }
  const literal = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  let source = '';
  for (const part of wanted.match(/\s+|./gsu) ?? []) {
    if (/^\s+$/u.test(part)) source += '[\\s\\u00a0\\u202f]+';
    else if (APOSTROPHE.test(part)) source += "['\\u2019\\u02bc\\u2018`\\u00b4\\u2032]";
    else {
      const variants = spellings.get(foldForSearch(part));
      source += variants === undefined ? literal(part) : `(?:${[...new Set([part, ...variants])].map(literal).join('|')})`;
    }
  }
  if (PICTOGRAPH.test([...wanted].at(-1) ?? '')) source += EMOJI_TAIL;
  const hits: Span[] = [];
  for (const m of text.matchAll(new RegExp(source, 'gu'))) hits.push({ start: m.index, end: m.index + m[0].length });
  return hits;
}

/** Finds every match of `query` and jumps to the first one after the cursor. */
export function runSearch(state: SessionState, query: string): SessionState {
  if (query.trim() === '') return { ...state, search: null };
  const folded = state.folded ?? new FoldedText(state.text);
  const matches = PICTOGRAPH.test(query) ? findWithEmoji(state.text, query) : findAll(folded, query);
  const withFold = { ...state, folded };
  if (matches.length === 0) {
    return {
      ...withFold,
      search: { query, matches, index: -1 },
      message: problem(`Aucun résultat pour «\u00a0${query}\u00a0».`, `No match for "${query}".`),
    };
  }
  // The first match from where the coder is: after the selection's moving end, after the word
  // cursor, else from the current sentence.
  const sel = state.selection;
  const from = sel !== null ? (sel.active === 'end' ? sel.end : sel.start) : state.point !== null ? state.point + 1 : currentSpan(state).start;
  let index = matches.findIndex((m) => m.start >= from);
  if (index < 0) index = 0;
  return jumpToMatch({ ...withFold, search: { query, matches, index } });
}

/**
 * To the current match: the word cursor goes to it (v then selects it), or, while selecting,
 * the selection grows to take it in.
 */
function jumpToMatch(state: SessionState): SessionState {
  const search = state.search;
  const match = currentMatch(state);
  if (search === null || match === null) return state;
  const n = `${search.index + 1}/${search.matches.length}`;
  if (state.selection !== null) {
    return {
      ...extendTo(state, match),
      message: info(`Sélection étendue jusqu’à «\u00a0${search.query}\u00a0» (${n})`, `Selection extended to "${search.query}" (${n})`),
    };
  }
  const moved = setCursor(state, sentenceAt(state.sentences, match.start));
  return {
    ...moved,
    point: match.start,
    message: info(
      `«\u00a0${search.query}\u00a0»\u00a0: ${n} · n N autres · v sélectionner`,
      `"${search.query}": ${n} · n N others · v select`,
    ),
  };
}

/** To the next (`dir` 1) or previous match, wrapping around. */
export function searchNext(state: SessionState, dir: 1 | -1): SessionState {
  const search = state.search;
  if (search === null || search.matches.length === 0) {
    return { ...state, message: info('Pas de recherche en cours\u00a0: / pour chercher.', 'No search yet: / to search.') };
  }
  const count = search.matches.length;
  const index = search.index < 0 ? 0 : (((search.index + dir) % count) + count) % count;
  return jumpToMatch({ ...state, search: { ...search, index } });
}
