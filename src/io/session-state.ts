import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeSpans } from '../core/spans.js';
import type { PointAnchor, PositionAnchors, TranscriptPosition } from '../core/study/reading.js';
import { STUDY_FILES } from '../core/study/study.js';
import { writeFileAtomicSync } from './atomic-write.js';
import { mkdirSync } from 'node:fs';

export type { TranscriptPosition } from '../core/study/reading.js';

/**
 * Where a coder stopped in each transcript, and the codes they used last. Kept in
 * `.codage/state/<coder>.json`: convenience only, never research data (safe to delete).
 * Positions are code points, like the coder files; with them, a hash of the transcript text they
 * were saved against and the words around each (to find them again once a transcript changed).
 */
export interface CoderSessionState {
  version: 1;
  /** Code ids, most recent first. */
  recentCodes: string[];
  transcripts: Record<string, TranscriptPosition>;
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
    const transcripts: Record<string, TranscriptPosition> = {};
    for (const [id, entry] of Object.entries(value.transcripts as Record<string, unknown>)) {
      const position = positionOf(entry);
      if (position !== null) transcripts[id] = position;
    }
    return {
      version: 1,
      recentCodes: Array.isArray(value.recentCodes) ? value.recentCodes.filter((c): c is string => typeof c === 'string') : [],
      transcripts,
    };
  } catch {
    // Missing or damaged: start from nothing (it only holds positions).
    return emptyState();
  }
}

const isOffset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A transcript's entry as written, or null when it is not one (a damaged or hand-edited file). */
function positionOf(entry: unknown): TranscriptPosition | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as Record<string, unknown>;
  if (!isOffset(e.cursor)) return null;
  const position: TranscriptPosition = {
    cursor: e.cursor,
    furthest: isOffset(e.furthest) ? e.furthest : e.cursor,
    at: typeof e.at === 'string' ? e.at : '',
  };
  let readAsWritten = true;
  if (Array.isArray(e.read)) {
    const spans = e.read.filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && isOffset(r[0]) && isOffset(r[1]));
    position.read = mergeSpans(spans.map(([start, end]) => ({ start, end }))).map((r) => [r.start, r.end]);
    readAsWritten = position.read.length === e.read.length && position.read.every(([start, end], i) => spans[i]?.[0] === start && spans[i]?.[1] === end);
  }
  // What finds the offsets again in a changed transcript: only when it matches them one to one
  // (a hand-edited file without it is taken as it is, as an earlier version's).
  const anchors = anchorsOf(e.anchors);
  if (typeof e.textHash === 'string' && anchors !== null && readAsWritten && anchors.read.length === (position.read?.length ?? 0)) {
    position.textHash = e.textHash;
    position.anchors = anchors;
  }
  return position;
}

function pointOf(value: unknown): PointAnchor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { before, after } = value as Record<string, unknown>;
  return typeof before === 'string' && typeof after === 'string' ? { before, after } : null;
}

function anchorsOf(value: unknown): PositionAnchors | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const cursor = pointOf(v.cursor);
  const furthest = pointOf(v.furthest);
  if (cursor === null || furthest === null || !Array.isArray(v.read)) return null;
  const read: [PointAnchor, PointAnchor][] = [];
  for (const pair of v.read) {
    const start = Array.isArray(pair) && pair.length === 2 ? pointOf(pair[0]) : null;
    const end = Array.isArray(pair) && pair.length === 2 ? pointOf(pair[1]) : null;
    if (start === null || end === null) return null;
    read.push([start, end]);
  }
  return { cursor, furthest, read };
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
