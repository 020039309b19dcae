import { describe, expect, it } from 'vitest';
import type { CoderFile, Segment } from '../types.js';
import { parseCodebook } from '../codebook/parse.js';
import { validateCodings } from './validate.js';

const { codebook } = parseCodebook(
  'themes:\n  - name: Vécu du médecin\n    codes:\n      - name: Impuissance\n      - name: Épuisement\ncodes:\n  - name: Humour\n',
  'codebook.yaml',
);
const participants = new Set(['P01', 'P02', 'P10']);

let n = 0;
function seg(fields: Partial<Segment>): Segment {
  n++;
  return { id: `s${n}`, participant: 'P01', start: 0, end: 5, codes: ['humour'], text: 'abcde', line: 5 + n, ...fields };
}

function check(segments: Segment[]) {
  const coderFile: CoderFile = { coder: 'marie', memos: {}, segments };
  return validateCodings([{ file: 'codings/marie.yaml', coderFile }], codebook, participants);
}

describe('validateCodings', () => {
  it('warns when the passages of one quote belong to two participants', () => {
    const problems = check([seg({ quote: 'q1', line: 7 }), seg({ quote: 'q1', start: 9, end: 12 }), seg({ quote: 'q1', participant: 'P02', line: 30 })]);
    expect(problems.map((p) => [p.kind, p.line, p.severity])).toEqual([['quote-across-participants', 30, 'warning']]);
    expect(problems[0]!.message.en).toContain('shares the quote id `q1` with a segment of P01 (line 7)');
  });

  it('accepts known codes and participants', () => {
    expect(check([seg({}), seg({ participant: 'P10', codes: ['impuissance', 'epuisement'] })])).toEqual([]);
  });

  it('reports an unknown code once per file, with a count, the first line and the nearest id', () => {
    const problems = check([seg({ codes: ['impuisance'], line: 12 }), seg({ codes: ['impuisance', 'humour'], line: 20 })]);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'codings/marie.yaml',
        line: 12,
        column: 5,
        kind: 'unknown-code',
        message: {
          en: 'Unknown code `impuisance` (2 segments): it is not in codebook.yaml.',
          fr: 'Code inconnu `impuisance` (2 segments) : il n’est pas dans codebook.yaml.',
        },
        hint: {
          en: 'Did you mean `impuissance`? Otherwise add the code to codebook.yaml.',
          fr: 'Vouliez-vous écrire `impuissance` ? Sinon, ajoutez le code à codebook.yaml.',
        },
      },
    ]);
  });

  it('suggests the code whose name was written instead of its id, or adding it', () => {
    expect(check([seg({ codes: ['Épuisement'] })])[0]!.hint!.en).toContain('`epuisement`');
    expect(check([seg({ codes: ['colere-froide'] })])[0]!.hint!.en).toBe('Add it to codebook.yaml (`- name: …` with `id: colere-froide`).');
  });

  it('reports a theme used as a code', () => {
    const problems = check([seg({ codes: ['vecu-du-medecin'], line: 9 })]);
    expect(problems.map((p) => [p.kind, p.severity, p.line])).toEqual([['code-is-theme', 'error', 9]]);
    expect(problems[0]!.message.fr).toContain('le thème « Vécu du médecin »');
  });

  it('reports a participant without transcript, with the nearest id', () => {
    const problems = check([seg({ participant: 'P1', line: 7 }), seg({ participant: 'P1', start: 1 }), seg({ participant: 'Z99' })]);
    expect(problems.map((p) => [p.kind, p.line, p.message.en])).toEqual([
      ['unknown-participant', 7, 'No transcript for participant `P1` (2 segments).'],
      ['unknown-participant', expect.any(Number), 'No transcript for participant `Z99` (1 segment).'],
    ]);
    expect(problems[0]!.hint!.en).toContain('`P01`');
  });

  it('warns about the same segment coded twice (codes in any order), not about overlaps', () => {
    const problems = check([
      seg({ start: 10, end: 20, codes: ['humour', 'impuissance'], line: 6 }),
      seg({ start: 10, end: 20, codes: ['impuissance', 'humour'], line: 9 }),
      seg({ start: 10, end: 20, codes: ['humour'] }),
      seg({ start: 10, end: 21, codes: ['humour'] }),
      seg({ participant: 'P02', start: 10, end: 20, codes: ['humour', 'impuissance'] }),
    ]);
    expect(problems.map((p) => [p.kind, p.severity, p.line])).toEqual([['duplicate-segment', 'warning', 9]]);
    expect(problems[0]!.message.en).toContain('line 6');
  });

  it('does not treat the same segment in two coder files as a duplicate', () => {
    const a: CoderFile = { coder: 'marie', memos: {}, segments: [seg({})] };
    const b: CoderFile = { coder: 'paul', memos: {}, segments: [seg({})] };
    expect(validateCodings([{ file: 'a', coderFile: a }, { file: 'b', coderFile: b }], codebook, participants)).toEqual([]);
  });
});
