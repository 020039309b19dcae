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

describe('extendTable', () => {
  it('takes the town of a postal code for a place wherever else it is said', async () => {
    const { extendTable } = await import('./anonymise.js');
    const text = 'Il est kiné à Bolbec, 3 rue des Capucins 76210 Bolbec.';
    const t: ReplacementTable = new Map();
    const start = text.indexOf('76210');
    extendTable(t, [{ start, end: start + 12, kind: 'postal-code', text: '76210 Bolbec', likely: true }], 'fr');
    expect(applyEdits(text, planEdits(text, t))).toBe('Il est kiné à [ville], 3 rue des Capucins [code postal, ville].');
  });
});

describe('one label per person', () => {
  it('gives a first name alone the letter of the full name it belongs to, in either order', async () => {
    const { extendTable } = await import('./anonymise.js');
    const finding = (text: string, kind: 'name' | 'first-name') => ({ start: 0, end: text.length, kind, text, likely: true });
    const t: ReplacementTable = new Map();
    extendTable(t, [finding('Gérard Lemoine', 'name'), finding('Gérard', 'first-name')], 'fr');
    expect(t.get(tableKey('Gérard'))).toBe(t.get(tableKey('Gérard Lemoine')));
    const u: ReplacementTable = new Map();
    extendTable(u, [finding('Gérard', 'first-name'), finding('Gérard Lemoine', 'name')], 'fr');
    expect(u.get(tableKey('Gérard Lemoine'))).toBe(u.get(tableKey('Gérard')));
    // Two Gérards: the first name alone belongs to neither.
    const v: ReplacementTable = new Map();
    extendTable(v, [finding('Gérard Lemoine', 'name'), finding('Gérard Hamon', 'name'), finding('Gérard', 'first-name')], 'fr');
    expect(new Set([v.get(tableKey('Gérard Lemoine')), v.get(tableKey('Gérard Hamon')), v.get(tableKey('Gérard'))]).size).toBe(3);
  });
});
