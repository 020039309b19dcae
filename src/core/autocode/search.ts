/**
 * The search of `codage autocode`: what a researcher types to find every passage about a topic.
 *
 * - Words are matched whole, ignoring case, accents, ligatures and apostrophe style: `hopital`
 *   finds « l’Hôpital », not « hôpitaux ».
 * - `*` stands for any letters inside a word: `douleur*` finds « douleurs », `*algie` « lombalgie ».
 * - Several words are a phrase, matched across punctuation and line breaks: `centre antidouleur`.
 * - Alternatives are separated by `OR` (or `OU`), in capitals, or by `|`: `douleur* OR souffrance`.
 * - With `regex: true`, the search is a JavaScript regular expression over the original text
 *   (case-insensitive, Unicode), for experts.
 */
import { UsageError } from '../errors.js';
import { FoldedText } from '../text/fold.js';
import type { Span } from '../types.js';

export interface Search {
  /** As typed. */
  text: string;
  /** One pattern per alternative, over the folded text (or the original text for a regex). */
  patterns: RegExp[];
  regex: boolean;
}

const ALTERNATIVE = /\s+(?:OR|OU)\s+|\s*\|\s*/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternative as a pattern over folded text: folded words, `*` as any letters, whole words only. */
function termPattern(term: string): RegExp | null {
  // Fold each piece between stars the way the transcript is folded (words joined by one space).
  const pieces = term.split('*').map((piece) => new FoldedText(piece).folded);
  let body = '';
  pieces.forEach((piece, i) => {
    if (i > 0) body += '[^ ]*';
    // A star next to a space in the query ("douleur *") still means letters of the same word.
    body += escapeRegExp(i === 0 ? piece.trimEnd() : i === pieces.length - 1 ? piece.trimStart() : piece.trim());
  });
  if (body.replace(/\[\^ \]\*/g, '') === '') return null;
  // A term that starts with letters is searched for from its letters, the start of the word
  // checked by findHits: a pattern opening with a lookbehind cannot skip ahead to its first
  // letters (measured: ~55 → ~11 ms over 200 interviews). A term opening with `*` keeps it.
  return new RegExp(body.startsWith('[^ ]*') ? `(?<=^| )${body}(?= |$)` : `${body}(?= |$)`, 'g');
}

/** Parses what the researcher typed; a usage error when it can find nothing. */
export function parseSearch(text: string, options: { regex?: boolean } = {}): Search {
  if (text.trim() === '') {
    throw new UsageError({ en: 'the search is empty', fr: 'la recherche est vide' }, { en: 'e.g. codage autocode "douleur*" --code Douleur --coder marie', fr: 'par exemple codage autocode "douleur*" --code Douleur --coder marie' });
  }
  if (options.regex) {
    try {
      return { text, patterns: [new RegExp(text, 'giu')], regex: true };
    } catch (error) {
      throw new UsageError(
        { en: `--regex: this is not a valid regular expression: ${(error as Error).message}`, fr: `--regex : ce n’est pas une expression régulière valide\u00a0: ${(error as Error).message}` },
        { en: 'without --regex, write words with * as a wildcard and OR between alternatives', fr: 'sans --regex, écrire des mots avec * comme joker et OR entre les possibilités' },
      );
    }
  }
  const patterns: RegExp[] = [];
  for (const term of text.split(ALTERNATIVE)) {
    const pattern = termPattern(term);
    if (pattern !== null) patterns.push(pattern);
  }
  if (patterns.length === 0) {
    throw new UsageError(
      { en: `nothing to search for in "${text}": it has no letter or digit`, fr: `rien à chercher dans « ${text} »\u00a0: aucune lettre ni chiffre` },
      { en: 'give words, e.g. "douleur* OR souffrance"', fr: 'indiquer des mots, par exemple "douleur* OR souffrance"' },
    );
  }
  return { text, patterns, regex: false };
}

/**
 * Whether a hit is a piece of an e-mail or web address (`chloe` in `chloe.dubois@gmail.com`): the
 * folded text reads `.`, `@` and `/` as spaces, but a researcher searching a word means speech.
 */
function insideAddress(text: string, span: Span): boolean {
  let start = span.start;
  let end = span.end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const token = text.slice(start, end);
  return token.includes('@') || /(?:https?:\/\/|www\.)/i.test(token);
}

/** Every hit of the search in a text, as spans of the original text, in order, overlaps joined. */
export function findHits(search: Search, text: string, folded?: FoldedText): Span[] {
  const spans: Span[] = [];
  if (search.regex) {
    for (const pattern of search.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        spans.push({ start: m.index, end: m.index + m[0].length });
      }
    }
  } else {
    const f = folded ?? new FoldedText(text);
    for (const pattern of search.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(f.folded); m !== null; m = pattern.exec(f.folded)) {
        // Whole words only: a match inside a word is not one; the search goes on from the next
        // character (a phrase may start again inside the span it rejected).
        if (m.index > 0 && f.folded.charCodeAt(m.index - 1) !== 0x20) {
          pattern.lastIndex = m.index + 1;
          continue;
        }
        const span = f.toOriginal(m.index, m.index + m[0].length);
        if (!insideAddress(text, span)) spans.push(span);
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const joined: Span[] = [];
  for (const s of spans) {
    const last = joined[joined.length - 1];
    if (last !== undefined && s.start < last.end) last.end = Math.max(last.end, s.end);
    else joined.push({ ...s });
  }
  return joined;
}
