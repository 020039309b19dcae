import { frenchMessage } from '../core/report/typography.js';
import { terminalSafe } from '../core/text/terminal.js';
import type { Localized } from '../core/types.js';
import type { CommandContext } from './context.js';
import { paint } from './output.js';

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
