/**
 * One quote, one reference. A spreadsheet quote compiled from several passages is imported as
 * several segments sharing a quote id; counts of references (n/N, refs) and the quotes shown in
 * exports take it as one. A segment without a quote id is a quote of its own.
 */
import type { Segment } from '../types.js';

/** The key of the quote a coder's segment belongs to: its quote id, else the segment itself. */
export function quoteKey(coder: string, segment: Pick<Segment, 'id' | 'participant' | 'quote'>): string {
  return segment.quote === undefined || segment.quote === ''
    ? `\u0001${coder}\u0000${segment.id}`
    : `${coder}\u0000${segment.participant}\u0000${segment.quote}`;
}
