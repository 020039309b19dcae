/**
 * Speaker labels as the study writes them. A transcript arrives with `Interviewer:`,
 * `Dr Martin :`, `**Q** :` or a Teams voice `<v Marie Dupont>`; the study uses `E` and `P3`. A
 * speaker map (`Interviewer: E`, `Dr Martin: P3`) renames labels; every label line is written
 * the same way (`E : …` in French, `E: …` in English), which the transcript reader reads back.
 */
import { DASH_LABEL_LINE, findTurns, isKnownLabel } from '../transcript/turns.js';
import type { Language } from '../types.js';
import { foldLetters } from '../text/fold.js';

export type SpeakerMap = ReadonlyMap<string, string>;

function fold(s: string): string {
  return foldLetters(s).replace(/\s+/g, ' ').trim();
}

/** The label the map gives `speaker` (matched exactly, else without regard to case and accents), or undefined. */
export function mappedLabel(map: SpeakerMap, speaker: string): string | undefined {
  const exact = map.get(speaker);
  if (exact !== undefined) return exact;
  const key = fold(speaker);
  for (const [from, to] of map) if (fold(from) === key) return to;
  return undefined;
}

/**
 * A name as a label the reader takes back as it is: letters, digits, `.`, `'`, `’`, `-`, at most
 * four words and 30 characters (`Marie-Anne O'Neil, MD` → `Marie-Anne O'Neil MD`,
 * `Sophie Bernard (Externe)` → `Sophie Bernard`).
 */
export function labelFromName(name: string): string {
  const words = name
    .normalize('NFC')
    // Teams and Zoom add details in parentheses: `Sophie Bernard (Externe)`, `Marie (elle)`.
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .replace(/[^\p{L}\p{M}\p{N}.'’ -]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => w !== '');
  let label = '';
  for (const word of words.slice(0, 4)) {
    const next = label === '' ? word : `${label} ${word}`;
    if (next.length > 30) break;
    label = next;
  }
  if (label === '') return 'X';
  return /^\p{Ll}/u.test(label) ? label[0]!.toUpperCase() + label.slice(1) : label;
}

/** `E : ` in French (a space before the colon), `E: ` in English. */
export function labelPrefix(label: string, language: Language, time?: string): string {
  return `${time === undefined ? '' : `[${time}] `}${label}${language === 'fr' ? ' : ' : ': '}`;
}

export interface RelabelledText {
  body: string;
  /** Every label found, in order of first appearance, with what it became. */
  speakers: { label: string; written: string }[];
}

/**
 * `MG3 - …` and `E⇥…` lines written `MG3 : …`, so that the reader sees their turns. A label is
 * taken when it opens two lines or more in this form, or when it is a participant code or a role
 * (`MG3`, `E`, `Enquêtrice`, `Dr Martin`) in a file with no `Label :` turn — and only in a file where
 * one of them is a code or a role: `Bon - enfin` in speech stays as it is.
 */
export function colonLabels(body: string): string {
  const counts = new Map<string, number>();
  for (const m of body.matchAll(DASH_LABEL_LINE)) counts.set(m[2]!, (counts.get(m[2]!) ?? 0) + 1);
  if (counts.size === 0) return body;
  const known = [...counts.keys()].filter((label) => isKnownLabel(label));
  if (known.length === 0) return body;
  // In a file that already has `Label :` turns, a known word opening one line is more likely
  // speech — unless it is one of those labels (`Enquêtrice : …`, then once `Enquêtrice⇥…`).
  const colonLabels = new Set(findTurns(body).flatMap((t) => (t.speaker === null ? [] : [t.speaker])));
  const taken = new Set(
    [...counts].filter(([label, n]) => n >= 2 || colonLabels.has(label) || (colonLabels.size === 0 && known.includes(label))).map(([label]) => label),
  );
  if (taken.size === 0) return body;
  // Each line written `Label : …`, with where it starts in the new text and what it was.
  const changed: { start: number; colon: string; whole: string }[] = [];
  let shift = 0;
  const colon = body.replace(DASH_LABEL_LINE, (whole: string, before: string, label: string, offset: number) => {
    if (!taken.has(label)) return whole;
    const line = `${before}${label} : `;
    changed.push({ start: offset + shift, colon: line, whole });
    shift += line.length - whole.length;
    return line;
  });
  // Only the lines the transcript reader then opens a turn with keep their colon: a word it does
  // not take for a label (`So - what…` twice, `interviewer - …` in lower case) stays as written,
  // rather than left with a colon that is neither speech nor a label written the study's way.
  const read = new Set(findTurns(colon).flatMap((t) => (t.speaker === null ? [] : [t.start])));
  if (changed.every((c) => read.has(c.start))) return colon;
  const parts: string[] = [];
  let last = 0;
  for (const c of changed) {
    parts.push(colon.slice(last, c.start), read.has(c.start) ? c.colon : c.whole);
    last = c.start + c.colon.length;
  }
  parts.push(colon.slice(last));
  return parts.join('');
}

/** Rewrites each speaker label line of `body` through the map, in the study's form (see the module comment). */
export function relabel(source: string, map: SpeakerMap, language: Language): RelabelledText {
  const body = colonLabels(source);
  const turns = findTurns(body);
  const speakers = new Map<string, string>();
  const parts: string[] = [];
  let last = 0;
  for (const turn of turns) {
    if (turn.speaker === null) continue;
    const written = mappedLabel(map, turn.speaker) ?? turn.speaker;
    if (!speakers.has(turn.speaker)) speakers.set(turn.speaker, written);
    parts.push(body.slice(last, turn.start), labelPrefix(written, language, turn.time));
    last = turn.textStart;
  }
  parts.push(body.slice(last));
  return { body: parts.join(''), speakers: [...speakers].map(([label, w]) => ({ label, written: w })) };
}

/** A title before a name: `Dr Martin` is a known label form, and still a name. */
const TITLED_NAME = /^(?:dr\.?|pr\.?|docteur|professeur|mme|mlle|m\.|madame|monsieur|mr\.?|mrs\.?|ms\.?)\s+\p{L}/iu;

/** A label that may name someone: not a participant code or a role word (`E`, `P3`, `Enquêtrice`), or a title and a name. */
export function looksLikeName(label: string): boolean {
  return label !== 'X' && (!isKnownLabel(label) || TITLED_NAME.test(label));
}
