import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../codebook/parse.js';
import { anchorCodings } from '../study/anchor-codings.js';
import type { CoderEntry, Study } from '../study/study.js';
import { parseTranscript } from '../transcript/parse.js';
import type { Segment } from '../types.js';
import { splitItems } from './split-items.js';

const TEXT = 'P1 : Premier morceau. Entre deux. Deuxième morceau. Une phrase seule. Fin.\n';

function seg(id: string, piece: string, codes: string[], extra: Partial<Segment> = {}): Segment {
  const start = TEXT.indexOf(piece);
  return { id, participant: 'P1', start, end: start + piece.length, text: piece, codes, ...extra };
}

function study(coders: Record<string, Segment[]>): Study {
  const { transcript } = parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(TEXT), defaultId: 'P1' });
  const { codebook } = parseCodebook('codes:\n  - name: Frustration\n    id: frustration\n  - name: Impuissance\n    id: impuissance\n', 'codebook.yaml');
  const entries: CoderEntry[] = Object.entries(coders).map(([coder, segments]) => ({
    coder,
    file: `codings/${coder}.yaml`,
    coderFile: { coder, memos: {}, segments },
    kept: { segments: [], keys: [] } as unknown as CoderEntry['kept'],
    rewritable: true,
  }));
  return {
    root: '/x',
    config: { quoteLabel: 'participant {n}' },
    transcripts: [transcript],
    interviewOrder: [],
    transcriptById: new Map([[transcript.id, transcript]]),
    participants: new Map(),
    codebook,
    codebookSource: null,
    coders: entries,
    problems: [],
  };
}

describe('splitItems', () => {
  it('lists one item per quote, its segments together, and the segments that cannot be placed', () => {
    const s = study({
      lea: [
        seg('a', 'Premier morceau.', ['frustration'], { quote: 'Q1' }),
        seg('b', 'Deuxième morceau.', ['frustration', 'impuissance'], { quote: 'Q1' }),
        seg('c', 'Une phrase seule.', ['frustration'], { memo: 'à revoir' }),
        { ...seg('d', 'Fin.', ['frustration']), start: 500, end: 520, text: 'Un texte qui n’est plus là.' },
        seg('e', 'Entre deux.', ['impuissance']),
      ],
    });
    const { segments } = anchorCodings(s.coders, s.transcriptById);
    const { items, places } = splitItems(s, segments, 'frustration', 'fr');
    expect(items.map((i) => [i.segments, i.text, i.otherCodes, i.unplaced, i.label])).toEqual([
      [['a', 'b'], 'Premier morceau. […] Deuxième morceau.', ['Impuissance'], false, '(participant 1)'],
      [['c'], 'Une phrase seule.', [], false, '(participant 1)'],
      [['d'], 'Un texte qui n’est plus là.', [], true, '(participant 1)'],
    ]);
    expect(items[1]!.memos).toEqual(['à revoir']);
    expect(places[0]!.spans).toHaveLength(2);
    expect(places[2]).toBeUndefined();
  });

  it('keeps together two coders’ segments that share an id (a split moves them by id)', () => {
    const s = study({ lea: [seg('a', 'Premier morceau.', ['frustration'])], max: [seg('a', 'Premier morceau.', ['frustration']), seg('z', 'Fin.', ['frustration'])] });
    const { segments } = anchorCodings(s.coders, s.transcriptById);
    const { items } = splitItems(s, segments, 'frustration', 'fr');
    expect(items.map((i) => [i.segments, i.coder])).toEqual([
      [['a'], 'lea, max'],
      [['z'], 'max'],
    ]);
  });
});
