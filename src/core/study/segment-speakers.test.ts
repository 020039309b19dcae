import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import type { AnchoredSegment } from './anchor-codings.js';
import { severalSpeakerWarnings } from './segment-speakers.js';

const transcript = parseTranscript({
  file: 'transcripts/FG1.txt',
  bytes: new TextEncoder().encode('---\nid: FG1\n---\nAnimatrice : Et vous deux ?\n\nP3 : Moi, jamais.\n\nP4 : Moi, souvent.\n'),
  defaultId: 'FG1',
}).transcript;

function placed(id: string, from: string, to: string, status: AnchoredSegment['status'] = 'unchanged'): AnchoredSegment {
  const start = transcript.text.indexOf(from);
  const end = transcript.text.indexOf(to) + to.length;
  const text = transcript.text.slice(start, end);
  return { coder: 'paul', file: 'codings/paul.yaml', segment: { id, participant: 'FG1', start, end, text, codes: ['x'], line: 7 }, transcript, start, end, text, status, score: 1 };
}

describe('segments coded over several speakers', () => {
  it('warns for each, naming the coder file and line, the transcript and its line, the participant and the speakers', () => {
    const problems = severalSpeakerWarnings([placed('s1', 'jamais', 'souvent.'), placed('s2', 'Moi, jamais', 'jamais.'), placed('s3', 'vous deux', 'jamais.', 'unplaced')]);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ severity: 'warning', file: 'codings/paul.yaml', line: 7, column: 5, kind: 'segment-several-speakers' });
    expect(p!.message.en).toBe(
      'segment s1 (FG1, transcripts/FG1.txt, line 6) runs over the words of 2 speakers, P3 and P4: the exports quote it turn by turn, each turn after its speaker’s label',
    );
    expect(p!.message.fr).toBe(
      'le segment s1 (FG1, transcripts/FG1.txt, ligne 6) couvre les paroles de 2 locuteurs, P3 et P4 : les exports le citent tour par tour, chaque tour précédé de son locuteur',
    );
    expect(p!.hint!.fr).toContain('codage code FG1 --coder paul');
    expect(severalSpeakerWarnings([placed('s4', 'Et vous', 'souvent.')])[0]!.message.en).toContain('3 speakers, Animatrice, P3 and P4:');
  });
});
