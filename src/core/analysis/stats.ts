import { allCodes, allThemes } from '../codebook/query.js';
import { compareNatural } from '../natural-sort.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import { quoteKey } from '../study/quote-key.js';
import { codedShare, wordsBySide } from './speech.js';
import type { Codebook, CodebookNode, Participant, Transcript } from '../types.js';

export interface CodeCount {
  id: string;
  name: string;
  kind: 'theme' | 'code';
  /** Theme names from the top down to this node's parent. */
  path: string[];
  depth: number;
  /** Participants with at least one reference (n of n/N). */
  participants: number;
  /** Coded segments (references). */
  references: number;
  /** False for a code id used in codings but missing from the codebook. */
  inCodebook: boolean;
}

export interface ParticipantCount {
  id: string;
  /** Words of the participant's speech (the interviewer's are counted apart). */
  words: number;
  interviewerWords: number;
  segments: number;
  codes: number;
  /**
   * Share (0–1) of the participant's speech inside at least one segment, in characters (see
   * speech.ts): the measure the coding screen shows as "coded".
   */
  coveredShare: number;
}

export interface GroupCount {
  value: string;
  /** Participants in this group (N of n/N). */
  participants: number;
  codes: { id: string; participants: number; references: number }[];
}

export interface StudyStats {
  coders: string[];
  transcripts: number;
  /** Words of participant speech, and of the interviewers. */
  words: number;
  interviewerWords: number;
  segments: number;
  /** Distinct codes used in the segments. */
  codesUsed: number;
  codesInCodebook: number;
  themes: number;
  /** Themes (with their aggregated counts) and codes, in codebook order; unknown codes last. */
  tree: CodeCount[];
  participants: ParticipantCount[];
  groups?: { attribute: string; groups: GroupCount[] };
}

export interface StatsInput {
  transcripts: Transcript[];
  participants: Map<string, Participant>;
  codebook: Codebook;
  segments: AnchoredSegment[];
  coders: string[];
  by?: string;
}

export function groupValue(participants: ReadonlyMap<string, Participant>, id: string, attribute: string): string {
  const value = participants.get(id)?.attributes[attribute];
  if (value === undefined || value === null || value === '') return '—';
  const text = String(value).trim();
  return spellingsOf(participants, attribute).get(text.toLowerCase()) ?? text;
}

const spellingCache = new WeakMap<ReadonlyMap<string, Participant>, Map<string, Map<string, string>>>();

/**
 * One group for a value typed in several cases (`Urbain`, `urbain`): lowercased value → the
 * spelling most participants have (the first met on a tie).
 */
function spellingsOf(participants: ReadonlyMap<string, Participant>, attribute: string): Map<string, string> {
  let byAttribute = spellingCache.get(participants);
  if (byAttribute === undefined) spellingCache.set(participants, (byAttribute = new Map()));
  let spellings = byAttribute.get(attribute);
  if (spellings === undefined) {
    const counts = new Map<string, Map<string, number>>();
    for (const p of participants.values()) {
      const v = p.attributes[attribute];
      if (v === undefined || v === null || v === '') continue;
      const text = String(v).trim();
      const key = text.toLowerCase();
      let c = counts.get(key);
      if (c === undefined) counts.set(key, (c = new Map()));
      c.set(text, (c.get(text) ?? 0) + 1);
    }
    spellings = new Map([...counts].map(([key, c]) => [key, [...c].reduce((a, b) => (b[1] > a[1] ? b : a))[0]]));
    byAttribute.set(attribute, spellings);
  }
  return spellings;
}

/** Per code: participants who mention it and references, from the placed segments. */
export type CodeTally = Map<string, { participants: Set<string>; references: number }>;

/**
 * Per code id, the participants who mention it and its references: a segment counts once per
 * code, and the passages of one quote (segments sharing a quote id) count once together.
 */
export function tallyCodes(placed: readonly AnchoredSegment[]): CodeTally {
  const perCode: CodeTally = new Map();
  const counted = new Set<string>();
  for (const s of placed) {
    const codes = s.segment.codes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (codes.indexOf(code) !== i) continue;
      let pc = perCode.get(code);
      if (!pc) perCode.set(code, (pc = { participants: new Set(), references: 0 }));
      pc.participants.add(s.segment.participant);
      if (isNewReference(counted, code, s)) pc.references++;
    }
  }
  return perCode;
}

/**
 * True the first time `code` is counted for this reference: every segment is one, except the
 * passages of one quote (a shared quote id), which are one together. `counted` remembers them.
 */
export function isNewReference(counted: Set<string>, code: string, s: Pick<AnchoredSegment, 'coder' | 'segment'>): boolean {
  if (s.segment.quote === undefined) return true;
  const key = `${code}\u0000${quoteKey(s.coder, s.segment)}`;
  if (counted.has(key)) return false;
  counted.add(key);
  return true;
}

/**
 * Themes (with the counts of all the codes under them) and codes in codebook order, then the
 * codes used in codings but missing from the codebook.
 */
export function codeTree(codebook: Codebook, perCode: CodeTally): CodeCount[] {
  const tree: CodeCount[] = [];
  const visit = (node: CodebookNode, path: string[]): { participants: Set<string>; references: number } => {
    if (node.kind === 'code') {
      const pc = perCode.get(node.id);
      tree.push({ id: node.id, name: node.name, kind: 'code', path, depth: path.length, participants: pc?.participants.size ?? 0, references: pc?.references ?? 0, inCodebook: true });
      return { participants: pc?.participants ?? new Set(), references: pc?.references ?? 0 };
    }
    const row: CodeCount = { id: node.id, name: node.name, kind: 'theme', path, depth: path.length, participants: 0, references: 0, inCodebook: true };
    tree.push(row);
    const union = new Set<string>();
    let references = 0;
    for (const child of node.children) {
      const sub = visit(child, [...path, node.name]);
      for (const p of sub.participants) union.add(p);
      references += sub.references;
    }
    row.participants = union.size;
    row.references = references;
    return { participants: union, references };
  };
  for (const theme of codebook.themes) visit(theme, []);
  for (const code of codebook.ungrouped) visit(code, []);
  const unknown = [...perCode.keys()].filter((id) => !codebook.byId.has(id)).sort(compareNatural);
  for (const id of unknown) {
    const pc = perCode.get(id)!;
    tree.push({ id, name: id, kind: 'code', path: [], depth: 0, participants: pc.participants.size, references: pc.references, inCodebook: false });
  }
  return tree;
}

/** Counts for `codage stats`: per code (n/N, references), per theme, per participant, per group. */
export function computeStats(input: StatsInput): StudyStats {
  const { transcripts, codebook, segments } = input;
  const placed = segments.filter((s) => s.status !== 'unplaced');
  const perCode = tallyCodes(placed);
  const perParticipant = new Map<string, { segments: number; codes: Set<string>; spans: { start: number; end: number }[] }>();
  for (const s of placed) {
    const p = s.segment.participant;
    let pp = perParticipant.get(p);
    if (!pp) perParticipant.set(p, (pp = { segments: 0, codes: new Set(), spans: [] }));
    pp.segments++;
    pp.spans.push({ start: s.start, end: s.end });
    for (const code of s.segment.codes) pp.codes.add(code);
  }
  const tree = codeTree(codebook, perCode);

  const participants: ParticipantCount[] = transcripts.map((t) => {
    const pp = perParticipant.get(t.id);
    const words = wordsBySide(t);
    return {
      id: t.id,
      words: words.participant,
      interviewerWords: words.interviewer,
      segments: pp?.segments ?? 0,
      codes: pp?.codes.size ?? 0,
      coveredShare: codedShare(t, pp?.spans ?? []),
    };
  });

  let groups: StudyStats['groups'];
  if (input.by !== undefined) {
    const by = input.by;
    const members = new Map<string, Set<string>>();
    for (const t of transcripts) {
      const value = groupValue(input.participants, t.id, by);
      if (!members.has(value)) members.set(value, new Set());
      members.get(value)!.add(t.id);
    }
    const codeIds = tree.filter((row) => row.kind === 'code').map((row) => row.id);
    // References per group and code, in one pass over the segments.
    const groupOf = new Map<string, string>();
    for (const [value, ids] of members) for (const id of ids) groupOf.set(id, value);
    const referencesIn = new Map<string, Map<string, number>>();
    const counted = new Set<string>();
    for (const s of placed) {
      const value = groupOf.get(s.segment.participant);
      if (value === undefined) continue;
      let counts = referencesIn.get(value);
      if (!counts) referencesIn.set(value, (counts = new Map()));
      const codes = s.segment.codes;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i]!;
        if (codes.indexOf(code) === i && isNewReference(counted, code, s)) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    groups = {
      attribute: by,
      groups: [...members.keys()].sort(compareNatural).map((value) => {
        const ids = members.get(value)!;
        return {
          value,
          participants: ids.size,
          codes: codeIds.map((id) => {
            let n = 0;
            for (const p of perCode.get(id)?.participants ?? []) if (ids.has(p)) n++;
            return { id, participants: n, references: referencesIn.get(value)?.get(id) ?? 0 };
          }),
        };
      }),
    };
  }

  return {
    coders: input.coders,
    transcripts: transcripts.length,
    words: participants.reduce((sum, p) => sum + p.words, 0),
    interviewerWords: participants.reduce((sum, p) => sum + p.interviewerWords, 0),
    segments: placed.length,
    codesUsed: perCode.size,
    codesInCodebook: allCodes(codebook).length,
    themes: allThemes(codebook).length,
    tree,
    participants,
    groups,
  };
}
