/**
 * Crude word stems for matching passages and questions by their words, in French and English:
 * folded (case, accents, ligatures), short and empty words dropped, each word cut to its first
 * six letters — enough for « diagnostic » to meet « diagnostique », « douleurs » « douleur »,
 * « redoutez » « redouter », without a language-specific stemmer.
 */
import { foldForSearch } from './fold.js';

/** Words that say nothing of a passage's topic (French and English, folded). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec ce ces cet cette comment dans de des du elle en est et etre eu il ils je la le les leur lui ma mais me mes moi mon ne nous on ou par pas pour qu que quel quelle quelles quels qui sa se ses si son sur ta te tes toi ton tu un une vos votre vous y ' +
    'avez avoir faire fait faites pensez diriez pourriez pouvez parler dire racontez expliquez decrire decrivez ' +
    'alors bon ben euh hein bah voila enfin donc aussi tres plus moins tout tous toute toutes fait ca cela ceci cest quand comme meme bien peu ont sont etait avait ' +
    'an and are as at be by can could do does did for from have how i if in is it of on or tell the this to was what when where which who why would you your they them their there that with not but just so very about'
  ).split(' '),
);

/** The stems of a text, in order, repeated as often as their words (for term frequencies). */
export function stemsOf(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map((w) => w.slice(0, 6));
}
