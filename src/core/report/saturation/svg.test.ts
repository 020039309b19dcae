import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../../../test/support/saturation.js';
import { niceScale, saturationSvg } from './svg.js';

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  return { doc, all };
}

const longer = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0];

describe('saturationSvg', () => {
  it('is well-formed SVG with a bar per interview that brought new codes, a point per interview, and the saturation points marked', () => {
    const report = reportFromNewCounts(longer);
    const { doc, all } = parse(saturationSvg(report, 'fr', 'La saturation des codes…'));
    const root = doc.documentElement!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(`0 0 720 ${root.getAttribute('height')}`);
    expect(all('title')[0]!.textContent).toBe('Saturation des codes');
    expect(all('desc')[0]!.textContent).toBe('La saturation des codes…');
    // Bars: the background, the legend swatch, then one per interview with new codes (12 of 17).
    const bars = all('rect').filter((r) => r.getAttribute('fill') === '#d0d0d0');
    expect(bars).toHaveLength(1 + longer.filter((n) => n > 0).length);
    const points = all('polyline')[0]!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(17);
    expect(all('circle')).toHaveLength(17 + 1);
    // Bars grow with the new codes: interview 1 (20) is twice as tall as interview 2 (10).
    const heights = bars.slice(1).map((b) => Number(b.getAttribute('height')));
    expect(heights[0]! / heights[1]!).toBeCloseTo(2, 1);
    // The cumulative line rises, never falls (y grows downwards).
    const ys = points.map((p) => Number(p.split(',')[1]));
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThanOrEqual(ys[i - 1]!);
    // Guest 8+2 (dashed) and the 10+3 stopping rule met at 16 (dotted), through their interviews.
    const x = (rank: number) => Number(points[rank - 1]!.split(',')[0]);
    const dashed = all('line').filter((l) => l.getAttribute('stroke-dasharray') === '7 4');
    const dotted = all('line').filter((l) => l.getAttribute('stroke-dasharray') === '2 3');
    expect(dashed.map((l) => Number(l.getAttribute('x1')))).toContain(x(8));
    expect(dotted.map((l) => Number(l.getAttribute('x1')))).toContain(x(16));
    const texts = all('text').map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Nouveaux codes', 'Codes cumulés', 'Saturation 8+2 (Guest et al. 2020)', 'Règle d’arrêt 10+3', 'P1', 'P17']));
    expect(texts).toContain('Entretiens, dans l’ordre chronologique');
    // Without dates nor `order`, the figure does not claim a chronology.
    const byId = reportFromNewCounts([3, 1]);
    for (const a of byId.analyses) for (const i of a.interviews) i.orderBasis = 'id';
    expect(saturationSvg(byId, 'en')).toContain('>Interviews, in the order of their ids</text>');
    // Placed by `order` in codage.yaml, without dates: the study's order, not a chronology.
    const byOrder = reportFromNewCounts([3, 1]);
    for (const a of byOrder.analyses) for (const i of a.interviews) i.orderBasis = 'order';
    expect(saturationSvg(byOrder, 'en')).toContain('>Interviews, in the study’s order (codage.yaml)</text>');
  });

  it('is black, white and greys only, so that it prints in black and white', () => {
    const svg = saturationSvg(reportFromNewCounts(longer), 'en');
    const colours = new Set([...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]!));
    for (const colour of colours) {
      if (colour === 'none') continue;
      const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.length === 4 ? colour.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : colour);
      expect(m, colour).not.toBeNull();
      expect(m![1]).toBe(m![2]);
      expect(m![2]).toBe(m![3]);
    }
  });

  it('labels in the study language, escapes what it writes, and draws one panel per group', () => {
    const groups = ['MG', 'MG', 'A&B', 'MG', 'A&B', 'MG'];
    const svg = saturationSvg(reportFromNewCounts([5, 3, 2, 1, 0, 0], { by: 'group' }, groups), 'en');
    const { all } = parse(svg);
    const texts = all('text').map((t) => t.textContent);
    expect(texts).toContain('Group “A&B” (group), 2 interviews');
    expect(texts).toContain('Group “MG” (group), 4 interviews');
    expect(texts).toContain('New codes');
    expect(all('polyline')).toHaveLength(2);
    expect(svg).toContain('A&amp;B');
    // A method not met is said in the legend, in italics, rather than left for the reader to infer.
    expect(texts.filter((t) => t === 'Saturation not reached (Guest et al. 2020)')).toHaveLength(2);
    expect(texts.filter((t) => t === 'Stopping rule 10+3 not met')).toHaveLength(2);
  });

  it('numbers the axis instead of naming interviews when there are many', () => {
    const many = Array.from({ length: 120 }, (_, i) => (i < 30 ? 5 : 0));
    const { all } = parse(saturationSvg(reportFromNewCounts(many), 'en'));
    const texts = all('text').map((t) => t.textContent);
    expect(texts).not.toContain('P60');
    expect(texts).toEqual(expect.arrayContaining(['1', '10', '60', '120']));
  });

  it('rounds axes to readable steps', () => {
    expect(niceScale(48)).toEqual({ top: 50, step: 10 });
    expect(niceScale(23)).toEqual({ top: 25, step: 5 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(300)).toEqual({ top: 300, step: 100 });
  });
});
