/** A tiny French study shared by the coding screen's tests. */
import type { Sentence } from '../../src/core/types.js';
import { buildCodebook, makeTranscript, simpleSentences, simpleWordSpans } from './sample-data.js';

export const TEXT =
  'Enquêteur : Pouvez-vous me parler de votre dernier patient ?\n' +
  "P07 : Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer. On se sent démuni.\n" +
  "Enquêteur : D'accord.\n" +
  'P07 : Les délais sont très longs. Huit mois pour le centre antidouleur !\n';

export const transcript = makeTranscript(TEXT, 'P07');
export const sentences: Sentence[] = simpleSentences(TEXT, transcript.turns);
export const wordSpans = simpleWordSpans(TEXT);

export const codebook = buildCodebook(
  [
    {
      id: 'vecu',
      name: 'Vécu du médecin',
      themes: [
        {
          id: 'emotions',
          name: 'Émotions négatives',
          codes: [
            { id: 'impuissance', name: 'Impuissance', definition: 'Le médecin dit ne plus savoir quoi proposer.' },
            { id: 'frustration', name: 'Frustration' },
            { id: 'desemparement', name: 'Désemparement' },
          ],
        },
      ],
      codes: [{ id: 'epuisement', name: 'Épuisement' }],
    },
    {
      id: 'coordination',
      name: 'Coordination des soins',
      codes: [
        { id: 'delais', name: 'Délais d’accès' },
        { id: 'soeur', name: 'Rôle de la sœur' },
      ],
    },
  ],
  [{ id: 'humour', name: 'Humour' }],
);

/** The exact text of sentence `i`. */
export function sentenceText(i: number): string {
  const s = sentences[i];
  return s === undefined ? '' : TEXT.slice(s.start, s.end);
}

/** Ids `s1`, `s2`, … */
export function idCounter(): () => string {
  let n = 0;
  return () => `s${++n}`;
}
