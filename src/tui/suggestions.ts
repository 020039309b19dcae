/**
 * The coding screen's code suggestions (core/suggest): an index of this coder's own segments,
 * filled in small batches once the screen has drawn its first frame (`start`: 20,000 segments
 * take about half a second, which must delay neither the opening nor a key), and kept up to date
 * with every save.
 */
import { SuggestionIndex } from '../core/suggest/index.js';
import type { Segment } from '../core/types.js';
import type { Suggest } from './session-state.js';

export interface CoderSuggestions {
  suggest: Suggest;
  /** Starts filling the index (once the screen is shown); calling it again does nothing. */
  start(): void;
  /** Stops filling it (the screen is closed: nothing keeps the command from ending). */
  stop(): void;
  /** How many of the coder's segments are in the index so far. */
  indexed(): number;
  /** After a save: the participant's segments as they are now in the coder file. */
  update(participant: string, segments: readonly Segment[]): void;
}

const BATCH = 500;

export function coderSuggestions(segments: readonly Segment[]): CoderSuggestions {
  const index = new SuggestionIndex();
  const ids = new Map<string, Set<string>>();
  const add = (s: Segment): void => {
    index.put(s.id, s);
    let set = ids.get(s.participant);
    if (set === undefined) ids.set(s.participant, (set = new Set()));
    set.add(s.id);
  };
  // Updated participants are not filled again by the batches still to come.
  const updated = new Set<string>();
  let next = 0;
  // Each batch is a new turn of the event loop, so that keys are read between batches. The
  // immediates are not unref'd: an unref'd one does not wake Node up, and the next batch then
  // waited for a key or a timer (20,000 segments took a minute to be indexed instead of 0.6 s).
  let pending: NodeJS.Immediate | null = null;
  const fill = (): void => {
    pending = null;
    const end = Math.min(segments.length, next + BATCH);
    for (; next < end; next++) {
      const s = segments[next] as Segment;
      if (!updated.has(s.participant)) add(s);
    }
    if (next < segments.length) pending = setImmediate(fill);
  };
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      pending = setImmediate(fill);
    },
    stop() {
      started = true;
      if (pending !== null) clearImmediate(pending);
      pending = null;
      next = segments.length;
    },
    indexed: () => index.size,
    suggest: (text, exclude) => index.suggest(text, exclude === undefined ? {} : { exclude }),
    update(participant, all) {
      updated.add(participant);
      const now = all.filter((s) => s.participant === participant);
      const keep = new Set(now.map((s) => s.id));
      for (const id of ids.get(participant) ?? []) if (!keep.has(id)) index.remove(id);
      ids.set(participant, new Set());
      for (const s of now) add(s);
    },
  };
}
