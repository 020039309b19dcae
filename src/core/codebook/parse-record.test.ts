import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodebookNode } from '../types.js';
import { parseCodebook } from './parse.js';
import { codebookParseFromRecord, codebookParseRecord } from './parse-record.js';

const DEMO = readFileSync(new URL('../../../fixtures/demo/codebook.yaml', import.meta.url), 'utf8');

/** Codebooks as people write them, problems included. */
const SOURCES: Record<string, string> = {
  demo: DEMO,
  empty: '',
  problems: `themes:
  - name: Vécu
    description: "Ce que vit le médecin : ça."
    themes:
      - nom: Émotions
        codes:
          - name: Impuissance
          - name: impuissance
            id: impuissance
  - name: Accès
    id: acces
    color: #ff0000
codes:
  - name: Délais
    id: acces
    codes:
      - name: Sous-code
  - name: Plain
    exemple: x
`,
  syntax: 'themes:\n  - name: A\n\t- name: B\n',
  notMapping: '- a\n- b\n',
};

/** Every node of the trees, depth first. */
function walk(nodes: readonly CodebookNode[]): CodebookNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

describe('codebookParseRecord', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    it(`reads back what was read, through JSON (${name})`, () => {
      const parsed = parseCodebook(source, 'codebook.yaml');
      const back = codebookParseFromRecord(JSON.parse(JSON.stringify(codebookParseRecord(parsed))));
      expect(back).not.toBeNull();
      expect(back).toEqual(parsed);
      expect([...back!.codebook.byId.keys()]).toEqual([...parsed.codebook.byId.keys()]);
      // The node in byId is the node of the tree, as in what was read.
      const inTree = new Set(walk([...back!.codebook.themes, ...back!.codebook.ungrouped]));
      for (const node of back!.codebook.byId.values()) {
        const original = parsed.codebook.byId.get(node.id)!;
        const originalInTree = walk([...parsed.codebook.themes, ...parsed.codebook.ungrouped]).includes(original);
        expect(inTree.has(node)).toBe(originalInTree);
      }
    });
  }

  it('has problems to read back in the codebook with problems', () => {
    const kinds = parseCodebook(SOURCES.problems!, 'codebook.yaml').problems.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['codebook-duplicate-id', 'codebook-code-has-children']));
  });

  it('refuses what is not a record, and a node that would be its own ancestor', () => {
    const record = codebookParseRecord(parseCodebook(DEMO, 'codebook.yaml'));
    expect(codebookParseFromRecord(null)).toBeNull();
    expect(codebookParseFromRecord({ ...record, rewritable: 'yes' })).toBeNull();
    expect(codebookParseFromRecord({ ...record, themes: [record.nodes.length + 3] })).toBeNull();
    const looped = structuredClone(record);
    looped.nodes[1]!.children.push(0);
    expect(codebookParseFromRecord(looped)).toBeNull();
  });
});

describe('parseCodebook of a text read before', () => {
  it('gives what the first read gave, as new objects', () => {
    const source = `${DEMO}\n# read twice\n`;
    const first = parseCodebook(source, 'codebook.yaml');
    const firstCopy = structuredClone(first);
    first.codebook.themes[0]!.name = 'changed by a caller';
    first.problems.push({ severity: 'error', file: 'x', kind: 'x', message: { en: 'x', fr: 'x' } });
    const second = parseCodebook(source, 'codebook.yaml');
    expect(second).toEqual(firstCopy);
    expect(second.codebook.themes[0]).not.toBe(first.codebook.themes[0]);
    // The path shown in problems is part of what is remembered.
    const elsewhere = parseCodebook('codes:\n  - name: A\n  - name: A\n', 'other.yaml');
    expect(elsewhere.problems.every((p) => p.file === 'other.yaml')).toBe(true);
    expect(parseCodebook('codes:\n  - name: A\n  - name: A\n', 'codebook.yaml').problems.every((p) => p.file === 'codebook.yaml')).toBe(true);
  });
});
