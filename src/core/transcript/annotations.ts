/**
 * Transcription marks kept in the text: `*rire*`, `(silence)`, `[inaudible]`, `[…]`, `euh`.
 * They are dimmed in the coding screen and left out of word counts.
 *
 * `*…*` and `[…]` (up to 40 characters on one line) are always annotations; `(…)` only when it
 * holds a known keyword, so that `(enfin, je crois)` stays speech.
 */
import type { Annotation, AnnotationKind, Span } from '../types.js';
import { foldLetters } from '../text/fold.js';

const fold = foldLetters;

const KEYWORDS: ReadonlyArray<readonly [AnnotationKind, readonly string[]]> = [
  ['laughter', ['rire', 'rires', 'rit', 'rient', 'riant', 'rieur', 'sourire', 'sourires', 'sourit', 'rigole', 'rigolade',
    'laugh', 'laughs', 'laughter', 'laughing', 'chuckle', 'chuckles', 'giggles', 'smiles']],
  ['silence', ['silence', 'silences', 'pause', 'pauses', 'blanc', 'temps', 'silent']],
  ['inaudible', ['inaudible', 'inaudibles', 'incomprehensible', 'incomprehensibles', 'inintelligible', 'inaud',
    'unintelligible', 'crosstalk', 'indistinct', 'unclear', 'chevauchement', 'brouhaha', 'coupure', 'grésillement']],
  ['hesitation', ['hesitation', 'hesitations', 'hesite', 'hesitant', 'hesitante', 'euh', 'heu', 'hum', 'mmh', 'mh', 'hmm',
    'hesitates', 'um', 'uh']],
  ['nonverbal', ['soupir', 'soupirs', 'soupire', 'sigh', 'sighs', 'tousse', 'toux', 'cough', 'coughs', 'raclement',
    'se racle', 'pleure', 'pleurs', 'larmes', 'emu', 'emue', 'emotion', 'cries', 'crying', 'geste', 'gestes', 'mime',
    'hoche', 'nods', 'acquiesce', 'claque', 'tape', 'frappe', 'applaudit', 'bruit', 'bruits', 'telephone', 'sonnerie',
    'interruption', 'interrompu', 'interrompue', 'porte', 'rougit', 'baille', 'souffle', 'siffle', 'claps', 'noise',
    'phone', 'ironique', 'ironie']],
  ['editorial', ['...', '…', 'nom', 'prenom', 'ville', 'lieu', 'anonymise', 'anonymisee', 'anonymisation', 'x', 'xx',
    'xxx', 'sic', 'coupe', 'omission', 'name', 'redacted']],
];

const KIND_OF = new Map<string, AnnotationKind>();
for (const [kind, words] of KEYWORDS) for (const w of words) KIND_OF.set(fold(w), kind);

interface KeywordMatch {
  kind: AnnotationKind;
  /** Number of words in the content. */
  words: number;
  /** Whether the keyword is the first word. */
  first: boolean;
}

const keywordCache = new Map<string, KeywordMatch | null>();

/** `findKeyword`, memoised: the same marks come back hundreds of times in a study. */
function keywordKind(content: string): KeywordMatch | undefined {
  let found = keywordCache.get(content);
  if (found === undefined) {
    found = findKeyword(content) ?? null;
    if (keywordCache.size > 10_000) keywordCache.clear();
    keywordCache.set(content, found);
  }
  return found ?? undefined;
}

/** Kind of the first known keyword among the words of an annotation's content, or undefined. */
function findKeyword(content: string): KeywordMatch | undefined {
  const trimmed = content.trim();
  if (trimmed === '...' || trimmed === '…' || /^[.…]+$/.test(trimmed)) return { kind: 'editorial', words: 1, first: true };
  const words = fold(trimmed).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const kind = KIND_OF.get(words[i]!);
    if (kind !== undefined) return { kind, words: words.length, first: i === 0 };
  }
  return undefined;
}

/**
 * `*…*`, `[…]`, `(…)`. Groups: 1 star content, 2 square content, 3 round content. Stars must not
 * be part of `**bold**` nor inside a word, and must hug their content like Markdown emphasis.
 * Each branch starts with its bracket so that the engine skips quickly to candidates.
 */
const BRACKETED = new RegExp(
  [
    '\\*(?<![*\\p{L}\\p{N}]\\*)(?!\\*)(?=\\S)([^*\\n]{1,40}?)(?<=\\S)\\*(?![*\\p{L}\\p{N}])',
    '\\[([^\\[\\]\\n]{1,40})\\]',
    '\\(([^()\\n]{1,40})\\)',
  ].join('|'),
  'gu',
);

/**
 * `euh`, `heu`, `hum`, `mmh`, `mh`, `hmm` (and English `uh`, `um`, `erm`), stretched or not.
 * ASCII `\\b` is fast; `isWordEdge` then rejects neighbours `\\b` does not know (`é`, `’`, `-`).
 */
const HESITATION =
  /\b(?:[eE]+[uU]+[hH]+|[hH]+[eE]+[uU]+[hH]*|[hH]+[uU]+[mM]+|[hH]+[mM]+|[mM]+[hH]+|[uU]+[hH]+|[uU]+[mM]+|[eE]+[rR]+[mM]+)\b/g;
const WORD_NEIGHBOUR = /[\p{L}\p{M}\p{N}'’-]/u;

function isWordEdge(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !WORD_NEIGHBOUR.test(text[index]!);
}

/** Whether a `(…)` content is an annotation: a keyword first, or a keyword in at most two words. */
function roundKind(content: string): AnnotationKind | undefined {
  const k = keywordKind(content);
  if (k === undefined) return undefined;
  return k.first || k.words <= 2 ? k.kind : undefined;
}

function scan(text: string, offset: number, out: Annotation[]): void {
  // Most stretches of speech have no mark at all: `indexOf` says so far faster than the regex.
  const marked = text.indexOf('*') !== -1 || text.indexOf('[') !== -1 || text.indexOf('(') !== -1;
  BRACKETED.lastIndex = 0;
  for (let m = marked ? BRACKETED.exec(text) : null; m !== null; m = BRACKETED.exec(text)) {
    let kind: AnnotationKind | undefined;
    if (m[1] !== undefined) kind = keywordKind(m[1])?.kind ?? 'nonverbal';
    else if (m[2] !== undefined) kind = keywordKind(m[2])?.kind ?? 'editorial';
    else kind = roundKind(m[3]!);
    if (kind === undefined) {
      // `(enfin, je crois)` is speech, but a mark may sit inside it: look again from its first character.
      BRACKETED.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, kind });
  }
  HESITATION.lastIndex = 0;
  for (let m = HESITATION.exec(text); m !== null; m = HESITATION.exec(text)) {
    const end = m.index + m[0].length;
    if (isWordEdge(text, m.index - 1) && isWordEdge(text, end)) {
      out.push({ start: offset + m.index, end: offset + end, kind: 'hesitation' });
    }
  }
}

/** A Markdown heading line: one to six `#`, a space, the title. */
const HEADING = /^#{1,6}[ \t][^\n]*/gm;

/** One time as transcripts write it: `00:12:30`, `1:02:03.450`, `[00:13:02]`, `(12:30)`. */
const TIME = String.raw`[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`;
/**
 * A line holding nothing but a time, or a subtitle timing (`00:01:02,000 --> 00:01:05,500`), as
 * pasted from a recording or a transcription service: a mark of the recording, not speech.
 */
const TIMESTAMP_LINE = new RegExp(String.raw`^[ \t]*(${TIME}(?:[ \t]*-->[ \t]*${TIME})?)[ \t]*$`, 'gm');

/**
 * Annotations in `body`, sorted and non-overlapping. With `spans` (e.g. the turns' spoken
 * text), only annotations lying wholly inside one of them are found, so that `**Q** :` or a
 * timestamp label is never taken for one.
 */
export function findAnnotations(body: string, spans?: readonly Span[]): Annotation[] {
  const found: Annotation[] = [];
  if (spans === undefined) scan(body, 0, found);
  else for (const span of spans) if (span.end > span.start) scan(body.slice(span.start, span.end), span.start, found);
  // A Markdown heading (`# Entretien P6`, a transcript written in Markdown) is a title, not speech.
  if (body.indexOf('#') !== -1) {
    HEADING.lastIndex = 0;
    for (let m = HEADING.exec(body); m !== null; m = HEADING.exec(body)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (spans === undefined || spans.some((s) => s.start <= start && end <= s.end)) found.push({ start, end, kind: 'editorial' });
    }
  }
  if (body.indexOf(':') !== -1) {
    TIMESTAMP_LINE.lastIndex = 0;
    for (let m = TIMESTAMP_LINE.exec(body); m !== null; m = TIMESTAMP_LINE.exec(body)) {
      const start = m.index + m[0].indexOf(m[1]!);
      const end = start + m[1]!.length;
      if (spans === undefined || spans.some((s) => s.start <= start && end <= s.end)) found.push({ start, end, kind: 'editorial' });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Annotation[] = [];
  let reached = -1;
  for (const a of found) {
    if (a.start >= reached) {
      result.push(a);
      reached = a.end;
    }
  }
  return result;
}
