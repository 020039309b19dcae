/**
 * The speaker map proposed when imported files name their speakers (`Dr Martin`, `Claire
 * Petit`) instead of the study's codes: in each file, the speaker who asks the most questions is
 * the interviewer (`E`, unless the file already has an interviewer label), the others the
 * participant the file is about (`P3` from `entretien-P3.vtt`, `MG3` from `MG03.docx`), then
 * `P3b`, `P3c`… Each label comes with a line it says, so that the researcher knows who it is.
 * Pure.
 */
import { isKnownLabel } from '../transcript/turns.js';
import { looksLikeName } from './speakers.js';

export interface ImportedSpeakers {
  /** The transcript id the file becomes (`entretien-P3`). */
  id: string;
  /** The file as named on the command line. */
  file: string;
  /** The transcript's text as built (labels as written). */
  text: string;
  /** Each label of the file (as in the source) and how it is written. */
  speakers: readonly { label: string; written: string }[];
}

export interface SpeakerToMap {
  /** As in the source (`Sophie Bernard (Externe)`): the key of the map. */
  label: string;
  /** The files it speaks in. */
  files: string[];
  /** A line it says, from the first of those files. */
  example: string;
  proposed: string;
}

/** The participant code a transcript id suggests: `MG03` → `MG3`, `entretien-P3` → `P3`, `interview 7` → `P7`. */
export function participantCode(id: string, index: number): string {
  const code = /(?:^|[^\p{L}])(\p{L}{1,4})0*(\d{1,4})$/u.exec(id) ?? /^(\p{L}{1,4})0*(\d{1,4})$/u.exec(id);
  if (code) return `${code[1]!.toUpperCase()}${code[2]}`;
  // A short number alone (`interview 7`), not a date or a time (`GMT20240312-101500`).
  const digits = /(?<!\d)(\d{1,3})(?!\d)(?!.*\d)/u.exec(id);
  return `P${digits ? String(Number(digits[1])) : index + 1}`;
}

/** What `written` says: its turns' texts, in order. */
function turnsOf(text: string, written: string): string[] {
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^(?:\\[[0-9:]+\\] )?${escaped} ?: (.*)$`, 'gmu');
  return [...text.matchAll(re)].map((m) => m[1]!.trim());
}

export function proposeSpeakerMap(files: readonly ImportedSpeakers[]): SpeakerToMap[] {
  const out = new Map<string, SpeakerToMap>();
  files.forEach((f, index) => {
    const named = f.speakers.filter((s) => looksLikeName(s.written));
    if (named.length === 0) return;
    const code = participantCode(f.id, index);
    const hasInterviewer = f.speakers.some((s) => !looksLikeName(s.written) && isKnownLabel(s.written) && /^(?:e\d*|enqu|interv|q\b)/iu.test(s.written));
    const turns = new Map(named.map((s) => [s.label, turnsOf(f.text, s.written)]));
    const questions = (label: string): number => {
      const said = turns.get(label) ?? [];
      return said.length === 0 ? 0 : said.filter((t) => /\?\s*$/u.test(t)).length / said.length;
    };
    // The interviewer: the most questions (the first to speak on a tie); only among two or more.
    const interviewer = hasInterviewer || named.length < 2 ? undefined : [...named].sort((a, b) => questions(b.label) - questions(a.label))[0]!.label;
    let others = 0;
    for (const s of named) {
      const known = out.get(s.label);
      if (known !== undefined) {
        if (!known.files.includes(f.file)) known.files.push(f.file);
        continue;
      }
      const proposed = s.label === interviewer ? 'E' : others === 0 ? code : `${code}${String.fromCharCode(97 + Math.min(others, 25))}`;
      if (s.label !== interviewer) others++;
      out.set(s.label, { label: s.label, files: [f.file], example: turns.get(s.label)?.[0] ?? '', proposed });
    }
  });
  return [...out.values()];
}
