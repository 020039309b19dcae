/**
 * The anchoring test set (scripts/anchoring/test-set.ts): quotes from the demo transcripts
 * edited the ways thesis authors edit them, and quotes written by hand. `npm run
 * eval:anchoring` prints the same figures as a table.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, judge } from '../scripts/anchoring/evaluate.js';
import { buildTestSet, CATEGORIES } from '../scripts/anchoring/test-set.js';
import { ROOT } from './helpers.js';

const set = buildTestSet(join(ROOT, 'fixtures/demo'));
const result = evaluate(set);
const score = (category: string) => result.categories.find((c) => c.category === category)!;

describe('anchoring test set', () => {
  it('has at least 200 generated quotes and 40 written by hand, in every category', () => {
    const generated = set.quotes.filter((q) => q.category !== 'hand-written');
    expect(generated.length).toBeGreaterThanOrEqual(200);
    expect(set.quotes.filter((q) => q.category === 'hand-written').length).toBeGreaterThanOrEqual(40);
    for (const category of CATEGORIES) expect(score(category).quotes, category).toBeGreaterThanOrEqual(25);
  });

  it('places no segment outside the true passages', () => {
    const wrong = result.outcomes.filter((o) => o.outcome === 'wrong').map((o) => `${o.quote.id}: ${o.quote.quote}`);
    expect(wrong).toEqual([]);
  });

  it('anchors at least 95 % of the quotes, and at least 85 % in every category', () => {
    const all = score('all');
    expect(all.anchored / all.scored).toBeGreaterThanOrEqual(0.95);
    for (const category of CATEGORIES) {
      const c = score(category);
      expect(c.anchored / c.scored, category).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('writes every segment with exactly the transcript’s text', () => {
    const texts = new Map(set.transcripts.map((t) => [t.id, t.text]));
    for (const o of result.outcomes) {
      for (const p of o.result.pieces) expect(p.text).toBe(texts.get(o.result.participant!)!.slice(p.start, p.end));
    }
  });
});

describe('judging a placement', () => {
  const text = 'P1 : Huit mois. On bricole en attendant. Voilà.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  it('calls a segment holding a word outside the true passages wrong, and a short one partly anchored', () => {
    expect(judge(text, [at('On bricole en attendant.')], [at('On bricole en attendant')]).outcome).toBe('anchored');
    expect(judge(text, [at('On bricole en attendant.')], [at('On bricole en attendant. Voilà')]).outcome).toBe('wrong');
    expect(judge(text, [at('On bricole en attendant.')], [at('On bricole')]).outcome).toBe('partial');
    expect(judge(text, [at('Huit mois.'), at('On bricole en attendant.')], [at('On bricole en attendant')]).outcome).toBe('partial');
    expect(judge(text, [], [at('Voilà')]).outcome).toBe('wrong');
    expect(judge(text, [at('Voilà')], []).outcome).toBe('left');
  });
});
