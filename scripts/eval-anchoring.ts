/**
 * `npm run eval:anchoring`: imports the anchoring test set (quotes taken from the demo
 * transcripts and edited as thesis authors edit them, see scripts/anchoring/test-set.ts) and
 * prints, per kind of quote, how many were anchored, partly anchored, left for review, and
 * placed wrong.
 *
 *   node dist/scripts/eval-anchoring.js [--seed 7] [--min-score 0.85] [--show wrong,partial,left] [--json]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate, formatTable } from './anchoring/evaluate.js';
import { buildTestSet } from './anchoring/test-set.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    'min-score': { type: 'string' },
    show: { type: 'string', default: '' },
    json: { type: 'boolean', default: false },
  },
});

const set = buildTestSet(join(root, 'fixtures/demo'), Number(values.seed));
const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
const result = evaluate(set, { minScore });
if (values.json) {
  console.log(JSON.stringify({ seed: Number(values.seed), categories: result.categories, milliseconds: Math.round(result.milliseconds) }, null, 2));
} else {
  console.log(`Anchoring test set: ${set.quotes.length} quotes from ${set.transcripts.length} demo transcripts (seed ${values.seed}), planned in ${Math.round(result.milliseconds)} ms\n`);
  console.log(formatTable(result.categories));
  const show = new Set(values.show.split(',').filter((s) => s !== ''));
  for (const o of result.outcomes) {
    if (!show.has(o.outcome)) continue;
    const text = set.transcripts.find((t) => t.id === o.quote.participant)!.text;
    console.log(`${o.outcome.toUpperCase()} ${o.quote.id} (${o.quote.participant}) ${JSON.stringify(o.quote.quote)}`);
    const at = (s: { start: number; end: number }) => `${JSON.stringify(text.slice(s.start, s.end))} [${s.start}–${s.end}]`;
    console.log(`  truth:  ${o.quote.truth.map(at).join(' + ') || '(not in this transcript)'}`);
    console.log(`  placed: ${o.result.pieces.map((p) => at(p) + (p.ambiguous ? ` (ambiguous, by ${p.chosenBy})` : '')).join(' + ') || '(nothing)'}`);
    for (const l of o.result.left) console.log(`  left:   ${JSON.stringify(l.text)} — ${l.reason.en}`);
    if (o.result.pieces.length === 0 && o.result.reason) console.log(`  reason: ${o.result.reason.en}`);
  }
}
const all = result.categories.find((c) => c.category === 'all')!;
process.exitCode = all.wrong > 0 ? 1 : 0;
