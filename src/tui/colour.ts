/**
 * NO_COLOR (no-color.org) on the coding screen: colours go, bold, dim, underline and inverse stay,
 * so the cursor, the selection, coded text and search matches still show without colour. (The
 * other screens say everything with characters and drop every style: see full-screen.tsx.)
 * FORCE_COLOR wins over NO_COLOR, as for the batch commands' output.
 */
export const COLOURS = process.env.FORCE_COLOR !== undefined || (process.env.NO_COLOR ?? '') === '';

/** `colour` when colours are on, else none: for Ink's `color` prop. */
export function hue<C extends string>(colour: C | undefined): C | undefined {
  return COLOURS ? colour : undefined;
}
