/**
 * Words of speech, counted as Word counts them: a whitespace-separated token counts as one word
 * when it holds a letter or a digit. So `aujourd'hui`, `peut-être` and `l'hôpital` are one word
 * each, `—` and `…` are none. Labels (`P3 :`) and annotations (`*rire*`, `euh`) are not speech.
 */
import type { Annotation, Span, Turn } from '../types.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/;

const UNKNOWN = 0;
const SPACE = 1;
const WORDY = 2;
const OTHER = 3;

/** Class of each UTF-16 code unit, filled in as characters are met (surrogates stay UNKNOWN). */
const classes = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  classes[c] = SPACE_CHAR.test(String.fromCharCode(c)) ? SPACE : WORD_CHAR.test(String.fromCharCode(c)) ? WORDY : OTHER;
}

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const k = SPACE_CHAR.test(ch) ? SPACE : WORD_CHAR.test(ch) ? WORDY : OTHER;
  classes[c] = k;
  return k;
}

/** Class of a code unit not yet in `classes`: a surrogate is classed by its whole code point. */
function classAt(body: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return WORD_CHAR.test(String.fromCodePoint(body.codePointAt(i)!)) ? WORDY : OTHER;
  return classify(c);
}

/**
 * Words of speech in the transcript: inside the turns' text (after the label), outside
 * annotations. `annotations` must be sorted (as `findAnnotations` returns them). The ends of
 * each stretch between annotations split tokens.
 */
export function countWords(body: string, turns: readonly Turn[], annotations: readonly Annotation[]): number {
  let count = 0;
  let a = 0;
  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t]!;
    const end = turn.end;
    let i = turn.textStart;
    while (a < annotations.length && annotations[a]!.end <= i) a++;
    let k = a;
    // One pass over the turn, jumping over its annotations. 0: between tokens; 1: in a token
    // without letter or digit so far; 2: in a token already counted.
    let state = 0;
    for (;;) {
      const next = k < annotations.length ? annotations[k]!.start : end;
      const stop = Math.min(next , end);
      for (; i < stop; i++) {
        const c = body.charCodeAt(i);
        let kind = classes[c]!;
        if (kind === UNKNOWN) kind = classAt(body, i, c);
        if (kind === SPACE) state = 0;
        else if (state !== 2) {
          if (kind === WORDY) {
            count++;
            state = 2;
          } else state = 1;
        }
      }
      if (stop >= end || k >= annotations.length) break;
      const skipTo = annotations[k++]!.end;
      if (skipTo > i) i = skipTo;
      state = 0;
    }
  }
  return count;
}

/** What ends a web address: not the punctuation of the sentence after it (`ameli.fr.`, `(www.has-sante.fr)`). */
const ADDRESS_END = String.raw`[^\s<>«»"“”.,;:!?…)\]'’]`;
const ADDRESS_BODY = String.raw`[^\s<>«»"“”]*`;
/**
 * An address, one word whole: a web address (`https://…`, `www.…`, or a site said by its name,
 * `ameli.fr`, `solidarites-sante.gouv.fr/…`) or an e-mail address (`contact@chu-lille.fr`).
 */
const ADDRESS = [
  String.raw`(?:https?:\/\/|www\.)${ADDRESS_BODY}${ADDRESS_END}`,
  String.raw`[\p{L}\p{N}][\p{L}\p{N}._%+\-]*@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`,
  String.raw`[\p{L}\p{N}][\p{L}\p{N}\-]*(?:\.[\p{L}\p{N}\-]+)*\.(?:fr|com|org|net|eu|info|be|ch|ca|io|uk|de)(?:\/${ADDRESS_BODY}${ADDRESS_END})?(?![\p{L}\p{N}])`,
].join('|');
const WORD = new RegExp(String.raw`${ADDRESS}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*`, 'gu');
/** How far back a word cut by the range's start is looked for (the start of its token, at most this far). */
const TOKEN_BACK = 2048;

/**
 * Word boundaries for extending a selection word by word: every word touching [start, end),
 * whole (a word cut by `start` or `end` is returned entire). A word is a run of letters and
 * digits with inner apostrophes or hyphens (`aujourd'hui`, `peut-être`, `l'hôpital`), without
 * the punctuation around it — or a web or e-mail address, whole (`www.ameli.fr`,
 * `contact@chu-lille.fr`): the coding screen's `w` and `e` step over it in one move.
 */
export function wordSpans(body: string, start: number, end: number): Span[] {
  const clampedStart = Math.max(0, Math.min(start, body.length));
  const to = Math.max(clampedStart, Math.min(end, body.length));
  // From the start of the token holding `start`: its words read the same from wherever the range starts.
  let from = clampedStart;
  const limit = Math.max(0, from - TOKEN_BACK);
  while (from > limit && !/\s/u.test(body[from - 1]!)) from--;
  const spans: Span[] = [];
  const cursor = start >= end;
  WORD.lastIndex = from;
  for (let m = WORD.exec(body); m !== null; m = WORD.exec(body)) {
    if (m.index > to || (m.index === to && !cursor)) break;
    const wordEnd = m.index + m[0].length;
    if (cursor ? wordEnd >= to : wordEnd > clampedStart) spans.push({ start: m.index, end: wordEnd });
  }
  return spans;
}
