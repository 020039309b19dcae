/**
 * Double-coded transcripts a coder has not read to the end in the coding screen: comparing them
 * counts every passage past where the coder stopped as "not coded" by them, a disagreement that is
 * only unfinished work. Known only for transcripts opened in the coding screen (its state file);
 * codings imported from a spreadsheet say nothing of what was read.
 */
import type { Localized, Transcript } from '../types.js';
import { transcriptOffsets } from './anchor-codings.js';
import { readShare, readThrough, savedReading, type TranscriptPosition } from './reading.js';
import { placePosition } from './reading-place.js';

export interface UnfinishedReading {
  coder: string;
  participant: string;
  /** Share read (0–1), as the coding screen's « lu » says it. */
  read: number;
}

/** For each coder and transcript, in that order: those opened in the coding screen and not read through. */
export function unfinishedReadings(transcripts: readonly Transcript[], positions: ReadonlyMap<string, Readonly<Record<string, TranscriptPosition>>>): UnfinishedReading[] {
  const out: UnfinishedReading[] = [];
  for (const [coder, saved] of positions) {
    for (const t of transcripts) {
      const position = saved[t.id];
      if (position === undefined) continue;
      const offsets = transcriptOffsets(t);
      const read = savedReading(placePosition(t, position).position).map(([start, end]) => ({
        start: Math.max(0, offsets.toUtf16(start)),
        end: Math.max(0, offsets.toUtf16(end)),
      }));
      if (!readThrough(t, read)) out.push({ coder, participant: t.id, read: readShare(t, read) });
    }
  }
  return out;
}

/** What to say of one (`compare`, `reconcile`): read to N %, and what that does to the comparison. */
export function unfinishedMessage(u: UnfinishedReading): Localized {
  const share = Math.round(u.read * 100);
  return {
    en: `${u.coder} has read ${u.participant} to ${share}% in the coding screen: what follows counts as not coded by ${u.coder} — finish reading it, or leave it out (--participants)`,
    fr: `${u.coder} a lu ${u.participant} à ${share}\u00a0% dans l’écran de codage\u00a0: la suite compte comme non codée par ${u.coder} — finir la lecture, ou laisser cette transcription de côté (--participants)`,
  };
}
