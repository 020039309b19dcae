/**
 * When two different words are one word respelled: a letter added, dropped, changed or two
 * swapped (`démunies`/`démunis`, `honètement`, `pratqiue`), or a number written in figures
 * (`3`/`trois`). Words shorter than five letters are never respelled ones: `rien` and `bien`
 * differ by a letter from too many others.
 */
/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), or `cap + 1` when above `cap`. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const width = b.length + 1;
  let before = new Int32Array(width);
  let prev = new Int32Array(width);
  let cur = new Int32Array(width);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}

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
