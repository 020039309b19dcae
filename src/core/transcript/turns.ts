/**
 * Speaker turns: a line that starts with a speaker label (`P3 :`, `Enquêtrice :`, `**Q** :`,
 * `[00:01:23] Marie :`) opens a turn, which runs to the next label.
 *
 * To keep `Alors : voilà` in a paragraph from opening a turn, a label is accepted only if it
 * looks like one (a participant code such as `P3`, `MG4`, `E05`; a role such as `Enquêteur`,
 * `Participant 4`, `Dr Martin`; or a timestamp before it) or if it opens at least two lines.
 */
import type { SpeakerRole, Turn } from '../types.js';
import { foldLetters } from '../text/fold.js';

/** A turn with what `findTurns` also knows about unlabelled paragraphs. */
export interface TranscriptTurn extends Turn {
  /** For an unlabelled paragraph starting `4.` or `4)`: the question it answers. */
  questionNumber?: number;
}

const SPACE = '[ \\t\\u00a0\\u202f]';
const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}.'’-]*";
/**
 * At the start of a line: optional bullet, optional timestamp, optional `**`, the label
 * (1–4 words), optional details in parentheses (`MG4 (F, 52 ans)`), optional `**`, colon,
 * optional `**`, spaces.
 * Groups: 1 time, 2 opening bold, 3 label, 4 bold before the colon, 5 bold after it.
 */
const LABEL_LINE = new RegExp(
  `${SPACE}*(?:[-–—•]${SPACE}+)?` +
    `(?:[\\[(]?(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)[\\])]?${SPACE}*(?:[-–—]${SPACE}*)?)?` +
    `(\\*\\*)?(\\p{L}[\\p{L}\\p{M}\\p{N}.'’-]*(?:${SPACE}+${WORD}){0,3})(?:${SPACE}*\\([^()\\n:]{1,30}\\))?(\\*\\*)?${SPACE}*:(?!\\d|//)(\\*\\*)?${SPACE}*`,
  'uy',
);

const MAX_LABEL_LENGTH = 30;
/** A label's colon is never further into its line than this (bullet, timestamp, bold, label, spaces). */
const MAX_COLON_COLUMN = 80;

const LABEL_SPACES = /[ \u00a0\u202f]+/;
const HAS_DIGIT = /\d/;
const CAPITAL_START = /^\p{Lu}/u;

const folded = new Map<string, string>();

/** Lowercase without accents, for comparing labels (memoised: labels repeat). */
function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = foldLetters(s);
    if (folded.size > 10_000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/** Participant codes and one-letter roles: `P3`, `MG4`, `E05`, `IDE2`, `A 2`, `Q`, `R`, `MD`. */
const CODE = /^(?:[A-Z]{1,4}[ -]?\d{1,3}|[PERQIAM]|MG|MD|IDE|INT)$/;

const INTERVIEWER_WORDS = new Set(
  [
    'interviewer', 'intervieweur', 'intervieweuse', 'enqueteur', 'enquetrice', 'enqueteuse', 'investigateur',
    'investigatrice', 'chercheur', 'chercheuse', 'animateur', 'animatrice', 'moderateur', 'moderatrice', 'moderator',
    'facilitator', 'researcher', 'int', 'int.', 'moi', 'me', 'q', 'i', 'question', 'interne',
  ].map(fold),
);

/** Words that start a participant label, alone or followed by a number or a name. */
const PARTICIPANT_WORDS = new Set(
  [
    'participant', 'participante', 'patient', 'patiente', 'medecin', 'docteur', 'dr', 'dr.', 'pr', 'pr.', 'mg',
    'interviewe', 'interviewee', 'interrogee', 'interroge', 'repondant', 'repondante', 'respondent', 'reponse',
    'infirmier', 'infirmiere', 'ide', 'kine', 'kinesitherapeute', 'pharmacien', 'pharmacienne', 'aidant', 'aidante',
    'doctor', 'nurse', 'speaker', 'locuteur', 'locutrice', 'intervenant', 'intervenante', 'madame', 'monsieur',
    'mme', 'm.', 'mr', 'mrs', 'ms',
  ].map(fold),
);

/** Words that open a sentence followed by a colon in ordinary speech (`Alors : voilà`). */
const NOT_LABELS = new Set(
  [
    'alors', 'bon', 'donc', 'mais', 'et', 'enfin', 'voila', 'bref', 'puis', 'ensuite', 'apres', 'avant', 'oui', 'non',
    'ben', 'bah', 'eh', 'ah', 'oh', 'exemple', 'par exemple', 'note', 'nb', 'remarque', 'attention', 'resume',
    'conclusion', 'contexte', 'theme', 'sujet', 'date', 'duree', 'lieu', 'objectif', 'so', 'well', 'and', 'but', 'then',
    'yes', 'no', 'example', 'summary', 'http', 'https',
  ].map(fold),
);

/** What a line's label says (the parts of `LABEL_LINE` that `findTurns` uses). */
export interface LabelMatch {
  /** Timestamp before the label. */
  time: string | undefined;
  /** `**` before the label. */
  boldOpen: boolean;
  /** `**` after the label, before and after the colon (0–2). */
  boldClose: number;
  label: string;
  /** Where the label, its colon and the spaces after it end. */
  end: number;
}

const IS_LETTER = 1;
const IS_WORD_START = 2;
const IS_WORD_PART = 4;
const IS_SPACE = 8;
const CLASSIFIED = 16;
/** What each UTF-16 code unit may be in a label, filled in as characters are met. */
const labelClasses = new Uint8Array(0x10000);

function labelClass(code: number): number {
  let k = labelClasses[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = CLASSIFIED;
    if (code < 0xd800 || code > 0xdfff) {
      if (/\p{L}/u.test(ch)) k |= IS_LETTER;
      if (/[\p{L}\p{N}]/u.test(ch)) k |= IS_WORD_START;
      if (/[\p{L}\p{M}\p{N}.'’-]/u.test(ch)) k |= IS_WORD_PART;
      if (/[ \t\u00a0\u202f]/.test(ch)) k |= IS_SPACE;
    }
    labelClasses[code] = k;
  }
  return k;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/**
 * `LABEL_LINE` for the usual line, `Label words :` with no bullet, timestamp, bold or details,
 * read without the regex (it runs on every line with a colon); undefined when the line is not
 * that simple, null when it has no label.
 */
function simpleLabel(body: string, lineStart: number, lineEnd: number): LabelMatch | null | undefined {
  const first = body.charCodeAt(lineStart);
  if (isSurrogate(first) || (labelClass(first) & IS_LETTER) === 0) return undefined;
  let words = 1;
  let i = lineStart + 1;
  for (;;) {
    for (; i < lineEnd; i++) {
      const code = body.charCodeAt(i);
      if (isSurrogate(code)) return undefined;
      if ((labelClass(code) & IS_WORD_PART) === 0) break;
    }
    let j = i;
    while (j < lineEnd && (labelClass(body.charCodeAt(j)) & IS_SPACE) !== 0) j++;
    if (j === i || words === 4 || j === lineEnd) break;
    const code = body.charCodeAt(j);
    if (isSurrogate(code)) return undefined;
    if ((labelClass(code) & IS_WORD_START) === 0) break;
    words++;
    i = j + 1;
  }
  const labelEnd = i;
  while (i < lineEnd && (labelClass(body.charCodeAt(i)) & IS_SPACE) !== 0) i++;
  if (i === lineEnd) return null;
  const stop = body.charCodeAt(i);
  if (stop === 0x28 /* ( */ || stop === 0x2a /* * */ || isSurrogate(stop)) return undefined;
  if (stop !== 0x3a /* : */) return null;
  const next = body.charCodeAt(i + 1);
  if ((next >= 0x30 && next <= 0x39) || (next === 0x2f && body.charCodeAt(i + 2) === 0x2f)) return null;
  if (next === 0x2a && body.charCodeAt(i + 2) === 0x2a) return undefined;
  let end = i + 1;
  while (end < body.length && (labelClass(body.charCodeAt(end)) & IS_SPACE) !== 0) end++;
  return { time: undefined, boldOpen: false, boldClose: 0, label: body.slice(lineStart, labelEnd), end };
}

/**
 * The label opening the line [lineStart, lineEnd) of `body`, as `LABEL_LINE` reads it, or null.
 * `regexOnly` skips the shortcut for simple lines (to check that both agree).
 */
export function matchLabelLine(body: string, lineStart: number, lineEnd: number, regexOnly = false): LabelMatch | null {
  if (!regexOnly) {
    const simple = simpleLabel(body, lineStart, lineEnd);
    if (simple !== undefined) return simple;
  }
  LABEL_LINE.lastIndex = lineStart;
  const m = LABEL_LINE.exec(body);
  if (m === null) return null;
  return {
    time: m[1],
    boldOpen: m[2] !== undefined,
    boldClose: (m[4] !== undefined ? 1 : 0) + (m[5] !== undefined ? 1 : 0),
    label: m[3]!,
    end: m.index + m[0].length,
  };
}

interface Candidate {
  lineStart: number;
  label: string;
  time: string | undefined;
  afterLabel: number;
  known: boolean;
}

/** A participant code or a role word, alone or with a number or a name (`P3`, `Enquêtrice`, `Dr Martin`). */
export function isKnownLabel(label: string): boolean {
  if (CODE.test(label)) return true;
  const words = fold(label).split(LABEL_SPACES);
  const first = words[0] ?? '';
  if (words.length <= 3 && INTERVIEWER_WORDS.has(first) && (words.length === 1 || HAS_DIGIT.test(label))) return true;
  return words.length <= 3 && PARTICIPANT_WORDS.has(first);
}

/** `E` is the interviewer (enquêteur) beside `R` or any other speaker; alone, the one who speaks. */
function roleOf(label: string, distinctLabels: number): SpeakerRole {
  if (label === 'E') return distinctLabels > 1 ? 'interviewer' : 'participant';
  const first = fold(label).split(LABEL_SPACES)[0] ?? '';
  return INTERVIEWER_WORDS.has(first) ? 'interviewer' : 'participant';
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0xa0 || code === 0x202f || code === 0x0d;
}

function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(body.charCodeAt(e - 1))) e--;
  return e;
}

function skipSpace(body: string, start: number, end: number): number {
  let s = start;
  while (s < end && isSpace(body.charCodeAt(s))) s++;
  return s;
}

const QUESTION_NUMBER = /^(\d{1,3})[.)](?=[ \t\u00a0\u202f])/;

function isBlankSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x202f || code === 0x0d;
}

/** Where the spaces after `from` end. */
function skipBlankSpace(body: string, from: number): number {
  let j = from;
  while (j < body.length && isBlankSpace(body.charCodeAt(j))) j++;
  return j;
}

/**
 * Index of the first blank line (`\n`, spaces, `\n`) starting in [from, to), or -1. Unlike a
 * regex, it never reads past `to` to find none.
 */
function blankLine(body: string, from: number, to: number): number {
  for (let nl = body.indexOf('\n', from); nl !== -1 && nl < to; nl = body.indexOf('\n', nl + 1)) {
    if (body.charCodeAt(skipBlankSpace(body, nl + 1)) === 10) return nl;
  }
  return -1;
}

/** Unlabelled text between two offsets, as one turn per paragraph (paragraphs are split by blank lines). */
function paragraphs(body: string, from: number, to: number, role: SpeakerRole, out: TranscriptTurn[]): void {
  let start = from;
  for (;;) {
    const blank = blankLine(body, start, to);
    const stop = blank === -1 ? to : blank;
    const textStart = skipSpace(body, start, stop);
    if (textStart < stop) {
      const end = trimEnd(body, textStart, stop);
      const lineStart = body.lastIndexOf('\n', textStart - 1) + 1;
      const turn: TranscriptTurn = { start: Math.max(lineStart, start), end, speaker: null, role, textStart };
      const q = QUESTION_NUMBER.exec(body.slice(textStart, Math.min(end, textStart + 8)));
      if (q) turn.questionNumber = Number(q[1]);
      out.push(turn);
    }
    if (blank === -1) return;
    start = skipBlankSpace(body, blank + 1) + 1;
  }
}

/** The speaker turns of a transcript body, in order. */
export function findTurns(body: string): TranscriptTurn[] {
  const candidates: Candidate[] = [];
  const counts = new Map<string, number>();
  // Labels repeat on every turn: what depends on the label alone is worked out once.
  const labelFacts = new Map<string, { capital: boolean; known: boolean }>();
  let colon = body.indexOf(':');
  for (let lineStart = 0; lineStart < body.length && colon !== -1; ) {
    const nl = body.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? body.length : nl;
    if (colon < lineStart) colon = body.indexOf(':', lineStart);
    if (colon === -1) break;
    const m = colon < lineEnd && colon - lineStart <= MAX_COLON_COLUMN ? matchLabelLine(body, lineStart, lineEnd) : null;
    if (m !== null) {
      const { time, label, boldOpen } = m;
      let facts = labelFacts.get(label);
      if (facts === undefined) labelFacts.set(label, (facts = { capital: CAPITAL_START.test(label), known: isKnownLabel(label) }));
      if (label.length <= MAX_LABEL_LENGTH && m.boldClose === (boldOpen ? 1 : 0) && (facts.capital || time !== undefined)) {
        const afterLabel = Math.min(m.end, lineEnd);
        const known = facts.known || time !== undefined || boldOpen;
        candidates.push({ lineStart, label, time, afterLabel, known });
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    }
    lineStart = lineEnd + 1;
  }

  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (c.known || ((counts.get(c.label) ?? 0) >= 2 && !NOT_LABELS.has(fold(c.label)))) accepted.push(c);
  }

  const turns: TranscriptTurn[] = [];
  if (accepted.length === 0) {
    paragraphs(body, 0, body.length, 'participant', turns);
    return turns;
  }

  const distinct = new Set<string>();
  for (const c of accepted) distinct.add(c.label);
  const roles = new Map<string, SpeakerRole>();
  paragraphs(body, 0, accepted[0]!.lineStart, 'unknown', turns);
  for (let i = 0; i < accepted.length; i++) {
    const c = accepted[i]!;
    const next = accepted[i + 1]?.lineStart ?? body.length;
    const end = trimEnd(body, c.lineStart, next);
    const textStart = Math.min(skipSpace(body, c.afterLabel, next), end);
    let role = roles.get(c.label);
    if (role === undefined) roles.set(c.label, (role = roleOf(c.label, distinct.size)));
    const turn: TranscriptTurn = { start: c.lineStart, end, speaker: c.label, role, textStart };
    if (c.time !== undefined) turn.time = c.time;
    turns.push(turn);
  }
  return turns;
}

/** Whether the transcript is answers only: no speaker labels, paragraphs numbered by question. */
export function isAnswersOnly(turns: readonly TranscriptTurn[]): boolean {
  if (turns.length === 0 || turns.some((t) => t.speaker !== null)) return false;
  const numbered = turns.filter((t) => t.questionNumber !== undefined).length;
  return numbered >= 2 && numbered * 2 >= turns.length;
}

/**
 * A line opened by a label and a dash or a tab instead of a colon: `MG3 - Oui`, `Enquêtrice – Et…`,
 * `E⇥Bonjour` (a Word table's or a tab stop's layout), after an optional timestamp.
 * Groups: 1 what comes before the label (spaces, timestamp), 2 the label.
 */
export const DASH_LABEL_LINE =
  /^([ \t\u00a0]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t\u00a0]+)?)(\p{L}[\p{L}\p{M}\p{N}.'’]*(?:[ \u00a0]+[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’]*){0,2})(?:[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]+[-–—][ \t\u00a0]+)(?=\S)/gmu;

/**
 * Where a transcript seems to open its turns with a dash or a tab instead of a colon (`MG3 - …`,
 * `Enquêtrice⇥…`), which the reader does not take as labels: the offset of the first such line,
 * and the labels; null when it does not (fewer than three such lines, or fewer than two labels that are
 * participant codes or roles). Cheap: no turn is found.
 */
export function dashLabels(body: string): { offset: number; labels: string[] } | null {
  if (!/[\t–—-]/.test(body)) return null;
  const labels = new Map<string, number>();
  let offset = -1;
  let lines = 0;
  for (const m of dashLabelLines(body)) {
    const label = m[2]!;
    if (!isKnownLabel(label)) continue;
    if (offset === -1) offset = m.index + m[1]!.length;
    labels.set(label, (labels.get(label) ?? 0) + 1);
    lines++;
  }
  return labels.size >= 2 && lines >= 3 ? { offset, labels: [...labels.keys()] } : null;
}

/** `DASH_LABEL_LINE` tried at one place only (no `^`): at a line's start. */
const DASH_LABEL_AT = new RegExp(DASH_LABEL_LINE.source.slice(1), 'yu');

/**
 * The matches of `DASH_LABEL_LINE` in `body`, tried at each line's start rather than searched for
 * at every character (a match never runs past its line): what every reading of a transcript
 * pays. With line breaks other than LF, which the study's readers turn into LF, the search itself.
 */
export function dashLabelLines(body: string): RegExpExecArray[] {
  if (body.includes('\r') || body.includes('\u2028') || body.includes('\u2029')) return [...body.matchAll(DASH_LABEL_LINE)] as RegExpExecArray[];
  const found: RegExpExecArray[] = [];
  for (let at = 0; at <= body.length; ) {
    DASH_LABEL_AT.lastIndex = at;
    const m = DASH_LABEL_AT.exec(body);
    if (m !== null) found.push(m);
    const next = body.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
  }
  return found;
}

