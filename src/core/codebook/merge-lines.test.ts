import { describe, expect, it } from 'vitest';
import { keepFormatting, matchLines, mergeLines } from './merge-lines.js';

describe('matchLines', () => {
  it('matches the lines two texts share, in order', () => {
    expect([...matchLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])!]).toEqual([0, -1, 2, 3]);
    expect([...matchLines([], ['a'])!]).toEqual([]);
    expect([...matchLines(['a'], [])!]).toEqual([-1]);
  });

  it('gives up when the texts differ too much', () => {
    expect(matchLines(['a', 'b', 'c'], ['x', 'y', 'z'], 2)).toBeNull();
  });
});

describe('mergeLines', () => {
  it('applies the edit to the user’s lines', () => {
    const base = ['k:', '  # c', '  - a', '', '# end'];
    const ours = ['k:   # c', '  - a', '# end'];
    const theirs = ['k:', '  # c', '  - a', '  - b', '', '# end'];
    expect(mergeLines(base, ours, theirs)).toEqual(['k:   # c', '  - a', '  - b', '# end']);
  });

  it('keeps a pure insertion next to a change on the other side', () => {
    const base = ['a', 'b', 'c'];
    expect(mergeLines(base, ['a', 'B', 'c'], ['a', 'x', 'b', 'c'])).toEqual(['a', 'x', 'B', 'c']);
  });

  it('lets the edit win where both sides changed the same lines', () => {
    expect(mergeLines(['a', 'b', 'c'], ['a', 'B1', 'c'], ['a', 'B2', 'c'])).toEqual(['a', 'B2', 'c']);
  });
});

describe('keepFormatting', () => {
  it('returns the source when the edit changed nothing', () => {
    expect(keepFormatting('x:   1\n', 'x: 1\n', 'x: 1\n')).toBe('x:   1\n');
  });
});
