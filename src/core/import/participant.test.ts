import { describe, expect, it } from 'vitest';
import { ParticipantResolver } from './participant.js';

describe('participant cells of a spreadsheet', () => {
  const ids = ['Entretien MG1', 'Entretien MG2', 'Entretien MG3', 'MG5', 'MG10', 'MG11'];
  const resolver = new ParticipantResolver(ids);

  it('finds the transcript named after its file (`Entretien MG1.docx`) from the participant code the sheet writes', () => {
    expect(resolver.resolve('MG1').id).toBe('Entretien MG1');
    expect(resolver.resolve('mg 2').id).toBe('Entretien MG2');
    expect(resolver.resolve('MG10').id).toBe('MG10');
  });

  it('reads the code a co-author wrote beside a name or details: `Dr B. (MG3)`, `MG5 (F, 52 ans)`', () => {
    expect(resolver.resolve('Dr B. (MG3)').id).toBe('Entretien MG3');
    expect(resolver.resolve('MG5 (F, 52 ans)').id).toBe('MG5');
  });

  it('still refuses a cell that names no transcript, or two', () => {
    expect(resolver.resolve('MG4').id).toBeNull();
    expect(resolver.resolve('Dr B.').id).toBeNull();
    expect(resolver.resolve('MG1 (MG2)').id).toBeNull();
    expect(new ParticipantResolver(['Entretien MG1', 'Transcription MG1']).resolve('MG1').id).toBeNull();
  });
});
