/**
 * The words of a quote as an author wrote it, ready to be aligned with a transcript's words:
 * folded like the transcript (case, accents, apostrophes, punctuation), with what the author
 * added marked optional (`[le rhumatologue]`, a restored `ne`), where the author cut (`...`,
 * `[…]`, a line break), and words glued or broken by a copy from a PDF or Word mended against
 * the transcript's own words: `moisque` → `mois que`, `multidisciplinaireune` →
 * `multidisciplinaire une`, `anti-douleur` → `antidouleur` when the transcript writes so; a
 * number in figures said in words, or the other way round: `90 %` → `quatre vingt dix pour cent`.
 */
import { foldWithMap } from '../text/fold.js';
import { findAnnotations } from '../transcript/annotations.js';
import { figureValue, NUMBER_WORDS, ORDINAL_WORDS, ordinalFigureValue, rankFigures, spelledNumber, spelledOrdinal, wordsValue } from './number-words.js';
import type { TranscriptWords } from './transcript-search.js';

export interface QuoteWord {
  /** The folded word. */
  text: string;
  /** Its number in the transcript's vocabulary, or -1 when the transcript never says it. */
  id: number;
  /** Where it is in the cleaned quote (UTF-16 offsets). */
  start: number;
  end: number;
  /** A word the author may have added: leaving it unmatched costs little. */
  optional: boolean;
  /** The author marked a cut before this word (ellipsis, `[…]`, `/`, a line break). */
  cutBefore: boolean;
  /**
   * A sentence of the quote may start with this word: `.`, `!` or `?` before it, or a capital
   * (`…oui Je connais pas…`, two sentences glued; a name too, which costs nothing).
   */
  sentenceBefore: boolean;
  /** Punctuation before this word (`,`, `;`, `:`…). */
  punctuatedBefore: boolean;
  /** Where it starts in the folded quote. */
  folded: number;
  /**
   * Said as part of the word before: the second and later words of a number the quote writes in
   * figures and the transcript in words (`vingt`, `dix` of `90` said `quatre-vingt-dix`, `pour
   * cent` of `%`). They count as one word with it when a passage's words are counted.
   */
  continues?: boolean;
}

/** Words French authors restore or add without changing what was said. */
const BENIGN = new Set(['ne', 'n', 'euh', 'heu', 'hum', 'bah', 'ben']);

/** Brackets the author put around their own words: `[le patient]`, `[sic]` (not `[…]`). */
const EDITORIAL = /\[(?!\s*(?:…|\.{2,})\s*\])[^\]\n]{1,60}\]/g;
const CUT = /…|\.{2,}|\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|\/|\n|\s-\s|\s–\s|\s—\s/;
/** Punctuation with no space after it between two words (`jambe.Il`, `reparler*rire*`, `vitres. »C'est`): two passages glued. */
const GLUED = /^[^\s'’-]*[.!?;:,*()[\]«»"“”][^\s'’-]*$/;
const GLUED_AFTER = /[.!?;:,)\]}»”"…*]$/;

/** The quote's words, mended against the transcript's vocabulary. */
export function quoteWords(quote: string, words: TranscriptWords): QuoteWord[] {
  const { folded, map } = foldWithMap(quote);
  const editorial: [number, number][] = [];
  for (const m of quote.matchAll(EDITORIAL)) editorial.push([m.index, m.index + m[0].length]);
  // `*rire*`, `(silence)` copied from the transcript: the transcript's marks, never needed.
  for (const a of findAnnotations(quote)) editorial.push([a.start, a.end]);
  const inEditorial = (offset: number) => editorial.some(([a, b]) => offset >= a && offset < b);

  const raw: QuoteWord[] = [];
  let s = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && folded.charCodeAt(i) !== 0x20) continue;
    if (i > s) {
      const text = folded.slice(s, i);
      const start = map[s]!;
      const last = map[i - 1]!;
      const end = last + (quote.charCodeAt(last) >= 0xd800 && quote.charCodeAt(last) <= 0xdbff ? 2 : 1);
      const previous = raw[raw.length - 1];
      const between = previous === undefined ? '' : quote.slice(previous.end, start);
      raw.push({
        text,
        id: words.idOf(text),
        start,
        end,
        optional: BENIGN.has(text) || inEditorial(start),
        cutBefore:
          previous !== undefined &&
          (CUT.test(between) || (between !== '' && GLUED.test(between)) || (GLUED_AFTER.test(between) && !(/\d/.test(quote[previous.end - 1] ?? '') && /^\d/.test(text)))),
        sentenceBefore: previous !== undefined && (/[.!?]/.test(between) || /^\p{Lu}/u.test(quote.slice(start, start + 2))),
        punctuatedBefore: previous !== undefined && /[.,;:!?…]/.test(between),
        folded: s,
      });
    }
    s = i + 1;
  }
  return mend(raw, words, map, quote);
}

/** Splits glued words and joins broken ones, and says numbers as the transcript does, when its vocabulary says how. */
function mend(raw: QuoteWord[], words: TranscriptWords, map: Int32Array, quote: string): QuoteWord[] {
  const out: QuoteWord[] = [];
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k]!;
    const next = raw[k + 1];
    // `90 000`, `1 500` (groups of three figures): one number, when the transcript says it in words.
    const grouped = thousands(raw, k, words, quote);
    if (grouped !== null) {
      const spelledGroup = spelledAsSaid(grouped.word, words, quote);
      if (spelledGroup !== null) {
        out.push(...spelledGroup);
        k += grouped.words - 1;
        continue;
      }
    }
    // `doesn't` for the `does not` said, or the other way round: the words the transcript says.
    const contraction = contractionAsSaid(raw, k, words);
    if (contraction !== null) {
      out.push(...contraction);
      k += 1;
      continue;
    }
    const spelled = spelledAsSaid(w, words, quote);
    if (spelled !== null) {
      out.push(...spelled);
      continue;
    }
    const figure = figureAsSaid(raw, k, words);
    if (figure !== null) {
      out.push(...figure.said);
      k += figure.words - 1;
      continue;
    }
    // `anti-douleur`, `char- ge`: two pieces of one transcript word (that the transcript never says apart).
    if (next !== undefined && !next.cutBefore) {
      const joined = words.idOf(w.text + next.text);
      if (joined >= 0 && !saidTogether(words, w.id, next.id)) {
        out.push({ ...w, text: w.text + next.text, id: joined, end: next.end });
        k++;
        continue;
      }
    }
    if (w.id < 0 && !w.optional) {
      const split = splitGlued(w.text, words);
      // `souventc` is `souvent` + `c` glued, `dépassé` is `dépassée` respelled (not `de` + `passé`).
      const near = words.nearVocabulary(w.text).map((id) => words.strings[id]!);
      if (split !== null && (near.length === 0 || split.some((part) => near.includes(part)))) {
        const [left, right] = split;
        const cut = map[w.folded + left.length]!;
        out.push({ ...w, text: left, id: words.idOf(left), end: cut });
        out.push({ ...w, text: right, id: words.idOf(right), start: cut, cutBefore: true, folded: w.folded + left.length });
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/**
 * A number the quote writes with its thousands apart (`90 000`, `1 500`, with a space or a
 * no-break space between), from its word `k` on, as one word — unless the transcript writes those
 * groups too. Null when there is no such number.
 */
function thousands(raw: readonly QuoteWord[], k: number, words: TranscriptWords, quote: string): { word: QuoteWord; words: number } | null {
  const first = raw[k]!;
  if (!/^[1-9]\d{0,2}$/.test(first.text)) return null;
  let n = 1;
  while (k + n < raw.length && /^\d{3}$/.test(raw[k + n]!.text) && /^[ \u00a0\u202f\u2009]$/.test(quote.slice(raw[k + n - 1]!.end, raw[k + n]!.start))) n++;
  // One group after the first: below a million, what `spelledNumber` says.
  if (n !== 2) return null;
  const run = raw.slice(k, k + n);
  if (saidInSequence(words, run.map((w) => w.id))) return null;
  const text = run.map((w) => w.text).join('');
  return { word: { ...first, text, id: words.idOf(text), end: run[n - 1]!.end }, words: n };
}

/** Whether the transcript says these words one after the other somewhere. */
function saidInSequence(words: TranscriptWords, ids: readonly number[]): boolean {
  if (ids.length === 0 || ids.some((id) => id < 0)) return false;
  for (const t of words.positions(ids[0]!)) if (ids.every((id, k) => words.ids[t + k] === id)) return true;
  return false;
}

/** `%` after a number, as a participant says it. */
const PERCENT: readonly string[][] = [['pour', 'cent'], ['percent'], ['per', 'cent']];

/**
 * A number in figures (`90`, `90 %`) the transcript says in words (`quatre-vingt-dix`, `pour
 * cent`): the words the transcript says, all standing for the figure in the quote. Null when
 * the transcript says the figure itself, or none of the ways to say it.
 */
function spelledAsSaid(w: QuoteWord, words: TranscriptWords, quote: string): QuoteWord[] | null {
  const cardinal = figureValue(w.text);
  const value = cardinal ?? ordinalFigureValue(w.text);
  if (value === null) return null;
  const percent = cardinal === null ? null : /^[\s\u00a0\u202f]*%/.exec(quote.slice(w.end));
  if (w.id >= 0 && percent === null) return null;
  const numbers = w.id >= 0 ? [[w.text]] : cardinal === null ? spelledOrdinal(value) : spelledNumber(value);
  const endings = percent === null ? [[]] : [...PERCENT, []];
  for (const number of numbers) {
    for (const ending of endings) {
      const said = [...number, ...ending];
      // One word the same as the figure (`15` → `quinze`, `3e` → `troisième`): when the transcript
      // never writes the figure (else it is the word itself, above).
      if (said.length < 2 && w.id >= 0) continue;
      const ids = said.map((word) => words.idOf(word));
      if (!saidInSequence(words, ids)) continue;
      const at = percent === null ? w.end : w.end + percent[0].length;
      return said.map((text, i) => ({
        ...w,
        text,
        id: ids[i]!,
        ...(i >= number.length ? { start: at - 1, end: at } : {}),
        ...(i > 0 ? { cutBefore: false, sentenceBefore: false, punctuatedBefore: false, continues: true } : {}),
      }));
    }
  }
  return null;
}

/** The rank number words say (`troisieme`, `vingt et unieme`), or null. */
function rankOfWords(said: readonly string[]): number | null {
  const last = said[said.length - 1]!;
  if (said.length === 1 && ORDINAL_WORDS.has(last)) return ORDINAL_WORDS.get(last)!;
  if (!last.endsWith('ieme')) return null;
  const stem = last.slice(0, -4);
  for (const base of [stem, `${stem}e`, `${stem}s`, stem === 'cinqu' ? 'cinq' : '', stem === 'neuv' ? 'neuf' : '', stem === 'un' ? 'un' : '']) {
    if (base === '' || !NUMBER_WORDS.has(base)) continue;
    const value = wordsValue([...said.slice(0, -1), base]);
    if (value !== null && spelledOrdinal(value).some((w) => w.join(' ') === said.join(' '))) return value;
  }
  return null;
}

/**
 * A number or rank the quote says in words (`quatre-vingt-dix`, `troisième`, from its word `k`
 * on) that the transcript writes in figures (`90`, `90 000`, `3e`): the figures the transcript
 * writes, all standing for the words. Null when the transcript says those words.
 */
function figureAsSaid(raw: readonly QuoteWord[], k: number, words: TranscriptWords): { said: QuoteWord[]; words: number } | null {
  const isNumberWord = (text: string) => NUMBER_WORDS.has(text) || ORDINAL_WORDS.has(text) || text.endsWith('ieme');
  if (!isNumberWord(raw[k]!.text)) return null;
  let n = 0;
  while (k + n < raw.length && n < 10 && (n === 0 || !raw[k + n]!.cutBefore) && (isNumberWord(raw[k + n]!.text) || /^(?:et|and|a)$/.test(raw[k + n]!.text))) n++;
  for (; n >= 1; n--) {
    const run = raw.slice(k, k + n);
    const texts = run.map((w) => w.text);
    if (n === 1 ? run[0]!.id >= 0 : saidInSequence(words, run.map((w) => w.id))) continue;
    const rank = rankOfWords(texts);
    const value = rank === null ? (n === 1 ? (NUMBER_WORDS.get(texts[0]!) ?? null) : wordsValue(texts)) : rank;
    if (value === null) continue;
    // `90`, `3e`; or the thousands apart, `90 000`.
    const forms: string[][] = rank === null ? [[String(value)]] : rankFigures(value).map((f) => [f]);
    if (rank === null && value >= 1000) forms.push([String(Math.floor(value / 1000)), String(value % 1000).padStart(3, '0')]);
    for (const form of forms) {
      const ids = form.map((f) => words.idOf(f));
      if (ids.some((id) => id < 0) || (form.length > 1 && !saidInSequence(words, ids))) continue;
      const end = run[n - 1]!.end;
      return {
        said: form.map((text, i) => ({ ...raw[k]!, text, id: ids[i]!, end, ...(i > 0 ? { cutBefore: false, sentenceBefore: false, punctuatedBefore: false, continues: true } : {}) })),
        words: n,
      };
    }
  }
  return null;
}

/**
 * English negations written short or long (folded: `doesn t` / `does not`): the short form's
 * first word, and the long form's. `can't` is `cannot` or `can not`, `won't` is `will not`.
 */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map([
  ['don', 'do'],
  ['doesn', 'does'],
  ['didn', 'did'],
  ['isn', 'is'],
  ['aren', 'are'],
  ['wasn', 'was'],
  ['weren', 'were'],
  ['haven', 'have'],
  ['hasn', 'has'],
  ['hadn', 'had'],
  ['won', 'will'],
  ['wouldn', 'would'],
  ['can', 'can'],
  ['couldn', 'could'],
  ['shouldn', 'should'],
  ['mustn', 'must'],
  ['needn', 'need'],
]);
const CONTRACTED: ReadonlyMap<string, string> = new Map([...CONTRACTIONS].map(([short, long]) => [long, short]));

/**
 * Words `k` and `k + 1` of the quote as the transcript says them when the quote writes an English
 * negation the other way (`doesn't` for `does not`, `is not` for `isn't`, `can't` for `cannot`):
 * the transcript's words, over the same part of the quote. Null when the transcript says the
 * quote's own form, or neither.
 */
function contractionAsSaid(raw: readonly QuoteWord[], k: number, words: TranscriptWords): QuoteWord[] | null {
  const w = raw[k]!;
  const next = raw[k + 1];
  if (next === undefined || next.cutBefore) return null;
  const as = (texts: string[]): QuoteWord[] | null => {
    const ids = texts.map((t) => words.idOf(t));
    if (ids.some((id) => id < 0) || !saidInSequence(words, ids)) return null;
    return texts.map((text, i) => ({ ...(i === 0 ? w : next), text, id: ids[i]!, ...(i === 0 ? { end: texts.length === 1 ? next.end : w.end } : {}) }));
  };
  if (next.text === 't' && CONTRACTIONS.has(w.text)) {
    if (saidTogether(words, w.id, next.id)) return null;
    const long = CONTRACTIONS.get(w.text)!;
    return w.text === 'can' ? (as(['cannot']) ?? as(['can', 'not'])) : as([long, 'not']);
  }
  if (next.text === 'not' && CONTRACTED.has(w.text)) {
    if (saidTogether(words, w.id, next.id)) return null;
    return as([CONTRACTED.get(w.text)!, 't']);
  }
  return null;
}

/** Whether the transcript says word `a` then word `b` somewhere. */
function saidTogether(words: TranscriptWords, a: number, b: number): boolean {
  if (a < 0 || b < 0) return false;
  for (const t of words.positions(a)) if (words.ids[t + 1] === b) return true;
  return false;
}

/**
 * Two transcript words glued into one (`moisque`), or null. Among the ways to cut, the one
 * whose shorter part is longest (`mois|que` rather than a cut leaving one letter).
 */
function splitGlued(word: string, words: TranscriptWords): [string, string] | null {
  if (word.length < 3) return null;
  let best: [string, string] | null = null;
  let bestShort = 0;
  for (let k = 1; k < word.length; k++) {
    const left = word.slice(0, k);
    const right = word.slice(k);
    if (words.idOf(left) < 0 || words.idOf(right) < 0) continue;
    const short = Math.min(left.length, right.length);
    if (short > bestShort) {
      best = [left, right];
      bestShort = short;
    }
  }
  return best;
}
