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
const LINE_HEIGHT = 15;
const GAP_Y = 6;
const GAP_X = 28;
const PAD = 6;
/** Labels longer than this wrap onto several lines. */
const WRAP = 30;

/** Width of a line of text in pixels, estimated (the SVG is drawn without measuring fonts). */
function textWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += /[A-ZÀ-ÝŒ]/.test(ch) ? 8.8 : /[mwMW]/.test(ch) ? 10.4 : /[il.,;:'’ ]/.test(ch) ? 4 : 7.1;
  return Math.ceil(w * (bold ? 1.12 : 1) * (FONT / 12));
}

/** A label cut at spaces into lines of at most WRAP characters. */
function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > WRAP) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

interface Placed {
  node: MapNode;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  children: Placed[];
}

export function renderSvg(maps: MapNode[]): { svg: string; width: number; height: number } {
  const boxWidth = (node: MapNode) => Math.max(...wrapLabel(node.label).map((l) => textWidth(l, node.kind !== 'code'))) + 2 * PAD;
  // Column widths per depth, shared by all maps so they line up.
  const widths: number[] = [];
  const measure = (node: MapNode, depth: number) => {
    widths[depth] = Math.max(widths[depth] ?? 0, boxWidth(node));
    for (const child of node.children) measure(child, depth + 1);
  };
  for (const root of maps) measure(root, 0);
  const xs: number[] = [];
  for (let i = 0; i < widths.length; i++) xs.push(i === 0 ? 10 : xs[i - 1]! + widths[i - 1]! + GAP_X);
  let nextY = 10;
  const place = (node: MapNode, depth: number): Placed => {
    const lines = wrapLabel(node.label);
    const height = lines.length * LINE_HEIGHT + 6;
    const base = { node, lines, x: xs[depth]!, width: boxWidth(node), height };
    if (node.children.length === 0) {
      const y = nextY;
      nextY += height + GAP_Y;
      return { ...base, y, children: [] };
    }
    const children = node.children.map((c) => place(c, depth + 1));
    const first = children[0]!;
    const last = children[children.length - 1]!;
    const centre = (first.y + first.height / 2 + last.y + last.height / 2) / 2;
    const y = centre - height / 2;
    // A parent taller than its children pushes what follows down.
    nextY = Math.max(nextY, y + height + GAP_Y);
    return { ...base, y, children };
  };
  const roots = maps.map((root) => {
    const placed = place(root, 0);
    nextY += 2 * LINE_HEIGHT;
    return placed;
  });
  const top = Math.min(0, ...roots.map((r) => r.y - 10));
  const width = Math.ceil((xs[xs.length - 1] ?? 0) + (widths[widths.length - 1] ?? 0) + 10);
  const height = Math.ceil(nextY - 2 * LINE_HEIGHT + 4 - top);
  const parts: string[] = [];
  const draw = (p: Placed) => {
    for (const c of p.children) {
      const x1 = p.x + p.width;
      const y1 = p.y + p.height / 2 - top;
      const x2 = c.x;
      const y2 = c.y + c.height / 2 - top;
      const mx = (x1 + x2) / 2;
      parts.push(`<path d="M${x1} ${y1.toFixed(1)}C${mx} ${y1.toFixed(1)} ${mx} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}" fill="none" stroke="#999" stroke-width="1"/>`);
    }
    const fill = p.node.kind === 'root' ? '#333' : p.node.kind === 'code' ? '#fff' : '#e8e8e8';
    const colour = p.node.kind === 'root' ? '#fff' : '#111';
    const weight = p.node.kind === 'code' ? 'normal' : 'bold';
    const y = p.y - top;
    parts.push(`<rect x="${p.x}" y="${y.toFixed(1)}" width="${p.width}" height="${p.height}" rx="4" fill="${fill}" stroke="#666" stroke-width="0.8"/>`);
    p.lines.forEach((line, i) => {
      parts.push(`<text x="${p.x + PAD}" y="${(y + 3 + (i + 1) * LINE_HEIGHT - 4).toFixed(1)}" font-size="${FONT}" font-weight="${weight}" fill="${colour}">${escapeHtml(line)}</text>`);
    });
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
