import { contextOf } from '../anchoring/context.js';
import { foldedOccurrences } from '../anchoring/occurrences.js';
import { reanchorSegment } from '../anchoring/reanchor.js';
import { TranscriptSearch } from '../anchoring/transcript-search.js';
import { foldWithMap } from '../text/fold.js';
import { OffsetMap } from '../text/offsets.js';
import { messageQuote } from '../report/typography.js';
import type { Localized, Problem, Segment, Transcript } from '../types.js';
import type { CoderEntry } from './study.js';

export type AnchorStatus = 'unchanged' | 'moved' | 'normalised' | 'approximate' | 'unplaced';

/** A stored segment placed in its transcript as the transcript reads today. */
export interface AnchoredSegment {
  coder: string;
  /** Coder file it comes from (relative path). */
  file: string;
  segment: Segment;
  transcript: Transcript;
  /** UTF-16 offsets into transcript.text (the stored ones, when unplaced). */
  start: number;
  end: number;
  /** Exact transcript text of [start, end) — or the stored text, when unplaced. */
  text: string;
  status: AnchorStatus;
  score: number;
}

const offsetCache = new WeakMap<Transcript, { text: string; map: OffsetMap }>();

/**
 * The code point map of a transcript, made once per transcript and text (making it reads the
 * whole text): anchoring and the reports that follow it share it.
 */
export function transcriptOffsets(transcript: Transcript): OffsetMap {
  const cached = offsetCache.get(transcript);
  if (cached !== undefined && cached.text === transcript.text) return cached.map;
  const map = new OffsetMap(transcript.text);
  offsetCache.set(transcript, { text: transcript.text, map });
  return map;
}

/**
 * The words just before and after a segment as the transcript reads today (what `codage confirm`
 * and `check --fix` record), when its offsets still frame its text; null when they do not.
 */
export function contextAtPlace(transcript: Transcript, segment: Pick<Segment, 'start' | 'end' | 'text'>): { prefix: string; suffix: string } | null {
  const map = transcriptOffsets(transcript);
  const start = map.toUtf16(segment.start);
  const end = map.toUtf16(segment.end);
  if (start < 0 || end < 0 || transcript.text.slice(start, end) !== segment.text) return null;
  return contextOf(transcript.text, start, end);
}

/** Per-transcript caches shared by every coder: code point map and the transcript prepared for search. */
export class TranscriptIndex {
  private readonly maps = new Map<string, OffsetMap>();
  private readonly searches = new Map<string, TranscriptSearch>();

  offsets(transcript: Transcript): OffsetMap {
    let map = this.maps.get(transcript.id);
    if (!map) {
      map = transcriptOffsets(transcript);
      this.maps.set(transcript.id, map);
    }
    return map;
  }

  search(transcript: Transcript): TranscriptSearch {
    let search = this.searches.get(transcript.id);
    if (!search) {
      search = TranscriptSearch.of(transcript);
      this.searches.set(transcript.id, search);
    }
    return search;
  }
}

/**
 * Places every segment of the given coders in today's transcripts. A segment whose offsets still
 * frame its quoted text is `unchanged`; otherwise it is looked for by its quote (moved, normalised,
 * approximate); a segment that cannot be placed is `unplaced` and reported, never dropped.
 * Segments of unknown participants are left out here (validateCodings reports them).
 */
export function anchorCodings(
  coders: CoderEntry[],
  transcriptById: Map<string, Transcript>,
  index = new TranscriptIndex(),
): { segments: AnchoredSegment[]; problems: Problem[] } {
  const segments: AnchoredSegment[] = [];
  const problems: Problem[] = [];
  for (const entry of coders) {
    const list = entry.coderFile.segments;
    for (let n = 0; n < list.length; n++) {
      const segment = list[n]!;
      const transcript = transcriptById.get(segment.participant);
      if (!transcript) continue;
      const map = index.offsets(transcript);
      const start = map.toUtf16(segment.start);
      const end = map.toUtf16(segment.end);
      // Still at its offsets: compared in place, without a copy of the text.
      if (start >= 0 && end - start === segment.text.length && transcript.text.startsWith(segment.text, start)) {
        segments.push({ coder: entry.coder, file: entry.file, segment, transcript, start, end, text: segment.text, status: 'unchanged', score: 1 });
        if (segment.ambiguous) problems.push(ambiguous(entry, segment, transcript, index.search(transcript), start));
        else if (confirmedPlaceChanged(segment, transcript.text, { start, end, text: segment.text, status: 'unchanged' })) {
          problems.push(toConfirmAgain(entry, segment, transcript, index.search(transcript).lines.lineOf(start)));
        }
        continue;
      }
      const base = { coder: entry.coder, file: entry.file, segment, transcript };
      const found = reanchorSegment(index.search(transcript), {
        start: Math.max(0, start),
        end: Math.max(0, end),
        text: segment.text,
        prefix: segment.prefix,
        suffix: segment.suffix,
      });
      const status: AnchorStatus = found.status === 'unchanged' ? 'moved' : found.status;
      const where = { file: entry.file, line: segment.line, column: 5 };
      if (start < 0 || end < 0) {
        problems.push({
          severity: status === 'unplaced' ? 'error' : 'warning',
          ...where,
          kind: 'offsets-out-of-range',
          message: {
            en: `segment ${segment.id}: offsets ${segment.start}–${segment.end} are out of range for ${transcript.file} (${map.length} characters)`,
            fr: `segment ${segment.id} : les positions ${segment.start}–${segment.end} sortent de ${transcript.file} (${map.length} caractères)`,
          },
          hint: {
            en: status === 'unplaced' ? 'check the participant and the offsets of this line' : 'its quote was found again by its text: run codage check --fix to save the right offsets',
            fr: status === 'unplaced' ? 'vérifier le participant et les positions de cette ligne' : 'sa citation a été retrouvée par son texte : lancer codage check --fix pour enregistrer les bonnes positions',
          },
        });
      }
      if (status === 'unplaced') {
        segments.push({ ...base, start: Math.max(0, start), end: Math.max(0, end), text: segment.text, status, score: found.score });
        problems.push({
          severity: 'error',
          ...where,
          kind: 'segment-unplaced',
          message: {
            en: `segment ${segment.id} (${segment.participant}) cannot be found in ${transcript.file} any more: ${messageQuote(segment.text, 'en')}`,
            fr: `le segment ${segment.id} (${segment.participant}) est introuvable dans ${transcript.file} : ${messageQuote(segment.text, 'fr')}`,
          },
          hint: {
            en: 'the transcript was changed at this place: restore the text, or recode the passage and delete this line',
            fr: 'la transcription a été modifiée à cet endroit : rétablir le texte, ou recoder le passage et supprimer cette ligne',
          },
        });
        continue;
      }
      segments.push({ ...base, start: found.start, end: found.end, text: found.text, status, score: found.score });
      if (segment.ambiguous) problems.push(ambiguous(entry, segment, transcript, index.search(transcript), found.start));
      else if (confirmedPlaceChanged(segment, transcript.text, { ...found, status })) {
        problems.push(toConfirmAgain(entry, segment, transcript, index.search(transcript).lines.lineOf(found.start)));
      }
      const moved = `${segment.start}–${segment.end} → ${map.toCodePoint(found.start)}–${map.toCodePoint(found.end)}`;
      problems.push({
        severity: status === 'moved' ? 'info' : 'warning',
        ...where,
        kind: `segment-${status}`,
        message:
          status === 'moved'
            ? { en: `segment ${segment.id} moved in ${transcript.file} (${moved}); its text is unchanged`, fr: `le segment ${segment.id} a bougé dans ${transcript.file} (${moved}) ; son texte est inchangé` }
            : {
                en: `segment ${segment.id} re-anchored ${status === 'normalised' ? 'after normalisation' : `approximately (score ${found.score.toFixed(2)})`} in ${transcript.file} (${moved}): ${messageQuote(found.text, 'en')}`,
                fr: `le segment ${segment.id} a été réancré ${status === 'normalised' ? 'après normalisation' : `de façon approchée (score ${found.score.toFixed(2).replace('.', ',')})`} dans ${transcript.file} (${moved}) : ${messageQuote(found.text, 'fr')}`,
              },
        hint: {
          en: 'run codage check --fix to save the new position (the quote becomes the transcript text)',
          fr: 'lancer codage check --fix pour enregistrer la nouvelle position (la citation devient le texte de la transcription)',
        },
      });
    }
  }
  return { segments, problems };
}

/**
 * A segment an import placed among several equally good places, until the coder confirms it; or a
 * place confirmed once that `check --fix` made to confirm again (`confirmed` kept with the mark):
 * the words around it changed since.
 */
function ambiguous(entry: CoderEntry, segment: Segment, transcript: Transcript, search: TranscriptSearch, start: number): Problem {
  const where = placeOf(segment, transcript, search.lines.lineOf(start));
  if (segment.confirmed === true) {
    return segmentProblem(entry, segment, 'segment-ambiguous', {
      en: `${where.en} is to confirm again: its place or the words around it changed since it was confirmed — ${messageQuote(segment.text, 'en')}`,
      fr: `${where.fr} est à confirmer de nouveau\u00a0: son endroit ou les mots autour ont changé depuis sa confirmation — ${messageQuote(segment.text, 'fr')}`,
    }, {
      en: `check it is still the right place, then: codage confirm ${segment.id} --coder ${entry.coder} (if it is not, code the right passage and delete this line)`,
      fr: `vérifier que c’est toujours le bon endroit, puis : codage confirm ${segment.id} --coder ${entry.coder} (sinon, coder le bon passage et supprimer cette ligne)`,
    });
  }
  // Marked by an import for one of two reasons: its words are said at several places (whatever
  // their case), or it came from a quote placed in part or under the min score.
  // (Found as the import finds places: whatever the case, accents and punctuation.)
  const severalPlaces = foldedOccurrences(search.folded.folded, foldWithMap(segment.text).folded).length > 1;
  return segmentProblem(entry, segment, 'segment-ambiguous', severalPlaces ? {
    en: `${where.en} was placed by an import at one of several places where its quote occurs: ${messageQuote(segment.text, 'en')}`,
    fr: `${where.fr} a été placé par un import à l’un des endroits où figure sa citation\u00a0: ${messageQuote(segment.text, 'fr')}`,
  } : {
    en: `${where.en} was placed by an import from a quote it found in part or with a score under the threshold (the import's review said why): ${messageQuote(segment.text, 'en')}`,
    fr: `${where.fr} a été placé par un import d’après une citation trouvée en partie ou avec un score sous le seuil (la revue de l’import a dit pourquoi)\u00a0: ${messageQuote(segment.text, 'fr')}`,
  }, {
    en: `check it is the right place, then: codage confirm ${segment.id} --coder ${entry.coder} (if it is not, code the right passage and delete this line)`,
    fr: `vérifier que c’est le bon endroit, puis : codage confirm ${segment.id} --coder ${entry.coder} (sinon, coder le bon passage et supprimer cette ligne)`,
  });
}

/** « segment ID (FILE, line N) », the start of every message on a segment's place. */
function placeOf(segment: Segment, transcript: Transcript, line: number): Localized {
  return { en: `segment ${segment.id} (${transcript.file}, line ${line})`, fr: `le segment ${segment.id} (${transcript.file}, ligne ${line})` };
}

/** A warning on a segment of a coder file, at its line (column 5, where its entry starts). */
function segmentProblem(entry: CoderEntry, segment: Segment, kind: string, message: Localized, hint: Localized): Problem {
  return { severity: 'warning', file: entry.file, line: segment.line, column: 5, kind, message, hint };
}


/**
 * Whether a place the coder confirmed (`codage confirm`) is no longer the place confirmed, as
 * the transcript reads today: its text found elsewhere or changed, or other words just before or
 * after it (a correction of the transcript next to it) — the coder confirmed a place in a context
 * that no longer exists. Where the segment still frames its text, only the context stored with it
 * is compared (a file without one has nothing to compare); elsewhere, with no context to tell it
 * is the same place, it is not.
 */
export function confirmedPlaceChanged(
  segment: Segment,
  transcriptText: string,
  placed: { start: number; end: number; text: string; status: AnchorStatus },
): boolean {
  if (segment.confirmed !== true || segment.ambiguous === true || placed.status === 'unplaced') return false;
  if (placed.text !== segment.text) return true;
  const around = contextOf(transcriptText, placed.start, placed.end);
  if (placed.status !== 'unchanged') return around.prefix !== segment.prefix || around.suffix !== segment.suffix;
  return (segment.prefix !== undefined && around.prefix !== segment.prefix) || (segment.suffix !== undefined && around.suffix !== segment.suffix);
}

/**
 * Whether a segment the coder confirmed (`codage confirm`) is still confirmed at `placed`, as the
 * transcript reads today: the one rule of `check`, `check --fix` and `import-codings --replace`.
 * A confirmation without stored context (a file written by hand or by an earlier codage) holds at
 * the very offsets and text it was made at — nothing tells the place changed, and dropping it
 * would ask the coder again for nothing —; it never holds elsewhere, where nothing tells it is
 * the same place.
 */
export function confirmationHolds(
  segment: Segment,
  transcriptText: string,
  placed: { start: number; end: number; text: string; status: AnchorStatus },
): boolean {
  return segment.confirmed === true && segment.ambiguous !== true && placed.status !== 'unplaced' && !confirmedPlaceChanged(segment, transcriptText, placed);
}

/** A confirmed place whose surroundings changed since (see `confirmedPlaceChanged`): to confirm again. */
function toConfirmAgain(entry: CoderEntry, segment: Segment, transcript: Transcript, line: number): Problem {
  const where = placeOf(segment, transcript, line);
  return segmentProblem(entry, segment, 'segment-confirm-again', {
    en: `${where.en} was confirmed at its place (codage confirm), but the transcript has changed there since (the words just before or after it, or the quote itself): ${messageQuote(segment.text, 'en')}`,
    fr: `${where.fr} a été confirmé à son endroit (codage confirm), mais la transcription a changé là depuis (les mots juste avant ou après, ou la citation elle-même)\u00a0: ${messageQuote(segment.text, 'fr')}`,
  }, {
    en: `run codage check --fix (it becomes a place to confirm), check it is still the right place, then confirm it again: codage confirm ${segment.id} --coder ${entry.coder}`,
    fr: `lancer codage check --fix (il redevient un endroit à confirmer), vérifier que c’est toujours le bon endroit, puis le confirmer de nouveau\u00a0: codage confirm ${segment.id} --coder ${entry.coder}`,
  });
}
