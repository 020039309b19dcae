/**
 * When two different words are one word respelled: a letter added, dropped, changed or two
 * swapped (`démunies`/`démunis`, `honètement`, `pratqiue`), or a number written in figures
 * (`3`/`trois`). Words shorter than five letters are never respelled ones: `rien` and `bien`
 * differ by a letter from too many others.
 */
import { editDistance } from '../text/edit-distance.js';

/** Edits allowed for two words to count as the same word respelled. */
function nearCap(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len >= 10 ? 2 : 1;
}

/** Numbers authors write in figures: `trois` → `3`. */
const NUMBER_WORDS: Record<string, string> = {
  deux: '2', trois: '3', quatre: '4', cinq: '5', six: '6', sept: '7', huit: '8', neuf: '9', dix: '10', onze: '11',
  douze: '12', treize: '13', quatorze: '14', quinze: '15', seize: '16', vingt: '20', trente: '30', quarante: '40',
  cinquante: '50', soixante: '60', cent: '100', mille: '1000', two: '2', three: '3', four: '4', five: '5', seven: '7',
  eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40',
  fifty: '50', sixty: '60', hundred: '100', thousand: '1000',
};

/** A number in figures or in words (`3`, `trois`). */
export function isNumber(word: string): boolean {
  return word in NUMBER_WORDS || /^\d+$/.test(word);
}

/** Whether two different words are one word respelled (`démunies`/`démunis`, `honètement`). */
export function nearWords(a: string, b: string): number | null {
  if (NUMBER_WORDS[a] === b || NUMBER_WORDS[b] === a) return 0;
  // Shorter words differ by a letter from too many others (`rien`, `bien`).
  if (a.length < 5 || b.length < 5) return null;
  const cap = nearCap(a, b);
  const d = editDistance(a, b, cap);
  return d <= cap ? d : null;
}
