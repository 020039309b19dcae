/**
 * What every thesis export is computed from: the study as read, narrowed to the coding being
 * reported (one coder, or the consensus file), with the settings that shape the tables.
 */
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Codebook, Language, Participant, Transcript } from '../types.js';
import { DEFAULT_SELECTION, type QuoteSelection } from './quotes.js';

export interface ReportStudy {
  /** Title from codage.yaml, if any. */
  title?: string;
  language: Language;
  /** In interview order. */
  transcripts: Transcript[];
  participants: Map<string, Participant>;
  codebook: Codebook;
  /** Segments of the coder(s) reported (unplaced ones included: they are counted as such, never shown). */
  segments: AnchoredSegment[];
  /** The coder(s) whose segments these are. */
  coders: string[];
  /** Every coder of the study with the participants each coded (for methods and COREQ). */
  coverage: { coder: string; participants: string[] }[];
  /** `quote_label` of codage.yaml, `{id}` by default. */
  quoteLabel: string;
  /** The participant attribute that links the two sides of a pair, if the study has pairs. */
  pairAttribute?: string;
  /** "codage 0.1.0". */
  software: string;
  selection: QuoteSelection;
}

/** Attribute names that mean "the pair this participant belongs to", when codage.yaml names none. */
export const PAIR_ATTRIBUTE_NAMES = ['pair', 'paire', 'binome', 'binôme', 'dyad', 'dyade'];

/** The attribute linking pairs: the one named in codage.yaml, else one with a usual name. */
export function findPairAttribute(participants: Iterable<Participant>, configured?: string): string | undefined {
  if (configured !== undefined) return configured;
  const keys = new Set<string>();
  for (const p of participants) for (const key of Object.keys(p.attributes)) keys.add(key);
  return [...keys].find((key) => PAIR_ATTRIBUTE_NAMES.includes(key.toLowerCase()));
}

/** The interview order as ranks (0 = first interview). */
export function interviewRanks(transcripts: readonly Transcript[]): Map<string, number> {
  return new Map(transcripts.map((t, i) => [t.id, i]));
}

export function reportStudyDefaults(): Pick<ReportStudy, 'quoteLabel' | 'selection'> {
  return { quoteLabel: '{id}', selection: { ...DEFAULT_SELECTION } };
}
