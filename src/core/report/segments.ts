import { themePath } from '../codebook/query.js';
import { compareNatural } from '../natural-sort.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import { OffsetMap } from '../text/offsets.js';
import type { Codebook } from '../types.js';

/** One row per segment and code, as `codage segments` prints it. */
export interface SegmentRow {
  coder: string;
  participant: string;
  segment: string;
  theme: string;
  code: string;
  code_id: string;
  /** Code point offsets into the transcript text, as today. */
  start: number;
  end: number;
  text: string;
  memo: string;
  exemplary: boolean;
  status: string;
}

export const SEGMENT_COLUMNS: (keyof SegmentRow)[] = [
  'coder', 'participant', 'segment', 'theme', 'code', 'code_id', 'start', 'end', 'text', 'memo', 'exemplary', 'status',
];

export interface SegmentFilter {
  coder?: string;
  participant?: string;
  /** Code id. */
  code?: string;
}

/** Rows sorted by coder, participant (natural order), start, end, code. */
export function segmentRows(segments: AnchoredSegment[], codebook: Codebook, filter: SegmentFilter = {}): SegmentRow[] {
  const maps = new Map<string, OffsetMap>();
  const paths = new Map<string, string>();
  const pathOf = (id: string) => {
    let path = paths.get(id);
    if (path === undefined) {
      path = themePath(codebook, id).map((node) => node.name).join(' > ');
      paths.set(id, path);
    }
    return path;
  };
  const rows: SegmentRow[] = [];
  const sorted = [...segments].sort(
    (a, b) =>
      compareNatural(a.coder, b.coder) ||
      compareNatural(a.segment.participant, b.segment.participant) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0),
  );
  for (const a of sorted) {
    if (filter.coder !== undefined && a.coder !== filter.coder) continue;
    if (filter.participant !== undefined && a.segment.participant !== filter.participant) continue;
    let map = maps.get(a.transcript.id);
    if (!map) maps.set(a.transcript.id, (map = new OffsetMap(a.transcript.text)));
    const placed = a.status !== 'unplaced';
    const start = placed ? map.toCodePoint(a.start) : a.segment.start;
    const end = placed ? map.toCodePoint(a.end) : a.segment.end;
    for (const codeId of a.segment.codes) {
      if (filter.code !== undefined && codeId !== filter.code) continue;
      rows.push({
        coder: a.coder,
        participant: a.segment.participant,
        segment: a.segment.id,
        theme: pathOf(codeId),
        code: codebook.byId.get(codeId)?.name ?? codeId,
        code_id: codeId,
        start,
        end,
        text: a.text,
        memo: a.segment.memo ?? '',
        exemplary: a.segment.exemplary === true,
        status: a.status,
      });
    }
  }
  return rows;
}
