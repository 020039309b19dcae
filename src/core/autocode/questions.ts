/**
 * Structural coding by question (`codage autocode --by-question`): every answer coded with the
 * question it answers, so that a researcher can read all the answers to one question across
 * interviews (`codage quotes Q4`).
 *
 * Two kinds of transcripts are understood:
 * - answers only, numbered by question (`4. Relativement fréquent…`, `Q4) …`): the text after
 *   each number, up to the next one, answers that question;
 * - interviews with the interviewer's turns: each participant turn answers the last question
 *   asked. With an interview guide (a text file, questions numbered `1.` `2.` … or each ending
 *   with `?`), each interviewer turn is matched to the guide question it shares the most words
 *   with; a turn that matches none (a prompt, « Et alors ? ») keeps the question before it.
 *   Without a guide, the interviewer's questions are numbered in the order of each interview.
 */
import { stemsOf } from '../text/stems.js';
import { LineNumbers } from '../text/lines.js';
import type { Span, Transcript } from '../types.js';

export interface GuideQuestion {
  number: number;
  /** The question as written in the guide (its prompts after it, if any, are in `words` only). */
  text: string;
  /** Folded content words of the question and its prompts, for matching. */
  words: Set<string>;
}

export interface QuestionPassage extends Span {
  participant: string;
  question: number;
  text: string;
  line: number;
}

const NUMBERED = /^[ \t]*(?:Q(?:uestion)?[ \t]*)?(\d{1,3})[ \t]*[.)°:–-][ \t]+(?=\S)/gimu;
const BULLET = /^\s*(?:[-•*–]|\d{1,3}[a-z][.)])\s+/u;

/** A text's content-word stems (see core/text/stems.ts). */
function contentWords(text: string): Set<string> {
  return new Set(stemsOf(text));
}

/** The questions of an interview guide, numbered as written (or in order when they are not). */
export function parseGuide(text: string): GuideQuestion[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const numbered: GuideQuestion[] = [];
  for (const line of lines) {
    const m = /^[ \t]*(?:Q(?:uestion)?[ \t]*)?(\d{1,3})[ \t]*[.)°:–-][ \t]+(\S.*)$/iu.exec(line);
    if (m) {
      numbered.push({ number: Number(m[1]), text: (m[2] as string).trim(), words: contentWords(m[2] as string) });
      continue;
    }
    const last = numbered[numbered.length - 1];
    // A prompt under a numbered question (a bullet, or an indented line) helps to recognise it.
    if (last !== undefined && line.trim() !== '' && (BULLET.test(line) || /^\s/.test(line))) for (const w of contentWords(line)) last.words.add(w);
  }
  if (numbered.length > 0) return numbered;
  return lines
    .map((l) => l.replace(BULLET, '').trim())
    .filter((l) => l.endsWith('?'))
    .map((l, i) => ({ number: i + 1, text: l, words: contentWords(l) }));
}

/** `Q4` or, with the guide's question, `Q4 — Comment gérez-vous la douleur` (its first words). */
export function questionCodeName(number: number, question?: string): string {
  if (question === undefined) return `Q${number}`;
  const words = question.replace(/[?!.…:;,«»"“”]+/gu, ' ').trim().split(/\s+/u);
  const head = words.slice(0, 6).join(' ');
  return `Q${number} — ${head}${words.length > 6 ? '…' : ''}`;
}

/** Words found in more than a third of the guide's questions (« patients », « douleur »): they tell no question apart. */
const commonWords = new WeakMap<readonly GuideQuestion[], Set<string>>();

function commonIn(guide: readonly GuideQuestion[]): Set<string> {
  let common = commonWords.get(guide);
  if (common === undefined) {
    const count = new Map<string, number>();
    for (const q of guide) for (const w of q.words) count.set(w, (count.get(w) ?? 0) + 1);
    common = new Set([...count].filter(([, n]) => guide.length >= 3 && n > guide.length / 3).map(([w]) => w));
    commonWords.set(guide, common);
  }
  return common;
}

/**
 * Which guide question an interviewer turn asks, or null for a prompt that matches none: the
 * question sharing the largest part of the smaller word set, when it shares at least half of it
 * (one word of two), or a third with two words or more.
 */
export function matchQuestion(turnText: string, guide: readonly GuideQuestion[]): number | null {
  const common = commonIn(guide);
  const words = [...contentWords(turnText)].filter((w) => !common.has(w));
  if (words.length === 0) return null;
  let best: { number: number; score: number } | null = null;
  for (const q of guide) {
    const size = [...q.words].filter((w) => !common.has(w)).length;
    if (size === 0) continue;
    let shared = 0;
    for (const w of words) if (q.words.has(w)) shared++;
    const score = shared / Math.min(words.length, size);
    const enough = (shared >= 1 && score >= 0.5) || (shared >= 2 && score >= 0.34);
    if (enough && (best === null || score > best.score)) best = { number: q.number, score };
  }
  return best?.number ?? null;
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** The answers of an answers-only transcript numbered by question. */
function numberedAnswers(transcript: Transcript): QuestionPassage[] {
  const text = transcript.text;
  const lines = new LineNumbers(text, transcript.bodyLine);
  // Only numbers that go up as questions do (1, 2, 3… with a few skipped): a line that starts
  // with "10 - 15 patients par jour" inside an answer is not question 10.
  const marks: { question: number; at: number; textStart: number }[] = [];
  for (const m of text.matchAll(NUMBERED)) {
    const question = Number(m[1]);
    const last = marks[marks.length - 1]?.question ?? 0;
    if (question > last && question <= last + 3) marks.push({ question, at: m.index, textStart: m.index + m[0].length });
  }
  const out: QuestionPassage[] = [];
  marks.forEach((mark, i) => {
    const next = marks[i + 1]?.at ?? text.length;
    const span = trimmed(text, mark.textStart, next);
    if (span.end > span.start) out.push({ participant: transcript.id, question: mark.question, ...span, text: text.slice(span.start, span.end), line: lines.lineOf(span.start) });
  });
  return out;
}

export interface QuestionPlan {
  participant: string;
  /** How the questions were found: numbered answers, or the interviewer's turns. */
  method: 'numbered' | 'interviewer' | 'none';
  passages: QuestionPassage[];
  /** Interviewer turns that matched no guide question (kept with the question before them). */
  prompts: number;
}

/** The answers of one transcript, each with its question number (see the module comment). */
export function answersByQuestion(transcript: Transcript, guide: readonly GuideQuestion[] | null): QuestionPlan {
  const interviewer = transcript.turns.filter((t) => t.role === 'interviewer');
  if (interviewer.length === 0) {
    const passages = numberedAnswers(transcript);
    return { participant: transcript.id, method: passages.length > 0 ? 'numbered' : 'none', passages, prompts: 0 };
  }
  const text = transcript.text;
  const lines = new LineNumbers(text, transcript.bodyLine);
  const passages: QuestionPassage[] = [];
  let current: number | null = null;
  let asked = 0;
  let prompts = 0;
  for (const turn of transcript.turns) {
    const spoken = text.slice(turn.textStart, turn.end);
    if (turn.role === 'interviewer') {
      if (guide !== null) {
        const matched = matchQuestion(spoken, guide);
        if (matched !== null) current = matched;
        else prompts++;
      } else if (spoken.includes('?')) {
        current = ++asked;
      }
      continue;
    }
    if (current === null) continue;
    const span = trimmed(text, turn.textStart, turn.end);
    if (span.end > span.start) passages.push({ participant: transcript.id, question: current, ...span, text: text.slice(span.start, span.end), line: lines.lineOf(span.start) });
  }
  return { participant: transcript.id, method: 'interviewer', passages, prompts };
}
