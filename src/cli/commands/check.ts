import { quoteLabelProblems } from '../../core/report/quote-label-check.js';
import { deName } from '../../core/report/typography.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import type { Problem } from '../../core/types.js';
import { applyReanchoring } from '../../core/study/apply-reanchoring.js';
import type { CommandContext } from '../context.js';
import { loadForCommand, sortProblems } from '../load.js';
import { formatNumber, formatProblem, paint, problemJson } from '../output.js';
import { applyFixes } from '../fixes.js';
import { noticePrinter } from '../notices.js';
import { removeLeftTemporaryFiles } from '../../io/temp-files.js';
import { memoPrivacyProblems, privacyProblems } from '../../core/privacy/problems.js';
import { memoTexts } from '../../core/privacy/memos.js';
import { readPrivacyLists } from '../../io/privacy-lists.js';
import { orphanMemoProblems } from '../../core/memo/check.js';
import { attributeColumns, synonymConflicts } from '../../core/report/participants-table.js';
import type { Study } from '../../core/study/study.js';
import { readMemos } from '../../io/memos.js';
import { unfinishedReconciliation } from '../../io/reconcile-state.js';
import { severalSpeakerWarnings } from '../../core/study/segment-speakers.js';

interface CheckOptions {
  study: string;
  lang?: string;
  fix?: boolean;
  privacy?: boolean;
  json?: boolean;
}

/** `check --privacy`: what could identify someone, in every transcript; exit 1 when a likely identifier remains. */
async function checkPrivacy(baseCtx: CommandContext, options: CheckOptions): Promise<number> {
  const { ctx, study } = await loadForCommand(baseCtx, options.study);
  const { lists, problems: listProblems } = readPrivacyLists(study.root);
  // The memos too: memos/, and those kept in the coder files (on a transcript, on a segment).
  const memos = memoTexts(await readMemos(study.root), study.coders);
  const problems = sortProblems([...listProblems, ...study.transcripts.flatMap((t) => privacyProblems(t, lists)), ...memoPrivacyProblems(memos, lists)]);
  const likely = problems.filter((p) => p.severity === 'error').length;
  const possible = problems.length - likely;
  const fr = ctx.language === 'fr';
  if (options.json) {
    ctx.stdout.write(`${safeJson({ ok: likely === 0, likely, possible, transcripts: study.transcripts.length, findings: problems.map((p) => problemJson(p, ctx.language)) })}\n`);
    return likely > 0 ? 1 : 0;
  }
  // The same fix for every finding: said once, after them.
  let fix: Problem['hint'];
  for (const problem of problems) {
    if (problem.kind.startsWith('privacy-') && problem.kind !== 'privacy-yaml') {
      fix = problem.hint;
      ctx.stdout.write(`${formatProblem({ ...problem, hint: undefined }, ctx.language)}\n`);
    } else ctx.stdout.write(`${formatProblem(problem, ctx.language)}\n`);
  }
  if (fix !== undefined) ctx.stdout.write(`${paint.dim(fr ? 'à faire' : 'fix')}${fr ? '\u00a0: ' : ': '}${fix[ctx.language]}\n`);
  const n = (value: number) => formatNumber(value, ctx.language);
  // In how many of the transcripts checked: the findings of one interview are not spread over all.
  const files = new Set(problems.filter((p) => p.kind.startsWith('privacy-') && p.kind !== 'privacy-yaml').map((p) => p.file)).size;
  const checked = study.transcripts.length;
  const where = fr
    ? files === 0 ? `dans ${n(checked)} transcription(s) vérifiée(s)` : `dans ${n(files)} transcription(s) sur ${n(checked)}`
    : files === 0 ? `in ${n(checked)} transcript(s) checked` : `in ${n(files)} of ${n(checked)} transcript(s)`;
  const memoFiles = new Set(problems.filter((p) => p.kind.startsWith('memo-privacy-')).map((p) => p.file)).size;
  const inMemos = memoFiles === 0 ? '' : fr ? `, et dans ${n(memoFiles)} fichier(s) de mémos` : `, and in ${n(memoFiles)} file(s) of memos`;
  const what = fr ? `${n(likely)} identifiant(s) probable(s), ${n(possible)} à vérifier, ${where}${inMemos}` : `${n(likely)} likely identifier(s), ${n(possible)} to review, ${where}${inMemos}`;
  ctx.stdout.write(`${likely > 0 ? paint.red(what) : paint.green(what)}\n`);
  return likely > 0 ? 1 : 0;
}

function countBySeverity(problems: Problem[]) {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    notes: problems.filter((p) => p.severity === 'info').length,
  };
}

/** Memos about a participant, code or theme the study no longer has. */
async function orphanMemos(study: Study): Promise<Problem[]> {
  const memos = await readMemos(study.root);
  if (memos.size === 0) return [];
  const usedCodes = new Set(study.coders.flatMap((c) => c.coderFile.segments.flatMap((s) => s.codes)));
  return orphanMemoProblems(memos, { codebook: study.codebook, participants: new Set(study.transcriptById.keys()), usedCodes });
}

/** A mise en commun left with disagreements to settle: the consensus is not yet the study's coding. */
function unfinishedReconciliations(study: Study): Problem[] {
  return study.coders.flatMap((c): Problem[] => {
    const state = unfinishedReconciliation(study.root, c.coder);
    if (state === null) return [];
    const [a, b] = state.coders;
    return [
      {
        severity: 'warning',
        kind: 'reconcile-unfinished',
        file: c.file,
        message: {
          en: `the reconciliation of ${a} and ${b} into "${c.coder}" leaves ${state.pending} of ${state.disagreements} disagreement(s) to settle, and the exports show this coding as the study's`,
          fr: `la mise en commun ${deName(a)} et ${b} dans « ${c.coder} » laisse ${state.pending} désaccord(s) sur ${state.disagreements} à trancher, et les exports montrent ce codage comme celui de l’étude`,
        },
        hint: { en: `go on with codage reconcile ${a} ${b} --into ${c.coder}`, fr: `continuer avec codage reconcile ${a} ${b} --into ${c.coder}` },
      },
    ];
  });
}

export async function run(baseCtx: CommandContext, options: CheckOptions): Promise<number> {
  if (options.privacy) return checkPrivacy(baseCtx, options);
  const loaded = await loadForCommand(baseCtx, options.study);
  const { ctx, study } = loaded;
  const memoProblems = await orphanMemos(study);
  // Two names of one characteristic that disagree (durée in participants.csv, duration in the front
  // matter): the thesis tables show the first, so the user should know.
  // Segments coded over an exchange (the interviewer's words, then the participant's): the quote is
  // signed with one participant's label, so the coder should know which segments hold other voices.
  const studyWarnings = [
    ...synonymConflicts(study, attributeColumns({ ...study, language: ctx.language }), study.participantColumns ?? []),
    ...unfinishedReconciliations(study),
    ...severalSpeakerWarnings(loaded.segments),
    ...quoteLabelProblems(study.config, study.participants.values()),
  ];
  let problems = sortProblems([...loaded.problems, ...memoProblems, ...studyWarnings]);
  const fixed: string[] = [];

  if (options.fix) {
    const needing = applyReanchoring(study.coders, loaded.segments).map((change) => change.coder);
    const { saved, ids } = applyFixes(study, needing, noticePrinter(ctx));
    for (const change of saved) {
      const fr = ctx.language === 'fr';
      const parts: string[] = [];
      if (change.count > 0 || change.confirmAgain.length === 0) parts.push(fr ? `${change.count} segment(s) réancré(s) enregistré(s)` : `saved ${change.count} re-anchored segment(s)`);
      // Never a silent change of mark: the segments to confirm again are named.
      if (change.confirmAgain.length > 0) {
        parts.push(
          fr
            ? `${change.confirmAgain.length} segment(s) confirmé(s) où la transcription a changé, à confirmer de nouveau (codage confirm)\u00a0: ${change.confirmAgain.join(', ')}`
            : `${change.confirmAgain.length} confirmed segment(s) where the transcript changed, to confirm again (codage confirm): ${change.confirmAgain.join(', ')}`,
        );
      }
      fixed.push(`${change.file}${fr ? ' : ' : ': '}${parts.join(fr ? ' ; ' : '; ')}`);
    }
    const removed = removeLeftTemporaryFiles(study.root);
    if (removed.length > 0) {
      fixed.push(
        ctx.language === 'fr'
          ? `${removed.length} fichier(s) temporaire(s) laissé(s) par un arrêt brutal supprimé(s)`
          : `removed ${removed.length} temporary file(s) left by a crash`,
      );
    }
    if (ids > 0) {
      fixed.push(ctx.language === 'fr' ? `codebook.yaml : ${ids} identifiant(s) ajouté(s)` : `codebook.yaml: added ${ids} id(s)`);
    }
    if (saved.length > 0 || ids > 0 || removed.length > 0) {
      // Check again what is now on disk.
      problems = sortProblems([...(await loadForCommand(baseCtx, options.study)).problems, ...memoProblems, ...studyWarnings]);
    }
  }

  const counts = countBySeverity(problems);
  const summary = {
    transcripts: study.transcripts.length,
    codes: [...study.codebook.byId.values()].filter((n) => n.kind === 'code').length,
    coders: study.coders.map((c) => c.coder),
    segments: loaded.segments.length,
  };

  if (options.json) {
    ctx.stdout.write(
      `${safeJson({ ok: counts.errors === 0, ...counts, ...summary, fixed, problems: problems.map((p) => problemJson(p, ctx.language)) })}\n`,
    );
    return counts.errors > 0 ? 1 : 0;
  }

  for (const line of fixed) ctx.stdout.write(`${paint.green('✓')} ${terminalSafe(line)}\n`);
  for (const problem of problems) ctx.stdout.write(`${formatProblem(problem, ctx.language)}\n`);
  const fr = ctx.language === 'fr';
  const n = (value: number) => formatNumber(value, ctx.language);
  const what = fr
    ? `${n(summary.transcripts)} transcription(s), ${n(summary.codes)} code(s), ${n(summary.segments)} segment(s) de ${summary.coders.length} codeur(s)`
    : `${n(summary.transcripts)} transcript(s), ${n(summary.codes)} code(s), ${n(summary.segments)} segment(s) from ${summary.coders.length} coder(s)`;
  if (counts.errors === 0) {
    const tail = counts.warnings > 0 ? (fr ? ` — ${counts.warnings} avertissement(s)` : ` — ${counts.warnings} warning(s)`) : '';
    ctx.stdout.write(`${paint.green(fr ? 'Étude valide' : 'Study is valid')}${fr ? '\u00a0: ' : ': '}${what}${tail}\n`);
    return 0;
  }
  ctx.stdout.write(
    `${paint.red(fr ? `${counts.errors} erreur(s)` : `${counts.errors} error(s)`)}, ${fr ? `${counts.warnings} avertissement(s)\u00a0: ` : `${counts.warnings} warning(s): `}${what}\n`,
  );
  return 1;
}
