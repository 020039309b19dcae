/**
 * Finding codes and themes in the picker: fuzzy (fuzzysort) on folded names, so that
 * `frust` finds « Frustration » and `desempar` finds « Désemparement »; recent codes first
 * when nothing is typed.
 */
import { themePath as themeNodes } from '../core/codebook/query.js';
import fuzzysort, { type Prepared } from 'fuzzysort';
import type { Codebook, CodebookNode } from '../core/types.js';
import { foldForSearch } from '../core/text/fold.js';

/** A code as the picker shows it. */
export interface CodeEntry {
  id: string;
  name: string;
  /** Names of the enclosing themes, outermost first (empty: not yet grouped). */
  path: string[];
  definition?: string;
  /** Folded name, prepared for fuzzysort. */
  search: Prepared;
}

/** A theme a new code can go into. */
export interface ThemeEntry {
  id: string;
  name: string;
  /** Names from the top-level theme down to this one. */
  path: string[];
  /** The enclosing theme, or null at the top. */
  parentId: string | null;
  search: Prepared;
}

/** Names of the themes enclosing a node, outermost first. */
export function themePath(codebook: Codebook, id: string): string[] {
  return themeNodes(codebook, id).map((node) => node.name);
}

/** Every code of the codebook, in file order (themes depth-first, then not yet grouped). */
export function codeEntries(codebook: Codebook): CodeEntry[] {
  const entries: CodeEntry[] = [];
  const visit = (node: CodebookNode, path: string[]): void => {
    if (node.kind === 'code') {
      const entry: CodeEntry = { id: node.id, name: node.name, path, search: fuzzysort.prepare(foldForSearch(node.name)) };
      if (node.definition !== undefined) entry.definition = node.definition;
      entries.push(entry);
      return;
    }
    const inner = [...path, node.name];
    for (const child of node.children) visit(child, inner);
  };
  for (const theme of codebook.themes) visit(theme, []);
  for (const code of codebook.ungrouped) visit(code, []);
  return entries;
}

/** Every theme and sub-theme, depth-first in file order. */
export function themeEntries(codebook: Codebook): ThemeEntry[] {
  const entries: ThemeEntry[] = [];
  const visit = (node: CodebookNode, path: string[]): void => {
    if (node.kind !== 'theme') return;
    const inner = [...path, node.name];
    entries.push({ id: node.id, name: node.name, path: inner, parentId: node.parent, search: fuzzysort.prepare(foldForSearch(inner.join(' '))) });
    for (const child of node.children) visit(child, inner);
  };
  for (const theme of codebook.themes) visit(theme, []);
  return entries;
}

/** Strips what the fuzzy matcher should not see: folds, and drops spaces and apostrophes. */
function foldQuery(query: string): string {
  return foldForSearch(query).replace(/[\s'’]+/g, ' ').trim();
}

/**
 * Whether a fuzzy match is one a person meant: the letters typed found as a piece of the name
 * (`empar` in « Désemparement »), as the starts of its words (`alli ther`), or as pieces of three
 * letters or more (`frustation`, a letter left out). Letters scattered over the name (`colère` in
 * « Formation complémentaire ») are not: Enter would apply a code nobody chose, where the user
 * was typing the name of a new one.
 */
function meant(target: string, indexes: ArrayLike<number>): boolean {
  const runs: [number, number][] = [];
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] as number;
    const last = runs[runs.length - 1];
    if (last !== undefined && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  if (runs.length <= 1) return true;
  const wordStart = (i: number) => i === 0 || !/[\p{L}\p{N}]/u.test(target[i - 1] ?? '');
  return runs.every(([start]) => wordStart(start)) || runs.every(([start, end]) => end - start + 1 >= 3);
}

/**
 * Codes matching `query`, best first. With an empty query: recent codes (most recent
 * first), then the others in codebook order.
 */
export function searchCodes(entries: readonly CodeEntry[], query: string, recent: readonly string[] = []): CodeEntry[] {
  const q = foldQuery(query);
  if (q === '') {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const first: CodeEntry[] = [];
    const taken = new Set<string>();
    for (const id of recent) {
      const entry = byId.get(id);
      if (entry !== undefined && !taken.has(id)) {
        first.push(entry);
        taken.add(id);
      }
    }
    return [...first, ...entries.filter((e) => !taken.has(e.id))];
  }
  const rank = new Map(recent.map((id, i) => [id, i]));
  const order = new Map(entries.map((e, i) => [e.id, i]));
  const results = fuzzysort.go(q, entries as CodeEntry[], { key: 'search', threshold: 0, limit: 0 }).filter((r) => meant(r.target, r.indexes));
  return results
    .map((r) => ({ entry: r.obj, score: r.score, i: order.get(r.obj.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (rank.get(a.entry.id) ?? Infinity) - (rank.get(b.entry.id) ?? Infinity) ||
        a.i - b.i,
    )
    .map((r) => r.entry);
}

/**
 * Themes matching `query`, best first; all of them in file order when the query is empty. A path
 * (`Prise en charge > Traitements`, `prise > trait`) lists the themes whose names start so, level
 * by level.
 */
export function searchThemes(entries: readonly ThemeEntry[], query: string): ThemeEntry[] {
  const q = foldQuery(query);
  if (q === '') return [...entries];
  if (/[>›]/u.test(q)) {
    const parts = q.split(/\s*[>›]\s*/u).map((p) => p.trim());
    if (parts.some((p) => p === '')) return [];
    return entries.filter((e) => e.path.length === parts.length && e.path.every((name, i) => foldQuery(name).startsWith(parts[i] as string)));
  }
  return fuzzysort
    .go(q, entries as ThemeEntry[], { key: 'search', threshold: 0, limit: 0 })
    .filter((r) => meant(r.target, r.indexes))
    .map((r) => r.obj);
}

/** Moves `ids` to the front of the recent list, without duplicates, keeping at most `max`. */
export function touchRecent(recent: readonly string[], ids: readonly string[], max = 40): string[] {
  const front = [...new Set(ids)];
  const taken = new Set(front);
  return [...front, ...recent.filter((id) => !taken.has(id))].slice(0, max);
}
