import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises';
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
  it('indexes 20,000 segments without waiting for a key: each batch wakes the event loop', async () => {
    const many: Segment[] = Array.from({ length: 20_000 }, (_, i) => ({ ...segments[i % segments.length]!, id: `m${i}`, participant: `P${i % 200}` }));
    const suggestions = coderSuggestions(many);
    suggestions.start();
    // Nothing else happens meanwhile but one timer: batches must not wait for it.
    for (let waited = 0; suggestions.indexed() < many.length && waited < 5000; waited += 250) await sleep(250);
    expect(suggestions.indexed()).toBe(many.length);
  });

  it('stops filling when the screen is closed', async () => {
    const many: Segment[] = Array.from({ length: 5_000 }, (_, i) => ({ ...segments[i % segments.length]!, id: `s${i}` }));
    const suggestions = coderSuggestions(many);
    suggestions.start();
    suggestions.stop();
    await sleep(50);
    expect(suggestions.indexed()).toBe(0);
  });

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
