import { describe, expect, it } from 'vitest';
import type { Transcript } from '../types.js';
import { mergeParticipants } from './assemble.js';

function transcript(id: string, attributes: Transcript['attributes']): Transcript {
  return { id, file: `transcripts/${id}.txt`, text: '', bodyLine: 1, encoding: 'utf-8', attributes, turns: [], annotations: [] } as Transcript;
}

describe('mergeParticipants', () => {
  it('takes one date written two ways (15/01/2024 and 2024-01-15) as one value, not a conflict', () => {
    const { problems, participants } = mergeParticipants([transcript('MG1', { date: '2024-01-15', age: 52 })], [{ id: 'MG1', attributes: { date: '15/01/2024', age: '52' }, line: 2 }]);
    expect(problems).toEqual([]);
    expect(participants.get('MG1')?.attributes.date).toBe('2024-01-15');
  });

  it('reports two different values, dates included', () => {
    const { problems } = mergeParticipants(
      [transcript('MG1', { date: '2024-01-16', sexe: 'F' })],
      [{ id: 'MG1', attributes: { date: '15/01/2024', sexe: 'H' }, line: 2 }],
    );
    expect(problems.map((p) => p.message.en)).toEqual([
      'MG1: date is "15/01/2024" here but "2024-01-16" in transcripts/MG1.txt',
      'MG1: sexe is "H" here but "F" in transcripts/MG1.txt',
    ]);
  });
});
