import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../codebook/parse.js';
import type { AnchorStatus } from '../../study/anchor-codings.js';
import type { InterviewPlace } from '../../study/interview-order.js';
import type { Participant } from '../../types.js';
import { computeSaturation, SATURATION_DEFAULTS, type SaturationSource } from './saturation.js';

const codebook = parseCodebook(
  `themes:
  - name: Vécu
    id: vecu
    themes:
      - name: Émotions
        id: emotions
        codes:
          - {name: Impuissance, id: impuissance}
          - {name: Épuisement, id: epuisement}
    codes:
      - {name: Sens du métier, id: sens}
  - name: Organisation
    id: orga
    codes:
      - {name: Délais, id: delais}
      - {name: Réseau, id: reseau}
codes:
  - {name: Humour, id: humour}
`,
  'codebook.yaml',
).codebook;

function seg(coder: string, participant: string, codes: string[], status: AnchorStatus = 'unchanged') {
  return { coder, status, segment: { id: 'x', participant, start: 0, end: 1, text: 'x', codes } };
}

const places: InterviewPlace[] = [
  { id: 'P1', date: '2024-01-01', basis: 'date' },
  { id: 'P2', date: '2024-01-08', basis: 'date' },
  { id: 'A1', date: null, basis: 'order' },
  { id: 'P3', date: null, basis: 'id' },
  { id: 'P4', date: null, basis: 'id' },
];

const participants = new Map<string, Participant>([
  ['P1', { id: 'P1', attributes: { group: 'MG' } }],
  ['P2', { id: 'P2', attributes: { group: 'MG' } }],
  ['A1', { id: 'A1', attributes: { group: 'ALGO' } }],
  ['P3', { id: 'P3', attributes: { group: 'MG' } }],
  ['P4', { id: 'P4', attributes: {} }],
]);

function source(segments: ReturnType<typeof seg>[], coders = [...new Set(segments.map((s) => s.coder))]): SaturationSource {
  return { interviewOrder: places, participants, codebook, coders, segments };
}

const twoCoders = [
  seg('marie', 'P1', ['delais', 'impuissance']),
  seg('marie', 'P1', ['impuissance']),
  seg('paul', 'P1', ['humour']),
  seg('marie', 'P2', ['epuisement', 'impuissance']),
  seg('marie', 'A1', ['delais', 'inconnu']),
  seg('paul', 'P3', ['reseau']),
  seg('marie', 'P3', ['delais'], 'unplaced'),
];

describe('computeSaturation', () => {
  it('takes the union of the coders, counts codes per interview in order, and names new codes in codebook order', () => {
    const r = computeSaturation(source(twoCoders));
    expect(r.codings).toEqual({ kind: 'union', coders: ['marie', 'paul'] });
    expect(r.notCoded).toEqual(['P4']);
    expect(r.unplacedSegments).toBe(1);
    const [a] = r.analyses;
    expect(a!.group).toBeNull();
    expect(a!.final).toBe(6);
    expect(a!.interviews.map((i) => [i.rank, i.participant, i.used, i.newCodes.map((c) => c.name), i.cumulative, i.codings])).toEqual([
      [1, 'P1', 3, ['Impuissance', 'Délais', 'Humour'], 3, ['marie', 'paul']],
      [2, 'P2', 2, ['Épuisement'], 4, ['marie']],
      [3, 'A1', 2, ['inconnu'], 5, ['marie']],
      [4, 'P3', 1, ['Réseau'], 6, ['paul']],
    ]);
    expect(a!.interviews[2]).toMatchObject({ date: null, orderBasis: 'order', share: 5 / 6 });
    expect(a!.stopping.parameters).toEqual({ initial: 10, stop: 3 });
    expect(a!.guest.missing).toEqual({ kind: 'run', interviews: 2, newCodes: 0 });
  });

  it('keeps one coder with --coder, and leaves out the interviews that coder did not code', () => {
    const r = computeSaturation(source(twoCoders), { ...SATURATION_DEFAULTS, coder: 'paul' });
    expect(r.codings).toEqual({ kind: 'coder', coders: ['paul'] });
    expect(r.notCoded).toEqual(['P2', 'A1', 'P4']);
    expect(r.unplacedSegments).toBe(0);
    expect(r.analyses[0]!.interviews.map((i) => i.participant)).toEqual(['P1', 'P3']);
  });

  it('uses the consensus where there is one, and the coders elsewhere', () => {
    const segments = [...twoCoders, seg('consensus', 'P1', ['impuissance']), seg('consensus', 'P3', ['sens'])];
    const r = computeSaturation(source(segments));
    expect(r.codings).toEqual({ kind: 'consensus', coders: ['consensus', 'marie'] });
    expect(r.analyses[0]!.interviews.map((i) => [i.participant, i.codings, i.newCodes.map((c) => c.id)])).toEqual([
      ['P1', ['consensus'], ['impuissance']],
      ['P2', ['marie'], ['epuisement']],
      ['A1', ['marie'], ['delais', 'inconnu']],
      ['P3', ['consensus'], ['sens']],
    ]);
    // The consensus coder alone, when asked.
    expect(computeSaturation(source(segments), { ...SATURATION_DEFAULTS, coder: 'consensus' }).notCoded).toEqual(['P2', 'A1', 'P4']);
  });

  it('counts themes at theme level: the theme that directly holds each code; codes without a theme are set aside', () => {
    const r = computeSaturation(source(twoCoders), { ...SATURATION_DEFAULTS, level: 'theme' });
    expect(r.level).toBe('theme');
    expect(r.analyses[0]!.interviews.map((i) => [i.participant, i.newCodes.map((c) => c.name)])).toEqual([
      ['P1', ['Vécu > Émotions', 'Organisation']],
      ['P2', []],
      ['A1', []],
      ['P3', []],
    ]);
    expect(r.analyses[0]!.final).toBe(2);
    expect(r.ungrouped).toEqual([
      { id: 'humour', name: 'Humour' },
      { id: 'inconnu', name: 'inconnu' },
    ]);
  });

  it('makes one analysis per group, ranked within the group', () => {
    const r = computeSaturation(source(twoCoders), { ...SATURATION_DEFAULTS, by: 'group' });
    expect(r.by).toBe('group');
    expect(r.analyses.map((a) => [a.group, a.interviews.map((i) => `${i.rank}:${i.participant}`), a.final])).toEqual([
      ['ALGO', ['1:A1'], 2],
      ['MG', ['1:P1', '2:P2', '3:P3'], 5],
    ]);
  });

  it('has no analysis when nothing is coded', () => {
    const r = computeSaturation(source([]));
    expect(r.analyses).toEqual([]);
    expect(r.notCoded).toEqual(['P1', 'P2', 'A1', 'P3', 'P4']);
    expect(r.codings).toEqual({ kind: 'union', coders: [] });
  });

  it('gives the same table whatever order the segments come in', () => {
    const a = computeSaturation(source(twoCoders));
    const b = computeSaturation(source([...twoCoders].reverse(), ['paul', 'marie']));
    expect(b).toEqual(a);
  });
});
