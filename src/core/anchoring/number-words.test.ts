import { describe, expect, it } from 'vitest';
import { ORDINAL_WORDS, ordinalFigureValue, spelledNumber, spelledOrdinal, wordsValue } from './number-words.js';

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

describe('ordinals', () => {
  const ranks = (n: number) => spelledOrdinal(n).map((w) => w.join(' '));
  it('reads a rank in figures the ways authors write it', () => {
    expect(['3e', '3eme', '1er', '1re', '1ere', '2nd', '2nde', '21st', '3rd', '4th', '21e'].map(ordinalFigureValue)).toEqual([3, 3, 1, 1, 1, 2, 2, 21, 3, 4, 21]);
    expect(['2er', '3st', 'e', '03e', '3', 'eme'].map(ordinalFigureValue)).toEqual([null, null, null, null, null, null]);
  });
  it.each([
    [1, 'premier'],
    [1, 'premiere'],
    [2, 'deuxieme'],
    [2, 'seconde'],
    [3, 'troisieme'],
    [4, 'quatrieme'],
    [5, 'cinquieme'],
    [9, 'neuvieme'],
    [11, 'onzieme'],
    [21, 'vingt et unieme'],
    [80, 'quatre vingtieme'],
    [100, 'centieme'],
    [3, 'third'],
    [20, 'twentieth'],
  ])('says the rank %i as « %s »', (n, words) => {
    expect(ranks(n)).toContain(words);
  });
  it('knows the ranks said in one word', () => {
    expect(ORDINAL_WORDS.get('troisieme')).toBe(3);
    expect(ORDINAL_WORDS.get('premiere')).toBe(1);
    expect(ORDINAL_WORDS.get('vingtieme')).toBe(20);
    expect(ORDINAL_WORDS.has('troisieme ')).toBe(false);
  });
});
