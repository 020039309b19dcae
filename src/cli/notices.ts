import { deName, frenchMessage } from '../core/report/typography.js';
import { terminalSafe } from '../core/text/terminal.js';
import type { Localized } from '../core/types.js';
import type { CommandContext } from './context.js';
import { paint } from './output.js';
import { unfinishedReconciliation } from '../io/reconcile-state.js';

/**
 * Prints what the user should know while a command changes the study (a lock left by a crash
 * taken over, an interrupted change completed) on stderr, in the study's language: stdout stays
 * the command's own output.
 */
export function noticePrinter(ctx: CommandContext): (notice: Localized) => void {
  return (notice) => {
    // French puts a (non-breaking) space before a colon, as the error reporter does.
    ctx.stderr.write(`${paint.cyan('note')}${ctx.language === 'fr' ? '\u00a0:' : ':'} ${terminalSafe(frenchMessage(notice[ctx.language], ctx.language))}\n`);
  };
}

/** Prints a warning the user should see beside a command's output, on stderr, in the study's language. */
export function warningPrinter(ctx: CommandContext): (warning: Localized) => void {
  return (warning) => {
    ctx.stderr.write(`${paint.yellow(ctx.language === 'fr' ? 'attention' : 'warning')}${ctx.language === 'fr' ? '\u00a0: ' : ': '}${terminalSafe(warning[ctx.language])}\n`);
  };
}

/**
 * Says on stderr when the coding shown is a mise en commun left unfinished (`codage reconcile`
 * quit with disagreements to settle): its numbers are not yet the study's.
 */
export function warnIfReconciliationUnfinished(ctx: CommandContext, root: string, coders: readonly (string | undefined)[]): void {
  for (const coder of coders) {
    if (coder === undefined) continue;
    const state = unfinishedReconciliation(root, coder);
    if (state === null) continue;
    const [a, b] = state.coders.map((c) => terminalSafe(c));
    const into = terminalSafe(coder);
    const n = state.pending;
    ctx.stderr.write(
      `${paint.yellow(ctx.language === 'fr' ? 'attention' : 'warning')}${ctx.language === 'fr' ? '\u00a0: ' : ': '}${
        ctx.language === 'fr'
          ? `la mise en commun ${deName(a ?? '')} et ${b} dans «\u00a0${into}\u00a0» laisse ${n} désaccord(s) sur ${state.disagreements} à trancher\u202f; ce codage n’est pas encore celui de l’étude. À faire\u00a0: codage reconcile ${a} ${b} --into ${into} (ou --coder NOM pour le codage d’un codeur)`
          : `the reconciliation of ${a} and ${b} into "${into}" leaves ${n} of ${state.disagreements} disagreement(s) to settle; this coding is not yet the study's. To do: codage reconcile ${a} ${b} --into ${into} (or --coder NAME for one coder's coding)`
      }\n`,
    );
  }
}
