import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { isOneColumn, oneColumnEach, textWidth } from './width.js';

describe('textWidth', () => {
  it('says one column for a character only where string-width does, over the whole BMP, and for the soft hyphen', () => {
    const wrong: string[] = [];
    let oneColumn = 0;
    for (let code = 0; code < 0x10000; code++) {
      if (!isOneColumn(code)) continue;
      oneColumn++;
      if (stringWidth(String.fromCharCode(code)) !== (code === 0xad ? 0 : 1)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    // The fast path covers Latin text's characters and the screens' symbols (a mutation dropping a range fails here).
    expect(oneColumn).toBeGreaterThan(0x5f + (0x300 - 0xa0 - 1) + 1600);
    for (const ch of 'aé’…«»–—\u00a0\u202f\u00ad€│┃─›·•↑↓←→⇧⏎⌫≈✓✎✗▸▾●★⚠™') expect(isOneColumn(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of '\u200b\u200d\u2028\t\n\u0085漢\u0301⌚✅❌') expect(isOneColumn(ch.charCodeAt(0)), ch).toBe(false);
    // Terminals draw Word's optional hyphen in one column; string-width counts none.
    expect(textWidth('fibr\u00adomyalgie')).toBe(13);
    expect(textWidth('fibr\u00adomyalgie 日本')).toBe(18);
  });

  it('measures any text as string-width does (a soft hyphen one column more), ANSI escapes, emoji, CJK and combining marks included', () => {
    const softHyphens = (text: string) => text.split('\u00ad').length - 1;
    const pieces = ['a', 'é', 'e\u0301', '’', '«\u00a0', '…', '漢', '😀', '👩‍⚕️', '\u00ad', '\u200b', '\u001b[1m', '\u001b[22m', '\u001b[38;5;12m', '\u001b[', '\u001b[2J', '\u001b]8;;x\u0007', '\u001b', '[', 'm', '1', ';', '\t', '€', '│', 'Ω', '\u2028'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(textWidth(text)).toBe(stringWidth(text) + softHyphens(text));
        expect(oneColumnEach(text)).toBe([...text].every((ch) => isOneColumn(ch.charCodeAt(0))));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '\u001b', '[', 'm', '0', '1', ';', '漢', 'K'), maxLength: 20 }), (text) => {
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        expect(textWidth(text)).toBe(stringWidth(text) + softHyphens(text));
      }),
      { numRuns: 500 },
    );
  });
});
