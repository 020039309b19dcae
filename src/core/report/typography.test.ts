import { describe, expect, it } from 'vitest';
import { frenchMessage, messageQuote } from './typography.js';

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
