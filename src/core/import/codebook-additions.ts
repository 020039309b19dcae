import { addNodes, type NewNode } from '../codebook/edit.js';
import { parseCodebook } from '../codebook/parse.js';
import { findCodeByName, findThemeByPath } from '../codebook/query.js';
import { nameKey } from '../codebook/slug.js';
import type { CodebookNode } from '../types.js';
import type { ImportCode } from './plan.js';

export interface ImportCodeMapping {
  /** nameKey(code name) → code id. */
  ids: Map<string, string>;
  addedCodes: string[];
  addedThemes: string[];
}

/**
 * Maps the code names of an import to codebook ids, adding to the codebook's text the codes
 * (and themes along their path) it lacks. An existing code keeps its place in the codebook,
 * whatever theme the spreadsheet gives it. Returns the new text (comments kept).
 */
export function mapImportCodes(source: string, codes: ImportCode[]): { source: string; result: ImportCodeMapping } {
  const result: ImportCodeMapping = { ids: new Map(), addedCodes: [], addedThemes: [] };
  const codebook = parseCodebook(source, 'codebook.yaml').codebook;
  // What to add, planned against the codebook as it is; then added in one pass over the file.
  const nodes: NewNode[] = [];
  /** Themes to create, by their path's names compared as the codebook compares them: their index in `nodes`. */
  const newThemes = new Map<string, number>();
  /** The code name (nameKey) of each new code, by its index in `nodes`. */
  const newCodes = new Map<string, number>();
  for (const code of codes) {
    const key = nameKey(code.name);
    if (result.ids.has(key) || newCodes.has(key)) continue;
    const found = findCodeByName(codebook, code.name);
    if (found) {
      result.ids.set(key, found.id);
      continue;
    }
    let parent: NewNode['parent'] = null;
    for (let depth = 1; depth <= code.themePath.length; depth++) {
      const path = code.themePath.slice(0, depth);
      const pathKey = path.map(nameKey).join('\u0000');
      const planned = newThemes.get(pathKey);
      if (planned !== undefined) {
        parent = { index: planned };
        continue;
      }
      const theme: CodebookNode | undefined = parent === null || 'id' in parent ? findThemeByPath(codebook, path) : undefined;
      if (theme) {
        parent = { id: theme.id };
        continue;
      }
      newThemes.set(pathKey, nodes.length);
      nodes.push({ kind: 'theme', name: path[depth - 1]!, parent });
      result.addedThemes.push(path.join(' > '));
      parent = { index: nodes.length - 1 };
    }
    newCodes.set(key, nodes.length);
    nodes.push({ kind: 'code', name: code.name.trim(), parent });
    result.addedCodes.push(code.name.trim());
  }
  const added = addNodes(source, nodes);
  for (const [key, index] of newCodes) result.ids.set(key, added.ids[index]!);
  return { source: added.source, result };
}
