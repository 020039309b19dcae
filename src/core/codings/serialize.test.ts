import { describe, expect, it } from 'vitest';
import type { CoderFile } from '../types.js';
import { parseCoderFile } from './parse.js';
import { CODER_FILE_HEADER, flow, serializeCoderFile } from './serialize.js';

const FILE: CoderFile = {
  coder: 'marie',
  memos: { P10: 'Appel téléphonique.', P01: 'Entretien interrompu deux fois par le téléphone.' },
  segments: [
    { id: 'p0q7ab', participant: 'P01', start: 1300, end: 1388, codes: ['epuisement', 'humour'], text: '…', memo: 'ironique', exemplary: true, at: '2026-11-02T14:05:40Z', line: 9 },
    { id: 'zz', participant: 'P10', start: 5, end: 9, codes: ['a'], text: 'abcd' },
    { id: 'k3j9x2', participant: 'P01', start: 1204, end: 1262, codes: ['impuissance'], text: 'je ne sais plus quoi lui proposer', at: '2026-11-02T14:03:11Z' },
    { id: 'b', participant: 'P2', start: 5, end: 9, codes: ['a'], text: 'x', exemplary: false },
    { id: 'a', participant: 'P2', start: 5, end: 9, codes: ['a'], text: 'x' },
  ],
};

describe('serializeCoderFile', () => {
  it('writes the documented layout, sorted by participant, start, end, id', () => {
    expect(serializeCoderFile(FILE)).toBe(
      CODER_FILE_HEADER +
        `version: 1
coder: marie
memos:
  P01: "Entretien interrompu deux fois par le téléphone."
  P10: "Appel téléphonique."
segments:
  - {"id": "k3j9x2", "participant": "P01", "start": 1204, "end": 1262, "codes": ["impuissance"], "text": "je ne sais plus quoi lui proposer", "at": "2026-11-02T14:03:11Z"}
  - {"id": "p0q7ab", "participant": "P01", "start": 1300, "end": 1388, "codes": ["epuisement", "humour"], "text": "…", "memo": "ironique", "exemplary": true, "at": "2026-11-02T14:05:40Z"}
  - {"id": "a", "participant": "P2", "start": 5, "end": 9, "codes": ["a"], "text": "x"}
  - {"id": "b", "participant": "P2", "start": 5, "end": 9, "codes": ["a"], "text": "x"}
  - {"id": "zz", "participant": "P10", "start": 5, "end": 9, "codes": ["a"], "text": "abcd"}
`,
    );
  });

  it('writes a quote id and the ambiguous mark after the memo, the context last', () => {
    const text = serializeCoderFile({
      coder: 'm',
      memos: {},
      segments: [
        { id: 'x', participant: 'P1', start: 0, end: 3, codes: ['c'], text: 'oui', memo: 'm', quote: 'q1', ambiguous: true, at: 't', prefix: 'Bon, ', suffix: ', voilà' },
        { id: 'y', participant: 'P1', start: 5, end: 8, codes: ['c'], text: 'non', ambiguous: false },
      ],
    });
    expect(text).toContain(
      '  - {"id": "x", "participant": "P1", "start": 0, "end": 3, "codes": ["c"], "text": "oui", "memo": "m", "quote": "q1", "ambiguous": true, "at": "t", "prefix": "Bon, ", "suffix": ", voilà"}\n',
    );
    expect(text).toContain('  - {"id": "y", "participant": "P1", "start": 5, "end": 8, "codes": ["c"], "text": "non"}\n');
  });

  it('writes empty memos and segments explicitly', () => {
    expect(serializeCoderFile({ coder: 'paul', memos: {}, segments: [] })).toBe(`${CODER_FILE_HEADER}version: 1\ncoder: paul\nmemos: {}\nsegments: []\n`);
  });

  it("writes the header comment in the study's language, and reads both back", () => {
    const file = { coder: 'lea', memos: {}, segments: [{ id: 'a1', participant: 'P1', start: 0, end: 3, codes: ['x'], text: 'Oui' }] };
    const fr = serializeCoderFile(file, {}, 'fr');
    expect(fr.startsWith('# Fichier de codeur de codage. Un segment codé par ligne ;')).toBe(true);
    expect(fr.slice(fr.indexOf('version:'))).toBe(serializeCoderFile(file).slice(serializeCoderFile(file).indexOf('version:')));
    expect(parseCoderFile(fr, 'codings/lea.yaml', 'lea').coderFile.segments).toHaveLength(1);
  });

  it('quotes coder names and memo keys YAML would read otherwise', () => {
    const text = serializeCoderFile({ coder: 'yes', memos: { '12': 'a', 'P 3': 'b', Élise: 'c' }, segments: [] });
    expect(text).toContain('coder: "yes"\n');
    expect(text).toContain('  "12": "a"\n  Élise: "c"\n  "P 3": "b"\n');
  });

  it('escapes line separators and controls that YAML or editors take for line ends', () => {
    const text = serializeCoderFile({
      coder: 'm',
      memos: {},
      segments: [{ id: 'x', participant: 'P1', start: 0, end: 3, codes: ['c'], text: 'a\u2028b\u2029c\u0085d\n"e"\t\\' }],
    });
    expect(text).toContain('"text": "a\\u2028b\\u2029c\\u0085d\\n\\"e\\"\\t\\\\"}');
    expect(text.split('\n')).toHaveLength(8);
  });

  it('does not change its input', () => {
    const copy = structuredClone(FILE);
    serializeCoderFile(FILE);
    expect(FILE).toEqual(copy);
  });

  it('writes back kept entries: unknown keys before segments, invalid entries after the valid ones', () => {
    const text = serializeCoderFile(
      { coder: 'm', memos: {}, segments: [] },
      { extra: [{ key: 'notes', value: { a: [1, 'b'] } }], invalid: [{ line: 7, raw: '{...}', value: { id: 'x', start: Infinity, codes: [] } }] },
    );
    expect(text).toBe(`${CODER_FILE_HEADER}version: 1\ncoder: m\nmemos: {}\nnotes: {"a": [1, "b"]}\nsegments:\n  - {"id": "x", "start": .inf, "codes": []}\n`);
  });

  it('flow-encodes any plain data', () => {
    expect(flow([null, true, -0.5, NaN, -Infinity, 'é'])).toBe('[null, true, -0.5, .nan, -.inf, "é"]');
  });
});
