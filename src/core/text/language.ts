/**
 * The language interviews are in, French or English, from their words: for a study made from
 * another program's project (NVivo, MAXQDA…), which does not say it. Function words only (le,
 * de, que, je… the, of, that, I…): frequent in any interview, whatever it is about.
 */
import type { Language } from '../types.js';

const FRENCH = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'que', 'qui', 'je', 'vous', 'pas', 'une', 'un', 'en', 'pour', 'dans', 'ce', 'il', 'on', 'mais', 'avec', 'sur', 'ça', 'c', 'j', 'qu', 'd', 'l', 'au', 'aux', 'très', 'oui', 'alors', 'enfin', 'euh', 'donc']);
const ENGLISH = new Set(['the', 'and', 'is', 'that', 'you', 'not', 'of', 'to', 'it', 'in', 'for', 'with', 'was', 'are', 'have', 'this', 'but', 'they', 'what', 'so', 'yes', 'well', 'we', 'do', 'don', 'my', 'at', 'be', 'about', 'just', 'like', 'think']);

/** Words read at most: enough to tell, without reading hours of transcripts. */
const MOST_WORDS = 20_000;

/**
 * French or English when the texts' function words say so clearly (at least 50 of them, and
 * three times as many of one language as of the other); undefined otherwise.
 */
export function guessLanguage(texts: Iterable<string>): Language | undefined {
  let fr = 0;
  let en = 0;
  let words = 0;
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
      const word = match[0];
      if (FRENCH.has(word)) fr++;
      if (ENGLISH.has(word)) en++;
      if (++words >= MOST_WORDS) break;
    }
    if (words >= MOST_WORDS) break;
  }
  if (fr + en < 50) return undefined;
  if (fr >= 3 * en) return 'fr';
  if (en >= 3 * fr) return 'en';
  return undefined;
}
