import { ensureIds } from '../core/codebook/edit.js';
import type { CoderFile } from '../core/types.js';
import { editCodebookFile, lockCoderFile, saveCoderFile } from '../io/store.js';

/** Saves a coder file whose segments were re-anchored, under the coder's lock. */
export async function saveReanchored(root: string, coderFile: CoderFile, _count: number): Promise<void> {
  const lock = await lockCoderFile(root, coderFile.coder, 'codage check --fix');
  try {
    await saveCoderFile(root, coderFile);
  } finally {
    await lock.release();
  }
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
