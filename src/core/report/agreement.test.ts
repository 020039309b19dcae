import { describe, expect, it } from 'vitest';
import { estimateText } from './agreement.js';

describe('estimateText', () => {
  it('writes two decimals, more when rounding would hide which side of the threshold a value is on', () => {
    expect(estimateText({ defined: true, value: 0.7123 }, 'en', 0.6)).toBe('0.71');
    expect(estimateText({ defined: true, value: 0.5996 }, 'fr', 0.6)).toBe('0,5996');
    expect(estimateText({ defined: true, value: 0.59949 }, 'en', 0.6)).toBe('0.599');
    expect(estimateText({ defined: true, value: 0.6 }, 'en', 0.6)).toBe('0.60');
    expect(estimateText({ defined: true, value: -0.05 }, 'fr')).toBe('-0,05');
    expect(estimateText({ defined: false, reason: 'expected-agreement-one' }, 'fr')).toBe('non défini');
    expect(estimateText({ defined: false, reason: 'no-units' }, 'en')).toBe('undefined');
  });
});
