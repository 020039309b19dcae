/**
 * SVG figures to PNG, offline, with resvg (a Rust renderer shipped as a native package: nothing is
 * downloaded at run time). It reads the computer's fonts for the labels; when it finds none that
 * can draw them, the PNG would have no text at all, so that is said instead of writing it.
 */
import { DataError } from '../core/errors.js';

export interface PngOptions {
  /** Width of the PNG in pixels (the SVG is scaled to it). */
  width: number;
  /** Font families to try for the labels, as in the SVG. */
  fontFamily: string;
}

/** Renders `svg` to PNG bytes; throws a DataError when no font can draw text on this computer. */
export async function svgToPng(svg: string, options: PngOptions): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = { loadSystemFonts: true, defaultFontFamily: options.fontFamily.split(',')[0]!.trim() };
  const probe = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-family="${options.fontFamily}" font-size="12">Hé</text></svg>`, { font });
  if (probe.getBBox() === undefined) {
    throw new DataError(
      { en: 'no font on this computer can draw the labels of the PNG figure', fr: 'aucune police de cet ordinateur ne peut dessiner les libellés de la figure PNG' },
      {
        hint: {
          en: 'write the figure as .svg (any browser or Inkscape opens it), or install a font (Debian/Ubuntu: apt install fonts-dejavu-core)',
          fr: 'écrire la figure en .svg (un navigateur ou Inkscape l’ouvre), ou installer une police (Debian/Ubuntu : apt install fonts-dejavu-core)',
        },
      },
    );
  }
  const rendered = new Resvg(svg, { font, fitTo: { mode: 'width', value: options.width }, background: '#ffffff' }).render();
  return rendered.asPng();
}
