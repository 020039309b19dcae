/**
 * The log's decisions placed on today's disagreements. A row names its disagreement by its key;
 * the same key today is the same disagreement. A correction of a transcript (words added above
 * a passage, then `codage check --fix`) moves passages, and with them the positions in their
 * keys: a row is then placed on the one disagreement of the same shape (`keys.ts`: same sides
 * from the passage's start, same codes, same segments and text), its edited codings moved by as
 * much. A row an earlier codage wrote (no fingerprint) is placed there when its quotes, as the
 * log shows them, are today's and its passage occurs once in the transcript. An edited coding
 * reaching outside its passage moves only when the text it quotes in the log is there. Whatever cannot be placed for certain is not applied, and
 * is kept in the log as it was: the command says so. A decision never goes to another passage.
 */
import type { Disagreement } from '../analysis/agreement/disagreements.js';
import { transcriptOffsets } from '../study/anchor-codings.js';
import type { Codebook, Language, Transcript } from '../types.js';
import type { Decision } from './decisions.js';
import { keyParts, keyWithoutFingerprint, shapeWithoutFingerprint, type KeyParts } from './keys.js';
import { describeSide, editedOutcome, type LogRow } from './log.js';
import type { Reconciliation } from './plan.js';

export interface Placement {
  /** The decisions on today's disagreements, by today's keys. */
  decisions: Map<string, Decision>;
  /** Rows whose disagreement cannot be found for certain: not applied, kept in the log as they were. */
  stale: LogRow[];
  /** Rows placed on a disagreement whose passage moved. */
  moved: number;
}

const LANGUAGES: readonly Language[] = ['fr', 'en'];

interface Current {
  d: Disagreement;
  parts: KeyParts;
  transcript: Transcript;
}

/** Whether the row quotes both sides as the log would quote them today (in either language). */
function sameQuotes(row: LogRow, c: Current, codebook: Codebook): boolean {
  const text = c.transcript.text;
  return LANGUAGES.some(
    (language) => describeSide(c.d.a, text, codebook, language) === row.cells.coding_a && describeSide(c.d.b, text, codebook, language) === row.cells.coding_b,
  );
}

/** The row's decision on `c`, its edited codings moved with the passage; null when an edit cannot be placed for certain. */
function moved(row: LogRow, from: KeyParts, c: Current, codebook: Codebook): Decision | null {
  const decision: Decision = { ...row.decision, key: c.d.key };
  if (row.decision.edited === undefined) return decision;
  const delta = c.parts.start - from.start;
  const offsets = transcriptOffsets(c.transcript);
  const end = offsets.toCodePoint(c.d.end);
  const edited = row.decision.edited.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta }));
  if (edited.some((e) => e.start < 0 || e.end > offsets.length)) return null;
  // Inside the passage, the text is the one the key's fingerprint names; outside, the log's quote tells.
  const inside = edited.every((e) => e.start >= c.parts.start && e.end <= end);
  const quoted = () => LANGUAGES.some((language) => editedOutcome(edited, { transcript: c.transcript, offsets, codebook, language }) === row.cells.outcome);
  if (!inside && !quoted()) return null;
  decision.edited = edited;
  return decision;
}

/** Whether `passage` occurs once only in `text`: else a passage found by its quotes alone could be another. */
function once(text: string, passage: string): boolean {
  const first = text.indexOf(passage);
  return first >= 0 && text.indexOf(passage, first + 1) < 0;
}

/**
 * The disagreements of today a row not found by its key may name: the one of the same shape and
 * fingerprint (moved); for a key an earlier codage wrote, the one of the same shape whose quotes
 * are the row's and whose passage occurs once in its transcript (moved); and for a key whose
 * segment ids changed (a coder file imported again), the one at the same place whose quotes are
 * the row's.
 */
function candidatesFor(row: LogRow, parts: KeyParts, free: readonly Current[], codebook: Codebook): Current[] {
  if (parts.fingerprint !== null) {
    const same = free.filter((c) => c.parts.shape === parts.shape);
    if (same.length > 0) return same;
    const here = keyWithoutFingerprint(row.decision.key);
    return free.filter((c) => keyWithoutFingerprint(c.d.key) === here && sameQuotes(row, c, codebook));
  }
  return free.filter(
    (c) => shapeWithoutFingerprint(c.parts) === parts.shape && sameQuotes(row, c, codebook) && once(c.transcript.text, c.transcript.text.slice(c.d.start, c.d.end)),
  );
}

export function placeDecisions(rec: Reconciliation, rows: readonly LogRow[], codebook: Codebook): Placement {
  const transcripts = new Map(rec.compared.map((c) => [c.transcript.id, c.transcript]));
  const byKey = new Map(rec.disagreements.map((d) => [d.key, d]));
  const byOldKey = new Map(rec.disagreements.map((d) => [keyWithoutFingerprint(d.key), d]));
  const decisions = new Map<string, Decision>();
  const left: LogRow[] = [];
  for (const row of rows) {
    const key = row.decision.key;
    const d = byKey.get(key) ?? (keyParts(key)?.fingerprint === null ? byOldKey.get(key) : undefined);
    if (d !== undefined && !decisions.has(d.key)) decisions.set(d.key, { ...row.decision, key: d.key });
    else left.push(row);
  }
  // The rows left: each on the one disagreement not yet decided it names, when no other row names it too.
  const free: Current[] = [];
  for (const d of rec.disagreements) {
    const parts = keyParts(d.key);
    const transcript = transcripts.get(d.participant);
    if (!decisions.has(d.key) && parts !== null && transcript !== undefined) free.push({ d, parts, transcript });
  }
  const wanted = new Map<Current, { row: LogRow; parts: KeyParts }[]>();
  const stale: LogRow[] = [];
  for (const row of left) {
    const parts = keyParts(row.decision.key);
    const candidates = parts === null ? [] : candidatesFor(row, parts, free, codebook);
    if (parts === null || candidates.length !== 1) {
      stale.push(row);
      continue;
    }
    let list = wanted.get(candidates[0]!);
    if (!list) wanted.set(candidates[0]!, (list = []));
    list.push({ row, parts });
  }
  let count = 0;
  for (const [current, list] of wanted) {
    const decision = list.length === 1 ? moved(list[0]!.row, list[0]!.parts, current, codebook) : null;
    if (decision === null) {
      stale.push(...list.map((w) => w.row));
      continue;
    }
    decisions.set(current.d.key, decision);
    if (current.parts.start !== list[0]!.parts.start) count++;
  }
  // Stale rows in the log's order.
  const order = new Map(rows.map((r, i) => [r, i]));
  stale.sort((x, y) => order.get(x)! - order.get(y)!);
  return { decisions, stale, moved: count };
}
