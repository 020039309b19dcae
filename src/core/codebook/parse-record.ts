/**
 * A codebook as read from codebook.yaml (`parseCodebook`), written as plain data and read back:
 * what the codebook cache keeps between runs (io/codebook-cache.ts), and what lets a command
 * that reads the same text twice parse it once. Reading YAML is the slow part of opening a
 * study: 30–60 ms for a codebook of 60 codes, the same again each time it is read.
 *
 * Every node is written once, in a flat list; trees and `byId` refer to nodes by their place in
 * that list, so reading back gives the same shape (the same node in `byId` and in its theme) and
 * `byId` in the same order.
 */
import type { CodebookNode, Problem } from '../types.js';
import type { CodebookParse } from './parse.js';

type NodeRecord = Omit<CodebookNode, 'children'> & { children: number[] };

export interface CodebookParseRecord {
  nodes: NodeRecord[];
  themes: number[];
  ungrouped: number[];
  /** The nodes of `byId`, in its order (keyed by their id). */
  byId: number[];
  problems: Problem[];
  derivedIds: string[];
  rewritable: boolean;
}

/** Plain data for `parse`, sharing nothing with it. */
export function codebookParseRecord(parse: CodebookParse): CodebookParseRecord {
  const nodes: NodeRecord[] = [];
  const index = new Map<CodebookNode, number>();
  const add = (node: CodebookNode): number => {
    const known = index.get(node);
    if (known !== undefined) return known;
    const at = nodes.length;
    index.set(node, at);
    const { children, ...fields } = node;
    const record: NodeRecord = { ...fields, children: [] };
    nodes.push(record);
    record.children = children.map(add);
    return at;
  };
  const themes = parse.codebook.themes.map(add);
  const ungrouped = parse.codebook.ungrouped.map(add);
  const byId = [...parse.codebook.byId.values()].map(add);
  return {
    nodes,
    themes,
    ungrouped,
    byId,
    problems: structuredClone(parse.problems),
    derivedIds: [...parse.derivedIds],
    rewritable: parse.rewritable,
  };
}

/**
 * The codebook `record` was made from, as new objects (a caller may change what it gets), or null
 * when `record` is not one (a damaged cache file).
 */
export function codebookParseFromRecord(record: unknown): CodebookParse | null {
  if (!isRecord(record)) return null;
  const nodes: CodebookNode[] = record.nodes.map(({ children: _, ...fields }) => ({ ...fields, children: [] }));
  const node = (i: number): CodebookNode => {
    const found = nodes[i];
    if (found === undefined) throw new RangeError(`no node ${i}`);
    return found;
  };
  try {
    for (const [i, r] of record.nodes.entries()) node(i).children = r.children.map(node);
    return {
      codebook: {
        themes: record.themes.map(node),
        ungrouped: record.ungrouped.map(node),
        byId: new Map(record.byId.map((i) => [node(i).id, node(i)])),
      },
      problems: structuredClone(record.problems),
      derivedIds: [...record.derivedIds],
      rewritable: record.rewritable,
    };
  } catch {
    return null;
  }
}

const isIndexList = (value: unknown): value is number[] => Array.isArray(value) && value.every((i) => Number.isInteger(i));

function isRecord(value: unknown): value is CodebookParseRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<CodebookParseRecord>;
  return (
    Array.isArray(r.nodes) &&
    // A child comes after its parent in the list: no node is its own ancestor.
    r.nodes.every((n, i) => typeof n === 'object' && n !== null && typeof n.id === 'string' && typeof n.name === 'string' && isIndexList(n.children) && n.children.every((c) => c > i)) &&
    isIndexList(r.themes) &&
    isIndexList(r.ungrouped) &&
    isIndexList(r.byId) &&
    Array.isArray(r.problems) &&
    Array.isArray(r.derivedIds) &&
    typeof r.rewritable === 'boolean'
  );
}
