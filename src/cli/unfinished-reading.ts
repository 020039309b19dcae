/**
 * The double-coded transcripts a coder has not read to the end, said by `compare` and `reconcile`
 * (apart from notices.ts, which every command loads: this one reads the coding screen's state and
 * finds positions again in changed transcripts).
 */
import type { TranscriptPosition } from '../core/study/reading.js';
import { unfinishedMessage, unfinishedReadings } from '../core/study/unfinished-reading.js';
import type { Localized, Transcript } from '../core/types.js';
import { readSessionState } from '../io/session-state.js';
import type { CommandContext } from './context.js';
import { warningPrinter } from './notices.js';

/**
 * Warns of each of `transcripts` one of `coders` opened in the coding screen and has not read to
 * its end (`compare`, `reconcile`: past where they stopped, every unit counts as not coded by
 * them); returns the warnings, for a screen to show them too.
 */
export async function warnOfUnfinishedReading(ctx: CommandContext, root: string, coders: readonly string[], transcripts: readonly Transcript[]): Promise<Localized[]> {
  const positions = new Map<string, Record<string, TranscriptPosition>>();
  for (const coder of coders) positions.set(coder, (await readSessionState(root, coder)).transcripts);
  const warnings = unfinishedReadings(transcripts, positions).map(unfinishedMessage);
  const warn = warningPrinter(ctx);
  for (const warning of warnings) warn(warning);
  return warnings;
}
