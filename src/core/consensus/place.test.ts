import { describe, expect, it } from 'vitest';
import { buildCodebook, makeTranscript } from '../../../test/support/sample-data.js';
import { anchorCodings } from '../study/anchor-codings.js';
import type { CoderEntry } from '../study/study.js';
import type { Segment, Transcript } from '../types.js';
import type { Decision } from './decisions.js';
import { keyWithoutFingerprint } from './keys.js';
import { logRowsOf, planReconciliation, consensusOf } from './plan.js';
import { placeDecisions } from './place.js';
import { parseLog, serializeLog } from './log.js';

const BODY =
  'P1 : Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi. ' +
  'Le soir je suis épuisé, vraiment épuisé. Oui. Huit mois pour le centre antidouleur ! ' +
  'Et le kiné, il faut attendre aussi. Oui.\n';
const codebook = buildCodebook([], ['impuissance', 'epuisement', 'fatigue', 'delais', 'accord'].map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) })));

type Seg = (id: string, quote: string, codes: string[], nth?: number) => Segment;

/** The study with `above` added at the top of the transcript, segments where they are then (as after `codage check --fix`). */
function study(above = '', change: (marie: Segment[], paul: Segment[], seg: Seg) => void = () => {}, body = BODY) {
  const t = makeTranscript(`E : ${above}Parlez-moi du dernier patient.\n${body}`, 'P1');
  const seg: Seg = (id, quote, codes, nth = 0) => {
    let start = t.text.indexOf(quote);
    for (let i = 0; i < nth; i++) start = t.text.indexOf(quote, start + 1);
    return { id, participant: 'P1', start, end: start + quote.length, text: quote, codes, at: '2026-01-01T00:00:00Z' };
  };
  const marie = [
    seg('a1', 'Je ne sais plus quoi lui proposer.', ['impuissance']),
    seg('a2', 'Le soir je suis épuisé, vraiment épuisé.', ['epuisement']),
    seg('a3', 'Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre aussi.', ['delais']),
    seg('a4', 'Oui.', ['accord'], 1),
  ];
  const paul = [seg('b2', 'Le soir je suis épuisé, vraiment épuisé.', ['fatigue']), seg('b3', 'Huit mois pour le centre antidouleur !', ['delais'])];
  change(marie, paul, seg);
  const entry = (coder: string, segments: Segment[]): CoderEntry => ({ coder, file: `codings/${coder}.yaml`, coderFile: { coder, memos: {}, segments }, kept: {}, rewritable: true });
  const anchored = anchorCodings([entry('marie', marie), entry('paul', paul)], new Map([['P1', t]]));
  const rec = planReconciliation({ a: { coder: 'marie', memos: {} }, b: { coder: 'paul', memos: {} }, transcripts: [t], segments: anchored.segments, tolerance: 0 });
  return { t, rec };
}

const when = '2026-02-02T10:00:00Z';

/** The log the decisions give, read back as the next session reads it. */
function logOf(rec: ReturnType<typeof study>['rec'], decide: (key: string, i: number) => Decision | null) {
  const decisions = new Map<string, Decision>();
  rec.disagreements.forEach((d, i) => {
    const decision = decide(d.key, i);
    if (decision !== null) decisions.set(d.key, decision);
  });
  return parseLog(serializeLog(logRowsOf(rec, decisions, [], { codebook, language: 'fr' }), 'fr'), 'log.csv').rows;
}

function cp(t: Transcript, quote: string): number {
  return [...t.text.slice(0, t.text.indexOf(quote))].length;
}

describe('placeDecisions', () => {
  it('finds every decision again after words were added above the passages, edited codings moved with them, and rebuilds the same consensus', () => {
    const before = study();
    const { t } = before;
    const editStart = cp(t, 'Huit mois');
    const rows = logOf(before.rec, (key, i) =>
      i === 2
        ? { key, choice: 'edit', edited: [{ start: editStart, end: editStart + 36, codes: ['delais'] }], note: 'vu ensemble', who: 'marie et paul', when }
        : { key, choice: i % 2 === 0 ? 'keep-a' : 'keep-b', who: 'marie et paul', when },
    );
    const first = placeDecisions(before.rec, rows, codebook);
    expect(first.moved).toBe(0);
    expect(first.stale).toEqual([]);

    const after = study('Alors, bonjour. ');
    const placed = placeDecisions(after.rec, rows, codebook);
    expect(placed.stale).toEqual([]);
    expect(placed.moved).toBe(rows.length);
    expect([...placed.decisions.keys()]).toEqual(after.rec.disagreements.map((d) => d.key));
    const edit = [...placed.decisions.values()].find((d) => d.choice === 'edit')!;
    expect(edit.edited).toEqual([{ start: editStart + 16, end: editStart + 52, codes: ['delais'] }]);
    expect(edit.note).toBe('vu ensemble');
    // The same consensus, 16 code points further.
    const shifted = consensusOf(before.rec, first.decisions, 'consensus').coderFile.segments.map((s) => ({ ...s, start: s.start + 16, end: s.end + 16 }));
    const rebuilt = consensusOf(after.rec, placed.decisions, 'consensus').coderFile.segments;
    expect(rebuilt.map(({ id: _id, ...s }) => s)).toEqual(shifted.map(({ id: _id, ...s }) => s));
    // The edited coding's segment has an id derived from its place: the file written before keeps it.
    expect(rebuilt.map((s) => s.id)).not.toEqual(shifted.map((s) => s.id));
    const previous = { coder: 'consensus', memos: {}, segments: shifted };
    expect(consensusOf(after.rec, placed.decisions, 'consensus', { previous }).coderFile.segments).toEqual(shifted);
  });

  it('reads a log an earlier codage wrote (keys without fingerprint): in place, and moved when its quotes are there once', () => {
    const before = study();
    const rows = logOf(before.rec, (key) => ({ key, choice: 'keep-b', who: 'x', when }));
    const legacy = rows.map((r) => ({ ...r, decision: { ...r.decision, key: keyWithoutFingerprint(r.decision.key) } }));
    expect(legacy.every((r) => r.decision.key.split('|').length === 4)).toBe(true);
    const here = placeDecisions(before.rec, legacy, codebook);
    expect([...here.decisions.keys()]).toEqual(before.rec.disagreements.map((d) => d.key));
    const after = study('Alors, bonjour. ');
    const moved = placeDecisions(after.rec, legacy, codebook);
    // « Oui. » is said twice in the interview: its decision cannot be placed for certain.
    const oui = after.rec.disagreements.find((d) => d.a[0]?.codes.includes('accord'))!;
    expect(moved.decisions.has(oui.key)).toBe(false);
    expect(moved.stale.map((r) => r.cells.coding_a)).toEqual(['«\u00a0Oui.\u00a0» (Accord)']);
    expect(moved.decisions.size).toBe(after.rec.disagreements.length - 1);
  });

  it('never applies a decision to a passage a coder changed since, nor to one coded elsewhere', () => {
    const before = study();
    const rows = logOf(before.rec, (key) => ({ key, choice: 'keep-a', who: 'x', when }));
    // paul's b3 taken to the end of the sentence after (same id): its boundaries disagreement is another.
    const after = study('Alors, bonjour. ', (_marie, paul, seg) => {
      paul[1] = seg('b3', 'Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre', ['delais']);
    });
    const placed = placeDecisions(after.rec, rows, codebook);
    const delais = after.rec.disagreements.filter((d) => d.a.some((i) => i.codes.includes('delais')));
    expect(delais).toHaveLength(1);
    expect(placed.decisions.has(delais[0]!.key)).toBe(false);
    expect(placed.stale.map((r) => r.cells.coding_b)).toEqual(['«\u00a0Huit mois pour le centre antidouleur !\u00a0» (Delais)']);
    expect(placed.decisions.size).toBe(after.rec.disagreements.length - 1);

    // marie's « Oui. » coded on the other « Oui. » instead (a new segment): not the passage decided on.
    const recoded = study('', (marie, _paul, seg) => {
      marie[3] = seg('a5', 'Oui.', ['accord'], 0);
    });
    const again = placeDecisions(recoded.rec, rows, codebook);
    expect(again.stale.map((r) => r.cells.coding_a)).toEqual(['«\u00a0Oui.\u00a0» (Accord)']);
    expect(again.decisions.size).toBe(recoded.rec.disagreements.length - 1);
  });

  it('keeps a decision whose segments were given other ids (a coder file imported again) when the passage has not moved', () => {
    const before = study();
    const rows = logOf(before.rec, (key) => ({ key, choice: 'keep-b', who: 'x', when }));
    const after = study('', (marie, paul) => {
      for (const list of [marie, paul]) for (const s of list) s.id = `${s.id}-new`;
    });
    const placed = placeDecisions(after.rec, rows, codebook);
    expect(placed.stale).toEqual([]);
    expect(placed.moved).toBe(0);
    expect([...placed.decisions.keys()]).toEqual(after.rec.disagreements.map((d) => d.key));
  });

  it('does not move an edited coding reaching outside its passage when the text it quotes is no longer there', () => {
    const before = study();
    const { t } = before;
    const d = before.rec.disagreements.find((x) => x.kind === 'boundaries')!;
    const end = cp(t, 'Et le kiné') + 'Et le kiné, il faut attendre aussi. Oui.'.length;
    const rows = logOf(before.rec, (key) => (key === d.key ? { key, choice: 'edit', edited: [{ start: cp(t, 'Huit mois'), end, codes: ['delais'] }], who: 'x', when } : null));
    const moved = placeDecisions(study('Alors, bonjour. ').rec, rows, codebook);
    expect(moved.stale).toEqual([]);
    expect(moved.decisions.get(moved.decisions.keys().next().value!)!.edited![0]!.end).toBe(end + 16);
    // The same, the last « Oui. » now « Non. »: outside the passage, inside the edited coding.
    const changed = study('Alors, bonjour. ', (marie) => marie.pop(), BODY.replace(/Oui\.\n$/, 'Non.\n'));
    const refused = placeDecisions(changed.rec, rows, codebook);
    expect(refused.decisions.size).toBe(0);
    expect(refused.stale).toEqual(rows);
  });
});
