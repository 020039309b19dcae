import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../text/decode.js';
import { parseTranscript } from '../transcript/parse.js';
import { segmentSentences } from '../transcript/sentences.js';
import type { CoderFile, Transcript } from '../types.js';
import { planAutocode, type AutocodeUnit } from './plan.js';
import { parseSearch } from './search.js';

function transcript(id: string, text: string): Transcript {
  return parseTranscript({ file: `transcripts/${id}.txt`, bytes: new TextEncoder().encode(text), defaultId: id, decodeUtf8 }).transcript;
}

const MG1 = transcript(
  'MG1',
  `---
id: MG1
---
E : Et la douleur, comment la gérez-vous ?

MG1 : La douleur chronique, c'est l'usure. Je prescris. Les douleurs 🙂 reviennent toujours.

E : D'accord.

MG1 : Parfois je n'ai plus rien à proposer. La douleur encore.
`,
);

function plan(query: string, unit: AutocodeUnit, coderFile: CoderFile | null = null, interviewer = false) {
  return planAutocode({
    search: parseSearch(query),
    codeId: 'douleur',
    unit,
    transcripts: [MG1],
    sentencesOf: (t) => segmentSentences(t.text, t.turns),
    coderFile,
    interviewer,
  })[0]!;
}

describe('planAutocode', () => {
  it('codes the sentences of the participant’s hits, one passage per sentence, and leaves the interviewer’s', () => {
    const p = plan('douleur*', 'sentence');
    expect(p.hits).toBe(4);
    expect(p.interviewerHits).toBe(1);
    expect(p.passages.map((x) => x.text)).toEqual(["La douleur chronique, c'est l'usure.", 'Les douleurs 🙂 reviennent toujours.', 'La douleur encore.']);
    expect(p.passages.map((x) => x.line)).toEqual([6, 6, 10]);
    for (const x of p.passages) expect(MG1.text.slice(x.start, x.end)).toBe(x.text);
  });
  it('codes a sentence as the coding screen quotes it: without the annotation that opens it', () => {
    const t = transcript('MG2', 'E : Et alors ?\n\nMG2 : [rires] Ça m’évoque la douleur. (soupir) Trois semaines de douleur.\n');
    const p = planAutocode({ search: parseSearch('douleur'), codeId: 'douleur', unit: 'sentence', transcripts: [t], sentencesOf: (x) => segmentSentences(x.text, x.turns), coderFile: null, interviewer: false })[0]!;
    expect(p.passages.map((x) => x.text)).toEqual(['Ça m’évoque la douleur.', 'Trois semaines de douleur.']);
  });
  it('codes the words hit, or the whole turn (once for several hits)', () => {
    expect(plan('douleur*', 'word').passages.map((x) => x.text)).toEqual(['douleur', 'douleurs', 'douleur']);
    const turns = plan('douleur*', 'turn').passages;
    expect(turns.map((x) => x.text)).toEqual([
      "La douleur chronique, c'est l'usure. Je prescris. Les douleurs 🙂 reviennent toujours.",
      "Parfois je n'ai plus rien à proposer. La douleur encore.",
    ]);
    expect(turns[0]!.hits).toHaveLength(2);
    expect(plan('douleur', 'word', null, true).passages).toHaveLength(3);
  });
  it('leaves what the coder already coded with the code, even in part (offsets in code points)', () => {
    const text = MG1.text;
    const at = text.indexOf('reviennent');
    // The emoji before "reviennent" is two UTF-16 units but one code point.
    const cp = [...text.slice(0, at)].length;
    const coderFile: CoderFile = {
      coder: 'marie',
      memos: {},
      segments: [{ id: 's1', participant: 'MG1', start: cp, end: cp + 'reviennent'.length, text: 'reviennent', codes: ['douleur'] }],
    };
    const p = plan('douleur*', 'sentence', coderFile);
    expect(p.alreadyCoded.map((x) => x.text)).toEqual(['Les douleurs 🙂 reviennent toujours.']);
    expect(p.passages).toHaveLength(2);
    const other = plan('douleur*', 'sentence', { ...coderFile, segments: [{ ...coderFile.segments[0]!, codes: ['autre'] }] });
    expect(other.passages).toHaveLength(3);
  });
  it('joins passages that overlap into one', () => {
    const p = plan("chronique c'est OR c'est l'usure", 'word');
    expect(p.passages.map((x) => x.text)).toEqual(["chronique, c'est l'usure"]);
  });
});
