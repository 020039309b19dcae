/**
 * Choosing among several equally good places of a quote by the spreadsheet's row order:
 * researchers often list a participant's verbatims in reading order.
 */
import type { Span } from '../types.js';
import { chooseSpan } from '../anchoring/locate.js';
import type { ImportRowResult } from './plan.js';

/** The row's quote was found (and the row not skipped). */
export const isAnchored = (r: ImportRowResult): boolean =>
  r.match !== null && r.match.method !== 'unresolved' && r.status !== 'skipped';

/** Reading order is trusted when most uniquely placed rows of a participant come in text order. */
function inReadingOrder(starts: number[]): boolean {
  let pairs = 0;
  let forward = 0;
  for (let i = 1; i < starts.length; i++) {
    pairs++;
    if (starts[i]! >= starts[i - 1]!) forward++;
  }
  return pairs === 0 || forward / pairs >= 0.8;
}

/**
 * Quotes found at several equally good places: a place between the neighbouring rows' places
 * (same participant, spreadsheet order) decides when the spreadsheet follows the transcript;
 * otherwise the first place after the previous row's is taken and the row is flagged ambiguous.
 */
export function chooseByReadingOrder(results: ImportRowResult[]): void {
  const byParticipant = new Map<string, ImportRowResult[]>();
  for (const r of results) {
    if (!isAnchored(r) || r.participant === null) continue;
    const list = byParticipant.get(r.participant);
    if (list === undefined) byParticipant.set(r.participant, [r]);
    else list.push(r);
  }
  for (const rows of byParticipant.values()) {
    const unique = rows.map((r) => (r.match!.occurrences === 1 ? r.match!.start : undefined));
    const ordered = inReadingOrder(unique.filter((s): s is number => s !== undefined));
    const nextUnique: (number | undefined)[] = new Array(rows.length);
    let upcoming: number | undefined;
    for (let i = rows.length - 1; i >= 0; i--) {
      nextUnique[i] = upcoming;
      if (unique[i] !== undefined) upcoming = unique[i];
    }
    let prevUnique: number | undefined;
    let lastPlaced: number | undefined;
    rows.forEach((r, i) => {
      const m = r.match!;
      const candidates = m.candidates;
      if (m.occurrences > 1 && candidates !== undefined) {
        const chosen = ordered
          ? chooseInWindow(candidates, prevUnique ?? 0, nextUnique[i] ?? Infinity, lastPlaced)
          : { span: chooseSpan(candidates, lastPlaced)!, ambiguous: true };
        r.match = { ...m, start: chosen.span.start, end: chosen.span.end };
        r.ambiguous = chosen.ambiguous;
      }
      if (unique[i] !== undefined) prevUnique = unique[i];
      lastPlaced = r.match!.start;
    });
  }
}

function chooseInWindow(candidates: Span[], lo: number, hi: number, lastPlaced: number | undefined): { span: Span; ambiguous: boolean } {
  const inWindow = candidates.filter((c) => c.start >= lo && c.start <= hi);
  if (inWindow.length === 1) return { span: inWindow[0]!, ambiguous: false };
  const pool = inWindow.length > 0 ? inWindow : candidates;
  return { span: chooseSpan(pool, lastPlaced ?? lo)!, ambiguous: true };
}

