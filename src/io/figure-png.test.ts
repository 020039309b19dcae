import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../test/support/saturation.js';
import { FIGURE_FONT, saturationSvg } from '../core/report/saturation/svg.js';
import { svgToPng } from './figure-png.js';

// The labels need a font installed on the computer (CI installs fonts-dejavu-core).
const fontFound =
  new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-family="${FIGURE_FONT}">Hé</text></svg>`, { font: { loadSystemFonts: true } }).getBBox() !== undefined;
if (!fontFound) console.warn('figure-png: no font on this computer (apt install fonts-dejavu-core): PNG tests skipped');

describe.skipIf(!fontFound)('svgToPng', () => {
  it('renders the saturation figure to a PNG of the width asked for, offline', async () => {
    const svg = saturationSvg(reportFromNewCounts([20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0]), 'fr');
    const png = await svgToPng(svg, { width: 1800, fontFamily: FIGURE_FONT });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(1800);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(view.getUint32(20)).toBe(Math.round((height * 1800) / 720));
  });

  it('draws in greys only, and draws the labels (a font was found)', () => {
    const svg = saturationSvg(reportFromNewCounts([6, 3, 1, 0, 0, 0]), 'en');
    const image = new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'width', value: 720 } }).render();
    const pixels = image.pixels;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2]) throw new Error(`colour at pixel ${i / 4}`);
    }
    // The same figure without its text is lighter: the labels were drawn.
    const withoutText = new Resvg(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), { font: { loadSystemFonts: true }, fitTo: { mode: 'width', value: 720 } }).render().pixels;
    const ink = (p: Uint8Array | Buffer) => p.reduce((sum, v, i) => (i % 4 === 0 ? sum + (255 - v) : sum), 0);
    expect(ink(pixels)).toBeGreaterThan(ink(withoutText) * 1.1);
  });
});
