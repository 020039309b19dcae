import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCode, addTheme } from '../codebook/edit.js';
import { parseCodebook } from '../codebook/parse.js';
import { findCodeByName, findThemeByPath } from '../codebook/query.js';
import { nameKey } from '../codebook/slug.js';
import { lookalikeCodes, mapImportCodes } from './codebook-additions.js';
import type { ImportCode } from './plan.js';

/** The trusted reference: each theme and code added one after the other, the file parsed again after each. */
function oneByOne(source: string, codes: ImportCode[]) {
  const ids = new Map<string, string>();
  const addedCodes: string[] = [];
  const addedThemes: string[] = [];
  let text = source;
  let codebook = parseCodebook(text, 'codebook.yaml').codebook;
  for (const code of codes) {
    const key = nameKey(code.name);
    if (ids.has(key)) continue;
    const found = findCodeByName(codebook, code.name);
    if (found) {
      ids.set(key, found.id);
      continue;
    }
    let parentId: string | null = null;
    for (let depth = 1; depth <= code.themePath.length; depth++) {
      const path = code.themePath.slice(0, depth);
      const theme = findThemeByPath(codebook, path);
      if (theme) {
        parentId = theme.id;
        continue;
      }
      const added = addTheme(text, { name: path[depth - 1]!, parentId });
      text = added.source;
      parentId = added.id;
      addedThemes.push(path.join(' > '));
      codebook = parseCodebook(text, 'codebook.yaml').codebook;
    }
    const added = addCode(text, { name: code.name.trim(), themeId: parentId });
    text = added.source;
    ids.set(key, added.id);
    addedCodes.push(code.name.trim());
    codebook = parseCodebook(text, 'codebook.yaml').codebook;
  }
  return { source: text, result: { ids, addedCodes, addedThemes } };
}

const DEMO = readFileSync(new URL('../../../fixtures/demo/codebook.yaml', import.meta.url), 'utf8');
const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

function expectSame(source: string, codes: ImportCode[]): void {
  const batch = mapImportCodes(source, codes);
  const reference = oneByOne(source, codes);
  expect(batch.source).toBe(reference.source);
  expect(sorted(batch.result.ids)).toEqual(sorted(reference.result.ids));
  expect(batch.result.addedCodes).toEqual(reference.result.addedCodes);
  expect(batch.result.addedThemes).toEqual(reference.result.addedThemes);
}

describe('mapImportCodes', () => {
  it('adds an import’s new codes and themes in one pass, exactly as one by one would', () => {
    expectSame(DEMO, [
      { name: 'Impuissance', themePath: ['Autre thème'] }, // exists: keeps its place
      { name: 'Ruralité', themePath: ['Vécu du médecin', 'Territoire'] },
      { name: 'ruralite ', themePath: [] }, // the same name, once
      { name: 'Déserts médicaux', themePath: ['vécu du médecin', 'territoire'] }, // the theme just added
      { name: 'Coût', themePath: ['Organisation', 'Argent'] },
      { name: 'Sans thème', themePath: [] },
      { name: 'Territoire', themePath: ['Organisation'] }, // a code named like a theme
    ]);
    expectSame('', [{ name: 'Premier', themePath: ['A', 'B', 'C'] }]);
    expectSame('\uFEFFthemes:\r\n  - name: Relation\r\n    codes:\r\n      - name: Confiance\r\n', [{ name: 'Écoute', themePath: ['Relation'] }, { name: 'Confiance', themePath: [] }]);
  });

  it('gives the same file and ids as one by one on generated imports', () => {
    const names = fc.constantFrom('Impuissance', 'impuissance', 'Ruralité', 'RURALITE', 'Coût', 'Accès', 'Délais', 'Déni', 'humour', 'Peur', 'Œuvre', 'a', 'A ');
    const themes = fc.constantFrom('Vécu du médecin', 'vecu du medecin', 'Organisation', 'Territoire', 'Relation', 'Émotions négatives');
    const code = fc.record({ name: names, themePath: fc.array(themes, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.constantFrom(DEMO, '', 'codes:\n  - name: Peur\n'), fc.array(code, { maxLength: 25 }), (source, codes) => expectSame(source, codes)),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('adds 300 new codes without parsing the file 600 times', () => {
    const codes = Array.from({ length: 300 }, (_, i) => ({ name: `Code ${i}`, themePath: [`Thème ${i % 12}`] }));
    const { source, result } = mapImportCodes('themes: []\n', codes);
    expect(result.addedCodes).toHaveLength(300);
    expect(result.addedThemes).toHaveLength(12);
    const codebook = parseCodebook(source, 'codebook.yaml');
    expect(codebook.problems).toEqual([]);
    expect(codebook.codebook.themes.map((t) => t.children.length)).toEqual(Array.from({ length: 12 }, () => 25));
  });
});

describe('codes an import adds that look like one already there', () => {
  const source = 'themes:\n  - name: Leviers\n    codes:\n      - name: Diminution progressive\n      - name: Manque de temps\n      - name: Manque de formation\n';
  it('points out a misspelt code, never a different one', () => {
    expect(lookalikeCodes(source, ['Diminution progessive', 'Manque de moyens', 'Contrat de sevrage', 'Contrat de sevrages'])).toEqual([
      { name: 'Diminution progessive', like: 'Diminution progressive' },
      { name: 'Contrat de sevrages', like: 'Contrat de sevrage' },
    ]);
  });
});
