import { describe, expect, it } from 'vitest';
import { spelledNumber, wordsValue } from './number-words.js';

const said = (n: number) => spelledNumber(n).map((w) => w.join(' '));

describe('spelledNumber', () => {
  it.each([
    [18, 'dix huit'],
    [21, 'vingt et un'],
    [70, 'soixante dix'],
    [71, 'soixante et onze'],
    [80, 'quatre vingts'],
    [81, 'quatre vingt un'],
    [90, 'quatre vingt dix'],
    [90, 'nonante'],
    [97, 'quatre vingt dix sept'],
    [200, 'deux cents'],
    [203, 'deux cent trois'],
    [1990, 'mille neuf cent quatre vingt dix'],
    [1990, 'dix neuf cent quatre vingt dix'],
    [2000, 'deux mille'],
    [21, 'twenty one'],
    [105, 'a hundred and five'],
  ])('says %i as « %s »', (n, words) => {
    expect(said(n)).toContain(words);
  });
});

describe('wordsValue', () => {
  it('reads the number words say, as they are said', () => {
    expect(wordsValue(['quatre', 'vingt', 'dix'])).toBe(90);
    expect(wordsValue(['vingt', 'et', 'un'])).toBe(21);
    expect(wordsValue(['soixante', 'dix', 'huit'])).toBe(78);
    expect(wordsValue(['deux', 'cents'])).toBe(200);
    expect(wordsValue(['mille', 'neuf', 'cent', 'quatre', 'vingt', 'dix'])).toBe(1990);
    // Two numbers, not one.
    expect(wordsValue(['quatre', 'et', 'vingt'])).toBeNull();
    expect(wordsValue(['vingt', 'quatre', 'vingt'])).toBeNull();
  });
});
