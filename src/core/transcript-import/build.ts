/**
 * A transcript file of the study made from what an import read: front matter (id, interview date
 * and duration when known, the source file), then the text with its speaker labels in the study's
 * form. Pure: the command reads the files and writes the result.
 */
import { stringify } from 'yaml';
import { splitFrontMatter } from '../transcript/front-matter.js';
import type { AttributeValue, Language, Localized, Problem } from '../types.js';
import { parseDuration } from '../study/interview-duration.js';
import { parseInterviewDate } from '../study/interview-date.js';
import { participantIdKey } from '../study/participant-ids.js';
import { clockTime, mergeCues, parseCaptions } from './captions.js';
import { headerFacts, headerOf, type HeaderFacts, type UnclearValue } from './header.js';
import { labelFromName, labelPrefix, mappedLabel, relabel, type SpeakerMap } from './speakers.js';

/** What was read from a source file, by kind. */
export type SourceText =
  | { kind: 'text'; text: string }
  | { kind: 'captions'; format: 'vtt' | 'srt'; text: string }
  /** A document's paragraphs (Word, OpenDocument), soft line breaks as `\n`. */
  | { kind: 'document'; paragraphs: string[] };

export interface BuildInput {
  source: SourceText;
  /** The source file as the user named it (written in the front matter). */
  sourceFile: string;
  id: string;
  speakers: SpeakerMap;
  language: Language;
  /**
   * The front matter of the transcript this import replaces (--force): its id, date, duration
   * and attributes stay — the id the codings name, what was typed in by hand — and the new file
   * only fills what it has not.
   */
  replaced?: Record<string, AttributeValue>;
}

export interface BuiltTranscript {
  /** The participant id written in the front matter (the replaced transcript's, else `input.id`). */
  id: string;
  /** The transcript file's content. */
  text: string;
  /** Labels found, and what they were written as. */
  speakers: { label: string; written: string }[];
  /** Minutes, from the captions' last time (VTT/SRT). */
  duration?: number;
  /**
   * What the front matter took from the lines before the first speaker turn (« Date : 12/03/2025
   * — durée 42 min »): only fields that nothing else gave (the file's own front matter, a Zoom
   * file name, the subtitles' times).
   */
  fromHeader?: { date?: string; duration?: number };
  /**
   * Each value the front matter does not take because another source gave that attribute first
   * (the replaced transcript's front matter over everything the new file says): nothing is left
   * out without being said.
   */
  differences: ValueDifference[];
  /**
   * Replacing a transcript (--force): each attribute its front matter did not give (or left
   * empty) that the new file fills, but for those `fromHeader` names.
   */
  filled: { attribute: string; value: AttributeValue; from: ValueSource }[];
  /** What the user should know (unreadable cues, no speaker found…), positions in the source file. */
  problems: Problem[];
  /** Words of speech: 0 means the source held nothing to import. */
  empty: boolean;
}

/**
 * Where a front matter value comes from, first to last: the transcript an import replaces
 * (--force), the new file's own front matter, its file name (a Zoom date), its subtitles' times,
 * the lines before its first speaker.
 */
export type ValueSource = 'replaced-transcript' | 'front-matter' | 'file-name' | 'subtitles' | 'header';

/** An attribute given differently by two sources: the first is written, the other is not. */
export interface ValueDifference {
  attribute: string;
  kept: { value: AttributeValue; from: ValueSource };
  notKept: { value: AttributeValue; from: ValueSource };
}

/** `2024-03-12`, `20240312` (Zoom's `GMT20240312-…`) in a file name: the interview date. */
export function dateFromFileName(name: string): string | undefined {
  const m = /(?:^|[^\d])(20\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  return m === null ? undefined : `${m[1]}-${m[2]}-${m[3]}`;
}

function frontMatter(entries: [string, AttributeValue | undefined][]): string {
  const lines = ['---'];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    lines.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

export function buildTranscript(input: BuildInput): BuiltTranscript {
  const { source, language } = input;
  const problems: Problem[] = [];
  let body: string;
  let speakers: { label: string; written: string }[] = [];
  let duration: number | undefined;
  let attributes: Record<string, AttributeValue> = {};
  let ownId: string | undefined;
  const date = dateFromFileName(input.sourceFile.split(/[\\/]/).pop() ?? '');

  if (source.kind === 'captions') {
    const captions = parseCaptions(source.text, source.format);
    for (const p of captions.problems) {
      problems.push({ severity: 'warning', file: input.sourceFile, line: p.line, column: p.column, kind: 'import-caption', message: p.message });
    }
    const turns = mergeCues(captions.cues);
    const seen = new Map<string, string>();
    const hasSpeakers = turns.some((t) => t.speaker !== null);
    body = turns
      .map((t) => {
        if (t.speaker === null) return hasSpeakers ? labelPrefix('X', language, clockTime(t.start)) + t.text : t.text;
        let written = seen.get(t.speaker);
        if (written === undefined) seen.set(t.speaker, (written = mappedLabel(input.speakers, t.speaker) ?? labelFromName(t.speaker)));
        return labelPrefix(written, language, clockTime(t.start)) + t.text;
      })
      .join('\n\n');
    speakers = [...seen].map(([label, written]) => ({ label, written }));
    const last = captions.cues.reduce((max, c) => Math.max(max, c.end), 0);
    if (last > 0) duration = Math.max(1, Math.round(last / 60));
    if (!hasSpeakers && turns.length > 0) {
      problems.push({
        severity: 'warning',
        file: input.sourceFile,
        kind: 'import-no-speaker',
        message: {
          en: 'no speaker is named in the cues (no <v Name> and no "Name:"): the text is imported without speaker labels',
          fr: 'aucun locuteur n’est nommé dans les sous-titres (ni <v Nom> ni « Nom: ») : le texte est importé sans étiquettes de locuteur',
        },
      });
    }
  } else {
    let text = source.kind === 'document' ? source.paragraphs.join('\n\n') : source.text;
    if (source.kind === 'text') {
      const front = splitFrontMatter(text, input.sourceFile);
      problems.push(...front.problems);
      if (!front.problems.some((p) => p.severity === 'error')) {
        attributes = front.attributes;
        ownId = front.id;
        text = front.body;
      }
    }
    const relabelled = relabel(text.replace(/[ \t]+$/gm, '').replace(/^\n+/, '').trimEnd(), input.speakers, language);
    body = relabelled.body;
    speakers = relabelled.speakers;
  }

  const kept = input.replaced ?? {};
  const own = attributes;
  const facts: HeaderFacts = source.kind === 'captions' ? { unclear: [] } : headerFacts(headerOf(body), language);
  const differences: ValueDifference[] = [];
  /** Each attribute's value and where it comes from, in front matter order. */
  const taken = new Map<string, { value: AttributeValue; from: ValueSource }>();
  const pick = (attribute: string, offers: Offer[], same: (a: AttributeValue, b: AttributeValue) => boolean) => {
    const chosen = choose(attribute, offers, same, differences);
    if (chosen !== undefined) taken.set(attribute, chosen);
    return chosen;
  };
  const sameText = (a: AttributeValue, b: AttributeValue) => String(a).trim() === String(b).trim();
  /** The same value as `read` reads them both, else the same text. */
  const sameAs =
    <T>(read: (v: AttributeValue) => T | undefined) =>
    (a: AttributeValue, b: AttributeValue) => {
      const [x, y] = [read(a), read(b)];
      return x !== undefined && y !== undefined ? x === y : sameText(a, b);
    };
  const id = pick('id', [{ value: kept.id, from: 'replaced-transcript' }, { value: ownId, from: 'front-matter' }], sameText);
  const finalDate = pick(
    'date',
    [
      { value: kept.date, from: 'replaced-transcript' },
      { value: own.date, from: 'front-matter' },
      { value: date, from: 'file-name' },
      { value: facts.date, from: 'header' },
    ],
    sameAs((v) => parseInterviewDate(v) ?? undefined),
  );
  const finalDuration = pick(
    'duration',
    [
      { value: kept.duration, from: 'replaced-transcript' },
      { value: own.duration, from: 'front-matter' },
      { value: duration, from: 'subtitles' },
      { value: facts.duration, from: 'header' },
    ],
    sameAs((v) => {
      const minutes = parseDuration(v);
      return minutes === undefined ? undefined : Math.round(minutes);
    }),
  );
  const fromHeader: { date?: string; duration?: number } = {};
  if (finalDate?.from === 'header') fromHeader.date = facts.date!;
  if (finalDuration?.from === 'header') fromHeader.duration = facts.duration!;
  for (const unclear of facts.unclear) {
    // A date or duration the header leaves unclear matters only when nothing else gives one.
    if ((unclear.field === 'date' ? finalDate : finalDuration) === undefined) problems.push(headerUnclear(input.sourceFile, unclear));
  }
  // The other attributes, in the order of the replaced transcript's front matter, then the new file's.
  const rest: [string, AttributeValue][] = [];
  for (const key of new Set([...Object.keys(kept), ...Object.keys(own)])) {
    if (key === 'id' || key === 'date' || key === 'duration' || key === 'source') continue;
    const chosen = pick(key, [{ value: kept[key], from: 'replaced-transcript' }, { value: own[key], from: 'front-matter' }], sameText);
    // An attribute typed in but left empty (`sexe:`) stays so.
    rest.push([key, chosen === undefined ? (kept[key] ?? own[key] ?? null) : chosen.value]);
  }
  // Replacing a transcript: what its front matter lacked that the new file gives (the header's is said apart).
  const filled = [...taken].flatMap(([attribute, chosen]) =>
    input.replaced === undefined || chosen.from === 'replaced-transcript' || chosen.from === 'header' ? [] : [{ attribute, ...chosen }],
  );
  const head = frontMatter([
    ['id', id?.value ?? input.id],
    // Left empty in the replaced transcript (`date:`) and given by nothing else: left so.
    ['date', finalDate?.value ?? kept.date],
    ['duration', finalDuration?.value ?? kept.duration],
    ['source', input.sourceFile],
    ...rest,
  ]);
  const empty = !/\S/.test(body);
  return {
    id: String(id?.value ?? input.id),
    text: `${head}${body}\n`,
    speakers,
    ...(duration === undefined ? {} : { duration }),
    ...(Object.keys(fromHeader).length === 0 ? {} : { fromHeader }),
    differences,
    filled,
    problems,
    empty,
  };
}

/** A value a source gives for an attribute; undefined when it gives none. */
interface Offer {
  value: AttributeValue | undefined;
  from: ValueSource;
}

/** A value that says something: not missing, null or blank (`sexe:` left empty is filled). */
function given(value: AttributeValue | undefined): value is string | number | boolean {
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/**
 * The first value `offers` give for `attribute` (the one written); each other value, unless
 * `same` as it, goes to `differences` once.
 */
function choose(attribute: string, offers: readonly Offer[], same: (a: AttributeValue, b: AttributeValue) => boolean, differences: ValueDifference[]): { value: AttributeValue; from: ValueSource } | undefined {
  const present = offers.filter((o) => given(o.value)) as { value: AttributeValue; from: ValueSource }[];
  const first = present[0];
  if (first === undefined) return undefined;
  const said: AttributeValue[] = [];
  for (const other of present.slice(1)) {
    if (same(first.value, other.value) || said.some((v) => same(v, other.value))) continue;
    said.push(other.value);
    differences.push({ attribute, kept: first, notKept: other });
  }
  return first;
}

const FIELD: Record<'date' | 'duration', Localized> = { date: { en: 'date', fr: 'date' }, duration: { en: 'duration', fr: 'durée' } };

/** The header names a value that could not be taken. */
function headerUnclear(file: string, unclear: UnclearValue): Problem {
  const list = (language: Language) => unclear.written.map((w) => (language === 'fr' ? `«\u00a0${w}\u00a0»` : `"${w}"`)).join(language === 'fr' ? ' et ' : ' and ');
  const centuries = [...new Set(unclear.readings.map((r) => r.slice(0, 4)))];
  const why: Localized = {
    several: { en: `gives several ${unclear.field === 'date' ? 'dates' : 'durations'} (${list('en')})`, fr: `donnent plusieurs ${unclear.field === 'date' ? 'dates' : 'durées'} (${list('fr')})` },
    'day-month': { en: `gives the date ${list('en')}, which reads day first or month first`, fr: `donnent la date ${list('fr')}, qui se lit jour d’abord ou mois d’abord` },
    century: { en: `gives the date ${list('en')}, whose year in two digits may be ${centuries.join(' or ')}`, fr: `donnent la date ${list('fr')}, dont l’année en deux chiffres peut être ${centuries.join(' ou ')}` },
    'day-month-century': {
      en: `gives the date ${list('en')}, which reads day first or month first, and whose year in two digits may be ${centuries.join(' or ')}`,
      fr: `donnent la date ${list('fr')}, qui se lit jour d’abord ou mois d’abord, et dont l’année en deux chiffres peut être ${centuries.join(' ou ')}`,
    },
    clock: {
      en: `gives the duration ${list('en')}, which is an interview's length (5 minutes to 4 hours) neither as hours:minutes (${unclear.readings[0]} minutes) nor as minutes:seconds (${unclear.readings[1]})`,
      fr: `donnent la durée ${list('fr')}, qui n’est la durée d’un entretien (5 minutes à 4 heures) ni en heures:minutes (${unclear.readings[0]} minutes) ni en minutes:secondes (${unclear.readings[1]})`,
    },
  }[unclear.reason];
  return {
    severity: 'warning',
    file,
    kind: 'import-header',
    message: {
      en: `the header (the lines before the first speaker) ${why.en}: no ${FIELD[unclear.field].en} is written in the front matter`,
      fr: `les lignes avant le premier locuteur ${why.fr}\u00a0: aucune ${FIELD[unclear.field].fr} n’est écrite dans l’en-tête YAML`,
    },
    // The values it could be, as they would be written: not an example that happens to be one of them.
    hint: {
      en: `write the right one in the transcript's front matter: ${unclear.readings.map((r) => `${unclear.field}: ${r}`).join(' or ')}`,
      fr: `écrire la bonne dans l’en-tête YAML de la transcription : ${unclear.readings.map((r) => `${unclear.field}: ${r}`).join(' ou ')}`,
    },
  };
}

/**
 * The participant id a source file gives: its name without extension, without the characters a
 * file name may not hold (`Entretien MG3.docx` → `Entretien MG3`).
 */
export function transcriptIdFor(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return clean === '' ? 'transcription' : clean.slice(0, 100);
}

/** What an import decides for one source file. */
export type ImportDecision =
  | { file: string; action: 'write'; id: string; target: string; replaces: boolean }
  | { file: string; action: 'skip'; id: string; target: string; reason: 'exists' | 'same-id' };

/**
 * Where each source goes (`transcripts/<id>.txt`), and which are skipped: a transcript with that
 * id already exists (unless `force`), or an earlier source of the same import has the same id.
 * `existing` holds the study's transcript files by their name's `participantIdKey` (`mg3` →
 * `transcripts/MG3.md`): ids that differ only in case, spaces or accents' encoding are one.
 */
export function planTranscriptImport(files: readonly string[], existing: ReadonlyMap<string, string>, force: boolean): ImportDecision[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const id = transcriptIdFor(file.split(/[\\/]/).pop() ?? file);
    const key = participantIdKey(id);
    const current = existing.get(key);
    const target = current ?? `transcripts/${id}.txt`;
    if (taken.has(key)) return { file, action: 'skip', id, target, reason: 'same-id' };
    taken.add(key);
    if (current !== undefined && !force) return { file, action: 'skip', id, target, reason: 'exists' };
    return { file, action: 'write', id, target, replaces: current !== undefined };
  });
}

/** A transcript an import would write with an id another transcript already has. */
export interface IdTaken {
  /** The source file imported. */
  file: string;
  /** Where it would be written, and with which id. */
  target: string;
  id: string;
  /** The transcript of the study, or the file imported before it, that has that id. */
  owner: string;
  ownerInStudy: boolean;
}

/**
 * The imports (in order) whose id another transcript has: one of the study's (`study`: each
 * transcript file and its id, as `codage check` reads it), except the one the import replaces,
 * or one imported before it, by the rule `codage check` applies (`participantIdKey`: case, spaces
 * and accents' encoding aside): check would refuse the study afterwards, two transcripts of one
 * participant.
 */
export function takenIds(imports: readonly { file: string; target: string; id: string }[], study: readonly { file: string; id: string }[]): IdTaken[] {
  const owners = new Map<string, { file: string; inStudy: boolean }[]>();
  const add = (id: string, owner: { file: string; inStudy: boolean }) => owners.set(participantIdKey(id), [...(owners.get(participantIdKey(id)) ?? []), owner]);
  for (const t of study) add(t.id, { file: t.file, inStudy: true });
  const taken: IdTaken[] = [];
  for (const t of imports) {
    // The transcript it replaces is no other transcript: its id goes with it.
    const other = (owners.get(participantIdKey(t.id)) ?? []).find((o) => o.file.toLowerCase() !== t.target.toLowerCase());
    if (other !== undefined) taken.push({ ...t, owner: other.file, ownerInStudy: other.inStudy });
    else add(t.id, { file: t.file, inStudy: false });
  }
  return taken;
}
