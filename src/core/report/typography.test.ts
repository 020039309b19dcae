import { describe, expect, it } from 'vitest';
import { frenchMessage, messageQuote, quoteMarks, wrapQuote } from './typography.js';

describe('frenchMessage', () => {
  it('puts no-break spaces before : and inside guillemets, narrow ones before ; ! ?', () => {
    expect(frenchMessage('« x » : a ; b ?', 'fr')).toBe('«\u00a0x\u00a0»\u00a0: a\u202f; b\u202f?');
    expect(frenchMessage('« x » : a', 'en')).toBe('« x » : a');
  });
});

describe('messageQuote', () => {
  it('quotes a passage on one line, cut after 60 characters', () => {
    expect(messageQuote('Je ne sais\nplus.', 'fr')).toBe('«\u00a0Je ne sais plus.\u00a0»');
    expect(messageQuote('Je ne sais plus.', 'en')).toBe('“Je ne sais plus.”');
    expect([...messageQuote('a'.repeat(80), 'en')].length).toBe(62);
  });

  it('keeps the guillemets of the passage visible: “ ” around it instead of « »', () => {
    expect(messageQuote('« Est-ce que je vais trop loin ? » je me pose la question.', 'fr')).toBe('“« Est-ce que je vais trop loin ? » je me pose la question.”');
  });
});

describe('quoteMarks: the marks around a quote, the quote itself never changed', () => {
  it('takes the language’s usual marks, or its other ones when the quote holds the usual ones', () => {
    expect(wrapQuote('je suis fatiguée', 'fr')).toBe('«\u00a0je suis fatiguée\u00a0»');
    expect(wrapQuote('il m’a dit « c’est fini »', 'fr')).toBe('“il m’a dit « c’est fini »”');
    expect(wrapQuote('il m’a dit "c’est fini"', 'fr')).toBe('«\u00a0il m’a dit "c’est fini"\u00a0»');
    expect(wrapQuote('I’m tired', 'en')).toBe('“I’m tired”');
    expect(wrapQuote('he said “it’s over”', 'en')).toBe('‘he said “it’s over”’');
    expect(wrapQuote('he said "it’s over"', 'en')).toBe('‘he said "it’s over"’');
  });

  it('keeps the usual marks when the quote holds both kinds: no third kind is invented', () => {
    expect(quoteMarks('« oui » et “non”', 'fr')).toEqual({ open: '«\u00a0', close: '\u00a0»' });
    expect(quoteMarks('“yes” and ‘no’', 'en')).toEqual({ open: '\u201c', close: '\u201d' });
  });
});
