import { describe, expect, it } from 'vitest';
import type { CoderFile, Transcript } from '../types.js';
import { replaceTranscriptSegments } from './replace-transcript.js';

const text = 'P1 : Le centre antidouleur, huit mois. On bricole. On bricole en attendant.';
const transcript = { id: 'P1', file: 'transcripts/P1.txt', text, bodyLine: 1, encoding: 'utf-8', attributes: {}, turns: [], annotations: [] } as Transcript;
const at = (s: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  return { start: i, end: i + s.length, text: s };
};

describe('replaceTranscriptSegments', () => {
  const placed = { id: 'a', participant: 'P1', ...at('On bricole', 1), codes: ['bricolage'], quote: 'q1', ambiguous: true, at: 't0' };
  const old = { id: 'b', participant: 'P1', ...at('huit mois'), codes: ['delais'], at: 't0' };
  const file: CoderFile = { coder: 'marie', memos: {}, segments: [placed, old] };

  it('keeps what the screen does not handle: quote id, ambiguous mark, no context added to old lines', () => {
    const next = replaceTranscriptSegments({
      coderFile: file,
      transcript,
      edited: [
        { id: 'a', start: placed.start, end: placed.end, codes: ['bricolage'] },
        { id: 'b', start: old.start, end: old.end, codes: ['delais'] },
      ],
      keep: [],
      now: 't1',
    });
    const a = next.segments.find((s) => s.id === 'a')!;
    expect(a).toMatchObject({ quote: 'q1', ambiguous: true, at: 't0' });
    expect(next.segments.find((s) => s.id === 'b')).toEqual(old);
  });

  it('keeps a confirmed place confirmed while the segment stays there, not once it is moved', () => {
    const { ambiguous: _, ...rest } = placed;
    const confirmed = { ...rest, confirmed: true };
    const saved = (start: number, end: number) =>
      replaceTranscriptSegments({ coderFile: { ...file, segments: [confirmed, old] }, transcript, edited: [{ id: 'a', start, end, codes: ['bricolage', 'humour'] }], keep: [], now: 't1' }).segments.find((s) => s.id === 'a')!;
    expect(saved(placed.start, placed.end)).toMatchObject({ confirmed: true, at: 't1' });
    const first = at('On bricole');
    expect(saved(first.start, first.end).confirmed).toBeUndefined();
  });

  it('gives a new or moved segment the text around it, and a moved one is no longer ambiguous', () => {
    const first = at('On bricole');
    const next = replaceTranscriptSegments({
      coderFile: file,
      transcript,
      edited: [
        { id: 'a', start: first.start, end: first.end, codes: ['bricolage'] },
        { id: 'c', ...at('Le centre antidouleur'), codes: ['delais'] },
      ],
      keep: [],
      now: 't1',
    });
    const a = next.segments.find((s) => s.id === 'a')!;
    expect(a).toMatchObject({ quote: 'q1', at: 't1', prefix: 'centre antidouleur, huit mois. ', suffix: '. On bricole en attendant.' });
    expect(a.ambiguous).toBeUndefined();
    expect(next.segments.find((s) => s.id === 'c')).toMatchObject({ prefix: 'P1 : ', suffix: ', huit mois. On bricole. On' });
  });
});
