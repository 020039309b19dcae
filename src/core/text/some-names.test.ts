import { describe, expect, it } from 'vitest';
import { someNames } from './some-names.js';

describe('someNames', () => {
  it('lists every name up to twelve, then counts the others', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `« C${i + 1} »`);
    expect(someNames(names(3), 'fr')).toBe('« C1 », « C2 », « C3 »');
    expect(someNames(names(12), 'en')).toBe(names(12).join(', '));
    expect(someNames(names(13), 'en')).toBe(`${names(12).join(', ')} and 1 more (--json lists them all)`);
    expect(someNames(names(300), 'fr')).toBe(`${names(12).join(', ')} et 288 autres (--json les liste tous)`);
    expect(someNames([], 'fr')).toBe('');
  });
});
