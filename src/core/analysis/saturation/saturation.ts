/**
 * Code saturation of a study, computed once as a plain table that every output renders (terminal,
 * JSON, figures, CSV, the methods sentence): which codings count for each interview, codes or
 * themes per interview in interview order, and three published ways to judge saturation on them —
 * Guest, Namey & Chen 2020 (base, run, threshold), the stopping rule of Francis et al. 2010, and
 * the share of the final codes reached (Guest, Bunce & Johnson 2006). "Code saturation" in the
 * sense of Hennink et al. 2017: meaning saturation needs the researcher's judgement.
 */
import { allCodes, allThemes, themePath } from '../../codebook/query.js';
import { compareNatural } from '../../natural-sort.js';
import { CONSENSUS_CODER } from '../../consensus/consensus-coder.js';
import type { AnchoredSegment } from '../../study/anchor-codings.js';
import type { InterviewPlace, OrderBasis } from '../../study/interview-order.js';
import type { Codebook, Participant } from '../../types.js';
import { groupValue } from '../stats.js';
import { codeEmergence, sharesReached, type ShareReached } from './code-emergence.js';
import { GUEST_DEFAULTS, guestSaturation, type GuestParameters, type GuestResult } from './guest.js';
import { STOPPING_DEFAULTS, stoppingRule, type StoppingParameters, type StoppingResult } from './stopping-rule.js';


/** What is counted: codes, or the themes that directly hold them. */
export type SaturationLevel = 'code' | 'theme';
export type SaturationMethod = 'guest' | 'stopping' | 'shares';
export const SATURATION_METHODS: readonly SaturationMethod[] = ['guest', 'stopping', 'shares'];

export interface SaturationOptions {
  level: SaturationLevel;
  guest: GuestParameters;
  stopping: StoppingParameters;
  /** Shares of the final codes to report, in percent. */
  shares: number[];
  /** The methods to report (all three are always computed). */
  methods: SaturationMethod[];
  /** Only this coder's codings; otherwise the consensus where there is one, else every coder. */
  coder?: string;
  /** One analysis per value of this participant attribute (e.g. `group`). */
  by?: string;
}

export const SATURATION_DEFAULTS: SaturationOptions = {
  level: 'code',
  guest: GUEST_DEFAULTS,
  stopping: STOPPING_DEFAULTS,
  shares: [90, 95, 100],
  methods: [...SATURATION_METHODS],
};

/** What a study gives the computation (a loaded `Study` and its anchored segments fit). */
export interface SaturationSource {
  /** Every transcript, in interview order. */
  interviewOrder: readonly InterviewPlace[];
  participants: ReadonlyMap<string, Participant>;
  codebook: Codebook;
  /** Coders whose files were read. */
  coders: readonly string[];
  segments: readonly Pick<AnchoredSegment, 'coder' | 'segment' | 'status'>[];
  /**
   * Interviews the consensus decided, from its decisions log: one where the coders' every
   * disagreement was settled by keeping nothing has no consensus segment, and is still the consensus's.
   */
  consensusInterviews?: ReadonlySet<string>;
}

/**
 * Whose codings count: one coder's; every coder's together (`union`); or `consensus`: the
 * consensus coder's in the interviews it coded, every other coder's together elsewhere.
 */
export interface CodingsUsed {
  kind: 'coder' | 'union' | 'consensus';
  coders: string[];
}

export interface SaturationItem {
  id: string;
  name: string;
}

export interface SaturationInterview {
  /** 1-based place in the interview order (within the group, with `by`). */
  rank: number;
  participant: string;
  date: string | null;
  /** What decided the interview's place: its date, `order` in codage.yaml, or its id. */
  orderBasis: OrderBasis;
  /** Coders whose codings count for this interview. */
  codings: string[];
  /** Distinct codes (or themes) in this interview. */
  used: number;
  /** Codes (or themes) seen for the first time, in codebook order. */
  newCodes: SaturationItem[];
  cumulative: number;
  /** cumulative / final, 0–1. */
  share: number;
}

export interface SaturationAnalysis {
  /** The value of `by` for this group; null for the whole study. */
  group: string | null;
  interviews: SaturationInterview[];
  /** Distinct codes (or themes) over all these interviews: the "final codebook". */
  final: number;
  guest: GuestResult;
  stopping: StoppingResult;
  shares: ShareReached[];
}

export interface SaturationReport {
  level: SaturationLevel;
  codings: CodingsUsed;
  by: string | null;
  methods: SaturationMethod[];
  parameters: { guest: GuestParameters; stopping: StoppingParameters; shares: number[] };
  /** One analysis for the whole study, or one per group with `by`; none when nothing is coded. */
  analyses: SaturationAnalysis[];
  /** Interviews left out: nothing coded in them in the codings used. */
  notCoded: string[];
  /** Segments left out because they cannot be found in their transcript (`codage check`). */
  unplacedSegments: number;
  /** Theme level: codes used that no theme holds (not yet grouped, or missing from the codebook). */
  ungrouped: SaturationItem[];
}

/** Which codings count, and for each participant the codes of those codings. */
function selectCodings(source: SaturationSource, coder: string | undefined): { used: CodingsUsed; codesOf: Map<string, { coders: Set<string>; codes: Set<string> }>; unplaced: number } {
  const consensus = coder === undefined && source.coders.includes(CONSENSUS_CODER);
  const inConsensus = new Set<string>();
  // The consensus coder's interviews: those it has segments in (placed or not), and those it decided.
  if (consensus) {
    for (const s of source.segments) if (s.coder === CONSENSUS_CODER) inConsensus.add(s.segment.participant);
    for (const participant of source.consensusInterviews ?? []) if (source.participants.has(participant)) inConsensus.add(participant);
  }
  const codesOf = new Map<string, { coders: Set<string>; codes: Set<string> }>();
  const coders = new Set<string>();
  let unplaced = 0;
  for (const s of source.segments) {
    const participant = s.segment.participant;
    const counts = coder !== undefined ? s.coder === coder : !consensus || (s.coder === CONSENSUS_CODER) === inConsensus.has(participant);
    if (!counts) continue;
    if (s.status === 'unplaced') {
      unplaced++;
      continue;
    }
    let entry = codesOf.get(participant);
    if (!entry) codesOf.set(participant, (entry = { coders: new Set(), codes: new Set() }));
    entry.coders.add(s.coder);
    coders.add(s.coder);
    for (const code of s.segment.codes) entry.codes.add(code);
  }
  const kind = coder !== undefined ? 'coder' : consensus && inConsensus.size > 0 ? 'consensus' : 'union';
  const listed = coder !== undefined ? [coder] : [...coders].sort((a, b) => (a === CONSENSUS_CODER ? -1 : b === CONSENSUS_CODER ? 1 : compareNatural(a, b)));
  return { used: { kind, coders: listed }, codesOf, unplaced };
}

/** The unit each code counts for: itself, or the theme that directly holds it (null: none). */
function unitsOf(codebook: Codebook, level: SaturationLevel): { unitOf: (code: string) => string | null; name: (unit: string) => string; ordered: string[] } {
  if (level === 'code') {
    return {
      unitOf: (code) => code,
      name: (unit) => codebook.byId.get(unit)?.name ?? unit,
      ordered: allCodes(codebook).map((c) => c.id),
    };
  }
  return {
    unitOf: (code) => {
      const node = codebook.byId.get(code);
      return node?.kind === 'code' ? node.parent : null;
    },
    name: (unit) => [...themePath(codebook, unit), codebook.byId.get(unit)].map((n) => n?.name ?? unit).join(' > '),
    ordered: allThemes(codebook).map((t) => t.id),
  };
}

function analyse(
  group: string | null,
  places: InterviewPlace[],
  codings: Map<string, { coders: Set<string>; units: string[] }>,
  name: (unit: string) => string,
  options: SaturationOptions,
): SaturationAnalysis {
  const emergence = codeEmergence(places.map((p) => codings.get(p.id)!.units));
  const newCounts = emergence.rows.map((row) => row.newIds.length);
  return {
    group,
    interviews: emergence.rows.map((row, i) => {
      const place = places[i]!;
      return {
        rank: row.rank,
        participant: place.id,
        date: place.date,
        orderBasis: place.basis,
        codings: [...codings.get(place.id)!.coders].sort(compareNatural),
        used: row.used,
        newCodes: row.newIds.map((id) => ({ id, name: name(id) })),
        cumulative: row.cumulative,
        share: row.share,
      };
    }),
    final: emergence.final,
    guest: guestSaturation(newCounts, options.guest),
    stopping: stoppingRule(newCounts, options.stopping),
    shares: sharesReached(emergence, options.shares),
  };
}

/** Code saturation of a study: the table every saturation output is rendered from. */
export function computeSaturation(source: SaturationSource, options: SaturationOptions = SATURATION_DEFAULTS): SaturationReport {
  const { used, codesOf, unplaced } = selectCodings(source, options.coder);
  const units = unitsOf(source.codebook, options.level);
  const ungrouped = new Map<string, string>();
  const found = new Map<string, Set<string>>();
  const notCoded: string[] = [];
  for (const place of source.interviewOrder) {
    const entry = codesOf.get(place.id);
    if (!entry || entry.codes.size === 0) {
      notCoded.push(place.id);
      continue;
    }
    const unitsHere = new Set<string>();
    for (const code of entry.codes) {
      const unit = units.unitOf(code);
      if (unit === null) ungrouped.set(code, source.codebook.byId.get(code)?.name ?? code);
      else unitsHere.add(unit);
    }
    found.set(place.id, unitsHere);
  }
  // One rank per unit: codebook order, then ids missing from the codebook in natural order.
  const rank = new Map(units.ordered.map((id, i) => [id, i]));
  const missing = new Set<string>();
  for (const unitsHere of found.values()) for (const unit of unitsHere) if (!rank.has(unit)) missing.add(unit);
  for (const id of [...missing].sort(compareNatural)) rank.set(id, rank.size);
  const codings = new Map<string, { coders: Set<string>; units: string[] }>();
  for (const [id, unitsHere] of found) {
    const sorted = [...unitsHere].map((unit) => [rank.get(unit)!, unit] as const).sort((a, b) => a[0] - b[0]);
    codings.set(id, { coders: codesOf.get(id)!.coders, units: sorted.map((pair) => pair[1]) });
  }
  const places = source.interviewOrder.filter((p) => codings.has(p.id));

  const analyses: SaturationAnalysis[] = [];
  if (places.length === 0) {
    // Nothing coded: no analysis at all, rather than one of zero interviews.
  } else if (options.by === undefined) analyses.push(analyse(null, places, codings, units.name, options));
  else {
    const groups = new Map<string, InterviewPlace[]>();
    for (const place of places) {
      const value = groupValue(source.participants, place.id, options.by);
      if (!groups.has(value)) groups.set(value, []);
      groups.get(value)!.push(place);
    }
    for (const value of [...groups.keys()].sort(compareNatural)) analyses.push(analyse(value, groups.get(value)!, codings, units.name, options));
  }

  return {
    level: options.level,
    codings: used,
    by: options.by ?? null,
    methods: SATURATION_METHODS.filter((m) => options.methods.includes(m)),
    parameters: { guest: options.guest, stopping: options.stopping, shares: options.shares },
    analyses,
    notCoded,
    unplacedSegments: unplaced,
    ungrouped: [...ungrouped].map(([id, name]) => ({ id, name })).sort((a, b) => compareNatural(a.name, b.name)),
  };
}
