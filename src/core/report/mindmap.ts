/**
 * The "modélisation" figure: themes → sub-themes → codes as a tree, written as Mermaid (a
 * `mindmap`), Graphviz DOT, or a standalone SVG laid out left to right. `--by pair` draws one
 * map per pair: the codes of each side, and the codes both sides share.
 */
import { codeTree, tallyCodes, type CodeCount } from '../analysis/stats.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Codebook } from '../types.js';
import { escapeHtml } from './render/html.js';
import type { ReportStudy } from './report-study.js';
import { pairsOf } from './matrix.js';

export interface MapNode {
  label: string;
  kind: 'root' | 'theme' | 'code' | 'side';
  children: MapNode[];
}

/** The codebook as a tree, codes labelled with n/N when counts are asked for; unused codes left out unless `all`. */
export function codebookMap(title: string, codebook: Codebook, segments: readonly AnchoredSegment[], total: number, options: { counts: boolean; all: boolean }): MapNode {
  const tree = codeTree(codebook, tallyCodes(segments.filter((s) => s.status !== 'unplaced')));
  const root: MapNode = { label: title, kind: 'root', children: [] };
  const stack: { node: MapNode; depth: number }[] = [{ node: root, depth: -1 }];
  for (const row of tree) {
    if (!row.inCodebook) continue;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= row.depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (row.kind === 'theme') {
      const node: MapNode = { label: row.name, kind: 'theme', children: [] };
      parent.children.push(node);
      stack.push({ node, depth: row.depth });
    } else if (options.all || row.references > 0) {
      parent.children.push({ label: codeLabel(row, total, options.counts), kind: 'code', children: [] });
    }
  }
  prune(root);
  return root;
}

function codeLabel(row: CodeCount, total: number, counts: boolean): string {
  return counts ? `${row.name} (${row.participants}/${total})` : row.name;
}

/** Themes left with no code are dropped. */
function prune(node: MapNode): boolean {
  node.children = node.children.filter((child) => child.kind === 'code' || prune(child));
  return node.children.length > 0 || node.kind === 'code' || node.kind === 'root';
}

/** One map per pair: each side's own codes, and the codes both sides mention. */
export function pairMaps(study: ReportStudy): MapNode[] {
  const fr = study.language === 'fr';
  const codesOf = new Map<string, Set<string>>();
  for (const s of study.segments) {
    if (s.status === 'unplaced') continue;
    if (!codesOf.has(s.segment.participant)) codesOf.set(s.segment.participant, new Set());
    for (const c of s.segment.codes) codesOf.get(s.segment.participant)!.add(c);
  }
  const order = codeTree(study.codebook, new Map()).filter((r) => r.kind === 'code').map((r) => r.id);
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = (ids: Iterable<string>) => [...ids].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || (a < b ? -1 : a > b ? 1 : 0));
  const name = (id: string) => study.codebook.byId.get(id)?.name ?? id;
  const maps: MapNode[] = [];
  for (const [pair, ids] of pairsOf(study)) {
    const sets = ids.map((id) => codesOf.get(id) ?? new Set<string>());
    const shared = sorted(sets.length > 1 ? [...sets[0]!].filter((c) => sets.every((s) => s.has(c))) : []);
    const sharedSet = new Set(shared);
    const root: MapNode = { label: `${fr ? 'Paire' : 'Pair'} ${pair}`, kind: 'root', children: [] };
    ids.forEach((id, i) => {
      root.children.push({ label: id, kind: 'side', children: sorted(sets[i]!).filter((c) => !sharedSet.has(c)).map((c) => ({ label: name(c), kind: 'code', children: [] })) });
    });
    if (ids.length > 1) root.children.push({ label: fr ? 'Codes partagés' : 'Shared codes', kind: 'side', children: shared.map((c) => ({ label: name(c), kind: 'code', children: [] })) });
    maps.push(root);
  }
  return maps;
}

// ---------------------------------------------------------------------------------------------
// Mermaid and DOT

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ');
}

export function renderMermaid(maps: MapNode[]): string {
  const blocks = maps.map((root) => {
    const lines = ['mindmap'];
    let id = 0;
    const visit = (node: MapNode, depth: number) => {
      const pad = '  '.repeat(depth + 1);
      const text = mermaidText(node.label);
      lines.push(node.kind === 'root' ? `${pad}root(("${text}"))` : node.kind === 'code' ? `${pad}n${id++}["${text}"]` : `${pad}n${id++}("${text}")`);
      for (const child of node.children) visit(child, depth + 1);
    };
    visit(root, 0);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

export function renderDot(maps: MapNode[]): string {
  const lines = ['digraph codage {', '  rankdir=LR;', '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];', '  edge [arrowhead=none, color="#888888"];'];
  let id = 0;
  maps.forEach((root, m) => {
    if (maps.length > 1) lines.push(`  subgraph cluster_${m} {`, `    label=${dotString(root.label)};`);
    const visit = (node: MapNode): string => {
      const name = `n${id++}`;
      const style = node.kind === 'root' ? ', shape=ellipse, style=bold' : node.kind === 'theme' || node.kind === 'side' ? ', style="rounded,filled", fillcolor="#eeeeee"' : '';
      lines.push(`  ${name} [label=${dotString(node.label)}${style}];`);
      for (const child of node.children) lines.push(`  ${name} -> ${visit(child)};`);
      return name;
    };
    visit(root);
    if (maps.length > 1) lines.push('  }');
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// SVG: a left-to-right tree, leaves one under the other, each parent centred on its children

const FONT = 12;
const LINE = 22;
const GAP_X = 28;
const PAD = 6;

/** Width of a label in pixels, estimated (the SVG is drawn without measuring fonts). */
function labelWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += /[A-ZÀ-ÝŒ]/.test(ch) ? 8.2 : /[mwMW]/.test(ch) ? 9.5 : /[il.,;:'’ ]/.test(ch) ? 3.6 : 6.4;
  return Math.ceil(w * (bold ? 1.08 : 1) * (FONT / 12)) + 2 * PAD;
}

interface Placed {
  node: MapNode;
  x: number;
  y: number;
  width: number;
  children: Placed[];
}

export function renderSvg(maps: MapNode[]): { svg: string; width: number; height: number } {
  // Column widths per depth, shared by all maps so they line up.
  const widths: number[] = [];
  const measure = (node: MapNode, depth: number) => {
    widths[depth] = Math.max(widths[depth] ?? 0, labelWidth(node.label, node.kind !== 'code'));
    for (const child of node.children) measure(child, depth + 1);
  };
  for (const root of maps) measure(root, 0);
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, i === 0 ? 10 : acc[i - 1]! + widths[i - 1]! + GAP_X], []);
  let nextY = 10;
  const place = (node: MapNode, depth: number): Placed => {
    if (node.children.length === 0) {
      const y = nextY;
      nextY += LINE;
      return { node, x: xs[depth]!, y, width: labelWidth(node.label, node.kind !== 'code'), children: [] };
    }
    const children = node.children.map((c) => place(c, depth + 1));
    const y = (children[0]!.y + children[children.length - 1]!.y) / 2;
    return { node, x: xs[depth]!, y, width: labelWidth(node.label, node.kind !== 'code'), children };
  };
  const roots = maps.map((root) => {
    const placed = place(root, 0);
    nextY += LINE;
    return placed;
  });
  const width = Math.ceil((xs[xs.length - 1] ?? 0) + (widths[widths.length - 1] ?? 0) + 10);
  const height = Math.ceil(nextY);
  const parts: string[] = [];
  const draw = (p: Placed) => {
    const h = LINE - 6;
    for (const c of p.children) {
      const x1 = p.x + p.width;
      const y1 = p.y + h / 2;
      const x2 = c.x;
      const y2 = c.y + h / 2;
      const mx = (x1 + x2) / 2;
      parts.push(`<path d="M${x1} ${y1}C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}" fill="none" stroke="#999" stroke-width="1"/>`);
    }
    const fill = p.node.kind === 'root' ? '#333' : p.node.kind === 'code' ? '#fff' : '#e8e8e8';
    const colour = p.node.kind === 'root' ? '#fff' : '#111';
    const weight = p.node.kind === 'code' ? 'normal' : 'bold';
    parts.push(`<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${h}" rx="4" fill="${fill}" stroke="#666" stroke-width="0.8"/>`);
    parts.push(`<text x="${p.x + PAD}" y="${p.y + h / 2 + FONT * 0.35}" font-size="${FONT}" font-weight="${weight}" fill="${colour}">${escapeHtml(p.node.label)}</text>`);
    for (const c of p.children) draw(c);
  };
  for (const r of roots) draw(r);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width, height };
}
