import { describe, expect, it } from 'vitest';
import { describeNumbers } from '../analysis/describe.js';
import { COREQ_ITEMS, coreqTable } from './coreq.js';
import { tableGrid } from './document.js';
import { attributeRole } from './participants-table.js';
import { parseDuration } from '../study/interview-duration.js';
import { quoted, quoteLabel, selectQuotes, type Quote } from './quotes.js';
import { formatDate, type StudyFacts } from './study-facts.js';
import { countWord, deName, frenchMessage, frenchSpacing, joinList } from './typography.js';
import { choiceLabel } from '../consensus/decisions.js';

describe('numbers and words', () => {
  it('describes numbers with the usual mean and median', () => {
    expect(describeNumbers([34, 58, 45.5])).toEqual({ count: 3, min: 34, max: 58, mean: 137.5 / 3, median: 45.5, sum: 137.5 });
    expect(describeNumbers([4, 1, 3, 2])?.median).toBe(2.5);
    expect(describeNumbers([])).toBeUndefined();
  });

  it('reads interview durations as people write them, in minutes', () => {
    expect([34, '34', '34 min', '34,5', '1 h 05', '1h05', '1h', '00:34:30', '45:30', "52'"].map(parseDuration)).toEqual([34, 34, 34, 34.5, 65, 65, 60, 34.5, 45.5, 52]);
    expect(parseDuration('environ une heure')).toBeUndefined();
    expect(parseDuration(null)).toBeUndefined();
    expect(['duration', 'Durée', 'duree_min', 'DUREE (min)', 'âge', 'Sexe', 'gender', 'date'].map(attributeRole)).toEqual(['duration', 'duration', 'duration', 'duration', 'age', 'sex', 'sex', 'date']);
  });

  it('elides « de » before a coder’s name that starts with a vowel', () => {
    expect(deName('alice')).toBe('d’alice');
    expect(deName('Émilie')).toBe('d’Émilie');
    expect(deName('paul')).toBe('de paul');
    expect(choiceLabel('keep-a', 'alice', 'bob').fr).toBe('codage d’alice gardé');
    expect(choiceLabel('keep-b', 'alice', 'bob').fr).toBe('codage de bob gardé');
  });

  it('writes French typography in generated sentences and lists', () => {
    expect(frenchSpacing('a ; b : c ! d ?', 'fr')).toBe('a\u202f; b\u00a0: c\u202f! d\u202f?');
    expect(frenchSpacing('a ; b', 'en')).toBe('a ; b');
    // Messages: guillemets too; a no-break space already there stays one.
    expect(frenchMessage('pas de code « Impuissanse » : vouliez-vous dire «\u00a0Impuissance\u00a0» ?', 'fr')).toBe(
      'pas de code «\u00a0Impuissanse\u00a0»\u00a0: vouliez-vous dire «\u00a0Impuissance\u00a0»\u202f?',
    );
    expect(frenchMessage('no code « x » : y ?', 'en')).toBe('no code « x » : y ?');
    expect(joinList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
    expect(joinList(['a', 'b'], 'en', 'or')).toBe('a or b');
    expect([countWord(12, 'fr'), countWord(1, 'en'), countWord(35, 'fr')]).toEqual(['douze', 'one', '35']);
    expect([formatDate('2024-02-06', 'fr'), formatDate('2024-05-01', 'fr'), formatDate('2024-05-01', 'en')]).toEqual(['6 février 2024', '1er mai 2024', '1 May 2024']);
  });
});

describe('quote labels and marks', () => {
  const p = { id: 'MG07', attributes: { sexe: 'F', age: 52, Role: 'MG' } };
  it('fills the quote_label template and adds parentheses unless it has its own', () => {
    expect(quoteLabel('{id}', p, 'MG07')).toBe('(MG07)');
    expect(quoteLabel('participant {n}', p, 'MG07')).toBe('(participant 7)');
    expect(quoteLabel('{id}, {sexe}, {age} ans', p, 'MG07')).toBe('(MG07, F, 52 ans)');
    expect(quoteLabel('{id}, {role}', p, 'MG07')).toBe('(MG07, MG)');
    expect(quoteLabel('{id}, {inconnu}, {age} ans', p, 'MG07')).toBe('(MG07, 52 ans)');
    expect(quoteLabel('[{id}]', p, 'MG07')).toBe('[MG07]');
    expect(quoteLabel('— {id}', p, 'MG07')).toBe('— MG07');
  });

  it('does not write the unit twice when the value has it (« 52 ans » before « ans »), and writes a decimal the study’s way', () => {
    const typed = { id: 'MG1', attributes: { sexe: 'H', age: '52 ans', exercice: 12.5, duree: '18 min' } };
    expect(quoteLabel('{id}, {sexe}, {age} ans', typed, 'MG1')).toBe('(MG1, H, 52 ans)');
    expect(quoteLabel('{id}, {age} ANS', typed, 'MG1')).toBe('(MG1, 52 ANS)');
    expect(quoteLabel('{id}, {duree} min', typed, 'MG1')).toBe('(MG1, 18 min)');
    expect(quoteLabel('{id}, {age}', typed, 'MG1')).toBe('(MG1, 52 ans)');
    expect(quoteLabel('{id}, {exercice} ans d’exercice', typed, 'MG1', 'fr')).toBe('(MG1, 12,5 ans d’exercice)');
    expect(quoteLabel('{id}, {exercice} years in practice', typed, 'MG1', 'en')).toBe('(MG1, 12.5 years in practice)');
  });

  it('quotes the French and the English way', () => {
    expect(quoted('oui', 'fr')).toBe('«\u00a0oui\u00a0»');
    expect(quoted('yes', 'en')).toBe('\u201cyes\u201d');
  });

  it('chooses the same quotes whatever order they came in', () => {
    const q = (participant: string, interview: number, start: number, length: number, exemplary = false): Quote => ({
      participant, interview, start, length, exemplary, pieces: ['x'.repeat(length)], segments: [`${participant}-${start}`],
    });
    const all = [q('P2', 1, 10, 50), q('P1', 0, 90, 20, true), q('P1', 0, 5, 80), q('P3', 2, 0, 5)];
    const pick = (order: 'interview' | 'shortest' | 'longest', exemplaryFirst = true, onePerParticipant = false, max = 3) =>
      selectQuotes([...all].reverse(), { max, exemplaryFirst, onePerParticipant, order, omitAnnotations: false }).map((x) => x.segments[0]);
    expect(pick('interview')).toEqual(['P1-90', 'P1-5', 'P2-10']);
    expect(pick('interview', false)).toEqual(['P1-5', 'P1-90', 'P2-10']);
    expect(pick('shortest', false)).toEqual(['P3-0', 'P1-90', 'P2-10']);
    expect(pick('longest', false, true)).toEqual(['P1-5', 'P2-10', 'P3-0']);
    expect(pick('interview', true, false, Number.POSITIVE_INFINITY)).toHaveLength(4);
    expect(pick('interview', true, false, 0)).toEqual([]);
  });
});

describe('COREQ', () => {
  it('has the 32 items of Tong et al. in three domains, and fills in what the study tells', () => {
    expect(COREQ_ITEMS.map((i) => i.n)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const facts: StudyFacts = {
      interviews: 11,
      groups: { attribute: 'group', counts: [{ value: 'MG', count: 9 }, { value: 'ALGO', count: 2 }] },
      dates: { first: '2024-02-06', last: '2024-05-02', missing: 0 },
      durations: { summary: describeNumbers([18, 46, 29]), missing: 0 },
      coders: ['marie'],
      coverage: [{ coder: 'marie', interviews: 11 }, { coder: 'paul', interviews: 1 }],
      segments: 240,
      unplaced: 0,
      codesUsed: 26,
      themes: 4,
      topThemes: 4,
      software: 'codage 1.0.0',
      quoteLabel: '{id}',
    };
    const grid = tableGrid(coreqTable({ facts, sampleDescription: 'Onze médecins.', labelExample: '(P1)' }, 'en'));
    expect(grid).toHaveLength(32);
    const answer = (n: number) => grid.find((row) => row[1] === String(n))![4];
    expect(answer(12)).toBe('11 participants (9 MG, 2 ALGO)');
    expect(answer(21)).toBe('18 to 46 minutes (mean 31, median 29)');
    expect(answer(24)).toBe('2 coders (marie: 11/11 interviews and paul: 1/11 interviews)');
    const agreement = "Cohen's kappa (sentence units, pooled table over 12 codes × 1 transcript): 0.70.";
    const withAgreement = tableGrid(coreqTable({ facts, sampleDescription: 'Onze médecins.', labelExample: '(P1)', agreement }, 'en'));
    expect(withAgreement.find((row) => row[1] === '24')?.[4]).toBe(`2 coders (marie: 11/11 interviews and paul: 1/11 interviews). ${agreement}`);
    // The consensus is not one more coder.
    const withConsensus = tableGrid(coreqTable({ facts: { ...facts, coverage: [...facts.coverage, { coder: 'consensus', interviews: 11 }] }, sampleDescription: 'Onze médecins.', labelExample: '(P1)' }, 'fr'));
    expect(withConsensus.find((row) => row[1] === '24')?.[4]?.replace(/[\u00a0\u202f]/gu, ' ')).toBe('2 codeurs (marie : 11/11 entretiens et paul : 1/11 entretiens) ; mise en commun (consensus) sur 11/11 entretiens');
    expect(answer(27)).toBe('codage 1.0.0');
    expect(answer(22)).toBe('');
    expect(answer(1)).toBe('');
    expect(grid[0]![0]).toBe('Domain 1: Research team and reflexivity');
    expect(grid[31]![0]).toBe('Domain 3: Analysis and findings');
  });
});
