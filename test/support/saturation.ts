/**
 * Saturation reports built from sequences of new codes per interview (the form the methods'
 * reference values take), for the tests of the renderers.
 */
import { parseCodebook } from '../../src/core/codebook/parse.js';
import { computeSaturation, SATURATION_DEFAULTS, type SaturationOptions, type SaturationReport } from '../../src/core/analysis/saturation/saturation.js';
import type { InterviewPlace } from '../../src/core/study/interview-order.js';
import type { Participant } from '../../src/core/types.js';

/** A codebook of `count` codes `c1`… named "Code 1"…, in two themes. */
export function sampleCodebook(count: number) {
  const codes = Array.from({ length: count }, (_, i) => `      - {name: "Code ${i + 1}", id: c${i + 1}}`);
  const half = Math.ceil(count / 2);
  return parseCodebook(
    `themes:\n  - name: Vécu\n    id: vecu\n    codes:\n${codes.slice(0, half).join('\n')}\n  - name: Organisation\n    id: orga\n    codes:\n${codes.slice(half).join('\n') || '      []'}\n`,
    'codebook.yaml',
  ).codebook;
}

/**
 * One interview per entry (`P1`…), each bringing that many new codes plus one code already seen.
 * `groups` gives each interview's `group` attribute.
 */
export function reportFromNewCounts(newCounts: number[], options: Partial<SaturationOptions> = {}, groups?: string[]): SaturationReport {
  const total = newCounts.reduce((a, b) => a + b, 0);
  const codebook = sampleCodebook(Math.max(total, 1));
  const places: InterviewPlace[] = newCounts.map((_, i) => ({ id: `P${i + 1}`, date: `2024-03-${String(i + 1).padStart(2, '0')}`, basis: 'date' }));
  const participants = new Map<string, Participant>(places.map((p, i) => [p.id, { id: p.id, attributes: groups ? { group: groups[i]! } : {} }]));
  const segments: { coder: string; status: 'unchanged'; segment: { id: string; participant: string; start: number; end: number; text: string; codes: string[] } }[] = [];
  let next = 1;
  const seenIn = new Map<string, number>();
  newCounts.forEach((k, i) => {
    const id = `P${i + 1}`;
    const group = groups?.[i];
    const codes = Array.from({ length: k }, () => `c${next++}`);
    // One code already seen in the same group, so that no interview is empty.
    const earlier = [...seenIn].find(([, at]) => groups === undefined || groups[at] === group)?.[0];
    if (earlier !== undefined) codes.push(earlier);
    for (const code of codes) if (!seenIn.has(code)) seenIn.set(code, i);
    segments.push({ coder: 'marie', status: 'unchanged', segment: { id: `s${i}`, participant: id, start: 0, end: 1, text: 'x', codes } });
  });
  return computeSaturation({ interviewOrder: places, participants, codebook, coders: ['marie'], segments }, { ...SATURATION_DEFAULTS, ...options });
}
