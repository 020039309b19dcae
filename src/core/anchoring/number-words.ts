/**
 * Numbers written in words and in figures: a thesis author writes `à 90 ans` where the
 * participant said `à quatre-vingt-dix ans`. French compounds (`soixante-dix`, `quatre-vingts`,
 * `vingt et un`, `dix-huit`, `deux cents`), Belgian and Swiss tens (`septante`, `nonante`), years
 * (`mille neuf cent quatre-vingt-dix`, `dix-neuf cent…`) and English (`twenty-one`, `a hundred
 * and five`), as folded words: lowercase, no accents, hyphens as spaces. Ordinals too: `3e` for
 * `troisième`, `1er` for `premier`, `21e` for `vingt et unième`, `3rd` for `third`.
 */

const FR_UNITS = ['zero', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS: Record<number, string[]> = { 2: ['vingt'], 3: ['trente'], 4: ['quarante'], 5: ['cinquante'], 6: ['soixante'], 7: ['septante'], 8: ['huitante', 'octante'], 9: ['nonante'] };
const EN_UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Numbers said as one word, and their value. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...FR_UNITS.map((w, n) => [w, n] as [string, number]),
  ['une', 1],
  ...Object.entries(FR_TENS).flatMap(([tens, words]) => words.map((w) => [w, Number(tens) * 10] as [string, number])),
  ['vingts', 20],
  ['cent', 100],
  ['cents', 100],
  ['mille', 1000],
  ...EN_UNITS.map((w, n) => [w, n] as [string, number]),
  ...EN_TENS.flatMap((w, n) => (w === '' ? [] : [[w, n * 10] as [string, number]])),
  ['hundred', 100],
  ['thousand', 1000],
]);

/** The French ways of saying `n` (below a million), each as words. */
function french(n: number, inCompound = false): string[][] {
  if (n <= 16) return n === 1 && !inCompound ? [['un'], ['une']] : [[FR_UNITS[n]!]];
  if (n < 20) return [['dix', FR_UNITS[n - 10]!]];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const unit = n % 10;
    const out: string[][] = [];
    // vingt … soixante, and the Belgian and Swiss septante, huitante/octante, nonante.
    for (const word of FR_TENS[tens]!) {
      if (unit === 0) out.push([word]);
      else if (unit === 1) out.push([word, 'et', 'un'], [word, 'un']);
      else out.push([word, FR_UNITS[unit]!]);
    }
    if (tens === 7) out.push(unit === 1 ? ['soixante', 'et', 'onze'] : ['soixante', ...french(n - 60, true)[0]!]);
    if (tens >= 8) {
      const rest = n - 80;
      // `quatre-vingts` takes an s when nothing follows it; often written without.
      if (rest === 0) out.push(['quatre', 'vingts'], ['quatre', 'vingt']);
      else for (const r of french(rest, true)) out.push(['quatre', 'vingt', ...r]);
    }
    return out;
  }
  const rest = (r: number) => (r === 0 ? [[]] : french(r, true));
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    const r = n % 100;
    // `deux cents`, `deux cent trois` (the s often forgotten or added).
    const heads = hundreds === 1 ? [['cent']] : french(hundreds, true).flatMap((h) => [[...h, 'cent'], [...h, 'cents']]);
    return heads.flatMap((h) => rest(r).map((t) => [...h, ...t]));
  }
  if (n >= 1000000) return [];
  const thousands = Math.floor(n / 1000);
  const r = n % 1000;
  const out = (thousands === 1 ? [['mille']] : french(thousands, true).map((t) => [...t, 'mille'])).flatMap((h) => rest(r).map((t) => [...h, ...t]));
  // Years: `dix-neuf cent quatre-vingt-dix`.
  if (n < 2000 && n >= 1100) {
    const hundreds = Math.floor(n / 100);
    for (const h of french(hundreds, true)) for (const t of rest(n % 100)) out.push([...h, 'cent', ...t], [...h, 'cents', ...t]);
  }
  return out;
}

/** The English ways of saying `n` (below a million), each as words. */
function english(n: number): string[][] {
  if (n < 20) return [[EN_UNITS[n]!]];
  if (n < 100) return [[EN_TENS[Math.floor(n / 10)]!, ...(n % 10 === 0 ? [] : [EN_UNITS[n % 10]!])]];
  const rest = (r: number) => (r === 0 ? [[]] : english(r).flatMap((t) => [t, ['and', ...t]]));
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    const heads = hundreds === 1 ? [['one', 'hundred'], ['a', 'hundred'], ['hundred']] : english(hundreds).map((h) => [...h, 'hundred']);
    return heads.flatMap((h) => rest(n % 100).map((t) => [...h, ...t]));
  }
  if (n >= 1000000) return [];
  const thousands = Math.floor(n / 1000);
  const heads = thousands === 1 ? [['one', 'thousand'], ['a', 'thousand'], ['thousand']] : english(thousands).map((h) => [...h, 'thousand']);
  return heads.flatMap((h) => rest(n % 1000).map((t) => [...h, ...t]));
}

/** A number in figures an author may have written for words (`90`, not `007` nor a phone number). */
export function figureValue(word: string): number | null {
  return /^(?:0|[1-9]\d{0,5})$/.test(word) ? Number(word) : null;
}

/** Every way of saying the number `n` in words, French then English, as folded words. */
export function spelledNumber(n: number): string[][] {
  if (!Number.isInteger(n) || n < 0) return [];
  return [...french(n), ...english(n)];
}

/**
 * The value of number words (`quatre vingt dix` → 90), or null when they do not say one number
 * the way it is said (`vingt quatre vingt`).
 */
export function wordsValue(words: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'et' || w === 'and' || w === 'a') continue;
    const v = NUMBER_WORDS.get(w);
    if (v === undefined) return null;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (v === 20 && current % 100 === 4) current += 76; // quatre-vingt(s)
    else current += v;
  }
  const value = total + current;
  const said = words.join(' ');
  return spelledNumber(value).some((s) => s.join(' ') === said) ? value : null;
}

/** `3e`, `3ème`, `1er`, `1re`, `2nd`, `2nde`, `21st`, `3rd`, `4th` (folded): the rank in figures, or null. */
export function ordinalFigureValue(word: string): number | null {
  const m = /^([1-9]\d{0,5})(e|eme|er|ere|re|nd|nde|st|rd|th)$/.exec(word);
  if (m === null) return null;
  const n = Number(m[1]);
  const suffix = m[2]!;
  // `1er`, `1re` only for the first; `2nd`, `21st`, `3rd` as English writes them.
  if ((suffix === 'er' || suffix === 'ere' || suffix === 're') && n !== 1) return null;
  if (suffix.startsWith('nd') && n % 10 !== 2) return null;
  if (suffix === 'st' && n % 10 !== 1) return null;
  if (suffix === 'rd' && n % 10 !== 3) return null;
  return n;
}

const RANK_SUFFIXES = ['e', 'eme', 'er', 're', 'ere', 'nd', 'nde', 'st', 'rd', 'th'];

/** How a text may write the rank `n` in figures (`3e`, `3eme`, `1er`, `1re`, `2nd`, `3rd`, `4th`), folded. */
export function rankFigures(n: number): string[] {
  return RANK_SUFFIXES.map((suffix) => `${n}${suffix}`).filter((f) => ordinalFigureValue(f) === n);
}

const FR_ORDINAL_EXCEPTIONS: Readonly<Record<string, string>> = { un: 'unieme', une: 'unieme', cinq: 'cinquieme', neuf: 'neuvieme' };
const EN_ORDINAL_EXCEPTIONS: Readonly<Record<string, string>> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** The last word of a French number said as a rank (`quatre` → `quatrieme`, `vingts` → `vingtieme`). */
function frenchOrdinal(word: string): string {
  const exception = FR_ORDINAL_EXCEPTIONS[word];
  if (exception !== undefined) return exception;
  if (word === 'vingts' || word === 'cents') return `${word.slice(0, -1)}ieme`;
  return word.endsWith('e') ? `${word.slice(0, -1)}ieme` : `${word}ieme`;
}

/** The last word of an English number said as a rank (`twenty` → `twentieth`). */
function englishOrdinal(word: string): string {
  const exception = EN_ORDINAL_EXCEPTIONS[word];
  if (exception !== undefined) return exception;
  return word.endsWith('y') ? `${word.slice(0, -1)}ieth` : `${word}th`;
}

/** Every way of saying the rank `n` in words (`troisieme`, `vingt et unieme`, `premier`, `third`), as folded words. */
export function spelledOrdinal(n: number): string[][] {
  if (!Number.isInteger(n) || n < 1) return [];
  const out: string[][] = n === 1 ? [['premier'], ['premiere']] : n === 2 ? [['second'], ['seconde']] : [];
  if (n > 1) for (const words of french(n)) out.push([...words.slice(0, -1), frenchOrdinal(words[words.length - 1]!)]);
  for (const words of english(n)) out.push([...words.slice(0, -1), englishOrdinal(words[words.length - 1]!)]);
  const seen = new Set<string>();
  return out.filter((words) => !seen.has(words.join(' ')) && seen.add(words.join(' ')));
}

/** Ranks said in one word (`troisieme`, `vingtieme`, `premiere`, `third`), and their value. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const n of [...Array.from({ length: 100 }, (_, i) => i + 1), 100, 1000]) {
    for (const words of spelledOrdinal(n)) if (words.length === 1 && !map.has(words[0]!)) map.set(words[0]!, n);
  }
  return map;
})();
