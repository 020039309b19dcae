import { describe, expect, it } from 'vitest';
import { exactSpans, foldedOccurrences } from './occurrences.js';

describe('exactSpans', () => {
  it('finds a quote as written, never inside a word', () => {
    const text = 'Louis dit oui, puis oui.';
    expect(exactSpans(text, 'oui')).toEqual([
      { start: 10, end: 13 },
      { start: 20, end: 23 },
    ]);
    expect(exactSpans(text, '')).toEqual([]);
    // A quote that starts or ends on punctuation may sit against a word.
    expect(exactSpans('a,b', ',b')).toEqual([{ start: 1, end: 3 }]);
  });

  it('takes a letter beyond the BMP (two UTF-16 units) as a letter on either side', () => {
    // 𝒜 (U+1D49C) is a letter: « bc » right after it is inside a word, as after « A ».
    expect(exactSpans('𝒜bc et bc', 'bc')).toEqual([{ start: 8, end: 10 }]);
    expect(exactSpans('bc𝒜 et bc', 'bc')).toEqual([{ start: 8, end: 10 }]);
    // A quote that ends with such a letter: the word goes on after it, or it does not.
    expect(exactSpans('x𝒜y x𝒜.', 'x𝒜')).toEqual([{ start: 5, end: 8 }]);
    // An emoji is no letter: a quote against it is found.
    expect(exactSpans('😊oui', 'oui')).toEqual([{ start: 2, end: 5 }]);
  });
});

describe('foldedOccurrences', () => {
  it('finds a folded quote on word boundaries only', () => {
    expect(foldedOccurrences('louis dit oui puis oui', 'oui')).toEqual([10, 19]);
    expect(foldedOccurrences('louis', '')).toEqual([]);
  });
});
