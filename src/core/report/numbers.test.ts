import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './numbers.js';

describe('number formatting', () => {
  it('groups thousands the French and the English way', () => {
    expect(formatNumber(15711, 'en')).toBe('15,711');
    expect(formatNumber(15711, 'fr')).toBe('15\u202f711');
    expect(formatNumber(1234, 'fr')).toBe('1234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234567.891, 'fr', 2)).toBe('1\u202f234\u202f567,89');
    expect(formatNumber(-0.001, 'en', 1)).toBe('0.0');
    expect(formatNumber(-12.5, 'fr', 1)).toBe('-12,5');
  });

  it('writes percentages with a non-breaking space in French', () => {
    expect(formatPercent(0.4567, 'fr')).toBe('46\u00a0%');
    expect(formatPercent(0.4567, 'en', 1)).toBe('45.7%');
  });
});
