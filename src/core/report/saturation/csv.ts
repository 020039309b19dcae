/**
 * The saturation table as CSV (RFC 4180, UTF-8, `\n`), one row per interview, for a spreadsheet,
 * R or a thesis appendix; and the numbers-only CSV that the pgfplots figure reads.
 */
import { stringify } from 'csv-stringify/sync';
import type { SaturationAnalysis, SaturationReport } from '../../analysis/saturation/saturation.js';

/** Shares as percentages with one decimal, written with a point (machine-readable). */
function percentOf(share: number): string {
  return (Math.round(share * 1000) / 10).toFixed(1);
}

export function saturationCsv(report: SaturationReport): string {
  const withGroup = report.by !== null;
  const header = [
    ...(withGroup ? ['group'] : []),
    'rank',
    'participant',
    'date',
    'codings',
    report.level === 'code' ? 'codes' : 'themes',
    'new',
    'cumulative',
    'percent_of_final',
    report.level === 'code' ? 'new_codes' : 'new_themes',
  ];
  const rows = report.analyses.flatMap((a) =>
    a.interviews.map((i) => [
      ...(withGroup ? [a.group ?? ''] : []),
      i.rank,
      i.participant,
      i.date ?? '',
      i.codings.join(' + '),
      i.used,
      i.newCodes.length,
      i.cumulative,
      percentOf(i.share),
      i.newCodes.map((c) => c.name).join('; '),
    ]),
  );
  return stringify([header, ...rows], { record_delimiter: '\n' });
}

/** rank,new,cumulative,percent_of_final: what pgfplots reads (no text, no quotes). */
export function pgfplotsData(a: SaturationAnalysis): string {
  const lines = ['rank,new,cumulative,percent_of_final'];
  for (const i of a.interviews) lines.push(`${i.rank},${i.newCodes.length},${i.cumulative},${percentOf(i.share)}`);
  return `${lines.join('\n')}\n`;
}
