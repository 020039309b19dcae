import { describe, expect, it } from 'vitest';
import { participantCode, proposeSpeakerMap } from './speaker-proposal.js';

describe('participantCode', () => {
  it('reads the participant from the file name, else a short number, else the file’s rank', () => {
    expect(participantCode('entretien-P3', 0)).toBe('P3');
    expect(participantCode('MG03', 0)).toBe('MG3');
    expect(participantCode('teams-entretien-A2', 0)).toBe('A2');
    expect(participantCode('interview 7', 0)).toBe('P7');
    expect(participantCode('GMT20240312-101500_Recording.transcript', 4)).toBe('P5');
  });
});

describe('proposeSpeakerMap', () => {
  const interview = (id: string, lines: string[], speakers: [string, string][]) => ({
    id,
    file: `sources/${id}.vtt`,
    text: `---\nid: ${id}\n---\n${lines.join('\n\n')}\n`,
    speakers: speakers.map(([label, written]) => ({ label, written })),
  });

  it('proposes E for the one who asks, the participant’s code for the others, with a line each says', () => {
    const rows = proposeSpeakerMap([
      interview(
        'entretien-P3',
        ['[00:00:02] Claire Petit: Bonjour, on commence ?', '[00:00:06] Dr Martin: Oui.', '[00:00:09] Claire Petit: Et vos patients ?', '[00:00:12] Dr Martin: Épuisés.', '[00:00:15] Jean Martin: Moi aussi.'],
        [
          ['Claire Petit (Interne)', 'Claire Petit'],
          ['Dr Martin', 'Dr Martin'],
          ['Jean Martin', 'Jean Martin'],
        ],
      ),
      // The same interviewer in a second file; an interviewer label already there.
      interview('MG04', ['E : Bonjour ?', 'Claire Petit : Je prends des notes.', 'Sophie Bernard : Oui.'], [
        ['E', 'E'],
        ['Claire Petit (Interne)', 'Claire Petit'],
        ['Sophie Bernard', 'Sophie Bernard'],
      ]),
    ]);
    expect(rows).toEqual([
      { label: 'Claire Petit (Interne)', files: ['sources/entretien-P3.vtt', 'sources/MG04.vtt'], example: 'Bonjour, on commence ?', proposed: 'E' },
      { label: 'Dr Martin', files: ['sources/entretien-P3.vtt'], example: 'Oui.', proposed: 'P3' },
      { label: 'Jean Martin', files: ['sources/entretien-P3.vtt'], example: 'Moi aussi.', proposed: 'P3b' },
      { label: 'Sophie Bernard', files: ['sources/MG04.vtt'], example: 'Oui.', proposed: 'MG4' },
    ]);
  });

  it('asks nothing when every label is already a code', () => {
    expect(proposeSpeakerMap([interview('P1', ['E : Bonjour ?', 'P1 : Oui.'], [['E', 'E'], ['P1', 'P1']])])).toEqual([]);
  });
});
