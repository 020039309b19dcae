import { contextOf } from '../anchoring/context.js';
import { OffsetMap } from '../text/offsets.js';
import type { CoderFile, Segment, Transcript } from '../types.js';
import { anchorCodings, type AnchoredSegment, confirmedPlaceChanged } from './anchor-codings.js';
import type { CoderEntry } from './study.js';

export interface ReanchoredFile {
  coder: string;
  file: string;
  coderFile: CoderFile;
  /** How many segments got a new position or text. */
  count: number;
  /** Segments confirmed before (`codage confirm`) and now to confirm again (ambiguous), in file order. */
  confirmAgain: string[];
}

/**
 * The coder files with every re-anchored segment (moved, normalised, approximate) written at its
 * new place, with the transcript's exact text and the text now around it. A place confirmed
 * (`codage confirm`) stays so only when the same text has the same words around it there, else it
 * is ambiguous again, with the words now around it, and keeps its `confirmed` mark: a place to
 * confirm again, which the messages tell from a place an import left to confirm — also when the segment stays where it was
 * but the transcript was corrected just before or after it (see `confirmedPlaceChanged`): its
 * place and text are kept, only the mark changes. Unplaced segments are kept exactly as they were.
 * Only files with at least one change are returned.
 */
export function applyReanchoring(coders: CoderEntry[], anchored: AnchoredSegment[]): ReanchoredFile[] {
  const changed = new Map<Segment, AnchoredSegment>();
  for (const a of anchored) {
    if (a.status === 'moved' || a.status === 'normalised' || a.status === 'approximate') changed.set(a.segment, a);
    else if (a.status === 'unchanged' && confirmedPlaceChanged(a.segment, a.transcript.text, a)) changed.set(a.segment, a);
  }
  const maps = new Map<string, OffsetMap>();
  const result: ReanchoredFile[] = [];
  for (const entry of coders) {
    let count = 0;
    const confirmAgain: string[] = [];
    const segments = entry.coderFile.segments.map((segment) => {
      const a = changed.get(segment);
      if (!a) return segment;
      const around = contextOf(a.transcript.text, a.start, a.end);
      let moved: Segment = { ...segment, ...around };
      if (a.status !== 'unchanged') {
        let map = maps.get(a.transcript.id);
        if (!map) maps.set(a.transcript.id, (map = new OffsetMap(a.transcript.text)));
        count++;
        moved = { ...moved, start: map.toCodePoint(a.start), end: map.toCodePoint(a.end), text: a.text };
      }
      // A place the coder confirmed, now elsewhere or with other words around it (the transcript
      // changed there): no longer the place confirmed, to confirm again (as import-codings --replace).
      if (confirmedPlaceChanged(segment, a.transcript.text, a)) {
        moved.ambiguous = true;
        confirmAgain.push(segment.id);
      }
      return moved;
    });
    if (count > 0 || confirmAgain.length > 0) result.push({ coder: entry.coder, file: entry.file, coderFile: { ...entry.coderFile, segments }, count, confirmAgain });
  }
  return result;
}

/** One coder's segments anchored again on transcripts whose text changed (a transcript imported anew). */
export interface CoderReanchoring {
  /** The coder file with the segments at their new places; null when no segment moved. */
  coderFile: CoderFile | null;
  /** Segments of those transcripts found exactly where they were, or again by their text. */
  placed: number;
  /** Found only approximately: placed, to be checked by the researcher; `text` is what it now quotes. */
  approximate: { segment: Segment; text: string }[];
  /** Not found at all: kept exactly as they were, for the researcher to recode or restore. */
  unplaced: Segment[];
  /** Places confirmed before (`codage confirm`) where the new text differs around them: ambiguous again, to confirm again. */
  confirmAgain: string[];
}

/**
 * The segments of `entry` on the transcripts of `changed` (by id), anchored on their new text as
 * `codage check --fix` does; the segments of other transcripts are left alone. Pure.
 */
export function reanchorCoder(entry: CoderEntry, changed: Map<string, Transcript>): CoderReanchoring {
  const anchored = anchorCodings([entry], changed).segments;
  const [file] = applyReanchoring([entry], anchored);
  return {
    coderFile: file?.coderFile ?? null,
    placed: anchored.filter((a) => a.status !== 'unplaced' && a.status !== 'approximate').length,
    approximate: anchored.filter((a) => a.status === 'approximate').map((a) => ({ segment: a.segment, text: a.text })),
    unplaced: anchored.filter((a) => a.status === 'unplaced').map((a) => a.segment),
    confirmAgain: file?.confirmAgain ?? [],
  };
}
