import { describe, expect, it } from 'vitest';
import { parseCodebook } from './parse.js';

const EXAMPLE = `themes:
  - name: Vécu du médecin
    id: vecu-du-medecin            # stable id; codings refer to it
    description: Ce que le médecin ressent face au patient douloureux chronique.
    themes:                        # sub-themes (optional, any depth)
      - name: Émotions négatives
        codes:
          - name: Impuissance
            id: impuissance
            definition: Le médecin dit ne plus savoir quoi proposer.
            include: sentiment d'échec thérapeutique, « je ne sais plus quoi faire »
            exclude: manque de temps (→ Contraintes de temps)
            example: « je ne sais plus quoi lui proposer »
            color: "#c0392b"
    codes:
      - name: Épuisement
codes:                             # not yet grouped
  - name: Humour
`;

function kinds(source: string): string[] {
  return parseCodebook(source, 'codebook.yaml').problems.map((p) => p.kind);
}

describe('parseCodebook', () => {
  it('reads the documented example into a tree with positions', () => {
    const { codebook, problems, derivedIds } = parseCodebook(EXAMPLE, 'codebook.yaml');
    expect(problems).toEqual([]);
    expect(codebook.themes.map((t) => t.id)).toEqual(['vecu-du-medecin']);
    const vecu = codebook.themes[0]!;
    expect(vecu.children.map((c) => [c.kind, c.id])).toEqual([
      ['theme', 'emotions-negatives'],
      ['code', 'epuisement'],
    ]);
    const impuissance = codebook.byId.get('impuissance')!;
    expect(impuissance).toMatchObject({
      kind: 'code',
      name: 'Impuissance',
      parent: 'emotions-negatives',
      definition: 'Le médecin dit ne plus savoir quoi proposer.',
      include: "sentiment d'échec thérapeutique, « je ne sais plus quoi faire »",
      color: '#c0392b',
      line: 8,
      column: 13,
      children: [],
    });
    expect(codebook.byId.get('emotions-negatives')!.parent).toBe('vecu-du-medecin');
    expect(codebook.ungrouped.map((c) => [c.id, c.parent, c.line])).toEqual([['humour', null, 18]]);
    expect(derivedIds).toEqual(['emotions-negatives', 'epuisement', 'humour']);
    expect(codebook.byId.size).toBe(5);
  });

  it('gives an empty codebook for an empty file, comments only, or missing sections', () => {
    for (const source of ['', '\n', '# rien encore\n', 'themes:\n', 'codes: []\n']) {
      const { codebook, problems } = parseCodebook(source, 'codebook.yaml');
      expect(problems).toEqual([]);
      expect(codebook.themes).toEqual([]);
      expect(codebook.ungrouped).toEqual([]);
    }
  });

  it('reports YAML syntax errors with line and column', () => {
    const { problems } = parseCodebook('codes:\n  - name: A: B\n', 'codebook.yaml');
    expect(problems[0]).toMatchObject({ severity: 'error', kind: 'yaml-syntax', file: 'codebook.yaml', line: 2, column: 11 });
    expect(problems[0]!.message.en).toBe('YAML syntax: a colon too many in a value (put it in quotes), or a block used as a key.');
    expect(problems[0]!.message.fr).toContain('mettez-la entre guillemets');
    const tab = parseCodebook('codes:\n\t- name: A\n', 'codebook.yaml').problems[0]!;
    expect([tab.line, tab.column, tab.message.fr]).toEqual([2, 1, 'Syntaxe YAML : tabulation utilisée pour indenter (seules les espaces sont permises).']);
  });

  it('reports one YAML mistake once: the first syntax error, how many follow it, and what was found before it', () => {
    const source = 'codes:\n  - name: Avant\n    coleur: rouge\n  - name: Impuissance\n\t  id: impuissance\n    definition: Le médecin ne sait plus.\n  - name: Après\n';
    const { problems } = parseCodebook(source, 'codebook.yaml');
    expect(problems.map((p) => [p.kind, p.line]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['codebook-unknown-key', 3],
      ['yaml-syntax', 5],
    ]);
    const tab = problems.find((p) => p.kind === 'yaml-syntax')!;
    expect(tab.message.en).toMatch(/^YAML syntax: a tab used to indent \(only spaces are allowed\) \(and \d+ more YAML errors? after it, most likely caused by this one\)\.$/);
    expect(tab.hint?.en).toBe("Replace the tab at the start of line 5 with spaces (YAML indents with spaces only: 2 per level in codage's files).");
  });

  it('warns when an id written on one code is the id another code’s name gives', () => {
    const source = 'codes:\n  - name: Culpabilité\n    id: impuissance\n  - name: Impuissance\n';
    const { codebook, problems } = parseCodebook(source, 'codebook.yaml');
    expect([...codebook.byId.keys()]).toEqual(['impuissance', 'impuissance-2']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'codebook-id-taken', line: 4, message: expect.objectContaining({ en: expect.stringContaining('“Impuissance” has no id: its name gives `impuissance`, which is the id written on “Culpabilité” (line 2), so it becomes `impuissance-2`') }) }),
    ]);
    // Two names giving the same id, none written: nothing to warn about.
    expect(parseCodebook('codes:\n  - name: Délais\n  - name: Organisation\n', 'codebook.yaml').problems).toEqual([]);
  });

  it('reports a top level that is not a mapping', () => {
    expect(kinds('- name: A\n')).toEqual(['codebook-not-mapping']);
  });

  it('derives unique ids from names, never taking an explicit id written later', () => {
    const { codebook, derivedIds } = parseCodebook(
      'codes:\n  - name: Délais d’accès\n  - name: Délais d\'accès !\n  - name: Autre\n    id: delais-d-acces-2\n',
      'cb.yaml',
    );
    expect(codebook.ungrouped.map((c) => c.id)).toEqual(['delais-d-acces', 'delais-d-acces-3', 'delais-d-acces-2']);
    expect(derivedIds).toEqual(['delais-d-acces', 'delais-d-acces-3']);
  });

  it('reports a node without name, with a hint for `nom`', () => {
    const { problems, codebook } = parseCodebook('codes:\n  - nom: Humour\n  - id: x\n    definition: d\n', 'cb.yaml');
    const missing = problems.filter((p) => p.kind === 'codebook-missing-name');
    expect(missing.map((p) => p.line)).toEqual([2, 3]);
    expect(missing[0]!.hint!.en).toContain('`name:` instead of `nom:`');
    expect(problems.find((p) => p.kind === 'codebook-unknown-key')!.hint!.fr).toContain('Les clés s’écrivent en anglais');
    expect(codebook.byId.get('x')!.name).toBe('x');
  });

  it('reports a name that is not text', () => {
    const { problems, codebook } = parseCodebook('codes:\n  - name: 2024\n', 'cb.yaml');
    expect(problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([['codebook-wrong-type', 'error', 2, 11]]);
    expect(codebook.ungrouped[0]!.name).toBe('2024');
  });

  it('reports duplicate code names ignoring case and accents, anywhere in the tree', () => {
    const { problems } = parseCodebook(
      'themes:\n  - name: T\n    codes:\n      - name: Impuissance\ncodes:\n  - name: impuissance\n  - name: Epuisement\n  - name: Épuisement\n',
      'cb.yaml',
    );
    const dups = problems.filter((p) => p.kind === 'codebook-duplicate-name');
    expect(dups.map((p) => p.line)).toEqual([6, 8]);
    expect(dups[0]!.message.fr).toContain('« impuissance » et « Impuissance »');
  });

  it('reports duplicate theme names only under the same parent', () => {
    const source = `themes:
  - name: Vécu
    themes:
      - name: Émotions
  - name: Pratique
    themes:
      - name: Émotions
      - name: emotions
`;
    const { problems } = parseCodebook(source, 'cb.yaml');
    expect(problems.map((p) => [p.kind, p.line])).toEqual([['codebook-duplicate-name', 8]]);
  });

  it('reports duplicate and invalid ids', () => {
    const { problems, codebook } = parseCodebook(
      'codes:\n  - name: A\n    id: same\n  - name: B\n    id: same\n  - name: C\n    id: "c d"\n',
      'cb.yaml',
    );
    expect(problems.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['codebook-invalid-id', 7, 9],
      ['codebook-duplicate-id', 5, 9],
    ]);
    expect(codebook.byId.get('same')!.name).toBe('A');
    expect(codebook.ungrouped).toHaveLength(3);
  });

  it('warns about unknown keys and suggests the nearest one', () => {
    const { problems } = parseCodebook('codes:\n  - name: A\n    defintion: x\n    zzz: y\nthèmes:\n  - name: T\n', 'cb.yaml');
    expect(problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([
      ['codebook-unknown-key', 'warning', 3, 5],
      ['codebook-unknown-key', 'warning', 4, 5],
      ['codebook-unknown-key', 'warning', 5, 1],
    ]);
    expect(problems[0]!.hint!.en).toBe('Did you mean `definition:`?');
    expect(problems[1]!.hint!.en).toContain('Known keys here');
    expect(problems[2]!.hint!.en).toContain('use `themes:` instead of `thèmes:`');
  });

  it('accepts `définition` only with a hint, never as a key', () => {
    const { problems, codebook } = parseCodebook('codes:\n  - name: A\n    définition: x\n', 'cb.yaml');
    expect(codebook.ungrouped[0]!.definition).toBeUndefined();
    expect(problems[0]!.hint!.fr).toBe('Les clés s’écrivent en anglais : utilisez `definition:` au lieu de `définition:`.');
  });

  it('reports wrong types', () => {
    const { problems } = parseCodebook(
      'themes:\n  name: T\ncodes:\n  - name: A\n    definition: [x, y]\n    example: 12\n  - Humour\n',
      'cb.yaml',
    );
    expect(problems.map((p) => [p.kind, p.severity, p.line])).toEqual([
      ['codebook-wrong-type', 'error', 2],
      ['codebook-wrong-type', 'error', 5],
      ['codebook-wrong-type', 'warning', 6],
      ['codebook-wrong-type', 'error', 7],
    ]);
    expect(problems[3]!.hint!.en).toBe('Write it as `- name: Humour`.');
  });

  it('treats a code with children as an error that says to make it a theme', () => {
    const { problems, codebook } = parseCodebook('codes:\n  - name: A\n    codes:\n      - name: B\n', 'cb.yaml');
    expect(problems.map((p) => [p.kind, p.line])).toEqual([['codebook-code-has-children', 3]]);
    expect(problems[0]!.hint!.en).toContain('Make it a theme');
    expect(codebook.byId.has('b')).toBe(false);
  });

  it('warns about an unquoted colour read as a comment', () => {
    expect(kinds('codes:\n  - name: A\n    color: #c0392b\n')).toEqual(['codebook-empty-color']);
  });
});

describe('a French value with " : " in it', () => {
  it('is reported at its line with the fix: quote the value', () => {
    const { problems } = parseCodebook('codes:\n  - name: Accès\n    definition: Accès au psychologue : coût trop élevé\n', 'codebook.yaml');
    const syntax = problems.find((p) => p.kind === 'yaml-syntax');
    expect(syntax).toMatchObject({ severity: 'error', line: 3 });
    expect(syntax?.hint?.en).toContain('put the whole value in double quotes');
    expect(syntax?.hint?.fr).toContain('entre guillemets droits');
    // …and only that: not also "definition must be text" at the same place.
    expect(problems.filter((p) => p.line === 3 && p.column === syntax?.column)).toEqual([syntax]);
  });
});

describe('whether codage may rewrite the codebook', () => {
  const read = (source: string) => parseCodebook(source, 'codebook.yaml');

  it('may, with problems that edits keep as written (a misspelt key, a duplicate name)', () => {
    expect(read(EXAMPLE).rewritable).toBe(true);
    expect(read('codes:\n  - name: A\n    descripton: x\n  - name: A\n').rewritable).toBe(true);
    expect(read('').rewritable).toBe(true);
  });

  it('may not with a YAML error: a tab, a key written twice, an unclosed quote', () => {
    expect(read('codes:\n\t- name: A\n').rewritable).toBe(false);
    expect(read('codes:\n  - name: A\n    name: B\n').rewritable).toBe(false);
    expect(read('codes:\n  - name: "A\n').rewritable).toBe(false);
  });

  it('may not when it is not a mapping', () => {
    expect(read('- name: A\n').rewritable).toBe(false);
  });

  it('may not, and says where, when its aliases expand to too much data', () => {
    let bomb = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const { rewritable, problems } = read(`codes:\n  - name: A\n${bomb}`);
    expect(rewritable).toBe(false);
    expect(problems.find((p) => p.kind === 'yaml-aliases')).toMatchObject({ severity: 'error', line: 4 });
  });

  it('may with a few aliases', () => {
    expect(read('codes:\n  - name: A\n    definition: &d Une définition\n  - name: B\n    definition: *d\n').rewritable).toBe(true);
  });
});
