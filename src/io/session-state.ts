import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDY_FILES } from '../core/study/study.js';
import { writeFileAtomicSync } from './atomic-write.js';
import { mkdirSync } from 'node:fs';

/**
 * Where a coder stopped in each transcript, and the codes they used last. Kept in
 * `.codage/state/<coder>.json`: convenience only, never research data (safe to delete).
 * Positions are code points, like the coder files.
 */
export interface CoderSessionState {
  version: 1;
  /** Code ids, most recent first. */
  recentCodes: string[];
  transcripts: Record<string, { cursor: number; furthest: number; at: string }>;
}

export function sessionStatePath(root: string, coder: string): string {
  return join(root, STUDY_FILES.internal, 'state', `${coder}.json`);
}

function emptyState(): CoderSessionState {
  return { version: 1, recentCodes: [], transcripts: {} };
}

export async function readSessionState(root: string, coder: string): Promise<CoderSessionState> {
  try {
    const value = JSON.parse(await readFile(sessionStatePath(root, coder), 'utf8')) as Partial<CoderSessionState>;
    if (value.version !== 1 || typeof value.transcripts !== 'object' || value.transcripts === null) return emptyState();
    return {
      version: 1,
      recentCodes: Array.isArray(value.recentCodes) ? value.recentCodes.filter((c): c is string => typeof c === 'string') : [],
      transcripts: value.transcripts,
    };
  } catch {
    // Missing or damaged: start from nothing (it only holds positions).
    return emptyState();
  }
}

/** Synchronous, so that it can run on the way out of the coding screen. */
export function writeSessionStateSync(root: string, coder: string, state: CoderSessionState): void {
  const path = sessionStatePath(root, coder);
  mkdirSync(join(root, STUDY_FILES.internal, 'state'), { recursive: true });
  writeFileAtomicSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

export async function ensureInternalDir(root: string): Promise<void> {
  await mkdir(join(root, STUDY_FILES.internal), { recursive: true });
}
