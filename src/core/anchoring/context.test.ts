import { describe, it, expect } from 'vitest';
import { chooseSpan, contextOf } from './context.js';

describe('contextOf', () => {
  it('keeps up to 32 characters on each side, cut back to whole words', () => {
    const text = 'Enquêteur : Et la lombalgie ?\nP1 : Oui, la lombalgie chronique, bon, quatre-vingt-dix pour cent c’est mécanique, mais il y a toujours les dix pour cent.';
    const start = text.indexOf('quatre-vingt-dix');
    const end = start + 'quatre-vingt-dix pour cent'.length;
    const { prefix, suffix } = contextOf(text, start, end);
    expect(prefix.length).toBeLessThanOrEqual(32);
    expect(suffix.length).toBeLessThanOrEqual(32);
    expect(text.slice(start - prefix.length, start)).toBe(prefix);
    expect(text.slice(end, end + suffix.length)).toBe(suffix);
    expect(prefix).toBe('la lombalgie chronique, bon, ');
    expect(suffix).toBe(' c’est mécanique, mais il y a');
  });

  it('stops at the ends of the text', () => {
    expect(contextOf('Oui.', 0, 3)).toEqual({ prefix: '', suffix: '.' });
  });
});

describe('chooseSpan', () => {
  const text = 'oui, bon. Et puis oui, enfin. Alors oui, voilà.';
  const spans = [0, 18, 36].map((start) => ({ start, end: start + 3 }));

  it('takes the place whose surroundings agree with the context', () => {
    expect(chooseSpan(spans, { text, context: { prefix: 'Et puis ', suffix: ', enfin' } })?.start).toBe(18);
    expect(chooseSpan(spans, { text, context: { suffix: ', voilà' } })?.start).toBe(36);
  });

  it('then the nearest to the old place, then the first', () => {
    expect(chooseSpan(spans, { near: 30 })?.start).toBe(36);
    expect(chooseSpan(spans)?.start).toBe(0);
    expect(chooseSpan(spans, { text, context: { prefix: 'rien de tel ' }, near: 20 })?.start).toBe(18);
  });
});
