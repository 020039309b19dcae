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

  it('names the transcript a row means when its id is the Word file’s name (`Entretien MG1` for the row MG1), and how to join them', () => {
    const { problems } = mergeParticipants([transcript('Entretien MG1', {}), transcript('MG2', {})], [
      { id: 'MG1', attributes: { sexe: 'H' }, line: 2 },
      { id: 'MG7', attributes: { sexe: 'F' }, line: 3 },
    ]);
    expect(problems.map((p) => [p.line, p.message.fr, p.hint?.fr])).toEqual([
      [2, 'MG1 n’a pas de transcription\u00a0: transcripts/Entretien MG1.txt a l’identifiant «\u00a0Entretien MG1\u00a0»', 'écrire Entretien MG1 ici (ou, tant que rien n’y est codé, id: MG1 dans l’en-tête de transcripts/Entretien MG1.txt)'],
      [3, 'MG7 n’a pas de transcription', 'ajouter transcripts/MG7.txt, ou vérifier l’orthographe de l’identifiant'],
    ]);
  });
});

