import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { planImport, type ImportedSource, type ImportPlan } from '../../core/refi/import-plan.js';
import { readProjectDefaultCoder, readProjectLanguage } from '../../core/refi/marks.js';
import type { RefiProject } from '../../core/refi/read.js';
import { studyReadme } from '../../core/study/readme.js';
import { coderFilePath, STUDY_FILES } from '../../core/study/study.js';
import { decodeTranscriptBytes } from '../../core/text/decode.js';
import { guessLanguage } from '../../core/text/language.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import type { Language, Localized, Segment } from '../../core/types.js';
import { ensureDir } from '../../io/dirs.js';
import { readRefiFile } from '../../io/qdpx.js';
import { changeStudy } from '../../io/study-change.js';
import { loadStudy } from '../../io/study.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';
import { configText, emptyCodebook } from './init.js';

interface ImportRefiOptions {
  study: string;
  title?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** participants.csv as the plan reads it: rows are added at its end only when it is in UTF-8. */
function csvText(bytes: Uint8Array): { text: string; appendable: boolean } {
  const decoded = decodeTranscriptBytes(bytes);
  return { text: decoded.text.replace(/\r\n?/g, '\n'), appendable: decoded.encoding === 'utf-8' && decoded.note === undefined };
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

function emptyProject(codes: RefiProject['codes'], left: Map<string, number>): RefiProject {
  return { users: new Map(), codes, variables: new Map(), cases: [], sources: [], notes: new Map(), projectNotes: [], left };
}

/** Same place and same codes: a segment the coder file already has. */
function sameSegment(a: Segment, b: Segment): boolean {
  return a.participant === b.participant && a.start === b.start && a.end === b.end && [...a.codes].sort().join('\u0000') === [...b.codes].sort().join('\u0000');
}

/** The texts of a project's sources (those that could be read). */
function* sourceTexts(texts: ReadonlyMap<string, ImportedSource | Localized>): Iterable<string> {
  for (const source of texts.values()) if ('text' in source) yield source.text;
}

/** What the new study's language was taken from, and where to change it. */
function studyLanguageNote(language: Language, fromTexts: boolean): Localized {
  const name = { fr: { fr: 'français', en: 'anglais' }, en: { fr: 'French', en: 'English' } };
  return {
    en: `the study's language (exports, tables): ${name.en[language]}, ${fromTexts ? 'that of the interviews' : 'that of the messages (--lang, LANG): the interviews did not say'}; to change it: language: in codage.yaml`,
    fr: `langue de l’étude (exports, tableaux)\u00a0: ${name.fr[language]}, ${fromTexts ? 'celle des entretiens' : 'celle des messages (--lang, LANG)\u00a0: les entretiens ne la disaient pas'}\u00a0; pour la changer\u00a0: language: dans codage.yaml`,
  };
}

export async function run(baseCtx: CommandContext, file: string, options: ImportRefiOptions): Promise<number> {
  const root = resolve(options.study);
  const extension = extname(file).toLowerCase();
  if (!['.qdpx', '.qdc', '.qde', '.xml'].includes(extension)) {
    throw new UsageError(
      { en: `${file}: import-refi reads a REFI-QDA project (.qdpx) or codebook (.qdc)`, fr: `${file} : import-refi lit un projet (.qdpx) ou un livre de codes (.qdc) REFI-QDA` },
      { en: 'in NVivo, MAXQDA, ATLAS.ti or QualCoder: export the project as "REFI-QDA project"', fr: 'dans NVivo, MAXQDA, ATLAS.ti ou QualCoder : exporter le projet en « projet REFI-QDA »' },
    );
  }
  const existing = await isDirectory(join(root, STUDY_FILES.transcripts));
  const study = existing ? await loadStudy(root, { coders: [] }) : null;
  const ctx = study ? withStudyLanguage(baseCtx, study.config) : baseCtx;
  const fr = ctx.language === 'fr';

  const refi = readRefiFile(file);
  const project = refi.kind === 'project' ? refi.project : emptyProject(refi.codes, refi.left);
  const texts = refi.kind === 'project' ? refi.texts : new Map();
  // The study's language: the study's own; for a new study, the one a codage export says, else the
  // one the interviews are in (another program does not say it), else the messages' (--lang, LANG).
  const declared = study?.config.language ?? (existing ? undefined : readProjectLanguage(project.description));
  const guessed = declared === undefined && !existing ? guessLanguage(sourceTexts(texts)) : undefined;
  const language: Language = declared ?? guessed ?? ctx.language;
  const transcripts = new Map((study?.transcripts ?? []).map((t) => [t.id, t.text]));
  const transcriptFiles = new Set((study?.transcripts ?? []).map((t) => basename(t.file).toLowerCase()));
  const plan = (codebook: string, participantsCsv?: Uint8Array | null): ImportPlan =>
    planImport(project, texts, { codebook, emptyCodebook: emptyCodebook(language), transcripts, transcriptFiles, ...(participantsCsv ? { participantsCsv: csvText(participantsCsv) } : {}) }, language);

  // A first plan on the codebook as it is now says which files the change writes (and locks);
  // the plan is made again under the locks, on the codebook read there.
  const first = plan(study?.codebookSource ?? '', existing ? await readFile(join(root, STUDY_FILES.participants)).catch(() => null) : null);
  const created = first.transcripts.map((t) => t.file);
  // A new study gets its README, unless the folder already has one (kept, as init keeps it).
  const readme = !existing && !(await stat(join(root, 'README.md')).then(() => true, () => false));
  const newStudyFiles = existing ? [] : [STUDY_FILES.config, ...(readme ? ['README.md'] : [])];
  const files = [STUDY_FILES.codebook, ...newStudyFiles, ...(first.participants ? [STUDY_FILES.participants] : []), ...created, ...first.coders.map((c) => coderFilePath(c.coder)), ...first.memos.map((m) => m.file)];
  const title = options.title ?? project.name ?? basename(root);

  const result = changeStudy(
    root,
    { command: `codage import-refi ${basename(file)}`, files, onNotice: noticePrinter(ctx), dryRun: options.dryRun === true, language },
    (change) => {
      const final = plan(change.codebook(), first.participants ? change.bytes(STUDY_FILES.participants) : null);
      if (final.codebookChanged) change.writeCodebook(final.codebook);
      if (!existing) {
        // The sources' order is the interview order of the other tool (and of a codage export).
        const order = final.transcripts.map((t) => JSON.stringify(t.id));
        // The default coder a codage export names (whose coding the counts show), when that coder came back.
        const coder = readProjectDefaultCoder(project.description);
        const config = configText(title, language)
          .replace(/^# order: .*$/m, (line) => (order.length > 0 ? `order: [${order.join(', ')}]` : line))
          .replace(/^# coder: \S+(.*)$/m, (line, rest: string) => (coder !== undefined && final.coders.some((c) => c.coder === coder) ? `coder: ${coder}${rest}` : line));
        change.createFile(STUDY_FILES.config, config);
        if (readme) change.createFile('README.md', studyReadme(title, language));
      }
      for (const t of final.transcripts) change.createFile(t.file, t.content);
      // participants.csv: a new file, or rows added after the study's own, whose bytes stay as they are.
      if (final.participants !== undefined && !final.participants.append) change.createFile(STUDY_FILES.participants, final.participants.text);
      else if (final.participants !== undefined) {
        const current = change.bytes(STUDY_FILES.participants)!;
        const eol = Buffer.from(current).includes('\r\n') ? '\r\n' : '\n';
        const newline = current.length > 0 && current[current.length - 1] !== 0x0a ? eol : '';
        change.writeBytes(STUDY_FILES.participants, Buffer.concat([current, Buffer.from(`${newline}${final.participants.text.replace(/\n/g, eol)}`, 'utf8')]));
      }
      const merged: { coder: string; added: number; kept: number }[] = [];
      for (const c of final.coders) {
        const current = change.coder(c.coder);
        const segments = [...(current?.coderFile.segments ?? [])];
        const ids = new Set(segments.map((s) => s.id));
        let added = 0;
        for (const s of c.segments) {
          if (segments.some((other) => sameSegment(other, s))) continue;
          let id = s.id;
          for (let n = 2; ids.has(id); n++) id = `${s.id.slice(0, 6)}${n.toString(36).padStart(2, '0')}`;
          ids.add(id);
          segments.push({ ...s, id });
          added++;
        }
        const memos = { ...(current?.coderFile.memos ?? {}) };
        for (const [participant, memo] of Object.entries(c.memos)) {
          if (memos[participant] === undefined) memos[participant] = memo;
          else if (memos[participant] !== memo) memos[participant] = `${memos[participant]}\n\n${memo}`;
        }
        // A coder file already there keeps its `coder:`; a new one takes the user's name.
        const name = current ? current.coderFile.name : c.name;
        change.writeCoder({ coder: c.coder, coderFile: { coder: c.coder, ...(name !== undefined ? { name } : {}), memos, segments }, ...(current ? { kept: current.kept } : {}) });
        merged.push({ coder: c.coder, added, kept: c.segments.length - added });
      }
      // The notes on the project, a transcript, a code or a theme: memos/, added to a memo already there.
      for (const memo of final.memos) {
        const current = change.text(memo.file);
        if (current === null) change.writeText(memo.file, memo.text);
        else if (!current.includes(memo.text.trim())) change.writeText(memo.file, `${current.trimEnd()}\n\n${memo.text}`);
      }
      return { plan: final, merged };
    },
  );
  if (!existing && !options.dryRun) {
    await ensureDir(join(root, STUDY_FILES.transcripts));
    await ensureDir(join(root, STUDY_FILES.codings));
  }

  const { plan: done, merged } = result;
  const notes = refi.kind === 'project' ? refi.notes.map((message) => ({ severity: 'info' as const, kind: 'refi-project-name', message })) : [];
  if (!existing && declared === undefined) notes.push({ severity: 'info', kind: 'refi-study-language', message: studyLanguageNote(language, guessed !== undefined) });
  const report = [...notes, ...done.report];
  if (options.json) {
    ctx.stdout.write(
      `${safeJson({
        study: root,
        created: !existing,
        dryRun: options.dryRun === true,
        counts: done.counts,
        transcripts: done.transcripts.map((t) => ({ id: t.id, file: t.file })),
        attributes: { participantsCsv: done.attributes.csv, frontMatter: done.attributes.frontMatter, ...(done.participants ? { rows: done.participants.rows, appended: done.participants.append } : {}) },
        coders: merged,
        report: report.map((r) => ({ severity: r.severity, kind: r.kind, message: r.message[ctx.language] })),
      })}\n`,
    );
    return 0;
  }
  const c = done.counts;
  const verb = options.dryRun ? (fr ? 'Importerait' : 'Would import') : fr ? 'Importé' : 'Imported';
  ctx.stdout.write(`${verb} ${terminalSafe(basename(file))} ${fr ? 'dans' : 'into'} ${terminalSafe(root)}${existing ? '' : fr ? ' (nouvelle étude)' : ' (new study)'}\n`);
  ctx.stdout.write(
    fr
      ? `  livre de codes : ${c.themes} thème(s) et ${c.codes} code(s) ajoutés\n  transcriptions : ${c.transcripts} créée(s)${c.reused > 0 ? `, ${c.reused} déjà présente(s) à l'identique` : ''}\n`
      : `  codebook: ${c.themes} theme(s) and ${c.codes} code(s) added\n  transcripts: ${c.transcripts} created${c.reused > 0 ? `, ${c.reused} already there, identical` : ''}\n`,
  );
  const where = done.attributes;
  if (done.participants !== undefined) {
    const n = done.participants.rows;
    ctx.stdout.write(fr ? `  participants.csv\u00a0: ${n} ligne(s) ${done.participants.append ? 'ajoutée(s)' : 'écrite(s)'} (${where.csv.join(', ')})\n` : `  participants.csv: ${n} row(s) ${done.participants.append ? 'added' : 'written'} (${where.csv.join(', ')})\n`);
  }
  if (where.frontMatter.length > 0) ctx.stdout.write(fr ? `  attributs dans l’en-tête des transcriptions\u00a0: ${where.frontMatter.join(', ')}\n` : `  attributes in the transcripts' front matter: ${where.frontMatter.join(', ')}\n`);
  for (const m of merged) {
    ctx.stdout.write(fr ? `  ${coderFilePath(m.coder)}\u00a0: ${m.added} segment(s) ajouté(s)${m.kept > 0 ? `, ${m.kept} déjà présent(s)` : ''}\n` : `  ${coderFilePath(m.coder)}: ${m.added} segment(s) added${m.kept > 0 ? `, ${m.kept} already there` : ''}\n`);
  }
  if (done.memos.length > 0) ctx.stdout.write(fr ? `  mémos\u00a0: ${done.memos.map((m) => m.file).join(', ')}\n` : `  memos: ${done.memos.map((m) => m.file).join(', ')}\n`);
  if (c.corrected > 0) ctx.stdout.write(fr ? `  positions corrigées\u00a0: ${c.corrected} sélection(s)\n` : `  positions corrected: ${c.corrected} selection(s)\n`);
  if (c.unplaced > 0) ctx.stdout.write(`  ${paint.yellow(fr ? `non repris\u00a0: ${c.unplaced} sélection(s), voir ci-dessous` : `not brought over: ${c.unplaced} selection(s), see below`)}\n`);
  for (const line of report) {
    const tag = line.severity === 'error' ? paint.red(fr ? 'non repris' : 'not brought over') : line.severity === 'warning' ? paint.yellow(fr ? 'attention' : 'warning') : paint.cyan('note');
    ctx.stderr.write(`${tag}${fr ? '\u00a0:' : ':'} ${terminalSafe(line.message[ctx.language])}\n`);
  }
  if (!options.dryRun) ctx.stdout.write(fr ? `\nÉtape suivante\u00a0: codage check --study ${options.study}\n` : `\nNext: codage check --study ${options.study}\n`);
  return 0;
}
