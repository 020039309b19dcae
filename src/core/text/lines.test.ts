import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineNumbers, positionOf } from './lines.js';

describe('line and column of an offset', () => {
  const text = 'Enquêteur : Bonjour.\nP1 : Oui.\n\nP1 : « Non » 😴 vraiment.';
  it('counts lines from the file line the text begins on, and columns in UTF-16 units from 1', () => {
    expect(positionOf(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(text, text.indexOf('Oui'))).toEqual({ line: 2, column: 6 });
    expect(positionOf(text, text.indexOf('\n\n') + 1)).toEqual({ line: 3, column: 1 });
    expect(positionOf(text, text.indexOf('vraiment'), 6)).toEqual({ line: 9, column: 17 });
    expect(new LineNumbers(text, 6).positionOf(text.indexOf('vraiment'))).toEqual({ line: 9, column: 17 });
  });

  it('gives the same answer for one offset and for many (LineNumbers)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '\n', ' ', '😴') }), fc.nat(), fc.integer({ min: 1, max: 40 }), (t, at, first) => {
        const offset = t.length === 0 ? 0 : at % (t.length + 1);
        const lines = new LineNumbers(t, first);
        expect(lines.positionOf(offset)).toEqual(positionOf(t, offset, first));
        expect(lines.lineOf(offset)).toBe(positionOf(t, offset, first).line);
        const before = t.slice(0, offset);
        expect(positionOf(t, offset, first)).toEqual({ line: first + before.split('\n').length - 1, column: before.length - before.lastIndexOf('\n') });
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
