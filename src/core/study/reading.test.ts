import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { transcriptToOpen } from './next-transcript.js';
import { lastOpened, withReading } from './reading.js';

describe('reading over several sessions', () => {
  it('adds what a session read to what earlier ones did', () => {
    const first = withReading(undefined, { cursor: 40, furthest: 60, read: [[0, 60]], at: '2026-11-02T10:00:00Z' });
    expect(first).toEqual({ cursor: 40, furthest: 60, read: [[0, 60]], at: '2026-11-02T10:00:00Z' });
    const second = withReading(first, { cursor: 10, furthest: 30, read: [[100, 140], [50, 80]], at: '2026-11-03T10:00:00Z' });
    // The furthest point never goes back; read ranges merge.
    expect(second).toEqual({ cursor: 10, furthest: 60, read: [[0, 80], [100, 140]], at: '2026-11-03T10:00:00Z' });
  });

  it('knows which transcript the coder had open last', () => {
    const state = {
      transcripts: {
        P1: { cursor: 0, furthest: 0, at: '2026-11-02T10:00:00Z' },
        P3: { cursor: 0, furthest: 0, at: '2026-11-04T09:00:00Z' },
        P2: { cursor: 0, furthest: 0, at: '2026-11-03T10:00:00Z' },
      },
    };
    expect(lastOpened(state, ['P1', 'P2', 'P3'])).toBe('P3');
    // A transcript no longer in the study does not count.
    expect(lastOpened(state, ['P1', 'P2'])).toBe('P2');
    expect(lastOpened({ transcripts: {} }, ['P1'])).toBeNull();
  });
});

describe('transcriptToOpen', () => {
  const t = (id: string) =>
    parseTranscript({ file: `transcripts/${id}.txt`, bytes: new TextEncoder().encode(`E : Question ?\n${id} : Une réponse. Une autre.\n`), defaultId: id }).transcript;
  const transcripts = [t('P1'), t('P2'), t('P3')];

  it('reopens the transcript the coder was working on, while it has uncoded speech beyond where they read', () => {
    expect(transcriptToOpen(transcripts, 'P2', () => [], () => 0)?.id).toBe('P2');
    expect(transcriptToOpen(transcripts, null, () => [], () => 0)?.id).toBe('P1');
  });

  it('goes to the next one in interview order once it is done', () => {
    const whole = (id: string) => [{ start: 0, end: transcripts.find((x) => x.id === id)!.text.length }];
    expect(transcriptToOpen(transcripts, 'P2', (id) => (id === 'P2' || id === 'P1' ? whole(id) : []), () => 0)?.id).toBe('P3');
    expect(transcriptToOpen(transcripts, 'P2', () => [], (id) => (id === 'P2' ? 1000 : 0))?.id).toBe('P1');
  });
});
