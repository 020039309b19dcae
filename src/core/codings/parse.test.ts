import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import type { CoderFile } from '../types.js';
import { parseCoderFile } from './parse.js';
import { CODER_FILE_HEADER, serializeCoderFile } from './serialize.js';

// The YAML parser, watched: the files codage writes must be read without it.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yaml')>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});

const CANONICAL = `${CODER_FILE_HEADER}version: 1
coder: marie
memos:
  P01: "Entretien interrompu deux fois par le téléphone."
segments:
  - {"id": "k3j9x2", "participant": "P01", "start": 1204, "end": 1262, "codes": ["impuissance"], "text": "je ne sais plus quoi lui proposer", "at": "2026-11-02T14:03:11Z"}
  - {"id": "p0q7ab", "participant": "P01", "start": 1300, "end": 1388, "codes": ["epuisement", "humour"], "text": "…", "memo": "ironique", "exemplary": true, "at": "2026-11-02T14:05:40Z"}
`;

function read(source: string, coder = 'marie') {
  return parseCoderFile(source, `codings/${coder}.yaml`, coder);
}

function withoutLines(file: CoderFile): CoderFile {
  return { ...file, segments: file.segments.map(({ line: _line, ...s }) => s) };
}

describe('parseCoderFile: the canonical layout', () => {
  it('reads the documented example with line numbers', () => {
    const { coderFile, problems, invalid, extra, rewritable } = read(CANONICAL);
    expect(problems).toEqual([]);
    expect(invalid).toEqual([]);
    expect(extra).toEqual([]);
    expect(rewritable).toBe(true);
    expect(coderFile.coder).toBe('marie');
    expect(coderFile.memos).toEqual({ P01: 'Entretien interrompu deux fois par le téléphone.' });
    expect(coderFile.segments).toEqual([
      { id: 'k3j9x2', participant: 'P01', start: 1204, end: 1262, codes: ['impuissance'], text: 'je ne sais plus quoi lui proposer', at: '2026-11-02T14:03:11Z', line: 8 },
      { id: 'p0q7ab', participant: 'P01', start: 1300, end: 1388, codes: ['epuisement', 'humour'], text: '…', memo: 'ironique', exemplary: true, at: '2026-11-02T14:05:40Z', line: 9 },
    ]);
  });

  it('round-trips: serialize → parse → serialize is identical', () => {
    const once = serializeCoderFile(read(CANONICAL).coderFile);
    expect(once).toBe(CANONICAL);
    const file: CoderFile = {
      coder: 'Hélène',
      memos: { 'P 2': 'a "quoted"\nmemo', P1: '' },
      segments: [
        { id: 'x1', participant: 'P1', start: 0, end: 4, codes: ['a', 'b'], text: 'tab\there\u2028sep «»', memo: '' },
        { id: 'x2', participant: 'P 2', start: 3, end: 10, codes: ['c'], text: '\\ back', exemplary: true },
      ],
    };
    const text = serializeCoderFile(file);
    const back = parseCoderFile(text, 'codings/Hélène.yaml', 'Hélène');
    expect(back.problems).toEqual([]);
    expect(serializeCoderFile(back.coderFile)).toBe(text);
    expect(withoutLines(back.coderFile)).toEqual(file);
  });

  it('reads and writes back the quote id, the ambiguous mark and the context of a segment', () => {
    const line =
      '  - {"id": "a1", "participant": "MG1", "start": 10, "end": 20, "codes": ["impuissance"], "text": "on bricole", "quote": "q7k2m9x1", "ambiguous": true, "at": "2026-11-02T14:03:11Z", "prefix": "Huit mois. Donc ", "suffix": " en attendant."}\n';
    const text = `${CODER_FILE_HEADER}version: 1\ncoder: marie\nmemos: {}\nsegments:\n${line}`;
    const { coderFile, problems } = read(text);
    expect(problems).toEqual([]);
    expect(coderFile.segments[0]).toMatchObject({ quote: 'q7k2m9x1', ambiguous: true, prefix: 'Huit mois. Donc ', suffix: ' en attendant.' });
    expect(serializeCoderFile(coderFile)).toBe(text);
    // The same, written by hand in block style, with `ambiguous: false` (nothing to confirm).
    const block = read(`version: 1\nsegments:\n  - id: a1\n    participant: MG1\n    start: 10\n    end: 20\n    codes: [impuissance]\n    text: on bricole\n    quote: q7k2m9x1\n    ambiguous: false\n`);
    expect(block.problems).toEqual([]);
    expect(block.coderFile.segments[0]!.quote).toBe('q7k2m9x1');
    expect(block.coderFile.segments[0]!.ambiguous).toBeUndefined();
  });

  it('reads and writes back a confirmed place; a file written before the mark existed reads as before', () => {
    const line =
      '  - {"id": "a1", "participant": "MG1", "start": 10, "end": 20, "codes": ["impuissance"], "text": "on bricole", "confirmed": true, "at": "2026-11-02T14:03:11Z", "prefix": "Huit mois. Donc ", "suffix": " en attendant."}\n';
    const text = `${CODER_FILE_HEADER}version: 1\ncoder: marie\nmemos: {}\nsegments:\n${line}`;
    const { coderFile, problems } = read(text);
    expect(problems).toEqual([]);
    expect(coderFile.segments[0]!.confirmed).toBe(true);
    expect(coderFile.segments[0]!.ambiguous).toBeUndefined();
    expect(serializeCoderFile(coderFile)).toBe(text);
    // Without the field (a file of an earlier codage, a segment never ambiguous): nothing confirmed, nothing reported.
    const older = read(text.replace(', "confirmed": true', ''));
    expect(older.problems).toEqual([]);
    expect(older.coderFile.segments[0]!.confirmed).toBeUndefined();
    expect(serializeCoderFile(older.coderFile)).toBe(text.replace(', "confirmed": true', ''));
    // By hand in block style, `confirmed: false` is the default.
    const block = read(`version: 1\nsegments:\n  - id: a1\n    participant: MG1\n    start: 10\n    end: 20\n    codes: [impuissance]\n    text: on bricole\n    confirmed: false\n`);
    expect(block.problems).toEqual([]);
    expect(block.coderFile.segments[0]!.confirmed).toBeUndefined();
    const wrong = read(`version: 1\nsegments:\n  - {"id": "a", "participant": "P1", "start": 0, "end": 1, "codes": ["c"], "text": "x", "confirmed": "oui"}\n`);
    expect(wrong.problems.map((p) => [p.line, p.kind, p.message.en])).toEqual([[3, 'segment-wrong-type', '`confirmed` must be `true` or `false`.']]);
    expect(wrong.invalid).toHaveLength(1);
  });

  it('reports a wrong quote id or ambiguous mark at its place, and keeps the segment', () => {
    const { problems, invalid } = read(`version: 1\nsegments:\n  - {"id": "a", "participant": "P1", "start": 0, "end": 1, "codes": ["c"], "text": "x", "ambiguous": "oui"}\n  - {"id": "b", "participant": "P1", "start": 0, "end": 1, "codes": ["c"], "text": "x", "quote": ""}\n`);
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'segment-wrong-type'],
      [4, 'segment-wrong-type'],
    ]);
    expect(problems[0]!.message.en).toBe('`ambiguous` must be `true` or `false`.');
    expect(invalid).toHaveLength(2);
  });

  it('reads an empty file, an empty list, CRLF and a BOM', () => {
    expect(read('')).toMatchObject({ coderFile: { coder: 'marie', memos: {}, segments: [] }, problems: [], rewritable: true });
    expect(read(`${CODER_FILE_HEADER}version: 1\ncoder: marie\nmemos: {}\nsegments: []\n`).coderFile.segments).toEqual([]);
    const crlf = `\uFEFF${CANONICAL.replace(/\n/g, '\r\n')}`;
    const r = read(crlf);
    expect(r.problems).toEqual([]);
    expect(r.coderFile.segments.map((s) => [s.id, s.line])).toEqual([['k3j9x2', 8], ['p0q7ab', 9]]);
  });
});

describe('parseCoderFile: hand-edited YAML', () => {
  const BLOCK = `# Marie's codings, edited by hand
version: 1
coder: marie
memos:
  P01: Entretien interrompu   # by phone
segments:
  # the first one
  - id: k3j9x2
    participant: P01
    start: 1204
    end: 1262
    codes:
      - impuissance
    text: 'je ne sais plus quoi lui proposer'

  - {id: p0q7ab, participant: P01, start: 1300, end: 1388, codes: [epuisement, humour], text: "…", exemplary: true}
`;

  it('reads block style with the right line of each segment', () => {
    const { coderFile, problems, rewritable } = read(BLOCK);
    expect(problems).toEqual([]);
    expect(rewritable).toBe(true);
    expect(coderFile.memos).toEqual({ P01: 'Entretien interrompu' });
    expect(coderFile.segments.map((s) => [s.id, s.line, s.codes])).toEqual([
      ['k3j9x2', 8, ['impuissance']],
      ['p0q7ab', 16, ['epuisement', 'humour']],
    ]);
  });

  it('rewrites it in the canonical layout, which then reads the same', () => {
    const first = read(BLOCK);
    const text = serializeCoderFile(first.coderFile, first);
    const second = read(text);
    expect(second.problems).toEqual([]);
    expect(withoutLines(second.coderFile)).toEqual(withoutLines(first.coderFile));
    expect(serializeCoderFile(second.coderFile, second)).toBe(text);
  });

  it('reports field problems at the field’s line and column', () => {
    const source = `version: 1
coder: marie
segments:
  - id: a1
    participant: P01
    start: 40
    end: 12
    codes: [x]
    text: abc
`;
    const { problems, invalid, coderFile } = read(source);
    expect(coderFile.segments).toEqual([]);
    expect(invalid).toEqual([{ line: 4, raw: 'id: a1\n    participant: P01\n    start: 40\n    end: 12\n    codes: [x]\n    text: abc', value: { id: 'a1', participant: 'P01', start: 40, end: 12, codes: ['x'], text: 'abc' } }]);
    expect(problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([['segment-empty-range', 'error', 7, 5]]);
    expect(problems[0]!.message.fr).toBe('`start` (40) doit être inférieur à `end` (12).');
  });

  it('reports YAML syntax errors with position and refuses rewriting', () => {
    const { problems, rewritable } = read('version: 1\nsegments:\n  - {"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"], "text": "ab"\n  - {"id": "b"}\n');
    expect(problems[0]).toMatchObject({ kind: 'yaml-syntax', severity: 'error', file: 'codings/marie.yaml' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(rewritable).toBe(false);
  });
});

describe('parseCoderFile: problems', () => {
  const line = (fields: string) => `${CODER_FILE_HEADER}version: 1\ncoder: marie\nmemos: {}\nsegments:\n  - {${fields}}\n`;
  const ok = '"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"], "text": "ab"';

  it('warns when `coder` differs from the file name, and uses the file name', () => {
    const { problems, coderFile } = read(CANONICAL.replace('coder: marie', 'coder: paul'));
    expect(problems.map((p) => [p.kind, p.severity, p.line])).toEqual([['coder-file-coder-mismatch', 'warning', 4]]);
    expect(coderFile.coder).toBe('marie');
  });

  it('reads `coder` as the coder’s name as people write it when the file name derives from it, and writes it back', () => {
    for (const [written, file] of [['"Marie Dupont"', 'marie-dupont'], ['"Marie Dupont"', 'marie-dupont-2'], ['Léa', 'lea'], ['léa', 'léa-2'], ['"Dr Martin"', 'paul']] as const) {
      const text = CANONICAL.replace('coder: marie', `coder: ${written}`);
      const { problems, coderFile } = parseCoderFile(text, `codings/${file}.yaml`, file);
      expect(problems, `${written} in ${file}.yaml`).toEqual([]);
      expect(coderFile.coder).toBe(file);
      expect(coderFile.name).toBe(JSON.parse(written.startsWith('"') ? written : `"${written}"`));
      expect(serializeCoderFile(coderFile)).toContain(`\ncoder: ${written}\n`);
    }
    // Another coder's id (a copied file) is still pointed out, and not kept as a name.
    for (const [written, file] of [['paul', 'marie'], ['marie-dupont', 'marie']] as const) {
      const { problems, coderFile } = parseCoderFile(CANONICAL.replace('coder: marie', `coder: ${written}`), `codings/${file}.yaml`, file);
      expect(problems.map((p) => p.kind)).toEqual(['coder-file-coder-mismatch']);
      expect(coderFile.name).toBeUndefined();
    }
  });

  it('reports an unknown version and refuses rewriting', () => {
    const { problems, rewritable } = read(CANONICAL.replace('version: 1', 'version: 2'));
    expect(problems.map((p) => [p.kind, p.line])).toEqual([['coder-file-version', 3]]);
    expect(rewritable).toBe(false);
  });

  it.each([
    ['"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"]', 'segment-missing-field', null],
    ['"id": "a", "participant": "P1", "start": -1, "end": 2, "codes": ["x"], "text": "ab"', 'segment-wrong-type', 'start'],
    ['"id": "a", "participant": "P1", "start": 0.5, "end": 2, "codes": ["x"], "text": "ab"', 'segment-wrong-type', 'start'],
    ['"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": [], "text": "ab"', 'segment-no-codes', 'codes'],
    ['"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": "x", "text": "ab"', 'segment-wrong-type', 'codes'],
    ['"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": [1], "text": "ab"', 'segment-wrong-type', 'codes'],
    ['"id": "a", "participant": 7, "start": 0, "end": 2, "codes": ["x"], "text": "ab"', 'segment-wrong-type', 'participant'],
    ['"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"], "text": 3', 'segment-wrong-type', 'text'],
    [`${ok}, "exemplary": "yes"`, 'segment-wrong-type', 'exemplary'],
    [`${ok}, "memmo": "m"`, 'segment-unknown-key', 'memmo'],
  ])('keeps an invalid segment apart and reports it: %s', (fields, kind, field) => {
    const source = line(fields);
    const written = `  - {${fields}}`;
    const column = field === null ? 5 : written.indexOf(`"${field}"`) + 1;
    expect(column).toBeGreaterThan(0);
    const { problems, invalid, coderFile, rewritable } = read(source);
    expect(coderFile.segments).toEqual([]);
    expect(rewritable).toBe(true);
    expect(problems.map((p) => [p.kind, p.line, p.column])).toEqual([[kind, 7, column]]);
    expect(problems[0]!.hint!.en).toContain('left out of analyses');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.raw).toBe(`{${fields}}`);
    // Rewriting writes it back, and it is reported again.
    const again = read(serializeCoderFile(coderFile, { invalid }));
    expect(again.invalid.map((e) => e.value)).toEqual([invalid[0]!.value]);
    expect(again.problems.map((p) => p.kind)).toEqual([kind]);
  });

  it('suggests the nearest key for a misspelt one', () => {
    expect(read(line(`${ok}, "memmo": "m"`)).problems[0]!.message.en).toContain('did you mean `memo`?');
  });

  it('uses a segment with a key a newer codage wrote, warns, and writes the key back as it was', () => {
    // What happened when `ambiguous`, then `confirmed`, were added: a codage that did not know
    // the key left the segment out of every analysis.
    const fields = `${ok}, "reviewed": {"by": "paul", "on": "2027-01-04"}, "weight": 2`;
    const { problems, coderFile, invalid } = read(line(fields));
    expect(invalid).toEqual([]);
    expect(coderFile.segments.map((s) => [s.id, s.text, s.otherKeys])).toEqual([['a', 'ab', { reviewed: { by: 'paul', on: '2027-01-04' }, weight: 2 }]]);
    expect(problems.map((p) => [p.kind, p.severity, p.line, p.column])).toEqual([
      ['segment-other-key', 'warning', 7, `  - {${fields}}`.indexOf('"reviewed"') + 1],
      ['segment-other-key', 'warning', 7, `  - {${fields}}`.indexOf('"weight"') + 1],
    ]);
    expect(problems[0]!.message.fr).toContain('Clé `reviewed` inconnue de cette version de codage');
    const written = serializeCoderFile(coderFile);
    expect(written).toContain(`  - {${fields}}\n`);
    expect(read(written).coderFile.segments[0]!.otherKeys).toEqual({ reviewed: { by: 'paul', on: '2027-01-04' }, weight: 2 });
    // A key close to a known one is still a slip of the pen: the segment stays apart.
    expect(read(line(`${ok}, "Codes": ["y"]`)).invalid).toHaveLength(1);
    // One warning a key, however many segments carry it.
    const many = `${CODER_FILE_HEADER}version: 1\ncoder: marie\nmemos: {}\nsegments:\n  - {${ok}, "reviewed": 1}\n  - {${ok.replace('"a"', '"b"')}, "reviewed": 2}\n`;
    const grouped = read(many);
    expect(grouped.coderFile.segments).toHaveLength(2);
    expect(grouped.problems.map((p) => [p.kind, p.line])).toEqual([['segment-other-key', 7]]);
    expect(grouped.problems[0]!.message.en).toContain('Key `reviewed` unknown to this version of codage (written by a newer one?), in 2 segments (lines 7, 8): the segments are used');
  });

  it('keeps the first of two segments with the same id and reports the second', () => {
    const source = `${CODER_FILE_HEADER}version: 1\ncoder: marie\nsegments:\n  - {${ok}}\n  - {${ok.replace('"start": 0', '"start": 1')}}\n`;
    const { problems, coderFile, invalid } = read(source);
    expect(coderFile.segments.map((s) => s.start)).toEqual([0]);
    expect(invalid.map((e) => e.line)).toEqual([7]);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([['segment-duplicate-id', 7]]);
    expect(problems[0]!.message.en).toContain('already used on line 6');
  });

  it('reads a repeated code once, with a warning', () => {
    const { problems, coderFile } = read(line(ok.replace('["x"]', '["x", "x", "y"]')));
    expect(coderFile.segments[0]!.codes).toEqual(['x', 'y']);
    expect(problems.map((p) => [p.kind, p.severity])).toEqual([['segment-duplicate-code', 'warning']]);
  });

  it('keeps unknown top-level keys and non-mapping entries when rewriting', () => {
    const source = 'version: 1\ncoder: marie\nnotes:\n  - relire P3\nsegments:\n  - juste un texte\n';
    const first = read(source);
    expect(first.problems.map((p) => [p.kind, p.line])).toEqual([
      ['coder-file-unknown-key', 3],
      ['segment-not-mapping', 6],
    ]);
    const text = serializeCoderFile(first.coderFile, first);
    expect(text).toContain('notes: ["relire P3"]\nsegments:\n  - "juste un texte"\n');
    const second = read(text);
    expect(second.extra).toEqual(first.extra);
    expect(second.invalid.map((e) => e.value)).toEqual(['juste un texte']);
  });
});

describe('parseCoderFile: what it does not fully understand is never rewritten', () => {
  const seg = (id: string, start: number) => `{"id": "${id}", "participant": "P1", "start": ${start}, "end": ${start + 2}, "codes": ["x"], "text": "ab"}`;
  const file = (body: string) => `${CODER_FILE_HEADER}version: 1\ncoder: marie\n${body}`;

  it('reads a segment line indented with a tab as a YAML error, and refuses rewriting', () => {
    const source = file(`memos: {}\nsegments:\n  - ${seg('a', 0)}\n\t- ${seg('b', 4)}\n  - ${seg('c', 8)}\n`);
    const { problems, rewritable } = read(source);
    expect(rewritable).toBe(false);
    expect(problems[0]).toMatchObject({ kind: 'yaml-syntax', severity: 'error', line: 8, column: 1 });
    // No message repeats a whole mapping as a key name.
    for (const p of problems) expect(p.message.en.length).toBeLessThan(150);
  });

  it('refuses a YAML alias bomb with its position, instead of failing to read the file at all', () => {
    let bomb = 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 9; i++) bomb += `lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const source = file(`memos: {}\n${bomb}segments:\n  - ${seg('a', 0)}\n`);
    const result = read(source);
    expect(result.rewritable).toBe(false);
    const problem = result.problems.find((p) => p.kind === 'yaml-aliases');
    expect(problem).toMatchObject({ severity: 'error', line: 7 });
    expect(problem!.message.fr).toMatch(/alias/);
  });

  it('reads a file with a few aliases, and may rewrite it (the aliases are expanded)', () => {
    const source = 'version: 1\ncoder: marie\nsegments:\n  - {"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": &c ["x"], "text": "ab"}\n  - {"id": "b", "participant": "P1", "start": 4, "end": 6, "codes": *c, "text": "cd"}\n';
    const { rewritable, coderFile, problems } = read(source);
    expect(problems).toEqual([]);
    expect(rewritable).toBe(true);
    expect(coderFile.segments.map((s) => s.codes)).toEqual([['x'], ['x']]);
  });

  it('refuses a `memos:` block whose memo is a list or a mapping (it would be rewritten as other text)', () => {
    const { rewritable, problems } = read(file('memos:\n  P1:\n    - relire\n    - relancer\nsegments: []\n'));
    expect(rewritable).toBe(false);
    expect(problems.map((p) => [p.kind, p.severity, p.line])).toEqual([['coder-file-wrong-type', 'error', 6]]);
  });

  it('refuses a `memos:` block that is a list', () => {
    const { rewritable } = read(file('memos:\n  - P1: "a"\nsegments: []\n'));
    expect(rewritable).toBe(false);
  });

  it('reports two memos for the same participant instead of keeping the last silently', () => {
    const { rewritable, problems } = read(file('memos:\n  P1: "premier"\n  P1: "second"\nsegments: []\n'));
    expect(rewritable).toBe(false);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([['yaml-syntax', 7]]);
  });

  it('reports a key written twice inside a segment line, as for the codebook', () => {
    const twice = '{"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"], "text": "ab", "start": 1}';
    const { rewritable, problems } = read(file(`memos: {}\nsegments:\n  - ${seg('z', 10)}\n  - ${twice}\n`));
    expect(rewritable).toBe(false);
    const dup = problems.find((p) => p.kind === 'yaml-syntax');
    expect(dup).toMatchObject({ severity: 'error', line: 8 });
    expect(dup!.message.fr).toContain('clé en double');
  });

  it('does not take a key name inside a quoted text for a second key', () => {
    const tricky = '{"id": "a", "participant": "P1", "start": 0, "end": 2, "codes": ["x"], "text": "il a dit \\"start\\": non, {\\"id\\": 2}"}';
    const { rewritable, problems, coderFile } = read(file(`memos: {}\nsegments:\n  - ${tricky}\n`));
    expect(problems).toEqual([]);
    expect(rewritable).toBe(true);
    expect(coderFile.segments[0]!.text).toBe('il a dit "start": non, {"id": 2}');
  });
});

describe('parseCoderFile: the fast path', () => {
  it('reads segments as codage writes them without the YAML parser, and a hand edit with it', () => {
    // 2,000 segments: enough lines for the fast path to matter; its speed is measured by npm run bench.
    const segments = Array.from({ length: 2_000 }, (_, i) => ({
      id: `s${i.toString(36).padStart(7, '0')}`,
      participant: `P${(i % 30) + 1}`,
      start: i * 10,
      end: i * 10 + 120,
      codes: ['impuissance', 'humour'],
      text: 'je ne sais plus quoi lui proposer, on tourne en rond et lui aussi, « c’est compliqué »',
      at: '2026-11-02T14:03:11Z',
    }));
    const text = serializeCoderFile({ coder: 'marie', memos: {}, segments });
    vi.mocked(parseDocument).mockClear();
    const { coderFile, problems } = read(text);
    expect(problems).toEqual([]);
    expect(coderFile.segments).toHaveLength(2_000);
    expect(parseDocument).not.toHaveBeenCalled();
    const edited = read(text.replace('segments:\n', 'segments: # relu le 3 mars\n'));
    expect(parseDocument).toHaveBeenCalledTimes(1);
    expect(edited.coderFile.segments).toEqual(coderFile.segments);
    // A text, prefix or memo that begins with a colon (context cut just after `P3 :`) stays on it.
    const colons = serializeCoderFile({
      coder: 'marie',
      memos: {},
      segments: segments.slice(0, 3).map((s, i) => ({ ...s, text: ': oui', prefix: `: D’accord. Et ensuite ?\nP${i} : `, suffix: ' Voilà.', memo: ':)' })),
    });
    vi.mocked(parseDocument).mockClear();
    const colonRead = read(colons);
    expect(parseDocument).not.toHaveBeenCalled();
    expect(colonRead.problems).toEqual([]);
    expect(colonRead.coderFile.segments.map((s) => [s.text, s.prefix, s.memo])).toEqual([0, 1, 2].map((i) => [': oui', `: D’accord. Et ensuite ?\nP${i} : `, ':)']));
    // A key written twice is still sent to the YAML reader, colons or not.
    const twice = colons.replace('"text": ": oui"', '"text": ": oui", "text": ": non"');
    vi.mocked(parseDocument).mockClear();
    expect(read(twice).rewritable).toBe(false);
    expect(parseDocument).toHaveBeenCalledTimes(1);
    // What is asserted is which reader ran, not how fast: the YAML reading of 20,000 segments takes
    // 5–8 s of CPU, and far longer in wall time on a machine busy with other work.
  }, 180_000);
});

describe('parseCoderFile: a damaged line among the segments', () => {
  const segments = Array.from({ length: 300 }, (_, i) => ({
    id: `s${i.toString(36).padStart(5, '0')}`,
    participant: 'P1',
    start: i * 200,
    end: i * 200 + 90,
    codes: ['impuissance'],
    text: `je ne sais plus quoi lui proposer, dit-il au ${i}e entretien`,
  }));
  const written = serializeCoderFile({ coder: 'marie', memos: {}, segments });
  const lines = written.split('\n');
  const at = lines.findIndex((l) => l.includes('"s00050"'));
  const damage = (replacement: string[]) => [...lines.slice(0, at), ...replacement, ...lines.slice(at + 1)].join('\n');

  it('reads the other segments, leaves out the damaged one and says where, without reading the whole file with the yaml parser', () => {
    const line = lines[at]!;
    for (const replacement of [[line.slice(0, 80), line.slice(80)], [line.slice(0, 80)], [`\t${line.slice(1)}`]]) {
      vi.mocked(parseDocument).mockClear();
      const read1 = read(damage(replacement));
      expect(read1.rewritable).toBe(false);
      expect(read1.coderFile.segments.map((s) => s.id)).toEqual(segments.filter((s) => s.id !== 's00050').map((s) => s.id));
      const syntax = read1.problems.filter((p) => p.kind === 'yaml-syntax');
      expect(syntax.length).toBeGreaterThan(0);
      for (const p of syntax) {
        expect(p.file).toBe('codings/marie.yaml');
        expect(p.line! - 1).toBeGreaterThanOrEqual(at);
        expect(p.line! - 1).toBeLessThan(at + replacement.length);
      }
      // The segments after the damage keep their own line numbers.
      expect(read1.coderFile.segments.at(-1)!.line).toBe(lines.length - 1 + replacement.length - 1);
      expect(vi.mocked(parseDocument)).toHaveBeenCalledTimes(1);
      expect(vi.mocked(parseDocument).mock.calls[0]![0].split('\n')).toHaveLength(replacement.length);
    }
  });

  it('reports a key written twice at its line and column, and keeps the other segments', () => {
    const read1 = read(damage([lines[at]!.replace('"start": ', '"end": 3, "start": ')]));
    expect(read1.rewritable).toBe(false);
    expect(read1.coderFile.segments).toHaveLength(299);
    expect(read1.problems).toEqual([expect.objectContaining({ kind: 'yaml-syntax', line: at + 1, message: expect.objectContaining({ en: 'YAML syntax: the same key twice in one block.' }) })]);
  });

  it('still reads a segment written by hand in block style, through the yaml parser', () => {
    const read1 = read(damage(['  - id: s00050', '    participant: P1', '    start: 10000', '    end: 10090', '    codes: [impuissance]', '    text: "écrit à la main"']));
    expect(read1.rewritable).toBe(true);
    expect(read1.problems).toEqual([]);
    expect(read1.coderFile.segments).toHaveLength(300);
    expect(read1.coderFile.segments.find((s) => s.id === 's00050')!.text).toBe('écrit à la main');
  });
});
