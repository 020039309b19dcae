import { describe, expect, it } from 'vitest';
import { applyEdits, planEdits, tableKey, type ReplacementTable } from './anonymise.js';

const table = (entries: Record<string, string>): ReplacementTable => new Map(Object.entries(entries).map(([k, v]) => [tableKey(k), v]));

describe('planEdits', () => {
  it('replaces a name however it is written: case and accents aside', () => {
    const text = 'Mme Dubreuil est venue. MME DUBREUIL, encore. Mme Dubreüil.';
    expect(applyEdits(text, planEdits(text, table({ 'Mme Dubreuil': '[Mme A]' })))).toBe('[Mme A] est venue. [Mme A], encore. [Mme A].');
  });

  it('leaves a name that is also a word where it is written as the word, in lowercase', () => {
    const text = 'Pierre, son mari, ne jette pas la pierre. PIERRE non plus.';
    expect(applyEdits(text, planEdits(text, table({ Pierre: '[F]' })))).toBe('[F], son mari, ne jette pas la pierre. [F] non plus.');
    // Not a word: replaced even in lowercase.
    const lower = 'le docteur dubreuil';
    expect(applyEdits(lower, planEdits(lower, table({ Dubreuil: '[B]' })))).toBe('le docteur [B]');
  });
});
