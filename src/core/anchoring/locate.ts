/**
 * Finding where a quote sits in a transcript. A quote written as it is in the transcript is
 * found at once (exactly, then ignoring case, accents, apostrophes and punctuation); any other
 * quote is aligned word by word (see `align.ts`), which finds the passages it is made of —
 * one passage lightly edited, or several compiled, glued or reordered. A part of the quote that
 * cannot be placed with confidence is left, with the reason: better left for review than
 * placed at the wrong place.
 */
import type { Localized, Span } from '../types.js';
import { foldWithMap } from '../text/fold.js';
import { QuoteAligner, type Block } from './align.js';
import { chooseSpan, type QuoteContext } from './context.js';
import { exactSpans, foldedOccurrences } from './occurrences.js';
import { cleanQuote } from './quote.js';
import { quoteEdges, widenToQuoteEdges, withBalancedGuillemets } from './quote-edges.js';
import { quoteWords, type QuoteWord } from './quote-words.js';
import * as reasons from './reasons.js';
import { TranscriptSearch } from './transcript-search.js';

/**
 * exact: as written; normalised: the same words; approximate: one passage, edited;
 * passages: several passages, every part placed; partial: some parts placed, others left;
 * unresolved: nothing placed.
 */
export type MatchMethod = 'exact' | 'normalised' | 'approximate' | 'passages' | 'partial' | 'unresolved';

/** A passage of the transcript that makes up (part of) the quote. */
export interface PlacedPiece extends Span {
  /** 1 for the same words; 1 − character edits / characters of the quote's part. */
  score: number;
  /** Every equally good place for this part (text order), when there is more than one: the caller chooses. */
  candidates?: Span[];
  /** The part of the (cleaned) quote it accounts for. */
  quoteStart: number;
  quoteEnd: number;
}

/** A part of the quote that was not placed, and why. */
export interface LeftPiece {
  quoteStart: number;
  quoteEnd: number;
  /** The part as the author wrote it. */
  text: string;
  reason: Localized;
}

export interface QuoteMatch {
  method: MatchMethod;
  /** The quote the offsets `quoteStart`/`quoteEnd` refer to: without its guillemets, in NFC. */
  quote: string;
  /** In the order of the quote. */
  pieces: PlacedPiece[];
  left: LeftPiece[];
  /** The placed share of the quote, weighted by each part's score; for 'unresolved', the best candidate's score (0 when none). */
  score: number;
  /** Why nothing was placed. */
  reason?: Localized;
  /**
   * Words at the start or the end of the quote that no passage holds, too few to leave the quote
   * for review (`à 90` before `ans, le rapport…`): the passage starts after them, or ends before.
   */
  trimmed?: LeftPiece[];
  /** The closest passage, when nothing was placed. */
  best?: Span;
  /**
   * Words of the transcript inside the passage that the quote leaves out without marking the cut
   * (`Je me sens inutile` for `Je me sens un peu inutile`: 2): placed for review, never as exact.
   */
  omitted?: number;
  /**
   * Words of negation (`pas`, `jamais`, `not`…) that the quote says and its passage does not, or the
   * other way round (`ce n'est pas normal` for `c'est normal`): the meaning may be reversed. Such a
   * match is placed for review, under the min score, never as good enough.
   */
  negations?: string[];
}

export interface LocateOptions {
  /** Lowest score accepted for a passage (default 0.85). */
  minScore?: number;
  /** Among equally good places, prefer the one nearest this offset. */
  near?: number;
  /** Among equally good places, prefer the one with this text around it. */
  context?: QuoteContext;
  /**
   * `own` (importing verbatims): passages lie in the participant's own speech and never leave a
   * speaker turn. `any` (finding a coded segment again): anywhere, across turns.
   */
  speakers?: 'own' | 'any';
  /** One passage only, for the whole quote (finding a coded segment again). */
  single?: boolean;
}

export const DEFAULT_MIN_SCORE = 0.85;

/** Quotes of at most this many words are short: their case and punctuation say nothing about which occurrence is meant. */
const SHORT_QUOTE_WORDS = 6;

function isShort(folded: string): boolean {
  let spaces = 0;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 0x20) spaces++;
  return spaces < SHORT_QUOTE_WORDS;
}

/** A part left unplaced is worth reporting from this many letters (shorter: a linking word the author added). */
const SIGNIFICANT_LETTERS = 10;
const SIGNIFICANT_WORDS = 3;

/** Final punctuation of a sentence, as the transcript may have it right after a quote's last word. */
const CLOSING = /[.!?…»”")\]]/;
const ENDS_WITH_CLOSING = /^[.!?…»”")\]]/;

/** Takes in the transcript's closing punctuation (up to three characters, never across a space) when the quote's part ends with some. */
function withClosingPunctuation(text: string, after: string, span: Span): Span {
  if (!ENDS_WITH_CLOSING.test(after)) return span;
  let end = span.end;
  while (end < text.length && end - span.end < 3 && CLOSING.test(text[end]!)) end++;
  return end === span.end ? span : { start: span.start, end };
}

/**
 * A passage widened to the quote's own guillemets and punctuation the transcript says right
 * around it (`before`: what the quote has before its first word, when the passage starts there;
 * `after`: likewise after its last word), else to the transcript's closing punctuation when the
 * quote's part is followed by some (`closing`); importing, also to the other half of a guillemet
 * the passage holds (see `quote-edges.ts`).
 */
function atEdges(text: string, span: Span, edges: { before: string; after: string; closing: string }, options: LocateOptions): Span {
  let widened = widenToQuoteEdges(text, span, edges.before, edges.after);
  if (widened.end === span.end) widened = withClosingPunctuation(text, edges.closing.trimStart(), widened);
  return options.single ? widened : withBalancedGuillemets(text, widened);
}

function unresolved(reason: Localized, best?: Span & { score: number }): QuoteMatch {
  const match: QuoteMatch = { method: 'unresolved', quote: '', pieces: [], left: [], score: best?.score ?? 0, reason };
  if (best !== undefined) match.best = { start: best.start, end: best.end };
  return match;
}

/**
 * A quote found as a whole at one or more places. `first`: places to prefer when nothing else
 * tells them apart (no context, none nearer): those within a place written exactly as the quote.
 */
function whole(method: 'exact' | 'normalised', spans: Span[], q: string, options: LocateOptions, text: string, first: readonly Span[] = []): QuoteMatch {
  const preferred = (s: Span) => first.some((f) => f.start <= s.start && s.end <= f.end);
  const pool = first.length === 0 ? spans : [...spans.filter(preferred), ...spans.filter((s) => !preferred(s))];
  const chosen = chooseSpan(pool, { text, context: options.context, near: options.near })!;
  const piece: PlacedPiece = { start: chosen.start, end: chosen.end, score: 1, quoteStart: 0, quoteEnd: q.length };
  if (spans.length > 1) piece.candidates = spans;
  return { method, quote: q, pieces: [piece], left: [], score: 1 };
}

/** Finds a quote in a transcript (see the module comment). */
export function locateQuote(transcript: TranscriptSearch | string, quote: string, options: LocateOptions = {}): QuoteMatch {
  const match = locate(transcript, quote, options);
  match.quote = cleanQuote(quote);
  if (!options.single && match.method !== 'exact' && match.method !== 'normalised' && match.pieces.length > 0) {
    const text = typeof transcript === 'string' ? transcript : transcript.text;
    const changed = negationsChanged(text, match.quote, match);
    if (changed.length > 0) {
      match.negations = changed;
      match.score = Math.min(match.score, Math.max(0, (options.minScore ?? DEFAULT_MIN_SCORE) - 0.01));
    }
  }
  return match;
}

/**
 * Words that turn a sentence into its opposite, folded (`plus` too: `il dort plus`, `il ne dort plus`,
 * and `plus de temps` changes as much when dropped). `n't` and `cannot` are `not`.
 */
const NEGATIONS = new Set(['pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'nullement', 'guere', 'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor']);
/** How far after a `ne` its other half (`pas`, `plus`, `jamais`…) may come: `ne le lui dit pas`. */
const NE_REACH = 4;

/**
 * The negations a text says, in order, folded: each of the words above (`not` for an English
 * `n't` or `cannot`), and `ne` for a `ne`/`n'` whose other half does not follow it in the text —
 * cut off (`qu'il ne reverra` of `qu'il ne reverra jamais`) or left out (`je ne sais`). A `ne`
 * with its other half is that one negation: restored by an author (`je ne sais pas` for the `je
 * sais pas` said), or left out (`je sais pas`), it changes nothing.
 */
function negationsIn(text: string): string[] {
  const words = foldWithMap(text).folded.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'cannot') out.push('not');
    else if (NEGATIONS.has(w)) out.push(w);
    else if (w === 't' && i > 0 && words[i - 1]!.endsWith('n')) out.push('not');
    else if (w === 'ne' || w === 'n') {
      let paired = false;
      for (let k = i + 1; k < words.length && k <= i + NE_REACH; k++) if (NEGATIONS.has(words[k]!)) paired = true;
      if (!paired) out.push('ne');
    }
  }
  return out;
}

/**
 * The passage as far as the words next to it on its line when the quote's words at that edge were
 * not found there (`trimmed`): `Oui, dans les conditions…` placed on `dans les conditions…` of
 * `Non, pas dans les conditions…` — the words the passage leaves out are the ones to compare.
 */
function withEdges(text: string, p: PlacedPiece, before: boolean, after: boolean): Span {
  let start = p.start;
  let end = p.end;
  const reach = 3;
  if (before) {
    for (let words = 0; start > 0 && text[start - 1] !== '\n' && words <= reach; start--) if (/\s/.test(text[start - 1]!) && !/\s/.test(text[start] ?? '')) words++;
  }
  if (after) {
    for (let words = 0; end < text.length && text[end] !== '\n' && words <= reach; end++) if (/\s/.test(text[end]!) && !/\s/.test(text[end - 1] ?? '')) words++;
  }
  return { start, end };
}

/** How many times each word is in `list`. */
function tally(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The negations one side of a placed passage says and the other does not (see `QuoteMatch.negations`). */
function negationsChanged(text: string, q: string, match: QuoteMatch): string[] {
  const changed: string[] = [];
  const pieces = match.pieces;
  const firstQuoted = Math.min(...pieces.map((p) => p.quoteStart));
  const lastQuoted = Math.max(...pieces.map((p) => p.quoteEnd));
  const trimmedBefore = (match.trimmed ?? []).some((t) => t.quoteEnd <= firstQuoted);
  const trimmedAfter = (match.trimmed ?? []).some((t) => t.quoteStart >= lastQuoted);
  for (const p of pieces) {
    const span = withEdges(text, p, trimmedBefore && p.quoteStart === firstQuoted, trimmedAfter && p.quoteEnd === lastQuoted);
    const said = negationsIn(text.slice(span.start, span.end));
    const quoted = negationsIn(q.slice(p.quoteStart, p.quoteEnd));
    const a = tally(quoted);
    const b = tally(said);
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      // A `ne` the author restored where the participant left the negation's other half out is not a change.
      if (k === 'ne' && (a.get(k) ?? 0) > (b.get(k) ?? 0)) continue;
      if ((a.get(k) ?? 0) !== (b.get(k) ?? 0) && !changed.includes(k)) changed.push(k);
    }
  }
  return changed;
}

function locate(transcript: TranscriptSearch | string, quote: string, options: LocateOptions): QuoteMatch {
  const search = typeof transcript === 'string' ? new TranscriptSearch(transcript) : transcript;
  const text = search.text;
  const own = (options.speakers ?? 'own') === 'own';
  const q = cleanQuote(quote);
  if (q === '') return unresolved(reasons.emptyQuote());

  const allowed = (s: Span) => !own || search.withinOneTurn(s, true);
  const exact = exactSpans(text, q).filter(allowed);
  const fq = foldWithMap(q).folded;
  const edges = quoteEdges(q);
  // `widen`: to the quote's own punctuation around its words (not for places of a quote found as
  // written, which stay the quote's words: `E :` is not placed as `E:`).
  const normalisedSpans = (widen: boolean) => {
    const ft = search.folded;
    return foldedOccurrences(ft.folded, fq)
      .map((fs) => {
        const span = ft.toOriginal(fs, fs + fq.length);
        return widen ? atEdges(text, span, { ...edges, closing: edges.after }, options) : withClosingPunctuation(text, edges.after.trimStart(), span);
      })
      .filter(allowed);
  };
  if (exact.length > 0) {
    // A short quote written like one of its occurrences only by a capital or a comma
    // (`Ça fait partie du soin`) is no more there than at the others.
    if (isShort(fq) && !options.single) {
      const normalised = normalisedSpans(false);
      if (normalised.length > exact.length) {
        // Every place: the folded ones, and those written as copied that folding did not find
        // (a word glued to a character folding keeps, `𐀀Ȅ`).
        const places = [...normalised, ...exact.filter((e) => !normalised.some((n) => e.start <= n.start && n.end <= e.end))].sort((a, b) => a.start - b.start);
        return whole('exact', places, q, options, text, exact);
      }
    }
    return whole('exact', exact, q, options, text);
  }

  if (fq === '') return unresolved(reasons.noWords());
  const normalised = normalisedSpans(true);
  if (normalised.length > 0) return whole('normalised', normalised, q, options, text);

  return aligned(search, q, options);
}

/** Why words found at `offset` are not the participant's: another speaker's, or before any label. */
function notOwnWords(search: TranscriptSearch, offset: number): Localized {
  const line = search.lines.lineOf(offset);
  return search.stretches[search.stretchAt(offset)]?.speaker === null ? reasons.beforeFirstLabel(line) : reasons.otherSpeaker(line);
}

/** Where a block of the quote sits in the transcript, widened to its punctuation (see `atEdges`). */
function blockSpan(search: TranscriptSearch, words: readonly QuoteWord[], q: string, options: LocateOptions, b: Pick<Block, 'qFrom' | 'qTo' | 'tFrom' | 'tTo'>): Span {
  const tw = search.words;
  const last = words[b.qTo - 1]!;
  const next = words[b.qTo];
  const after = q.slice(last.end, next === undefined ? q.length : next.start).trimStart();
  // The quote's own opening punctuation, before its first word.
  const before = b.qFrom === 0 ? q.slice(0, words[0]!.start) : '';
  const span = { start: tw.start[b.tFrom]!, end: tw.end[b.tTo - 1]! };
  // An ellipsis after the part is the author's cut, not the end of the speaker's sentence
  // (unless the transcript has that very ellipsis there, at the end of the quote).
  const cut = /^(?:\.{2,}|…|[[(])/.test(after);
  return atEdges(search.text, span, { before, after: next === undefined ? after : '', closing: cut ? '' : after }, options);
}

function aligned(search: TranscriptSearch, q: string, options: LocateOptions): QuoteMatch {
  const words = quoteWords(q, search.words);
  const match = alignedMatch(search, q, options, words);
  if (options.single) return match;
  // Nothing placed, or one passage without some of the quote's words: the author may have
  // left words out without marking it (`Je me sens inutile` for `Je me sens un peu inutile`),
  // every word of the quote said, in order, close together.
  // A quote the author cut (`...`, `[…]`) with words left out without marking it in a part
  // (`les délais sont énormes... six mois minimum`): each part placed on its own, when every one is.
  if ((match.method === 'unresolved' || match.method === 'partial') && words.some((w, i) => i > 0 && w.cutBefore)) {
    const parts = partByPart(search, q, words, options);
    if (parts !== null) return parts;
  }
  if (match.method === 'unresolved') return saidInOrder(search, words, q, options) ?? match;
  // A passage ending on an elided word cut from its own (`j'ai` of the quote is `j` + `ai`: the
  // `j` of `j'évite` ends one passage, `ai peur` starts the next): never a segment. Each passage
  // is mended to whole words — `Les opioïdes forts`, `j'ai peur` —, else the words said in order.
  if (match.pieces.some((p) => endsOnElision(search.text, p))) {
    const mended = withWholeWords(search.text, q, match);
    if (mended !== null) return mended;
    const whole = saidInOrder(search, words, q, options);
    if (whole !== null) return whole;
  }
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const [piece] = match.pieces;
  const doubtful = match.method === 'partial' || match.trimmed !== undefined || match.score < minScore;
  if (piece !== undefined && match.pieces.length === 1 && doubtful && match.method !== 'passages') {
    const whole = saidInOrder(search, words, q, options);
    // (The same place, taken to the quote's edges, among the others where its words are said; not another one.)
    const places = whole?.pieces[0]?.candidates ?? whole?.pieces ?? [];
    if (whole !== null && places.some((p) => p.start <= piece.start && piece.end <= p.end)) return whole;
  }
  return match;
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const isApostrophe = (c: string | undefined) => c === "'" || c === '\u2019';

/** French words elided before a vowel: `j'`, `l'`, `qu'`, `jusqu'`… */
const ELIDED = /(?:^|[^\p{L}])(?:[jldnmtsc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)$/iu;

/**
 * A passage that ends on an elided word, cut from the word it goes with (the `j` of `j'évite`): a
 * passage may start after one (`il tourne en rond` in `qu'il tourne en rond`), never end on one.
 * (A word before an English `'s` or `'t` is a word of its own here: `the doctor` of `the doctor's`.)
 */
function endsOnElision(text: string, span: Span): boolean {
  return isApostrophe(text[span.end]) && isLetter(text[span.end + 1]) && ELIDED.test(text.slice(Math.max(span.start, span.end - 7), span.end));
}

/**
 * A passage of whole words at an apostrophe: one ending on an elided word (the `j` of `j'évite`)
 * ends before it, without the comma or space before it; one starting after an elided word that the
 * quote has with it (`ai` of the quote's `j'ai`) starts with it (`j'ai`). Null when a passage would
 * be left with nothing.
 */
function wholeWords(text: string, q: string, span: Span, quoteStart: number): Span | null {
  let { start, end } = span;
  if (endsOnElision(text, span)) {
    end--;
    while (isLetter(text[end - 1])) end--;
    while (end > start && /[\s,;:\u2013\u2014-]/u.test(text[end - 1]!)) end--;
  }
  if (isApostrophe(q[quoteStart - 1]) && isLetter(q[quoteStart - 2]) && isApostrophe(text[start - 1]) && isLetter(text[start - 2])) {
    start -= 2;
    while (isLetter(text[start - 1])) start--;
  }
  return start < end && /\p{L}|\p{N}/u.test(text.slice(start, end)) ? { start, end } : null;
}

/** The match with every passage (and every other place of one) of whole words at an apostrophe; null when one would be empty. */
function withWholeWords(text: string, q: string, match: QuoteMatch): QuoteMatch | null {
  const pieces: PlacedPiece[] = [];
  for (const piece of match.pieces) {
    const span = wholeWords(text, q, piece, piece.quoteStart);
    if (span === null) return null;
    const mended: PlacedPiece = { ...piece, ...span };
    if (piece.candidates !== undefined) {
      const candidates = piece.candidates.map((c) => wholeWords(text, q, c, piece.quoteStart));
      if (candidates.some((c) => c === null)) return null;
      mended.candidates = candidates as Span[];
    }
    pieces.push(mended);
  }
  return { ...match, pieces };
}

/**
 * A quote with cuts of the author's own placed part by part, each part as a quote of its own (so
 * that a part with words left out without […] is placed from its first word to its last): null
 * unless every part says three words at least and is placed whole.
 */
function partByPart(search: TranscriptSearch, q: string, words: readonly QuoteWord[], options: LocateOptions): QuoteMatch | null {
  const groups: QuoteWord[][] = [];
  for (const w of words) {
    if (groups.length === 0 || w.cutBefore) groups.push([w]);
    else groups[groups.length - 1]!.push(w);
  }
  if (groups.length < 2) return null;
  const pieces: PlacedPiece[] = [];
  const trimmed: LeftPiece[] = [];
  let omitted = 0;
  let score = 1;
  for (const group of groups) {
    if (group.filter((w) => !w.optional).length < MIN_IN_ORDER_WORDS) return null;
    const from = group[0]!.start;
    const part = q.slice(from, group[group.length - 1]!.end);
    if (cleanQuote(part) !== part) return null;
    const m = locate(search, part, options);
    if (m.method === 'unresolved' || m.method === 'partial' || m.left.length > 0) return null;
    for (const p of m.pieces) {
      const shifted: PlacedPiece = { ...p, quoteStart: p.quoteStart + from, quoteEnd: p.quoteEnd + from };
      pieces.push(shifted);
    }
    for (const t of m.trimmed ?? []) trimmed.push({ ...t, quoteStart: t.quoteStart + from, quoteEnd: t.quoteEnd + from });
    omitted += m.omitted ?? 0;
    score = Math.min(score, m.score);
  }
  const match: QuoteMatch = { method: 'passages', quote: q, pieces, left: [], score };
  if (trimmed.length > 0) match.trimmed = trimmed;
  if (omitted > 0) match.omitted = omitted;
  return match;
}

/** A quote needs this many words said for its words to be looked for apart (fewer: met anywhere). */
const MIN_IN_ORDER_WORDS = 3;
/** Whether the word ending at `end` is elided (`j'`, `l’`, `qu'`): part of the next word, not a word left out. */
function isElided(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c === 0x27 /* ' */ || c === 0x2019 /* ’ */;
}

/** Words a quote may leave out without marking it, beyond as many as it has (`les délais sont énormes`: 6). */
const MORE_OMITTED = 2;

/**
 * Places a quote every word of which the participant says, in order, within one turn, with some
 * words left out between them (at most two more than the quote has, hesitations and annotations not
 * counted): the passage runs from its first word to its last, the left-out words inside, with a
 * score under the min score (to check). Several such places: every one is a candidate, as for any
 * passage. Null when the quote has a cut of its own, a word the transcript never says, or too few words.
 */
function saidInOrder(search: TranscriptSearch, words: readonly QuoteWord[], q: string, options: LocateOptions): QuoteMatch | null {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const tw = search.words;
  const said = words.filter((w) => !w.optional);
  if (said.length < MIN_IN_ORDER_WORDS || said.some((w) => w.id < 0 || w.cutBefore)) return null;
  const n = said.length;
  const most = n + MORE_OMITTED;
  const stretches = search.stretches;
  const own = (options.speakers ?? 'own') === 'own';
  // For each place of the first word, the earliest end of the quote's words in order from there.
  const places: { from: number; to: number; omitted: number }[] = [];
  for (const from of tw.positions(said[0]!.id)) {
    const stretch = tw.stretch[from]!;
    if (stretch < 0 || (own && !stretches[stretch]!.own)) continue;
    let t = from;
    let omitted = 0;
    let k = 1;
    while (k < n && omitted <= most) {
      t++;
      if (t >= tw.count || tw.stretch[t] !== stretch) break;
      if (tw.ids[t] === said[k]!.id) k++;
      else if (tw.skippable[t] === 0 && !isElided(search.text, tw.end[t]!)) omitted++;
    }
    if (k === n && omitted <= most) places.push({ from, to: t + 1, omitted });
  }
  // (A place holding a shorter one is not another place: `je … je me sens … inutile`.)
  const minimal = places.filter((p, i) => places[i + 1]?.to !== p.to);
  if (minimal.length === 0 || minimal.every((p) => p.omitted === 0)) return null;
  const spanOf = (p: { from: number; to: number }) => blockSpan(search, words, q, options, { qFrom: 0, qTo: words.length, tFrom: p.from, tTo: p.to });
  const spans = minimal.map(spanOf);
  const chosen = chooseSpan(spans, { text: search.text, context: options.context, near: options.near })!;
  const at = minimal[spans.indexOf(chosen)]!;
  const letters = said.reduce((s, w) => s + w.text.length, 0);
  let leftOut = 0;
  for (let t = at.from; t < at.to; t++) leftOut += tw.lengthOf(tw.ids[t]!);
  leftOut -= letters;
  // Under the min score whatever the share of left-out words: to check, never accepted unseen.
  const score = Math.max(0, Math.min(letters / (letters + Math.max(0, leftOut)), minScore - 0.01));
  const piece: PlacedPiece = { start: chosen.start, end: chosen.end, score, quoteStart: said[0]!.start, quoteEnd: said[n - 1]!.end };
  if (spans.length > 1) piece.candidates = spans;
  return { method: 'approximate', quote: q, pieces: [piece], left: [], score, omitted: at.omitted };
}

function alignedMatch(search: TranscriptSearch, q: string, options: LocateOptions, words: QuoteWord[]): QuoteMatch {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (!words.some((w) => !w.optional)) return unresolved(reasons.noWords());
  const result = new QuoteAligner(search, words, minScore, { acrossTurns: options.speakers === 'any', quoteText: q }).align();
  const text = search.text;
  const tw = search.words;

  const spanOf = (b: Pick<Block, 'qFrom' | 'qTo' | 'tFrom' | 'tTo'>) => blockSpan(search, words, q, options, b);
  const quoteSpan = (b: Block) => ({ quoteStart: words[b.qFrom]!.start, quoteEnd: words[b.qTo - 1]!.end });

  const pieces: PlacedPiece[] = result.pieces
    .map(({ block, alternatives }) => {
      const span = spanOf(block);
      const piece: PlacedPiece = { ...span, score: block.similarity, ...quoteSpan(block) };
      if (alternatives.length > 0) {
        const all = [span, ...alternatives.map(spanOf)].sort((a, b) => a.start - b.start);
        const chosen = chooseSpan(all, { text, context: options.context, near: options.near })!;
        piece.start = chosen.start;
        piece.end = chosen.end;
        piece.candidates = all;
      }
      return piece;
    })
    .sort((a, b) => a.quoteStart - b.quoteStart);

  const left: LeftPiece[] = [];
  for (const b of result.otherSpeaker) {
    const part = quoteSpan(b);
    left.push({ ...part, text: q.slice(part.quoteStart, part.quoteEnd), reason: notOwnWords(search, tw.start[b.tFrom]!) });
  }
  const notFound: LeftPiece[] = [];
  const trimmed: LeftPiece[] = [];
  const firstPlaced = Math.min(...pieces.map((p) => p.quoteStart));
  const lastPlaced = Math.max(...pieces.map((p) => p.quoteEnd));
  for (const run of uncoveredRuns(words, result.covered)) {
    const said = run.filter((w) => !w.optional && !w.continues);
    const letters = said.reduce((n, w) => n + w.text.length, 0);
    if (letters < SIGNIFICANT_LETTERS && said.length < SIGNIFICANT_WORDS) {
      // Too short to leave the quote for review, but the passage starts (or ends) without them: said so.
      const quoteStart = run[0]!.start;
      const quoteEnd = run[run.length - 1]!.end;
      const edge = quoteEnd <= firstPlaced ? 'start' : quoteStart >= lastPlaced ? 'end' : null;
      if (edge !== null) trimmed.push({ quoteStart, quoteEnd, text: q.slice(quoteStart, quoteEnd), reason: reasons.edgeNotFound(edge) });
      continue;
    }
    const quoteStart = run[0]!.start;
    const quoteEnd = run[run.length - 1]!.end;
    const part = { quoteStart, quoteEnd, text: q.slice(quoteStart, quoteEnd), reason: reasons.partNotFound(said.length) };
    left.push(part);
    notFound.push(part);
  }
  left.sort((a, b) => a.quoteStart - b.quoteStart);

  const weight = (from: number, to: number) => {
    let n = 0;
    // (The words of a number said in several words weigh as its first word alone.)
    for (const w of words) if (!w.optional && !w.continues && w.start >= from && w.end <= to) n += w.text.length;
    return n;
  };
  const total = Math.max(1, weight(0, q.length));
  const score = Math.min(1, pieces.reduce((s, p) => s + p.score * weight(p.quoteStart, p.quoteEnd), 0) / total);

  if (pieces.length === 0) {
    const best = result.bestRejected;
    const other = result.otherSpeaker[0];
    if (other !== undefined) return { ...unresolved(notOwnWords(search, tw.start[other.tFrom]!)), left };
    if (best === null) return { ...unresolved(reasons.notFound(null, minScore)), left };
    const span = spanOf(best);
    const line = search.lines.lineOf(span.start);
    // How much of the whole quote the closest passage accounts for, not how well its few words match.
    const closeness = (best.similarity * best.chars) / Math.max(best.chars, total);
    const reason = best.similarity >= minScore ? reasons.tooShort(best.matched, line) : reasons.notFound({ score: closeness, line }, minScore);
    return { ...unresolved(reason, { ...span, score: closeness }), left };
  }
  // More of the quote not found than found: a common phrase met by chance (`c'est des
  // consultations … qui`), not the author's passage. Left for review rather than placed.
  // (Words of another speaker the author copied along do not count: they were found, elsewhere.)
  const found = pieces.reduce((s, p) => s + p.score * weight(p.quoteStart, p.quoteEnd), 0);
  // (Words at the quote's edges that the passage leaves out count too: each run is too short to
  // leave the quote for review, but `bref voilà, je me sens inutile` is not `Je me sens`.)
  const missing = [...notFound, ...trimmed].reduce((s, l) => s + weight(l.quoteStart, l.quoteEnd), 0);
  if (missing > 0 && found < missing) {
    const line = search.lines.lineOf(pieces[0]!.start);
    return { ...unresolved(reasons.notFound({ score, line }, minScore), { ...pieces[0]!, score }), left };
  }
  if (options.single && (pieces.length > 1 || left.length > 0)) {
    return unresolved(reasons.notOnePassage(pieces.length, search.lines.lineOf(pieces[0]!.start)), { ...pieces[0]!, score });
  }
  const method = left.length > 0 ? 'partial' : pieces.length > 1 ? 'passages' : 'approximate';
  const match: QuoteMatch = { method, quote: q, pieces, left, score };
  if (trimmed.length > 0) match.trimmed = trimmed;
  return match;
}

/** Runs of consecutive quote words no piece took (optional words neither start nor end a run), split where the author cut. */
function uncoveredRuns(words: readonly QuoteWord[], covered: Uint8Array): QuoteWord[][] {
  const runs: QuoteWord[][] = [];
  let run: QuoteWord[] = [];
  const flush = () => {
    while (run.length > 0 && run[run.length - 1]!.optional) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((w, i) => {
    if (covered[i] === 1 || (w.cutBefore && run.length > 0)) flush();
    if (covered[i] === 1) return;
    if (run.length === 0 && w.optional) return;
    run.push(w);
  });
  flush();
  return runs;
}
