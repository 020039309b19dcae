/** Ids of coded segments: 8 characters from [a-z0-9], from an injected random source. */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const SEGMENT_ID_LENGTH = 8;

/** A new segment id. `random` returns numbers in [0, 1), like `Math.random`. */
export function createSegmentId(random: () => number): string {
  let id = '';
  for (let i = 0; i < SEGMENT_ID_LENGTH; i++) {
    const r = random();
    const index = Math.min(ALPHABET.length - 1, Math.max(0, Math.floor(r * ALPHABET.length)));
    id += ALPHABET[index];
  }
  return id;
}

/** A new segment id not in `taken` (36^8 ids: a clash is rare, a broken random source is not). */
export function uniqueSegmentId(taken: ReadonlySet<string>, random: () => number): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = createSegmentId(random);
    if (!taken.has(id)) return id;
  }
  throw new Error('uniqueSegmentId: the random source keeps giving ids already taken');
}
