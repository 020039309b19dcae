/**
 * Ending a sentence that ends with a value: `… ressemblent à des noms : Dr B.` takes no second
 * full stop after the abbreviation's (`Dr B..`), nor one after a `?`, `!` or `…`.
 */

/** `text` and the full stop that ends its sentence, unless it already ends with one (`.`, `!`, `?`, `…`). */
export function endSentence(text: string): string {
  return /[.!?…][\s\u00a0\u202f»”"')]*$/.test(text) ? text : `${text}.`;
}
