import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import type { Transcript } from '../types.js';
import type { TranscriptPosition } from './reading.js';
import { unfinishedReadings } from './unfinished-reading.js';

const transcript = (id: string, body: string): Transcript =>
  parseTranscript({ file: `transcripts/${id}.txt`, bytes: new TextEncoder().encode(body), defaultId: id }).transcript;

const BODY = [
  'E : Pour commencer, parlez-moi du dernier patient douloureux que vous avez vu ?',
  'P1 : Alors euh… le dernier, c’était ce matin. Une dame qui a une fibromyalgie. Elle vient tous les mois.',
  'E : Qu’est-ce que vous ressentez ?',
  'P1 : Oui. Je me sens un peu inutile, en fait. On a fait le tour des traitements.',
  '',
].join('\n');

const position = (read: [number, number][]): TranscriptPosition => ({ cursor: 0, furthest: read.at(-1)?.[1] ?? 0, at: '2026-12-01T10:00:00Z', read });

describe('unfinishedReadings', () => {
  const p1 = transcript('P1', BODY);
  const p2 = transcript('P2', BODY.replaceAll('P1 :', 'P2 :'));
  const half = p1.text.indexOf('E : Qu’est-ce');

  it('names each transcript a coder opened in the coding screen and did not read through, with the share read', () => {
    const positions = new Map([
      ['lea', { P1: position([[0, half]]), P2: position([[0, p2.text.length]]) }],
      ['marie', {}],
    ]);
    const found = unfinishedReadings([p1, p2], positions);
    expect(found.map((u) => [u.coder, u.participant])).toEqual([['lea', 'P1']]);
    expect(found[0]!.read).toBeGreaterThan(0.3);
    expect(found[0]!.read).toBeLessThan(0.7);
  });

  it('says nothing of a transcript never opened in the screen (codings imported), nor of one read to its end', () => {
    expect(unfinishedReadings([p1, p2], new Map([['paul', { P2: position([[0, p2.text.length]]) }]]))).toEqual([]);
  });
});
