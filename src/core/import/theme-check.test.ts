import { describe, expect, it } from 'vitest';
import { nameKey } from '../codebook/slug.js';
import { planImport } from './plan.js';
import { themeDisagreements } from './theme-check.js';

const text = `Enquêteur : Et vous ?
P01 : Je me sens coupable. On bricole en attendant. Huit mois pour le centre antidouleur.`;

const plan = planImport({
  rows: [
    { row: 2, cells: ['P01', 'Vécu du médecin', 'Culpabilité', 'Je me sens coupable'] },
    { row: 3, cells: ['P01', 'Leviers', 'Culpabilité', 'Je me sens coupable'] },
    { row: 4, cells: ['P01', 'Leviers > Autres', 'Culpabilité', 'On bricole en attendant'] },
    // Only the top theme, or none: no disagreement.
    { row: 5, cells: ['P01', 'Vécu du médecin', 'Délais', 'Huit mois pour le centre antidouleur'] },
    { row: 6, cells: ['P01', '', 'Culpabilité', 'Huit mois pour le centre antidouleur'] },
    // Not imported (not found): its theme changes nothing, and is not checked.
    { row: 7, cells: ['P01', 'Ailleurs', 'Délais', 'une phrase jamais dite par personne ici'] },
  ],
  columns: { participant: 0, theme: 1, code: 2, quote: 3 },
  transcripts: [{ id: 'P01', text }],
});

describe('themeDisagreements', () => {
  it('names each code placed elsewhere than the codebook says, once, with its first row', () => {
    const themes = new Map([
      [nameKey('Culpabilité'), ['Vécu du médecin', 'Émotions négatives']],
      [nameKey('Délais'), ['Vécu du médecin', 'Contraintes']],
    ]);
    expect(themeDisagreements(plan.results, themes)).toEqual([
      { code: 'Culpabilité', row: 3, given: ['Leviers'], rows: 2, codebook: ['Vécu du médecin', 'Émotions négatives'] },
    ]);
  });

  it('says so of a code in no theme too', () => {
    const themes = new Map([[nameKey('Délais'), []]]);
    expect(themeDisagreements(plan.results, themes)).toEqual([{ code: 'Délais', row: 5, given: ['Vécu du médecin'], rows: 1, codebook: [] }]);
  });
});
