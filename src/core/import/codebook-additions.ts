import { addCode, addTheme } from '../codebook/edit.js';
import { parseCodebook } from '../codebook/parse.js';
import { findCodeByName, findThemeByPath } from '../codebook/query.js';
import { nameKey } from '../codebook/slug.js';
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
  let text = source;
  let codebook = parseCodebook(text, 'codebook.yaml').codebook;
  for (const code of codes) {
    const key = nameKey(code.name);
    if (result.ids.has(key)) continue;
    const found = findCodeByName(codebook, code.name);
    if (found) {
      result.ids.set(key, found.id);
      continue;
    }
    let parentId: string | null = null;
    for (let depth = 1; depth <= code.themePath.length; depth++) {
      const path = code.themePath.slice(0, depth);
      const theme = findThemeByPath(codebook, path);
      if (theme) {
        parentId = theme.id;
        continue;
      }
      const added = addTheme(text, { name: path[depth - 1]!, parentId });
      text = added.source;
      parentId = added.id;
      result.addedThemes.push(path.join(' > '));
      codebook = parseCodebook(text, 'codebook.yaml').codebook;
    }
    const added = addCode(text, { name: code.name.trim(), themeId: parentId });
    text = added.source;
    result.ids.set(key, added.id);
    result.addedCodes.push(code.name.trim());
    codebook = parseCodebook(text, 'codebook.yaml').codebook;
  }
  return { source: text, result };
}
