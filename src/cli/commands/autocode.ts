/**
 * `codage autocode`: codes every hit of a search (or, with --by-question, every answer with its
 * question) for one coder, in one change of the coder file (and codebook.yaml for new question
 * codes), undoable with `codage codebook undo`. See core/autocode for what is found and how.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AUTOCODE_UNITS, type AutocodeUnit, planAutocode, type TranscriptPlan } from '../../core/autocode/plan.js';
import { answersByQuestion, parseGuide, type QuestionPassage, questionCodeName, type GuideQuestion } from '../../core/autocode/questions.js';
import { parseSearch } from '../../core/autocode/search.js';
import { addNodes, type NewNode } from '../../core/codebook/edit.js';
import { findCode } from '../../core/codebook/find-node.js';
import { parseCodebook } from '../../core/codebook/parse.js';
import { allCodes, allThemes } from '../../core/codebook/query.js';
import { nameKey } from '../../core/codebook/slug.js';
import { mergeImportedSegments } from '../../core/import/merge.js';
import type { ImportSegment } from '../../core/import/plan.js';
import { DataError, UsageError } from '../../core/errors.js';
import { coderFilePath, STUDY_FILES } from '../../core/study/study.js';
import { OffsetMap } from '../../core/text/offsets.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import type { CoderFile, Localized, Transcript } from '../../core/types.js';
import { journalled } from '../../io/edit-history.js';
import { openSentenceCache } from '../../io/sentence-cache.js';
import { changeStudy } from '../../io/study-change.js';
import { resolveCoder } from '../coder.js';
import type { CommandContext } from '../context.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { noticePrinter } from '../notices.js';
import { formatNumber, paint } from '../output.js';
import { parseParticipants, refuseErrorsIn } from '../study-checks.js';

interface AutocodeOptions {
  study: string;
  coder: string;
  code?: string;
  unit?: string;
  participants?: string;
  interviewer?: boolean;
  regex?: boolean;
  byQuestion?: boolean;
  guide?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** One passage to code, whatever found it. */
interface Passage {
  participant: string;
  start: number;
  end: number;
  text: string;
  line: number;
  /** The code's name (a question code may not exist yet). */
  code: string;
}

interface Row {
  participant: string;
  hits: number;
  coded: number;
  already: number;
  interviewer: number;
}

function words(args: string[]): string {
  return ['codage', 'autocode', ...args.map((w) => (/^[\p{L}\p{N}._/=,-]+$/u.test(w) ? w : JSON.stringify(w)))].join(' ');
}

function unitOption(value: string | undefined): AutocodeUnit {
  const unit = (value ?? 'sentence') as AutocodeUnit;
  if (!AUTOCODE_UNITS.includes(unit)) {
    throw new UsageError({ en: `--unit must be word, sentence or turn, not "${value}"`, fr: `--unit doit être word, sentence ou turn, pas « ${value} »` });
  }
  return unit;
}

/** Passages of one coder already carrying `codeId` overlap this span (UTF-16 offsets)? */
function overlapsCoded(coderFile: CoderFile | null, codeId: string | undefined, transcript: Transcript, map: OffsetMap, start: number, end: number): boolean {
  if (codeId === undefined || coderFile === null) return false;
  const s = map.toCodePoint(start);
  const e = map.toCodePoint(end);
  return coderFile.segments.some((seg) => seg.participant === transcript.id && seg.codes.includes(codeId) && seg.start < e && s < seg.end);
}

export async function run(baseCtx: CommandContext, searchText: string | undefined, options: AutocodeOptions): Promise<number> {
  const root = resolve(options.study);
  const { coder } = await resolveCoder(root, options.coder, { mustExist: false });
  if (options.byQuestion && (searchText !== undefined || options.code !== undefined)) {
    throw new UsageError(
      { en: '--by-question codes each answer with its question: it takes no search and no --code', fr: '--by-question code chaque réponse avec sa question\u00a0: sans recherche ni --code' },
      { en: 'e.g. codage autocode --by-question --guide guide.txt --coder marie', fr: 'par exemple codage autocode --by-question --guide guide.txt --coder marie' },
    );
  }
  if (!options.byQuestion && (searchText === undefined || options.code === undefined)) {
    throw new UsageError(
      { en: 'what to search, and which code to give? Give a search and --code', fr: 'quoi chercher, et quel code donner ? Indiquer une recherche et --code' },
      { en: 'e.g. codage autocode "douleur* OR souffrance" --code Douleur --coder marie (or --by-question)', fr: 'par exemple codage autocode "douleur* OR souffrance" --code Douleur --coder marie (ou --by-question)' },
    );
  }
  const unit = unitOption(options.unit);
  const search = options.byQuestion ? null : parseSearch(searchText as string, { regex: options.regex === true });
  const guideText = options.guide === undefined ? null : readGuide(options.guide);

  const { ctx, study, problems } = await loadForCommand(baseCtx, options.study, { coders: [coder], keepCodebook: false });
  // The code to apply (and the question codes to add) are found in a codebook read completely: a
  // syntax error can hide a code, or a second code with the same name, past the line it is on.
  refuseErrorsIn(study.problems, [STUDY_FILES.codebook]);
  warnIfIncomplete(ctx, problems);
  const fr = ctx.language === 'fr';
  const language = study.config.language ?? ctx.language;
  const only = parseParticipants(study, options.participants);
  const transcripts = study.transcripts.filter((t) => only === undefined || only.includes(t.id));
  const coderFile = study.coders[0]?.coderFile ?? null;
  const guide = guideText === null ? null : parseGuideOrFail(guideText, options.guide as string);
  const code = search !== null ? findCode(study.codebook, options.code as string) : null;

  // What would be coded, read from the study as loaded (the change checks the files again).
  const rows: Row[] = [];
  const passages: Passage[] = [];
  const skipped: Passage[] = [];
  const unmatched: string[] = [];
  if (search !== null && code !== null) {
    const sentences = await openSentenceCache(study.root);
    const plans: TranscriptPlan[] = planAutocode({ search, codeId: code.id, unit, transcripts, sentencesOf: (t) => sentences.of(t), coderFile, interviewer: options.interviewer === true });
    sentences.save();
    for (const p of plans) {
      rows.push({ participant: p.participant, hits: p.hits, coded: p.passages.length, already: p.alreadyCoded.length, interviewer: p.interviewerHits });
      for (const x of p.passages) passages.push({ ...x, code: code.name });
      for (const x of p.alreadyCoded) skipped.push({ ...x, code: code.name });
    }
  } else {
    for (const t of transcripts) {
      const plan = answersByQuestion(t, guide);
      if (plan.method === 'none') unmatched.push(t.id);
      const map = new OffsetMap(t.text);
      const row: Row = { participant: t.id, hits: plan.passages.length, coded: 0, already: 0, interviewer: plan.prompts };
      for (const q of plan.passages) {
        const name = questionName(q, guide);
        const existing = [...study.codebook.byId.values()].find((n) => n.kind === 'code' && nameKey(n.name) === nameKey(name));
        const passage = { ...q, code: name };
        if (overlapsCoded(coderFile, existing?.id, t, map, q.start, q.end)) {
          row.already++;
          skipped.push(passage);
        } else {
          row.coded++;
          passages.push(passage);
        }
      }
      rows.push(row);
    }
  }

  const command = words([
    ...(search !== null ? [search.text, '--code', (code as { name: string }).name, '--unit', unit] : ['--by-question', ...(options.guide ? ['--guide', options.guide] : [])]),
    '--coder',
    coder,
    ...(options.participants ? ['--participants', options.participants] : []),
    ...(options.interviewer ? ['--interviewer'] : []),
    ...(options.regex ? ['--regex'] : []),
  ]);
  const dryRun = options.dryRun === true;
  const file = coderFilePath(coder);
  const questionNumber = (name: string) => Number(/^Q(\d+)/.exec(name)?.[1] ?? 0);
  const newCodes = [...new Set(passages.map((p) => p.code))].sort((a, b) => questionNumber(a) - questionNumber(b)).filter((name) => ![...study.codebook.byId.values()].some((n) => n.kind === 'code' && nameKey(n.name) === nameKey(name)));
  const summary: Localized[] = [];
  let result = { added: 0, merged: 0 };
  if (!dryRun && passages.length > 0) {
    const notice = noticePrinter(ctx);
    result = changeStudy(
      root,
      {
        command,
        files: newCodes.length > 0 ? [STUDY_FILES.codebook, file] : [file],
        onNotice: notice,
        ...(study.config.language ? { language: study.config.language } : {}),
        onCommitted: journalled(root, command, () => summary, notice),
      },
      (files) => {
        let source = newCodes.length > 0 ? files.codebook() : null;
        const entry = files.coder(coder);
        const current = entry?.coderFile ?? null;
        // The very coder file read above when the file has not changed since (changeStudy keeps it by fingerprint);
        // otherwise its segments are compared.
        if (current !== coderFile && JSON.stringify(current?.segments ?? []) !== JSON.stringify(coderFile?.segments ?? [])) {
          throw new DataError(
            { en: `${file} changed while autocode was reading the study: nothing was written`, fr: `${file} a changé pendant la lecture de l’étude\u00a0: rien n’a été écrit` },
            { file, hint: { en: 'run the command again', fr: 'relancer la commande' } },
          );
        }
        if (source !== null) source = addQuestionCodes(source, newCodes, language, coderFile);
        const codebook = source !== null ? parseCodebook(source, STUDY_FILES.codebook).codebook : study.codebook;
        const codeIds = new Map(allCodes(codebook).map((c) => [nameKey(c.name), c.id]));
        const segments: ImportSegment[] = passages.map((p) => ({ participant: p.participant, start: p.start, end: p.end, text: p.text, codes: [{ name: p.code, themePath: [] }], rows: [], ambiguous: false }));
        const merged = mergeImportedSegments({ coder, base: current, segments, codeIds, transcripts: study.transcriptById, now: new Date().toISOString(), random: Math.random });
        if (source !== null) files.writeCodebook(source);
        files.writeCoder({ coder, coderFile: merged.coderFile, kept: entry?.kept });
        summary.push(
          { en: `${formatNumber(merged.added, 'en')} new segment(s), ${formatNumber(merged.merged, 'en')} existing segment(s) given the code, in ${file}.`, fr: `${formatNumber(merged.added, 'fr')} nouveau(x) segment(s), code ajouté à ${formatNumber(merged.merged, 'fr')} segment(s) existant(s), dans ${file}.` },
          ...(newCodes.length > 0 ? [{ en: `Codes added to codebook.yaml: ${newCodes.join(', ')}`, fr: `Codes ajoutés à codebook.yaml\u00a0: ${newCodes.join(', ')}` }] : []),
        );
        return { added: merged.added, merged: merged.merged };
      },
    );
  }

  if (options.json) {
    ctx.stdout.write(
      `${safeJson({
        ok: true,
        dryRun,
        coder,
        method: search !== null ? { search: search.text, regex: search.regex, code: code?.name, unit, interviewer: options.interviewer === true } : { byQuestion: true, guide: options.guide ?? null },
        transcripts: rows,
        passages: passages.map(({ participant, start, end, text, line, code: c }) => ({ participant, line, code: c, text, ...offsets(study.transcriptById.get(participant), start, end) })),
        alreadyCoded: skipped.length,
        newSegments: result.added,
        segmentsGivenTheCode: result.merged,
        codesAdded: dryRun ? [] : passages.length > 0 ? newCodes : [],
        noQuestionsFound: unmatched,
      })}\n`,
    );
    return 0;
  }

  const out = ctx.stdout;
  const title =
    search !== null
      ? fr
        ? `Autocodage «\u00a0${search.text}\u00a0» → «\u00a0${code?.name}\u00a0» (codeur ${coder}, unité\u00a0: ${unitName(unit, true)}${options.interviewer ? ', enquêteur compris' : ''})`
        : `Autocode "${search.text}" → “${code?.name}” (coder ${coder}, unit: ${unitName(unit, false)}${options.interviewer ? ', interviewer included' : ''})`
      : fr
        ? `Codage par question (codeur ${coder}${options.guide ? `, guide ${options.guide}` : ', questions numérotées dans l’ordre de chaque entretien'})`
        : `Coding by question (coder ${coder}${options.guide ? `, guide ${options.guide}` : ', questions numbered in the order of each interview'})`;
  out.write(`${paint.bold(terminalSafe(title))}\n`);
  if (dryRun) {
    const width = Math.max(40, (out.columns ?? 100) - 14);
    for (const p of passages) {
      const flat = terminalSafe(p.text.replace(/\s+/gu, ' '));
      const label = search !== null ? '' : `${terminalSafe(p.code)}  `;
      out.write(`  ${paint.dim(`${p.participant}:${p.line}`)}  ${label}${flat.length > width ? `${flat.slice(0, width - 1)}…` : flat}\n`);
    }
  }
  const header = search !== null ? (fr ? ['Entretien', 'Occurrences', 'À coder', 'Déjà codé', 'Enquêteur'] : ['Transcript', 'Hits', 'To code', 'Already coded', 'Interviewer']) : fr ? ['Entretien', 'Réponses', 'À coder', 'Déjà codé', 'Relances'] : ['Transcript', 'Answers', 'To code', 'Already coded', 'Prompts'];
  const table = [header, ...rows.filter((r) => r.hits + r.interviewer > 0 || search === null).map((r) => [r.participant, r.hits, r.coded, r.already, r.interviewer].map(String))];
  const total = rows.reduce((t, r) => ({ hits: t.hits + r.hits, coded: t.coded + r.coded, already: t.already + r.already, interviewer: t.interviewer + r.interviewer }), { hits: 0, coded: 0, already: 0, interviewer: 0 });
  table.push([fr ? 'Total' : 'Total', total.hits, total.coded, total.already, total.interviewer].map(String));
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
  for (const [i, row] of table.entries()) {
    const line = row.map((cell, j) => (j === 0 ? terminalSafe(cell).padEnd(widths[j] as number) : cell.padStart(widths[j] as number))).join('  ');
    out.write(`${i === 0 || i === table.length - 1 ? paint.bold(line) : line}\n`);
  }
  if (unmatched.length > 0) {
    out.write(
      paint.yellow(
        fr
          ? `Ni tours de l’enquêteur ni réponses numérotées dans\u00a0: ${unmatched.join(', ')} (rien n’y est codé).\n`
          : `Neither interviewer turns nor numbered answers in: ${unmatched.join(', ')} (nothing coded there).\n`,
      ),
    );
  }
  if (search !== null && total.interviewer > 0 && !options.interviewer) {
    out.write(paint.dim(fr ? 'Les occurrences dans les tours de l’enquêteur ne sont pas codées (--interviewer pour les coder).\n' : 'Hits in the interviewer’s turns are not coded (--interviewer to code them).\n'));
  }
  if (dryRun) {
    out.write(paint.dim(fr ? `Essai (--dry-run)\u00a0: ${passages.length} passage(s) seraient codés, rien n’a été écrit.\n` : `Dry run (--dry-run): ${passages.length} passage(s) would be coded, nothing was written.\n`));
    return 0;
  }
  if (passages.length === 0) {
    out.write(fr ? 'Rien à coder.\n' : 'Nothing to code.\n');
    return 0;
  }
  for (const line of summary) out.write(`${paint.green('✓')} ${terminalSafe(line[ctx.language])}\n`);
  out.write(paint.dim(fr ? 'Pour revenir en arrière\u00a0: codage codebook undo\n' : 'To take it back: codage codebook undo\n'));
  return 0;
}

function offsets(transcript: Transcript | undefined, start: number, end: number): { start: number; end: number } {
  if (transcript === undefined) return { start, end };
  const map = new OffsetMap(transcript.text);
  return { start: map.toCodePoint(start), end: map.toCodePoint(end) };
}

function unitName(unit: AutocodeUnit, fr: boolean): string {
  if (!fr) return unit;
  return { word: 'mot', sentence: 'phrase', turn: 'tour de parole' }[unit];
}

function readGuide(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      { en: `--guide ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, fr: `--guide ${file}\u00a0: impossible de le lire (${(error as NodeJS.ErrnoException).code ?? String(error)})` },
      { en: 'give the interview guide as a text file, one numbered question per line', fr: 'donner le guide d’entretien en fichier texte, une question numérotée par ligne' },
    );
  }
}

function parseGuideOrFail(text: string, file: string): GuideQuestion[] {
  const guide = parseGuide(text);
  if (guide.length === 0) {
    throw new DataError(
      { en: `${file}: no question found`, fr: `${file}\u00a0: aucune question trouvée` },
      { file, hint: { en: 'write one question per line, numbered "1." "2." …, or each ending with "?"', fr: 'écrire une question par ligne, numérotée « 1. » « 2. » …, ou finissant par « ? »' } },
    );
  }
  return guide;
}

function questionName(q: QuestionPassage, guide: readonly GuideQuestion[] | null): string {
  return questionCodeName(q.question, guide?.find((g) => g.number === q.question)?.text);
}

/** Adds the question codes (in question order) to codebook.yaml, in the "Interview guide" theme (created if needed). */
function addQuestionCodes(source: string, names: string[], language: 'fr' | 'en', coderFile: CoderFile | null): string {
  const themeName = language === 'fr' ? 'Guide d’entretien' : 'Interview guide';
  const taken = new Set((coderFile?.segments ?? []).flatMap((s) => s.codes));
  const existing = allThemes(parseCodebook(source, STUDY_FILES.codebook).codebook).find((t) => nameKey(t.name) === nameKey(themeName));
  // One pass over the file for the theme and all its codes.
  const nodes: NewNode[] = existing ? [] : [{ kind: 'theme', name: themeName, parent: null }];
  const parent: NewNode['parent'] = existing ? { id: existing.id } : { index: 0 };
  for (const name of names) nodes.push({ kind: 'code', name, parent });
  return addNodes(source, nodes, taken).source;
}
