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
  const fill = (): void => {
    const end = Math.min(segments.length, next + BATCH);
    for (; next < end; next++) {
      const s = segments[next] as Segment;
      if (!updated.has(s.participant)) add(s);
    }
    if (next < segments.length) setImmediate(fill).unref?.();
  };
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      setImmediate(fill).unref?.();
    },
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
