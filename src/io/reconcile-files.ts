/**
 * The two files a reconciliation writes — the decisions log and the consensus coder file — as
 * one change of the study (`changeStudy`): both are written, or neither, under their locks, with
 * their previous versions kept in `.codage/backups/`. A consensus file codage cannot read
 * completely is never rewritten. The log is the record the consensus is rebuilt from; it lies in
 * the study folder, outside its data files.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { CONSENSUS_CODER } from '../core/consensus/consensus-coder.js';
import { parseLog } from '../core/consensus/log.js';
import { summarizeDecisions, withRecordedTotal, type DecisionsSummary } from '../core/consensus/summary.js';
import { UsageError } from '../core/errors.js';
import { coderFilePath } from '../core/study/study.js';
import type { CoderFile, Language, Localized } from '../core/types.js';
import { assertOutsideStudyData } from './output-file.js';
import { changeStudy } from './study-change.js';
import { decisionLogOf, reconcileStateAsWritten } from './reconcile-state.js';
import { decodeStudyText } from './study-text.js';

export interface ReconciliationFiles {
  root: string;
  /** The decisions log, relative to the study with `/`. */
  logFile: string;
  /** The consensus coder. */
  into: string;
  /** The command as typed, for the locks. */
  command: string;
  /** The study's language (the coder file's header). */
  language?: Language;
  onNotice?: (notice: Localized) => void;
}

/**
 * The decisions log's place in the study (`--log`): refused (exit 2) outside the study folder or
 * on one of its data files (`codebook.yaml`, `codings/…`).
 */
export function decisionLogFile(root: string, path: string, option: string): string {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(
      { en: `${option} ${path}: the decisions log lies in the study folder (the consensus is rebuilt from it)`, fr: `${option} ${path}\u00a0: le journal des décisions se trouve dans le dossier de l’étude (le consensus est reconstruit à partir de lui)` },
      { en: `give a name inside ${root}, e.g. ${option} consensus-decisions.csv`, fr: `donner un nom dans ${root}, par exemple ${option} consensus-decisions.csv` },
    );
  }
  assertOutsideStudyData(root, path, option);
  return rel.split('\\').join('/');
}

/** The log's text (UTF-8 or Windows-1252, as a spreadsheet saved it), or null when there is none yet. */
export async function readDecisionLog(path: string): Promise<string | null> {
  try {
    return decodeStudyText(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The interviews `codage reconcile … --into consensus` decided, from its decisions log
 * (`consensus-decisions.csv`, or the `--log` reconcile recorded): empty when there is none, or when it cannot be read (`codage
 * reconcile` reports it).
 */
export async function consensusDecidedInterviews(root: string): Promise<Set<string>> {
  const file = decisionLogOf(root, CONSENSUS_CODER);
  let text: string | null;
  try {
    text = await readDecisionLog(join(root, file));
  } catch {
    return new Set();
  }
  if (text === null) return new Set();
  return new Set(parseLog(text, file).rows.map((row) => row.cells.participant).filter((p) => p !== undefined && p !== ''));
}

/**
 * How `codage reconcile … --into consensus` settled the disagreements, from its decisions log
 * (`consensus-decisions.csv`, or the `--log` reconcile recorded): by the coders one by one or by a rule, with the number of
 * disagreements and those left when reconcile recorded them for the consensus as it is. Undefined
 * when there is no log, or one codage cannot read whole (`codage reconcile` reports it): the
 * thesis texts then say nothing of how they were settled.
 */
export async function consensusDecisions(root: string): Promise<DecisionsSummary | undefined> {
  const file = decisionLogOf(root, CONSENSUS_CODER);
  let text: string | null;
  try {
    text = await readDecisionLog(join(root, file));
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const parsed = parseLog(text, file);
  if (parsed.problems.length > 0) return undefined;
  return withRecordedTotal(summarizeDecisions(parsed.rows, file), reconcileStateAsWritten(root, CONSENSUS_CODER));
}

/** Writes the log and the consensus as one change (synchronous: called from the screen's key handler). */
export function writeReconciliationSync(files: ReconciliationFiles, logText: string, consensus: CoderFile): void {
  const coderFile = coderFilePath(files.into);
  changeStudy(
    files.root,
    {
      command: files.command,
      files: [files.logFile, coderFile],
      ...(files.language ? { language: files.language } : {}),
      ...(files.onNotice ? { onNotice: files.onNotice } : {}),
    },
    (change) => {
      change.text(files.logFile);
      // Entries of the current file codage could not read are written back as they were.
      const current = change.coder(files.into);
      change.writeText(files.logFile, logText);
      change.writeCoder({ coder: files.into, coderFile: consensus, ...(current ? { kept: current.kept } : {}) });
    },
  );
}
