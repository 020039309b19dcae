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
    // Ambiguous, and still marked as confirmed once: a place to confirm again.
    expect(s.confirmed).toBe(true);
    expect(s.ambiguous).toBe(true);
  });

  it('asks to confirm it again when the transcript was corrected just next to it, its own text still at its offsets', () => {
    // The words just before (same length: the offsets stay) and just after it changed.
    for (const corrected of [before.replace('oui, mais', 'non, mais'), before.replace("mois d'attente", 'mois de délai.')]) {
      const e = entry();
      const t = transcript(corrected);
      const anchored = anchorCodings([e], new Map([['P1', t]]));
      expect(anchored.segments[0]!.status).toBe('unchanged');
      expect(anchored.problems).toEqual([expect.objectContaining({ kind: 'segment-confirm-again', severity: 'warning', line: undefined })]);
      expect(anchored.problems[0]!.message.fr).toContain('a été confirmé à son endroit (codage confirm)');
      expect(anchored.problems[0]!.hint!.en).toContain('codage confirm seg00001 --coder marie');
      const [file] = applyReanchoring([e], anchored.segments);
      expect(file).toMatchObject({ count: 0, confirmAgain: ['seg00001'] });
      const s = file!.coderFile.segments[0]!;
      const old = e.coderFile.segments[0]!;
      // Same place, same text: only the mark changes, and the words now around it are kept.
      expect({ start: s.start, end: s.end, text: s.text, codes: s.codes }).toEqual({ start: old.start, end: old.end, text: old.text, codes: old.codes });
      expect(s.confirmed).toBe(true);
      expect(s.ambiguous).toBe(true);
      const start = corrected.indexOf('huit mois');
      expect({ prefix: s.prefix, suffix: s.suffix }).toEqual(contextOf(corrected, start, start + 'huit mois'.length));
      // check then says it is to confirm again, not that an import placed it.
      const afterFix = anchorCodings([{ ...e, coderFile: file!.coderFile }], new Map([['P1', t]])).problems;
      expect(afterFix).toEqual([expect.objectContaining({ kind: 'segment-ambiguous' })]);
      expect(afterFix[0]!.message.en).toBe('segment seg00001 (P1.txt, line 2) is to confirm again: its place or the words around it changed since it was confirmed — “huit mois”');
      expect(afterFix[0]!.message.fr).toBe('le segment seg00001 (P1.txt, ligne 2) est à confirmer de nouveau\u00a0: son endroit ou les mots autour ont changé depuis sa confirmation — «\u00a0huit mois\u00a0»');
      expect(afterFix[0]!.hint!.en).toBe('check it is still the right place, then: codage confirm seg00001 --coder marie (if it is not, code the right passage and delete this line)');
      // An import's place to confirm keeps its own wording.
      const imported: CoderEntry = { ...e, coderFile: { ...e.coderFile, segments: [{ ...old, confirmed: undefined, ambiguous: true }] } };
      expect(anchorCodings([imported], new Map([['P1', t]])).problems[0]!.message.en).toContain('was placed by an import at one of several places');
    }
  });

  it('leaves it confirmed when the transcript changed farther than the words around it, or when no context was kept', () => {
    const far = before.replace('Alors on bricole.', 'Alors on fait avec.');
    const e = entry();
    const anchored = anchorCodings([e], new Map([['P1', transcript(far)]]));
    expect(anchored.problems).toEqual([]);
    expect(applyReanchoring([e], anchored.segments)).toEqual([]);
    const { prefix: _p, suffix: _s, ...bare } = e.coderFile.segments[0]!;
    const noContext: CoderEntry = { ...e, coderFile: { ...e.coderFile, segments: [bare] } };
    const near = anchorCodings([noContext], new Map([['P1', transcript(before.replace('oui, mais', 'non, mais'))]]));
    expect(near.problems).toEqual([]);
    expect(applyReanchoring([noContext], near.segments)).toEqual([]);
  });
});
