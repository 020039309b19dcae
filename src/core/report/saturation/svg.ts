/**
 * The saturation figure for a thesis, as SVG written by hand: new codes per interview as grey bars
 * (left axis), cumulative codes as a black line with white dots (right axis), the saturation point
 * of each method reported as a vertical line (dashed, dotted) with its label. Black, white and
 * greys only, so that it prints in black and white; labels in the study's language; one panel per
 * group. No title: the thesis gives the figure its caption.
 */
import type { SaturationAnalysis, SaturationReport } from '../../analysis/saturation/saturation.js';
import type { Language } from '../../types.js';
import { formatNumber } from '../numbers.js';
import { interviews, quoted, unitPlural } from './words.js';

export const FIGURE_FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

const W = 720;
const PLOT_HEIGHT = 270;
const LEGEND_ROW = 20;
const M = { left: 64, right: 72 };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** A round axis maximum and step for integer counts: 0, 5, 10… or 0, 2, 4… */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

export interface FigureLabels {
  newAxis: string;
  cumulativeAxis: string;
  xAxis: string;
}

export function figureLabels(report: SaturationReport, language: Language): FigureLabels {
  const fr = language === 'fr';
  const unit = unitPlural(report.level, language);
  // Chronological only when every interview was placed by its date; in the study's order when
  // `order` in codage.yaml placed some; else by their ids.
  const bases = new Set(report.analyses.flatMap((a) => a.interviews.map((i) => i.orderBasis)));
  const axis = bases.has('id') ? 'ids' : bases.has('order') ? 'order' : 'dates';
  const xAxis = fr
    ? { dates: 'Entretiens, dans l’ordre chronologique', order: 'Entretiens, dans l’ordre de l’étude (codage.yaml)', ids: 'Entretiens, dans l’ordre de leurs identifiants' }[axis]
    : { dates: 'Interviews, in chronological order', order: 'Interviews, in the study’s order (codage.yaml)', ids: 'Interviews, in the order of their ids' }[axis];
  return fr
    ? { newAxis: `Nouveaux ${unit}`, cumulativeAxis: `${unit === 'codes' ? 'Codes' : 'Thèmes'} cumulés`, xAxis }
    : { newAxis: `New ${unit}`, cumulativeAxis: `Cumulative ${unit}`, xAxis };
}

/** Saturation points to draw: one line per interview, its label naming every method that reached it there. */
export function saturationMarks(report: SaturationReport, a: SaturationAnalysis, language: Language): { rank: number; label: string; dash: string }[] {
  const fr = language === 'fr';
  const marks: { rank: number; label: string; dash: string }[] = [];
  if (report.methods.includes('guest') && a.guest.saturation) {
    marks.push({ rank: a.guest.saturation.after, label: `Saturation ${a.guest.saturation.label} (Guest et al. 2020)`, dash: '7 4' });
  }
  if (report.methods.includes('stopping') && a.stopping.metAt !== null) {
    const p = a.stopping.parameters;
    const label = fr ? `Règle d’arrêt ${p.initial}+${p.stop}` : `Stopping rule ${p.initial}+${p.stop}`;
    const same = marks.find((m) => m.rank === a.stopping.metAt);
    if (same) same.label += ` · ${label}`;
    else marks.push({ rank: a.stopping.metAt, label, dash: '2 3' });
  }
  return marks;
}

/** The reported methods that did not reach saturation in this analysis, as legend texts. */
function notReached(report: SaturationReport, a: SaturationAnalysis, language: Language): string[] {
  const fr = language === 'fr';
  const out: string[] = [];
  if (report.methods.includes('guest') && !a.guest.saturation) out.push(fr ? 'Saturation non atteinte (Guest et al. 2020)' : 'Saturation not reached (Guest et al. 2020)');
  if (report.methods.includes('stopping') && a.stopping.metAt === null) {
    const p = a.stopping.parameters;
    out.push(fr ? `Règle d’arrêt ${p.initial}+${p.stop} non atteinte` : `Stopping rule ${p.initial}+${p.stop} not met`);
  }
  return out;
}

/** Approximate width of a label in the figure's sans-serif font (12 px unless said). */
function textWidth(text: string, size = 12): number {
  let units = 0;
  for (const ch of text) units += /[ il.,:;'’|!]/.test(ch) ? 0.3 : /[mwMW—]/.test(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.68 : 0.56;
  return units * size;
}

function legendRowCount(labels: string[], room: number): number {
  let rows = 1;
  let x = 0;
  for (const label of labels) {
    const w = 32 + textWidth(label) + 18;
    if (x > 0 && x + w > room) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** The panel for one analysis, from `top`; returns its elements and its height. */
function panel(report: SaturationReport, a: SaturationAnalysis, language: Language, top: number): { elements: string[]; height: number } {
  const labels = figureLabels(report, language);
  const n = a.interviews.length;
  const marks = saturationMarks(report, a, language);
  const x0 = M.left;
  const x1 = W - M.right;
  const ids = n <= 40;
  const legendTop = top + (a.group === null ? 22 : 46);
  const legendRows = legendRowCount([labels.newAxis, labels.cumulativeAxis, ...marks.map((m) => m.label), ...notReached(report, a, language)], x1 - x0);
  const y1 = legendTop + (legendRows - 1) * LEGEND_ROW + 18;
  // Slanted ids take room under the axis in proportion to the longest one.
  const tickRoom = ids ? 16 + Math.max(...a.interviews.map((i) => textWidth(i.participant, 11))) * 0.72 : 24;
  const y0 = y1 + PLOT_HEIGHT;
  const band = (x1 - x0) / Math.max(1, n);
  const cx = (rank: number) => x0 + band * (rank - 0.5);
  const newScale = niceScale(Math.max(0, ...a.interviews.map((i) => i.newCodes.length)));
  const cumScale = niceScale(a.final);
  const yNew = (v: number) => y0 - ((y0 - y1) * v) / newScale.top;
  const yCum = (v: number) => y0 - ((y0 - y1) * v) / cumScale.top;
  const out: string[] = [];
  const text = (x: number, y: number, body: string, attrs = '') => `<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${esc(body)}</text>`;

  if (a.group !== null) {
    const title = language === 'fr' ? `Groupe ${quoted(a.group, language)} (${report.by}), ${interviews(n, language)}` : `Group ${quoted(a.group, language)} (${report.by}), ${interviews(n, language)}`;
    out.push(text(x0, top + 24, title, 'font-size="14" font-weight="bold"'));
  }

  // Legend above the plot, on as many rows as it needs.
  const items: { swatch: (x: number, y: number) => string[]; label: string }[] = [
    { swatch: (x, y) => [`<rect x="${num(x)}" y="${num(y - 9)}" width="24" height="10" fill="#d0d0d0" stroke="#000" stroke-width="0.8"/>`], label: labels.newAxis },
    {
      swatch: (x, y) => [`<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 24)}" y2="${num(y - 4)}" stroke="#000" stroke-width="2"/>`, `<circle cx="${num(x + 12)}" cy="${num(y - 4)}" r="3.5" fill="#fff" stroke="#000" stroke-width="1.5"/>`],
      label: labels.cumulativeAxis,
    },
    ...marks.map((mark) => ({
      swatch: (x: number, y: number) => [`<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 24)}" y2="${num(y - 4)}" stroke="#000" stroke-width="1.5" stroke-dasharray="${mark.dash}"/>`],
      label: mark.label,
    })),
    // A method that was not met is said too: a figure without its line could be misread.
    ...notReached(report, a, language).map((label) => ({ swatch: (): string[] => [], label })),
  ];
  let lx = x0;
  let ly = legendTop;
  for (const item of items) {
    const hasSwatch = item.swatch(0, 0).length > 0;
    const itemWidth = (hasSwatch ? 32 : 0) + textWidth(item.label) + 18;
    if (lx > x0 && lx + itemWidth > x1) {
      lx = x0;
      ly += LEGEND_ROW;
    }
    if (hasSwatch) out.push(...item.swatch(lx, ly), text(lx + 32, ly, item.label));
    else out.push(text(lx, ly, item.label, 'font-style="italic"'));
    lx += itemWidth;
  }

  // Grid and axes.
  for (let v = 0; v <= newScale.top; v += newScale.step) {
    const y = yNew(v);
    if (v > 0) out.push(`<line x1="${x0}" y1="${num(y)}" x2="${x1}" y2="${num(y)}" stroke="#e6e6e6" stroke-width="0.8"/>`);
    out.push(`<line x1="${x0 - 5}" y1="${num(y)}" x2="${x0}" y2="${num(y)}" stroke="#000"/>`, text(x0 - 8, y + 4, formatNumber(v, language), 'text-anchor="end"'));
  }
  for (let v = 0; v <= cumScale.top; v += cumScale.step) {
    const y = yCum(v);
    out.push(`<line x1="${x1}" y1="${num(y)}" x2="${x1 + 5}" y2="${num(y)}" stroke="#000"/>`, text(x1 + 8, y + 4, formatNumber(v, language)));
  }

  // Bars, then the cumulative line on top.
  const barWidth = Math.max(1, Math.min(44, band * 0.62));
  for (const i of a.interviews) {
    const h = y0 - yNew(i.newCodes.length);
    if (h > 0) out.push(`<rect x="${num(cx(i.rank) - barWidth / 2)}" y="${num(yNew(i.newCodes.length))}" width="${num(barWidth)}" height="${num(h)}" fill="#d0d0d0" stroke="#000" stroke-width="0.8"/>`);
  }
  const points = a.interviews.map((i) => `${num(cx(i.rank))},${num(yCum(i.cumulative))}`).join(' ');
  out.push(`<polyline points="${points}" fill="none" stroke="#000" stroke-width="2" stroke-linejoin="round"/>`);
  const r = n > 60 ? 0 : n > 30 ? 2.5 : 3.5;
  if (r > 0) for (const i of a.interviews) out.push(`<circle cx="${num(cx(i.rank))}" cy="${num(yCum(i.cumulative))}" r="${r}" fill="#fff" stroke="#000" stroke-width="1.5"/>`);

  // Saturation points: a vertical line through the interview (named in the legend).
  for (const mark of marks) {
    const x = cx(mark.rank);
    out.push(`<line x1="${num(x)}" y1="${y0}" x2="${num(x)}" y2="${y1}" stroke="#000" stroke-width="1.5" stroke-dasharray="${mark.dash}"/>`);
  }

  // Axes last, over the bars.
  out.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="#000"/>`, `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}" stroke="#000"/>`, `<line x1="${x1}" y1="${y0}" x2="${x1}" y2="${y1}" stroke="#000"/>`);

  // Interviews: their ids when they fit (slanted), else every few ranks.
  const step = ids ? 1 : niceScale(n, 12).step;
  for (const i of a.interviews) {
    if (!ids && i.rank % step !== 0 && i.rank !== 1) continue;
    const x = cx(i.rank);
    out.push(`<line x1="${num(x)}" y1="${y0}" x2="${num(x)}" y2="${y0 + 4}" stroke="#000"/>`);
    if (ids) out.push(text(x + 3, y0 + 14, i.participant, `font-size="11" text-anchor="end" transform="rotate(-45 ${num(x + 3)} ${num(y0 + 14)})"`));
    else out.push(text(x, y0 + 17, String(i.rank), 'text-anchor="middle"'));
  }
  out.push(text((x0 + x1) / 2, y0 + tickRoom + 18, labels.xAxis, 'text-anchor="middle"'));
  const my = (y0 + y1) / 2;
  out.push(text(18, my, labels.newAxis, `text-anchor="middle" transform="rotate(-90 18 ${num(my)})"`));
  out.push(text(W - 14, my, labels.cumulativeAxis, `text-anchor="middle" transform="rotate(90 ${W - 14} ${num(my)})"`));
  return { elements: out, height: Math.ceil(y0 + tickRoom + 34 - top) };
}

/** The figure as a standalone SVG document (one panel per analysis, one under the other). */
export function saturationSvg(report: SaturationReport, language: Language, description = ''): string {
  const body: string[] = [];
  let height = 0;
  for (const a of report.analyses) {
    const p = panel(report, a, language, height);
    body.push(...p.elements);
    height += p.height;
  }
  if (report.analyses.length === 0) {
    height = 200;
    body.push(`<text x="${W / 2}" y="100" text-anchor="middle">${esc(language === 'fr' ? 'Aucun entretien codé' : 'No coded interview')}</text>`);
  }
  const title = language === 'fr' ? `Saturation des ${unitPlural(report.level, language)}` : `${report.level === 'code' ? 'Code' : 'Theme'} saturation`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="${FIGURE_FONT}" font-size="12" fill="#000">`,
    `<title>${esc(title)}</title>`,
    ...(description ? [`<desc>${esc(description)}</desc>`] : []),
    `<rect width="${W}" height="${height}" fill="#fff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
