import { nearest } from '../codebook/nearest.js';
import { parseCodebook } from '../codebook/parse.js';
import { PlannedCodebook } from '../codebook/planned.js';
import { nameKey } from '../codebook/slug.js';
import type { ImportCode } from './plan.js';

export interface ImportCodeMapping {
  /** nameKey(code name) → code id. */
  ids: Map<string, string>;
  addedCodes: string[];
  addedThemes: string[];
  /** nameKey(code name) → the names of the themes it is in, from the top (empty: in no theme), once mapped. */
  themes: Map<string, string[]>;
}

/**
 * Maps the code names of an import to codebook ids, adding to the codebook's text the codes
 * (and themes along their path) it lacks. An existing code keeps its place in the codebook,
 * whatever theme the spreadsheet gives it. Returns the new text (comments kept).
 */
export function mapImportCodes(source: string, codes: ImportCode[]): { source: string; result: ImportCodeMapping } {
  const result: ImportCodeMapping = { ids: new Map(), addedCodes: [], addedThemes: [], themes: new Map() };
  // What to add, planned on a model of the codebook; then added in one pass over the file.
  const book = new PlannedCodebook(source);
  for (const code of codes) {
    const key = nameKey(code.name);
    if (result.ids.has(key)) continue;
    const found = book.codes(code.name)[0];
    if (found) {
      result.ids.set(key, found.id);
      continue;
    }
    let parent: string | null = null;
    for (let depth = 1; depth <= code.themePath.length; depth++) {
      const name = code.themePath[depth - 1]!;
      const theme = book.theme(parent, name);
      if (theme) {
        parent = theme.id;
        continue;
      }
      parent = book.addTheme(parent, name).id;
      result.addedThemes.push(code.themePath.slice(0, depth).join(' > '));
    }
    result.ids.set(key, book.addCode(parent, code.name).id);
    result.addedCodes.push(code.name.trim());
  }
  for (const [key, id] of result.ids) result.themes.set(key, themesOf(book, id));
  return { source: book.apply(), result };
}

/** The names of the themes a code is in, from the top. */
function themesOf(book: PlannedCodebook, id: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let parent = book.byId(id)?.parent ?? null; parent !== null && !seen.has(parent); parent = book.byId(parent)?.parent ?? null) {
    seen.add(parent);
    names.unshift(book.byId(parent)?.name ?? parent);
  }
  return names;
}

/**
 * The codes an import added whose name is one slip away from a code already there or added before
 * (`Diminution progessive` beside `Diminution progressive`): a typo in the spreadsheet that would
 * split one code's references in two. At most one edit per ten characters (at least one).
 * `source` is the codebook before the import.
 */
export function lookalikeCodes(source: string, added: readonly string[]): { name: string; like: string }[] {
  const names: string[] = [];
  for (const node of parseCodebook(source, 'codebook.yaml').codebook.byId.values()) if (node.kind === 'code') names.push(node.name);
  const found: { name: string; like: string }[] = [];
  for (const name of added) {
    const like = nearest(name, names, Math.max(1, Math.floor(name.length / 10)));
    if (like !== undefined && like !== name) found.push({ name, like });
    names.push(name);
  }
  return found;
}
