/**
 * `npm run bench:suggest`: how good are the coding screen's code suggestions? Replays each
 * coder's codings of the demo study in interview order (then text order): before each segment,
 * asks the suggestions for its text from that coder's segments coded before it (never another
 * coder's), and counts whether a code the coder actually gave is first (top-1) or among the
 * first three (top-3). The baseline is what a picker offers without suggestions: the coder's most
 * frequent codes so far. Segments coded with no earlier segment to learn from are counted too
 * (both methods can only miss them).
 *
 * Then the cost at scale: building the index from a 20,000-segment coder file of the benchmark
 * study (if `npm run bench` generated it in .bench/) and the time of one suggestion.
 *
 *   node dist/scripts/bench-suggest.js [--study DIR]
 *
 * A benchmark, never a test: it prints figures and exits 0.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SuggestionIndex } from '../src/core/suggest/index.js';
import type { Segment } from '../src/core/types.js';
import { loadStudy } from '../src/io/study.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { study: { type: 'string', default: join(root, 'fixtures/demo') } } });

interface Rates {
  segments: number;
  top1: number;
  top3: number;
}

function pct(n: number, of: number): string {
  return of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`;
}

const study = await loadStudy(values.study as string);
const order = new Map(study.transcripts.map((t, i) => [t.id, i]));
console.log(`Replay of ${values.study}: ${study.transcripts.length} transcripts, coders ${study.coders.map((c) => c.coder).join(', ')}`);
console.log('Method: BM25 over word stems of the coder’s earlier segments (k1 = 1.2, b = 0.75, 10 nearest passages), vs the coder’s most frequent codes so far.\n');
console.log(`${'coder'.padEnd(10)}${'segments'.padStart(9)}  ${'suggest top-1'.padStart(14)}${'top-3'.padStart(9)}  ${'baseline top-1'.padStart(15)}${'top-3'.padStart(9)}`);
const all = { s: { segments: 0, top1: 0, top3: 0 }, b: { segments: 0, top1: 0, top3: 0 } };
for (const coder of study.coders) {
  const segments = [...coder.coderFile.segments].sort((a: Segment, b: Segment) => (order.get(a.participant) ?? 0) - (order.get(b.participant) ?? 0) || a.start - b.start);
  const index = new SuggestionIndex();
  const frequency = new Map<string, number>();
  const s: Rates = { segments: 0, top1: 0, top3: 0 };
  const b: Rates = { segments: 0, top1: 0, top3: 0 };
  for (const seg of segments) {
    const suggested = index.suggest(seg.text, { limit: 3 }).map((x) => x.code);
    const frequent = [...frequency].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 3).map(([code]) => code);
    for (const [rates, list] of [
      [s, suggested],
      [b, frequent],
    ] as const) {
      rates.segments++;
      if (list[0] !== undefined && seg.codes.includes(list[0])) rates.top1++;
      if (list.some((code) => seg.codes.includes(code))) rates.top3++;
    }
    index.put(seg.id, seg);
    for (const code of seg.codes) frequency.set(code, (frequency.get(code) ?? 0) + 1);
  }
  for (const [total, rates] of [
    [all.s, s],
    [all.b, b],
  ] as const) {
    total.segments += rates.segments;
    total.top1 += rates.top1;
    total.top3 += rates.top3;
  }
  console.log(`${coder.coder.padEnd(10)}${String(s.segments).padStart(9)}  ${pct(s.top1, s.segments).padStart(14)}${pct(s.top3, s.segments).padStart(9)}  ${pct(b.top1, b.segments).padStart(15)}${pct(b.top3, b.segments).padStart(9)}`);
}
console.log(`${'all'.padEnd(10)}${String(all.s.segments).padStart(9)}  ${pct(all.s.top1, all.s.segments).padStart(14)}${pct(all.s.top3, all.s.segments).padStart(9)}  ${pct(all.b.top1, all.b.segments).padStart(15)}${pct(all.b.top3, all.b.segments).padStart(9)}`);

const big = join(root, '.bench/study-200x10000');
if (existsSync(big)) {
  const large = await loadStudy(big, { coders: ['coder1'] });
  const segments = large.coders[0]?.coderFile.segments ?? [];
  const index = new SuggestionIndex();
  let t = performance.now();
  for (const seg of segments) index.put(seg.id, seg);
  const build = performance.now() - t;
  const times: number[] = [];
  for (const seg of segments.slice(0, 500)) {
    t = performance.now();
    index.suggest(seg.text, { exclude: seg.id });
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  const q = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(2);
  t = performance.now();
  for (const seg of segments.slice(0, 500)) index.put(`${seg.id}-again`, seg);
  const add = (performance.now() - t) / 500;
  console.log(`\nAt scale (${segments.length} segments of one coder, .bench/study-200x10000): index built in ${build.toFixed(0)} ms; one suggestion median ${q(0.5)} ms, p95 ${q(0.95)} ms; one segment added ${add.toFixed(3)} ms.`);
} else {
  console.log('\n(.bench/study-200x10000 is not there: run npm run bench once to measure the cost at 20,000 segments.)');
}
