import { describe, expect, it } from 'vitest';
import { mergeCodebook, mergeCodebookThreeWay } from './merge.js';
import { parseCodebook } from './parse.js';

const BASE = `# Grille de codage — thèse douleur chronique
themes:
  - name: Vécu du médecin   # axe 1 du guide
    id: vecu
    codes:
      - name: Impuissance
        id: impuissance
        definition: Le médecin ne sait plus quoi proposer.
      - name: Épuisement
        id: epuisement
  - name: Organisation des soins
    id: organisation
    codes:
      - name: Délais d'accès
        id: delais
codes:
  # pas encore regroupés
  - name: Humour
    id: humour
`;

const read = (source: string) => parseCodebook(source, 'codebook.yaml').codebook;

/** Every line of `before` is still in `after`, in order: comments and layout untouched. */
function keepsLines(before: string, after: string): void {
  const lines = after.split('\n');
  let at = 0;
  for (const old of before.split('\n')) {
    while (at < lines.length && lines[at] !== old) at++;
    expect(at, `line kept: ${old}`).toBeLessThan(lines.length);
    at++;
  }
}

describe('mergeCodebook (two-way)', () => {
  it('adds the other copy’s new codes and themes, keeping ids and comments, and maps ids', () => {
    const theirs = read(`themes:
  - name: Vécu du médecin
    id: vecu
    codes:
      - name: Impuissance face à la douleur
        id: impuissance
      - name: Epuisement
        id: fatigue-du-medecin
      - name: Culpabilité
        id: culpabilite
        definition: Se reprocher l'échec du traitement.
  - name: Relation au patient
    id: relation
    codes:
      - name: Alliance thérapeutique
        id: alliance
codes:
  - name: Humour
    id: humour
`);
    const r = mergeCodebook(BASE, theirs);
    keepsLines(BASE, r.source);
    const merged = read(r.source);
    expect(merged.byId.get('culpabilite')).toMatchObject({ name: 'Culpabilité', parent: 'vecu', definition: "Se reprocher l'échec du traitement." });
    expect(merged.byId.get('relation')).toMatchObject({ kind: 'theme', name: 'Relation au patient' });
    expect(merged.byId.get('alliance')?.parent).toBe('relation');
    expect(r.addedCodes.map((c) => c.id)).toEqual(['culpabilite', 'alliance']);
    expect(r.addedThemes).toEqual([{ name: 'Relation au patient', id: 'relation' }]);
    // Same id, other name: reported, ours kept. Same name (accents aside), other id: mapped.
    expect(r.renamed).toEqual([{ id: 'impuissance', ours: 'Impuissance', theirs: 'Impuissance face à la douleur' }]);
    expect(merged.byId.get('impuissance')?.name).toBe('Impuissance');
    expect(r.matchedByName).toEqual([{ name: 'Épuisement', ours: 'epuisement', theirs: 'fatigue-du-medecin' }]);
    expect(r.codeIds.get('fatigue-du-medecin')).toBe('epuisement');
    expect(r.codeIds.get('humour')).toBe('humour');
    expect(r.onlyOurs).toEqual(["Délais d'accès"]);
  });

  it('gives a new id when the other copy’s id is taken here by another code', () => {
    const theirs = read(`codes:\n  - name: Autre chose\n    id: humour-2\n  - name: Ironie\n    id: delais\n`);
    const r = mergeCodebook(BASE, theirs);
    expect(r.codeIds.get('humour-2')).toBe('humour-2');
    // "delais" is our Délais d'accès (a theme code): matched by id, reported as renamed.
    expect(r.codeIds.get('delais')).toBe('delais');
    expect(r.renamed).toEqual([{ id: 'delais', ours: "Délais d'accès", theirs: 'Ironie' }]);
  });
});

describe('mergeCodebookThreeWay (git merge driver)', () => {
  it('applies the other copy’s changes where this copy left things alone', () => {
    const ours = BASE.replace('      - name: Épuisement\n        id: epuisement\n', '      - name: Épuisement\n        id: epuisement\n      - name: Frustration   # ajouté par Marie\n        id: frustration\n');
    const theirs = BASE.replace('definition: Le médecin ne sait plus quoi proposer.', 'definition: Le médecin dit ne plus savoir quoi proposer.')
      .replace('  - name: Humour\n    id: humour\n', '  - name: Humour\n    id: humour\n  - name: Ruralité\n    id: ruralite\n');
    const r = mergeCodebookThreeWay(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    keepsLines(ours, r.source.replace('Le médecin dit ne plus savoir quoi proposer.', 'Le médecin ne sait plus quoi proposer.'));
    const merged = read(r.source);
    expect(merged.byId.get('frustration')?.name).toBe('Frustration');
    expect(merged.byId.get('ruralite')?.name).toBe('Ruralité');
    expect(merged.byId.get('impuissance')?.definition).toBe('Le médecin dit ne plus savoir quoi proposer.');
    expect(r.source).toContain('# ajouté par Marie');
    expect(r.source).toContain('# axe 1 du guide');
  });

  it('reports what both changed, and removals, and keeps this copy’s version', () => {
    const ours = BASE.replace('- name: Humour', '- name: Humour et dérision');
    const theirs = BASE.replace('- name: Humour', '- name: Ironie').replace('      - name: Délais d\'accès\n        id: delais\n', '');
    const r = mergeCodebookThreeWay(BASE, ours, theirs);
    expect(r.source).toBe(ours);
    expect(r.conflicts.map((c) => c.en)).toEqual([
      "the other copy removed code « Délais d'accès » (delais): kept here (remove it by hand if no coding uses it)",
      'code « Humour et dérision » (humour): name changed in both copies; kept this copy\'s',
    ]);
  });

  it('moves a code to another theme as the other copy did', () => {
    const theirs = BASE.replace('  - name: Humour\n    id: humour\n', '').replace("      - name: Délais d'accès\n        id: delais\n", "      - name: Délais d'accès\n        id: delais\n      - name: Humour\n        id: humour\n");
    const r = mergeCodebookThreeWay(BASE, BASE, theirs);
    expect(r.conflicts).toEqual([]);
    expect(read(r.source).byId.get('humour')?.parent).toBe('organisation');
  });
});
