/**
 * `codage import FILES…`: transcripts from Word, OpenDocument, subtitles or text into the study's
 * `transcripts/`, normalised (front matter, speaker labels in the study's form). The originals are
 * only read. Existing transcripts are never replaced without --force; every new file is written in
 * one change (all or nothing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../core/errors.js';
import { reanchorCoder } from '../../core/study/apply-reanchoring.js';
import { participantIdKey } from '../../core/study/participant-ids.js';
import { coderFilePath, STUDY_FILES } from '../../core/study/study.js';
import { parseTranscript } from '../../core/transcript/parse.js';
import { buildTranscript, planTranscriptImport, takenIds, type BuiltTranscript, type ImportDecision, type SourceText, type IdTaken, type ValueDifference, type ValueSource } from '../../core/transcript-import/build.js';
import { guessLanguage } from '../../core/text/language.js';
import { proposeSpeakerMap } from '../../core/transcript-import/speaker-proposal.js';
import { labelFromName, looksLikeName, mappedLabel } from '../../core/transcript-import/speakers.js';
import { messageQuote } from '../../core/report/typography.js';
import { endSentence } from '../../core/text/sentence-end.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import { splitFrontMatter } from '../../core/transcript/front-matter.js';
import type { AttributeValue, Language, Localized, Problem, Segment } from '../../core/types.js';
import { decodeStudyText } from '../../io/study-text.js';
import { changeStudy } from '../../io/study-change.js';
import { transcriptIdOf } from '../../io/transcript-id.js';
import { assertStudyFolder, listCoders, readStudyConfig } from '../../io/study.js';
import { IMPORTABLE_EXTENSIONS, readTranscriptSource, type RefusalReason } from '../../io/transcript-source.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { formatProblem, paint, problemJson } from '../output.js';
import { progressBar } from '../progress.js';
import { codeInFileName } from '../../core/import/participant.js';

interface ImportOptions {
  study: string;
  lang?: string;
  speakers?: string;
  speaker?: string[];
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** The files named on the command line: globs expanded (fast-glob), folders read for importable files. */
async function expandSources(args: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const fg = (await import('fast-glob')).default;
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (fs.existsSync(arg)) {
      if (fs.statSync(arg).isDirectory()) {
        const found = await fg(`**/*{${IMPORTABLE_EXTENSIONS.join(',')}}`, { cwd: arg, caseSensitiveMatch: false, onlyFiles: true });
        files.push(...found.sort().map((f) => path.join(arg, f)));
      } else files.push(arg);
      continue;
    }
    if (GLOB_CHARS.test(arg)) {
      const found = await fg(arg.split(path.sep).join('/'), { onlyFiles: true, caseSensitiveMatch: false });
      if (found.length === 0) missing.push(arg);
      files.push(...found.sort());
      continue;
    }
    missing.push(arg);
  }
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const file of files) {
    const abs = path.resolve(file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    unique.push(file);
  }
  return { files: unique, missing };
}

/** `--speakers map.yaml` (`Interviewer: E`) and each `--speaker "Dr Martin=P3"`. */
function speakerMap(options: ImportOptions): Map<string, string> {
  const map = new Map<string, string>();
  if (options.speakers !== undefined) {
    let data: unknown;
    try {
      data = parseYaml(fs.readFileSync(options.speakers, 'utf8'));
    } catch (error) {
      throw new UsageError(
        { en: `cannot read the speaker map ${options.speakers}: ${(error as Error).message}`, fr: `impossible de lire la table des locuteurs ${options.speakers} : ${(error as Error).message}` },
        { en: 'write one `label as written: label in the study` per line, e.g. `Interviewer: E`', fr: 'écrire un « étiquette d’origine: étiquette de l’étude » par ligne, par exemple « Enquêtrice: E »' },
      );
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new UsageError(
        { en: `the speaker map ${options.speakers} is not a list of \`label: new label\``, fr: `la table des locuteurs ${options.speakers} n’est pas une liste « étiquette: nouvelle étiquette »` },
        { en: 'e.g. `Interviewer: E` and `Dr Martin: P3`, one per line', fr: 'par exemple « Interviewer: E » et « Dr Martin: P3 », un par ligne' },
      );
    }
    for (const [from, to] of Object.entries(data as Record<string, unknown>)) map.set(from, String(to));
  }
  for (const pair of options.speaker ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new UsageError(
        { en: `--speaker takes "label=new label", not "${pair}"`, fr: `--speaker attend « étiquette=nouvelle étiquette », pas « ${pair} »` },
        { en: 'e.g. --speaker "Interviewer=E" --speaker "Dr Martin=P3"', fr: 'par exemple --speaker "Enquêtrice=E" --speaker "Dr Martin=P3"' },
      );
    }
    map.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  // A new label must read back as itself: `E:x` would be cut at its colon.
  for (const [from, to] of map) {
    if (labelFromName(to) !== to) {
      throw new UsageError(
        { en: `"${to}" (for "${from}") cannot be a speaker label: the transcript would not read it back as it is`, fr: `« ${to} » (pour « ${from} ») ne peut pas être une étiquette de locuteur : la transcription ne la relirait pas telle quelle` },
        { en: `letters, digits, ".", "'", "-", at most four words: e.g. "${labelFromName(to)}"`, fr: `lettres, chiffres, « . », « ' », « - », quatre mots au plus : par exemple « ${labelFromName(to)} »` },
      );
    }
  }
  return map;
}

const REASONS: Record<RefusalReason | 'exists' | 'same-id' | 'id-taken' | 'missing' | 'front-matter', Localized> = {
  encrypted: { en: 'encrypted', fr: 'chiffré' },
  empty: { en: 'empty', fr: 'vide' },
  unreadable: { en: 'unreadable', fr: 'illisible' },
  unsupported: { en: 'unsupported', fr: 'non pris en charge' },
  binary: { en: 'binary', fr: 'binaire' },
  'too-large': { en: 'too large', fr: 'trop gros' },
  exists: { en: 'already in the study', fr: 'déjà dans l’étude' },
  'same-id': { en: 'same name as another file', fr: 'même nom qu’un autre fichier' },
  'id-taken': { en: 'id already taken', fr: 'identifiant déjà pris' },
  missing: { en: 'not found', fr: 'introuvable' },
  'front-matter': { en: 'not replaced', fr: 'non remplacée' },
};

interface Imported {
  file: string;
  target: string;
  id: string;
  replaces: boolean;
  built: BuiltTranscript;
  /** What was read, to build the transcript again with the speaker map asked for. */
  source: SourceText;
  /** The front matter of the transcript it replaces (--force), kept. */
  replaced?: Record<string, AttributeValue>;
  encoding?: string;
}

/**
 * The front matter of a transcript of the study, as read (undefined when it has none), or the
 * problem that keeps it from being read: replacing the transcript then would lose what was typed in.
 */
function replacedFrontMatter(root: string, target: string): { attributes?: Record<string, AttributeValue> } | { problem: Problem } {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(root, target));
  } catch (error) {
    const message = (error as Error).message;
    return { problem: { severity: 'error', file: target, kind: 'import-replaced', message: { en: `cannot be read (${message})`, fr: `illisible (${message})` } } };
  }
  const front = splitFrontMatter(decodeStudyText(bytes), target);
  const error = front.problems.find((p) => p.severity === 'error');
  if (error !== undefined) return { problem: error };
  const attributes: Record<string, AttributeValue> = { ...front.attributes, ...(front.id !== undefined ? { id: front.id } : {}) };
  return Object.keys(attributes).length === 0 ? {} : { attributes };
}

/** The texts of the study's transcripts, read one by one as long as they are asked for. */
function* studyTexts(root: string, files: Iterable<string>): Generator<string> {
  for (const file of [...files].sort()) {
    try {
      yield decodeStudyText(fs.readFileSync(path.join(root, file)));
    } catch {
      // A transcript that cannot be read says nothing of the study's language.
    }
  }
}

/** What was read from a source file, as words (subtitles with their times: numbers are no words). */
function sourceWords(source: SourceText): string {
  return source.kind === 'document' ? source.paragraphs.join('\n') : source.text;
}

/** How one coder's codings on the replaced transcripts were anchored on their new text. */
interface Placement {
  file: string;
  placed: number;
  approximate: { segment: Segment; text: string }[];
  unplaced: Segment[];
  /** Places the coder had confirmed, ambiguous again: the new text differs around them. */
  confirmAgain: string[];
}

interface NotImported {
  file: string;
  reason: keyof typeof REASONS;
  detail: Localized;
  hint?: Localized;
}

/** Why a file whose id another transcript has is not imported, and the ways out. */
function idTakenText(t: IdTaken, fromFrontMatter: boolean): { detail: Localized; hint: Localized } {
  const base = path.basename(t.file);
  const ext = path.extname(base);
  const detail: Localized = t.ownerInStudy
    ? { en: `it would be ${t.target} with the participant id ${t.id}, which ${t.owner} already has`, fr: `il deviendrait ${t.target} avec l’identifiant ${t.id}, qui est déjà celui de ${t.owner}` }
    : { en: `it would have the participant id ${t.id}, as ${t.owner} imported before it`, fr: `il aurait l’identifiant ${t.id}, comme ${t.owner} importé avant lui` };
  const change: Localized = fromFrontMatter
    ? { en: `write another id: in the front matter of ${base}`, fr: `écrire un autre id: dans l’en-tête YAML de ${base}` }
    : { en: `rename ${base} (its name is the id)`, fr: `renommer ${base} (son nom est l’identifiant)` };
  if (!t.ownerInStudy) return { detail, hint: { en: `a different participant: ${change.en}`, fr: `un autre participant\u00a0: ${change.fr}` } };
  const same = `${path.basename(t.owner).replace(/\.[^.]*$/, '')}${ext}`;
  return {
    detail,
    hint: {
      en: `a different participant: ${change.en}; a new version of ${t.owner}: name it ${same} and import it with --force (its front matter is kept, its codings are anchored on the new text)`,
      fr: `un autre participant\u00a0: ${change.fr}\u00a0; une nouvelle version de ${t.owner}\u00a0: le nommer ${same} et l’importer avec --force (son en-tête YAML est gardé, ses codages sont réancrés sur le nouveau texte)`,
    },
  };
}

export async function run(baseCtx: CommandContext, sources: string[], options: ImportOptions): Promise<number> {
  const root = path.resolve(options.study);
  await assertStudyFolder(root);
  const { config } = await readStudyConfig(root);
  const ctx = withStudyLanguage(baseCtx, config);
  const language = ctx.language;
  const fr = language === 'fr';
  const map = speakerMap(options);

  const { files, missing } = await expandSources(sources);
  const notImported: NotImported[] = missing.map((file) => ({
    file,
    reason: 'missing',
    detail: { en: 'no such file (and no file matches it)', fr: 'aucun fichier de ce nom (et aucun ne correspond)' },
  }));
  const existing = new Map<string, string>();
  for (const name of fs.readdirSync(path.join(root, STUDY_FILES.transcripts))) {
    if (/\.(txt|md)$/i.test(name)) existing.set(participantIdKey(name.replace(/\.[^.]*$/, '')), `${STUDY_FILES.transcripts}/${name}`);
  }
  const plan = planTranscriptImport(files, existing, options.force === true);
  const imported: Imported[] = [];
  const problems: Problem[] = [];

  const bar = progressBar(ctx.stderr, fr ? 'Import' : 'Importing', 10);
  const reads: { decision: Extract<ImportDecision, { action: 'write' }>; source: SourceText; encoding?: string }[] = [];
  try {
    for (let i = 0; i < plan.length; i++) {
      const decision = plan[i]!;
      bar.update(i, plan.length);
      if (decision.action === 'skip') {
        notImported.push({
          file: decision.file,
          reason: decision.reason,
          detail:
            decision.reason === 'exists'
              ? { en: `${decision.target} already exists`, fr: `${decision.target} existe déjà` }
              : { en: `it would also become ${decision.target}`, fr: `il deviendrait lui aussi ${decision.target}` },
          hint:
            decision.reason === 'exists'
              ? { en: 'add --force to replace it (its codings are anchored on the new text)', fr: 'ajouter --force pour la remplacer (ses codages sont réancrés sur le nouveau texte)' }
              : { en: 'rename one of the two files', fr: 'renommer l’un des deux fichiers' },
        });
        continue;
      }
      const read = await readTranscriptSource(decision.file);
      if (!read.ok) {
        notImported.push({ file: decision.file, reason: read.reason, detail: read.detail, ...(read.hint ? { hint: read.hint } : {}) });
        continue;
      }
      reads.push({ decision, source: read.source, ...(read.encoding ? { encoding: read.encoding } : {}) });
    }
    bar.update(plan.length, plan.length);
  } finally {
    bar.done();
  }

  // The transcripts are written in the study's language (« E : » or "E: ", dates read day first or
  // not), whatever --lang sets for the messages; a study whose codage.yaml does not say takes the
  // language of its interviews, else of those imported, else the messages'.
  const textLanguage =
    config.language ?? guessLanguage(studyTexts(root, existing.values())) ?? guessLanguage(reads.map((r) => sourceWords(r.source))) ?? language;
  for (const { decision, source, encoding } of reads) {
    // The transcript replaced (--force) keeps its front matter: the id its codings name, what was typed in.
    const front = decision.replaces ? replacedFrontMatter(root, decision.target) : {};
    if ('problem' in front) {
      const where = front.problem.line === undefined ? decision.target : `${decision.target}:${front.problem.line}`;
      notImported.push({
        file: decision.file,
        reason: 'front-matter',
        detail: {
          en: `the front matter of ${where}, which it would replace, cannot be read (${front.problem.message.en.replace(/\.$/, '')}): what was typed in it would be lost`,
          fr: `l’en-tête YAML de ${where}, qu’il remplacerait, est illisible (${front.problem.message.fr.replace(/\.$/, '')})\u00a0: ce qui y a été saisi serait perdu`,
        },
        hint: { en: `correct it (codage check says where), then import again with --force`, fr: `le corriger (codage check dit où), puis importer de nouveau avec --force` },
      });
      continue;
    }
    const replaced = front.attributes;
    const built = buildTranscript({ source, sourceFile: path.basename(decision.file), id: decision.id, speakers: map, language: textLanguage, ...(replaced ? { replaced } : {}) });
    problems.push(...built.problems.map((p) => ({ ...p, file: decision.file })));
    if (built.empty) {
      notImported.push({ file: decision.file, reason: 'empty', detail: { en: 'no text in it', fr: 'aucun texte dedans' } });
      continue;
    }
    imported.push({
      file: decision.file,
      target: decision.target,
      id: built.id,
      replaces: decision.replaces,
      built,
      source,
      ...(replaced ? { replaced } : {}),
      ...(encoding ? { encoding } : {}),
    });
  }
  // An id another transcript has (the file's own front matter `id:`, or a name that differs only
  // in case, accents' encoding or spaces): codage check would refuse the study, so it is not written.
  const taken = takenIds(
    imported.map((t) => ({ file: t.file, target: t.target, id: t.id })),
    [...existing.values()].flatMap((file) => {
      const id = transcriptIdOf(root, file);
      return id === undefined ? [] : [{ file, id }];
    }),
  );
  for (const t of taken) {
    const i = imported.findIndex((x) => x.file === t.file);
    const fromFrontMatter = imported[i]!.built.id !== plan.find((d) => d.file === t.file)?.id;
    imported.splice(i, 1);
    notImported.push({ file: t.file, reason: 'id-taken', ...idTakenText(t, fromFrontMatter) });
  }
  // Listed in the order the files were named, whatever step refused them.
  const position = new Map(plan.map((d, i) => [d.file, i]));
  notImported.sort((a, b) => (position.get(a.file) ?? -1) - (position.get(b.file) ?? -1));

  // On a terminal, speakers named in the files (`Dr Martin`) and no map given: ask for the map.
  if (map.size === 0 && options.json !== true && options.dryRun !== true && process.stdin.isTTY === true && process.stdout.isTTY === true) {
    const rows = proposeSpeakerMap(imported.map((t) => ({ id: t.id, file: t.file, text: t.built.text, speakers: t.built.speakers })));
    if (rows.length > 0) {
      const { runSpeakerMapScreen } = await import('../../tui/speakers/run.js');
      let chosen: Map<string, string> | null = null;
      await runSpeakerMapScreen({
        rows,
        language,
        onDone: (m) => {
          chosen = m;
        },
      });
      const asked = chosen as Map<string, string> | null;
      if (asked === null) {
        ctx.stdout.write(fr ? 'Import annulé\u00a0: rien n’a été écrit.\n' : 'Import cancelled: nothing was written.\n');
        return process.exitCode !== undefined && process.exitCode !== 0 ? Number(process.exitCode) : 0;
      }
      for (const t of imported) {
        if (t.built.speakers.some((s) => asked.has(s.label))) {
          t.built = buildTranscript({ source: t.source, sourceFile: path.basename(t.file), id: t.id, speakers: asked, language: textLanguage, ...(t.replaced ? { replaced: t.replaced } : {}) });
        }
      }
    }
  }

  // A transcript replaced (--force): every coder's codings on it are anchored on the new text in
  // the same change, as codage check --fix would; those that cannot be placed are reported.
  const replaced = imported.filter((t) => t.replaces);
  const coders = replaced.length > 0 ? await listCoders(root) : [];
  const placements: Placement[] = [];
  if (imported.length > 0) {
    changeStudy(
      root,
      {
        command: `codage import ${sources.join(' ')}`,
        files: [...imported.map((t) => t.target), ...coders.map(coderFilePath)],
        onNotice: noticePrinter(ctx),
        // The coder files rewritten (--force) say what they are in the study's language too.
        language: textLanguage,
        dryRun: options.dryRun === true,
      },
      (study) => {
        for (const t of imported) {
          if (study.transcript(t.target) !== null && !t.replaces) {
            throw new UsageError({ en: `${t.target} appeared while importing: nothing was written`, fr: `${t.target} est apparu pendant l’import : rien n’a été écrit` });
          }
          study.writeTranscript(t.target, t.built.text);
        }
        if (replaced.length === 0) return;
        const changed = new Map(replaced.map((t) => [t.id, parseTranscript({ file: t.target, bytes: Buffer.from(t.built.text, 'utf8'), defaultId: t.id }).transcript]));
        for (const coder of coders) {
          const { entry, refusal } = study.readCoder(coder);
          if (entry === null && refusal === null) continue;
          // A coder file codage cannot rewrite may hold codings of the replaced transcript: nothing is written.
          if (refusal !== null) throw refusal;
          if (!entry!.coderFile.segments.some((s) => changed.has(s.participant))) continue;
          const result = reanchorCoder(entry!, changed);
          if (result.coderFile !== null) study.writeCoder({ coder, coderFile: result.coderFile, kept: entry!.kept });
          placements.push({ file: coderFilePath(coder), placed: result.placed, approximate: result.approximate, unplaced: result.unplaced, confirmAgain: result.confirmAgain });
        }
      },
    );
  }

  const nameLike = [...new Set(imported.flatMap((t) => t.built.speakers.map((s) => s.written)).filter(looksLikeName))].sort();

  if (options.json) {
    ctx.stdout.write(
      `${safeJson({
        imported: imported.map((t) => ({
          file: t.file,
          transcript: t.target,
          id: t.id,
          replaced: t.replaces,
          speakers: t.built.speakers,
          ...(t.built.duration === undefined ? {} : { duration: t.built.duration }),
          ...(t.built.fromHeader === undefined ? {} : { fromHeader: t.built.fromHeader }),
          differences: t.built.differences,
          ...(t.replaces ? { filled: t.built.filled } : {}),
          ...(t.encoding ? { encoding: t.encoding } : {}),
        })),
        notImported: notImported.map((n) => ({ file: n.file, reason: n.reason, detail: n.detail[language], ...(n.hint ? { hint: n.hint[language] } : {}) })),
        codings: placements.map((p) => ({ file: p.file, placed: p.placed, approximate: p.approximate.map((x) => x.segment.id), unplaced: p.unplaced.map((x) => x.id), confirmAgain: p.confirmAgain })),
        speakerLabelsLookingLikeNames: nameLike,
        problems: problems.map((p) => problemJson(p, language)),
        dryRun: options.dryRun === true,
        transcriptLanguage: textLanguage,
      })}\n`,
    );
    return notImported.length > 0 || placements.some((p) => p.unplaced.length > 0) ? 1 : 0;
  }

  for (const p of problems) ctx.stderr.write(`${formatProblem(p, language)}\n`);
  const colon = fr ? '\u00a0: ' : ': ';
  // A label of the map that no file has: a typo, or the wrong files.
  const labels = imported.flatMap((t) => t.built.speakers.map((s) => s.label));
  for (const [from, to] of imported.length > 0 ? map : new Map<string, string>()) {
    if (labels.some((label) => mappedLabel(new Map([[from, to]]), label) !== undefined)) continue;
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${colon}${
        fr ? `aucun fichier importé n’a l’étiquette « ${terminalSafe(from)} » (→ ${terminalSafe(to)}) : vérifier son orthographe` : `no file imported has the label "${terminalSafe(from)}" (→ ${terminalSafe(to)}): check its spelling`
      }\n`,
    );
  }
  for (const t of imported) {
    const speakers = t.built.speakers.map((s) => (s.label === s.written ? s.written : `${s.label} → ${s.written}`)).join(', ');
    const details = [
      speakers === '' ? (fr ? 'sans locuteur' : 'no speaker') : speakers,
      ...(t.built.duration === undefined ? [] : [`${t.built.duration} min`]),
      ...(t.built.fromHeader === undefined ? [] : [fromHeaderText(t.built.fromHeader, language)]),
      ...(t.encoding === 'windows-1252' ? ['Windows-1252'] : []),
      ...(t.replaces ? [fr ? 'remplacée' : 'replaced'] : []),
    ];
    ctx.stdout.write(`${paint.green('✓')} ${terminalSafe(t.file)} → ${terminalSafe(t.target)} (${terminalSafe(details.join(fr ? '\u202f; ' : '; '))})\n`);
    for (const d of t.built.differences) ctx.stdout.write(`  ${paint.yellow(fr ? 'gardé' : 'kept')}${colon}${terminalSafe(differenceText(d, language))}\n`);
    for (const f of t.built.filled) {
      ctx.stdout.write(`  ${fr ? 'ajouté' : 'added'}${colon}${terminalSafe(`${f.attribute} ${valueText(f.value, language)} (${VALUE_SOURCES[f.from][language]})`)}\n`);
    }
    if (t.built.differences.length > 0) {
      ctx.stdout.write(
        `  ${paint.dim(fr ? 'à faire' : 'fix')}${colon}${
          fr
            ? `pour prendre une autre valeur, l’écrire dans l’en-tête YAML de ${terminalSafe(t.target)}`
            : `to take another value, write it in the front matter of ${terminalSafe(t.target)}`
        }\n`,
      );
    }
  }
  for (const n of notImported) {
    ctx.stdout.write(`${paint.red('✗')} ${terminalSafe(n.file)}${colon}${REASONS[n.reason][language]} — ${terminalSafe(n.detail[language])}\n`);
    if (n.hint) ctx.stdout.write(`  ${paint.dim(fr ? 'à faire' : 'fix')}${colon}${terminalSafe(n.hint[language])}\n`);
  }
  for (const p of placements) {
    const would = options.dryRun === true;
    ctx.stdout.write(
      `${paint.green('✓')} ${p.file}${colon}${
        fr
          ? `${p.placed} segment(s) ${would ? 'seraient réancrés' : 'réancré(s)'} sur le nouveau texte`
          : `${p.placed} segment(s) ${would ? 'would be anchored' : 'anchored'} on the new text`
      }\n`,
    );
    for (const { segment: s, text } of p.approximate) {
      ctx.stdout.write(
        `  ${paint.yellow(fr ? 'à vérifier' : 'check')}${colon}${s.id} (${terminalSafe(s.participant)}) ${fr ? 'placé approximativement' : 'placed approximately'}${colon}${quoted(s.text, language)} → ${quoted(text, language)}\n`,
      );
    }
    if (p.confirmAgain.length > 0) {
      ctx.stdout.write(
        `  ${paint.yellow(fr ? 'à confirmer de nouveau' : 'to confirm again')}${colon}${p.confirmAgain.join(', ')} — ${
          fr
            ? 'confirmé(s) avant (codage confirm), mais le nouveau texte diffère à cet endroit\u00a0: vérifier l’endroit, puis codage confirm'
            : 'confirmed before (codage confirm), but the new text differs there: check the place, then codage confirm'
        }\n`,
      );
    }
    for (const s of p.unplaced) {
      ctx.stdout.write(
        `  ${paint.red(fr ? 'non placé' : 'not placed')}${colon}${s.id} (${terminalSafe(s.participant)}) ${quoted(s.text, language)} — ${
          fr ? 'introuvable dans le nouveau texte ; gardé tel quel dans le fichier du codeur : recoder le passage, ou supprimer la ligne' : 'not found in the new text; kept as it was in the coder file: recode the passage, or delete the line'
        }\n`,
      );
    }
  }
  const verb = options.dryRun ? (fr ? 'à importer (rien n’a été écrit, --dry-run)' : 'to import (nothing written, --dry-run)') : fr ? 'importée(s)' : 'imported';
  ctx.stdout.write(
    `${imported.length} ${fr ? 'transcription(s)' : 'transcript(s)'} ${verb}, ${notImported.length} ${fr ? 'non importée(s)' : 'not imported'}.\n`,
  );
  // `Entretien MG1.docx` gives the id `Entretien MG1`, which signs every quote of the thesis tables.
  const named = imported.filter((t) => !t.replaces).flatMap((t) => {
    const code = codeInFileName(t.id);
    return code === undefined ? [] : [{ id: t.id, code, target: t.target }];
  });
  if (named.length > 0) {
    const first = named[0]!;
    const ids = terminalSafe(named.slice(0, 3).map((n) => n.id).join(', ') + (named.length > 3 ? '…' : ''));
    ctx.stdout.write(
      `${paint.dim(fr ? 'note' : 'note')}${colon}${
        fr
          ? `les identifiants viennent des noms de fichiers (${ids}) et signent les verbatims des tableaux («\u00a0…\u00a0» (${terminalSafe(first.id)})). Pour «\u00a0${terminalSafe(first.code)}\u00a0», écrire id: ${terminalSafe(first.code)} dans l’en-tête de ${terminalSafe(first.target)} avant de coder (ou renommer le fichier d’origine, puis l’importer).`
          : `the ids come from the file names (${ids}) and sign the quotes of the tables ("…" (${terminalSafe(first.id)})). For "${terminalSafe(first.code)}", write id: ${terminalSafe(first.code)} in the front matter of ${terminalSafe(first.target)} before coding (or rename the original file, then import it).`
      }\n`,
    );
  }
  if (config.language === undefined && textLanguage !== language && imported.length > 0) {
    const name = { en: { fr: 'French', en: 'English' }, fr: { fr: 'français', en: 'anglais' } };
    ctx.stdout.write(
      `${paint.dim('note')}${colon}${
        fr
          ? `transcriptions écrites en ${name.fr[textLanguage]}, la langue des entretiens (codage.yaml ne dit pas celle de l’étude)\u00a0; pour la fixer\u00a0: language: ${textLanguage} dans codage.yaml.`
          : `transcripts written in ${name.en[textLanguage]}, the language of the interviews (codage.yaml does not say the study's); to set it: language: ${textLanguage} in codage.yaml.`
      }\n`,
    );
  }
  if (nameLike.length > 0) {
    // After a dry run nothing is there to replace yet.
    const force = options.dryRun ? '' : ' --force';
    ctx.stdout.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${colon}${
        fr
          ? `ces étiquettes de locuteur ressemblent à des noms\u00a0: ${terminalSafe(endSentence(nameLike.join(', ')))} Remplacez-les par les codes de l’étude\u00a0: codage import …${force} --speaker "Nom=P3" (ou --speakers table.yaml), puis codage check --privacy.`
          : `these speaker labels look like names: ${terminalSafe(endSentence(nameLike.join(', ')))} Replace them with the study's codes: codage import …${force} --speaker "Name=P3" (or --speakers map.yaml), then codage check --privacy.`
      }\n`,
    );
  }
  return notImported.length > 0 || placements.some((p) => p.unplaced.length > 0) ? 1 : 0;
}

/** `date 2025-03-12, durée 42 min lues avant le premier locuteur`: what the front matter took from the transcript's opening lines. */
function fromHeaderText(fields: { date?: string; duration?: number }, language: Language): string {
  const fr = language === 'fr';
  const parts = [
    ...(fields.date === undefined ? [] : [`date ${fields.date}`]),
    ...(fields.duration === undefined ? [] : [`${fr ? 'durée' : 'duration'} ${fields.duration} min`]),
  ];
  return `${parts.join(', ')} ${fr ? (parts.length > 1 ? 'lues avant le premier locuteur' : 'lue avant le premier locuteur') : 'from the header'}`;
}

const VALUE_SOURCES: Record<ValueSource, Localized> = {
  'replaced-transcript': { en: 'the transcript replaced', fr: 'la transcription remplacée' },
  'front-matter': { en: 'the new file’s front matter', fr: 'l’en-tête YAML du nouveau fichier' },
  'file-name': { en: 'the file name', fr: 'le nom du fichier' },
  subtitles: { en: 'the subtitles’ times', fr: 'les temps des sous-titres' },
  header: { en: 'the lines before the first speaker', fr: 'les lignes avant le premier locuteur' },
};

/** A front matter value in a message: « F », "F". */
function valueText(value: AttributeValue, language: Language): string {
  return language === 'fr' ? `«\u00a0${String(value)}\u00a0»` : `"${String(value)}"`;
}

/** `date "2025-03-12" (the transcript replaced), not "2025-03-13" (the lines before the first speaker)`. */
function differenceText(d: ValueDifference, language: Language): string {
  const value = (v: AttributeValue) => valueText(v, language);
  return language === 'fr'
    ? `${d.attribute} ${value(d.kept.value)} (${VALUE_SOURCES[d.kept.from].fr}), et non ${value(d.notKept.value)} (${VALUE_SOURCES[d.notKept.from].fr})`
    : `${d.attribute} ${value(d.kept.value)} (${VALUE_SOURCES[d.kept.from].en}), not ${value(d.notKept.value)} (${VALUE_SOURCES[d.notKept.from].en})`;
}

/** A quote on one line, cut after 60 characters, escaped for the terminal. */
function quoted(text: string, language: Language): string {
  return terminalSafe(messageQuote(text, language, 61));
}
