/**
 * A list of names in a report that stays readable when an import or a merge brings hundreds of
 * codes: the first ones, then how many more, and where to find them all.
 */
import type { Language } from '../types.js';

/** How many names a report shows before saying how many more. */
export const NAMES_SHOWN = 12;

/** `names` (already quoted) joined by commas; past `NAMES_SHOWN`, the rest is counted: `… and 289 more (--json lists them all)`. */
export function someNames(names: readonly string[], language: Language): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const more = names.length - NAMES_SHOWN;
  if (more <= 0) return shown;
  return language === 'fr' ? `${shown} et ${more} autres (--json les liste tous)` : `${shown} and ${more} more (--json lists them all)`;
}
