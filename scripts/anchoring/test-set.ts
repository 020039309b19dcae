/**
 * The anchoring test set: quotes taken from the demo transcripts (fixtures/demo) and edited the
 * way thesis authors edit them, each with the transcript passages it truly comes from. A
 * deterministic script (seeded): the same seed always gives the same quotes.
 *
 * Categories, as the issue on real theses lists them:
 * - edited: one passage with the author's edits (hesitations and stammers dropped, `ne` and
 *   `il` restored, punctuation changed, a word added or dropped, a typo, numbers as digits);
 * - short-edited: two to six words, with one such edit;
 * - compiled: several passages of one interview, from different answers, joined by `...`,
 *   `[…]`, `.....`, `/`, a line break or nothing, in transcript order;
 * - reordered: the same, not in transcript order;
 * - glued: passages stuck together with no space, as a copy from a PDF or Word leaves them
 *   (`plus de 3 moisque ce soit`);
 * - short-repeated: a word or two the participant says in several answers (`lombalgie`): the
 *   right occurrence is known only from the spreadsheet's neighbouring rows;
 * - across-speakers: the end of one answer and the start of the next, with the interviewer's
 *   question between them;
 * - hand-written: cases written by hand (hand-written.ts), as an author copies from Word or PDF.
 *
 * The spreadsheet lists each participant's rows mostly in reading order, as researchers do,
 * with about one row in eight moved elsewhere among that participant's rows — except the
 * short-repeated ones (and any quote of one or two words): a one-word row moved away from where
 * it was read cannot be placed by anyone from the sheet (codage places it by its neighbours and marks it ambiguous, for the
 * coder to confirm; the test set measures what the sheet does tell).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { TranscriptSearch } from '../../src/core/anchoring/transcript-search.js';
import { foldWithMap } from '../../src/core/text/fold.js';
import type { ImportTranscript } from '../../src/core/import/plan.js';
import { segmentSentences } from '../../src/core/transcript/sentences.js';
import { parseTranscript } from '../../src/core/transcript/parse.js';
import type { Span, Transcript } from '../../src/core/types.js';
import { createRandom, type Random } from '../random.js';
import { HAND_WRITTEN } from './hand-written.js';

export const CATEGORIES = [
  'edited',
  'short-edited',
  'compiled',
  'reordered',
  'glued',
  'short-repeated',
  'across-speakers',
  'hand-written',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TestQuote {
  /** `compiled-07`. */
  id: string;
  category: Category;
  /** The transcript's participant id. */
  participant: string;
  /** The participant as the spreadsheet writes it (`mg01`, `MG1`). */
  participantCell: string;
  code: string;
  /** The quote as the author wrote it. */
  quote: string;
  /** The transcript passages it comes from (UTF-16 offsets in the transcript text); empty: not in this transcript. */
  truth: Span[];
}

export interface TestSet {
  transcripts: Transcript[];
  /** In spreadsheet order. */
  quotes: TestQuote[];
}

/** How many quotes of each generated category. */
export const PER_CATEGORY: Record<Exclude<Category, 'hand-written'>, number> = {
  edited: 45,
  'short-edited': 35,
  compiled: 40,
  reordered: 30,
  glued: 30,
  'short-repeated': 30,
  'across-speakers': 25,
};

const CODES = ['Impuissance', 'Épuisement', 'Délais d’accès', 'Coordination kiné', 'Croyances du patient', 'Prescription d’opioïdes', 'Écoute', 'Manque de formation'];

// ---------------------------------------------------------------------------------------------
// Transcripts

export function demoTranscripts(demo: string): Transcript[] {
  const dir = join(demo, 'transcripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .sort()
    .map((f) => parseTranscript({ file: `transcripts/${f}`, bytes: readFileSync(join(dir, f)), defaultId: basename(f, extname(f)) }).transcript);
}

export function importTranscripts(transcripts: readonly Transcript[]): ImportTranscript[] {
  return transcripts.map((t) => ({ id: t.id, text: t.text, turns: t.turns, annotations: t.annotations, bodyLine: t.bodyLine }));
}

/** A sentence of the participant's own speech, with the turn it is in. */
interface OwnSentence extends Span {
  turn: number;
}

interface Source {
  transcript: Transcript;
  sentences: OwnSentence[];
  /** Turn indices with own speech, in order. */
  turns: number[];
}

function sourceOf(t: Transcript): Source {
  const search = TranscriptSearch.of(t);
  const own = new Set(search.stretches.flatMap((s, i) => (s.own && s.role !== 'unknown' ? [i] : [])));
  const sentences = segmentSentences(t.text, t.turns)
    .filter((s) => own.has(s.turn))
    .map((s) => trimSpan(t.text, s))
    .filter((s) => s.end - s.start >= 2) as OwnSentence[];
  return { transcript: t, sentences, turns: [...new Set(sentences.map((s) => s.turn))] };
}

function trimSpan<S extends Span>(text: string, s: S): S {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { ...s, start, end };
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// ---------------------------------------------------------------------------------------------
// Passages

/** A passage: one or two sentences of one answer, or a clause of a sentence, of `min`–`max` words. */
function passage(rng: Random, src: Source, min: number, max: number, turn?: number, used?: Span[]): Span | null {
  const text = src.transcript.text;
  const pool = turn === undefined ? src.sentences : src.sentences.filter((s) => s.turn === turn);
  for (let attempt = 0; attempt < 60 && pool.length > 0; attempt++) {
    const i = rng.int(0, pool.length - 1);
    let span: Span = pool[i]!;
    const next = pool[i + 1];
    if (rng.chance(0.3) && next !== undefined && next.turn === pool[i]!.turn) span = { start: span.start, end: next.end };
    // A clause: cut at a comma.
    if (words(text.slice(span.start, span.end)) > max || rng.chance(0.3)) {
      const inner = text.slice(span.start, span.end);
      const commas = [...inner.matchAll(/[,;:] /g)].map((m) => m.index);
      if (commas.length > 0) {
        const c = rng.pick(commas);
        span = rng.chance(0.5) ? { start: span.start, end: span.start + c } : trimSpan(text, { start: span.start + c + 2, end: span.end });
      }
    }
    const n = words(text.slice(span.start, span.end));
    if (n < min || n > max) continue;
    if (used?.some((u) => u.start < span.end && span.start < u.end)) continue;
    return span;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The author's edits

type Edit = (s: string, rng: Random) => string | null;

function replaceOne(s: string, re: RegExp, rng: Random, by: (m: RegExpMatchArray) => string): string | null {
  const all = [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
  if (all.length === 0) return null;
  const m = rng.pick(all);
  return s.slice(0, m.index) + by(m) + s.slice(m.index! + m[0].length);
}

const EDITS: Record<string, Edit> = {
  /** `euh`, `*rire*`, `(silence)`, and stammers `de… de` dropped. */
  hesitations: (s) => {
    const out = s
      .replace(/\s*\*[^*\n]{1,20}\*/g, '')
      .replace(/\s*\((?:silence|rires?|pause|soupir)\)/gi, '')
      .replace(/,?\s*\b(?:euh|heu)\b…?,?/gi, '')
      .replace(/\b([\p{L}’']{1,12})…\s+\1\b/gu, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    return out === s.trim() ? null : out;
  },
  /** `je sais pas` → `je ne sais pas`, `c’est pas` → `ce n’est pas`. */
  ne: (s, rng) => {
    const cest = replaceOne(s, /\b[cC][’']est pas\b/, rng, (m) => `${m[0][0] === 'C' ? 'C' : 'c'}e n’est pas`);
    if (cest !== null && rng.chance(0.5)) return cest;
    return replaceOne(s, /\b(je|tu|il|elle|on|ils|elles|ça) ([\p{L}]+) (pas|plus|jamais|rien)\b/u, rng, (m) =>
      /^[aeéèêiîoôuyh]/i.test(m[2]!) ? `${m[1]} n’${m[2]} ${m[3]}` : `${m[1]} ne ${m[2]} ${m[3]}`,
    ) ?? cest;
  },
  /** `y a` → `il y a`, `faut` → `il faut`. */
  il: (s, rng) => replaceOne(s, /(^|[^\p{L}’'])(y a|faut)\b/u, rng, (m) => `${m[1]}il ${m[2]}`),
  /** Punctuation as the author types it. */
  punctuation: (s, rng) => {
    const options = [
      () => (s.includes('…') ? s.replace(/…/g, '...') : null),
      () => (s.includes(',') ? replaceOne(s, /,/, rng, () => '') : null),
      () => replaceOne(s, /\p{L}{4,} /u, rng, (m) => `${m[0].trimEnd()}, `),
      () => (/[.!?…]$/.test(s) ? s.slice(0, -1) : `${s}.`),
      () => s.replace(/’/g, "'"),
      () => `« ${s} »`,
    ];
    return rng.pick(options)();
  },
  /** A word of speech dropped. */
  dropWord: (s, rng) =>
    replaceOne(s, /(^|\s)(bon|voilà|hein|quoi|enfin|alors|donc|ben|bah|vraiment|quand même|en fait|franchement|un peu)[,.]?(?=\s|$)/iu, rng, (m) => m[1]!) ??
    replaceOne(s, /\s(très|bien|aussi|toujours|encore|déjà)(?=\s)/u, rng, () => ''),
  /** A word added. */
  addWord: (s, rng) => replaceOne(s, /\p{L}{3,} (?=\p{L})/u, rng, (m) => `${m[0]}${rng.pick(['vraiment ', 'aussi ', 'très ', 'toujours ', 'bien '])}`),
  /** A typo or a spelling fixed in a long word. */
  typo: (s, rng) =>
    replaceOne(s, /\p{L}{7,}/u, rng, (m) => {
      const w = m[0];
      const k = rng.int(2, w.length - 3);
      const kind = rng.int(0, 2);
      if (kind === 0) return w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      if (kind === 1) return w.slice(0, k) + w.slice(k + 1);
      return w.slice(0, k) + w[k] + w.slice(k);
    }),
  /** Numbers in figures. */
  digits: (s, rng) => {
    const n: Record<string, string> = { deux: '2', trois: '3', quatre: '4', cinq: '5', six: '6', sept: '7', huit: '8', dix: '10', quinze: '15', vingt: '20', trente: '30' };
    return replaceOne(s, /\b(deux|trois|quatre|cinq|six|sept|huit|dix|quinze|vingt|trente)\b/i, rng, (m) => n[m[1]!.toLowerCase()]!);
  },
  /** First letter's case changed. */
  case: (s) => (/^\p{Lu}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s[0]!.toUpperCase() + s.slice(1)),
};

const LONG_EDITS = ['hesitations', 'ne', 'il', 'punctuation', 'dropWord', 'addWord', 'typo', 'digits', 'case'];
const SHORT_EDITS = ['ne', 'punctuation', 'typo', 'case', 'hesitations'];

/** Applies `count` edits that change something (at most 12 tries). */
function edit(text: string, rng: Random, count: number, kinds: readonly string[]): string {
  let out = text;
  let done = 0;
  for (let tries = 0; done < count && tries < 12; tries++) {
    const next = EDITS[rng.pick(kinds)]!(out, rng);
    if (next !== null && next !== out && next.trim() !== '') {
      out = next;
      done++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quotes

const SEPARATORS = [' ... ', ' […] ', ' [...] ', '..... ', ' (…) ', '… ', ' / ', '\n', ' ', '...'];

function participantCell(rng: Random, id: string): string {
  const m = /^([A-Za-z]+)(\d+)$/.exec(id);
  if (m === null || rng.chance(0.6)) return id;
  return rng.pick([id.toLowerCase(), `${m[1]!.toLowerCase()}${m[2]!.padStart(2, '0')}`, `${m[1]} ${m[2]}`]);
}

/** Passages from `k` different answers (or a few from the same answer, apart), in transcript order. */
function severalPassages(rng: Random, src: Source, k: number): Span[] | null {
  if (src.turns.length < 2) return null;
  const spans: Span[] = [];
  const turns = rng.shuffle(src.turns).slice(0, Math.min(src.turns.length, Math.max(2, k - rng.int(0, 1))));
  for (let i = 0; i < k; i++) {
    const p = passage(rng, src, 4, 22, turns[i % turns.length], spans);
    if (p === null) return null;
    spans.push(p);
  }
  spans.sort((a, b) => a.start - b.start);
  // Passages of one answer that touch would be one passage: keep them apart.
  for (let i = 1; i < spans.length; i++) if (src.transcript.text.slice(spans[i - 1]!.end, spans[i]!.start).trim().length < 3) return null;
  return spans;
}

function piecesText(rng: Random, text: string, spans: readonly Span[], editChance: number): string[] {
  return spans.map((s) => {
    const t = text.slice(s.start, s.end);
    return rng.chance(editChance) ? edit(t, rng, 1, LONG_EDITS.filter((k) => k !== 'punctuation' && k !== 'case')) : t;
  });
}

function generate(rng: Random, category: Exclude<Category, 'hand-written'>, src: Source): { quote: string; truth: Span[] } | null {
  const text = src.transcript.text;
  switch (category) {
    case 'edited': {
      const p = passage(rng, src, 6, 45);
      if (p === null) return null;
      const original = text.slice(p.start, p.end);
      const quote = edit(original, rng, rng.int(1, 3), LONG_EDITS);
      return quote === original ? null : { quote, truth: [p] };
    }
    case 'short-edited': {
      const p = passage(rng, src, 2, 6);
      if (p === null) return null;
      const original = text.slice(p.start, p.end);
      const quote = edit(original, rng, 1, SHORT_EDITS);
      return quote === original ? null : { quote, truth: [p] };
    }
    case 'compiled':
    case 'reordered': {
      const spans = severalPassages(rng, src, rng.int(2, category === 'compiled' ? 6 : 4));
      if (spans === null) return null;
      const parts = piecesText(rng, text, spans, 0.3);
      let order = parts.map((_, i) => i);
      if (category === 'reordered') {
        for (let tries = 0; tries < 5 && order.every((v, i) => v === i); tries++) order = rng.shuffle(order);
        if (order.every((v, i) => v === i)) order.reverse();
      }
      const sep = rng.pick(SEPARATORS);
      return { quote: order.map((i) => parts[i]!).join(sep), truth: spans };
    }
    case 'glued': {
      const spans = severalPassages(rng, src, rng.int(2, 3));
      if (spans === null) return null;
      const parts = piecesText(rng, text, spans, 0.2).map((p, i, all) => (i < all.length - 1 && rng.chance(0.6) ? p.replace(/[.,;:!?…]+$/, '') : p));
      return { quote: parts.join(''), truth: spans };
    }
    case 'across-speakers': {
      // The last words of one answer and the first of the next, the interviewer in between.
      const pairs: [OwnSentence, OwnSentence][] = [];
      for (let i = 1; i < src.sentences.length; i++) {
        const a = src.sentences[i - 1]!;
        const b = src.sentences[i]!;
        if (a.turn !== b.turn && b.turn > a.turn + 1) pairs.push([a, b]);
      }
      if (pairs.length === 0) return null;
      const [a, b] = rng.pick(pairs);
      if (words(text.slice(a.start, a.end)) < 3 || words(text.slice(b.start, b.end)) < 3) return null;
      const sep = rng.pick([' ... ', ' ', ' […] ', ' ']);
      return { quote: `${text.slice(a.start, a.end)}${sep}${text.slice(b.start, b.end)}`, truth: [a, b] };
    }
    case 'short-repeated':
      return null;
  }
}

/**
 * Whether a part of the quote, as the author edited it, is said word for word somewhere else
 * than its true passage (`je fais attention` edited from `je fais très attention`, said a line
 * before): then its truth is no longer one place, and the quote is not a fair test.
 */
function saidElsewhere(src: Source, quote: string, truth: readonly Span[]): boolean {
  const folded = foldWithMap(src.transcript.text);
  for (const part of quote.split(/\.{2,}|…|\[[^\]]*\]|\([.…]+\)|\/|\n/)) {
    const fq = foldWithMap(part).folded;
    if (fq.split(' ').length < 2) continue;
    for (let i = folded.folded.indexOf(fq); i >= 0; i = folded.folded.indexOf(fq, i + 1)) {
      const at = folded.map[i]!;
      if (!truth.some((t) => at >= t.start && at < t.end)) return true;
    }
  }
  return false;
}

/** Words (or two-word phrases) of 6+ letters said several times in the participant's own speech. */
function repeated(src: Source): Map<string, Span[]> {
  const text = src.transcript.text;
  const found = new Map<string, Span[]>();
  for (const s of src.sentences) {
    const inner = text.slice(s.start, s.end);
    for (const m of inner.matchAll(/\p{L}{6,}(?: \p{L}{4,})?/gu)) {
      for (const w of [m[0], m[0].split(' ')[0]!]) {
        const start = s.start + m.index!;
        const list = found.get(w.toLowerCase()) ?? [];
        if (!list.some((x) => x.start === start)) list.push({ start, end: start + w.length });
        found.set(w.toLowerCase(), list);
      }
    }
  }
  const lower = text.toLowerCase();
  const letter = /\p{L}/u;
  for (const [w, spans] of found) {
    if (spans.length < 2) {
      found.delete(w);
      continue;
    }
    // Every occurrence in the whole text, the interviewer's included: the quote must be ambiguous.
    let all = 0;
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
      if (!letter.test(lower[i - 1] ?? '') && !letter.test(lower[i + w.length] ?? '')) all++;
    }
    if (all !== spans.length) found.delete(w);
  }
  return found;
}

/** Kinds of quote the generator makes: the test set's, and `exact` (copied as is) for a thesis-like sheet. */
export type Generated = Exclude<Category, 'hand-written'> | 'exact';

/**
 * Quotes taken from `transcripts` and edited, `perCategory` of each kind, in no particular
 * order (see `spreadsheetOrder`). The same random state gives the same quotes.
 */
export function generateQuotes(rng: Random, transcripts: readonly Transcript[], perCategory: Partial<Record<Generated, number>>): TestQuote[] {
  const sources = transcripts.map(sourceOf);
  const quotes: TestQuote[] = [];
  const counters = new Map<string, number>();
  const add = (category: Generated, src: Source, quote: string, truth: Span[]) => {
    const n = (counters.get(category) ?? 0) + 1;
    counters.set(category, n);
    quotes.push({
      id: `${category}-${String(n).padStart(2, '0')}`,
      category: category as Category,
      participant: src.transcript.id,
      participantCell: participantCell(rng, src.transcript.id),
      code: rng.pick(CODES),
      quote,
      truth,
    });
  };
  for (const category of Object.keys(perCategory) as Generated[]) {
    const wanted = perCategory[category] ?? 0;
    for (let made = 0, tries = 0; made < wanted && tries < wanted * 40; tries++) {
      const src = sources[(made + tries) % sources.length]!;
      if (category === 'exact') {
        const p = passage(rng, src, 4, 40);
        if (p === null) continue;
        add(category, src, src.transcript.text.slice(p.start, p.end), [p]);
        made++;
        continue;
      }
      if (category === 'short-repeated') {
        const options = [...repeated(src)].filter(([, spans]) => spans.length >= 2);
        if (options.length === 0) continue;
        const [word, spans] = rng.pick(options);
        // An occurrence alone in its answer: two in one answer cannot be told apart by anyone.
        const search = TranscriptSearch.of(src.transcript);
        const alone = spans.filter((x) => spans.filter((y) => search.stretchAt(y.start) === search.stretchAt(x.start)).length === 1);
        if (alone.length === 0) continue;
        const truth = rng.pick(alone);
        const written = src.transcript.text.slice(truth.start, truth.end);
        if (quotes.some((q) => q.participant === src.transcript.id && q.category === category && q.quote.toLowerCase().includes(word))) continue;
        add(category, src, rng.chance(0.3) ? `« ${written} »` : written, [truth]);
        made++;
        continue;
      }
      const q = generate(rng, category, src);
      if (q === null || saidElsewhere(src, q.quote, q.truth)) continue;
      add(category, src, q.quote, q.truth);
      made++;
    }
  }
  return quotes;
}

/** A French Excel sheet (`;`, one row per quote) of quotes in spreadsheet order. */
export function spreadsheetCsv(quotes: readonly TestQuote[]): string {
  const cell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `Participant;Code;Verbatim\n${quotes.map((q) => [q.participantCell, q.code, q.quote].map(cell).join(';')).join('\n')}\n`;
}

/** A thesis-like sheet of `count` quotes from `transcripts`: most copied as is, the rest edited in every way above. */
export function thesisQuotes(transcripts: readonly Transcript[], count: number, seed = 1): TestQuote[] {
  const rng = createRandom(seed);
  const share = (f: number) => Math.round(count * f);
  const quotes = generateQuotes(rng, transcripts, {
    exact: share(0.4),
    edited: share(0.2),
    'short-edited': share(0.1),
    compiled: share(0.1),
    reordered: share(0.05),
    glued: share(0.05),
    'short-repeated': share(0.05),
    'across-speakers': count - share(0.4) - share(0.2) - share(0.1) - share(0.1) - share(0.05) * 3,
  });
  return spreadsheetOrder(seed, quotes, transcripts);
}

/** Builds the whole test set (generated and hand-written quotes) in spreadsheet order. */
export function buildTestSet(demo: string, seed = 7): TestSet {
  const rng = createRandom(seed);
  const transcripts = demoTranscripts(demo);
  const sources = transcripts.map(sourceOf);
  const quotes = generateQuotes(rng, transcripts, PER_CATEGORY);
  const counters = new Map<Category, number>();
  const add = (category: Category, src: Source, quote: string, truth: Span[]) => {
    const n = (counters.get(category) ?? 0) + 1;
    counters.set(category, n);
    quotes.push({
      id: `${category}-${String(n).padStart(2, '0')}`,
      category,
      participant: src.transcript.id,
      participantCell: participantCell(rng, src.transcript.id),
      code: rng.pick(CODES),
      quote,
      truth,
    });
  };
  for (const h of HAND_WRITTEN) {
    const src = sources.find((s) => s.transcript.id === h.participant);
    if (src === undefined) throw new Error(`hand-written case ${h.quote.slice(0, 30)}: no transcript ${h.participant}`);
    add('hand-written', src, h.quote, h.truth.map((t) => locateTruth(src.transcript, t)));
    quotes[quotes.length - 1]!.participantCell = h.cell ?? h.participant;
  }
  return { transcripts, quotes: spreadsheetOrder(seed, quotes, transcripts) };
}

/** An exact passage of the transcript: its `nth` occurrence (0 = first). */
function locateTruth(t: Transcript, truth: string | [string, number]): Span {
  const [passageText, nth] = typeof truth === 'string' ? [truth, 0] : truth;
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = t.text.indexOf(passageText, at + 1);
    if (at < 0) throw new Error(`hand-written truth not in ${t.id}: ${passageText}`);
  }
  if (typeof truth === 'string' && t.text.indexOf(passageText, at + 1) >= 0) {
    throw new Error(`hand-written truth found twice in ${t.id}, give its occurrence: ${passageText}`);
  }
  return { start: at, end: at + passageText.length };
}

/**
 * Participants in study order; each one's rows in reading order, one in eight moved elsewhere.
 * Each participant's moves are drawn from a generator of their own (the seed and their id), so
 * that a case added to one participant leaves every other participant's rows where they were.
 */
function spreadsheetOrder(seed: number, quotes: TestQuote[], transcripts: readonly Transcript[]): TestQuote[] {
  const out: TestQuote[] = [];
  for (const t of transcripts) {
    let idHash = 0;
    for (const c of t.id) idHash = (Math.imul(idHash, 31) + c.codePointAt(0)!) >>> 0;
    const rng = createRandom((seed ^ idHash) >>> 0);
    const mine = quotes
      .filter((q) => q.participant === t.id)
      .sort((a, b) => (a.truth[0]?.start ?? 0) - (b.truth[0]?.start ?? 0) || a.id.localeCompare(b.id));
    for (let i = 0; i < mine.length; i++) {
      if (!rng.chance(0.125) || mine[i]!.category === 'short-repeated' || words(mine[i]!.quote) <= 2) continue;
      const [moved] = mine.splice(i, 1);
      mine.splice(rng.int(0, mine.length), 0, moved!);
    }
    out.push(...mine);
  }
  return out;
}
