/**
 * Subtitles as transcription services, Zoom and Teams export them (WebVTT, SubRip), read into
 * speaker turns. A cue is a few seconds of speech; the speaker is in a `<v Name>` voice tag
 * (Teams) or a `Name:` prefix (Zoom, most services). Consecutive cues of one speaker are one turn,
 * which keeps the time its first cue starts at; a cue without a speaker continues the turn before
 * it (services split long speech and name the speaker once).
 *
 * Read leniently, as players do: CRLF, a byte order mark, cue numbers or none, `,` or `.` before
 * the milliseconds, hours or none, styling tags. What cannot be read is reported with its line.
 */
import { isKnownLabel } from '../transcript/turns.js';
import type { Localized } from '../types.js';
import { decodeEntities } from './entities.js';

export interface Cue {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  speaker: string | null;
  text: string;
  /** 1-based line of the cue's timing line. */
  line: number;
}

export interface CaptionTurn {
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

export interface CaptionProblem {
  line: number;
  column: number;
  message: Localized;
}

export interface Captions {
  cues: Cue[];
  problems: CaptionProblem[];
}

const TIME = String.raw`(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s.*)?$`);

function seconds(h: string | undefined, m: string, s: string, ms: string | undefined): number {
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + (ms === undefined ? 0 : Number(ms.padEnd(3, '0')) / 1000);
}

/** `<v Name>`, `<v.loud Name>`: a voice; group 1 the name. */
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
/** Every other tag: `<i>`, `</v>`, `<c.yellow>`, `<00:00:01.000>`, SRT's `<font color=…>`. */
const TAGS = /<\/?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}/g;

/** The pieces of a cue's text, each with its voice (a cue may hold several voices). */
function voices(payload: string): { speaker: string | null; text: string }[] {
  const pieces: { speaker: string | null; text: string }[] = [];
  let speaker: string | null = null;
  let last = 0;
  const push = (raw: string) => {
    const text = decodeEntities(raw.replace(TAGS, '')).replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
    if (text !== '') pieces.push({ speaker, text });
  };
  VOICE.lastIndex = 0;
  for (let m = VOICE.exec(payload); m !== null; m = VOICE.exec(payload)) {
    push(payload.slice(last, m.index));
    speaker = m[1] === undefined ? null : decodeEntities(m[1]).replace(/\s+/g, ' ').trim() || null;
    last = m.index + m[0].length;
  }
  push(payload.slice(last));
  return pieces;
}

/**
 * A `Name:` prefix: a short name without sentence punctuation, then a colon and a space; after the
 * dash French subtitles open a change of speaker with (`- Intervieweur : Bonjour.`).
 */
const PREFIX = /^(?:[-–—][ \t]*)?([\p{L}\p{N}][^:.!?;,\n]{0,39}?)\s*:\s+(?=\S)/u;
/** A few words that open speech with a colon and are not speakers. */
const NOT_NAMES = new Set(['alors', 'bon', 'donc', 'mais', 'et', 'enfin', 'voilà', 'bref', 'so', 'well', 'note', 'nb', 'exemple', 'example']);

/** Reads a WebVTT or SubRip file's text (line feeds only: `normalizeText` first). */
export function parseCaptions(text: string, format: 'vtt' | 'srt'): Captions {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const problems: CaptionProblem[] = [];
  const cues: Cue[] = [];
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      problems.push({
        line: 1,
        column: 1,
        message: { en: 'a WebVTT file starts with the line WEBVTT', fr: 'un fichier WebVTT commence par la ligne WEBVTT' },
      });
      return { cues, problems };
    }
    i = 1;
  }
  const raw: { start: number; end: number; payload: string; line: number }[] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    const first = block[0]!;
    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(first)) continue;
    let t = block.findIndex((l) => l.includes('-->'));
    if (t === -1 || t > 1) {
      problems.push({
        line: blockStart + 1,
        column: 1,
        message: {
          en: 'no timing line (00:00:01.000 --> 00:00:04.000) in this block: it is left out',
          fr: 'aucune ligne de temps (00:00:01.000 --> 00:00:04.000) dans ce bloc : il est laissé de côté',
        },
      });
      continue;
    }
    const m = TIMING.exec(block[t]!);
    if (m === null) {
      problems.push({
        line: blockStart + t + 1,
        column: 1,
        message: { en: `unreadable timing line "${block[t]!.trim()}": the cue is left out`, fr: `ligne de temps illisible « ${block[t]!.trim()} » : le sous-titre est laissé de côté` },
      });
      continue;
    }
    const start = seconds(m[1], m[2]!, m[3]!, m[4]);
    const end = seconds(m[5], m[6]!, m[7]!, m[8]);
    raw.push({ start, end: Math.max(start, end), payload: block.slice(t + 1).join('\n'), line: blockStart + t + 1 });
    t = 0;
  }

  // `Name:` prefixes count as speakers when the same name opens at least two cues (or the only one),
  // or when it is a speaker label wherever it stands (`Infirmière Asalée`, `Patient 5`, `Dr Martin`).
  const prefixCounts = new Map<string, number>();
  const prefixOf = (payload: string): RegExpExecArray | null => {
    const m = PREFIX.exec(payload.replace(TAGS, ''));
    return m !== null && !NOT_NAMES.has(m[1]!.toLowerCase()) ? m : null;
  };
  for (const r of raw) {
    const m = prefixOf(r.payload);
    if (m) prefixCounts.set(m[1]!, (prefixCounts.get(m[1]!) ?? 0) + 1);
  }
  for (const r of raw) {
    for (const piece of voices(r.payload)) {
      let { speaker, text: said } = piece;
      if (speaker === null) {
        const m = PREFIX.exec(said);
        if (m !== null && ((prefixCounts.get(m[1]!) ?? 0) >= 2 || raw.length === 1 || isKnownLabel(m[1]!.trim())) && !NOT_NAMES.has(m[1]!.toLowerCase())) {
          speaker = m[1]!;
          said = said.slice(m[0].length);
        }
      }
      cues.push({ start: r.start, end: r.end, speaker, text: said, line: r.line });
    }
  }
  return { cues, problems };
}

/** Consecutive cues of one speaker as one turn (a cue without a speaker continues the turn before). */
export function mergeCues(cues: readonly Cue[]): CaptionTurn[] {
  const turns: CaptionTurn[] = [];
  for (const cue of cues) {
    const last = turns[turns.length - 1];
    if (last !== undefined && (cue.speaker === null || cue.speaker === last.speaker)) {
      last.text = `${last.text} ${cue.text}`;
      last.end = Math.max(last.end, cue.end);
    } else {
      turns.push({ start: cue.start, end: cue.end, speaker: cue.speaker, text: cue.text });
    }
  }
  return turns;
}

/** `hh:mm:ss`, as the transcript reader takes a timestamp before a label. */
export function clockTime(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
