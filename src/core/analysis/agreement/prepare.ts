/**
 * From a study to what `computeAgreement` compares: which transcripts (those every named coder
 * coded, or the ones asked for), which codes (those any of the coders applied there, in codebook
 * order), each transcript's units, and each coder's spans per code.
 */
import { allCodes } from '../../codebook/query.js';
import { compareNatural } from '../../natural-sort.js';
import { transcriptOffsets, type AnchoredSegment } from '../../study/anchor-codings.js';
import { segmentSentences } from '../../transcript/sentences.js';
import type { Codebook, Span, Transcript } from '../../types.js';
import type { AgreementInput, AgreementTranscript } from './compare.js';
import { paragraphSpans, type AgreementUnit } from './units.js';

export interface PrepareInput {
  unit: AgreementUnit;
  /** Coder names, in the order given (the first is coder A). */
  coders: readonly string[];
  /** Every transcript of the study, in interview order. */
  transcripts: readonly Transcript[];
  /** The coders' segments, placed in today's transcripts (unplaced ones are counted, not compared). */
  segments: readonly AnchoredSegment[];
  codebook: Codebook;
  /** Only these participants (all of them compared, even where a coder coded nothing). */
  participants?: readonly string[];
  /** A transcript's sentences already cut (e.g. from a cache); without it they are cut here. */
  sentences?: (transcript: Transcript) => readonly Span[];
}

/** How the compared transcripts were chosen. */
export type Selection = 'coded-by-all' | 'coded-by-two-or-more' | 'listed';

export interface PreparedComparison {
  input: AgreementInput;
  selection: Selection;
  /** Transcripts some of the coders coded that are not compared, with who coded them. */
  notCompared: { id: string; coders: string[] }[];
  /** Listed transcripts in which a coder has no segment at all. */
  uncoded: { participant: string; coder: string }[];
  /** Segments that could not be placed in their transcript, per coder (left out). */
  unplaced: Record<string, number>;
}

/** Coder → participants with at least one segment (placed or not). */
function codedTranscripts(segments: readonly AnchoredSegment[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let n = 0; n < segments.length; n++) {
    const s = segments[n]!;
    let set = out.get(s.coder);
    if (!set) out.set(s.coder, (set = new Set()));
    set.add(s.segment.participant);
  }
  return out;
}

export function unitSpansOf(transcript: Transcript, unit: AgreementUnit): Span[] | null {
  if (unit === 'sentence') return segmentSentences(transcript.text, transcript.turns);
  if (unit === 'paragraph') return paragraphSpans(transcript.text);
  return null;
}

/** The transcripts compared, each with the coders compared there, and how they were chosen. */
export function comparedTranscripts(input: Pick<PrepareInput, 'coders' | 'transcripts' | 'segments' | 'participants'>): {
  chosen: { transcript: Transcript; coders: string[] }[];
  selection: Selection;
  coded: Map<string, Set<string>>;
} {
  const { coders } = input;
  const coded = codedTranscripts(input.segments.filter((s) => coders.includes(s.coder)));
  const codersOf = (id: string) => coders.filter((c) => coded.get(c)?.has(id));
  if (input.participants !== undefined) {
    const wanted = new Set(input.participants);
    return { chosen: input.transcripts.filter((t) => wanted.has(t.id)).map((t) => ({ transcript: t, coders: [...coders] })), selection: 'listed', coded };
  }
  // Two coders: the transcripts both coded. More: those at least two coded; the others' values
  // are missing there (Krippendorff's alpha allows it).
  return {
    chosen: input.transcripts.map((t) => ({ transcript: t, coders: codersOf(t.id) })).filter((c) => c.coders.length >= 2),
    selection: coders.length === 2 ? 'coded-by-all' : 'coded-by-two-or-more',
    coded,
  };
}

export function prepareComparison(input: PrepareInput): PreparedComparison {
  const { coders, unit } = input;
  const { chosen, selection, coded } = comparedTranscripts(input);
  const codersOf = (id: string) => coders.filter((c) => coded.get(c)?.has(id));
  const chosenIds = new Set(chosen.map((c) => c.transcript.id));
  const notCompared = input.transcripts
    .filter((t) => !chosenIds.has(t.id))
    .map((t) => ({ id: t.id, coders: codersOf(t.id) }))
    .filter((t) => t.coders.length > 0);
  const uncoded: PreparedComparison['uncoded'] = [];
  if (selection === 'listed') {
    for (const c of chosen) for (const coder of coders) if (!coded.get(coder)?.has(c.transcript.id)) uncoded.push({ participant: c.transcript.id, coder });
  }

  const unplaced: Record<string, number> = Object.fromEntries(coders.map((c) => [c, 0]));
  // participant → coder → code → spans
  const spans = new Map<string, Map<string, Map<string, Span[]>>>();
  const used = new Set<string>();
  for (let n = 0; n < input.segments.length; n++) {
    const s = input.segments[n]!;
    if (!coders.includes(s.coder) || !chosenIds.has(s.segment.participant)) continue;
    if (s.status === 'unplaced') {
      unplaced[s.coder]!++;
      continue;
    }
    let byCoder = spans.get(s.segment.participant);
    if (!byCoder) spans.set(s.segment.participant, (byCoder = new Map()));
    let byCode = byCoder.get(s.coder);
    if (!byCode) byCoder.set(s.coder, (byCode = new Map()));
    // Character units count code points; the others take the segment's own offsets.
    let start = s.start;
    let end = s.end;
    if (unit === 'char') {
      const map = transcriptOffsets(s.transcript);
      start = map.toCodePoint(start);
      end = map.toCodePoint(end);
    }
    const codes = s.segment.codes;
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c]!;
      if (c > 0 && codes.indexOf(code) < c) continue; // a code written twice counts once
      used.add(code);
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push({ start, end });
    }
  }

  const codebookOrder = allCodes(input.codebook).map((c) => c.id).filter((id) => used.has(id));
  const known = new Set(codebookOrder);
  const codes = [...codebookOrder, ...[...used].filter((id) => !known.has(id)).sort(compareNatural)];

  const transcripts: AgreementTranscript[] = chosen.map(({ transcript, coders: present }) => {
    const unitSpans = (unit === 'sentence' ? input.sentences?.(transcript) : undefined) ?? unitSpansOf(transcript, unit);
    const units = unit === 'char' ? transcriptOffsets(transcript).length : unit === 'transcript' ? 1 : unitSpans!.length;
    return {
      id: transcript.id,
      units,
      unitSpans,
      coders: present,
      spans: spans.get(transcript.id) ?? new Map(),
    };
  });
  return { input: { unit, coders: [...coders], codes, transcripts }, selection, notCompared, uncoded, unplaced };
}
