/**
 * Whether the consensus file on disk is what the decisions give, transcript by transcript: where
 * it is not, it was changed since codage wrote it (coded on, edited by hand), or what it is built
 * from changed (a coder file, the log), and rebuilding it would overwrite that. The command
 * decides what may be rebuilt; this module only says where the file and the rebuild differ.
 */
import { quote, segmentFlow, sortSegments, type KeptEntries } from '../codings/serialize.js';
import { contextAtPlace } from '../study/anchor-codings.js';
import type { CoderFile, Segment, Transcript } from '../types.js';
import type { Decision } from './decisions.js';
import { consensusOf, type Reconciliation } from './plan.js';

/** Where a difference lies outside every transcript: the coder's name, keys codage does not know. */
export const WHOLE_FILE = '';

/**
 * How codage builds a consensus, then how earlier versions built it: every memo and mark of the
 * segments it comes from, and a coder's quote id, ambiguous mark and context on the same passage;
 * before, not that passage's quote id, mark and context; before that, only the memos and marks of
 * a coder's segment on the very same span.
 */
const RULES = [
  { notes: 'every-source', passage: 'same-passage' },
  { notes: 'every-source', passage: 'none' },
  { notes: 'same-span', passage: 'none' },
] as const;

/** The decisions without the most recent ones (what the consensus holds if codage stopped between writing the log and the consensus). */
function withoutLatest(decisions: ReadonlyMap<string, Decision>): Map<string, Decision> {
  const latest = [...decisions.values()].map((d) => d.when).sort().at(-1);
  return new Map([...decisions].filter(([, d]) => d.when !== latest));
}

/** A coder file's content by transcript, as written (its memo, then its segments in file order); `WHOLE_FILE`: the rest. */
function byTranscript(file: CoderFile, kept: KeptEntries = {}): Map<string, string> {
  const out = new Map<string, string>([[WHOLE_FILE, JSON.stringify([file.coder, kept.extra ?? [], (kept.invalid ?? []).map((e) => e.raw)])]]);
  const add = (participant: string, line: string) => out.set(participant, `${out.get(participant) ?? ''}${line}\n`);
  for (const [participant, memo] of Object.entries(file.memos)) add(participant, `memo: ${quote(memo)}`);
  for (const s of sortSegments(file.segments)) add(s.participant, segmentFlow(s));
  return out;
}

/**
 * The consensus on disk, but where a coder confirmed since the place of a segment it took
 * (`codage confirm --coder marie`: the rebuild has the same segment without its `ambiguous` mark,
 * at the time of the confirmation, and with the words around it as the transcript has them today,
 * which `codage confirm` records), as the rebuild has it: the rebuild loses nothing there.
 */
function withCodersConfirmations(onDisk: CoderFile, rebuilt: CoderFile, transcripts: ReadonlyMap<string, Transcript>): CoderFile {
  const byId = new Map(rebuilt.segments.map((s) => [s.id, s]));
  const place = (s: Segment) => JSON.stringify([s.participant, s.start, s.end, s.text, s.codes, s.memo, s.exemplary, s.quote]);
  const sameWords = (x: Segment, y: { prefix?: string; suffix?: string } | null) => y !== null && x.prefix === y.prefix && x.suffix === y.suffix;
  const today = (s: Segment) => {
    const transcript = transcripts.get(s.participant);
    return transcript === undefined ? null : contextAtPlace(transcript, s);
  };
  let changed = false;
  const segments = onDisk.segments.map((s) => {
    const r = byId.get(s.id);
    if (s.ambiguous !== true || r === undefined || r.ambiguous === true || place(r) !== place(s)) return s;
    if (!sameWords(r, s) && !sameWords(r, today(r))) return s;
    changed = true;
    return r;
  });
  return changed ? { ...onDisk, segments } : onDisk;
}

function differences(x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>): string[] {
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k));
}

/**
 * The transcripts (`WHOLE_FILE` for the rest of the file) where the consensus on disk is not what
 * the decisions give — nor gave just before the last one, when codage stopped between its two
 * writes; empty when it is. A consensus an earlier codage wrote (`RULES`) is recognised too:
 * rebuilding it adds the memos, marks, quote ids and contexts it left out.
 */
export function consensusChanges(
  rec: Reconciliation,
  decisions: ReadonlyMap<string, Decision>,
  into: string,
  onDisk: { coderFile: CoderFile; kept: KeptEntries },
): string[] {
  const before = withoutLatest(decisions);
  const transcripts = new Map([...rec.compared, ...rec.copied].map((c) => [c.transcript.id, c.transcript]));
  let fewest: string[] | null = null;
  for (const rules of RULES) {
    for (const d of [decisions, before]) {
      const rebuilt = consensusOf(rec, d, into, { ...rules, previous: onDisk.coderFile }).coderFile;
      const current = byTranscript(withCodersConfirmations(onDisk.coderFile, rebuilt, transcripts), onDisk.kept);
      const changed = differences(current, byTranscript(rebuilt));
      if (changed.length === 0) return [];
      if (fewest === null || changed.length < fewest.length) fewest = changed;
    }
  }
  return fewest ?? [];
}

/** One difference between the consensus on disk and its rebuild: what --force would do to it. */
export type ConsensusEdit =
  /** A segment of the file the rebuild does not have: --force removes it. */
  | { participant: string; segment: string; kind: 'removed' }
  /** A segment of the rebuild the file does not have: --force adds it (back). */
  | { participant: string; segment: string; kind: 'added' }
  /** A segment in both whose fields differ (keys as in the file): --force gives them the rebuild's values. */
  | { participant: string; segment: string; kind: 'fields'; fields: string[]; codes?: { file: string[]; rebuilt: string[] } }
  /** The memo on the whole transcript: --force gives it the coders' memos. */
  | { participant: string; kind: 'memo' };

const FIELDS = ['start', 'end', 'text', 'codes', 'memo', 'exemplary', 'quote', 'ambiguous', 'confirmed', 'prefix', 'suffix', 'at'] as const;

/**
 * What rebuilding would change in the consensus on disk, in the given transcripts, segment by
 * segment (matched by id) and field by field, so that a refusal can say it; in file order.
 */
export function consensusEdits(onDisk: CoderFile, rebuilt: CoderFile, participants: readonly string[]): ConsensusEdit[] {
  const wanted = new Set(participants);
  const out: ConsensusEdit[] = [];
  for (const p of participants) if (onDisk.memos[p] !== rebuilt.memos[p]) out.push({ participant: p, kind: 'memo' });
  const rebuiltById = new Map(rebuilt.segments.filter((s) => wanted.has(s.participant)).map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (const s of sortSegments(onDisk.segments)) {
    if (!wanted.has(s.participant)) continue;
    seen.add(s.id);
    const r = rebuiltById.get(s.id);
    if (r === undefined || r.participant !== s.participant) {
      out.push({ participant: s.participant, segment: s.id, kind: 'removed' });
      continue;
    }
    const fields = FIELDS.filter((f) => JSON.stringify(s[f]) !== JSON.stringify(r[f]));
    if (fields.length === 0) continue;
    out.push({ participant: s.participant, segment: s.id, kind: 'fields', fields, ...(fields.includes('codes') ? { codes: { file: s.codes, rebuilt: r.codes } } : {}) });
  }
  for (const r of sortSegments([...rebuiltById.values()])) if (!seen.has(r.id)) out.push({ participant: r.participant, segment: r.id, kind: 'added' });
  return out;
}
