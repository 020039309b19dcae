/**
 * Rows whose theme cells disagree with the codebook about where a code is (`Culpabilité` under
 * « Leviers » in the sheet, under « Vécu du médecin » in codebook.yaml). An import never moves a
 * code the codebook already places, nor a code it added from an earlier row: such a theme is not
 * applied, and is said — once per code, with the first row that gives it — for the researcher to
 * correct the sheet or move the code.
 */
import { nameKey } from '../codebook/slug.js';
import type { ImportRowResult } from './plan.js';

export interface ThemeDisagreement {
  /** The code's name as the sheet writes it. */
  code: string;
  /** The first row giving another theme, and that theme path. */
  row: number;
  given: string[];
  /** How many rows in all give a theme the codebook does not have the code in. */
  rows: number;
  /** Where codebook.yaml has the code (empty: in no theme). */
  codebook: string[];
}

/** Whether the themes a row names are all on the code's path, in order: `Vécu` for `Vécu > Émotions`. */
function onPath(given: readonly string[], path: readonly string[]): boolean {
  const keys = path.map(nameKey);
  let k = 0;
  for (const name of given) {
    const key = nameKey(name);
    while (k < keys.length && keys[k] !== key) k++;
    if (k === keys.length) return false;
    k++;
  }
  return true;
}

/**
 * The codes that imported rows place under other themes than the codebook does. `themes`: for
 * each code imported (by `nameKey`), the names of the themes it is in once the import is applied.
 */
export function themeDisagreements(results: readonly ImportRowResult[], themes: ReadonlyMap<string, readonly string[]>): ThemeDisagreement[] {
  const found = new Map<string, ThemeDisagreement>();
  for (const r of results) {
    if (r.pieces.length === 0 || r.themePath.length === 0) continue;
    for (const code of r.codes) {
      const key = nameKey(code);
      const path = themes.get(key);
      if (path === undefined || onPath(r.themePath, path)) continue;
      const seen = found.get(key);
      if (seen === undefined) found.set(key, { code, row: r.row, given: r.themePath, rows: 1, codebook: [...path] });
      else seen.rows++;
    }
  }
  return [...found.values()];
}
