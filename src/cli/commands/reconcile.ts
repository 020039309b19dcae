import { terminalSafe } from '../../core/text/terminal.js';
import { recordReconcileState } from '../../io/reconcile-state.js';
import { resolve } from 'node:path';
import { loadScreen } from '../screen-bundle.js';
import type { Decision } from '../../core/consensus/decisions.js';
import { logColumnName, parseLog, serializeLog, type LogRow } from '../../core/consensus/log.js';
import { sideNotes } from '../../core/consensus/notes.js';
import { placeDecisions } from '../../core/consensus/place.js';
import { consensusOf, logRowsOf, planReconciliation } from '../../core/consensus/plan.js';
import { applyStrategy, STRATEGIES, strategyWho, type Strategy } from '../../core/consensus/strategy.js';
import { DataError, UsageError } from '../../core/errors.js';
import { disagreementLine } from '../../core/report/disagreements.js';
import { joinList } from '../../core/report/typography.js';
import { anchorCodings } from '../../core/study/anchor-codings.js';
import { coderFilePath, type Study } from '../../core/study/study.js';
import { segmentSentences } from '../../core/transcript/sentences.js';
import { wordSpans } from '../../core/transcript/words.js';
import { decisionLogFile, readDecisionLog, writeReconciliationSync, type ReconciliationFiles } from '../../io/reconcile-files.js';
import { lockCoderFile, lockStudyFile } from '../../io/store.js';
import { lineOf, notices, summary } from '../reconcile-summary.js';
import { assertStudyFolder, loadStudy } from '../../io/study.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { checkConsensusRebuild } from '../consensus-guard.js';
import { noticePrinter } from '../notices.js';
import { warnOfUnfinishedReading } from '../unfinished-reading.js';
import { resolveCoder } from '../coder.js';
import { numberOption, parseParticipants } from '../study-checks.js';
import { DEFAULT_TOLERANCE } from './compare.js';

interface ReconcileOptions {
  study: string;
  into: string;
  participants?: string;
  tolerance?: string;
  strategy?: string;
  who?: string;
  log?: string;
  force?: boolean;
  json?: boolean;
}

type ReconcileScreen = typeof import('../../tui/reconcile/run.js');

function parseStrategy(value: string | undefined): Strategy | undefined {
  if (value === undefined) return undefined;
  const strategy = value.toLowerCase() as Strategy;
  if (!STRATEGIES.includes(strategy)) {
    throw new UsageError(
      { en: `unknown strategy "${value}"`, fr: `stratégie inconnue « ${value} »` },
      { en: `use one of ${STRATEGIES.join(', ')}`, fr: `utiliser l’une de ${STRATEGIES.join(', ')}` },
    );
  }
  return strategy;
}

/** Two coders, and a consensus that is neither of them (each name is checked against the study later). */
function checkNames(a: string, b: string, into: string): void {
  if (a === b) throw new UsageError({ en: 'reconcile needs two different coders', fr: 'reconcile demande deux codeurs différents' });
  if (into === a || into === b) {
    throw new UsageError(
      { en: `--into ${into} would overwrite a coder's own file`, fr: `--into ${into} écraserait le fichier d’un des codeurs` },
      { en: 'give the consensus its own name, e.g. --into consensus', fr: 'donner un nom propre au consensus, par ex. --into consensus' },
    );
  }
}

/** Refuses a log whose edited codings name codes the codebook does not have (nothing is written then). */
function checkEditedCodes(study: Study, rows: LogRow[], logName: string): void {
  const [en, fr] = [logColumnName('edited', 'en'), logColumnName('edited', 'fr')];
  for (const row of rows) {
    for (const coding of row.decision.edited ?? []) {
      const unknown = coding.codes.filter((c) => !study.codebook.byId.has(c));
      if (unknown.length > 0) {
        throw new DataError(
          { en: `the edited coding uses code ids not in codebook.yaml: ${unknown.join(', ')}`, fr: `le codage modifié utilise des codes absents de codebook.yaml : ${unknown.join(', ')}` },
          { file: logName, line: row.line, hint: { en: `write code ids of codebook.yaml in the "${en}" column (${fr} in a French log)`, fr: `écrire des identifiants de codes de codebook.yaml dans la colonne « ${fr} » (${en} dans un journal en anglais)` } },
        );
      }
    }
  }
}

export async function run(baseCtx: CommandContext, a: string, b: string, options: ReconcileOptions): Promise<number> {
  checkNames(a, b, options.into);
  const strategy = parseStrategy(options.strategy);
  const tolerance = numberOption('--tolerance', options.tolerance, DEFAULT_TOLERANCE, 0, 1000, true);
  const interactive = strategy === undefined;
  if (interactive && (!process.stdin.isTTY || !process.stdout.isTTY)) {
    throw new UsageError(
      {
        en: 'codage reconcile without --strategy needs an interactive terminal, and its input or output is not one',
        fr: "codage reconcile sans --strategy a besoin d’un terminal interactif, et son entrée ou sa sortie n’en est pas un",
      },
      {
        en: `run it in a terminal window, or decide every disagreement by a rule: --strategy ${STRATEGIES.join('|')}`,
        fr: `le lancer dans une fenêtre de terminal, ou trancher chaque désaccord par une règle : --strategy ${STRATEGIES.join('|')}`,
      },
    );
  }
  const root = resolve(options.study);
  await assertStudyFolder(root);
  // Both coders must have a file; the consensus may be new (a name only differing by case is refused).
  a = (await resolveCoder(root, a, { mustExist: true, given: '' })).coder;
  b = (await resolveCoder(root, b, { mustExist: true, given: '' })).coder;
  const into = (await resolveCoder(root, options.into, { mustExist: false, given: '--into' })).coder;
  const screen = interactive ? loadScreen<ReconcileScreen>('reconcile', () => import('../../tui/reconcile/run.js')) : null;
  screen?.catch(() => undefined);
  const logPath = resolve(root, options.log ?? `${into}-decisions.csv`);
  const logName = decisionLogFile(root, logPath, '--log');
  const command = `codage reconcile ${a} ${b} --into ${into}`;
  const coderLock = await lockCoderFile(root, into, command);
  let logLock: { release(): void } | null = null;
  try {
    logLock = lockStudyFile(root, logName, command);
    return await session(baseCtx, root, { a, b, into, strategy, tolerance, logPath, logName, options, screen });
  } finally {
    logLock?.release();
    coderLock.release();
  }
}

interface SessionInput {
  a: string;
  b: string;
  into: string;
  strategy: Strategy | undefined;
  tolerance: number;
  logPath: string;
  logName: string;
  options: ReconcileOptions;
  screen: Promise<ReconcileScreen> | null;
}

async function session(baseCtx: CommandContext, root: string, input: SessionInput): Promise<number> {
  const { a, b, into, logPath, logName, options } = input;
  const study = await loadStudy(root, { coders: [a, b, into] });
  const ctx = withStudyLanguage(baseCtx, study.config);
  const language = ctx.language;
  const participants = parseParticipants(study, options.participants);
  const blocking = study.problems.find((p) => p.severity === 'error' && p.file === 'codebook.yaml');
  if (blocking) throw new DataError(blocking.message, { file: blocking.file, line: blocking.line, column: blocking.column, hint: blocking.hint });
  const entries = study.coders.filter((c) => c.coder === a || c.coder === b);
  // A coder file read only in part (a line the reader could not take, a segment it left out):
  // a consensus built from it would record as one coder's alone what both coded, or drop it.
  const partial = entries.filter((e) => !e.rewritable || (e.kept?.invalid?.length ?? 0) > 0).map((e) => e.file);
  const unread = study.problems.find((p) => p.severity === 'error' && partial.includes(p.file));
  if (unread) {
    throw new DataError(
      {
        en: `${unread.message.en} — ${unread.file} is not read completely: the consensus would leave out what it holds`,
        fr: `${unread.message.fr} — ${unread.file} n’est pas lu entièrement : la mise en commun laisserait de côté ce qu’il contient`,
      },
      {
        file: unread.file,
        ...(unread.line !== undefined ? { line: unread.line } : {}),
        ...(unread.column !== undefined ? { column: unread.column } : {}),
        hint: { en: 'fix this line (codage check lists every problem of the file), then reconcile again', fr: 'corriger cette ligne (codage check liste tous les problèmes du fichier), puis relancer la mise en commun' },
      },
    );
  }
  const existing = study.coders.find((c) => c.coder === into);
  if (existing && !existing.rewritable) {
    throw new DataError(
      { en: `${existing.file} cannot be read completely, so it will not be rewritten`, fr: `${existing.file} ne peut pas être lu entièrement : il ne sera pas réécrit` },
      { file: existing.file, hint: { en: 'run codage check and fix the problems it shows in this file', fr: 'lancer codage check et corriger les problèmes signalés dans ce fichier' } },
    );
  }

  const logText = await readDecisionLog(logPath);
  const parsed = logText === null ? { rows: [], problems: [] } : parseLog(logText, logName);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0]!;
    throw new DataError(p.message, { file: p.file, line: p.line, hint: p.hint ?? { en: 'fix this row, or delete it to decide again', fr: 'corriger cette ligne, ou la supprimer pour trancher de nouveau' } });
  }
  checkEditedCodes(study, parsed.rows, logName);

  const anchored = anchorCodings(entries, study.transcriptById);
  const coderA = entries.find((e) => e.coder === a)!;
  const coderB = entries.find((e) => e.coder === b)!;
  const rec = planReconciliation({
    a: { coder: a, memos: coderA.coderFile.memos },
    b: { coder: b, memos: coderB.coderFile.memos },
    transcripts: study.transcripts,
    segments: anchored.segments,
    tolerance: input.tolerance,
    ...(participants ? { participants } : {}),
  });
  if (rec.compared.length === 0) {
    throw new UsageError(
      { en: `${a} and ${b} have no transcript in common: nothing to reconcile`, fr: `${a} et ${b} n’ont codé aucune transcription en commun : rien à mettre en commun` },
      { en: 'name the double-coded transcripts with --participants P1,P4', fr: 'indiquer les transcriptions double-codées avec --participants P1,P4' },
    );
  }
  // A coder who stopped reading a compared transcript half-way: its disagreements past there are unfinished work.
  const unfinished = (await warnOfUnfinishedReading(ctx, root, [a, b], rec.compared.map((c) => c.transcript))).map((warning) => terminalSafe(warning[language]));
  // The log's decisions on today's disagreements, found again where a transcript correction moved them.
  const placement = placeDecisions(rec, parsed.rows, study.codebook);
  let decisions = placement.decisions;

  // A consensus changed since codage wrote it (coded by hand, or a coder file changed) is not overwritten without --force.
  const moved = new Set(anchored.segments.filter((s) => s.status !== 'unchanged' && s.status !== 'unplaced').map((s) => s.segment.participant));
  const recopied = existing && !options.force ? checkConsensusRebuild({ root, rec, decisions, into, existing, logName, moved }) : [];

  // The log is a document of the study: in the study's language when it has one.
  const logLanguage = study.config.language ?? language;
  const files: ReconciliationFiles = {
    root,
    logFile: logName,
    into,
    command: `codage reconcile ${a} ${b} --into ${into}`,
    language: logLanguage,
    onNotice: noticePrinter(ctx),
  };
  // A rule's decisions always say so, whoever ran it: the thesis texts tell them from the coders' own.
  const who = input.strategy ? strategyWho(input.strategy, options.who) : (options.who ?? joinList([a, b], logLanguage));
  const rowsOf = (d: Map<string, Decision>) => logRowsOf(rec, d, placement.stale, { codebook: study.codebook, language: logLanguage });
  const save = (d: Map<string, Decision>) => {
    const consensus = consensusOf(rec, d, into, { previous: existing?.coderFile });
    writeReconciliationSync(files, serializeLog(rowsOf(d), logLanguage), consensus.coderFile);
    // What is left to settle, for the commands that show the consensus as the study's coding.
    recordReconcileState(root, into, { coders: [a, b], disagreements: rec.disagreements.length, pending: consensus.pending, log: logName });
  };

  let byStrategy = 0;
  if (input.strategy) {
    const before = consensusOf(rec, decisions, into).decided;
    decisions = applyStrategy(input.strategy, rec.disagreements, decisions, who, new Date().toISOString());
    byStrategy = consensusOf(rec, decisions, into).decided - before;
    save(decisions);
  } else {
    save(decisions);
    const { runReconcileScreen } = await input.screen!;
    const sentences = new Map<string, ReturnType<typeof segmentSentences>>();
    const sentencesOf = (id: string) => {
      let list = sentences.get(id);
      if (!list) {
        const t = study.transcriptById.get(id)!;
        sentences.set(id, (list = segmentSentences(t.text, t.turns)));
      }
      return list;
    };
    const transcripts = new Map(rec.compared.map((c) => [c.transcript.id, c.transcript]));
    await runReconcileScreen({
      language,
      coders: [a, b],
      into,
      codebook: study.codebook,
      items: rec.disagreements.map((d) => {
        const transcript = transcripts.get(d.participant)!;
        const notes = { a: sideNotes(d.a, rec.a, d.participant), b: sideNotes(d.b, rec.b, d.participant) };
        return { disagreement: d, transcript, line: disagreementLine(d, transcript), sentences: sentencesOf(d.participant), notes };
      }),
      decisions,
      who,
      now: () => new Date().toISOString(),
      wordSpans,
      notices: [...unfinished, ...notices(rec, placement.stale, language, recopied, into)],
      onDecide: (decision) => {
        // Kept even if the write fails: the next decision writes it too.
        decisions.set(decision.key, decision);
        save(decisions);
      },
      onQuit: () => {},
    });
  }

  const result = consensusOf(rec, decisions, into);
  if (options.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          into: coderFilePath(into),
          log: logName,
          compared: rec.compared.map((c) => c.transcript.id),
          copied: rec.copied.map((c) => ({ participant: c.transcript.id, from: c.from === 'a' ? a : b })),
          // Transcripts of one coder copied again as they are now (their coder coded on since).
          copiedAgain: rec.copied.filter((c) => recopied.includes(c.transcript.id)).map((c) => ({ participant: c.transcript.id, from: c.from === 'a' ? a : b })),
          excluded: rec.excluded,
          disagreements: rec.disagreements.length,
          decided: result.decided,
          decidedByStrategy: byStrategy,
          pending: result.pending,
          stale: placement.stale.map((r) => r.decision.key),
          moved: placement.moved,
          unplaced: rec.unplaced.map((s) => ({ coder: s.coder, participant: s.segment.participant, segment: s.segment.id })),
          notesLeftOut: result.notesLeftOut.map((s) => ({
            coder: s.coder,
            participant: s.segment.participant,
            segment: s.segment.id,
            line: lineOf(s),
            ...(s.segment.memo ? { memo: s.segment.memo } : {}),
            exemplary: s.segment.exemplary === true,
          })),
          segments: result.coderFile.segments.length,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  ctx.stdout.write(summary(rec, result, { into, logName, strategy: input.strategy, byStrategy, language, placement, recopied }));
  return 0;
}
