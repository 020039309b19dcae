import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../core/types.js';
import { coderSuggestions } from './suggestions.js';

const segments: Segment[] = Array.from({ length: 1200 }, (_, i) => ({
  id: `s${i}`,
  participant: `MG${i % 7}`,
  start: i * 10,
  end: i * 10 + 9,
  codes: [i % 2 === 0 ? 'delais' : 'opioides'],
  text: i % 2 === 0 ? "Huit mois d'attente pour le centre antidouleur." : 'Les opioïdes me font peur, la dépendance surtout.',
}));

describe('coderSuggestions', () => {
  it('fills its index only once the screen is shown, in batches, then suggests from it', async () => {
    const suggestions = coderSuggestions(segments);
    for (let i = 0; i < 5; i++) await tick();
    expect(suggestions.suggest('attente du centre antidouleur')).toEqual([]);
    suggestions.start();
    suggestions.start(); // once only
    await tick();
    for (let i = 0; i < 5; i++) await tick();
    expect(suggestions.suggest('attente du centre antidouleur')[0]?.code).toBe('delais');
  });
});
