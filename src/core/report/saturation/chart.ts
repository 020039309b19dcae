/**
 * The saturation curve drawn with characters, for the terminal: new codes per interview as bars
 * (left axis), the cumulative count as dots (right axis), the saturation points marked under the
 * interview axis. Plain characters only, so it reads the same without colour and fits the given
 * width (80 columns and up); more interviews than columns are grouped, and the chart says so.
 */
import type { Language } from '../../types.js';
import { formatNumber } from '../numbers.js';

export interface ChartInput {
  /** New codes per interview, in interview order. */
  newCodes: number[];
  /** Cumulative codes per interview. */
  cumulative: number[];
  /** Points to mark under the axis: rank (1-based) and a short label. */
  marks: { rank: number; label: string }[];
  language: Language;
  /** Columns available (at least 40). */
  width: number;
  /** Rows of the plot area. */
  height?: number;
}

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const DOT = '●';

function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

/** Half of an axis maximum: a whole number when it is one, else one decimal. */
function formatHalf(max: number, language: Language): string {
  return formatNumber(max / 2, language, max % 2 === 0 ? 0 : 1);
}

export function saturationChart(input: ChartInput): string[] {
  const { newCodes, cumulative, language } = input;
  const fr = language === 'fr';
  const n = newCodes.length;
  if (n === 0) return [];
  const height = input.height ?? 10;
  const final = cumulative[n - 1] ?? 0;
  const maxNew = Math.max(1, ...newCodes);
  const left = String(maxNew).length + 3;
  const right = String(final).length + 3;
  const plotWidth = Math.max(10, input.width - left - right - 2);

  // Columns: one per interview, or `per` interviews grouped into one.
  const per = Math.ceil(n / plotWidth);
  const columns = Math.ceil(n / per);
  const cellWidth = Math.max(1, Math.min(4, Math.floor(plotWidth / columns)));
  const barWidth = cellWidth >= 3 ? cellWidth - 1 : cellWidth;
  const bars: number[] = [];
  const totals: number[] = [];
  for (let c = 0; c < columns; c++) {
    const from = c * per;
    const to = Math.min(n, from + per);
    bars.push(newCodes.slice(from, to).reduce((a, b) => a + b, 0));
    totals.push(cumulative[to - 1] ?? 0);
  }
  const barMax = Math.max(1, ...bars);

  const rows: string[][] = Array.from({ length: height }, () => Array.from({ length: columns * cellWidth }, () => ' '));
  for (let c = 0; c < columns; c++) {
    const eighths = bars[c]! === 0 ? 0 : Math.max(1, Math.round((bars[c]! / barMax) * height * 8));
    for (let k = 0; k < height; k++) {
      const fill = Math.max(0, Math.min(8, eighths - 8 * k));
      for (let x = 0; x < barWidth; x++) rows[height - 1 - k]![c * cellWidth + x] = EIGHTHS[fill]!;
    }
    // The cumulative dot: in the row whose level is nearest its value (row k stands for
    // (k+1)/height of the final count, as the right axis reads). Rounding up drew 21 of 23 on the
    // 23 row, so that the 2 codes that came next seemed to add nothing.
    const k = final === 0 || totals[c]! === 0 ? 0 : Math.min(height - 1, Math.max(0, Math.round((totals[c]! / final) * height) - 1));
    rows[height - 1 - k]![c * cellWidth] = DOT;
  }

  // Row k (from the bottom) stands for (k+1)/height of the maximum: the top row is labelled with
  // the maximum, the middle one with half of it.
  const middle = Math.floor(height / 2) - 1;
  const label = (k: number, max: number) => (k === height - 1 ? String(max) : k === middle ? formatHalf(max, language) : '');
  const out: string[] = [];
  const legend = fr
    ? `${per > 1 ? `Nouveaux codes par groupe de ${per} entretiens` : 'Nouveaux codes par entretien'} (barres, à gauche) ; codes cumulés (${DOT}, à droite)`
    : `New codes ${per > 1 ? `per ${per} interviews` : 'per interview'} (bars, left); cumulative codes (${DOT}, right)`;
  // The legend on one line, or cut after its semicolon on a narrow terminal.
  if ([...legend].length <= input.width) out.push(legend);
  else out.push(...legend.split(/(?<=;) /));
  for (let r = 0; r < height; r++) {
    const k = height - 1 - r;
    const l = label(k, barMax);
    const rt = label(k, final);
    out.push(`${pad(l, left - 1, true)} ${l !== '' ? '┤' : '│'}${rows[r]!.join('')}${rt !== '' ? '├' : '│'} ${rt}`.trimEnd());
  }
  const axisWidth = columns * cellWidth;
  out.push(`${pad('0', left - 1, true)} └${'─'.repeat(axisWidth)}┘ 0`);

  // Interview numbers under the columns, every `step` columns so that they never touch.
  const labels = Array.from({ length: axisWidth + String(n).length + 1 }, () => ' ');
  const step = Math.max(1, Math.ceil((String(n).length + 1) / cellWidth));
  let freeFrom = 0;
  for (let c = 0; c < columns; c++) {
    if (c % step !== 0 && c !== columns - 1) continue;
    const text = String(per === 1 ? c + 1 : Math.min(n, (c + 1) * per));
    const at = c * cellWidth;
    if (at < freeFrom) continue;
    for (const [i, ch] of [...text].entries()) labels[at + i] = ch;
    freeFrom = at + text.length + 1;
  }
  out.push(`${' '.repeat(left + 1)}${labels.join('').trimEnd()}`);
  const xTitle = fr ? 'entretiens, dans l’ordre' : 'interviews, in order';
  out.push(`${' '.repeat(left + 1)}${pad('', Math.max(0, Math.floor((axisWidth - xTitle.length) / 2)))}${xTitle}`);

  // One line per saturation point: ▲ under its column, then the label (or before it, near the right edge).
  for (const mark of input.marks) {
    if (mark.rank < 1 || mark.rank > n) continue;
    const c = Math.ceil(mark.rank / per) - 1;
    const at = left + 1 + c * cellWidth;
    const text = `▲ ${mark.label}`;
    if (at + text.length <= input.width) out.push(`${' '.repeat(at)}${text}`);
    else if (mark.label.length + 2 <= at + 1) out.push(pad(`${mark.label} ▲`, at + 1, true));
    else out.push(`${' '.repeat(at)}▲`, mark.label);
  }
  return out;
}
