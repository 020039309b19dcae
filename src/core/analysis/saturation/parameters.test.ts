import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors.js';
import { saturationOptions } from './parameters.js';
import { thrown } from '../../../../test/support/thrown.js';

const usage = (fn: () => unknown): UsageError => thrown(UsageError, fn);

describe('saturationOptions', () => {
  it('gives the published defaults: Guest 4/2/5 % fixed, stopping rule 10+3, shares 90/95/100, every method', () => {
    expect(saturationOptions({})).toEqual({
      level: 'code',
      methods: ['guest', 'stopping', 'shares'],
      guest: { base: 4, run: 2, threshold: 0.05, denominator: 'fixed' },
      stopping: { initial: 10, stop: 3 },
      shares: [90, 95, 100],
    });
  });

  it('reads thresholds as researchers type them', () => {
    for (const [typed, fraction] of [['5', 0.05], ['5%', 0.05], ['5 %', 0.05], ['2,5', 0.025], ['2.5', 0.025], ['0', 0], ['0.5%', 0.005], ['100', 1]] as const) {
      expect(saturationOptions({ threshold: typed }).guest.threshold, typed).toBeCloseTo(fraction, 12);
    }
  });

  it('refuses a threshold written as a fraction instead of guessing', () => {
    const e = usage(() => saturationOptions({ threshold: '0.05' }));
    expect(e.localized.en).toBe('--threshold is in percent: "0.05" would mean 0.05 %, not 5 %');
    expect(e.hint?.en).toBe('write --threshold 5 for 5 %, or --threshold 0.05% if you mean 0.05 %');
    expect(usage(() => saturationOptions({ threshold: '150' })).localized.fr).toContain('pourcentage de 0 à 100');
    expect(usage(() => saturationOptions({ threshold: 'cinq' }))).toBeInstanceOf(UsageError);
  });

  it('reads the stopping rule as INITIAL+STOP, or the last-two preset', () => {
    expect(saturationOptions({ stopping: '10+3' }).stopping).toEqual({ initial: 10, stop: 3 });
    expect(saturationOptions({ stopping: ' 6 + 2 ' }).stopping).toEqual({ initial: 6, stop: 2 });
    expect(saturationOptions({ stopping: 'last-two' }).stopping).toEqual({ initial: 0, stop: 2 });
    expect(saturationOptions({ stopping: '0+2' }).stopping).toEqual({ initial: 0, stop: 2 });
    expect(usage(() => saturationOptions({ stopping: '10+0' })).hint?.en).toContain('Francis et al. 2010');
    expect(usage(() => saturationOptions({ stopping: '10,3' }))).toBeInstanceOf(UsageError);
  });

  it('checks base and run, shares, methods, level and denominator', () => {
    expect(saturationOptions({ base: '6', run: '3', denominator: 'growing' }).guest).toEqual({ base: 6, run: 3, threshold: 0.05, denominator: 'growing' });
    expect(usage(() => saturationOptions({ base: '0' })).localized.en).toBe('--base must be a whole number of interviews, at least 1: not "0"');
    expect(usage(() => saturationOptions({ run: '1.5' }))).toBeInstanceOf(UsageError);
    expect(saturationOptions({ shares: '100, 80;90/90%' }).shares).toEqual([80, 90, 100]);
    expect(usage(() => saturationOptions({ shares: '90,120' }))).toBeInstanceOf(UsageError);
    expect(saturationOptions({ method: 'stopping,guest' }).methods).toEqual(['guest', 'stopping']);
    expect(saturationOptions({ method: 'all' }).methods).toEqual(['guest', 'stopping', 'shares']);
    expect(usage(() => saturationOptions({ method: 'guest,hennink' })).localized.en).toBe('unknown method "hennink"');
    expect(usage(() => saturationOptions({ level: 'category' }))).toBeInstanceOf(UsageError);
    expect(usage(() => saturationOptions({ denominator: 'moving' }))).toBeInstanceOf(UsageError);
    expect(saturationOptions({ coder: 'marie', by: 'group', level: 'theme' })).toMatchObject({ coder: 'marie', by: 'group', level: 'theme' });
  });
});
