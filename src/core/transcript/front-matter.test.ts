import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readSimpleFrontMatter, splitFrontMatter } from './front-matter.js';

describe('splitFrontMatter', () => {
  it('returns the whole text as body when there is no front matter', () => {
    const r = splitFrontMatter('Enquêteur : Bonjour.\nP07 : Bonjour.', 'transcripts/P07.txt');
    expect(r).toEqual({ attributes: {}, body: 'Enquêteur : Bonjour.\nP07 : Bonjour.', bodyLine: 1, positions: {}, problems: [] });
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
    // Where each value is written, for messages about it (this front matter goes through the YAML parser).
    expect(r.positions.date).toEqual({ line: 3, column: 7 });
    expect(r.positions.note).toEqual({ line: 9, column: 1 });
  });

  it('says where each value is written when the front matter is read without the YAML parser', () => {
    const r = splitFrontMatter('---\nid: P07\ndate: 12/03/2024\nnote:\n---\ntexte', 'a.txt');
    expect(r.positions).toEqual({ date: { line: 3, column: 7 }, note: { line: 4, column: 1 } });
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
      positions: {},
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

describe('readSimpleFrontMatter', () => {
  it('reads what the YAML parser reads, or gives way to it, on random front matters', () => {
    const keys = ['id', 'age', 'sexe', 'durée', 'group', 'true', 'Null', 'a_b', 'x-y', '2k', 'note'];
    const values = [
      'P07', '007', '52', '-3', '+4', '1.5', '1.', '2e3', '1.5E-2', '0x1F', '0o17', 'null', 'NULL', 'True', 'false', 'yes',
      '2024-03-12', 'semi-rural', 'l’hôpital', "l'été", 'MG 2 (remplaçant)', 'a, b', 'a #b', 'a: b', 'a:b', '"quoted"',
      "'single'", '[1, 2]', '{a: 1}', '- x', '~', '', ' ', 'x ', ' x', 'a\tb', '&anchor', '*ref', '!tag', '|', '>', '@x',
      '%x', '.5', '.inf', '-.inf', '.nan', 'é', '1_000', '12345678901234567890', 'ok?', 'a  b', '\u00a0x',
    ];
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T,>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    let simple = 0;
    for (let n = 0; n < 1500; n++) {
      const lines: string[] = [];
      const count = Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const r = random();
        lines.push(r < 0.05 ? '' : r < 0.08 ? '# comment' : r < 0.1 ? `  ${pick(keys)}: ${pick(values)}` : r < 0.15 ? `${pick(keys)}:` : `${pick(keys)}: ${pick(values)}`);
      }
      const source = lines.map((line) => `${line}\n`).join('');
      const read = readSimpleFrontMatter(source);
      if (read === null) continue;
      simple++;
      const doc = parseDocument(source, { schema: 'core', prettyErrors: false, uniqueKeys: true });
      expect(doc.errors, source).toEqual([]);
      const js = (doc.toJS() ?? {}) as Record<string, unknown>;
      const { id, ...attributes } = js;
      expect(read.attributes, source).toEqual(attributes);
      if (id === undefined) expect(read.id, source).toBeUndefined();
      else {
        const node = doc.get('id', true) as { source?: string; value: unknown };
        expect(read.id, source).toBe(typeof id === 'number' ? node.source : String(id).trim());
      }
      for (const key of Object.keys(read.attributes)) expect(Object.is(read.attributes[key], attributes[key]), source).toBe(true);
    }
    expect(simple).toBeGreaterThan(200);
  });
});

