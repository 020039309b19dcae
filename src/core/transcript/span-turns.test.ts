import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.js';
import { severalSpeakers, spanTurns } from './span-turns.js';

const transcriptOf = (text: string) => parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(text), defaultId: 'P1' }).transcript;

const text = 'Enquêtrice : Et quand il revient ?\n\nP1 : Je ne sais plus. On tourne en rond.\n\nP1 : Encore moi.\n';

describe('the speakers of a stretch of transcript', () => {
  const t = transcriptOf(text);
  const span = (from: string, to: string) => [t.text.indexOf(from), t.text.indexOf(to) + to.length] as const;

  it('cuts a stretch into its turns, labels left out, each part with its speaker', () => {
    const [start, end] = span('quand', 'Je ne sais');
    const parts = spanTurns(t.turns, start, end);
    expect(parts.map((p) => [p.speaker, t.text.slice(p.start, p.end)])).toEqual([
      ['Enquêtrice', 'quand il revient ?'],
      ['P1', 'Je ne sais'],
    ]);
    expect(severalSpeakers(t, start, end)?.speakers).toEqual(['Enquêtrice', 'P1']);
  });

  it('finds one speaker in one turn, in two turns of the same speaker, and when only the next label is reached', () => {
    expect(severalSpeakers(t, ...span('Je ne', 'rond.'))).toBeNull();
    expect(severalSpeakers(t, ...span('On tourne', 'Encore moi.'))).toBeNull();
    // Up to the next speaker's label, not into their words: one speaker.
    const start = t.text.indexOf('Et quand');
    expect(severalSpeakers(t, start, t.text.indexOf('Je ne'))).toBeNull();
    expect(severalSpeakers(t, start, t.text.indexOf('Je ne') + 1)?.speakers).toEqual(['Enquêtrice', 'P1']);
  });
});
