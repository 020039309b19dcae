import { ensureIds } from '../core/codebook/edit.js';
import { anchorCodings } from '../core/study/anchor-codings.js';
import { applyReanchoring } from '../core/study/apply-reanchoring.js';
import type { Study } from '../core/study/study.js';
import { editCodebookFile, lockCoderFile, saveCoderFile } from '../io/store.js';
import { readCoder } from '../io/study.js';

/**
 * Saves the re-anchored segments of every coder file that has some. Each file is read again
 * under its lock, so a change made since the study was loaded is never overwritten; entries
 * codage could not read are written back as they were; a file not fully understood is left alone.
 */
export async function saveReanchoredCoders(study: Study, coders: string[]): Promise<{ file: string; count: number }[]> {
  const saved: { file: string; count: number }[] = [];
  for (const coder of coders) {
    const lock = await lockCoderFile(study.root, coder, 'codage check --fix');
    try {
      const fresh = (await readCoder(study.root, coder)).entry;
      if (!fresh || !fresh.rewritable) continue;
      const [change] = applyReanchoring([fresh], anchorCodings([fresh], study.transcriptById).segments);
      if (!change) continue;
      await saveCoderFile(study.root, change.coderFile, fresh.kept, study.config.language);
      saved.push({ file: change.file, count: change.count });
    } finally {
      lock.release();
    }
  }
  return saved;
}

/** Adds an explicit id to every codebook node that lacks one; returns how many were added. */
export async function fixCodebookIds(root: string): Promise<number> {
  return editCodebookFile(root, 'codage check --fix', (source) => {
    if (source.trim() === '') return { source, result: 0 };
    const updated = ensureIds(source);
    const count = (updated.match(/^\s*id:/gm)?.length ?? 0) - (source.match(/^\s*id:/gm)?.length ?? 0);
    return { source: updated, result: Math.max(0, count) };
  });
}
