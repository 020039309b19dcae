import { describe, expect, it } from 'vitest';
import { parseCodebook } from './parse.js';
import { allCodes, allThemes, codeLabel, findCodeByName, findThemeByPath, themePath } from './query.js';

const { codebook } = parseCodebook(
  `themes:
  - name: Vécu du médecin
    codes:
      - name: Épuisement
    themes:
      - name: Émotions négatives
        codes:
          - name: Impuissance
          - name: Délais d'accès
  - name: Coordination
    codes:
      - name: Réseau
codes:
  - name: Humour
`,
  'codebook.yaml',
);

describe('codebook queries', () => {
  it('lists codes depth-first (sub-themes before a theme’s own codes), then ungrouped', () => {
    expect(allCodes(codebook).map((c) => c.id)).toEqual(['impuissance', 'delais-d-acces', 'epuisement', 'reseau', 'humour']);
  });

  it('lists themes depth-first', () => {
    expect(allThemes(codebook).map((t) => t.id)).toEqual(['vecu-du-medecin', 'emotions-negatives', 'coordination']);
  });

  it('gives the path of themes from the top', () => {
    expect(themePath(codebook, 'impuissance').map((t) => t.name)).toEqual(['Vécu du médecin', 'Émotions négatives']);
    expect(themePath(codebook, 'humour')).toEqual([]);
    expect(themePath(codebook, 'nope')).toEqual([]);
  });

  it('finds a code by a loosely written name', () => {
    expect(findCodeByName(codebook, 'IMPUISSANCE')?.id).toBe('impuissance');
    expect(findCodeByName(codebook, ' delais  d’acces ')?.id).toBe('delais-d-acces');
    expect(findCodeByName(codebook, 'Vécu du médecin')).toBeUndefined();
  });

  it('finds a theme by its path of names', () => {
    expect(findThemeByPath(codebook, ['vecu du medecin', 'emotions negatives'])?.id).toBe('emotions-negatives');
    expect(findThemeByPath(codebook, ['Émotions négatives'])).toBeUndefined();
    expect(findThemeByPath(codebook, [])).toBeUndefined();
  });

  it('labels ids, falling back to the id', () => {
    expect(codeLabel(codebook, 'reseau')).toBe('Réseau');
    expect(codeLabel(codebook, 'disparu')).toBe('disparu');
  });
});
