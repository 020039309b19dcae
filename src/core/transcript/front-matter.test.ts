import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.js';

describe('splitFrontMatter', () => {
  it('returns the whole text as body when there is no front matter', () => {
    const r = splitFrontMatter('Enquêteur : Bonjour.\nP07 : Bonjour.', 'transcripts/P07.txt');
    expect(r).toEqual({ attributes: {}, body: 'Enquêteur : Bonjour.\nP07 : Bonjour.', bodyLine: 1, problems: [] });
  });

  it('reads attributes, keeps dates as text and takes out the id', () => {
    const text = '---\nid: P07\ndate: 2024-03-12\nduration: 34        # minutes\ngroup: MG\nsexe: F\nage: 52\nremplaçant: false\nnote:\n---\nEnquêteur : Pouvez-vous…\n';
    const r = splitFrontMatter(text, 'transcripts/P07.txt');
    expect(r.problems).toEqual([]);
    expect(r.id).toBe('P07');
    expect(r.attributes).toEqual({
      date: '2024-03-12',
      duration: 34,
      group: 'MG',
      sexe: 'F',
      age: 52,
      remplaçant: false,
      note: null,
    });
    expect(r.body).toBe('Enquêteur : Pouvez-vous…\n');
    expect(r.bodyLine).toBe(11);
  });

  it('keeps the leading zeros of a numeric id', () => {
    expect(splitFrontMatter('---\nid: 007\n---\ntexte', 'a.txt').id).toBe('007');
    expect(splitFrontMatter('---\nid: 12\n---\ntexte', 'a.txt').id).toBe('12');
  });

  it('accepts `...` as the closing line and an empty front matter', () => {
    expect(splitFrontMatter('---\nage: 40\n...\nP1 : oui', 'a.txt')).toMatchObject({
      attributes: { age: 40 },
      body: 'P1 : oui',
      bodyLine: 4,
    });
    expect(splitFrontMatter('---\n---\nP1 : oui', 'a.txt')).toEqual({
      attributes: {},
      body: 'P1 : oui',
      bodyLine: 3,
      problems: [],
    });
  });

  it('gives an empty body when the file ends on the closing line', () => {
    expect(splitFrontMatter('---\nage: 40\n---', 'a.txt')).toMatchObject({ body: '', bodyLine: 4, problems: [] });
  });

  it('reports a YAML error at its line in the file', () => {
    const text = '---\nid: P02\nage: 45\nmilieu: "rural\nsexe: F\n---\nP02 : oui';
    const r = splitFrontMatter(text, 'transcripts/P02.txt');
    expect(r.problems.length).toBeGreaterThan(0);
    const p = r.problems[0]!;
    expect(p).toMatchObject({ severity: 'error', kind: 'front-matter-yaml', file: 'transcripts/P02.txt', line: 4, column: 9 });
    expect(p.message.fr).toContain('L’en-tête n’est pas du YAML valide');
    expect(r.body).toBe('P02 : oui');
    expect(r.bodyLine).toBe(7);
  });

  it('reports only the first of cascading YAML errors', () => {
    const r = splitFrontMatter('---\nage: 45\n  sexe: F: x\n---\n', 'a.txt');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'front-matter-yaml', line: 2, column: 6 });
  });

  it('reports a duplicated attribute', () => {
    const r = splitFrontMatter('---\nage: 45\nage: 46\n---\n', 'a.txt');
    expect(r.problems[0]).toMatchObject({ kind: 'front-matter-yaml', line: 3, severity: 'error' });
  });

  it('stringifies lists and tables with a warning at the attribute', () => {
    const r = splitFrontMatter('---\nid: P3\nformations: [DU douleur, hypnose]\nlieu: {ville: Rennes}\n---\nx', 'a.txt');
    expect(r.attributes).toEqual({ formations: 'DU douleur, hypnose', lieu: '{"ville":"Rennes"}' });
    expect(r.problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([
      ['front-matter-value', 'warning', 3, 1],
      ['front-matter-value', 'warning', 4, 1],
    ]);
  });

  it('ignores an id that is not text or a number', () => {
    const r = splitFrontMatter('---\nid: [1, 2]\n---\nx', 'a.txt');
    expect(r.id).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ kind: 'front-matter-id', line: 2 });
  });

  it('warns when the front matter is not a map', () => {
    const r = splitFrontMatter('---\n- a\n- b\n---\nx', 'a.txt');
    expect(r.attributes).toEqual({});
    expect(r.problems[0]).toMatchObject({ kind: 'front-matter-not-map', line: 2 });
  });

  it('reports an unclosed front matter at line 1 and keeps the whole text', () => {
    const text = '---\nid: P1\nP1 : oui';
    const r = splitFrontMatter(text, 'a.txt');
    expect(r.body).toBe(text);
    expect(r.bodyLine).toBe(1);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', kind: 'front-matter-unclosed', line: 1, column: 1 });
  });

  it('needs `---` alone on the first line', () => {
    expect(splitFrontMatter('--- titre\nx\n---\n', 'a.txt').bodyLine).toBe(1);
    expect(splitFrontMatter('\n---\nage: 3\n---\n', 'a.txt').bodyLine).toBe(1);
  });
});
