import { describe, expect, it } from 'vitest';
import { contextOf } from '../anchoring/context.js';
import { parseTranscript } from '../transcript/parse.js';
import type { Segment } from '../types.js';
import { anchorCodings } from './anchor-codings.js';
import { applyReanchoring } from './apply-reanchoring.js';
import type { CoderEntry } from './study.js';

const before = `E : Et le centre de la douleur ?
P1 : Au centre de la douleur, oui, mais c'est huit mois d'attente. Huit mois. Alors on bricole.
`;

const transcript = (text: string) => parseTranscript({ file: 'P1.txt', bytes: new TextEncoder().encode(text), defaultId: 'P1' }).transcript;

/** marie's file: `huit mois` confirmed at its first place (the import had placed it among two). */
function entry(): CoderEntry {
  const start = before.indexOf('huit mois');
  const end = start + 'huit mois'.length;
  const segment: Segment = { id: 'seg00001', participant: 'P1', start, end, text: 'huit mois', codes: ['delais'], confirmed: true, ...contextOf(before, start, end) };
  return { coder: 'marie', file: 'codings/marie.yaml', coderFile: { coder: 'marie', memos: {}, segments: [segment] }, kept: {}, rewritable: true };
}

function fixed(text: string): Segment {
  const e = entry();
  const t = transcript(text);
  const [file] = applyReanchoring([e], anchorCodings([e], new Map([['P1', t]])).segments);
  return file!.coderFile.segments[0]!;
}

describe('codage check --fix and a place the coder confirmed', () => {
  it('keeps it confirmed when it moved with the same words around it (the transcript edited above it)', () => {
    const s = fixed(before.replace('Et le centre', 'Et alors le centre'));
    expect(s).toMatchObject({ start: entry().coderFile.segments[0]!.start + 'alors '.length, confirmed: true });
    expect(s.ambiguous).toBeUndefined();
  });

  it('asks to confirm it again when the transcript no longer says it there: taken to the other place, ambiguous', () => {
    // `huit mois` became `huit longs mois` where it was confirmed: the other `Huit mois` is what check --fix finds.
    const s = fixed(before.replace("c'est huit mois d'attente", "c'est huit longs mois d'attente"));
    expect(s.text).toBe('Huit mois');
    expect(s.confirmed).toBeUndefined();
    expect(s.ambiguous).toBe(true);
  });
});
