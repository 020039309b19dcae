/**
 * The transcript reader and sentence segmentation on arbitrary files: never an exception, and the
 * structure it finds (turns, sentences) always lies inside the text, in order, without overlaps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/core/transcript/parse.js';
import { segmentSentences } from '../../src/core/transcript/sentences.js';
import { PROPERTY_TIMEOUT, runs, transcriptText } from './arbitraries.js';

const encoder = new TextEncoder();

/** A file's bytes: UTF-8 text (with or without BOM or front matter), Windows-1252, or anything. */
const fileBytes = fc.oneof(
  transcriptText.map((t) => encoder.encode(t)),
  transcriptText.map((t) => encoder.encode(`\ufeff---\nid: P1\ndate: 2024-02-06\n---\n${t}`)),
  transcriptText.map((t) => Uint8Array.from(t.replace(/[^\x00-\xff]/g, '?'), (c) => c.charCodeAt(0))),
  transcriptText.map((t) => encoder.encode(t.replace(/\n/g, '\r\n'))),
  fc.uint8Array({ maxLength: 600 }),
);

describe('transcripts, on arbitrary files', () => {
  it('are read without exception into NFC text with LF line ends, whose turns and sentences lie in order inside it', () => {
    fc.assert(
      fc.property(fileBytes, (bytes) => {
        const { transcript } = parseTranscript({ file: 'transcripts/P1.txt', bytes, defaultId: 'P1' });
        const text = transcript.text;
        expect(text.includes('\r')).toBe(false);
        expect(text.normalize('NFC')).toBe(text);

        let previousEnd = 0;
        for (const turn of transcript.turns) {
          expect(turn.start).toBeGreaterThanOrEqual(previousEnd);
          expect(turn.start).toBeLessThanOrEqual(turn.textStart);
          expect(turn.textStart).toBeLessThanOrEqual(turn.end);
          expect(turn.end).toBeLessThanOrEqual(text.length);
          previousEnd = turn.end;
        }

        const sentences = segmentSentences(text, transcript.turns);
        let sentenceEnd = 0;
        for (const s of sentences) {
          const turn = transcript.turns[s.turn]!;
          expect(s.start).toBeLessThan(s.end);
          expect(s.start).toBeGreaterThanOrEqual(sentenceEnd);
          expect(s.start).toBeGreaterThanOrEqual(turn.textStart);
          expect(s.end).toBeLessThanOrEqual(turn.end);
          sentenceEnd = s.end;
        }

        for (const a of transcript.annotations) {
          expect(a.start).toBeLessThan(a.end);
          expect(a.end).toBeLessThanOrEqual(text.length);
        }
      }),
      runs(400),
    );
  }, PROPERTY_TIMEOUT);
});
