import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateInterview } from '../../../test/support/sample-data.js';
import { sentenceBreaks } from './sentence-breaks.js';

/** The boundaries ICU finds (`Intl.Segmenter`, root rules): the reference. */
const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });
function icuBreaks(text: string): number[] {
  const out: number[] = [];
  for (const s of segmenter.segment(text)) if (s.index > 0) out.push(s.index);
  return out;
}

const DEMO = join(import.meta.dirname, '../../../fixtures/demo/transcripts');

describe('sentenceBreaks', () => {
  it('cuts as ICU does around every character of the BMP, in the contexts where its class decides', () => {
    // Each context tells some classes apart: Lower from OLetter ('a. X b'), SContinue and Numeric
    // ('A. X B', '1. X 2'), Close ('a.X', 'a. (X b'), Upper ('a.XB'), Sp ('a.\u00a0X b'), Extend and
    // Format (folded into the character before them), ParaSep ('X\n. b'), STerm ('aX. B').
    const contexts = ['a. X b', 'A. X B', 'a.X', 'a.X b', 'a? X b', 'X. b', 'a. (X b', '1. X 2', 'a.XB', 'a.\u00a0X b', 'aX. B', 'X\n. b'];
    const differing: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      for (const context of contexts) {
        const text = context.replaceAll('X', ch);
        if (sentenceBreaks(text).join() !== icuBreaks(text).join()) {
          differing.push(`U+${cp.toString(16).padStart(4, '0')} in ${JSON.stringify(context)}`);
          break;
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it('cuts random text as ICU does: punctuation, quotation marks, spaces, line ends, marks, emoji', () => {
    const pieces = [
      'a', 'A', 'é', 'ß', 'ǅ', '.', '.', '?', '!', '…', ' ', ' ', '\u00a0', '\u202f', '\t', '\n', '\r', '\r\n', '\u2028', '\u0085',
      '1', '"', "'", '«', '»', '“', '”', '’', '(', ')', '[', '*', ',', ';', ':', '-', '–', '\u0301', '\u200d', '\u200b', '\u00ad',
      '日', '。', 'ا', '\u0600', '\u2024', 'ª', '😀', '🏻',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(sentenceBreaks(text)).toEqual(icuBreaks(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('cuts interviews as ICU does: the demo study and generated French interviews', () => {
    const texts = [...readdirSync(DEMO).map((f) => readFileSync(join(DEMO, f), 'utf8')), ...[1, 2, 3].map((seed) => generateInterview(5000, seed))];
    for (const text of texts) {
      // ICU is slow on long texts without a blank line; codage cuts a paragraph at a time.
      for (const paragraph of text.split(/\n[ \t]*\n/)) expect(sentenceBreaks(paragraph)).toEqual(icuBreaks(paragraph));
    }
  });

  it('cuts long runs of spaces and closing marks after a full stop as ICU does (a pasted PDF, a hostile file)', () => {
    // Looking back and ahead from each item made these quadratic: 200,000 spaces took minutes.
    const text = `Fin.${' '.repeat(200_000)}suite. )${')'.repeat(200_000)} Oui${'.'.repeat(100_000)} non`;
    expect(sentenceBreaks(text)).toEqual(icuBreaks(text));
  });

  it('finds nothing to cut in an empty text or a single sentence', () => {
    expect(sentenceBreaks('')).toEqual([]);
    expect(sentenceBreaks('On se sent démuni.')).toEqual([]);
    // A sentence keeps the spaces after it, as ICU's do.
    expect(sentenceBreaks('Non. Jamais !')).toEqual([5]);
  });
});
