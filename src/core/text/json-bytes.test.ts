import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from './json-bytes.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('jsonBytes', () => {
  it('writes what JSON.stringify(value, null, 2) writes, for large and small data', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, text: i % 7 === 0 ? '« Je ne sais plus » ’' : 'plain', codes: i % 3 === 0 ? [] : ['a', 'b'], skip: undefined, n: i / 3, nested: { deep: [1, { x: null }] } }));
    const report = { method: { unit: 'char', empty: {}, list: [] }, cells: many, codes: Object.fromEntries(many.map((m) => [m.id, m.n])), sentence: 'Accord « fort »', gone: undefined, f: () => 1 };
    // More entries than one run of stringified entries, with large containers and skipped entries among them.
    const mixed = Array.from({ length: 700 }, (_, i) =>
      i % 250 === 5 ? Array.from({ length: 70 }, (_, k) => k) : i % 250 === 9 ? { list: many.slice(0, 65), s: '’' } : i % 7 === 0 ? undefined : { i, t: 'x\ny' },
    );
    for (const value of [report, many, mixed, { deep: { deeper: mixed } }, [], {}, 'é', 3, null, [undefined, () => 1, 2], { big: Array.from({ length: 70 }, () => undefined) }]) {
      expect(text(jsonBytes(value))).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it('agrees with JSON.stringify on arbitrary JSON data, large containers included', () => {
    const big = fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 60, maxLength: 90 });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), big, fc.dictionary(fc.string(), big, { maxKeys: 3 }), fc.dictionary(fc.string(), fc.integer(), { minKeys: 64, maxKeys: 80 })), (value) => {
        expect(text(jsonBytes(value))).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('passes each piece through the given escape', () => {
    const value = { cells: Array.from({ length: 70 }, (_, i) => `x${i}\u202e`) };
    const escaped = (piece: string) => piece.replaceAll('\u202e', '\\u202e');
    expect(text(jsonBytes(value, escaped))).toBe(`${escaped(JSON.stringify(value, null, 2))}\n`);
  });
});
