import { resolve } from 'node:path';
import { anchorCodings, type AnchoredSegment } from '../core/study/anchor-codings.js';
import type { Study } from '../core/study/study.js';
import type { Problem } from '../core/types.js';
import { loadStudy, type LoadOptions } from '../io/study.js';
import { withStudyLanguage, type CommandContext } from './context.js';
import { frenchMessage } from '../core/report/typography.js';
import { paint } from './output.js';
import { progressBar } from './progress.js';

export interface LoadedForCommand {
  ctx: CommandContext;
  study: Study;
  segments: AnchoredSegment[];
  /** Study problems and re-anchoring problems together, in a stable order. */
  problems: Problem[];
}

/**
 * Reads the study for a batch command, with a progress bar on a terminal, and places its segments.
 * The codebook as read is kept in the study's cache (`keepCodebook`, default true): a command
 * that may run with `--dry-run` says false.
 */
export async function loadForCommand(
  ctx: CommandContext,
  studyDir: string,
  options: Omit<LoadOptions, 'onProgress'> = {},
): Promise<LoadedForCommand> {
  const root = resolve(studyDir);
  const bar = progressBar(ctx.stderr, ctx.language === 'fr' ? 'Lecture' : 'Reading');
  let study: Study;
  try {
    study = await loadStudy(root, { keepCodebook: true, ...options, onProgress: (done, total) => bar.update(done, total) });
  } finally {
    bar.done();
  }
  const anchored = anchorCodings(study.coders, study.transcriptById);
  const problems = sortProblems([...study.problems, ...anchored.problems]);
  return { ctx: withStudyLanguage(ctx, study.config), study, segments: anchored.segments, problems };
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}

/**
 * Says on stderr that the study has errors (a broken codebook, an unreadable coder file…), so
 * that counts and lists drawn from it are not taken as complete. The output itself goes on.
 */
export function warnIfIncomplete(ctx: CommandContext, problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (first === undefined) return;
  const fr = ctx.language === 'fr';
  const where = `${first.file}${first.line !== undefined ? `:${first.line}` : ''}${first.line !== undefined && first.column !== undefined ? `:${first.column}` : ''}`;
  ctx.stderr.write(
    `${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${
      fr
        ? `l’étude a ${errors.length} erreur(s), dont ${where}\u00a0: ${frenchMessage(first.message.fr, 'fr').replace(/\.$/, '')}. Ce qui suit peut être incomplet\u202f; codage check les détaille.`
        : `the study has ${errors.length} error(s), such as ${where}: ${first.message.en.replace(/\.$/, '')}. What follows may be incomplete; codage check details them.`
    }\n`,
  );
}
