/**
 * Writes `codage codebook` edits: planned by core/codebook/restructure.ts, written by `changeStudy`
 * as one all-or-nothing change of codebook.yaml and the coder files it touches, and kept in the
 * edit journal (edit-history.ts) so that `codage codebook undo` takes it back. The scriptable
 * edits (`codage codebook move …`) and the themes screen both write through here.
 */
import { planEdits, type CodebookEdit, type RestructurePlan } from '../core/codebook/restructure.js';
import { DataError } from '../core/errors.js';
import { coderFilePath, STUDY_FILES, type CoderEntry } from '../core/study/study.js';
import type { Language, Localized } from '../core/types.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { journalled } from './edit-history.js';
import { decodeStudyText } from './study-text.js';
import { changeStudy } from './study-change.js';

/** The edits that change which codes segments carry: they rewrite the coder files. */
const RECODING: readonly CodebookEdit['kind'][] = ['merge', 'delete', 'split'];

export function recodes(edits: readonly CodebookEdit[]): boolean {
  return edits.some((e) => RECODING.includes(e.kind));
}

export interface CodebookChangeOptions {
  /** The command as the user typed it (or the screen's equivalent), for lock files and the journal. */
  command: string;
  /** Every coder of the study when an edit recodes segments (see `recodes`), else none. */
  coders: readonly string[];
  language?: Language;
  onNotice?: (notice: Localized) => void;
  dryRun?: boolean;
  /**
   * The text of codebook.yaml the edits were decided on (the themes screen's view of it; '' for
   * no file). When the file holds anything else by the time the locks are taken (another process
   * changed it), nothing is written: `CodebookChangedError`.
   */
  expected?: string;
}

/** codebook.yaml changed on disk since the screen read it: the edit was not made. */
export class CodebookChangedError extends DataError {
  constructor() {
    super(
      {
        en: 'codebook.yaml was changed by another program since this screen read it: nothing was written.',
        fr: 'codebook.yaml a été modifié par un autre programme depuis que cet écran l’a lu\u00a0: rien n’a été écrit.',
      },
      { file: STUDY_FILES.codebook, hint: { en: 'The screen shows the file as it is now: make the change again.', fr: 'L’écran montre le fichier tel qu’il est maintenant\u00a0: refaites la modification.' } },
    );
    this.name = 'CodebookChangedError';
  }
}

/** Plans and writes `edits` as one change (see the module comment); returns the plan. */
export function changeCodebook(root: string, edits: readonly CodebookEdit[], options: CodebookChangeOptions): RestructurePlan {
  let planned: RestructurePlan | null = null;
  const notice = options.onNotice ?? (() => {});
  return changeStudy(
    root,
    {
      command: options.command,
      files: [STUDY_FILES.codebook, ...options.coders.map(coderFilePath)],
      onNotice: notice,
      dryRun: options.dryRun === true,
      ...(options.language ? { language: options.language } : {}),
      onCommitted: journalled(root, options.command, () => planned?.summary ?? [], notice),
    },
    (study) => {
      const source = study.codebook();
      if (options.expected !== undefined && source !== options.expected) throw new CodebookChangedError();
      const entries = options.coders.map((c) => study.coder(c)).filter((e): e is CoderEntry => e !== null);
      planned = planEdits(
        source,
        entries.map((e) => ({ coder: e.coder, coderFile: e.coderFile })),
        edits,
      );
      if (planned.codebook !== null) study.writeCodebook(planned.codebook);
      for (const c of planned.coders) study.writeCoder({ coder: c.coder, coderFile: c.coderFile, kept: entries.find((e) => e.coder === c.coder)?.kept });
      return planned;
    },
  );
}

/** The text of codebook.yaml as codage reads it ('' when there is none), to compare with `expected` later. */
export function readCodebookSourceSync(root: string): string {
  try {
    return decodeStudyText(fs.readFileSync(path.join(root, STUDY_FILES.codebook)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
