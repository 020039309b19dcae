import * as fs from 'node:fs';
import { join, resolve } from 'node:path';
import { addCode, addTheme, removeCode } from '../../core/codebook/edit.js';
import { parseCodebook } from '../../core/codebook/parse.js';
import { type Memos, memoLine, memoOf } from '../../core/memo/memo.js';
import { readMemos } from '../../io/memos.js';
import { coderSuggestions } from '../../tui/suggestions.js';
import { refuseErrorsIn } from '../study-checks.js';
import { uniqueSegmentId } from '../../core/codings/ids.js';
import { replaceTranscriptSegments } from '../../core/codings/replace-transcript.js';
import { DataError, UsageError } from '../../core/errors.js';
import { anchorCodings, transcriptOffsets, type AnchoredSegment } from '../../core/study/anchor-codings.js';
import { codedShare } from '../../core/analysis/speech.js';
import { transcriptToOpen } from '../../core/study/next-transcript.js';
import { openingNotices } from '../../core/study/opening-notices.js';
import { lastOpened, readShare, savedReading, withReading } from '../../core/study/reading.js';
import { placePosition, stampPosition } from '../../core/study/reading-place.js';
import type { ResolvedCoder } from '../../core/study/coder-name.js';
import { coderFilePath, STUDY_FILES, type CoderEntry } from '../../core/study/study.js';
import { wordSpans } from '../../core/transcript/words.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { Codebook, CoderFile, Localized, Segment, Transcript } from '../../core/types.js';
import { openSentenceCache } from '../../io/sentence-cache.js';
import { readSessionState, writeSessionStateSync } from '../../io/session-state.js';
import { codebookWatcher, editCodebookFileSync, lockCoderFile } from '../../io/store.js';
import { changeStudy, refusalFor } from '../../io/study-change.js';
import { assertStudyFolder, listCoders, loadStudy, readCoder, readStudyConfig } from '../../io/study.js';
import type { CodingAppProps, NewCodeRequest, ScreenPosition, TranscriptEntry } from '../../tui/CodingApp.js';
import { resolveCoder } from '../coder.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { loadScreen } from '../screen-bundle.js';

interface CodeOptions {
  study: string;
  coder?: string;
  /** False with --no-mouse. */
  mouse?: boolean;
}

/** Who is coding: --coder, else CODAGE_CODER, else `coder:` in codage.yaml. */
function coderName(option: string | undefined, configured: string | undefined): string {
  const coder = (option ?? process.env.CODAGE_CODER ?? configured ?? '').trim();
  if (coder === '') {
    throw new UsageError(
      { en: 'who is coding? No coder name was given', fr: 'qui code ? Aucun nom de codeur indiqué' },
      {
        en: 'add --coder NAME (or set CODAGE_CODER, or "coder: NAME" in codage.yaml)',
        fr: 'ajouter --coder NOM (ou définir CODAGE_CODER, ou « coder: NOM » dans codage.yaml)',
      },
    );
  }
  return coder;
}

type CodingScreen = typeof import('../../tui/run.js');

function loadCodingScreen(): Promise<CodingScreen> {
  return loadScreen('run', () => import('../../tui/run.js'));
}

export async function run(baseCtx: CommandContext, participant: string | undefined, options: CodeOptions): Promise<number> {
  const root = resolve(options.study);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      {
        en: 'codage code needs an interactive terminal, and its input or output is not one (a pipe, a file or CI)',
        fr: "codage code a besoin d’un terminal interactif, et son entrée ou sa sortie n’en est pas un (tube, fichier ou CI)",
      },
      {
        en: 'run it in a terminal window; without a terminal use codage segments (list codings), codage stats, or codage import-codings (from a spreadsheet)',
        fr: 'le lancer dans une fenêtre de terminal ; sans terminal, utiliser codage segments (lister les codages), codage stats, ou codage import-codings (depuis un tableur)',
      },
    );
  }
  await assertStudyFolder(root);
  // Load the screen while the study is read.
  const screen = loadCodingScreen();
  screen.catch(() => undefined);
  const { config } = await readStudyConfig(root);
  // From here on, errors (a lock held by another codage) speak the study's language.
  const ctx = withStudyLanguage(baseCtx, config);
  const resolved = await resolveCoder(root, coderName(options.coder, config.coder), { mustExist: false });
  const coder = resolved.coder;
  const lock = lockCoderFile(root, coder, `codage code${participant ? ` ${participant}` : ''}`);
  try {
    return await session(ctx, root, resolved, participant, screen, options.mouse !== false, lock.takeOverNotice);
  } finally {
    lock.release();
  }
}

/** The coder's segments placed in each transcript, by participant (those that cannot be placed left out). */
function placedByTranscript(entry: CoderEntry, transcripts: Map<string, Transcript>): Map<string, AnchoredSegment[]> {
  const placed = new Map<string, AnchoredSegment[]>();
  for (const a of anchorCodings([entry], transcripts).segments) {
    if (a.status === 'unplaced') continue;
    const list = placed.get(a.segment.participant);
    if (list) list.push(a);
    else placed.set(a.segment.participant, [a]);
  }
  return placed;
}

async function session(
  baseCtx: CommandContext,
  root: string,
  resolved: ResolvedCoder,
  participant: string | undefined,
  screen: Promise<CodingScreen>,
  mouse: boolean,
  takeOverNotice: Localized | null,
): Promise<number> {
  const coder = resolved.coder;
  const [study, memos] = await Promise.all([loadStudy(root, { coders: [coder], keepCodebook: true }), readMemos(root)]);
  const ctx = withStudyLanguage(baseCtx, study.config);
  const codeMemos = new Map<string, string>();
  for (const memo of memos.values()) if (memo.subject.kind === 'code' && memo.text.trim() !== '') codeMemos.set(memo.subject.id, terminalSafe(memoLine(memo.text)));
  const fr = ctx.language === 'fr';
  const entry: CoderEntry = study.coders[0] ?? {
    coder,
    file: coderFilePath(coder),
    coderFile: { coder, memos: {}, segments: [] },
    kept: {},
    rewritable: true,
  };
  const refusal = refusalFor(entry.file, { rewritable: entry.rewritable, problems: study.problems });
  if (refusal) throw refusal;
  refuseErrorsIn(study.problems, [STUDY_FILES.codebook, entry.file]);
  if (study.transcripts.length === 0) {
    throw new DataError(
      { en: 'this study has no transcript yet', fr: "cette étude n’a pas encore de transcription" },
      { hint: { en: 'put the interviews in transcripts/ (.txt or .md)', fr: 'déposer les entretiens dans transcripts/ (.txt ou .md)' } },
    );
  }

  let state = await readSessionState(root, coder);
  // Sentences from the study's cache: cutting a 30,000-word interview takes longer, cold, than
  // the rest of the opening; written back once the screen is closed if one had to be cut.
  const sentences = await openSentenceCache(root);
  const utf16 = (t: Transcript, codePoint: number) => Math.max(0, transcriptOffsets(t).toUtf16(codePoint));
  /** What of the saved positions could not be found again in a changed transcript, by participant. */
  const readingLost = new Map<string, { cursor: boolean; read: number }>();
  const placedPositions = new Set<string>();
  /**
   * Where the coder is in `t`, as saved: placed in its text as it is now (a transcript corrected
   * since: the offsets are found again by the words around them), once per session.
   */
  const savedPosition = (t: Transcript) => {
    const saved = state.transcripts[t.id];
    if (saved === undefined || placedPositions.has(t.id)) return saved;
    placedPositions.add(t.id);
    const placed = placePosition(t, saved);
    if (!placed.changed) return saved;
    if (placed.lost.cursor || placed.lost.read > 0) readingLost.set(t.id, placed.lost);
    state = { ...state, transcripts: { ...state.transcripts, [t.id]: placed.position } };
    return placed.position;
  };
  /** What the coder has read of `t` over every session (UTF-16 offsets). */
  const readIn = (t: Transcript) => savedReading(savedPosition(t)).map(([start, end]) => ({ start: utf16(t, start), end: utf16(t, end) }));
  // Every segment of the coder is placed only to choose the transcript to open (none was named).
  const placedIn = participant ? new Map<string, AnchoredSegment[]>() : placedByTranscript(entry, study.transcriptById);
  const transcript = participant
    ? study.transcriptById.get(participant)
    : transcriptToOpen(
        study.transcripts,
        lastOpened(state, study.transcripts.map((t) => t.id)),
        (id) => placedIn.get(id) ?? [],
        (id) => {
          const t = study.transcriptById.get(id);
          return t ? readIn(t) : [];
        },
      );
  if (!transcript) {
    if (participant) {
      throw new UsageError(
        { en: `no transcript for participant "${participant}"`, fr: `pas de transcription pour le participant « ${participant} »` },
        { en: `participants: ${study.transcripts.map((t) => t.id).join(', ')}`, fr: `participants : ${study.transcripts.map((t) => t.id).join(', ')}` },
      );
    }
    // The example names a transcript of this study: the one last opened.
    const example = lastOpened(state, study.transcripts.map((t) => t.id)) ?? study.transcripts[0]!.id;
    ctx.stdout.write(
      fr
        ? `Toutes les transcriptions ont été lues jusqu’au bout par ${coder}. Pour en rouvrir une : codage code ${example} --coder ${coder}\n`
        : `${coder} has read every transcript to the end. To reopen one: codage code ${example} --coder ${coder}\n`,
    );
    return 0;
  }

  // Persistence: every change is written at once, synchronously and atomically, as one change
  // of the study (read again only if something else changed the file since the last save).
  const command = `codage code --coder ${coder}`;
  let coderFile: CoderFile = entry.coderFile;
  // Suggestions learn from this coder's own segments only (codage.yaml `suggestions: false` turns them off).
  const suggestions = study.config.suggestions === false ? null : coderSuggestions(coderFile.segments);
  let lastSaved: Date | null = null;
  /** Why the last change of the session could not be written, or null when everything is on disk. */
  let unsaved: unknown = null;
  const save = (edit: (base: CoderFile) => CoderFile) => {
    try {
      changeStudy(root, { command, files: [entry.file], language: study.config.language }, (files) => {
        const fresh = files.coder(coder);
        const next = edit(fresh?.coderFile ?? { coder, memos: {}, segments: [] });
        files.writeCoder({ coder, coderFile: next, kept: fresh?.kept ?? {} });
        coderFile = next;
      });
    } catch (error) {
      unsaved = error;
      throw error;
    }
    unsaved = null;
    lastSaved = new Date();
  };
  let recentCodes = state.recentCodes;
  const taken = new Set(coderFile.segments.map((s: Segment) => s.id));

  let codebook: Codebook = study.codebook;
  // codebook.yaml changed by another command while the screen is open: read again (when it parses).
  const watcher = codebookWatcher(root);
  const freshCodebook = (): Codebook | null => {
    const text = watcher.changed();
    if (text === null) return null;
    const parsed = parseCodebook(text, STUDY_FILES.codebook);
    if (parsed.problems.some((p) => p.severity === 'error')) return null;
    codebook = parsed.codebook;
    return codebook;
  };
  /** The screen's own change of codebook.yaml (its next read is not another command's change). */
  const writeCodebook = <T>(edit: (source: string) => { source: string; result: T }): T => {
    try {
      return editCodebookFileSync(root, command, edit);
    } finally {
      watcher.seen();
    }
  };
  /** The codes this session added to codebook.yaml (and did not take back), said at the end. */
  const createdCodes = new Map<string, string>();
  const onCreateCode = ({ name, themeId, newThemes = [] }: NewCodeRequest) =>
    writeCodebook((text) => {
      let source = text;
      let parentId = themeId;
      for (const theme of newThemes) {
        const created = addTheme(source, { name: theme, parentId });
        source = created.source;
        parentId = created.id;
      }
      const added = addCode(source, { name, themeId: parentId });
      codebook = parseCodebook(added.source, STUDY_FILES.codebook).codebook;
      createdCodes.set(added.id, name);
      return { source: added.source, result: { codebook, id: added.id } };
    });

  /** Removes a code created by mistake, once nothing uses it: not this coder (any transcript), not another coder. */
  const onRemoveCode = async (id: string): Promise<Codebook> => {
    const users: string[] = [];
    if (coderFile.segments.some((s) => s.codes.includes(id))) users.push(coder);
    for (const other of await listCoders(root)) {
      if (other === coder) continue;
      const read = await readCoder(root, other);
      if (read.entry === null || !read.entry.rewritable || read.entry.coderFile.segments.some((s) => s.codes.includes(id))) users.push(other);
    }
    if (users.length > 0) {
      throw new Error(fr ? `utilisé (ou peut-être utilisé) par ${users.join(', ')}` : `used (or maybe used) by ${users.join(', ')}`);
    }
    return writeCodebook((source) => {
      const next = removeCode(source, id);
      codebook = parseCodebook(next, STUDY_FILES.codebook).codebook;
      createdCodes.delete(id);
      return { source: next, result: codebook };
    });
  };

  /** Why where the coder stopped could not be remembered (said at the end), or null. */
  let forgotten: unknown = null;
  /** Remembers where the coder is in `t` (.codage/state: a convenience, never research data). */
  const remember = (t: Transcript, position: ScreenPosition, recent: string[]) => {
    const offsets = transcriptOffsets(t);
    const cp = (n: number) => offsets.toCodePoint(n);
    state = {
      ...state,
      recentCodes: recent,
      transcripts: {
        ...state.transcripts,
        [t.id]: stampPosition(
          t,
          withReading(savedPosition(t), {
            cursor: cp(position.cursor),
            furthest: cp(Math.max(position.cursor, position.furthest)),
            read: position.read.map((r): [number, number] => [cp(r.start), cp(r.end)]),
            at: new Date().toISOString(),
          }),
        ),
      },
    };
    try {
      writeSessionStateSync(root, coder, state);
      forgotten = null;
    } catch (error) {
      // A convenience, not research data: the session goes on, and says so at the end.
      forgotten = error;
    }
  };

  /** Each transcript's line in the switcher: how far this coder has read and coded it. */
  const listTranscripts = (): TranscriptEntry[] => {
    const placedNow = placedByTranscript({ ...entry, coderFile }, study.transcriptById);
    return study.transcripts.map((t) => {
      const mine = placedNow.get(t.id) ?? [];
      return {
        id: t.id,
        read: readShare(t, readIn(t)),
        coded: codedShare(t, mine),
        segments: mine.length,
      };
    });
  };

  const segmentsSeen = new Map<string, number>();
  /** The screen's data for one transcript, as this coder's file holds it now. */
  const open = (t: Transcript): CodingAppProps => {
    const offsets = transcriptOffsets(t);
    const saved = savedPosition(t);
    const here = anchorCodings([{ ...entry, coderFile: { ...coderFile, segments: coderFile.segments.filter((s) => s.participant === t.id) } }], study.transcriptById).segments;
    const placed = here.filter((a) => a.status !== 'unplaced');
    const unplaced = here.filter((a) => a.status === 'unplaced').map((a) => a.segment);
    const moved = placed.filter((a) => a.status !== 'unchanged');
    const notices = openingNotices({
      coder,
      coderFile: entry.file,
      transcriptFile: t.file,
      ...(resolved.nearest !== undefined && coderFile.segments.length === 0 ? { nearestCoder: resolved.nearest } : {}),
      moved: moved.length,
      approximate: moved.filter((a) => a.status === 'approximate').length,
      ambiguous: placed.filter((a) => a.segment.ambiguous && !a.segment.confirmed).map((a) => a.segment.id),
      confirmAgain: placed.filter((a) => a.segment.ambiguous && a.segment.confirmed).map((a) => a.segment.id),
      unplaced,
      ...(readingLost.has(t.id) ? { readingLost: readingLost.get(t.id) } : {}),
    }).map((n) => terminalSafe(n[ctx.language]));
    // Said once: a transcript opened again this session opens where the coder left it.
    readingLost.delete(t.id);
    segmentsSeen.set(t.id, coderFile.segments.filter((s) => s.participant === t.id).length);
    return {
      transcript: t,
      sentences: sentences.of(t),
      codebook,
      segments: placed.map((a) => ({
        id: a.segment.id,
        start: a.start,
        end: a.end,
        codes: a.segment.codes,
        memo: a.segment.memo,
        exemplary: a.segment.exemplary,
      })),
      transcriptMemo: coderFile.memos[t.id],
      memos: { codes: codeMemos, ...transcriptMemoLine(memos, t.id) },
      ...(suggestions !== null ? { suggest: suggestions.suggest, onShown: suggestions.start } : {}),
      coder,
      language: ctx.language,
      initialCursor: saved ? utf16(t, saved.cursor) : undefined,
      read: readIn(t),
      recentCodes,
      notices,
      newSegmentId: () => {
        const id = uniqueSegmentId(taken, Math.random);
        taken.add(id);
        return id;
      },
      wordSpans: (start, end) => wordSpans(t.text, start, end),
      onChange: (change) => {
        recentCodes = change.recentCodes;
        save((base) =>
          replaceTranscriptSegments({
            coderFile: base,
            transcript: t,
            edited: change.segments,
            keep: unplaced,
            memo: change.transcriptMemo,
            now: new Date().toISOString(),
            offsets,
          }),
        );
        segmentsSeen.set(t.id, coderFile.segments.filter((s) => s.participant === t.id).length);
        suggestions?.update(t.id, coderFile.segments);
      },
      onCreateCode,
      onRemoveCode,
      freshCodebook,
      onPosition: (position, recent) => remember(t, position, recent),
      onQuit: (position) => remember(t, position, recentCodes),
      listTranscripts,
      onOpenTranscript: (id) => {
        const next = study.transcriptById.get(id);
        return next === undefined ? null : open(next);
      },
      lastSaved: () => lastSaved,
    };
  };

  const { runCodingScreen } = await screen;
  try {
    await runCodingScreen(open(transcript), {}, { mouse });
  } finally {
    suggestions?.stop();
    sentences.save();
  }
  // Said once the screen is closed, where it stays readable (the screen itself opens at once).
  const note = noticePrinter(ctx);
  if (takeOverNotice) note(takeOverNotice);
  if (forgotten !== null) {
    const code = (forgotten as NodeJS.ErrnoException).code ?? String(forgotten);
    note({
      en: `Where you stopped could not be remembered (${code}): next time the transcript opens at the start.`,
      fr: `L’endroit où vous vous êtes arrêté n’a pas pu être retenu (${code})\u00a0: la prochaine fois, la transcription s’ouvrira au début.`,
    });
  }
  if (unsaved !== null) {
    // The coder quit although the last changes could not be written: the file holds the last save.
    const reason = unsaved instanceof DataError ? unsaved.localized[ctx.language] : String(unsaved);
    throw new DataError(
      {
        en: `The last changes of this session could not be written to ${entry.file}: ${reason}`,
        fr: `Les dernières modifications de cette séance n’ont pas pu être écrites dans ${entry.file}\u00a0: ${reason}`,
      },
      {
        hint: {
          en: `${entry.file} holds the session as it was at the last save${lastSaved ? ` (${clockOf(lastSaved)})` : ''}; fix the cause, then code these passages again.`,
          fr: `${entry.file} contient la séance telle qu’au dernier enregistrement${lastSaved ? ` (${clockOf(lastSaved)})` : ''}\u00a0; corrigez la cause, puis recodez ces passages.`,
        },
      },
    );
  }
  const counts = [...segmentsSeen].map(([id, n]) => (fr ? `${n} segment(s) pour ${id}` : `${n} segment(s) for ${id}`)).join(', ');
  // Wrapped at word boundaries: the terminal would cut a long list of transcripts mid-word.
  // Nothing written this session: said as it is (a new coder's file was not even created).
  const exists = fs.existsSync(join(root, entry.file));
  const saved = terminalSafe(
    lastSaved !== null
      ? fr
        ? `Séance enregistrée dans ${entry.file} (en tout\u00a0: ${counts}).`
        : `Session saved in ${entry.file} (in all: ${counts}).`
      : exists
        ? fr
          ? `Rien n’a changé dans ${entry.file}.`
          : `Nothing changed in ${entry.file}.`
        : fr
          ? `Rien n’a été codé\u00a0: ${entry.file} n’a pas été créé.`
          : `Nothing was coded: ${entry.file} was not created.`,
  );
  // Loaded once the screen is closed: the measure of terminal columns it needs is a module of
  // its own here (the screen has its copy in its bundle), ~15 ms that would delay the opening.
  const { wrapRuns } = await import('../../core/text/wrap.js');
  ctx.stdout.write(wrapRuns([{ text: saved }], process.stdout.columns || 80));
  if (createdCodes.size > 0) {
    const names = [...createdCodes.values()].join(', ');
    const added = terminalSafe(
      fr
        ? `Livre de codes : ${createdCodes.size} code(s) ajouté(s) à ${STUDY_FILES.codebook} (${names}).`
        : `Codebook: ${createdCodes.size} code(s) added to ${STUDY_FILES.codebook} (${names}).`,
    );
    ctx.stdout.write(wrapRuns([{ text: added }], process.stdout.columns || 80));
  }
  return 0;
}

/** The study's memo on a transcript (memos/transcripts/), as the coding screen shows it. */
function transcriptMemoLine(memos: Memos, id: string): { transcript?: string } {
  const memo = memoOf(memos, { kind: 'transcript', id });
  return memo ? { transcript: terminalSafe(memoLine(memo.text)) } : {};
}

function clockOf(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
