import { describe, expect, it } from 'vitest';
import { confirmSegments } from '../codings/confirm.js';
import { anchorCodings, contextAtPlace } from '../study/anchor-codings.js';
import type { CoderEntry } from '../study/study.js';
import { makeTranscript, buildCodebook } from '../../../test/support/sample-data.js';
import type { Segment, Transcript } from '../types.js';
import { CHOICES, type Choice, type Decision } from './decisions.js';
import { parseLog, serializeLog } from './log.js';
import { consensusOf, logRowsOf, planReconciliation } from './plan.js';
import { consensusChanges, WHOLE_FILE } from './on-disk.js';
import { applyStrategy } from './strategy.js';

const T1 = makeTranscript(
  'E : Parlez-moi du dernier patient.\n' +
    'P1 : Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi. ' +
    'Le soir je suis épuisé, vraiment épuisé. Huit mois pour le centre antidouleur ! ' +
    'Et le kiné, il faut attendre aussi.\n',
  'P1',
);
const T2 = makeTranscript('P2 : Les courriers de deux lignes, ça ne sert à rien. On bricole en attendant.\n', 'P2');
const T3 = makeTranscript('P3 : Je ne suis pas formé à ça, on ne nous apprend pas la douleur.\n', 'P3');
const transcripts = [T1, T2, T3];
const codebook = buildCodebook([], ['impuissance', 'epuisement', 'frustration', 'fatigue', 'delais', 'formation', 'courriers'].map((id) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) })));

function seg(t: Transcript, id: string, quote: string, codes: string[], extra: Partial<Segment> = {}): Segment {
  const start = t.text.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { id, participant: t.id, start, end: start + quote.length, text: quote, codes, at: '2026-01-01T00:00:00Z', ...extra };
}

const marie: Segment[] = [
  seg(T1, 'a1', 'Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi.', ['impuissance'], { memo: 'clé', exemplary: true }),
  seg(T1, 'a2', 'Le soir je suis épuisé, vraiment épuisé.', ['epuisement', 'frustration']),
  seg(T1, 'a3', 'Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre aussi.', ['delais']),
  seg(T3, 'a4', 'Je ne suis pas formé à ça', ['formation']),
];
const paul: Segment[] = [
  seg(T1, 'b1', 'Je ne sais plus quoi lui proposer. On tourne en rond, et lui aussi.', ['impuissance']),
  seg(T1, 'b2', 'Le soir je suis épuisé, vraiment épuisé.', ['fatigue', 'frustration']),
  seg(T1, 'b3', 'Huit mois pour le centre antidouleur !', ['delais']),
  seg(T2, 'b4', 'Les courriers de deux lignes, ça ne sert à rien.', ['courriers']),
];

function entry(coder: string, segments: Segment[]): CoderEntry {
  return { coder, file: `codings/${coder}.yaml`, coderFile: { coder, memos: { P1: `${coder} a codé P1` }, segments }, kept: {}, rewritable: true };
}

function plan(participants?: string[], coded: { marie: Segment[]; paul: Segment[] } = { marie, paul }) {
  const anchored = anchorCodings([entry('marie', coded.marie), entry('paul', coded.paul)], new Map(transcripts.map((t) => [t.id, t])));
  return planReconciliation({
    a: { coder: 'marie', memos: { P1: 'marie a codé P1' } },
    b: { coder: 'paul', memos: { P1: 'paul a codé P1' } },
    transcripts,
    segments: anchored.segments,
    tolerance: 3,
    ...(participants ? { participants } : {}),
  });
}

/** The (participant, start, end, code) codings of a list of segments. */
function codings(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => s.codes.map((c) => `${s.participant}:${s.start}-${s.end}:${c}`)).sort();
}

describe('reconciliation', () => {
  it('finds the disagreements, and copies transcripts only one coder coded', () => {
    const rec = plan();
    expect(rec.compared.map((c) => c.transcript.id)).toEqual(['P1']);
    expect(rec.copied.map((c) => [c.transcript.id, c.from])).toEqual([['P2', 'b'], ['P3', 'a']]);
    expect(rec.disagreements.map((d) => d.kind)).toEqual(['different-codes', 'boundaries']);
  });

  it('puts agreed segments in the consensus untouched, and nothing of a disagreement not yet decided', () => {
    const rec = plan();
    const result = consensusOf(rec, new Map(), 'consensus');
    expect(result.pending).toBe(2);
    const a1 = result.coderFile.segments.find((s) => s.id === 'a1')!;
    expect(a1).toEqual({ ...marie[0]!, line: undefined });
    // frustration was agreed on a2's span; the disputed codes are not there yet.
    expect(result.coderFile.segments.find((s) => s.id === 'a2')!.codes).toEqual(['frustration']);
    expect(codings(result.coderFile.segments)).toEqual(codings([marie[0]!, { ...marie[1]!, codes: ['frustration'] }, paul[3]!, marie[3]!]));
    expect(result.coderFile.memos.P1).toBe('marie : marie a codé P1\npaul : paul a codé P1');
  });

  it('applies each decision, and loses no coding: every one is kept or was decided against', () => {
    const rec = plan();
    for (const choice of CHOICES) {
      const decisions = new Map<string, Decision>();
      for (const d of rec.disagreements) {
        const c: Choice = choice === 'common' && d.kind !== 'boundaries' ? 'neither' : choice;
        const decision: Decision = { key: d.key, choice: c, who: 'marie, paul', when: '2026-02-02T10:00:00Z' };
        if (c === 'edit') decision.edited = [{ start: d.start, end: d.end, codes: ['impuissance', 'delais'] }];
        decisions.set(d.key, decision);
      }
      const result = consensusOf(rec, decisions, 'consensus');
      expect(result.pending).toBe(0);
      const got = new Set(codings(result.coderFile.segments));
      // Every coding of both coders: in the consensus, or its disagreement decided against it.
      for (const [side, list] of [['a', marie], ['b', paul]] as const) {
        for (const s of list) {
          for (const code of s.codes) {
            const kept = got.has(`${s.participant}:${s.start}-${s.end}:${code}`);
            const d = rec.disagreements.find((x) => x[side].some((i) => i.segments.includes(s.id) && i.codes.includes(code)));
            if (d === undefined) {
              // Agreed or copied: kept (paul's b3 agreed within the tolerance goes in as marie's a3).
              const agreedAs = rec.compared[0]!.alignment.agreed.find((p) => p.code === code && (p.a.includes(s.id) || p.b.includes(s.id)));
              if (side === 'b' && agreedAs && !agreedAs.exact) continue;
              expect(kept, `${s.id} ${code} (${choice})`).toBe(true);
              continue;
            }
            const c = decisions.get(d.key)!.choice;
            const expected = c === 'both' ? d.kind !== 'boundaries' : c === 'keep-a' ? side === 'a' : c === 'keep-b' ? side === 'b' : false;
            if (expected) expect(kept, `${s.id} ${code} (${choice})`).toBe(true);
            if (c === 'neither') expect(kept).toBe(false);
          }
        }
      }
      if (choice === 'both') {
        const boundaries = rec.disagreements.find((d) => d.kind === 'boundaries')!;
        expect(got.has(`P1:${boundaries.start}-${boundaries.end}:delais`)).toBe(true);
      }
      if (choice === 'common') {
        expect(got.has(`P1:${paul[2]!.start}-${paul[2]!.end}:delais`)).toBe(true);
      }
      // Segments' texts are the transcript's; ids are unique.
      const ids = result.coderFile.segments.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of result.coderFile.segments) {
        const t = transcripts.find((x) => x.id === s.participant)!;
        expect(t.text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });

  it('rebuilds the same consensus from the same decisions, and reports decisions that no longer apply', () => {
    const rec = plan();
    const decisions = applyStrategy('union', rec.disagreements, new Map(), 'codage --strategy union', '2026-02-02T10:00:00Z');
    decisions.set('P9|one-sided|1-2:x|', { key: 'P9|one-sided|1-2:x|', choice: 'keep-a', who: 'x', when: 'y' });
    const first = consensusOf(rec, decisions, 'consensus');
    const second = consensusOf(plan(), decisions, 'consensus');
    expect(second.coderFile).toEqual(first.coderFile);
    expect(first.stale.map((d) => d.key)).toEqual(['P9|one-sided|1-2:x|']);
  });

  it('takes as its own the words around a segment that codage confirm or check --fix wrote after a correction of the transcript, not other words, codes or text', () => {
    // marie's a4 was placed by an import among several places, with the words around it of the
    // transcript then: « on ne vous apprend », corrected since to « on ne nous apprend ».
    const stale = { ...seg(T3, 'a4', 'Je ne suis pas formé à ça', ['formation']), ambiguous: true, prefix: 'P3 : ', suffix: ', on ne vous apprend pas' };
    const coded = { marie: [...marie.slice(0, 3), stale], paul };
    const rec = plan(undefined, coded);
    const decisions = applyStrategy('union', rec.disagreements, new Map(), 'codage --strategy union', '2026-02-02T10:00:00Z');
    const written = consensusOf(rec, decisions, 'consensus').coderFile;
    const today = contextAtPlace(T3, stale)!;
    expect(today.suffix).toBe(', on ne nous apprend pas la');
    // codage confirm --coder consensus: confirmed, with the words around it today.
    const confirmed = confirmSegments(written, { ids: ['a4'], all: false, now: '2026-03-03T10:00:00Z', contextNow: (s) => contextAtPlace(T3, s) }).coderFile;
    expect(confirmed.segments.find((s) => s.id === 'a4')).toMatchObject({ confirmed: true, suffix: today.suffix });
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: confirmed, kept: {} })).toEqual([]);
    expect(consensusOf(rec, decisions, 'consensus', { previous: confirmed }).coderFile).toEqual(confirmed);
    // Then check --fix made it a place to confirm again (the words around it changed once more, read as today's here).
    const again = { ...confirmed, segments: confirmed.segments.map((s) => (s.id === 'a4' ? { ...s, ambiguous: true } : s)) };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: again, kept: {} })).toEqual([]);
    expect(consensusOf(rec, decisions, 'consensus', { previous: again }).coderFile).toEqual(again);
    // A segment the rebuild writes without context, to which check --fix added today's (it moved).
    const a1 = written.segments.find((s) => s.participant === 'P1')!;
    const withContext = { ...written, segments: written.segments.map((s) => (s === a1 ? { ...s, ...contextAtPlace(T1, s)! } : s)) };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: withContext, kept: {} })).toEqual([]);
    // Words typed by hand, and a code added by hand: changed.
    const typed = { ...confirmed, segments: confirmed.segments.map((s) => (s.id === 'a4' ? { ...s, suffix: ', on ne nous dit pas' } : s)) };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: typed, kept: {} })).toEqual(['P3']);
    const recoded = { ...confirmed, segments: confirmed.segments.map((s) => (s.id === 'a4' ? { ...s, codes: ['formation', 'delais'] } : s)) };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: recoded, kept: {} })).toEqual(['P3']);
  });

  it('takes without a rebuild the place a coder confirmed in their own file with the words around it today', () => {
    const stale = { ...seg(T3, 'a4', 'Je ne suis pas formé à ça', ['formation']), ambiguous: true, prefix: 'P3 : ', suffix: ', on ne vous apprend pas' };
    const before = plan(undefined, { marie: [...marie.slice(0, 3), stale], paul });
    const decisions = applyStrategy('union', before.disagreements, new Map(), 'codage --strategy union', '2026-02-02T10:00:00Z');
    const written = consensusOf(before, decisions, 'consensus').coderFile;
    // codage confirm --coder marie, after the correction: confirmed, with today's words around it.
    const mine = confirmSegments({ coder: 'marie', memos: {}, segments: [stale] }, { ids: ['a4'], all: false, now: '2026-03-03T10:00:00Z', contextNow: (s) => contextAtPlace(T3, s) }).coderFile.segments;
    const after = plan(undefined, { marie: [...marie.slice(0, 3), ...mine], paul });
    expect(consensusChanges(after, decisions, 'consensus', { coderFile: written, kept: {} })).toEqual([]);
    // Not when marie's file holds words the transcript does not have there (typed by hand).
    const typed = mine.map((s) => ({ ...s, suffix: ', on ne nous dit pas' }));
    expect(consensusChanges(plan(undefined, { marie: [...marie.slice(0, 3), ...typed], paul }), decisions, 'consensus', { coderFile: written, kept: {} })).toEqual(['P3']);
  });

  it('says in which transcripts a consensus on disk differs from what the decisions give', () => {
    const rec = plan();
    const decisions = applyStrategy('union', rec.disagreements, new Map(), 'codage --strategy union', '2026-02-02T10:00:00Z');
    const written = consensusOf(rec, decisions, 'consensus').coderFile;
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: written, kept: {} })).toEqual([]);
    // The copy of P2 lost a segment (by hand, or paul coded on since), and P1's memo changed.
    const edited = { ...written, memos: { ...written.memos, P1: 'autre' }, segments: written.segments.filter((s) => s.participant !== 'P2') };
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: edited, kept: {} }).sort()).toEqual(['P1', 'P2']);
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: { ...written, coder: 'autre' }, kept: {} })).toEqual([WHOLE_FILE]);
  });

  it('keeps the quote id, ambiguous mark and context of the coder’s segment whose passage a decided segment is', () => {
    // marie's quote q8m3zd0a, compiled from two passages (an import); her first passage's codes
    // are disputed (a2, different codes), the other's boundaries (a3). paul quoted a2's passage too.
    const passage = { prefix: 'en rond, et lui aussi. ', suffix: ' Huit mois pour le' };
    const coded = {
      marie: marie.map((s) => (s.id === 'a2' ? { ...s, quote: 'q8m3zd0a', ambiguous: true, ...passage } : s.id === 'a3' ? { ...s, quote: 'q8m3zd0a' } : s)),
      paul: paul.map((s) => (s.id === 'b2' ? { ...s, quote: 'zzpaul01', ...passage } : s)),
    };
    const rec = plan(undefined, coded);
    for (const strategy of ['prefer-a', 'prefer-b', 'union'] as const) {
      const decisions = applyStrategy(strategy, rec.disagreements, new Map(), 'script', '2026-02-02T10:00:00Z');
      const result = consensusOf(rec, decisions, 'consensus');
      const [a2, a3] = [coded.marie[1]!, coded.marie[2]!];
      const there = result.coderFile.segments.find((s) => s.start === a2.start && s.end === a2.end)!;
      expect(there.codes.sort(), strategy).toEqual({ 'prefer-a': ['epuisement', 'frustration'], 'prefer-b': ['fatigue', 'frustration'], union: ['epuisement', 'fatigue', 'frustration'] }[strategy]);
      // marie's, as the id is: the first coder's segment on the span.
      expect({ id: there.id, quote: there.quote, ambiguous: there.ambiguous, prefix: there.prefix, suffix: there.suffix }, strategy).toEqual({ id: 'a2', quote: 'q8m3zd0a', ambiguous: true, ...passage });
      const quoted = result.coderFile.segments.filter((s) => s.quote === 'q8m3zd0a').map((s) => s.text);
      expect(quoted, strategy).toEqual(strategy === 'prefer-b' ? [a2.text] : [a2.text, a3.text]);
    }
    // A consensus written before codage kept them is still recognised as its own.
    const decisions = applyStrategy('prefer-b', rec.disagreements, new Map(), 'script', '2026-02-02T10:00:00Z');
    const earlier = consensusOf(rec, decisions, 'consensus', { passage: 'none' }).coderFile;
    expect(earlier.segments.some((s) => s.quote === 'q8m3zd0a')).toBe(false);
    expect(consensusChanges(rec, decisions, 'consensus', { coderFile: earlier, kept: {} })).toEqual([]);
  });

  it('keeps the keys a newer codage wrote on a coder’s segment whose passage a consensus segment is', () => {
    // `reviewed` is unknown to this codage: kept as read on every rewrite, and in the consensus
    // on the coder's passage, whatever codes were decided there, as its quote id is.
    const reviewed = { reviewed: { by: 'paul', at: '2026-12-01T10:00:00Z' } };
    const coded = { marie: marie.map((s) => (s.id === 'a1' || s.id === 'a2' ? { ...s, otherKeys: reviewed } : s)), paul };
    const rec = plan(undefined, coded);
    for (const strategy of ['prefer-a', 'prefer-b', 'union', 'intersection'] as const) {
      const decisions = applyStrategy(strategy, rec.disagreements, new Map(), 'script', '2026-02-02T10:00:00Z');
      const segments = consensusOf(rec, decisions, 'consensus').coderFile.segments;
      // a1: both coded it alike; a2: its codes disputed.
      for (const id of ['a1', 'a2']) {
        const from = coded.marie.find((s) => s.id === id)!;
        const there = segments.find((s) => s.start === from.start && s.end === from.end);
        if (there !== undefined) expect(there.otherKeys, `${strategy} ${id}`).toEqual(reviewed);
      }
    }
  });

  it('leaves earlier decisions alone when a strategy decides the rest', () => {
    const rec = plan();
    const [first, second] = rec.disagreements;
    const earlier = new Map<string, Decision>([
      [first!.key, { key: first!.key, choice: 'neither', who: 'marie, paul', when: 't1' }],
      [second!.key, { key: second!.key, choice: null, note: 'à revoir', who: 'marie, paul', when: 't1' }],
    ]);
    const out = applyStrategy('prefer-a', rec.disagreements, earlier, 'script', 't2');
    expect(out.get(first!.key)!.choice).toBe('neither');
    expect(out.get(second!.key)).toEqual({ key: second!.key, choice: 'keep-a', note: 'à revoir', who: 'script', when: 't2' });
  });

  it('writes a decisions log that reads back the same, with formulas neutralised', () => {
    const rec = plan();
    const [first, second] = rec.disagreements;
    const decisions = new Map<string, Decision>([
      [first!.key, { key: first!.key, choice: 'edit', edited: [{ start: 3, end: 10, codes: ['impuissance', 'fatigue'] }], note: '=HYPERLINK("http://x")', who: 'marie, paul', when: '2026-02-02T10:00:00Z' }],
      [second!.key, { key: second!.key, choice: null, note: "'=déjà cité", who: 'marie', when: '2026-02-02T10:01:00Z' }],
    ]);
    for (const language of ['fr', 'en'] as const) {
      const rows = logRowsOf(rec, decisions, [], { codebook, language });
      const text = serializeLog(rows, language);
      expect(text.startsWith(language === 'fr' ? '\ufeffdésaccord;' : '\ufeffdisagreement,')).toBe(true);
      expect(text).toContain("'=HYPERLINK");
      const back = parseLog(text, 'consensus-decisions.csv');
      expect(back.rows[0]!.cells.coding_a).toBe(
        language === 'fr' ? '«\u00a0Le soir je suis épuisé, vraiment épuisé.\u00a0» (Epuisement)' : '"Le soir je suis épuisé, vraiment épuisé." (Epuisement)',
      );
      expect(back.problems).toEqual([]);
      expect(back.rows.map((r) => r.decision)).toEqual([...decisions.values()]);
      expect(back.rows[0]!.cells.line).toBe('2');
    }
  });

  it('writes the log in one language: a French study’s in French, headers and values', () => {
    const rec = plan();
    const [first, second] = rec.disagreements;
    const decisions = new Map<string, Decision>([
      [first!.key, { key: first!.key, choice: 'both', who: 'marie et paul', when: '2026-02-02T10:00:00Z' }],
      [second!.key, { key: second!.key, choice: 'keep-a', who: 'marie et paul', when: '2026-02-02T10:01:00Z' }],
    ]);
    const lines = serializeLog(logRowsOf(rec, decisions, [], { codebook, language: 'fr' }), 'fr').slice(1).split('\r\n');
    expect(lines[0]).toBe('désaccord;participant;ligne;type;codeur_a;codage_a;codeur_b;codage_b;décision;résultat;codage_modifié;note;qui;quand');
    const rows = lines.slice(1, 3).map((l) => l.split(';'));
    expect(rows.map((r) => [r[3], r[8], r[9]])).toEqual([
      ['codes différents sur le même texte', 'les deux', 'les deux gardés'],
      ['même code, limites différentes', 'garder A', 'codage de marie gardé'],
    ]);
    const en = serializeLog(logRowsOf(rec, decisions, [], { codebook, language: 'en' }), 'en').slice(1).split('\r\n');
    expect(en[0]).toBe('disagreement,participant,line,kind,coder_a,coding_a,coder_b,coding_b,decision,outcome,edited,note,who,when');
    expect(en.slice(1, 3).map((l) => l.match(/,(both|keep-a),/)?.[1])).toEqual(['both', 'keep-a']);
  });

  it('reads a log in either language, one an earlier codage wrote (English headers, keep-a, both) and words typed by hand', () => {
    const earlier =
      '\ufeffdisagreement;participant;line;kind;coder_a;coding_a;coder_b;coding_b;decision;outcome;edited;note;who;when\r\n' +
      'P1|a;P1;2;code appliqué par un seul codeur;marie;—;paul;—;keep-a;codage de marie gardé;;;marie et paul;t1\r\n' +
      'P1|b;P1;2;même code, limites différentes;marie;—;paul;—;both;les deux gardés;;à revoir;marie et paul;t2\r\n' +
      'P1|c;P1;3;même code, limites différentes;marie;—;paul;—;edit;modifié ensemble;3-10:impuissance;;marie et paul;t3\r\n';
    const read = parseLog(earlier, 'consensus-decisions.csv');
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.decision.key, r.decision.choice, r.decision.note, r.decision.edited])).toEqual([
      ['P1|a', 'keep-a', undefined, undefined],
      ['P1|b', 'both', 'à revoir', undefined],
      ['P1|c', 'edit', undefined, [{ start: 3, end: 10, codes: ['impuissance'] }]],
    ]);
    // Written again, in French: the same decisions, read back the same.
    const again = serializeLog(read.rows, 'fr');
    expect(again).toContain(';garder A;');
    expect(parseLog(again, 'consensus-decisions.csv').rows.map((r) => r.decision)).toEqual(read.rows.map((r) => r.decision));
    const typed = 'Désaccord;Décision;Codage_modifié\nP1|a;Garder-a;\nP1|b;LES DEUX;\nP1|c;modifie;3-10:x\nP1|d;aucun;\nP1|e;commun;\nP1|f;keep_b;\n';
    expect(parseLog(typed, 'log.csv').rows.map((r) => r.decision.choice)).toEqual(['keep-a', 'both', 'edit', 'neither', 'common', 'keep-b']);
  });

  it('reports log rows it cannot read, with their line', () => {
    const text = 'disagreement;decision;edited\nP1|x;keep-a;\nP1|y;garder;\nP1|z;edit;12-3:x\nP1|x;keep-b;\n';
    const { rows, problems } = parseLog(text, 'log.csv');
    expect(rows.map((r) => r.decision.key)).toEqual(['P1|x']);
    expect(problems.map((p) => [p.line, p.message.en])).toEqual([
      [3, 'unknown decision "garder"'],
      [4, 'the edited codings "12-3:x" cannot be read'],
      [5, 'this disagreement was already decided at line 2'],
    ]);
    expect(problems[0]!.hint).toEqual({
      en: 'write one of keep-a, keep-b, both, neither, common, edit (or leave it empty)',
      fr: 'écrire l’une de garder A, garder B, les deux, aucun, commun, modifié (ou laisser vide)',
    });
  });
});
