import { describe, expect, it } from 'vitest';
import { createSegmentId, uniqueSegmentId } from './ids.js';

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

describe('segment ids', () => {
  it('makes 8 characters from [a-z0-9]', () => {
    expect(createSegmentId(sequence([0]))).toBe('aaaaaaaa');
    expect(createSegmentId(sequence([0.999999]))).toBe('99999999');
    expect(createSegmentId(sequence([0, 0.5, 0.72, 0.99]))).toBe('asz9asz9');
    for (let i = 0; i < 50; i++) expect(createSegmentId(Math.random)).toMatch(/^[a-z0-9]{8}$/);
  });

  it('survives a random source that returns 1', () => {
    expect(createSegmentId(() => 1)).toBe('99999999');
  });

  it('skips ids already taken', () => {
    const random = sequence([0, 0, 0, 0, 0, 0, 0, 0, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03]);
    expect(uniqueSegmentId(new Set(['aaaaaaaa']), random)).toBe('bbbbbbbb');
    expect(() => uniqueSegmentId(new Set(['aaaaaaaa']), () => 0)).toThrow();
  });
});
