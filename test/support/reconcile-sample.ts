/**
 * A small reconciliation for tests of the screen: two coders' segments on one interview,
 * planned by the core, as the command would give them to the screen.
 */
import { sideNotes } from '../../src/core/consensus/notes.js';
import { planReconciliation } from '../../src/core/consensus/plan.js';
import { anchorCodings } from '../../src/core/study/anchor-codings.js';
import type { CoderEntry } from '../../src/core/study/study.js';
import { segmentSentences } from '../../src/core/transcript/sentences.js';
import { wordSpans } from '../../src/core/transcript/words.js';
import type { Segment } from '../../src/core/types.js';
import { buildCodebook, makeTranscript } from './sample-data.js';
import type { ReconcileInput } from '../../src/tui/reconcile/state.js';

export const TRANSCRIPT = makeTranscript(
  'E : Parlez-moi du dernier patient.\n' +
    'P1 : Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi. ' +
    'Le soir je suis épuisé, vraiment épuisé. Huit mois pour le centre antidouleur ! ' +
    'Et le kiné, il faut attendre aussi.\n',
  'P1',
);

export const CODEBOOK = buildCodebook(
  [{ id: 'vecu', name: 'Vécu du médecin', codes: [{ id: 'impuissance', name: 'Impuissance' }, { id: 'epuisement', name: 'Épuisement' }, { id: 'fatigue', name: 'Fatigue' }] }],
  [{ id: 'delais', name: 'Délais d’accès' }, { id: 'humour', name: 'Humour' }],
);

function seg(id: string, quote: string, codes: string[]): Segment {
  const start = TRANSCRIPT.text.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { id, participant: 'P1', start, end: start + quote.length, text: quote, codes };
}

const entry = (coder: string, segments: Segment[]): CoderEntry => ({ coder, file: `codings/${coder}.yaml`, coderFile: { coder, memos: {}, segments }, kept: {}, rewritable: true });

/**
 * Three disagreements: one-sided (A), different codes, boundaries. `notes`: marie's memo on the
 * different codes, paul's exemplary mark there.
 */
export function sampleInput(overrides: Partial<ReconcileInput> = {}, notes: { memo?: string } = {}): ReconcileInput {
  const a2 = seg('a2', 'Le soir je suis épuisé, vraiment épuisé.', ['epuisement']);
  const b2 = seg('b2', 'Le soir je suis épuisé, vraiment épuisé.', ['fatigue']);
  if (notes.memo !== undefined) {
    a2.memo = notes.memo;
    b2.exemplary = true;
  }
  const a = [seg('a1', 'Je ne sais plus quoi lui proposer.', ['impuissance']), a2, seg('a3', 'Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre aussi.', ['delais'])];
  const b = [b2, seg('b3', 'Huit mois pour le centre antidouleur !', ['delais'])];
  const anchored = anchorCodings([entry('marie', a), entry('paul', b)], new Map([['P1', TRANSCRIPT]]));
  const rec = planReconciliation({ a: { coder: 'marie', memos: {} }, b: { coder: 'paul', memos: {} }, transcripts: [TRANSCRIPT], segments: anchored.segments, tolerance: 3 });
  const sentences = segmentSentences(TRANSCRIPT.text, TRANSCRIPT.turns);
  let clock = 0;
  return {
    language: 'fr',
    coders: ['marie', 'paul'],
    into: 'consensus',
    codebook: CODEBOOK,
    items: rec.disagreements.map((d) => ({
      disagreement: d,
      transcript: TRANSCRIPT,
      line: 2,
      sentences,
      notes: { a: sideNotes(d.a, rec.a, d.participant), b: sideNotes(d.b, rec.b, d.participant) },
    })),
    decisions: new Map(),
    who: 'marie, paul',
    now: () => `2026-03-01T10:00:${String(clock++).padStart(2, '0')}Z`,
    wordSpans,
    ...overrides,
  };
}
