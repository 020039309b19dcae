import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Codebook, CodebookNode } from '../types.js';
import { addCode, addTheme, type CodebookEditError, type NodeTexts } from './edit.js';
import { mergeCodebook, mergeCodebookThreeWay } from './merge.js';
import { parseCodebook } from './parse.js';
import { allCodes, allThemes as allThemesOf, findCodeByName } from './query.js';
import { nameKey } from './slug.js';

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

/** The trusted reference: the two-way merge adding each theme and code with `addTheme`/`addCode`, the file parsed again after each. */
function mergeOneByOne(ours: string, theirs: Codebook) {
  let source = ours;
  let book = read(source);
  const texts = (node: CodebookNode): NodeTexts => Object.fromEntries((['description', 'definition', 'include', 'exclude', 'example', 'color'] as const).filter((f) => node[f] !== undefined).map((f) => [f, node[f]]));
  const out = { codeIds: new Map<string, string>(), addedCodes: [] as { name: string; id: string; theirId: string }[], addedThemes: [] as { name: string; id: string }[], renamed: [] as { id: string; ours: string; theirs: string }[], matchedByName: [] as { name: string; ours: string; theirs: string }[] };
  const themeIds = new Map<string, string>();
  const noteRename = (node: CodebookNode, mine: CodebookNode) => {
    if (nameKey(mine.name) !== nameKey(node.name)) out.renamed.push({ id: mine.id, ours: mine.name, theirs: node.name });
  };
  const visit = (node: CodebookNode, parent: string | null): void => {
    if (node.kind === 'theme') {
      let mine = book.byId.get(node.id);
      if (mine?.kind === 'theme') noteRename(node, mine);
      else mine = (parent === null ? book.themes : (book.byId.get(parent)?.children ?? [])).find((n) => n.kind === 'theme' && nameKey(n.name) === nameKey(node.name));
      if (mine === undefined || mine.kind !== 'theme') {
        const added = addTheme(source, { name: node.name, parentId: parent, id: node.id, ...texts(node) });
        source = added.source;
        book = read(source);
        out.addedThemes.push({ name: node.name, id: added.id });
        themeIds.set(node.id, added.id);
      } else themeIds.set(node.id, mine.id);
      for (const child of node.children) visit(child, themeIds.get(node.id)!);
      return;
    }
    const byId = book.byId.get(node.id);
    if (byId?.kind === 'code') {
      noteRename(node, byId);
      out.codeIds.set(node.id, byId.id);
      return;
    }
    const byName = findCodeByName(book, node.name);
    if (byName) {
      out.matchedByName.push({ name: byName.name, ours: byName.id, theirs: node.id });
      out.codeIds.set(node.id, byName.id);
      return;
    }
    const added = addCode(source, { name: node.name, themeId: parent, id: node.id, ...texts(node) });
    source = added.source;
    book = read(source);
    out.addedCodes.push({ name: node.name, id: added.id, theirId: node.id });
    out.codeIds.set(node.id, added.id);
  };
  for (const theme of theirs.themes) visit(theme, null);
  for (const code of theirs.ungrouped) visit(code, null);
  const theirIds = new Set(out.codeIds.values());
  return { ...out, source, onlyOurs: allCodes(read(ours)).filter((c) => !theirIds.has(c.id)).map((c) => c.name) };
}

describe('mergeCodebook in one pass', () => {
  const names = ['Impuissance', 'impuissance', 'Épuisement', 'Culpabilité', 'Humour', 'Vécu du médecin', 'Relation', 'Ruralité', 'Délais d’accès'];
  const ids = ['impuissance', 'epuisement', 'vecu', 'humour', 'humour-2', 'delais', 'relation', 'ruralite', 'organisation', 'x'];
  const node = (kind: 'theme' | 'code') => fc.record({ name: fc.constantFrom(...names), id: fc.option(fc.constantFrom(...ids), { nil: undefined }), definition: fc.option(fc.constant('Une définition.'), { nil: undefined }), kind: fc.constant(kind) });
  const yamlOf = (n: { name: string; id?: string; definition?: string }, indent: string) =>
    `${indent}- name: ${JSON.stringify(n.name)}\n${n.id ? `${indent}  id: ${n.id}\n` : ''}${n.definition ? `${indent}  definition: ${n.definition}\n` : ''}`;
  const theirsText = fc
    .record({
      themes: fc.array(fc.record({ theme: node('theme'), codes: fc.array(node('code'), { maxLength: 4 }), sub: fc.array(node('theme'), { maxLength: 2 }) }), { maxLength: 4 }),
      codes: fc.array(node('code'), { maxLength: 4 }),
    })
    .map(({ themes, codes }) => {
      let text = 'themes:\n';
      for (const t of themes) {
        text += yamlOf(t.theme, '  ');
        if (t.sub.length > 0) text += `    themes:\n${t.sub.map((x) => yamlOf(x, '      ')).join('')}`;
        if (t.codes.length > 0) text += `    codes:\n${t.codes.map((c) => yamlOf(c, '      ')).join('')}`;
      }
      return codes.length > 0 ? `${text}codes:\n${codes.map((c) => yamlOf(c, '  ')).join('')}` : text;
    });

  it('matches and adds as adding one node at a time would, on generated copies', () => {
    fc.assert(
      fc.property(fc.constantFrom(BASE, 'themes: []\n', 'codes:\n  - name: Humour\n'), theirsText, (ours, text) => {
        const theirs = read(text);
        const batch = mergeCodebook(ours, theirs);
        const reference = mergeOneByOne(ours, theirs);
        expect(batch.source).toBe(reference.source);
        expect([...batch.codeIds]).toEqual([...reference.codeIds]);
        expect({ ...batch, source: undefined, codeIds: undefined }).toEqual({ ...reference, source: undefined, codeIds: undefined });
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('adds 400 new codes to an empty codebook in one pass', () => {
    const theirs = read(`themes:\n${Array.from({ length: 8 }, (_, t) => `  - name: Thème ${t}\n    codes:\n${Array.from({ length: 50 }, (_, c) => `      - name: Code ${t}.${c}\n`).join('')}`).join('')}`);
    const r = mergeCodebook('themes: []\n', theirs);
    expect(r.addedCodes).toHaveLength(400);
    expect(r.addedThemes).toHaveLength(8);
    expect(read(r.source).themes.map((t) => t.children.length)).toEqual(Array.from({ length: 8 }, () => 50));
  });
});

/** The additions of the three-way merge decided and made one node at a time, the file parsed again after each: the reference for the planned pass. */
function threeWayAdditionsOneByOne(base: string, ours: string, theirs: string) {
  const b = read(base);
  const t = read(theirs);
  let source = ours;
  let o = read(source);
  const applied: string[] = [];
  const conflicts: string[] = [];
  const texts = (node: CodebookNode): NodeTexts => Object.fromEntries((['description', 'definition', 'include', 'exclude', 'example', 'color'] as const).filter((f) => node[f] !== undefined).map((f) => [f, node[f]]));
  const added = [...allThemesOf(t), ...allCodes(t)].filter((n) => !b.byId.has(n.id) && !o.byId.has(n.id));
  const addedIds = new Map<string, string>();
  for (const node of added) {
    const parent = node.parent === null ? null : (addedIds.get(node.parent) ?? (o.byId.has(node.parent) ? node.parent : null));
    if (node.kind === 'code' && findCodeByName(o, node.name)) {
      conflicts.push(`both copies added a code named « ${node.name} » with different ids: kept this copy's`);
      continue;
    }
    const what = `${node.kind === 'theme' ? 'theme' : 'code'} « ${node.name} »`;
    if (node.kind === 'theme') {
      const siblings = parent === null ? o.themes : (o.byId.get(parent)?.children ?? []);
      const same = siblings.find((n) => n.kind === 'theme' && nameKey(n.name) === nameKey(node.name));
      if (same) {
        addedIds.set(node.id, same.id);
        applied.push(`${what} (${node.id}) is this copy's theme « ${same.name} » (${same.id}): what the other copy put in it goes there`);
        continue;
      }
    }
    try {
      const r = node.kind === 'code' ? addCode(source, { name: node.name, themeId: parent, id: node.id, ...texts(node) }) : addTheme(source, { name: node.name, parentId: parent, id: node.id, ...texts(node) });
      source = r.source;
      o = read(source);
      addedIds.set(node.id, r.id);
      applied.push(`added ${what} (${r.id})`);
    } catch (error) {
      conflicts.push(`${what} (${node.id}) (line ${node.line} of the other copy) not added: ${(error as CodebookEditError).localized.en}`);
    }
  }
  return { source, applied, conflicts };
}

describe('mergeCodebookThreeWay: the other copy’s new themes and codes in one pass', () => {
  const names = ['Impuissance', 'Ruralité', 'ruralite', 'Culpabilité', 'Vécu du médecin', 'Organisation des soins', 'Déni', 'Humour'];
  const ids = ['ruralite', 'culpabilite', 'vecu', 'humour', 'deni', 'x1', 'x2', 'organisation', 'impuissance-2'];
  const addition = fc.record({ kind: fc.constantFrom('theme' as const, 'code' as const), name: fc.constantFrom(...names), id: fc.constantFrom(...ids), parent: fc.constantFrom<string | null>(null, 'vecu', 'organisation', 'humour', 'x1', 'x2', 'deni') });
  /** BASE with each addition made in turn where codage would accept it. */
  const withAdditions = (list: { kind: 'theme' | 'code'; name: string; id: string; parent: string | null }[]) => {
    let text = BASE;
    for (const a of list) {
      try {
        text = a.kind === 'code' ? addCode(text, { name: a.name, themeId: a.parent, id: a.id, definition: `Définition de ${a.name}.` }).source : addTheme(text, { name: a.name, parentId: a.parent, id: a.id }).source;
      } catch {
        // Refused (a name taken, a parent missing): not part of that copy.
      }
    }
    return text;
  };

  it('adds, refuses and reports as adding them one at a time would, on generated copies', () => {
    fc.assert(
      fc.property(fc.array(addition, { maxLength: 5 }), fc.array(addition, { maxLength: 8 }), (mine, other) => {
        const ours = withAdditions(mine);
        const theirs = withAdditions(other);
        const batch = mergeCodebookThreeWay(BASE, ours, theirs);
        const reference = threeWayAdditionsOneByOne(BASE, ours, theirs);
        expect(batch.source).toBe(reference.source);
        expect(batch.applied.map((m) => m.en)).toEqual(reference.applied);
        // The one-by-one additions did not look at nodes both copies added under one id (below).
        const sameId = /^both copies added (the id |.* with another )/;
        expect(batch.conflicts.map((m) => m.en).filter((m) => !sameId.test(m))).toEqual(reference.conflicts);
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});

describe('mergeCodebookThreeWay (git merge driver)', () => {
  it('refuses a branch whose codebook it cannot read completely (two nodes with one id), naming the line', () => {
    const twice = BASE.replace('themes:\n', 'themes:\n  - name: Thème doublon\n    id: doublon\n    codes:\n      - name: Antalgiques forts\n        id: doublon\n');
    expect(() => mergeCodebookThreeWay(BASE, twice, BASE)).toThrow(/this branch's version cannot be read completely \(line 7: The id `doublon` is already used/i);
    expect(() => mergeCodebookThreeWay(BASE, BASE, twice)).toThrow(/the other branch's version cannot be read completely/i);
  });

  it('puts the codes of a theme both branches added (same name, other ids) into this branch’s theme', () => {
    const ours = BASE.replace('themes:\n', 'themes:\n  - name: Peurs\n    id: peurs\n');
    const theirs = BASE.replace('themes:\n', 'themes:\n  - name: peurs\n    id: les-peurs\n    codes:\n      - name: Peur du médecin\n        id: peur-medecin\n');
    const r = mergeCodebookThreeWay(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(read(r.source).byId.get('peur-medecin')?.parent).toBe('peurs');
    expect(r.applied.map((a) => a.en)).toEqual([
      "theme « peurs » (les-peurs) is this copy's theme « Peurs » (peurs): what the other copy put in it goes there",
      'added code « Peur du médecin » (peur-medecin)',
    ]);
  });

  it('says when both branches added a different theme or code under the same id, and keeps this one', () => {
    const add = (name: string, definition?: string) => `${BASE}  - name: ${name}\n    id: colere\n${definition ? `    definition: ${definition}\n` : ''}`;
    const clash = mergeCodebookThreeWay(BASE, add('Colère'), add('Colère du patient', 'Le patient est en colère.'));
    expect(clash.source).toBe(add('Colère'));
    expect(clash.conflicts.map((c) => c.en)).toEqual([
      "both copies added the id colere: code « Colère » (colere) here, code « Colère du patient » (colere) in the other copy; kept this copy's — the other copy's codings of colere now mean this copy's, give one of them another id",
    ]);
    // The same code added in both: nothing to say, unless its texts differ.
    expect(mergeCodebookThreeWay(BASE, add('Colère'), add('colère')).conflicts).toEqual([]);
    expect(mergeCodebookThreeWay(BASE, add('Colère', 'Une.'), add('Colère', 'Autre.')).conflicts.map((c) => c.en)).toEqual([
      "both copies added code « Colère » (colere), with another definition: kept this copy's",
    ]);
  });

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
