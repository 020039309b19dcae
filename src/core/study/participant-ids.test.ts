import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { takenIds } from '../transcript-import/build.js';
import { distinctParticipantIds, participantIdKey } from './participant-ids.js';

const transcript = (file: string, text: string) =>
  parseTranscript({ file, bytes: Buffer.from(text, 'utf8'), defaultId: file.replace(/^.*\//, '').replace(/\.[^.]*$/, '') }).transcript;

describe('two transcripts of one participant id', () => {
  it('refuses the same id twice, leaving the second out, at the front matter line that writes it', () => {
    const a = transcript('transcripts/P1.txt', 'E : Bonjour.\n');
    const b = transcript('transcripts/P1 relu.txt', '---\ndate: 2024-03-12\nid: P1\n---\nE : Bonjour.\n');
    const { transcripts, problems } = distinctParticipantIds([a, b]);
    expect(transcripts.map((t) => t.file)).toEqual(['transcripts/P1.txt']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', kind: 'participant-duplicate', file: 'transcripts/P1 relu.txt', line: 3, column: 5, message: expect.objectContaining({ en: 'participant id P1 is already used by transcripts/P1.txt' }) }),
    ]);
  });

  it('refuses ids that differ only in case on each transcript, keeping both so that a rename reaches them', () => {
    const a = transcript('transcripts/P001.txt', 'E : Bonjour.\n');
    const b = transcript('transcripts/entretien 2.txt', '---\nid: p001\n---\nE : Bonjour.\n');
    const { transcripts, problems } = distinctParticipantIds([a, b]);
    expect(transcripts.map((t) => t.id)).toEqual(['P001', 'p001']);
    // Which one to rename is the researcher's choice: each is named, at the place its id is written.
    expect(problems.map((p) => [p.severity, p.kind, p.file, p.line, p.column])).toEqual([
      ['error', 'participant-duplicate', 'transcripts/P001.txt', 1, 1],
      ['error', 'participant-duplicate', 'transcripts/entretien 2.txt', 2, 5],
    ]);
    expect(problems[0]!.message.en).toContain('participant id P001 differs only in case from p001, the id of transcripts/entretien 2.txt');
    expect(problems[0]!.hint?.fr).toContain('ou renommer le fichier');
    expect(problems[1]!.message.en).toBe(
      'participant id p001 differs only in case from P001, the id of transcripts/P001.txt: on Windows and macOS they name one file, and a reader of the thesis cannot tell them apart',
    );
    expect(problems[1]!.message.fr).toBe(
      'l’identifiant p001 ne diffère que par la casse de P001, l’identifiant de transcripts/P001.txt\u00a0: sous Windows et macOS ils désignent un même fichier, et le lecteur de la thèse ne peut pas les distinguer',
    );
    expect(problems[1]!.hint?.en).toContain('codage participant rename "p001" NEW');
    expect(problems[1]!.hint?.en).toContain('or write another id on this line');
  });

  it('says when the ids differ in spaces or in how an accent is encoded (a macOS file name)', () => {
    const nfc = transcript('transcripts/Élodie.txt', 'E : Bonjour.\n');
    const nfd = { id: 'Élodie'.normalize('NFD'), file: 'transcripts/x.txt' };
    expect(distinctParticipantIds([nfc, nfd]).problems[0]!.message.en).toContain('participant id Élodie differs only in how an accent is encoded from ');
    const spaced = distinctParticipantIds([{ id: 'Patient 4', file: 'a.txt' }, { id: 'patient  4', file: 'b.txt' }]).problems[0]!;
    expect(spaced.message.fr).toContain('l’identifiant Patient 4 ne diffère que par la casse et par les espaces de patient  4');
  });

  it('lets distinct ids be', () => {
    const { transcripts, problems } = distinctParticipantIds([{ id: 'P1', file: 'a.txt' }, { id: 'P10', file: 'b.txt' }, { id: 'P 1', file: 'c.txt' }]);
    expect(transcripts).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('is the rule an import applies: it refuses an id exactly when check would report it as an error', () => {
    const study = ['P001', 'MG 3', 'Élodie', 'A2'];
    const candidates = ['P001', 'p001', 'P01', 'mg 3', 'MG  3', 'MG3', 'Élodie'.normalize('NFD'), 'élodie', 'Elodie', 'a2', 'A22', 'B1'];
    for (const id of candidates) {
      const existing = study.map((s, i) => ({ id: s, file: `transcripts/${i}.txt` }));
      const imported = { file: `source/${id}.txt`, target: `transcripts/new-${id}.txt`, id };
      const refused = takenIds([imported], existing).length > 0;
      const flagged = distinctParticipantIds([...existing, { id, file: imported.target }]).problems.some((p) => p.severity === 'error');
      expect(refused, id).toBe(flagged);
      expect(flagged, id).toBe(study.some((s) => participantIdKey(s) === participantIdKey(id)));
    }
  });
});
