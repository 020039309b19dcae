import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../../../test/support/saturation.js';
import { saturationSentence } from './sentence.js';

const NB = '\u00a0';
const NN = '\u202f';
const longer = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0];

describe('saturationSentence', () => {
  it('cites Guest et al. 2020 with its parameters and the "s+R" result, in French typography', () => {
    const text = saturationSentence(reportFromNewCounts(longer, { methods: ['guest'] }), 'fr');
    expect(text).toBe(
      `La saturation des codes a été évaluée selon la méthode de Guest, Namey et Chen (2020)${NB}: base de 4 entretiens, séries de 2 entretiens, seuil de 5${NB}% de nouveaux codes rapportés aux codes de la base (dénominateur fixe). ` +
        `La saturation a été atteinte au 8e entretien (8+2)${NB}: les 9e et 10e entretiens ont apporté 1 nouveau code (2,7${NB}% des 37 codes de la base).`,
    );
  });

  it('says the new codes that came after the saturation run, which the method does not look at', () => {
    const late = [5, 3, 2, 1, 0, 0, 4, 0, 2, 0];
    expect(saturationSentence(reportFromNewCounts(late, { methods: ['guest'] }), 'fr')).toContain(
      `La saturation a été atteinte au 4e entretien (4+2)${NB}: les 5e et 6e entretiens n’ont apporté aucun nouveau code, mais de nouveaux codes sont encore apparus ensuite (4 au 7e entretien et 2 au 9e).`,
    );
    expect(saturationSentence(reportFromNewCounts(late, { methods: ['guest'] }), 'en')).toContain(
      'Saturation was reached at the 4th interview (4+2): interviews 5 and 6 brought no new code, but new codes still appeared afterwards (4 in the 7th interview and 2 in the 9th).',
    );
  });

  it('says which denominator was used, with its own numbers', () => {
    const text = saturationSentence(reportFromNewCounts(longer, { methods: ['guest'], guest: { base: 4, run: 2, threshold: 0.05, denominator: 'growing' } }), 'en');
    expect(text).toBe(
      'Code saturation was assessed with the base, run and threshold method of Guest, Namey and Chen (2020): a base of 4 interviews, runs of 2 interviews and a threshold of 5% new codes, relative to all the codes identified before each run (growing denominator). ' +
        'Saturation was reached at the 7th interview (7+2): interviews 8 and 9 brought 2 new codes (4.3% of the 46 codes identified in the first 7 interviews).',
    );
  });

  it('says when saturation was not reached, with the last run', () => {
    expect(saturationSentence(reportFromNewCounts([4, 4, 4, 4, 4, 4], { methods: ['guest'] }), 'en')).toContain(
      'Saturation was not reached in the 6 interviews (last run, interviews 5 and 6: 8 new codes, 50.0% of the 16 codes of the base).',
    );
    expect(saturationSentence(reportFromNewCounts([5, 3], { methods: ['guest'] }), 'fr')).toContain(
      'La saturation n’a pas pu être évaluée (2 entretiens, moins qu’une base de 4 et une série de 2).',
    );
    // The base is there, not yet a run after it: that is the reason given, not an empty base.
    expect(saturationSentence(reportFromNewCounts([5, 3, 2, 1], { methods: ['guest'] }), 'fr')).toContain(
      'La saturation n’a pas encore pu être évaluée (pas de série de 2 entretiens après la base de 4 entretiens).',
    );
    expect(saturationSentence(reportFromNewCounts([5, 3, 2, 1, 0], { methods: ['guest'] }), 'en')).toContain(
      'Saturation could not be assessed yet (no run of 2 interviews after the base of 4 interviews).',
    );
  });

  it('reports the stopping rule of Francis et al. 2010 (met at 17, last new code at 14; and not met)', () => {
    const met = saturationSentence(reportFromNewCounts([9, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1, 0, 0, 1, 0, 0, 0], { methods: ['stopping'] }), 'fr');
    expect(met).toBe(
      `La règle d’arrêt de Francis et al. (2010) a également été appliquée${NB}: un échantillon initial de 10 entretiens, puis 3 entretiens consécutifs sans nouveau code. ` +
        `Ce critère a été atteint au 17e entretien${NN}; le dernier nouveau code est apparu au 14e entretien.`,
    );
    const notMet = saturationSentence(reportFromNewCounts([5, 3, 2, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0], { methods: ['stopping'] }), 'en');
    expect(notMet).toContain('This criterion was not met in the 13 interviews (the last new code appeared in the 11th interview).');
  });

  it('never claims "no new code in the last two interviews" when codes came later', () => {
    const held = saturationSentence(reportFromNewCounts([4, 3, 1, 0, 0], { methods: ['stopping'], stopping: { initial: 0, stop: 2 } }), 'en');
    expect(held).toBe(
      'Data collection was judged complete when 2 interviews in a row brought no new code. No new code appeared in the 2 interviews after the 3rd, the criterion being met at the 5th interview.',
    );
    const later = saturationSentence(reportFromNewCounts([4, 0, 0, 2, 0, 1], { methods: ['stopping'], stopping: { initial: 0, stop: 2 } }), 'fr');
    expect(later).toContain('ce critère a été atteint au 3e entretien, mais de nouveaux codes sont encore apparus ensuite (2 au 4e entretien et 1 au 6e)'.replace(/^c/, 'C'));
  });

  it('says when shares of the final codes were reached, grouping shares reached together', () => {
    expect(saturationSentence(reportFromNewCounts(longer, { methods: ['shares'] }), 'fr')).toBe(
      `Sur les 48 codes identifiés dans les 12 entretiens, 90${NB}% étaient apparus au 6e entretien, 95${NB}% au 7e et la totalité au 9e (Guest, Bunce et Johnson, 2006).`,
    );
    expect(saturationSentence(reportFromNewCounts([4, 4, 4, 4, 4, 4], { methods: ['shares'] }), 'en')).toBe(
      'Of the 24 codes identified in the 6 interviews, 90%, 95%, and all had appeared by the 6th interview (Guest, Bunce and Johnson, 2006).',
    );
  });

  it('gives one result per group, after the method', () => {
    const groups = ['MG', 'MG', 'A', 'MG', 'A', 'MG', 'MG', 'A', 'MG', 'MG', 'MG', 'MG'];
    const text = saturationSentence(reportFromNewCounts([5, 3, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0], { methods: ['guest'], by: 'group' }, groups), 'fr');
    expect(text).toContain(
      `Dans le groupe «${NB}A${NB}» (3 entretiens), la saturation n’a pas pu être évaluée (moins qu’une base de 4 et une série de 2)${NN}; dans le groupe «${NB}MG${NB}» (9 entretiens), la saturation a été atteinte au 5e entretien (5+2)${NB}: les 6e et 7e entretiens n’ont apporté aucun nouveau code.`,
    );
  });

  it('speaks of themes at theme level', () => {
    const text = saturationSentence(reportFromNewCounts([3, 1, 0, 0, 0, 0], { level: 'theme', methods: ['guest', 'stopping'] }), 'en');
    expect(text).toMatch(/^Theme saturation was assessed/);
    expect(text).toContain('threshold of 5% new themes');
    expect(text).toContain('without a new theme');
    expect(text).not.toMatch(/\bcodes?\b/);
  });
});
