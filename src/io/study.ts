import { DOCUMENT_EXTENSIONS, documentsNotRead } from '../core/study/documents-not-read.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseCoderFile } from '../core/codings/parse.js';
import { controlCharacterProblems } from '../core/study/control-characters.js';
import { validateCodings } from '../core/codings/validate.js';
import { UsageError } from '../core/errors.js';
import { compareNatural } from '../core/natural-sort.js';
import { completeInterruptedChanges, readCoderRemembered } from './study-change.js';
import { decodeStudyText, decodeUtf8Fast } from './study-text.js';
import { parseCodebookCached } from './codebook-cache.js';
import { leftTemporaryFileProblems } from './temp-files.js';
import { idsFromHead } from './transcript-id.js';
import { parseTranscript } from '../core/transcript/parse.js';
import { binaryTranscriptProblem } from '../core/text/binary.js';

export { decodeStudyText, decodeUtf8Fast };
import { attributeSource, mergeParticipants } from '../core/study/assemble.js';
import { interviewOrder } from '../core/study/interview-order.js';
import { parseStudyConfig } from '../core/study/config.js';
import { distinctParticipantIds, participantIdKey } from '../core/study/participant-ids.js';
import { durationProblems } from '../core/study/duration-problems.js';
import { parseParticipantsCsv, type ParticipantRow } from '../core/study/participants.js';
import { STUDY_FILES, type CoderEntry, type Study } from '../core/study/study.js';
import type { Codebook, Problem, StudyConfig, Transcript } from '../core/types.js';

export interface LoadOptions {
  /** Which coder files to read: all (default), or only these names. */
  coders?: 'all' | string[];
  /** Called as transcripts are read (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep what was read of codebook.yaml in the study's cache (io/codebook-cache.ts) when it is
   * not there yet. The cache is read by every command; a `--dry-run`, or a study read only to
   * take from it (`merge`), writes nothing.
   */
  keepCodebook?: boolean;
}

export function emptyCodebook(): Codebook {
  return { themes: [], ungrouped: [], byId: new Map() };
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function unreadable(file: string, error: unknown): Problem {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return {
    severity: 'error',
    file,
    kind: 'unreadable',
    message: { en: `cannot read this file (${reason})`, fr: `impossible de lire ce fichier (${reason})` },
    hint: { en: 'check that it exists and that you may read it', fr: "vérifier qu’il existe et que vous avez le droit de le lire" },
  };
}

/**
 * Names of the files directly in `dir` whose name ends with one of `extensions` (`.txt`), as
 * the glob `*.txt` finds them: no hidden files, symbolic links to files included, nothing when
 * the folder does not exist. (A glob library would cost more to load than this takes to run.)
 */
async function filesIn(dir: string, extensions: string[], ignoreCase: boolean): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const names: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    const compared = ignoreCase ? name.toLowerCase() : name;
    if (!extensions.some((extension) => compared.endsWith(extension))) continue;
    if (entry.isFile()) names.push(name);
    else if (entry.isSymbolicLink() && (await stat(join(dir, name)).then((s) => s.isFile(), () => false))) names.push(name);
  }
  return names;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Throws a usage error unless `root` is a study folder (it has `transcripts/`). Run from inside
 * one of a study's folders (`transcripts/`, `codings/`), it points to the study itself.
 */
export async function assertStudyFolder(root: string): Promise<void> {
  if (await isDirectory(join(root, STUDY_FILES.transcripts))) return;
  const parent = dirname(resolve(root));
  if (parent !== resolve(root) && (await isDirectory(join(parent, STUDY_FILES.transcripts)))) {
    const inside = basename(resolve(root));
    throw new UsageError(
      {
        en: `${resolve(root)} is not a study folder: it is the ${inside}/ folder of the study ${parent}`,
        fr: `${resolve(root)} n’est pas le dossier d’une étude : c’est le dossier ${inside}/ de l’étude ${parent}`,
      },
      {
        en: `run codage in ${parent} (cd ..), or add --study ${parent}`,
        fr: `lancer codage dans ${parent} (cd ..), ou ajouter --study ${parent}`,
      },
    );
  }
  throw new UsageError(
    { en: `${resolve(root)} is not a study folder: it has no transcripts/ folder`, fr: `${resolve(root)} n’est pas le dossier d’une étude : il n’a pas de dossier transcripts/` },
    {
      en: 'run codage in your study folder, give --study DIR, or create one with codage init',
      fr: 'lancer codage dans le dossier de votre étude, indiquer --study DOSSIER, ou en créer un avec codage init',
    },
  );
}

export async function readStudyConfig(root: string): Promise<{ config: StudyConfig; problems: Problem[] }> {
  const file = STUDY_FILES.config;
  try {
    const bytes = await readOptional(join(root, file));
    if (bytes === null) return { config: {}, problems: [] };
    return parseStudyConfig(decodeStudyText(bytes), file);
  } catch (error) {
    return { config: {}, problems: [unreadable(file, error)] };
  }
}

/**
 * The transcripts' files, as every reader lists them: `transcripts/*.txt` and `*.md`, in natural
 * order; and, from the same listing, the documents left beside them that are not transcripts yet.
 */
async function transcriptFolder(root: string): Promise<{ transcripts: string[]; documents: string[] }> {
  const names = await filesIn(join(root, STUDY_FILES.transcripts), ['.txt', '.md', ...DOCUMENT_EXTENSIONS], true);
  const paths = names.map((name) => `${STUDY_FILES.transcripts}/${name}`).sort(compareNatural);
  const isTranscript = (path: string) => /\.(?:txt|md)$/i.test(path);
  return { transcripts: paths.filter(isTranscript), documents: paths.filter((path) => !isTranscript(path)) };
}

/** The transcripts' files alone (see `transcriptFolder`). */
async function transcriptFiles(root: string): Promise<string[]> {
  return (await transcriptFolder(root)).transcripts;
}

/** One transcript file's bytes → the transcript (none for a document, image or program renamed .txt: reported, and not a participant). */
function transcriptOf(file: string, bytes: Buffer): { transcript?: Transcript; problems: Problem[] } {
  const binary = binaryTranscriptProblem(file, bytes);
  if (binary) return { problems: [binary] };
  return parseTranscript({ file, bytes, defaultId: basename(file, extname(file)), decodeUtf8: decodeUtf8Fast });
}

/**
 * Some participants' transcripts, each exactly as `loadStudy` reads it — the same file for an id
 * (the first in natural order when two have it), the same text — without reading the others': a
 * command that needs a few transcripts (`codage confirm`) does not read a study of 200 interviews.
 * An interrupted change is completed first, as `loadStudy` does. The files are listed now; a
 * transcript is read when first asked for (synchronously: under a study change's locks too), and
 * undefined when the study has none with that id.
 */
export async function transcriptsOnDemand(root: string): Promise<(id: string) => Transcript | undefined> {
  await assertStudyFolder(root);
  interruptedChanges(root);
  const files = await transcriptFiles(root);
  const heads = new Map<string, string[] | null>();
  const read = new Map<string, Transcript | undefined>();
  const found = new Map<string, Transcript | undefined>();
  const mayBe = (file: string, key: string): boolean => {
    if (!heads.has(file)) heads.set(file, idsFromHead(root, file));
    const ids = heads.get(file);
    return ids === null || ids === undefined || ids.some((other) => participantIdKey(other) === key);
  };
  const transcriptIn = (file: string): Transcript | undefined => {
    if (!read.has(file)) {
      let transcript: Transcript | undefined;
      try {
        transcript = transcriptOf(file, readFileSync(join(root, file))).transcript;
      } catch {
        transcript = undefined;
      }
      read.set(file, transcript);
    }
    return read.get(file);
  };
  const find = (id: string): Transcript | undefined => {
    const key = participantIdKey(id);
    for (const file of files) {
      if (!mayBe(file, key)) continue;
      const transcript = transcriptIn(file);
      if (transcript?.id === id) return transcript;
    }
    return undefined;
  };
  return (id) => {
    if (!found.has(id)) found.set(id, find(id));
    return found.get(id);
  };
}

async function readTranscripts(root: string, options: LoadOptions): Promise<{ transcripts: Transcript[]; problems: Problem[] }> {
  const { transcripts: files, documents } = await transcriptFolder(root);
  const problems: Problem[] = documentsNotRead(documents, files);
  const results: (Transcript | null)[] = new Array(files.length).fill(null);
  let done = 0;
  const batch = 32;
  for (let i = 0; i < files.length; i += batch) {
    await Promise.all(
      files.slice(i, i + batch).map(async (file, j) => {
        try {
          const read = transcriptOf(file, await readFile(join(root, file)));
          if (read.transcript) results[i + j] = read.transcript;
          problems.push(...read.problems);
        } catch (error) {
          problems.push(unreadable(file, error));
        }
        options.onProgress?.(++done, files.length);
      }),
    );
  }
  const distinct = distinctParticipantIds(results.filter((t): t is Transcript => t !== null));
  problems.push(...distinct.problems);
  const transcripts = distinct.transcripts;
  if (files.length === 0) {
    problems.push({
      severity: 'warning',
      file: `${STUDY_FILES.transcripts}/`,
      kind: 'no-transcripts',
      message: { en: 'no transcript yet (*.txt or *.md)', fr: 'aucune transcription pour le moment (*.txt ou *.md)' },
      hint: { en: 'put one file per interview in transcripts/', fr: 'déposer un fichier par entretien dans transcripts/' },
    });
  }
  return { transcripts, problems };
}

async function readParticipants(root: string): Promise<{ rows: ParticipantRow[]; columns: string[]; exists?: true; problems: Problem[] }> {
  const file = STUDY_FILES.participants;
  try {
    const bytes = await readOptional(join(root, file));
    if (bytes === null) return { rows: [], columns: [], problems: [] };
    const parsed = parseParticipantsCsv(decodeStudyText(bytes), file);
    return { rows: parsed.rows, columns: parsed.columns, exists: true, problems: parsed.problems };
  } catch (error) {
    return { rows: [], columns: [], problems: [unreadable(file, error)] };
  }
}

export async function readCodebook(root: string, options: { keep?: boolean } = {}): Promise<{ codebook: Codebook; source: string | null; problems: Problem[] }> {
  const file = STUDY_FILES.codebook;
  try {
    const bytes = await readOptional(join(root, file));
    if (bytes === null) return { codebook: emptyCodebook(), source: null, problems: [] };
    const source = decodeStudyText(bytes);
    const parsed = parseCodebookCached(root, source, file, options.keep === true);
    return { codebook: parsed.codebook, source, problems: parsed.problems };
  } catch (error) {
    return { codebook: emptyCodebook(), source: null, problems: [unreadable(file, error)] };
  }
}

/** Names of the coders that have a file in codings/. */
export async function listCoders(root: string): Promise<string[]> {
  const names = await filesIn(join(root, STUDY_FILES.codings), ['.yaml'], false);
  return names.map((name) => basename(name, extname(name))).sort(compareNatural);
}

/** `codings/*.yml` files: not read (a coder file is `<coder>.yaml`), so they are reported. */
async function strayCoderFiles(root: string): Promise<Problem[]> {
  const names = await filesIn(join(root, STUDY_FILES.codings), ['.yml'], false);
  return names.sort(compareNatural).map((name) => ({
    severity: 'warning',
    file: `${STUDY_FILES.codings}/${name}`,
    kind: 'coder-file-extension',
    message: { en: 'not read: coder files end in .yaml', fr: 'non lu : les fichiers de codeur se terminent par .yaml' },
    hint: {
      en: `rename it ${basename(name, '.yml')}.yaml (if that coder has no .yaml file already)`,
      fr: `le renommer ${basename(name, '.yml')}.yaml (si ce codeur n’a pas déjà un fichier .yaml)`,
    },
  }));
}

export async function readCoder(root: string, coder: string): Promise<{ entry: CoderEntry | null; problems: Problem[] }> {
  const file = `${STUDY_FILES.codings}/${coder}.yaml`;
  return readCoderRemembered(join(root, file), () => readCoderFile(root, file, coder));
}

async function readCoderFile(root: string, file: string, coder: string): Promise<{ entry: CoderEntry | null; problems: Problem[] }> {
  try {
    const bytes = await readOptional(join(root, file));
    if (bytes === null) return { entry: null, problems: [] };
    const parsed = parseCoderFile(decodeStudyText(bytes), file, coder);
    return {
      entry: { coder, file, coderFile: parsed.coderFile, kept: { invalid: parsed.invalid, extra: parsed.extra }, rewritable: parsed.rewritable },
      problems: parsed.problems,
    };
  } catch (error) {
    return { entry: null, problems: [unreadable(file, error)] };
  }
}

/**
 * Completes the change a codage killed between two renames left unfinished (see
 * study-change.ts), so that every command reads a consistent study; what was done, or why it
 * could not be, becomes a problem of the study.
 */
function interruptedChanges(root: string): Problem[] {
  const file = `${STUDY_FILES.internal}/journal/`;
  try {
    return completeInterruptedChanges(root).map((message) => ({ severity: 'info', file, kind: 'interrupted-change-completed', message }));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return [
      {
        severity: 'warning',
        file,
        kind: 'interrupted-change-pending',
        message: {
          en: `a change interrupted by a crash could not be completed (${reason})`,
          fr: `une modification interrompue par un arrêt brutal n’a pas pu être terminée (${reason})`,
        },
        hint: {
          en: 'run any codage command where you may write the study folder: it completes the change',
          fr: "lancer une commande codage là où vous avez le droit d’écrire dans le dossier de l’étude : elle termine la modification",
        },
      },
    ];
  }
}

/** Reads a whole study folder. Never throws for bad data: problems are collected and returned. */
export async function loadStudy(root: string, options: LoadOptions = {}): Promise<Study> {
  await assertStudyFolder(root);
  const recovered = interruptedChanges(root);
  const coderNames = options.coders === undefined || options.coders === 'all' ? await listCoders(root) : options.coders;
  const [configRead, transcriptsRead, participantsRead, codebookRead, coderReads, stray] = await Promise.all([
    readStudyConfig(root),
    readTranscripts(root, options),
    readParticipants(root),
    readCodebook(root, { keep: options.keepCodebook === true }),
    Promise.all(coderNames.map((coder) => readCoder(root, coder))),
    options.coders === undefined || options.coders === 'all' ? strayCoderFiles(root) : Promise.resolve([]),
  ]);
  const leftBehind = options.coders === undefined || options.coders === 'all' ? leftTemporaryFileProblems(root) : [];
  const problems: Problem[] = [
    ...recovered,
    ...configRead.problems,
    ...transcriptsRead.problems,
    ...participantsRead.problems,
    ...codebookRead.problems,
    ...stray,
    ...leftBehind,
  ];
  const merged = mergeParticipants(transcriptsRead.transcripts, participantsRead.rows);
  problems.push(...merged.problems);
  const rowById = new Map(participantsRead.rows.map((row) => [row.id, row]));
  const transcriptById = new Map(transcriptsRead.transcripts.map((t) => [t.id, t]));
  const order = interviewOrder({
    transcripts: transcriptsRead.transcripts,
    config: configRead.config,
    attributesOf: (id) => merged.participants.get(id)?.attributes ?? {},
    dateSourceOf: (id) => attributeSource(transcriptById.get(id)!, rowById.get(id), participantsRead.columns, 'date', STUDY_FILES.participants),
    configFile: STUDY_FILES.config,
  });
  problems.push(...order.problems);
  // A duration read two ways (`4:30`) or not at all is left out of the interviews' length, as an
  // unclear date is left out of their order: both said where they are written.
  problems.push(
    ...durationProblems({
      transcripts: transcriptsRead.transcripts,
      attributesOf: (id) => merged.participants.get(id)?.attributes ?? {},
      sourceOf: (id, key) => attributeSource(transcriptById.get(id)!, rowById.get(id), participantsRead.columns, key, STUDY_FILES.participants),
    }),
  );
  const coders: CoderEntry[] = [];
  for (const read of coderReads) {
    problems.push(...read.problems);
    if (read.entry) coders.push(read.entry);
  }
  problems.push(
    ...controlCharacterProblems({
      codebookFile: STUDY_FILES.codebook,
      codebook: codebookRead.codebook,
      transcripts: transcriptsRead.transcripts,
      coders: coders.map((c) => ({ coder: c.coder, file: c.file })),
    }),
    ...validateCodings(
      coders.map((c) => ({ file: c.file, coderFile: c.coderFile })),
      codebookRead.codebook,
      new Set(transcriptsRead.transcripts.map((t) => t.id)),
      // A YAML error in codebook.yaml hides the codes after it: they are not "unknown".
      { codebookRead: !codebookRead.problems.some((p) => p.kind === 'yaml-syntax' && p.severity === 'error') },
    ),
  );
  return {
    root,
    config: configRead.config,
    transcripts: order.ordered,
    interviewOrder: order.places,
    transcriptById: new Map(order.ordered.map((t) => [t.id, t])),
    participants: merged.participants,
    ...(participantsRead.exists ? { participantColumns: participantsRead.columns } : {}),
    codebook: codebookRead.codebook,
    codebookSource: codebookRead.source,
    coders,
    problems,
  };
}
