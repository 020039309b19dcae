/**
 * Anchoring and re-anchoring on arbitrary transcripts, quotes and edits: a quote copied from the
 * transcript is always found; a segment never silently points at different text after the
 * transcript was edited — it is unchanged, moved with its exact text, re-placed with the new text
 * and a status saying so, or reported as unplaced with its old text kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateQuote } from '../../src/core/anchoring/locate.js';
import { cleanQuote } from '../../src/core/anchoring/quote.js';
import { reanchorAll, reanchorSegment } from '../../src/core/anchoring/reanchor.js';
import { foldForSearch } from '../../src/core/text/fold.js';
import { messyText, PROPERTY_TIMEOUT, runs, transcriptText } from './arbitraries.js';

const WORD = /[\p{L}\p{N}\p{M}]/u;

const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
/** The whole character starting at UTF-16 index `i`, and the one ending just before it. */
const charAt = (text: string, i: number): string => String.fromCodePoint(text.codePointAt(i)!);
const charBefore = (text: string, i: number): string => (i >= 2 && isLow(text.charCodeAt(i - 1)) && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? text.slice(i - 2, i) : text.slice(i - 1, i));

/** A transcript's text (already read: NFC, LF) and a span in it that starts and ends on word boundaries, as quotes do. */
const textAndSpan = fc
  .tuple(transcriptText.map((t) => t.normalize('NFC').replace(/\r\n?/g, '\n')), fc.nat(), fc.nat({ max: 300 }))
  .filter(([text]) => text.length > 0)
  .map(([text, a, length]) => {
    let start = a % text.length;
    let end = Math.min(text.length, start + 1 + length);
    // Whole characters (a letter beyond the BMP is two UTF-16 units, and a letter).
    if (start > 0 && isLow(text.charCodeAt(start))) start--;
    if (end < text.length && isLow(text.charCodeAt(end))) end++;
    while (start > 0 && WORD.test(charBefore(text, start)) && WORD.test(charAt(text, start))) start -= charBefore(text, start).length;
    while (end < text.length && WORD.test(charBefore(text, end)) && WORD.test(charAt(text, end))) end += charAt(text, end).length;
    return { text, start, end };
  });

/** An edit a person makes to a transcript: a typo fixed, a passage added or removed. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 60 }), insert: messyText(8) });

function applyEdits(text: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = (out.slice(0, at) + e.insert + out.slice(at + e.remove)).normalize('NFC').replace(/\r\n?/g, '\n');
  }
  return out;
}

describe('anchoring, on arbitrary text', () => {
  it('finds a quote copied from the transcript, at a place whose text is the quote', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, start, end }) => {
        const q = cleanQuote(text.slice(start, end));
        // Only quotes with words can be found; a quote of spaces and punctuation is refused.
        fc.pre(foldForSearch(q).trim().length >= 3);
        // As quotes are copied: from the start of a word.
        fc.pre(WORD.test(q[0] ?? ''));
        // Copied from anywhere (a speaker's label included): found anywhere, as re-anchoring does.
        const match = locateQuote(text, text.slice(start, end), { speakers: 'any' });
        expect(match.method).not.toBe('unresolved');
        expect(match.left).toEqual([]);
        for (const piece of match.pieces) {
          expect(piece.start).toBeGreaterThanOrEqual(0);
          expect(piece.start).toBeLessThan(piece.end);
          expect(piece.end).toBeLessThanOrEqual(text.length);
        }
        if (match.method === 'exact') {
          expect(match.pieces).toHaveLength(1);
          // The quote's own words, as written; a label or punctuation around them may be left out.
          const placed = text.slice(match.pieces[0]!.start, match.pieces[0]!.end);
          expect(match.quote).toContain(placed);
        } else {
          const placed = match.pieces.map((p) => foldForSearch(text.slice(p.start, p.end)).trim()).join(' ');
          expect(placed.replace(/\s+/g, ' ')).toContain(foldForSearch(q).trim().split(/\s+/)[0]);
        }
      }),
      runs(400),
    );
  }, PROPERTY_TIMEOUT);

  it('answers any quote in any text without exception, within the text', () => {
    fc.assert(
      fc.property(transcriptText, messyText(40), (text, quote) => {
        for (const speakers of ['own', 'any'] as const) {
          const match = locateQuote(text, quote, { speakers });
          if (match.method === 'unresolved') expect(match.pieces).toEqual([]);
          let previousEnd = -1;
          for (const piece of [...match.pieces].sort((a, b) => a.start - b.start)) {
            expect(piece.start).toBeGreaterThanOrEqual(0);
            expect(piece.start).toBeLessThan(piece.end);
            expect(piece.end).toBeLessThanOrEqual(text.length);
            // Pieces of one quote never overlap.
            expect(piece.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = piece.end;
          }
        }
      }),
      runs(300),
    );
  }, PROPERTY_TIMEOUT);

  it('re-anchoring after arbitrary edits never makes a segment point at different text silently', () => {
    fc.assert(
      fc.property(textAndSpan, fc.array(edit, { minLength: 1, maxLength: 4 }), ({ text, start, end }, edits) => {
        const segment = { start, end, text: text.slice(start, end) };
        const edited = applyEdits(text, edits);
        const [r] = reanchorAll(edited, [segment]);
        expect(reanchorSegment(edited, segment)).toEqual(r);
        switch (r!.status) {
          case 'unchanged':
          case 'moved':
            expect(edited.slice(r!.start, r!.end)).toBe(segment.text);
            expect(r!.text).toBe(segment.text);
            break;
          case 'normalised':
          case 'approximate':
            // Placed on text that differs: the status says so, and the segment takes the new text.
            expect(r!.start).toBeLessThan(r!.end);
            expect(r!.end).toBeLessThanOrEqual(edited.length);
            expect(r!.text).toBe(edited.slice(r!.start, r!.end));
            break;
          case 'unplaced':
            expect(r).toMatchObject({ start, end, text: segment.text });
            break;
        }
      }),
      runs(400),
    );
  }, PROPERTY_TIMEOUT);
});
