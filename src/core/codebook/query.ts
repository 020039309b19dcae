/** Questions asked of a codebook: all codes, a theme's ancestry, a code by name. */
import type { Codebook, CodebookNode } from '../types.js';
import { nameKey } from './slug.js';

function walk(nodes: CodebookNode[], visit: (node: CodebookNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}

/** Every code: depth-first through the themes in file order, then the codes not yet grouped. */
export function allCodes(cb: Codebook): CodebookNode[] {
  const out: CodebookNode[] = [];
  walk(cb.themes, (n) => {
    if (n.kind === 'code') out.push(n);
  });
  out.push(...cb.ungrouped);
  return out;
}

/** Every theme and sub-theme, depth-first in file order (a theme before its sub-themes). */
export function allThemes(cb: Codebook): CodebookNode[] {
  const out: CodebookNode[] = [];
  walk(cb.themes, (n) => {
    if (n.kind === 'theme') out.push(n);
  });
  return out;
}

/** The themes enclosing a node, from the top-level theme down to its parent. Empty if unknown or top level. */
export function themePath(cb: Codebook, id: string): CodebookNode[] {
  const path: CodebookNode[] = [];
  const seen = new Set<string>();
  let parentId = cb.byId.get(id)?.parent ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = cb.byId.get(parentId);
    if (!parent) break;
    path.unshift(parent);
    parentId = parent.parent;
  }
  return path;
}

/** The code with this name, ignoring case, accents, apostrophe style and spacing. */
export function findCodeByName(cb: Codebook, name: string): CodebookNode | undefined {
  const key = nameKey(name);
  return allCodes(cb).find((c) => nameKey(c.name) === key);
}

/**
 * The theme reached by following names from the top (`['Vécu du médecin', 'Émotions négatives']`),
 * names compared as in `findCodeByName`. Undefined for an empty path or a missing step.
 */
export function findThemeByPath(cb: Codebook, names: string[]): CodebookNode | undefined {
  let level = cb.themes;
  let found: CodebookNode | undefined;
  for (const name of names) {
    const key = nameKey(name);
    found = level.find((n) => n.kind === 'theme' && nameKey(n.name) === key);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/** The name to show for an id: the node's name, or the id itself when the codebook lacks it. */
export function codeLabel(cb: Codebook, id: string): string {
  return cb.byId.get(id)?.name ?? id;
}
