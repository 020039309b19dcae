import { describe, expect, it } from 'vitest';
import { DataError } from '../errors.js';
import { addCode, addTheme, CodebookEditError, detectIndentation, ensureIds, moveCode, removeCode, renameNode, setNodeField } from './edit.js';
import { parseCodebook } from './parse.js';
import { allCodes } from './query.js';

const SOURCE = `# Codebook de la thèse de Marie
# (relu avec le directeur le 3 mars)

themes:
  - name: Vécu du médecin
    id: vecu-du-medecin            # stable id; codings refer to it
    description: Ce que le médecin ressent face au patient douloureux chronique, une phrase assez longue pour dépasser quatre-vingts colonnes.
    themes:                        # sub-themes (optional, any depth)
      - name: Émotions négatives
        codes:
          - name: Impuissance
            id: impuissance
            definition: Le médecin dit ne plus savoir quoi proposer.
            color: "#c0392b"

          # à revoir avec Paul
          - name: Colère   # ou irritation ?
    codes:
      - name: Épuisement
codes:                             # not yet grouped
  - name: Humour
  - name: 'Délais d''accès'
# fin
`;

function parsed(source: string) {
  const result = parseCodebook(source, 'codebook.yaml');
  expect(result.problems).toEqual([]);
  return result.codebook;
}

function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

const COMMENTS = [
  '# Codebook de la thèse de Marie',
  '# (relu avec le directeur le 3 mars)',
  '    id: vecu-du-medecin            # stable id; codings refer to it',
  '    themes:                        # sub-themes (optional, any depth)',
  '          # à revoir avec Paul',
  'codes:                             # not yet grouped',
  '# fin',
];

function expectCommentsKept(result: string): void {
  const lines = result.split('\n');
  for (const c of COMMENTS) expect(lines).toContain(c);
  expect(result).toMatch(/# ou irritation \?/);
}

describe('detectIndentation', () => {
  it('sees whether lists are indented under their key', () => {
    expect(detectIndentation(SOURCE)).toEqual({ indent: 2, indentSeq: true });
    expect(detectIndentation('codes:\n- name: A\n')).toEqual({ indent: 2, indentSeq: false });
    expect(detectIndentation('codes:\n    - name: A\n')).toEqual({ indent: 4, indentSeq: true });
    expect(detectIndentation('')).toEqual({ indent: 2, indentSeq: true });
  });
});

describe('ensureIds', () => {
  it('writes the derived ids right after `name`, and nothing else', () => {
    const result = ensureIds(SOURCE);
    expectCommentsKept(result);
    const { removed, added } = changedLines(SOURCE, result);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '        id: emotions-negatives',
      '            id: colere',
      '        id: epuisement',
      '    id: humour',
      '    id: delais-d-acces',
    ]);
    expect(result).toContain('      - name: Émotions négatives\n        id: emotions-negatives\n        codes:');
    const before = parseCodebook(SOURCE, 'codebook.yaml');
    const after = parseCodebook(result, 'codebook.yaml');
    expect([...after.codebook.byId.keys()]).toEqual([...before.codebook.byId.keys()]);
    expect(after.derivedIds).toEqual([]);
  });

  it('returns the source untouched when every node has an id', () => {
    const full = ensureIds(SOURCE);
    expect(ensureIds(full)).toBe(full);
    expect(ensureIds('')).toBe('');
  });

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFFcodes:\r\n  - name: Humour # drôle\r\n';
    expect(ensureIds(crlf)).toBe('\uFEFFcodes:\r\n  - name: Humour # drôle\r\n    id: humour\r\n');
  });
});

describe('addCode', () => {
  it('appends to a theme’s codes with an explicit id, keeping comments', () => {
    const { source, id } = addCode(SOURCE, { name: 'Sentiment d’échec', themeId: 'emotions-negatives', definition: 'Le médecin : « j’ai échoué ».' });
    expect(id).toBe('sentiment-d-echec');
    expectCommentsKept(source);
    const cb = parsed(source);
    const code = cb.byId.get(id)!;
    expect(code).toMatchObject({ kind: 'code', name: 'Sentiment d’échec', parent: 'emotions-negatives', definition: 'Le médecin : « j’ai échoué ».' });
    expect(cb.byId.get('emotions-negatives')!.children.map((c) => c.id)).toEqual(['impuissance', 'colere', 'sentiment-d-echec']);
    expect(source).toContain(
      "          - name: Colère   # ou irritation ?\n            id: colere\n          - name: Sentiment d’échec\n            id: sentiment-d-echec\n            definition: \"Le médecin : « j’ai échoué ».\"\n",
    );
  });

  it('appends to the top-level codes when no theme is given', () => {
    const { source, id } = addCode(SOURCE, { name: 'Impuissance apprise' });
    expect(id).toBe('impuissance-apprise');
    expectCommentsKept(source);
    expect(parsed(source).ungrouped.map((c) => c.id)).toEqual(['humour', 'delais-d-acces', 'impuissance-apprise']);
  });

  it('creates the `codes` list of a theme that has none', () => {
    const { source } = addCode(SOURCE, { name: 'Agacement', themeId: 'vecu-du-medecin' });
    const { source: again, id } = addCode(source, { name: 'Tristesse', themeId: 'emotions-negatives' });
    expect(id).toBe('tristesse');
    const withSub = addTheme(again, { name: 'Positif', parentId: 'emotions-negatives' });
    const { source: last } = addCode(withSub.source, { name: 'Fierté', themeId: withSub.id });
    expect(last).toContain(
      '        id: emotions-negatives\n        themes:\n          - name: Positif\n            id: positif\n            codes:\n              - name: Fierté\n                id: fierte\n        codes:\n',
    );
    expect(parsed(last).byId.get('fierte')!.parent).toBe('positif');
  });

  it('works on an empty file and on a comment-only file', () => {
    const { source, id } = addCode('', { name: 'Humour' });
    expect(source).toBe('codes:\n  - name: Humour\n    id: humour\n');
    expect(id).toBe('humour');
    const commented = addCode('# mon livre de codes\n', { name: 'Humour' }).source;
    expect(commented.startsWith('# mon livre de codes\n')).toBe(true);
    expect(parsed(commented).ungrouped.map((c) => c.id)).toEqual(['humour']);
  });

  it('replaces `codes: []` and `codes:` with a block list', () => {
    expect(addCode('codes: []\n', { name: 'A' }).source).toBe('codes:\n  - name: A\n    id: a\n');
    expect(addCode('themes:\n- name: T\n  codes:\n', { name: 'A', themeId: 't' }).source).toBe(
      'themes:\n- name: T\n  id: t\n  codes:\n  - name: A\n    id: a\n',
    );
  });

  it('avoids ids in use, in the file and in coder files', () => {
    const { id } = addCode(SOURCE, { name: 'Humour !' }, ['humour-2']);
    expect(id).toBe('humour-3');
  });

  it('refuses a duplicate name, an unknown theme, a code as theme, a syntax error', () => {
    expect(() => addCode(SOURCE, { name: 'impuissance' })).toThrowError(CodebookEditError);
    try {
      addCode(SOURCE, { name: 'IMPUISSANCE' });
    } catch (e) {
      expect((e as CodebookEditError).kind).toBe('codebook-duplicate-name');
      expect((e as CodebookEditError).localized.fr).toBe('Un code s’appelle déjà « Impuissance ».');
    }
    expect(() => addCode(SOURCE, { name: 'X', themeId: 'nope' })).toThrowError(/No theme or code has the id `nope`/);
    expect(() => addCode(SOURCE, { name: 'X', themeId: 'humour' })).toThrowError(/is a code, not a theme/);
    expect(() => addCode('codes:\n  - name: A: B\n', { name: 'X' })).toThrowError(/syntax error/);
    const syntax = (() => {
      try {
        addCode('codes:\n  - name: A: B\n', { name: 'X' });
      } catch (e) {
        return e;
      }
    })();
    expect(syntax).toBeInstanceOf(DataError);
    expect(syntax).toMatchObject({ file: 'codebook.yaml', line: 2, column: 11 });
    expect(() => addCode(SOURCE, { name: '   ' })).toThrowError(/cannot be empty/);
  });
});

describe('addTheme', () => {
  it('adds a top-level theme before the ungrouped codes when `themes` is missing', () => {
    const { source, id } = addTheme('# pas encore regroupés\ncodes:\n  - name: Humour\n', { name: 'Vécu', description: 'Ressenti.' });
    expect(id).toBe('vecu');
    expect(source).toBe('themes:\n  - name: Vécu\n    id: vecu\n    description: Ressenti.\n# pas encore regroupés\ncodes:\n  - name: Humour\n    id: humour\n');
  });

  it('adds a sub-theme and keeps comments', () => {
    const { source, id } = addTheme(SOURCE, { name: 'Émotions positives', parentId: 'vecu-du-medecin' });
    expect(id).toBe('emotions-positives');
    expectCommentsKept(source);
    expect(parsed(source).byId.get('vecu-du-medecin')!.children.map((c) => c.id)).toEqual(['emotions-negatives', 'emotions-positives', 'epuisement']);
  });

  it('refuses a theme name already used under the same parent only', () => {
    expect(() => addTheme(SOURCE, { name: 'emotions negatives', parentId: 'vecu-du-medecin' })).toThrowError(CodebookEditError);
    expect(addTheme(SOURCE, { name: 'Émotions négatives' }).id).toBe('emotions-negatives-2');
  });
});

describe('renameNode', () => {
  it('changes only the name line (and writes missing ids), keeping quotes and comments', () => {
    const full = ensureIds(SOURCE);
    const result = renameNode(full, 'colere', 'Irritation');
    expect(changedLines(full, result)).toEqual({
      removed: ['          - name: Colère   # ou irritation ?'],
      added: ['          - name: Irritation # ou irritation ?'],
    });
    const quoted = renameNode(full, 'delais-d-acces', "Délais d'accès aux spécialistes");
    expect(quoted).toContain("  - name: 'Délais d''accès aux spécialistes'\n");
    expect(parsed(quoted).byId.get('delais-d-acces')!.name).toBe("Délais d'accès aux spécialistes");
  });

  it('keeps the id of a node that had none, so codings still point to it', () => {
    const result = renameNode(SOURCE, 'humour', 'Ironie');
    expectCommentsKept(result);
    const cb = parsed(result);
    expect(cb.byId.get('humour')!.name).toBe('Ironie');
  });

  it('allows a change of case but not a name taken by another code', () => {
    expect(parsed(renameNode(SOURCE, 'impuissance', 'IMPUISSANCE')).byId.get('impuissance')!.name).toBe('IMPUISSANCE');
    expect(() => renameNode(SOURCE, 'impuissance', 'humour')).toThrowError(CodebookEditError);
  });
});

describe('setNodeField', () => {
  it('adds a field where codage writes it, changes one in place, removes one', () => {
    const full = ensureIds(SOURCE);
    const added = setNodeField(full, 'impuissance', 'description', 'Perte de moyens.');
    expect(added).toContain('            id: impuissance\n            description: Perte de moyens.\n            definition: Le médecin');
    const changed = setNodeField(full, 'impuissance', 'color', '#2980b9');
    expect(changedLines(full, changed)).toEqual({ removed: ['            color: "#c0392b"'], added: ['            color: "#2980b9"'] });
    const removed = setNodeField(full, 'impuissance', 'definition', null);
    expect(changedLines(full, removed)).toEqual({ removed: ['            definition: Le médecin dit ne plus savoir quoi proposer.'], added: [] });
    expectCommentsKept(removed);
  });

  it('writes a multi-line text as a block', () => {
    const result = setNodeField('codes:\n  - name: A\n    id: a\n', 'a', 'definition', 'Ligne 1\nLigne 2');
    expect(result).toBe('codes:\n  - name: A\n    id: a\n    definition: |-\n      Ligne 1\n      Ligne 2\n');
    expect(parsed(result).byId.get('a')!.definition).toBe('Ligne 1\nLigne 2');
  });

  it('refuses to change an id', () => {
    expect(() => setNodeField(SOURCE, 'impuissance', 'id', 'x')).toThrowError(/not changed/);
  });
});

describe('moveCode', () => {
  it('moves a code into a theme and out of all themes, keeping comments', () => {
    const into = moveCode(SOURCE, 'humour', 'emotions-negatives');
    expectCommentsKept(into);
    let cb = parsed(into);
    expect(cb.byId.get('humour')!.parent).toBe('emotions-negatives');
    expect(cb.ungrouped.map((c) => c.id)).toEqual(['delais-d-acces']);
    const out = moveCode(into, 'impuissance', null);
    expectCommentsKept(out);
    cb = parsed(out);
    expect(cb.ungrouped.map((c) => c.id)).toEqual(['delais-d-acces', 'impuissance']);
    expect(cb.byId.get('impuissance')).toMatchObject({ definition: 'Le médecin dit ne plus savoir quoi proposer.', color: '#c0392b' });
    expect(allCodes(cb).map((c) => c.id).sort()).toEqual(['colere', 'delais-d-acces', 'epuisement', 'humour', 'impuissance']);
  });

  it('is only the id writing when the code is already there', () => {
    expect(moveCode(SOURCE, 'humour', null)).toBe(ensureIds(SOURCE));
  });

  it('refuses to move a theme or into a code', () => {
    expect(() => moveCode(SOURCE, 'vecu-du-medecin', null)).toThrowError(/is a theme/);
    expect(() => moveCode(SOURCE, 'humour', 'impuissance')).toThrowError(/is a code, not a theme/);
  });

  it('keeps a list style without indentation under the key', () => {
    const result = moveCode('themes:\n- name: T\n  id: t\ncodes:\n- name: A # a\n  id: a\n- name: B\n  id: b\n', 'a', 't');
    expect(result).toBe('themes:\n- name: T\n  id: t\n  codes:\n  - name: A # a\n    id: a\ncodes:\n- name: B\n  id: b\n');
  });
});

describe('removeCode', () => {
  it('takes back a code just added, leaving the rest of the file as it was', () => {
    const added = addCode(ensureIds(SOURCE), { name: 'Solitude', themeId: 'emotions-negatives' });
    expect(removeCode(added.source, added.id)).toBe(ensureIds(SOURCE));
  });

  it('removes a code with its fields, keeping comments', () => {
    const result = removeCode(SOURCE, 'impuissance');
    expectCommentsKept(result);
    expect(result).not.toContain('Impuissance');
    expect(result).not.toContain('#c0392b');
    expect(allCodes(parsed(result)).map((c) => c.id).sort()).toEqual(['colere', 'delais-d-acces', 'epuisement', 'humour']);
  });

  it('refuses a theme and an unknown id', () => {
    expect(() => removeCode(SOURCE, 'vecu-du-medecin')).toThrowError(/is a theme/);
    expect(() => removeCode(SOURCE, 'nope')).toThrowError(CodebookEditError);
  });
});
