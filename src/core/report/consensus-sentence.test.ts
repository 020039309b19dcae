import { describe, expect, it } from 'vitest';
import { parseLog } from '../consensus/log.js';
import { strategyOfWho, strategyWho } from '../consensus/strategy.js';
import { peopleNamed, peopleOf, summarizeDecisions, withRecordedTotal, type DecisionsSummary } from '../consensus/summary.js';
import { decisionsSentence } from './consensus-sentence.js';

/** A French log as codage writes it: one row per decision, `who` as the screen or a strategy writes it. */
function log(rows: { decision: string; who: string }[]): string {
  const header = 'désaccord;participant;ligne;type;codeur_a;codage_a;codeur_b;codage_b;décision;résultat;codage_modifié;note;qui;quand';
  const lines = rows.map((r, i) => `MG1|one-sided|${i}-${i + 1}:a||s${i};MG1;${i + 1};code appliqué par un seul codeur;marie;« x » (A);paul;—;${r.decision};;;;${r.who};2026-12-01T10:00:00Z`);
  return `\ufeff${[header, ...lines].join('\r\n')}\r\n`;
}

function summary(rows: { decision: string; who: string }[]): DecisionsSummary {
  const parsed = parseLog(log(rows), 'consensus-decisions.csv');
  expect(parsed.problems).toEqual([]);
  return summarizeDecisions(parsed.rows, 'consensus-decisions.csv');
}

const screen = (n: number, decision = 'garder A') => Array.from({ length: n }, () => ({ decision, who: 'marie et paul' }));
const rule = (n: number, strategy: 'union' | 'prefer-a' = 'union') => Array.from({ length: n }, () => ({ decision: strategy === 'union' ? 'les deux' : 'garder A', who: strategyWho(strategy) }));
const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/gu, ' ');

describe('how the disagreements were settled, from the decisions log', () => {
  it('tells a rule’s decisions from the coders’ own, also when --who named people', () => {
    expect(strategyOfWho('codage reconcile --strategy union')).toBe('union');
    expect(strategyOfWho(strategyWho('prefer-b', 'marie et paul'))).toBe('prefer-b');
    expect(strategyWho('prefer-b', 'marie et paul')).toBe('marie et paul (codage reconcile --strategy prefer-b)');
    expect(strategyOfWho('marie et paul')).toBeUndefined();
    const s = summary([...screen(2), ...rule(3), { decision: '', who: 'marie et paul' }, { decision: 'les deux', who: 'anne' }]);
    expect(s).toEqual({ log: 'consensus-decisions.csv', coders: ['marie', 'paul'], byPeople: 3, who: ['marie', 'paul', 'anne'], byStrategy: [{ strategy: 'union', count: 3 }] });
  });

  it('says every disagreement was examined one by one by the people the log names', () => {
    const s = withRecordedTotal(summary(screen(37)), { disagreements: 37, pending: 0 });
    expect(plain(decisionsSentence(s, 'fr'))).toBe(
      'Les 37 désaccords entre les codeurs ont été examinés un à un et tranchés par marie et paul. Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(decisionsSentence(s, 'en')).toBe(
      'The 37 disagreements between the coders were examined one by one and settled by marie and paul. The decisions are recorded in the log consensus-decisions.csv.',
    );
  });

  it('says a rule settled them all, which rule and what it kept, never that they were discussed', () => {
    const s = withRecordedTotal(summary(rule(37)), { disagreements: 37, pending: 0 });
    const fr = plain(decisionsSentence(s, 'fr'));
    expect(fr).toBe(
      'Les 37 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés). Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(fr).not.toMatch(/discut|examinés un à un/u);
    expect(decisionsSentence(withRecordedTotal(summary(rule(2, 'prefer-a')), { disagreements: 2, pending: 0 }), 'en')).toBe(
      'The 2 disagreements between the coders were settled automatically, without examining each one, by codage reconcile’s strategy “prefer-a” (marie’s coding kept). The decisions are recorded in the log consensus-decisions.csv.',
    );
  });

  it('names who chose the rule when --who named them, in French and English', () => {
    const named = (n: number, who: string) => Array.from({ length: n }, () => ({ decision: 'les deux', who: strategyWho('union', who) }));
    // Two runs of the rule, one naming both coders, the other one of them again and their supervisor.
    const s = withRecordedTotal(summary([...named(30, 'marie et paul'), ...named(7, 'Paul & Dr Martin')]), { disagreements: 37, pending: 0 });
    expect(s.byStrategy).toEqual([{ strategy: 'union', count: 37, who: ['marie', 'paul', 'Dr Martin'] }]);
    expect(s.byPeople).toBe(0);
    expect(plain(decisionsSentence(s, 'fr'))).toBe(
      'Les 37 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile, choisie par marie, paul et Dr Martin (les deux codages gardés). Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(decisionsSentence(s, 'en')).toBe(
      'The 37 disagreements between the coders were settled automatically, without examining each one, by codage reconcile’s strategy “union”, chosen by marie, paul and Dr Martin (both codings kept). The decisions are recorded in the log consensus-decisions.csv.',
    );
    // Without --who: the rule alone, as before.
    expect(summary(rule(2)).byStrategy).toEqual([{ strategy: 'union', count: 2 }]);
  });

  it('gives each share of a mix, and what is left to settle', () => {
    const s = withRecordedTotal(summary([...screen(12), ...rule(20)]), { disagreements: 37, pending: 5 });
    expect(plain(decisionsSentence(s, 'fr'))).toBe(
      'Sur les 37 désaccords entre les codeurs, 12 ont été examinés un à un et tranchés par marie et paul ; 20 ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés) ; 5 restent à trancher. Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(decisionsSentence(s, 'en')).toBe(
      'Of the 37 disagreements between the coders, 12 were examined one by one and settled by marie and paul; 20 were settled automatically, without examining each one, by codage reconcile’s strategy “union” (both codings kept); 5 remain to be settled. The decisions are recorded in the log consensus-decisions.csv.',
    );
  });

  it('claims no total the log does not match: only the decisions it holds are counted', () => {
    // 3 decisions in the log, while reconcile recorded 37 settled: some rows are about disagreements gone since.
    const s = withRecordedTotal(summary(screen(1)), { disagreements: 37, pending: 0 });
    expect(s.total).toBeUndefined();
    expect(plain(decisionsSentence(s, 'fr'))).toBe('1 désaccord a été examiné et tranché par marie et paul. Les décisions sont consignées dans le journal consensus-decisions.csv.');
    expect(decisionsSentence(summary([...screen(2), ...rule(3)]), 'en')).toBe(
      '2 disagreements were examined one by one and settled by marie and paul; 3 were settled automatically, without examining each one, by codage reconcile’s strategy “union” (both codings kept). The decisions are recorded in the log consensus-decisions.csv.',
    );
  });

  it('names the people who settled them in the sentence’s language, whatever joins them in the log', () => {
    expect(peopleOf('marie et paul')).toEqual(['marie', 'paul']);
    const cells = ['Marie and Paul', 'marie, anne & Luc', 'luc+Sophie', 'Jean-Pierre Martin, and Éloïse', ' '];
    expect(peopleNamed(cells.flatMap(peopleOf))).toEqual(['Marie', 'Paul', 'anne', 'Luc', 'Sophie', 'Jean-Pierre Martin', 'Éloïse']);
    // A name holding the letters of a joining word is one name.
    expect(['Andrea Etienne', 'Bernadette'].flatMap(peopleOf)).toEqual(['Andrea Etienne', 'Bernadette']);
    const by = (who: string[], language: 'fr' | 'en') => plain(decisionsSentence(summary(who.map((w) => ({ decision: 'garder A', who: w }))), language));
    // A French study's log (« marie et paul »), in an English export, and the other way round.
    expect(by(['marie et paul'], 'en')).toBe('1 disagreement was examined and settled by marie and paul. The decisions are recorded in the log consensus-decisions.csv.');
    expect(by(['marie and paul'], 'fr')).toBe('1 désaccord a été examiné et tranché par marie et paul. Les décisions sont consignées dans le journal consensus-decisions.csv.');
    // Three or more: commas, then the language's word; each person once.
    expect(by(['marie et paul', 'Anne', 'paul & marie'], 'en')).toMatch(/^3 disagreements were examined one by one and settled by marie, paul and Anne\. /);
    expect(by(['marie, paul et anne'], 'fr')).toMatch(/^1 désaccord a été examiné et tranché par marie, paul et anne\. /);
    expect(by(['marie+paul+anne'], 'en')).toMatch(/settled by marie, paul and anne\. /);
  });

  it('says nothing from a log without decisions, unless the disagreements are known', () => {
    expect(decisionsSentence(summary([]), 'fr')).toBeUndefined();
    expect(decisionsSentence(summary([{ decision: '', who: 'marie et paul' }]), 'en')).toBeUndefined();
    expect(plain(decisionsSentence(withRecordedTotal(summary([]), { disagreements: 4, pending: 4 }), 'fr'))).toBe('Aucun des 4 désaccords entre les codeurs n’a encore été tranché.');
  });

  it('names each person once, joined in the text’s language, whatever sessions and --who wrote', () => {
    // A first session by marie alone, a second by paul, the last by both (the default who, in French).
    const s = withRecordedTotal(
      summary([
        { decision: 'garder A', who: 'marie' },
        { decision: 'garder B', who: 'paul' },
        { decision: 'aucun', who: 'marie et paul' },
      ]),
      { disagreements: 3, pending: 0 },
    );
    expect(s.who).toEqual(['marie', 'paul']);
    expect(plain(decisionsSentence(s, 'fr'))).toBe(
      'Les 3 désaccords entre les codeurs ont été examinés un à un et tranchés par marie et paul. Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(decisionsSentence(s, 'en')).toBe(
      'The 3 disagreements between the coders were examined one by one and settled by marie and paul. The decisions are recorded in the log consensus-decisions.csv.',
    );
  });

  it('ends the sentence with one full stop after a name that has its own (--who "Marie D. et Paul L.")', () => {
    const rows = Array.from({ length: 2 }, () => ({ decision: 'garder A', who: 'Marie D. et Paul L.' }));
    const all = withRecordedTotal(summary(rows), { disagreements: 2, pending: 0 });
    expect(plain(decisionsSentence(all, 'fr'))).toBe(
      'Les 2 désaccords entre les codeurs ont été examinés un à un et tranchés par Marie D. et Paul L. Les décisions sont consignées dans le journal consensus-decisions.csv.',
    );
    expect(decisionsSentence(summary(rows), 'en')).toBe(
      '2 disagreements were examined one by one and settled by Marie D. and Paul L. The decisions are recorded in the log consensus-decisions.csv.',
    );
    // A comma stays inside a name (`Dupont, Marie`).
    expect(summary([{ decision: 'garder A', who: 'Dupont, Marie et Leroy, Paul' }]).who).toEqual(['Dupont, Marie', 'Leroy, Paul']);
    // The sentence names whom the summary counted: the same two, not four.
    expect(decisionsSentence(summary([{ decision: 'garder A', who: 'Dupont, Marie et Leroy, Paul' }]), 'en')).toContain('settled by Dupont, Marie and Leroy, Paul.');
    // A comma between single names still separates them.
    expect(summary([{ decision: 'garder A', who: 'marie, paul' }, { decision: 'garder B', who: 'Paul & anne' }]).who).toEqual(['marie', 'paul', 'anne']);
  });
});
