/**
 * French typography for the sentences codage writes (never for quotes, which stay as spoken):
 * a no-break space before `:` and a narrow one before `;`, `!`, `?`, and lists joined the way
 * each language joins them.
 */
import type { Language } from '../types.js';

/** `a ; b : c` → `a\u202f; b\u00a0: c` in French; English is returned unchanged. */
export function frenchSpacing(text: string, language: Language): string {
  if (language !== 'fr') return text;
  return text.replace(/ :/g, '\u00a0:').replace(/ ([;!?])/g, '\u202f$1');
}

/**
 * `« mot »` with no-break spaces inside the guillemets, as French typography wants (and so that a
 * line never breaks between a guillemet and its word): for messages, whose French is written with
 * ordinary spaces in the sources. English is returned unchanged.
 */
function frenchGuillemets(text: string, language: Language): string {
  if (language !== 'fr' || text.indexOf('«') === -1) return text;
  return text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');
}

/** A message in French typography: guillemets and the spaces before `:` `;` `!` `?` (see above). */
export function frenchMessage(text: string, language: Language): string {
  return frenchSpacing(frenchGuillemets(text, language), language);
}

/** `a, b and c` / `a, b et c`. */
export function joinList(items: readonly string[], language: Language, conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const word = language === 'fr' ? (conjunction === 'and' ? 'et' : 'ou') : conjunction;
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** Capitalises the first letter. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase('fr') + text.slice(1);
}

const FRENCH_NUMBERS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt'];
const ENGLISH_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A count as a sentence may start with it: words up to twenty, digits beyond ("Douze", "35"). */
export function countWord(n: number, language: Language): string {
  const list = language === 'fr' ? FRENCH_NUMBERS : ENGLISH_NUMBERS;
  return Number.isInteger(n) && n >= 0 && n < list.length ? list[n]! : String(n);
}

/**
 * The quotation marks around a quote, chosen so that the quote itself stays exactly the
 * transcript's text: « » in French (with no-break spaces inside), “ ” in English — and, when the
 * quote holds those marks itself (a participant quoting someone: « il m’a dit « c’est dans la
 * tête » »), the language's other marks around it, “ ” in French, ‘ ’ in English, rather than its
 * own inner marks changed (the text shown is then still the text coded, compared and searched).
 * A quote holding both kinds keeps the usual marks. Every export and listing that wraps a quote
 * (tables and report in Markdown, Word, HTML, LaTeX; codage quotes; messages) takes them from here.
 */
export function quoteMarks(text: string, language: Language): { open: string; close: string } {
  if (language === 'fr') {
    if (!/[«»]/u.test(text) || /[“”]/u.test(text)) return { open: '«\u00a0', close: '\u00a0»' };
    return { open: '\u201c', close: '\u201d' };
  }
  // (’ is an apostrophe as often as a closing mark: only an opening ‘ keeps “ ” around.)
  if (!/[“”"]/u.test(text) || /‘/u.test(text)) return { open: '\u201c', close: '\u201d' };
  return { open: '\u2018', close: '\u2019' };
}

/** A quote between the marks `quoteMarks` chooses for it. */
export function wrapQuote(text: string, language: Language): string {
  const { open, close } = quoteMarks(text, language);
  return `${open}${text}${close}`;
}

/**
 * A passage of a transcript quoted in a message: on one line, cut after `max` characters, between
 * the marks of `quoteMarks` (“ ” in French when the passage holds guillemets of its own, so that
 * they stay visible).
 */
export function messageQuote(text: string, language: Language, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const short = [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
  return wrapQuote(short, language);
}

/**
 * French `de` before a coder's name, elided before a vowel: « codage d’alice », « codage de paul ».
 * (An `h` is left alone: whether it elides depends on the word.)
 */
export function deName(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüÿœæ]/iu.test(name) ? `d’${name}` : `de ${name}`;
}
