/**
 * Sentences, the default unit of coding and of agreement.
 *
 * Each turn's spoken text is cut by Unicode's sentence rules (`sentenceBreaks`: the cuts of
 * `Intl.Segmenter`, the same in every language), then corrected for how French and English
 * interviews are written down: abbreviations (`M. Dupont`, `cf. p. 12`), initials, question
 * numbers (`4. relativement fréquent`), closing guillemets, speech that goes on in lowercase
 * after `...` or `?`, and `…` before a capital. A blank line always ends a sentence.
 */
import type { Sentence, Span, Turn } from '../types.js';
import { sentenceBreaks } from './sentence-breaks.js';

/** Abbreviations after which a sentence never ends. */
const ABBREVIATION =
  /(?:^|[\s(«"“'’-])(?:M|MM|Mme|Mmes|Mlle|Mlles|Dr|Drs|Pr|Me|St|Ste|Mr|Mrs|Ms|[Cc]f|[Ee]nv|[Ee]x|[Vv]s|[Ee]\.g|[Ii]\.e|[Cc]\.-à-d|[Ss]q|[Aa]pprox|\p{Lu})\.$/u;
/** Abbreviations followed by a number: `p. 12`, `No. 5`, `n° 3`. */
const ABBREVIATION_BEFORE_NUMBER = /(?:^|[\s(«"“'’-])(?:p|pp|[Nn]o|[Nn]os|vol|chap|fig|art|al)\.$/u;
/** A question number alone: `4.` or `4)`. */
const QUESTION_NUMBER = /^\d{1,3}[.)]$/;
const CLOSING = /^[»”’)\]]+/u;
/** Emoji said after a sentence (`merci. 🙏`, `ça marche. 💪`): they end it, they do not open the next. */
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+`;
const EMOJI_RUN = new RegExp(String.raw`^${EMOJI}(?:[ \u00a0\u202f]+${EMOJI})*`, 'u');
const LOWERCASE_START = /^\p{Ll}/u;
const DIGIT_START = /^\d/;
/** `…` then a capital: the speaker trails off and starts a new sentence. */
const ELLIPSIS_THEN_CAPITAL = /…(?=[\s\u00a0\u202f]+[«"“]?[\s\u00a0\u202f]*\p{Lu})/gu;
const BLANK_LINE = /\n[ \t\u00a0\u202f]*\n/g;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0xa0 || code === 0x202f || code === 0x0d ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** The span without its leading and trailing whitespace, or null when nothing is left. */
function trimmed(body: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(body.charCodeAt(s))) s++;
  while (e > s && isSpace(body.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * After `. `, the segmenter lets a lowercase word continue the sentence even behind `*`, `[` or
 * `(`: `rien. *rire* voilà` would be one sentence. It is shown a capital in their place
 * (same length, so offsets hold) so that a mark opening a sentence starts a new one.
 */
const MARK_OPENING = /(?<=\s)[*[(]/g;

/** Raw sentences of one paragraph by Unicode's sentence rules, trimmed, with `…` + capital split. */
function rawSentences(body: string, start: number, end: number): Span[] {
  const text = body.slice(start, end).replace(MARK_OPENING, 'X');
  const breaks = sentenceBreaks(text);
  const spans: Span[] = [];
  // The next `…` at or after the sentence's start (searched again only once passed).
  let ellipsis = text.indexOf('…');
  for (let b = 0; b <= breaks.length; b++) {
    const localStart = b === 0 ? 0 : (breaks[b - 1] as number);
    const localEnd = b < breaks.length ? (breaks[b] as number) : text.length;
    const segStart = start + localStart;
    const segEnd = start + localEnd;
    let from = segStart;
    if (ellipsis >= 0 && ellipsis < localStart) ellipsis = text.indexOf('…', localStart);
    if (ellipsis >= 0 && ellipsis < localEnd) {
      const segment = text.slice(localStart, localEnd);
      ELLIPSIS_THEN_CAPITAL.lastIndex = 0;
      for (let m = ELLIPSIS_THEN_CAPITAL.exec(segment); m !== null; m = ELLIPSIS_THEN_CAPITAL.exec(segment)) {
        const cut = segStart + m.index + 1;
        const span = trimmed(body, from, cut);
        if (span) spans.push(span);
        from = cut;
      }
    }
    const span = trimmed(body, from, segEnd);
    if (span) spans.push(span);
  }
  return spans;
}

/** Applies the French/English corrections to the sentences of one paragraph. */
function corrected(body: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let next: Span | null = span;
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const closing = CLOSING.exec(body.slice(next.start, Math.min(next.end, next.start + 8))) ?? EMOJI_RUN.exec(body.slice(next.start, Math.min(next.end, next.start + 40)));
      if (closing !== null) {
        prev.end = next.start + closing[0].length;
        next = trimmed(body, prev.end, next.end);
        if (next === null) continue;
      }
      const prevText = body.slice(Math.max(prev.start, prev.end - 12), prev.end);
      const head = body.slice(next.start, next.start + 2);
      const merge =
        ABBREVIATION.test(prevText) ||
        (prev.end - prev.start <= 4 && QUESTION_NUMBER.test(body.slice(prev.start, prev.end))) ||
        (ABBREVIATION_BEFORE_NUMBER.test(prevText) && DIGIT_START.test(head)) ||
        LOWERCASE_START.test(head);
      if (merge) {
        prev.end = next.end;
        continue;
      }
    }
    out.push({ start: next.start, end: next.end });
  }
  return out;
}

/** The sentences of every turn, in order; each lies inside its turn's spoken text. */
export function segmentSentences(body: string, turns: readonly Turn[]): Sentence[] {
  const sentences: Sentence[] = [];
  turns.forEach((turn, index) => {
    if (turn.end <= turn.textStart) return;
    // Paragraph breaks are looked for inside the turn only: searching the rest of the body from
    // every turn made long transcripts without blank lines quadratic.
    const text = body.slice(turn.textStart, turn.end);
    let paragraphStart = turn.textStart;
    BLANK_LINE.lastIndex = 0;
    for (;;) {
      const m = BLANK_LINE.exec(text);
      const paragraphEnd = m === null ? turn.end : turn.textStart + m.index;
      for (const s of corrected(body, rawSentences(body, paragraphStart, paragraphEnd))) {
        sentences.push({ start: s.start, end: s.end, turn: index });
      }
      if (m === null) break;
      paragraphStart = turn.textStart + m.index + m[0].length;
    }
  });
  return sentences;
}
