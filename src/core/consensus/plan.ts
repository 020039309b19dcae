/**
 * A reconciliation of two coders: which transcripts are compared (both coded them, or the ones
 * asked for), their alignment (agreed passages and disagreements), which are copied from the one
 * coder who coded them, and which segments cannot take part (not placed in their transcript).
 */
import { alignCodings, type Alignment, type ComparedSegment, type Disagreement } from '../analysis/agreement/disagreements.js';
import { transcriptOffsets, type AnchoredSegment } from '../study/anchor-codings.js';
import type { Transcript } from '../types.js';
import type { CoderFile } from '../types.js';
import { buildConsensus, type ConsensusResult, type ConsensusSide } from './build.js';
import type { Decision } from './decisions.js';
import { logRow, type LogRow, type RowContext } from './log.js';

export interface ReconcileInput {
  a: { coder: string; memos: Record<string, string> };
  b: { coder: string; memos: Record<string, string> };
  /** Every transcript, in interview order. */
  transcripts: readonly Transcript[];
  /** Both coders' segments, placed in today's transcripts. */
  segments: readonly AnchoredSegment[];
  /** Only these participants are compared (else: those both coded). */
  participants?: readonly string[];
  /** Words by which boundaries may differ and still agree. */
  tolerance: number;
}

export interface Reconciliation {
  coders: [string, string];
  a: ConsensusSide;
  b: ConsensusSide;
  compared: { transcript: Transcript; alignment: Alignment }[];
  copied: { transcript: Transcript; from: 'a' | 'b' }[];
  /** Transcripts both coded that were left out (not in the participants asked for). */
  excluded: string[];
  /** Every disagreement, transcript by transcript in interview order. */
  disagreements: Disagreement[];
  /** Segments that cannot be placed in their transcript: not reconciled, reported. */
  unplaced: AnchoredSegment[];
}

function placedBy(segments: readonly AnchoredSegment[], coder: string): Map<string, AnchoredSegment[]> {
  const out = new Map<string, AnchoredSegment[]>();
  for (let n = 0; n < segments.length; n++) {
    const s = segments[n]!;
    if (s.coder !== coder || s.status === 'unplaced') continue;
    let list = out.get(s.segment.participant);
    if (!list) out.set(s.segment.participant, (list = []));
    list.push(s);
  }
  return out;
}

function compared(list: readonly AnchoredSegment[] | undefined): ComparedSegment[] {
  return (list ?? []).map((s) => ({ id: s.segment.id, start: s.start, end: s.end, codes: s.segment.codes }));
}

export function planReconciliation(input: ReconcileInput): Reconciliation {
  const [ca, cb] = [input.a.coder, input.b.coder];
  const a: ConsensusSide = { coder: ca, memos: input.a.memos, placed: placedBy(input.segments, ca) };
  const b: ConsensusSide = { coder: cb, memos: input.b.memos, placed: placedBy(input.segments, cb) };
  const byA = new Set<string>();
  const byB = new Set<string>();
  for (let n = 0; n < input.segments.length; n++) {
    const s = input.segments[n]!;
    if (s.coder === ca) byA.add(s.segment.participant);
    if (s.coder === cb) byB.add(s.segment.participant);
  }
  const listed = input.participants === undefined ? null : new Set(input.participants);
  const result: Reconciliation = { coders: [ca, cb], a, b, compared: [], copied: [], excluded: [], disagreements: [], unplaced: [] };
  const included = new Set<string>();
  for (const t of input.transcripts) {
    const inA = byA.has(t.id);
    const inB = byB.has(t.id);
    if (listed !== null ? listed.has(t.id) : inA && inB) {
      const alignment = alignCodings({
        participant: t.id,
        text: t.text,
        offsets: transcriptOffsets(t),
        a: compared(a.placed.get(t.id)),
        b: compared(b.placed.get(t.id)),
        tolerance: input.tolerance,
      });
      result.compared.push({ transcript: t, alignment });
      result.disagreements.push(...alignment.disagreements);
      included.add(t.id);
    } else if (inA && inB) result.excluded.push(t.id);
    else if (inA || inB) {
      result.copied.push({ transcript: t, from: inA ? 'a' : 'b' });
      included.add(t.id);
    }
  }
  result.unplaced = input.segments.filter((s) => s.status === 'unplaced' && included.has(s.segment.participant));
  return result;
}

/** The consensus the decisions give; `previous`: the consensus file written before, whose ids it keeps. */
export function consensusOf(
  rec: Reconciliation,
  decisions: ReadonlyMap<string, Decision>,
  into: string,
  options: { notes?: 'every-source' | 'same-span'; passage?: 'same-passage' | 'none'; previous?: CoderFile | undefined } = {},
): ConsensusResult {
  const { notes = 'every-source', passage = 'same-passage', previous } = options;
  return buildConsensus({ into, a: rec.a, b: rec.b, compared: rec.compared, copied: rec.copied, decisions, notes, passage, ...(previous ? { previous: previous.segments } : {}) });
}

/**
 * The log's rows: one per current disagreement with a decision or a note, in the order of the
 * disagreements; then the rows read from the log that could not be placed (`place.ts`), as they were.
 */
export function logRowsOf(
  rec: Reconciliation,
  decisions: ReadonlyMap<string, Decision>,
  stale: readonly LogRow[],
  ctx: Omit<RowContext, 'transcript' | 'offsets' | 'coders'>,
): LogRow[] {
  const transcripts = new Map(rec.compared.map((c) => [c.transcript.id, c.transcript]));
  const rows: LogRow[] = [];
  for (const d of rec.disagreements) {
    const decision = decisions.get(d.key);
    if (!decision) continue;
    const transcript = transcripts.get(d.participant)!;
    rows.push(logRow(d, decision, { ...ctx, transcript, offsets: transcriptOffsets(transcript), coders: rec.coders }));
  }
  rows.push(...stale);
  return rows;
}
