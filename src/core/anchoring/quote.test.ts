import { describe, expect, it } from 'vitest';
import { cleanQuote, withoutSignature } from './quote.js';

describe('cleanQuote', () => {
  it('takes off the quotation marks around a quote, whichever the author used', () => {
    expect(cleanQuote(' «\u00a0on se sent démunis\u00a0» ')).toBe('on se sent démunis');
    expect(cleanQuote('“on bricole”')).toBe('on bricole');
    expect(cleanQuote('‹\u202fpeu\u202f›')).toBe('peu');
    expect(cleanQuote('"rien"')).toBe('rien');
    // German: „ opens and “ closes.
    expect(cleanQuote('„man bastelt“')).toBe('man bastelt');
    expect(cleanQuote('„er sagt „nein“')).toBe('er sagt „nein“');
    // Nested, as « il dit « non » »: which marks are the author's is not known, the quote is kept.
    expect(cleanQuote('« il dit « non » »')).toBe('« il dit « non » »');
    expect(cleanQuote('„er sagt „nein““')).toBe('„er sagt „nein““');
    // English marks are not German ones: “ still opens.
    expect(cleanQuote('“so”')).toBe('so');
  });

  it('keeps a mark that belongs to a quotation inside the quote', () => {
    expect(cleanQuote('il dit « non »')).toBe('il dit « non »');
    expect(cleanQuote('« il dit « non »')).toBe('il dit « non »');
    expect(cleanQuote('il dit "non"')).toBe('il dit "non"');
    expect(cleanQuote('"il dit "non""')).toBe('"il dit "non""');
    expect(cleanQuote('elle « hésite »»')).toBe('elle « hésite »');
  });

  it('brings the quote to NFC', () => {
    expect(cleanQuote('« de\u0301ja\u0300 »')).toBe('déjà');
  });
});

describe('withoutSignature', () => {
  it('takes off the participant label pasted with a quote', () => {
    expect(withoutSignature('« on bricole » (MG4)', ['MG4'])).toBe('« on bricole »');
    expect(withoutSignature('« on bricole » – MG4.', ['MG4'])).toBe('« on bricole »');
    expect(withoutSignature('MG4 : on bricole', ['MG4'])).toBe('on bricole');
  });

  it('takes off a turn’s timestamp and label copied with it from the transcript', () => {
    expect(withoutSignature('[00:01:34] MG7 : Franchement ? Pas assez.', ['MG7'])).toBe('Franchement ? Pas assez.');
    expect(withoutSignature('00:01:34 MG7 : Franchement ?', ['MG7'])).toBe('Franchement ?');
    // A time said in the quote stays.
    expect(withoutSignature('MG7 : à 10:30 le matin', ['MG7'])).toBe('à 10:30 le matin');
  });
});
