/** Builds a ReportStudy from plain strings, the way `codage export` builds one from a folder. */
import { parseCodebook } from '../src/core/codebook/parse.js';
import { DEFAULT_SELECTION, type QuoteSelection } from '../src/core/report/quotes.js';
import { findPairAttribute, type ReportStudy } from '../src/core/report/report-study.js';
import type { AnchoredSegment } from '../src/core/study/anchor-codings.js';
import { parseTranscript } from '../src/core/transcript/parse.js';
import type { Attributes, Language, Participant, Segment, Transcript } from '../src/core/types.js';

export interface FixtureSegment {
  participant: string;
  /** The quote: it must occur in the participant's transcript (its first occurrence is used). */
  text: string;
  codes: string[];
  exemplary?: boolean;
  coder?: string;
  quote?: string;
  unplaced?: boolean;
  memo?: string;
}

export interface FixtureInput {
  language?: Language;
  transcripts: Record<string, string>;
  attributes?: Record<string, Attributes>;
  codebook: string;
  segments: FixtureSegment[];
  quoteLabel?: string;
  selection?: Partial<QuoteSelection>;
  title?: string;
  pair?: string;
}

export function reportFixture(input: FixtureInput): ReportStudy {
  const transcripts: Transcript[] = Object.entries(input.transcripts).map(
    ([id, text]) => parseTranscript({ file: `transcripts/${id}.txt`, bytes: new TextEncoder().encode(text), defaultId: id }).transcript,
  );
  const byId = new Map(transcripts.map((t) => [t.id, t]));
  const participants = new Map<string, Participant>(transcripts.map((t) => [t.id, { id: t.id, attributes: { ...t.attributes, ...(input.attributes?.[t.id] ?? {}) } }]));
  const { codebook } = parseCodebook(input.codebook, 'codebook.yaml');
  const segments: AnchoredSegment[] = input.segments.map((s, i) => {
    const transcript = byId.get(s.participant);
    if (!transcript) throw new Error(`no transcript ${s.participant}`);
    const start = transcript.text.indexOf(s.text);
    if (start < 0 && !s.unplaced) throw new Error(`"${s.text}" is not in ${s.participant}`);
    const segment: Segment & { quote?: string } = { id: `s${i}`, participant: s.participant, start: Math.max(0, start), end: Math.max(0, start) + s.text.length, text: s.text, codes: s.codes };
    if (s.exemplary) segment.exemplary = true;
    if (s.quote) segment.quote = s.quote;
    if (s.memo) segment.memo = s.memo;
    return {
      coder: s.coder ?? 'marie',
      file: `codings/${s.coder ?? 'marie'}.yaml`,
      segment,
      transcript,
      start: Math.max(0, start),
      end: Math.max(0, start) + s.text.length,
      text: s.text,
      status: s.unplaced ? 'unplaced' : 'unchanged',
      score: 1,
    };
  });
  const coders = [...new Set(segments.map((s) => s.coder))];
  return {
    language: input.language ?? 'fr',
    transcripts,
    participants,
    codebook,
    segments,
    coders: coders.length > 0 ? [coders[0]!] : [],
    coverage: coders.map((coder) => ({ coder, participants: [...new Set(segments.filter((s) => s.coder === coder).map((s) => s.segment.participant))] })),
    quoteLabel: input.quoteLabel ?? '{id}',
    software: 'codage 0.0.0-test',
    selection: { ...DEFAULT_SELECTION, ...input.selection },
    ...(input.title ? { title: input.title } : {}),
    ...(findPairAttribute(participants.values(), input.pair) !== undefined ? { pairAttribute: findPairAttribute(participants.values(), input.pair)! } : {}),
  };
}
