/**
 * Keeps the user's formatting when a YAML document is edited through the `yaml` Document API.
 *
 * `yaml` re-prints the whole file, and a few things come out differently from what the user
 * wrote (spacing before inline comments, a comment after `key:`, blank lines around comments).
 * Printing the document before the edit (`baseline`) and after it (`edited`) shows exactly what
 * the edit changed; a three-way merge of lines (base: `baseline`, ours: the user's `source`,
 * theirs: `edited`) applies that change to the user's own text. Where both sides changed the
 * same lines, the edited text wins for those lines only.
 */

/**
 * For each line of `a`, the index of the line of `b` it is matched with, or -1 (Myers diff).
 * Returns null when the texts differ too much for a line merge to be worth it.
 */
export function matchLines(a: readonly string[], b: readonly string[], maxEdits = 2000): Int32Array | null {
  const match = new Int32Array(a.length).fill(-1);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    match[start] = start;
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
    match[endA] = endB;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return match;
  const max = n + m;
  const limit = Math.min(max, maxEdits);
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(max - d, max + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[max + k - 1] as number) < (v[max + k + 1] as number))) x = v[max + k + 1] as number;
      else x = (v[max + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const saved = trace[d] as Int32Array;
    const at = (k: number): number => saved[k + d] as number;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else if (k === -d || (k !== d && at(k - 1) < at(k + 1))) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      match[start + x] = start + y;
    }
    x = prevX;
    y = prevY;
  }
  return match;
}

interface Hunk {
  /** Base lines [start, end) are replaced by `lines` (start = end: a pure insertion before `start`). */
  start: number;
  end: number;
  lines: readonly string[];
  theirs: boolean;
}

function hunks(match: Int32Array, other: readonly string[], theirs: boolean): Hunk[] {
  const out: Hunk[] = [];
  const n = match.length;
  let k = 0;
  let x = 0;
  while (k < n || x < other.length) {
    if (k < n && match[k] === x) {
      k++;
      x++;
      continue;
    }
    const start = k;
    while (k < n && (match[k] as number) < 0) k++;
    const next = k < n ? (match[k] as number) : other.length;
    out.push({ start, end: k, lines: other.slice(x, next), theirs });
    x = next;
  }
  return out;
}

/**
 * Three-way merge of lines. Changes on one side only are applied; changes at the same place
 * on both sides keep both when they do not overlap (insertions first), and when they overlap
 * `theirs` wins for the lines concerned. Null when a side differs too much from `base`.
 */
export function mergeLines(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] | null {
  const mo = matchLines(base, ours);
  const mt = matchLines(base, theirs);
  if (!mo || !mt) return null;
  const all = [...hunks(mo, ours, false), ...hunks(mt, theirs, true)].sort(
    (a, b) => a.start - b.start || (a.end - a.start === 0 ? 0 : 1) - (b.end - b.start === 0 ? 0 : 1) || Number(a.theirs) - Number(b.theirs),
  );
  const out: string[] = [];
  let pos = 0;
  let i = 0;
  while (i < all.length) {
    const group: Hunk[] = [all[i] as Hunk];
    let end = (all[i] as Hunk).end;
    i++;
    while (i < all.length && (all[i] as Hunk).start < end) {
      group.push(all[i] as Hunk);
      end = Math.max(end, (all[i] as Hunk).end);
      i++;
    }
    const start = (group[0] as Hunk).start;
    for (; pos < start; pos++) out.push(base[pos] as string);
    if (group.length === 1) {
      out.push(...(group[0] as Hunk).lines);
    } else {
      // Overlapping changes: the region as `theirs` has it.
      const edits = group.filter((h) => h.theirs);
      let k = start;
      for (const h of edits) {
        for (; k < h.start; k++) out.push(base[k] as string);
        out.push(...h.lines);
        k = h.end;
      }
      for (; k < end; k++) out.push(base[k] as string);
    }
    pos = Math.max(pos, end);
  }
  for (; pos < base.length; pos++) out.push(base[pos] as string);
  return out;
}

/** The user's `source` with the change from `baseline` to `edited` applied (see the file comment). */
export function keepFormatting(source: string, baseline: string, edited: string): string {
  if (baseline === edited) return source;
  const merged = mergeLines(baseline.split('\n'), source.split('\n'), edited.split('\n'));
  return merged ? merged.join('\n') : edited;
}
