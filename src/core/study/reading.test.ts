import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { transcriptToOpen } from './next-transcript.js';
import { lastOpened, readShare, readThrough, savedReading, withReading } from './reading.js';

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
  const whole = (id: string) => [{ start: 0, end: transcripts.find((x) => x.id === id)!.text.length }];

  it('reopens the transcript the coder was working on, while it is not done', () => {
    expect(transcriptToOpen(transcripts, 'P2', () => [], () => [])?.id).toBe('P2');
    expect(transcriptToOpen(transcripts, null, () => [], () => [])?.id).toBe('P1');
  });

  it('goes to the next one in interview order once it is read through or coded through', () => {
    expect(transcriptToOpen(transcripts, 'P2', (id) => (id === 'P2' || id === 'P1' ? whole(id) : []), () => [])?.id).toBe('P3');
    expect(transcriptToOpen(transcripts, 'P2', () => [], (id) => (id === 'P2' ? whole(id) : []))?.id).toBe('P1');
  });

  it('counts a transcript done from what was read, not from how far the cursor went', () => {
    const long = parseTranscript({
      file: 'transcripts/P4.txt',
      bytes: new TextEncoder().encode(
        Array.from({ length: 20 }, (_, i) => `E : Question ${i} ?\nP4 : Réponse numéro ${i}, assez longue pour compter. Et une autre phrase.\n`).join(''),
      ),
      defaultId: 'P4',
    }).transcript;
    const text = long.text;
    const lastTurn = long.turns.at(-1)!;
    // The end (G) then the top (g): the first and the last sentences read, the rest not.
    const peek = [
      { start: long.turns[1]!.textStart, end: text.indexOf('.', long.turns[1]!.textStart) + 1 },
      { start: text.lastIndexOf('Et une autre'), end: lastTurn.end },
    ];
    expect(readShare(long, peek)).toBeLessThan(0.2);
    expect(transcriptToOpen([long, transcripts[0]!], 'P4', () => [], (id) => (id === 'P4' ? peek : []))?.id).toBe('P4');
    // Read through, then back up: done, on to the next one.
    expect(transcriptToOpen([long, transcripts[0]!], 'P4', () => [], (id) => (id === 'P4' ? [{ start: 0, end: text.length }] : []))?.id).toBe('P1');
    // Read through but for a few words of one answer (« lu 100 % » on screen): done too.
    const gap = text.indexOf('assez longue', long.turns[21]!.textStart);
    const nearly = [
      { start: 0, end: gap },
      { start: gap + 'assez'.length, end: text.length },
    ];
    expect(readThrough(long, nearly)).toBe(true);
    expect(transcriptToOpen([long, transcripts[0]!], 'P4', () => [], (id) => (id === 'P4' ? nearly : []))?.id).toBe('P1');
    // Half of it read, the other half coded (an imported spreadsheet): nothing left to read or code.
    const half = long.turns[20]!.textStart;
    expect(
      transcriptToOpen(
        [long, transcripts[0]!],
        'P4',
        (id) => (id === 'P4' ? long.turns.filter((turn) => turn.textStart >= half && turn.role !== 'interviewer').map((turn) => ({ start: turn.textStart, end: turn.end })) : []),
        (id) => (id === 'P4' ? [{ start: 0, end: half }] : []),
      )?.id,
    ).toBe('P1');
  });

  it('reads an older state file without read ranges as read from the start to the furthest sentence', () => {
    expect(savedReading({ cursor: 10, furthest: 60, at: '' })).toEqual([[0, 60]]);
    expect(savedReading({ cursor: 0, furthest: 0, at: '' })).toEqual([]);
    expect(savedReading({ cursor: 10, furthest: 60, at: '', read: [[5, 20]] })).toEqual([[5, 20]]);
    expect(savedReading(undefined)).toEqual([]);
  });
});
