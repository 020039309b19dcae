import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import type { CoderFile, Segment } from '../types.js';
import { CodebookEditError } from './edit.js';
import { parseCodebook } from './parse.js';
import { allCodes, themePath } from './query.js';
import { planEdit, planEdits, type CoderCodings } from './restructure.js';

// A codebook as people write them: comments everywhere, a node without id, a French key, CRLF-free.
const SOURCE = `# Grille de Marie — relue avec le directeur
themes:
  # --- le vécu ---
  - name: Vécu du médecin
    id: vecu
    themes:
      - name: Émotions négatives   # à revoir
        id: emotions
        codes:
          - name: Impuissance
            id: impuissance
            definition: Ne plus savoir quoi proposer.
          - name: Frustration
            id: frustration
      - name: Ressources
        codes:
          - name: Gratification   # sans id : codage l'écrira
  - name: Relation
    id: relation
    codes:
      - name: Écoute          # clé française
        id: ecoute
codes:
  - name: Humour
    id: humour
# fin du fichier
`;

let n = 0;
function seg(participant: string, codes: string[]): Segment {
  n++;
  return { id: `s${String(n).padStart(7, '0')}`, participant, start: n * 10, end: n * 10 + 5, text: 'texte', codes };
}

function coders(): CoderCodings[] {
  n = 0;
  const marie: CoderFile = {
    coder: 'marie',
    memos: { P1: 'memo' },
    segments: [seg('P1', ['frustration']), seg('P1', ['frustration', 'impuissance']), seg('P2', ['impuissance']), seg('P2', ['humour', 'frustration']), seg('P3', ['ancien-code'])],
  };
  const paul: CoderFile = { coder: 'paul', memos: {}, segments: [seg('P1', ['frustration']), seg('P2', ['ecoute'])] };
  return [
    { coder: 'marie', coderFile: marie },
    { coder: 'paul', coderFile: paul },
  ];
}

function count(cs: readonly CoderCodings[], code: string): number {
  return cs.reduce((total, c) => total + c.coderFile.segments.filter((s) => s.codes.includes(code)).length, 0);
}

/** Coder files after a plan: the changed ones replaced. */
function applied(before: CoderCodings[], plan: { coders: CoderCodings[] }): CoderCodings[] {
  return before.map((c) => plan.coders.find((x) => x.coder === c.coder) ?? c);
}

function codebookOf(text: string) {
  const parsed = parseCodebook(text, 'codebook.yaml');
  expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return parsed.codebook;
}

function commentsKept(text: string): void {
  for (const line of ['# Grille de Marie — relue avec le directeur', '  # --- le vécu ---', '# fin du fichier']) expect(text.split('\n')).toContain(line);
  expect(text).toContain('# à revoir');
  expect(text).toContain('# clé française');
}

describe('planEdit: merge', () => {
  it("gives A's segments B (once where they had both), removes A, and keeps every segment id", () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, { kind: 'merge', from: 'Frustration', into: 'impuissance' });
    const now = applied(before, plan);
    expect(count(before, 'frustration')).toBe(4);
    expect(count(now, 'frustration')).toBe(0);
    expect(count(now, 'impuissance')).toBe(count(before, 'impuissance') + 4 - 1);
    expect(now.flatMap((c) => c.coderFile.segments.map((s) => s.id))).toEqual(before.flatMap((c) => c.coderFile.segments.map((s) => s.id)));
    const both = now[0]!.coderFile.segments[1]!;
    expect(both.codes).toEqual(['impuissance']);
    expect(now[0]!.coderFile.segments[3]!.codes).toEqual(['humour', 'impuissance']);
    expect(plan.details.coders).toEqual([
      { coder: 'marie', segments: 3, alreadyHad: 1, removed: 0 },
      { coder: 'paul', segments: 1, alreadyHad: 0, removed: 0 },
    ]);
    const cb = codebookOf(plan.codebook!);
    expect(cb.byId.has('frustration')).toBe(false);
    commentsKept(plan.codebook!);
    expect(plan.summary[0]!.en).toBe(
      'Merged “Frustration” into “Impuissance”: 4 segment(s) (marie 3, paul 1) now carry “Impuissance”, 1 of which already had it (kept once). “Frustration” is removed from the codebook.',
    );
    expect(plan.summary[0]!.fr).toContain('«\u00a0Frustration\u00a0» fusionné dans «\u00a0Impuissance\u00a0»');
  });

  it('merges an id the coder files use but the codebook lacks, leaving codebook.yaml as it is', () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, { kind: 'merge', from: 'ancien-code', into: 'Humour' });
    expect(plan.codebook).toBeNull();
    expect(count(applied(before, plan), 'humour')).toBe(2);
  });

  it('refuses a code merged into itself, a theme, and an unknown name (with the nearest one)', () => {
    expect(() => planEdit(SOURCE, coders(), { kind: 'merge', from: 'humour', into: 'HUMOUR' })).toThrow(UsageError);
    expect(() => planEdit(SOURCE, coders(), { kind: 'merge', from: 'humour', into: 'Relation' })).toThrow(/is a theme/);
    try {
      planEdit(SOURCE, coders(), { kind: 'merge', from: 'Frustation', into: 'Humour' });
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).hint?.en).toContain('"Frustration"');
    }
  });
});

describe('planEdit: rename, describe, add, move', () => {
  it('renames without touching any coder file; the id stays', () => {
    const plan = planEdit(SOURCE, coders(), { kind: 'rename', target: 'impuissance', name: "Sentiment d'impuissance" });
    expect(plan.coders).toEqual([]);
    const cb = codebookOf(plan.codebook!);
    expect(cb.byId.get('impuissance')?.name).toBe("Sentiment d'impuissance");
    commentsKept(plan.codebook!);
    // Only the renamed line and the missing id of Gratification changed.
    const removed = SOURCE.split('\n').filter((l) => !plan.codebook!.split('\n').includes(l));
    expect(removed).toEqual(['          - name: Impuissance']);
  });

  it('finds a theme by its path and refuses a name two themes share', () => {
    const twice = SOURCE.replace('      - name: Ressources\n', '      - name: Ressources\n        themes:\n          - name: Émotions négatives\n            codes: []\n');
    expect(() => planEdit(twice, coders(), { kind: 'rename', target: 'Émotions négatives', name: 'X' })).toThrow(/several themes/);
    const plan = planEdit(twice, coders(), { kind: 'rename', target: 'Vécu du médecin > Émotions négatives', name: 'Émotions difficiles' });
    expect(codebookOf(plan.codebook!).byId.get('emotions')?.name).toBe('Émotions difficiles');
  });

  it('describes a code and removes a field given empty', () => {
    const plan = planEdit(SOURCE, coders(), { kind: 'describe', target: 'Impuissance', texts: { definition: '', include: '« démuni »', exclude: 'le manque de temps' } });
    const code = codebookOf(plan.codebook!).byId.get('impuissance')!;
    expect(code.definition).toBeUndefined();
    expect(code.include).toBe('« démuni »');
    expect(code.exclude).toBe('le manque de temps');
    expect(plan.summary.map((s) => s.en)).toEqual(['“Impuissance”: set include, exclude.', '“Impuissance”: removed definition.']);
  });

  it('adds a code into a theme path, creating the themes that are missing, with an id no coding uses', () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, { kind: 'add', name: 'Ancien code', theme: 'Relation > Cadre > Lieux', texts: { definition: 'Où.' } });
    const cb = codebookOf(plan.codebook!);
    const code = allCodes(cb).find((c) => c.name === 'Ancien code')!;
    expect(code.id).not.toBe('ancien-code'); // coder files still carry ancien-code: it is not given away
    expect(themePath(cb, code.id).map((t) => t.name)).toEqual(['Relation', 'Cadre', 'Lieux']);
    expect(plan.details.createdThemes).toEqual(['Relation > Cadre', 'Relation > Cadre > Lieux']);
    commentsKept(plan.codebook!);
  });

  it('moves a whole sub-theme with its codes, and refuses to move a theme inside itself', () => {
    const plan = planEdit(SOURCE, coders(), { kind: 'move', target: 'Émotions négatives', to: 'Relation' });
    const cb = codebookOf(plan.codebook!);
    expect(cb.byId.get('emotions')?.parent).toBe('relation');
    expect(themePath(cb, 'frustration').map((t) => t.id)).toEqual(['relation', 'emotions']);
    expect(plan.summary[0]!.en).toBe('Moved the theme “Émotions négatives” with its 2 code(s) to “Relation”.');
    commentsKept(plan.codebook!);
    expect(() => planEdit(SOURCE, coders(), { kind: 'move', target: 'Vécu du médecin', to: 'Vécu du médecin > Émotions négatives' })).toThrow(CodebookEditError);
    expect(() => planEdit(SOURCE, coders(), { kind: 'move', target: 'Vécu du médecin', to: 'Vécu du médecin' })).toThrow(CodebookEditError);
  });

  it('moves a code out of every theme', () => {
    const plan = planEdit(SOURCE, coders(), { kind: 'move', target: 'Écoute', to: null });
    const cb = codebookOf(plan.codebook!);
    expect(cb.ungrouped.map((c) => c.id)).toEqual(['humour', 'ecoute']);
  });
});

describe('planEdit: delete', () => {
  it('refuses a code segments use, saying how many per coder', () => {
    expect(() => planEdit(SOURCE, coders(), { kind: 'delete', target: 'Frustration' })).toThrow(/4 segment\(s\) carry the code "Frustration" \(marie 3, paul 1\)/);
  });

  it('deletes an unused code, and an empty theme but not one that holds codes', () => {
    const src = SOURCE.replace('          - name: Gratification   # sans id : codage l\'écrira\n', '          - name: Gratification\n            id: gratification\n');
    const plan = planEdit(src, coders(), { kind: 'delete', target: 'gratification' });
    expect(codebookOf(plan.codebook!).byId.has('gratification')).toBe(false);
    const theme = planEdit(plan.codebook!, coders(), { kind: 'delete', target: 'Ressources' });
    expect(allCodes(codebookOf(theme.codebook!)).length).toBe(4);
    expect(() => planEdit(SOURCE, coders(), { kind: 'delete', target: 'Relation' })).toThrow(/still holds 1/);
  });

  it('--drop-segments removes the code from its segments, and the segments left with no code', () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, { kind: 'delete', target: 'Frustration', dropSegments: true });
    const now = applied(before, plan);
    expect(count(now, 'frustration')).toBe(0);
    const total = (cs: CoderCodings[]) => cs.reduce((t, c) => t + c.coderFile.segments.length, 0);
    expect(total(before) - total(now)).toBe(2);
    expect(plan.details.coders.map((c) => c.removed)).toEqual([1, 1]);
  });

  it('--merge-into is a merge', () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, { kind: 'delete', target: 'Frustration', mergeInto: 'Humour' });
    expect(count(applied(before, plan), 'humour')).toBe(4);
  });
});

describe('planEdit: split', () => {
  it('gives each listed segment its new code; the rest keep the code when it is among --into', () => {
    const before = coders();
    const plan = planEdit(SOURCE, before, {
      kind: 'split',
      target: 'Frustration',
      into: ['Frustration', 'Colère'],
      segments: new Map([['s0000001', 'Colère'], ['s0000006', 'colère']]),
    });
    const now = applied(before, plan);
    const cb = codebookOf(plan.codebook!);
    const colere = allCodes(cb).find((c) => c.name === 'Colère')!;
    expect(colere.parent).toBe('emotions');
    expect(count(now, colere.id)).toBe(2);
    expect(count(now, 'frustration')).toBe(2);
    expect(plan.summary[0]!.en).toBe('Split “Frustration” into “Frustration” (2 segment(s)), “Colère” (2 segment(s)).');
  });

  it('refuses to leave a segment without a place when the code goes away', () => {
    expect(() =>
      planEdit(SOURCE, coders(), { kind: 'split', target: 'Frustration', into: ['A', 'B'], segments: new Map([['s0000001', 'A']]) }),
    ).toThrow(/3 segment\(s\) of "Frustration" are given no new code/);
    expect(() =>
      planEdit(SOURCE, coders(), { kind: 'split', target: 'Frustration', into: ['A', 'B'], segments: new Map([['s0000003', 'A']]) }),
    ).toThrow(/do not carry/);
  });
});

describe('a code and a theme with the same name', () => {
  const shared = `themes:
  - name: Relation
    id: relation-theme
    codes:
      - name: Écoute
        id: ecoute
codes:
  - name: Relation
    id: relation
`;
  it('refuses to guess for an edit that takes either, and says how to choose', () => {
    const attempt = () => planEdit(shared, [], { kind: 'rename', target: 'Relation', name: 'Lien' });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/a code and a theme are both named "Relation"/);
    try {
      attempt();
    } catch (error) {
      expect((error as UsageError).hint?.en).toBe('write "code:Relation" or "theme:Relation"');
    }
  });
  it('follows code: and theme: (thème: in French)', () => {
    const code = planEdit(shared, [], { kind: 'rename', target: 'code:Relation', name: 'Lien' });
    expect(code.details.node).toEqual({ id: 'relation', name: 'Relation', kind: 'code' });
    const theme = planEdit(shared, [], { kind: 'rename', target: 'thème : relation', name: 'Lien' });
    expect(theme.details.node).toEqual({ id: 'relation-theme', name: 'Relation', kind: 'theme' });
  });
  it('needs no prefix where only one kind fits: a merge takes codes, a move destination themes', () => {
    const merged = planEdit(shared, [], { kind: 'merge', from: 'Écoute', into: 'Relation' });
    const codebook = parseCodebook(merged.codebook ?? '').codebook;
    expect(codebook.byId.has('relation')).toBe(true);
    expect(codebook.byId.has('ecoute')).toBe(false);
    const moved = planEdit(shared, [], { kind: 'move', target: 'code:Relation', to: 'Relation' });
    const after = parseCodebook(moved.codebook ?? '').codebook;
    expect(after.byId.get('relation')?.parent).toBe('relation-theme');
  });
});

describe('reorder, add-theme and several edits as one', () => {
  it('moves a code one place among its siblings, with its comment, and nothing else changes', () => {
    const plan = planEdit(SOURCE, [], { kind: 'reorder', target: 'frustration', by: -1 });
    const text = plan.codebook as string;
    expect(text.indexOf('id: frustration')).toBeLessThan(text.indexOf('id: impuissance'));
    expect(text).toContain('# Grille de Marie — relue avec le directeur');
    expect(text).toContain('- name: Émotions négatives   # à revoir');
    expect(text).toContain('# fin du fichier');
    const codebook = parseCodebook(text, 'codebook.yaml').codebook;
    expect(codebook.byId.get('emotions')?.children.map((c) => c.id)).toEqual(['frustration', 'impuissance']);
    expect(plan.summary[0]?.en).toBe('Moved the code “Frustration” before “Impuissance”.');
    // Down again gives the original text back, byte for byte (but the id codage wrote for Gratification).
    const back = planEdit(text, [], { kind: 'reorder', target: 'frustration', by: 1 }).codebook as string;
    expect(back).toBe(planEdit(SOURCE, [], { kind: 'rename', target: 'gratification', name: 'Gratification' }).codebook ?? SOURCE);
  });

  it('moves a theme with its comment line and its whole sub-tree', () => {
    const text = planEdit(SOURCE, [], { kind: 'reorder', target: 'relation', by: -1 }).codebook as string;
    const codebook = parseCodebook(text, 'codebook.yaml').codebook;
    expect(codebook.themes.map((t) => t.id)).toEqual(['relation', 'vecu']);
    expect(allCodes(codebook).map((c) => c.id).sort()).toEqual(allCodes(parseCodebook(SOURCE, 'codebook.yaml').codebook).map((c) => c.id).sort());
    expect(text.indexOf('# --- le vécu ---')).toBeLessThan(text.indexOf('name: Vécu du médecin'));
    expect(text.indexOf('# --- le vécu ---')).toBeGreaterThan(text.indexOf('name: Relation'));
    // Every line keeps its bytes, a comment's alignment too.
    expect(text).toContain('      - name: Écoute          # clé française\n');
    expect(text.split('\n').sort()).toEqual(planEdit(SOURCE, [], { kind: 'rename', target: 'gratification', name: 'Gratification' }).codebook?.split('\n').sort());
  });

  it('says so and changes nothing at either end', () => {
    const plan = planEdit(SOURCE, [], { kind: 'reorder', target: 'impuissance', by: -1 });
    expect(plan.codebook).toBeNull();
    expect(plan.summary[0]?.fr).toBe('Rien à déplacer\u00a0: code «\u00a0Impuissance\u00a0» est déjà en premier.');
  });

  it('creates an empty theme at the top level or under a theme, and refuses a code as parent', () => {
    const top = planEdit(SOURCE, [], { kind: 'add-theme', name: 'Organisation', parent: null });
    const cb = parseCodebook(top.codebook as string, 'codebook.yaml').codebook;
    expect(cb.themes.map((t) => t.name)).toEqual(['Vécu du médecin', 'Relation', 'Organisation']);
    expect(top.codebook).toContain('# fin du fichier');
    const sub = planEdit(SOURCE, [], { kind: 'add-theme', name: 'Colère', parent: 'emotions' });
    const cb2 = parseCodebook(sub.codebook as string, 'codebook.yaml').codebook;
    expect(cb2.byId.get('emotions')?.children.map((c) => c.name)).toEqual(['Colère', 'Impuissance', 'Frustration']);
    expect(sub.summary[0]?.en).toBe('Created the sub-theme “Colère” in “Vécu du médecin > Émotions négatives”.');
    expect(() => planEdit(SOURCE, [], { kind: 'add-theme', name: 'X', parent: 'humour' })).toThrow(UsageError);
    expect(() => planEdit(SOURCE, [], { kind: 'add-theme', name: 'Relation', parent: null })).toThrow(CodebookEditError);
  });

  it('plans several moves as one, each on the text the previous left, or none when one fails', () => {
    const plan = planEdits(SOURCE, coders(), [
      { kind: 'move', target: 'humour', to: 'relation' },
      { kind: 'move', target: 'impuissance', to: 'relation' },
    ]);
    const cb = parseCodebook(plan.codebook as string, 'codebook.yaml').codebook;
    expect(cb.byId.get('relation')?.children.map((c) => c.id)).toEqual(['ecoute', 'humour', 'impuissance']);
    expect(plan.summary).toHaveLength(2);
    expect(plan.coders).toEqual([]);
    expect(() => planEdits(SOURCE, [], [{ kind: 'move', target: 'humour', to: 'relation' }, { kind: 'move', target: 'vecu', to: 'emotions' }])).toThrow(CodebookEditError);
  });
});
