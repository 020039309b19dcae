import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSessionState, sessionStatePath, writeSessionStateSync } from './session-state.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function study(state?: unknown): string {
  const root = mkdtempSync(join(tmpdir(), 'codage-state-'));
  roots.push(root);
  if (state !== undefined) {
    const path = sessionStatePath(root, 'marie');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(state));
  }
  return root;
}

const anchors = {
  cursor: { before: 'P1 : ', after: 'Oui. Mais quand' },
  furthest: { before: 'jamais ', after: '' },
  read: [[{ before: '', after: 'E : Pour' }, { before: 'quinze.', after: '\nE' }]],
};

describe('the coder’s reading positions on disk', () => {
  it('reads a file of an earlier version, without the text hash and the words around the offsets', async () => {
    const root = study({ version: 1, recentCodes: ['a'], transcripts: { P1: { cursor: 12, furthest: 40, at: '2026-11-01T10:00:00Z' }, P2: { cursor: 3, furthest: 9, at: '', read: [[0, 9]] } } });
    expect(await readSessionState(root, 'marie')).toEqual({
      version: 1,
      recentCodes: ['a'],
      transcripts: { P1: { cursor: 12, furthest: 40, at: '2026-11-01T10:00:00Z' }, P2: { cursor: 3, furthest: 9, at: '', read: [[0, 9]] } },
    });
  });

  it('keeps the text hash and the words around each offset, written then read back', async () => {
    const root = study();
    const state = { version: 1 as const, recentCodes: [], transcripts: { P1: { cursor: 12, furthest: 40, at: 'x', read: [[0, 40]] as [number, number][], textHash: 'abc123', anchors: anchors as never } } };
    writeSessionStateSync(root, 'marie', state);
    expect(await readSessionState(root, 'marie')).toEqual(state);
    expect(readFileSync(sessionStatePath(root, 'marie'), 'utf8')).toContain('"textHash": "abc123"');
  });

  it('leaves them out when they do not match the offsets one to one (a hand-edited file): the offsets are taken as they are', async () => {
    const root = study({
      version: 1,
      recentCodes: [],
      transcripts: {
        // Two ranges written, one pair of anchors.
        P1: { cursor: 12, furthest: 40, at: '', read: [[0, 10], [20, 40]], textHash: 'abc', anchors },
        // Ranges not as codage writes them (overlapping): merged, anchors dropped.
        P2: { cursor: 12, furthest: 40, at: '', read: [[0, 30], [20, 40]], textHash: 'abc', anchors: { ...anchors, read: [...anchors.read, ...anchors.read] } },
        // Damaged anchors.
        P3: { cursor: 12, furthest: 40, at: '', read: [[0, 40]], textHash: 'abc', anchors: { cursor: 'x' } },
        // No hash.
        P4: { cursor: 12, furthest: 40, at: '', read: [[0, 40]], anchors },
      },
    });
    const { transcripts } = await readSessionState(root, 'marie');
    expect(transcripts.P1).toEqual({ cursor: 12, furthest: 40, at: '', read: [[0, 10], [20, 40]] });
    expect(transcripts.P2).toEqual({ cursor: 12, furthest: 40, at: '', read: [[0, 40]] });
    expect(transcripts.P3).toEqual({ cursor: 12, furthest: 40, at: '', read: [[0, 40]] });
    expect(transcripts.P4).toEqual({ cursor: 12, furthest: 40, at: '', read: [[0, 40]] });
  });
});
