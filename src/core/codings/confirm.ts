/**
 * Confirming segments an import placed among several equally good places (`ambiguous`): the
 * coder has checked the place, the mark goes and `confirmed` records it, so that an import that
 * replaces the file and finds the quote again at this place does not ask again. Pure: the
 * command reads and writes the file.
 */
import type { CoderFile, Segment } from '../types.js';

export interface ConfirmRequest {
  /** Segment ids or quote ids; ignored with `all`. */
  ids: readonly string[];
  /** Every ambiguous segment (of `participant`, when given). */
  all: boolean;
  participant?: string;
  now: string;
  /**
   * The words around a segment in today's transcript, null when its text is no longer at its
   * offsets (`contextAtPlace`): a place is confirmed in the context the coder saw, so that `check`
   * asks again only when it changes afterwards — not at once, because the transcript was
   * corrected between the import and the confirmation.
   */
  contextNow?: (segment: Segment) => { prefix: string; suffix: string } | null;
}

export interface ConfirmResult {
  coderFile: CoderFile;
  /** Segments whose mark was removed, in file order. */
  confirmed: string[];
  /** Those of them that were places to confirm again (confirmed once, the words around them changed since). */
  again: string[];
  /** Ids given that name segments already confirmed (`confirmed`). */
  already: string[];
  /** Ids given that name segments no import marked ambiguous: nothing to confirm. */
  notAmbiguous: string[];
  /** Ids given that name no segment and no quote of the file. */
  unknown: string[];
}

export function confirmSegments(file: CoderFile, request: ConfirmRequest): ConfirmResult {
  const wanted = new Set<string>();
  const already: string[] = [];
  const notAmbiguous: string[] = [];
  const unknown: string[] = [];
  if (request.all) {
    for (const s of file.segments) {
      if (s.ambiguous && (request.participant === undefined || s.participant === request.participant)) wanted.add(s.id);
    }
  } else {
    for (const id of request.ids) {
      const named = file.segments.filter((s) => s.id === id || s.quote === id);
      if (named.length === 0) unknown.push(id);
      else if (!named.some((s) => s.ambiguous)) (named.some((s) => s.confirmed) ? already : notAmbiguous).push(id);
      for (const s of named) if (s.ambiguous) wanted.add(s.id);
    }
  }
  const confirmed: string[] = [];
  const again: string[] = [];
  const segments = file.segments.map((s) => {
    if (!wanted.has(s.id)) return s;
    confirmed.push(s.id);
    if (s.confirmed === true) again.push(s.id);
    const { ambiguous: _, ...rest } = s;
    return { ...rest, ...(request.contextNow?.(s) ?? {}), confirmed: true, at: request.now };
  });
  return { coderFile: { ...file, segments }, confirmed, again, already, notAmbiguous, unknown };
}
