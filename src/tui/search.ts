/**
 * Searching the transcript (`/`, then n and N): matches are found in the transcript folded
 * once by the core (`FoldedText`: case, accents, ligatures, apostrophes and punctuation do not
 * matter) and kept as spans of the original text.
 */
import { FoldedText } from '../core/text/fold.js';
import type { Span } from '../core/types.js';
import { setCursor } from './cursor.js';
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

/** Finds every match of `query` and jumps to the first one after the cursor. */
export function runSearch(state: SessionState, query: string): SessionState {
  if (query.trim() === '') return { ...state, search: null };
  const folded = state.folded ?? new FoldedText(state.text);
  const matches = findAll(folded, query);
  const withFold = { ...state, folded };
  if (matches.length === 0) {
    return {
      ...withFold,
      search: { query, matches, index: -1 },
      message: problem(`Aucun résultat pour «\u00a0${query}\u00a0».`, `No match for "${query}".`),
    };
  }
  const from = currentSpan(state).start;
  let index = matches.findIndex((m) => m.start >= from);
  if (index < 0) index = 0;
  return jumpToMatch({ ...withFold, search: { query, matches, index } });
}

function jumpToMatch(state: SessionState): SessionState {
  const search = state.search;
  const match = currentMatch(state);
  if (search === null || match === null) return state;
  const moved = setCursor({ ...state, selection: null }, sentenceAt(state.sentences, match.start));
  const n = `${search.index + 1}/${search.matches.length}`;
  return {
    ...moved,
    message: info(`«\u00a0${search.query}\u00a0»\u00a0: ${n} (n suivant, N précédent)`, `"${search.query}": ${n} (n next, N previous)`),
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
