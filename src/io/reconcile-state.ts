/**
 * Where a mise en commun stands: how many disagreements of the two coders are still to settle.
 * `codage reconcile` writes it after each save (`.codage/reconcile/<into>.json`, with the SHA-256
 * of the consensus file it wrote), so that the commands that show the consensus as the study's
 * coding (exports, saturation, stats, check) can say it is unfinished. A consensus changed since
 * (coded on in the coding screen, edited by hand) has another hash: its state is unknown, and
 * nothing is said.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coderFilePath, STUDY_FILES } from '../core/study/study.js';
import { writeFileAtomicSync } from './atomic-write.js';

export interface ReconcileState {
  /** The two coders reconciled. */
  coders: [string, string];
  disagreements: number;
  pending: number;
  /** SHA-256 of the consensus coder file as reconcile wrote it. */
  consensus: string;
  /** The decisions log reconcile wrote (relative to the study, `--log`), absent from a state an earlier codage wrote. */
  log?: string;
}

function stateFile(root: string, into: string): string {
  return path.join(root, STUDY_FILES.internal, 'reconcile', `${into}.json`);
}

function sha256File(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Records where the mise en commun into `into` stands (after its files were written). Never throws: it is a notice's source. */
export function recordReconcileState(root: string, into: string, state: Omit<ReconcileState, 'consensus'>): void {
  const consensus = sha256File(path.join(root, coderFilePath(into)));
  if (consensus === null) return;
  try {
    fs.mkdirSync(path.dirname(stateFile(root, into)), { recursive: true });
    writeFileAtomicSync(stateFile(root, into), `${JSON.stringify({ ...state, consensus } satisfies ReconcileState, null, 2)}\n`);
  } catch {
    // Only a warning is lost.
  }
}

/** The state reconcile recorded, when the consensus file is still as it wrote it (not coded on, edited or rewritten since). */
function asWritten(root: string, into: string): ReconcileState | null {
  let state: ReconcileState;
  try {
    state = JSON.parse(fs.readFileSync(stateFile(root, into), 'utf8')) as ReconcileState;
  } catch {
    return null;
  }
  if (typeof state.consensus !== 'string') return null;
  return sha256File(path.join(root, coderFilePath(into))) === state.consensus ? state : null;
}

/**
 * The decisions log of the mise en commun into `into`: the one reconcile last recorded (`--log`),
 * else `<into>-decisions.csv`. Known even when the consensus was changed since.
 */
export function decisionLogOf(root: string, into: string): string {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(root, into), 'utf8')) as Partial<ReconcileState>;
    if (typeof state.log === 'string' && state.log !== '' && !path.isAbsolute(state.log) && !state.log.split(/[\\/]/u).includes('..')) return state.log;
  } catch {
    // No state, or one codage cannot read: the default name.
  }
  return `${into}-decisions.csv`;
}

/** Whether the consensus file is byte for byte what reconcile last wrote. */
export function consensusAsWritten(root: string, into: string): boolean {
  return asWritten(root, into) !== null;
}

/** The mise en commun into `into`, when reconcile left disagreements to settle and the consensus is still as it wrote it. */
export function unfinishedReconciliation(root: string, into: string): ReconcileState | null {
  const state = asWritten(root, into);
  if (state === null || typeof state.pending !== 'number' || state.pending <= 0 || !Array.isArray(state.coders)) return null;
  return state;
}

/**
 * After codage's own edit of a consensus that was as reconcile wrote it (`codage confirm`: a place
 * checked, nothing decided), records the file as it is now, so that reconcile still knows it as
 * its own (a transcript of one coder can be copied again) and the notices still say where the mise
 * en commun stands. `state`: what `reconcileStateAsWritten` gave before the edit.
 */
export function keepReconcileState(root: string, into: string, state: ReconcileState): void {
  const { consensus: _, ...rest } = state;
  recordReconcileState(root, into, rest);
}

/** The recorded state while the consensus file is byte for byte what reconcile last wrote, else null. */
export function reconcileStateAsWritten(root: string, into: string): ReconcileState | null {
  return asWritten(root, into);
}
