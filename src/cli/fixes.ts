import { ensureIds } from '../core/codebook/edit.js';
import { anchorCodings } from '../core/study/anchor-codings.js';
import { applyReanchoring } from '../core/study/apply-reanchoring.js';
import { coderFilePath, STUDY_FILES, type Study } from '../core/study/study.js';
import type { Localized } from '../core/types.js';
import { keepReconcileState, type ReconcileState, reconcileStateAsWritten } from '../io/reconcile-state.js';
import { changeStudy, NotRewritableError } from '../io/study-change.js';

export interface FixesApplied {
  /** Coder files saved with their re-anchored segments, and those confirmed before that are to confirm again. */
  saved: { file: string; count: number; confirmAgain: string[] }[];
  /** Ids added to codebook.yaml. */
  ids: number;
}

/**
 * What `check --fix` writes, as one change (all of it or nothing): the re-anchored segments of
 * every coder file that has some, and an explicit id for every codebook node that lacks one. Each
 * file is read again under its lock, so a change made since the study was loaded is never
 * overwritten; entries codage could not read are written back as they were; a file it does not
 * fully understand is left alone (check reports it). A consensus as `codage reconcile` wrote it
 * stays reconcile's own once its segments are re-anchored (nothing was decided), so the notices
 * still say where the mise en commun stands.
 */
export function applyFixes(study: Study, coders: string[], onNotice: (notice: Localized) => void): FixesApplied {
  const files = [STUDY_FILES.codebook, ...coders.map(coderFilePath)];
  const reconciled: [string, ReconcileState][] = [];
  const applied = changeStudy(study.root, { command: 'codage check --fix', files, onNotice, language: study.config.language }, (change) => {
    const saved: FixesApplied['saved'] = [];
    for (const coder of coders) {
      const { entry, refusal } = change.readCoder(coder);
      if (!entry || refusal) continue;
      const [reanchored] = applyReanchoring([entry], anchorCodings([entry], study.transcriptById).segments);
      if (!reanchored) continue;
      const asWritten = reconcileStateAsWritten(study.root, coder);
      if (asWritten !== null) reconciled.push([coder, asWritten]);
      change.writeCoder({ coder, coderFile: reanchored.coderFile, kept: entry.kept });
      saved.push({ file: reanchored.file, count: reanchored.count, confirmAgain: reanchored.confirmAgain });
    }
    let ids = 0;
    try {
      const source = change.codebook();
      if (source.trim() !== '') {
        const updated = ensureIds(source);
        ids = Math.max(0, (updated.match(/^\s*id:/gm)?.length ?? 0) - (source.match(/^\s*id:/gm)?.length ?? 0));
        if (updated !== source) change.writeCodebook(updated);
      }
    } catch (error) {
      // A codebook codage cannot rewrite is reported by check itself.
      if (!(error instanceof NotRewritableError)) throw error;
    }
    return { saved, ids };
  });
  for (const [coder, state] of reconciled) keepReconcileState(study.root, coder, state);
  return applied;
}
