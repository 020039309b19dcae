import { describe, expect, it } from 'vitest';
import type { Participant } from '../types.js';
import { quoteLabelProblems } from './quote-label-check.js';
import { quoteLabel } from './quotes.js';

const participants: Participant[] = [
  { id: 'MG4', attributes: { sexe: 'H', âge: 42, 'années d’exercice': 15 } },
  { id: 'MG5', attributes: { sexe: 'H', âge: 64, 'années d’exercice': 35 } },
];

describe('quote_label', () => {
  it('finds an attribute whatever its case and accents: {age} for a column âge, {Sexe} for sexe', () => {
    expect(quoteLabel('{id}, {Sexe}, {age} ans', participants[0], 'MG4', 'fr')).toBe('(MG4, H, 42 ans)');
    expect(quoteLabelProblems({ quoteLabel: '{id}, {Sexe}, {age} ans' }, participants)).toEqual([]);
  });

  it('warns of a field no participant has, at its place in codage.yaml, with the attribute it most likely means', () => {
    const [problem, ...rest] = quoteLabelProblems({ quoteLabel: '{id}, {sexe}, {agee} ans, {milieu}', quoteLabelAt: { line: 4, column: 14 } }, participants);
    expect(problem).toMatchObject({ severity: 'warning', file: 'codage.yaml', line: 4, column: 14, kind: 'quote-label-field' });
    expect(problem!.message.fr).toBe('quote_label nomme {agee}, qu’aucun participant n’a : les verbatims sont signés sans');
    expect(problem!.hint!.en).toBe("write {âge}, or name one of the participants' attributes (années d’exercice, sexe, âge), {id} or {n}");
    expect(rest.map((p) => p.message.en)).toEqual(['quote_label names {milieu}, which no participant has: quotes are signed without it']);
    expect(rest[0]!.hint!.en.startsWith('name one of')).toBe(true);
  });

  it('says nothing of {id}, {n}, or a study without quote_label', () => {
    expect(quoteLabelProblems({ quoteLabel: 'participant {n} ({id})' }, participants)).toEqual([]);
    expect(quoteLabelProblems({}, participants)).toEqual([]);
  });
});
