/**
 * What the themes screen draws, as lines of text that fit their width: the frame's layout for a
 * terminal size, a pane's rows, the side panel. Pure; styles come from chalk (so NO_COLOR drops
 * them) and never carry meaning alone: the cursor is `›`, a mark `●`. Text from the study is
 * escaped (core/text/terminal.ts) before it is measured.
 */
import chalk from 'chalk';
import { textWidth } from '../../core/text/width.js';
import { themePath } from '../../core/codebook/query.js';
import { entryCount, latestEntry, memoOf } from '../../core/memo/memo.js';
import { quoted } from '../../core/report/quotes.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { CodebookNode, Language } from '../../core/types.js';
import { layoutText } from '../layout.js';
import { truncate } from '../line-fit.js';
import type { Pane, Row, ThemesData, ThemesState } from './state.js';
import type { ThemesStrings } from './strings.js';

export type Column = { kind: Pane | 'panel'; width: number };

export interface ThemesLayout {
  /** Rows of the whole frame (one short of the terminal, as the other screens). */
  frame: number;
  /** Rows between the header (and its rule) and the status bar. */
  body: number;
  /** Rows of the panes (the rest of the body holds the picker or the prompt). */
  panes: number;
  bottom: number;
  /** The columns side by side, separated by one-column rules. */
  columns: Column[];
}

/**
 * The layout for a terminal of `columns` × `rows`: two panes side by side (the side panel as a
 * third column from 100 columns, in place of the other pane below that); under 60 columns one
 * pane at a time (Tab switches), and the side panel in its place.
 */
export function themesLayout(columns: number, rows: number, state: Pick<ThemesState, 'mode' | 'panel' | 'pane'>): ThemesLayout {
  const frame = Math.max(8, rows - 1);
  const body = Math.max(3, frame - 4);
  const bottom = state.mode === 'picker' ? Math.min(12, Math.max(5, Math.floor(body * 0.5))) : state.mode === 'prompt' ? 2 : 0;
  const panes = Math.max(2, body - bottom);
  const w = Math.max(20, columns);
  let cols: Column[];
  if (w >= 100) {
    const a = Math.floor((w - (state.panel ? 2 : 1)) * (state.panel ? 0.28 : 0.4));
    const b = state.panel ? Math.floor((w - 2) * 0.36) : w - 1 - a;
    cols = [
      { kind: 'ungrouped', width: a },
      { kind: 'tree', width: b },
    ];
    if (state.panel) cols.push({ kind: 'panel', width: w - 2 - a - b });
  } else if (w >= 60) {
    if (state.panel) {
      const a = Math.floor((w - 1) / 2);
      cols = [
        { kind: state.pane, width: a },
        { kind: 'panel', width: w - 1 - a },
      ];
    } else {
      const a = Math.floor((w - 1) * 0.4);
      cols = [
        { kind: 'ungrouped', width: a },
        { kind: 'tree', width: w - 1 - a },
      ];
    }
  } else {
    cols = [{ kind: state.panel ? 'panel' : state.pane, width: w }];
  }
  return { frame, body, panes, bottom, columns: cols };
}

/** `text` padded with spaces (or cut with `…`) to exactly `width` columns. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** The counts column: `n/N refs`, right-aligned, as wide for every row of the screen. */
export function countsWidth(state: ThemesState): number {
  let refs = 1;
  for (const pane of ['ungrouped', 'tree'] as const) for (const r of state.rows[pane]) refs = Math.max(refs, String(r.references).length);
  const N = String(state.data.participants).length;
  return 2 * N + 1 + 1 + refs;
}

/** `n/N refs` in `width` columns (countsWidth): two columns, each right-aligned, n/N as wide as N/N. */
export function countsCell(n: number, N: number, references: number, width: number): string {
  const nWidth = 2 * String(N).length + 1;
  return `${`${n}/${N}`.padStart(nWidth)} ${String(references).padStart(width - nWidth - 1)}`;
}

/**
 * Lines already drawn, per row: a row object stays the same until the codebook or the folds
 * change, and a key mostly changes two rows (the cursor's), so the others are not measured again.
 */
const drawn = new WeakMap<Row, Map<string, string>>();

/** One row of a pane, styled, exactly `width` columns wide. */
export function rowLine(row: Row, state: ThemesState, opts: { width: number; current: boolean; active: boolean; counts: number; strings: ThemesStrings }): string {
  const marked = state.marked.includes(row.id);
  const key = `${opts.width}|${opts.current}|${opts.active}|${marked}|${opts.counts}|${state.data.participants}|${opts.strings.notInCodebook}|${chalk.level}`;
  let lines = drawn.get(row);
  if (lines === undefined) drawn.set(row, (lines = new Map()));
  let line = lines.get(key);
  if (line === undefined) {
    line = drawRow(row, state.data.participants, marked, opts);
    lines.set(key, line);
  }
  return line;
}

function drawRow(row: Row, participants: number, marked: boolean, opts: { width: number; current: boolean; active: boolean; counts: number; strings: ThemesStrings }): string {
  const { width, current, active, counts } = opts;
  const cursor = current ? (active ? '›' : '·') : ' ';
  const mark = marked ? '●' : ' ';
  const indent = '  '.repeat(row.depth);
  const glyph = row.kind === 'theme' ? (row.children === 0 ? '▹ ' : row.collapsed ? '▸ ' : '▾ ') : '';
  const showCounts = width >= 28;
  const right = showCounts ? countsCell(row.participants, participants, row.references, counts) : '';
  const flag = row.inCodebook ? '' : ` (${opts.strings.notInCodebook})`;
  const nameRoom = Math.max(1, width - 3 - textWidth(indent) - textWidth(glyph) - (showCounts ? counts + 1 : 0));
  const name = fit(`${terminalSafe(row.name)}${flag}`, nameRoom);
  let styledName = row.kind === 'theme' ? chalk.bold(name) : name;
  if (!row.inCodebook) styledName = chalk.red(name);
  else if (marked) styledName = chalk.yellow(styledName);
  const styledRight = showCounts ? ` ${row.references === 0 ? chalk.dim(right) : right}` : '';
  const line = `${cursor}${mark} ${indent}${glyph}${styledName}${styledRight}`;
  if (current && active) return chalk.inverse(line);
  return current ? chalk.bold(line) : line;
}

/** A pane's title line. */
export function paneTitle(pane: Pane, state: ThemesState, strings: ThemesStrings, width: number): string {
  const active = state.pane === pane;
  const text = pane === 'ungrouped' ? strings.ungroupedTitle(state.rows.ungrouped.length) : strings.treeTitle(state.themes.length);
  const line = fit(`${active ? '» ' : '  '}${text}`, width);
  return active ? chalk.bold.cyan(line) : chalk.dim(line);
}

/** The text (escaped, line breaks as spaces) wrapped at word boundaries in `width` columns. */
function wrapped(text: string, width: number): string[] {
  const flat = terminalSafe(text).replace(/\s*\n\s*/g, ' ').trim();
  const layout = layoutText(flat, width);
  const lines: string[] = [];
  for (let r = 0; r < layout.count; r++) lines.push(flat.slice(layout.rowStart[r] ?? 0, layout.rowEnd[r] ?? 0).trim());
  return lines.length === 0 ? [''] : lines;
}

function field(label: string, value: string | undefined, strings: ThemesStrings, width: number): string[] {
  if (value === undefined || value.trim() === '') return [];
  const lines = wrapped(`${label}${strings.colon} ${value}`, width);
  const head = `${label}${strings.colon}`;
  return lines.map((l, i) => (i === 0 && l.startsWith(head) ? chalk.bold(head) + l.slice(head.length) : l));
}

function codesUnder(node: CodebookNode): CodebookNode[] {
  return node.children.flatMap((c) => (c.kind === 'code' ? [c] : codesUnder(c)));
}

/**
 * The side panel's lines for the item under the cursor, `width` columns wide: a code's
 * definition, include, exclude, memo and every quote (exact transcript text, its participant's
 * label); a theme's description, memo and its codes with their counts.
 */
export function panelLines(
  data: ThemesData,
  language: Language,
  row: Row | undefined,
  strings: ThemesStrings,
  width: number,
  limit = Infinity,
): { lines: string[]; complete: boolean } {
  if (row === undefined) return { lines: [], complete: true };
  const w = Math.max(8, width - 1);
  const node = data.codebook.byId.get(row.id);
  const lines: string[] = [];
  lines.push(...wrapped(row.name, w).map((l) => chalk.bold(l)));
  const path = themePath(data.codebook, row.id).map((t) => t.name);
  if (path.length > 0) lines.push(...wrapped(path.join(' › '), w).map((l) => chalk.dim(l)));
  lines.push(chalk.dim(truncate(`${strings.participants(row.participants, data.participants)} · ${strings.references(row.references)}`, w)));
  const memoFile = data.memos === undefined ? undefined : memoOf(data.memos, { kind: row.kind, id: row.id });
  const entries = memoFile === undefined ? 0 : entryCount(memoFile.text);
  const memo = memoFile === undefined ? undefined : `${latestEntry(memoFile.text)}${entries > 1 ? ` ${strings.memoEntries(entries)}` : ''}`;
  if (row.kind === 'code') {
    lines.push('');
    if (node !== undefined) {
      lines.push(...field(strings.definition, node.definition ?? node.description, strings, w));
      lines.push(...field(strings.include, node.include, strings, w));
      lines.push(...field(strings.exclude, node.exclude, strings, w));
    }
    lines.push(...field(strings.memo, memo, strings, w));
    const quotes = data.quotes.get(row.id) ?? [];
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(chalk.bold(truncate(strings.quotes(quotes.length), w)));
    if (quotes.length === 0) lines.push(chalk.dim(truncate(strings.noQuote, w)));
    for (const [i, quote] of quotes.entries()) {
      if (lines.length >= limit) return { lines, complete: false };
      if (i > 0) lines.push('');
      lines.push(...wrapped(`${quoted(quote.text, language)} ${quote.label}`, w));
    }
    return { lines, complete: true };
  }
  if (node !== undefined) {
    const description = field(strings.description, node.description ?? node.definition, strings, w);
    if (description.length > 0) lines.push('', ...description);
  }
  const memoLines = field(strings.memo, memo, strings, w);
  if (memoLines.length > 0) lines.push('', ...memoLines);
  const codes = node === undefined ? [] : codesUnder(node);
  lines.push('', chalk.bold(truncate(strings.themeCodes(codes.length), w)));
  if (codes.length === 0) lines.push(chalk.dim(truncate(strings.emptyTheme, w)));
  const N = data.participants;
  for (const code of codes) {
    if (lines.length >= limit) return { lines, complete: false };
    const tally = data.tally.get(code.id);
    const counts = `${tally?.participants.size ?? 0}/${N} · ${tally?.references ?? 0}`;
    const room = Math.max(1, w - textWidth(counts) - 3);
    lines.push(`  ${fit(terminalSafe(code.name), room)} ${counts}`);
  }
  return { lines, complete: true };
}
