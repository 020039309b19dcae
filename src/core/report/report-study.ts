/**
 * What every thesis export is computed from: the study as read, narrowed to the coding being
 * reported (one coder, or the consensus file), with the settings that shape the tables.
 */
import { CONSENSUS_CODER } from '../consensus/consensus-coder.js';
import { DataError, UsageError } from '../errors.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Study } from '../study/study.js';
import type { DecisionsSummary } from '../consensus/summary.js';
import type { Codebook, Language, Participant, Transcript } from '../types.js';
import type { Memos } from '../memo/memo.js';
import type { ReportMemos } from './memos.js';
import { DEFAULT_SELECTION, labelFields, type QuoteSelection } from './quotes.js';

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
  /** The memos the report's annex shows (memos/ and the coders' notes), when they were read. */
  memos?: ReportMemos;
  /** How the consensus's disagreements were settled, from its decisions log, when there is one. */
  consensusDecisions?: DecisionsSummary;
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


/**
 * Whose coding the thesis shows: the one asked for; else the consensus both coders settled on;
 * else the study's default coder; else the only one. Several coders and no way to choose: ask.
 */
export function reportedCoder(coders: readonly string[], asked: string | undefined, configured: string | undefined): string | undefined {
  if (asked !== undefined) return asked;
  if (coders.includes(CONSENSUS_CODER)) return CONSENSUS_CODER;
  if (configured !== undefined && coders.includes(configured)) return configured;
  if (coders.length <= 1) return coders[0];
  throw new UsageError(
    { en: `the study has ${coders.length} coders: say whose coding to export`, fr: `l’étude a ${coders.length} codeurs : préciser le codage à exporter` },
    { en: `add --coder ${coders[0]} (coders: ${coders.join(', ')}), or set coder: in codage.yaml`, fr: `ajouter --coder ${coders[0]} (codeurs : ${coders.join(', ')}), ou régler coder: dans codage.yaml` },
  );
}

/**
 * Whose codings a count or a listing shows when no coder is asked for: the coding exports show
 * (the consensus, codage.yaml's `coder:`, the only coder), so that `stats`, `codebook`, `quotes`
 * and the thesis tables give the same numbers; else, several coders and none chosen, every coder.
 * Never the consensus together with the coders it came from: their segments would count twice.
 */
export function countedCoders(all: readonly string[], asked: string | undefined, configured: string | undefined): string[] {
  if (asked !== undefined) return [asked];
  if (all.includes(CONSENSUS_CODER) || (configured !== undefined && all.includes(configured)) || all.length <= 1) {
    const one = reportedCoder(all, undefined, configured);
    return one === undefined ? [] : [one];
  }
  return [...all];
}

/** A quote label that names the pair attribute would tell the reader who is paired with whom. */
export function assertLabelKeepsPairsApart(quoteLabel: string, pairAttribute: string | undefined): void {
  if (pairAttribute === undefined || !labelFields(quoteLabel).some((field) => field.toLowerCase() === pairAttribute.toLowerCase())) return;
  throw new DataError(
    {
      en: `quote_label uses {${pairAttribute}}, the attribute that links the two sides of a pair: quotes would reveal who is paired with whom`,
      fr: `quote_label utilise {${pairAttribute}}, l’attribut qui relie les deux côtés d’une paire : les verbatims révéleraient qui est en paire avec qui`,
    },
    { file: 'codage.yaml', hint: { en: `remove {${pairAttribute}} from quote_label`, fr: `retirer {${pairAttribute}} de quote_label` } },
  );
}

/** The study narrowed to one coder's coding, as every export reads it. */
export function reportStudyOf(
  study: Study,
  segments: readonly AnchoredSegment[],
  input: {
    coder: string | undefined;
    language: Language;
    software: string;
    selection?: Partial<QuoteSelection>;
    memos?: Memos;
    /** Interviews the consensus decided (its decisions log), segments or not: see `SaturationSource`. */
    consensusInterviews?: ReadonlySet<string>;
    /** The consensus's decisions log, read (`summarizeDecisions`), when there is one. */
    consensusDecisions?: DecisionsSummary;
  },
): ReportStudy {
  const pairAttribute = findPairAttribute(study.participants.values(), study.config.pair);
  if (study.config.pair !== undefined && ![...study.participants.values()].some((p) => p.attributes[study.config.pair!] !== undefined)) {
    throw new DataError(
      { en: `pair: ${study.config.pair} names no participant attribute`, fr: `pair: ${study.config.pair} ne nomme aucun attribut des participants` },
      { file: 'codage.yaml', hint: { en: 'add that column to participants.csv, or correct pair: in codage.yaml', fr: 'ajouter cette colonne à participants.csv, ou corriger pair: dans codage.yaml' } },
    );
  }
  const quoteLabel = study.config.quoteLabel ?? '{id}';
  assertLabelKeepsPairsApart(quoteLabel, pairAttribute);
  const coverage = new Map<string, Set<string>>(study.coders.map((c) => [c.coder, new Set()]));
  for (const s of segments) if (s.status !== 'unplaced') coverage.get(s.coder)?.add(s.segment.participant);
  for (const participant of input.consensusInterviews ?? []) if (study.participants.has(participant)) coverage.get(CONSENSUS_CODER)?.add(participant);
  return {
    language: input.language,
    transcripts: study.transcripts,
    participants: study.participants,
    codebook: study.codebook,
    segments: input.coder === undefined ? [] : segments.filter((s) => s.coder === input.coder),
    coders: input.coder === undefined ? [] : [input.coder],
    coverage: [...coverage].map(([coder, participants]) => ({ coder, participants: [...participants] })),
    quoteLabel,
    software: input.software,
    selection: { ...DEFAULT_SELECTION, ...input.selection },
    ...(study.config.title !== undefined ? { title: study.config.title } : {}),
    ...(pairAttribute !== undefined ? { pairAttribute } : {}),
    ...(input.consensusDecisions !== undefined ? { consensusDecisions: input.consensusDecisions } : {}),
    ...(input.memos !== undefined
      ? { memos: { files: input.memos, notes: study.coders.flatMap((c) => Object.entries(c.coderFile.memos).map(([participant, text]) => ({ coder: c.coder, participant, text }))) } }
      : {}),
  };
}
