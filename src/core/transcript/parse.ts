/**
 * A transcript file's bytes → the transcript codings point into, plus what is worth saying
 * about the file. Sentences are not computed here (see `segmentSentences`): batch commands
 * do not need them.
 */
import { decodeTranscriptBytes, findMojibake, normalizeText, type Utf8Decoder } from '../text/decode.js';
import type { Annotation, Problem, Transcript, Turn } from '../types.js';
import { findAnnotations } from './annotations.js';
import { splitFrontMatter } from './front-matter.js';
import { dashLabels, findTurns } from './turns.js';

export interface ParseTranscriptInput {
  /** Path relative to the study folder, with forward slashes. */
  file: string;
  bytes: Uint8Array;
  /** Participant id when the front matter has none: the file name without extension. */
  defaultId: string;
  /** How to decode UTF-8 (default: `TextDecoder`); null means "not UTF-8". */
  decodeUtf8?: Utf8Decoder;
}

export interface ParsedTranscript {
  transcript: Transcript;
  problems: Problem[];
}

export function parseTranscript(input: ParseTranscriptInput): ParsedTranscript {
  const { file } = input;
  const decoded = decodeTranscriptBytes(input.bytes, input.decodeUtf8);
  const text = normalizeText(decoded.text);
  const front = splitFrontMatter(text, file);
  const problems: Problem[] = [];

  if (decoded.encoding === 'windows-1252') {
    problems.push({
      severity: 'info',
      file,
      kind: 'encoding-windows-1252',
      message: {
        en: 'Not valid UTF-8: read as Windows-1252.',
        fr: 'Pas en UTF-8 valide : lu comme du Windows-1252.',
      },
      hint: {
        en: 'Save the file as UTF-8 (in Word: "Plain Text", then "Unicode (UTF-8)"; in Notepad: "Save as", Encoding "UTF-8").',
        fr: 'Enregistrez le fichier en UTF-8 (dans Word : « Texte brut » puis « Unicode (UTF-8) » ; dans le Bloc-notes : « Enregistrer sous », codage « UTF-8 »).',
      },
    });
  }

  const mojibake = findMojibake(text);
  const first = mojibake[0];
  if (first !== undefined) {
    const more = mojibake.length - 1;
    problems.push({
      severity: 'warning',
      file,
      line: first.line,
      column: first.column,
      kind: 'mojibake',
      message: {
        en: `Garbled accents such as "${first.sample}"${more > 0 ? ` (and ${more} more)` : ''}: the text was converted to UTF-8 twice.`,
        fr: `Accents abîmés comme « ${first.sample} »${more > 0 ? ` (et ${more} autre${more > 1 ? 's' : ''})` : ''} : le texte a été converti deux fois en UTF-8.`,
      },
      hint: {
        en: 'Export the transcript again from the original document, saving as UTF-8 once; or replace "Ã©" with "é", "â€™" with "’", etc.',
        fr: 'Exportez de nouveau la transcription depuis le document d’origine en l’enregistrant une seule fois en UTF-8 ; ou remplacez « Ã© » par « é », « â€™ » par « ’ », etc.',
      },
    });
  }

  problems.push(...front.problems);

  const body = front.body;
  if (body.trim() === '') {
    problems.push({
      severity: 'warning',
      file,
      line: front.bodyLine,
      kind: 'empty-transcript',
      message: { en: 'The transcript is empty.', fr: 'La transcription est vide.' },
      hint: {
        en: 'Paste the interview text into the file (after the front matter, if any).',
        fr: 'Collez le texte de l’entretien dans le fichier (après l’en-tête, s’il y en a un).',
      },
    });
  }

  const dashed = dashLabels(body);
  if (dashed !== null) {
    const before = body.slice(0, dashed.offset);
    const newlines = before.split('\n').length - 1;
    const names = dashed.labels.slice(0, 4);
    problems.push({
      severity: 'warning',
      file,
      line: front.bodyLine + newlines,
      column: [...before.slice(before.lastIndexOf('\n') + 1)].length + 1,
      kind: 'dash-speaker-labels',
      message: {
        en: `Turns seem to open with ${names.map((l) => `"${l} -"`).join(', ')} (a dash or a tab, no colon): codage does not read them as speakers, so the interviewer's words count as the participant's.`,
        fr: `Les tours de parole semblent ouverts par ${names.map((l) => `«\u00a0${l} -\u00a0»`).join(', ')} (un tiret ou une tabulation, sans deux-points)\u00a0: codage ne les lit pas comme des locuteurs, et les mots de l’enquêteur comptent comme ceux du participant.`,
      },
      hint: {
        en: `Write each label with a colon ("${names[0]}: …"), or import the original file again: codage import FILE --force (it writes the labels so).`,
        fr: `Écrivez chaque étiquette avec deux-points («\u00a0${names[0]}\u00a0: …\u00a0»), ou importez de nouveau le fichier d’origine\u00a0: codage import FICHIER --force (il écrit les étiquettes ainsi).`,
      },
    });
  }

  const transcript = {
    id: front.id ?? input.defaultId,
    ...(front.id !== undefined && front.idPosition !== undefined ? { idPosition: front.idPosition } : {}),
    file,
    text: body,
    bodyLine: front.bodyLine,
    encoding: decoded.encoding,
    attributes: front.attributes,
    attributePositions: front.positions,
  } as Transcript;
  defineStructure(transcript, body);
  return { transcript, problems };
}

/**
 * `turns` and `annotations`, found on first use: `check` and `segments` never read them, and
 * finding them is a good part of reading a study. They are ordinary enumerable properties for
 * every reader (spread, JSON, equality), and assignable.
 */
function defineStructure(transcript: Transcript, body: string): void {
  let found: Turn[] | undefined;
  let turns: Turn[] | undefined;
  let annotations: Annotation[] | undefined;
  const foundTurns = (): Turn[] => (found ??= findTurns(body));
  Object.defineProperty(transcript, 'turns', {
    enumerable: true,
    configurable: true,
    get: (): Turn[] => turns ?? foundTurns(),
    set: (value: Turn[]) => {
      turns = value;
    },
  });
  Object.defineProperty(transcript, 'annotations', {
    enumerable: true,
    configurable: true,
    get: (): Annotation[] =>
      (annotations ??= findAnnotations(
        body,
        foundTurns().map((t) => ({ start: t.textStart, end: t.end })),
      )),
    set: (value: Annotation[]) => {
      annotations = value;
    },
  });
}
