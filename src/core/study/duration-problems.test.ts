import { describe, expect, it } from 'vitest';
import type { Attributes } from '../types.js';
import { durationProblems } from './duration-problems.js';

const study = (attributes: Record<string, Attributes>) => ({
  transcripts: Object.keys(attributes).map((id) => ({ id, file: `transcripts/${id}.txt` })),
  attributesOf: (id: string) => attributes[id] ?? {},
  sourceOf: (id: string, key: string) => ({ file: 'participants.csv', line: Object.keys(attributes).indexOf(id) + 2, column: key.length }),
});

describe('durations codage does not count', () => {
  it('warns about a duration that reads two ways, at its place, with both readings to write', () => {
    const problems = durationProblems(study({ P1: { duree: '4:30' }, P2: { duree: '42:10' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', kind: 'duration-ambiguous', file: 'participants.csv', line: 2, column: 5 });
    expect(problems[0]!.message.en).toBe(
      `the duration of P1 (duree: "4:30") reads hours:minutes (270 minutes) or minutes:seconds (4.5 minutes), and neither is an interview's length (5 minutes to 4 hours): it is not counted in the interviews' length`,
    );
    expect(problems[0]!.hint).toEqual({ en: 'write the minutes: 270 or 4.5', fr: 'écrire les minutes\u00a0: 270 ou 4,5' });
  });

  it('warns about a duration it cannot read, whatever the attribute is called', () => {
    const problems = durationProblems(study({ P1: { Durée: 'environ une heure' }, P2: { duration_min: '45:75' }, P3: { length: -3 } }));
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['duration-invalid', 2],
      ['duration-invalid', 3],
      ['duration-invalid', 4],
    ]);
    expect(problems[0]!.message.fr).toBe('la durée de P1 (Durée\u00a0: «\u00a0environ une heure\u00a0») n’est pas une durée que codage sait lire\u00a0: elle n’est pas comptée dans la durée des entretiens');
  });

  it('says nothing of a duration it counts, an empty one, or another attribute', () => {
    const durations = ['34', '34,5', '34 min', "52'", "45'30", '1 h 05', '00:42:10', '1:05', '0:45'];
    const attributes = Object.fromEntries(durations.map((d, i) => [`P${i}`, { duration: d } as Attributes]));
    expect(durationProblems(study({ ...attributes, N: { duration: 34 }, E: { duree: null, durée: '  ' }, A: { age: '4:30', heure: 'environ' } }))).toEqual([]);
  });

  it('points at the transcript when nothing says where the value is written', () => {
    const problems = durationProblems({ transcripts: [{ id: 'P1', file: 'transcripts/P1.txt' }], attributesOf: () => ({ duration: '4:30' }) });
    expect(problems[0]).toMatchObject({ file: 'transcripts/P1.txt' });
    expect(problems[0]).not.toHaveProperty('line');
  });
});
