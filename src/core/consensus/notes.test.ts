import { describe, expect, it } from 'vitest';
import { makeTranscript } from '../../../test/support/sample-data.js';
import { anchorCodings } from '../study/anchor-codings.js';
import type { CoderEntry } from '../study/study.js';
import type { Segment, Transcript } from '../types.js';
import { CHOICES, type Choice, type Decision } from './decisions.js';
import { consensusChanges } from './on-disk.js';
import { consensusOf, planReconciliation } from './plan.js';
import { applyStrategy, STRATEGIES } from './strategy.js';

const MG1 = makeTranscript(
  'E : Et ce coussin ?\n' +
    'MG1 : Il a son coussin chauffant partout, au cabinet, en voiture, chez sa fille. C’est son doudou, en quelque sorte. ' +
    'Il le sort même pendant la consultation, devant moi. Moi je ne sais plus quoi lui proposer. ' +
    'Huit mois pour le centre antidouleur, vous imaginez ? Et le kiné, il faut attendre aussi.\n',
  'MG1',
);

function seg(id: string, quote: string, codes: string[], extra: Partial<Segment> = {}): Segment {
  const start = MG1.text.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { id, participant: 'MG1', start, end: start + quote.length, text: quote, codes, at: '2026-01-01T00:00:00Z', ...extra };
}

const COUSSIN = 'Il a son coussin chauffant partout, au cabinet, en voiture, chez sa fille. C’est son doudou, en quelque sorte.';
const DOUDOU = 'C’est son doudou, en quelque sorte. Il le sort même pendant la consultation, devant moi.';

function entry(coder: string, segments: Segment[]): CoderEntry {
  return { coder, file: `codings/${coder}.yaml`, coderFile: { coder, memos: {}, segments }, kept: {}, rewritable: true };
}

function plan(thomas: Segment[], lea: Segment[], transcripts: Transcript[] = [MG1]) {
  const anchored = anchorCodings([entry('thomas', thomas), entry('lea', lea)], new Map(transcripts.map((t) => [t.id, t])));
  return planReconciliation({ a: { coder: 'thomas', memos: {} }, b: { coder: 'lea', memos: {} }, transcripts, segments: anchored.segments, tolerance: 3 });
}

function union(rec: ReturnType<typeof plan>) {
  return consensusOf(rec, applyStrategy('union', rec.disagreements, new Map(), 'script', '2026-02-02T10:00:00Z'), 'consensus');
}

describe('the memos and exemplary marks of a consensus', () => {
  it('union: the segment uniting two overlapping segments keeps the memo of one and the exemplary mark of the other', () => {
    const rec = plan([seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' })], [seg('l1', DOUDOU, ['doudou'], { exemplary: true })]);
    expect(rec.disagreements.map((d) => d.kind)).toEqual(['boundaries']);
    const result = union(rec);
    const [united] = result.coderFile.segments;
    expect(result.coderFile.segments).toHaveLength(1);
    expect(united!.text).toBe(`${COUSSIN} Il le sort même pendant la consultation, devant moi.`);
    expect(united!.memo).toBe('très parlant');
    expect(united!.exemplary).toBe(true);
    expect(result.notesLeftOut).toEqual([]);
  });

  it('signs each memo with its coder when they differ, coder A first; one memo written by both is kept once', () => {
    const rec = plan([seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' })], [seg('l1', DOUDOU, ['doudou'], { memo: 'à citer tel quel' })]);
    expect(union(rec).coderFile.segments[0]!.memo).toBe('thomas : très parlant | lea : à citer tel quel');
    const same = plan([seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' })], [seg('l1', DOUDOU, ['doudou'], { memo: 'très parlant' })]);
    expect(union(same).coderFile.segments[0]!.memo).toBe('très parlant');
  });

  it('a passage both coded alike: A’s segment, with B’s memo and mark added; untouched when B wrote nothing', () => {
    const quote = 'Moi je ne sais plus quoi lui proposer.';
    const rec = plan(
      [seg('t1', quote, ['impuissance'], { memo: 'clé' }), seg('t2', COUSSIN, ['doudou'], { exemplary: true })],
      [seg('l1', quote, ['impuissance'], { memo: 'à relier à MG4', exemplary: true }), seg('l2', COUSSIN, ['doudou'])],
    );
    expect(rec.disagreements).toEqual([]);
    const [coussin, sais] = consensusOf(rec, new Map(), 'consensus').coderFile.segments;
    expect(sais).toEqual({ ...seg('t1', quote, ['impuissance']), memo: 'thomas : clé | lea : à relier à MG4', exemplary: true, line: undefined });
    expect(coussin).toEqual({ ...seg('t2', COUSSIN, ['doudou'], { exemplary: true }), line: undefined });
  });

  it('an edit together keeps the memos and marks of the codings it replaces', () => {
    const rec = plan([seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' })], [seg('l1', DOUDOU, ['doudou'], { exemplary: true })]);
    const [d] = rec.disagreements;
    const start = [...MG1.text.slice(0, MG1.text.indexOf('C’est son doudou'))].length;
    const end = start + [...'C’est son doudou, en quelque sorte.'].length;
    const decision: Decision = { key: d!.key, choice: 'edit', edited: [{ start, end, codes: ['doudou'] }], who: 'thomas et lea', when: '2026-02-02T10:00:00Z' };
    const [edited] = consensusOf(rec, new Map([[d!.key, decision]]), 'consensus').coderFile.segments;
    expect(edited).toMatchObject({ text: 'C’est son doudou, en quelque sorte.', memo: 'très parlant', exemplary: true });
  });

  it('every choice and every strategy: each memo and mark is in the consensus or said to be left out, never dropped silently', () => {
    const thomas = [
      seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' }),
      seg('t2', 'Moi je ne sais plus quoi lui proposer.', ['impuissance'], { exemplary: true }),
      seg('t3', 'Huit mois pour le centre antidouleur, vous imaginez ?', ['delais'], { memo: 'attente' }),
    ];
    const lea = [
      seg('l1', DOUDOU, ['doudou'], { exemplary: true }),
      seg('l2', 'Moi je ne sais plus quoi lui proposer.', ['impuissance'], { memo: 'impuissance dite' }),
      seg('l3', 'Huit mois pour le centre antidouleur, vous imaginez ?', ['attente'], { memo: 'délais' }),
      seg('l4', 'Et le kiné, il faut attendre aussi.', ['attente'], { exemplary: true, memo: 'kiné' }),
    ];
    const rec = plan(thomas, lea);
    expect(new Set(rec.disagreements.map((d) => d.kind))).toEqual(new Set(['boundaries', 'different-codes', 'one-sided']));
    const all = [...thomas, ...lea];
    const check = (decisions: Map<string, Decision>, label: string) => {
      const result = consensusOf(rec, decisions, 'consensus');
      const leftOut = new Set(result.notesLeftOut.map((s) => s.segment.id));
      for (const s of all) {
        const over = result.coderFile.segments.filter((c) => c.start < s.end && s.start < c.end);
        if (s.memo) expect(leftOut.has(s.id) || over.some((c) => c.memo?.includes(s.memo!)), `${label}: memo of ${s.id}`).toBe(true);
        if (s.exemplary) expect(leftOut.has(s.id) || over.some((c) => c.exemplary), `${label}: mark of ${s.id}`).toBe(true);
      }
    };
    for (const choice of CHOICES) {
      const decisions = new Map<string, Decision>();
      for (const d of rec.disagreements) {
        const c: Choice = choice === 'common' && d.kind !== 'boundaries' ? 'neither' : choice;
        const decision: Decision = { key: d.key, choice: c, who: 'thomas et lea', when: '2026-02-02T10:00:00Z' };
        if (c === 'edit') decision.edited = [];
        decisions.set(d.key, decision);
      }
      check(decisions, choice);
    }
    for (const strategy of STRATEGIES) check(applyStrategy(strategy, rec.disagreements, new Map(), 'script', 't'), strategy);
    // Union keeps every coding, so every memo and mark.
    expect(union(rec).notesLeftOut).toEqual([]);
    // prefer-a leaves out lea's codings of the disagreements, and with them their memos and marks.
    const preferA = consensusOf(rec, applyStrategy('prefer-a', rec.disagreements, new Map(), 'script', 't'), 'consensus');
    expect(preferA.notesLeftOut.map((s) => s.segment.id)).toEqual(['l1', 'l3', 'l4']);
    // A disagreement not decided yet: its notes wait with it, they are not said to be left out.
    expect(consensusOf(rec, new Map(), 'consensus').notesLeftOut).toEqual([]);
  });

  it('recognises a consensus an earlier codage wrote (memos of the same span only) as its own, and not one changed by hand', () => {
    const rec = plan([seg('t1', COUSSIN, ['doudou'], { memo: 'très parlant' })], [seg('l1', DOUDOU, ['doudou'], { exemplary: true })]);
    const decisions = applyStrategy('union', rec.disagreements, new Map(), 'script', '2026-02-02T10:00:00Z');
    const earlier = consensusOf(rec, decisions, 'consensus', { notes: 'same-span' }).coderFile;
    expect(earlier.segments[0]!.memo).toBeUndefined();
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: earlier, kept: {} })).toEqual([]);
    const byHand = { ...earlier, segments: [{ ...earlier.segments[0]!, memo: 'écrit à la main' }] };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: byHand, kept: {} })).toEqual([rec.compared[0]!.transcript.id]);
  });
});
