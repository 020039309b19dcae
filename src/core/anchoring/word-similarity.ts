/**
 * When two different words are one word respelled: a letter added, dropped, changed or two
 * swapped (`démunies`/`démunis`, `honètement`, `pratqiue`), or a number written in figures
 * (`3`/`trois`; a number said in several words, `quatre-vingt-dix`, is mended in
 * `quote-words.ts`). Words shorter than five letters are never respelled ones: `rien` and `bien`
 * differ by a letter from too many others.
 */
import { editDistance } from '../text/edit-distance.js';
import { figureValue, NUMBER_WORDS, ORDINAL_WORDS, ordinalFigureValue, rankFigures, spelledNumber, spelledOrdinal } from './number-words.js';

/** Edits allowed for two words to count as the same word respelled. */
function nearCap(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len >= 10 ? 2 : 1;
}

/** A number or a rank in figures or in words (`3`, `trois`, `3e`, `troisième`). */
export function isNumber(word: string): boolean {
  return NUMBER_WORDS.has(word) || /^\d+$/.test(word) || ORDINAL_WORDS.has(word) || ordinalFigureValue(word) !== null;
}

/** One word in figures, the other the same number (or rank) in a word (`3`, `trois`; `3e`, `troisième`). */
function sameNumber(a: string, b: string): boolean {
  const value = NUMBER_WORDS.get(a);
  if (value !== undefined && value === figureValue(b)) return true;
  const rank = ORDINAL_WORDS.get(a);
  return rank !== undefined && rank === ordinalFigureValue(b);
}

/**
 * French words and the form they take elided before a vowel, folded (`ce` → the `c` of `c'est`):
 * an author who restores the `ne` a participant left out writes `ce n'est pas` for the `c'est pas`
 * said, and `je n'ai` for `j'ai`.
 */
const ELIDED_FORMS = new Map([
  ['ce', 'c'],
  ['je', 'j'],
  ['me', 'm'],
  ['te', 't'],
  ['se', 's'],
  ['le', 'l'],
  ['la', 'l'],
  ['de', 'd'],
  ['ne', 'n'],
  ['que', 'qu'],
  ['lorsque', 'lorsqu'],
  ['puisque', 'puisqu'],
  ['jusque', 'jusqu'],
]);

/** Whether `word` is one of those words, either form (its pairs are near whatever their length). */
export function isElidable(word: string): boolean {
  return ELIDED_FORMS.has(word) || ELIDED_FORM_OF.has(word);
}
const ELIDED_FORM_OF = new Set(ELIDED_FORMS.values());

/** One word written whole, the other elided (`ce`, `c`): the letters elided; else null. */
export function elisionDistance(a: string, b: string): number | null {
  if (ELIDED_FORMS.get(a) === b) return a.length - b.length;
  if (ELIDED_FORMS.get(b) === a) return b.length - a.length;
  return null;
}

/** Whether two different words are one word respelled (`démunies`/`démunis`, `honètement`), or the same word elided (`ce`/`c`). */
export function nearWords(a: string, b: string): number | null {
  if (sameNumber(a, b) || sameNumber(b, a)) return 0;
  const elided = elisionDistance(a, b);
  if (elided !== null) return elided;
  // Shorter words differ by a letter from too many others (`rien`, `bien`).
  if (a.length < 5 || b.length < 5) return null;
  const cap = nearCap(a, b);
  const d = editDistance(a, b, cap);
  return d <= cap ? d : null;
}

/**
 * The other one-word ways to write the number or rank `word` is (`3` ↔ `trois`, `3e` ↔
 * `troisieme`, `1er` ↔ `premier`), folded: where the alignment may start for a quote that writes
 * it one way and a transcript the other.
 */
export function numberEquivalents(word: string): string[] {
  const out: string[] = [];
  const cardinal = NUMBER_WORDS.get(word) ?? figureValue(word);
  if (cardinal !== undefined && cardinal !== null) {
    out.push(String(cardinal));
    for (const said of spelledNumber(cardinal)) if (said.length === 1) out.push(said[0]!);
  }
  const rank = ORDINAL_WORDS.get(word) ?? ordinalFigureValue(word);
  if (rank !== undefined && rank !== null) {
    out.push(...rankFigures(rank));
    for (const said of spelledOrdinal(rank)) if (said.length === 1) out.push(said[0]!);
  }
  return [...new Set(out)].filter((w) => w !== word);
}
