/** Findings of a small study, for the review screen's tests: built by the core from real text. */
import { reviewGroups, type FindingGroup } from '../../src/core/privacy/review.js';
import type { Language } from '../../src/core/types.js';

export const SAMPLE_TRANSCRIPTS = [
  {
    file: 'transcripts/MG1.txt',
    bodyLine: 5,
    attributes: { ville: 'Lyon', source: 'Entretien Dr Martin.docx' },
    attributePositions: { ville: { line: 2, column: 8 }, source: { line: 3, column: 9 } },
    text: 'E : Bonjour.\n\nMG1 : Elle a vu le Dr\nMartin à Lyon. Sa fille Rose\u202e est venue aussi. Pierre après pierre, on avance.\n',
  },
  {
    file: 'transcripts/MG2.txt',
    bodyLine: 1,
    attributes: {},
    text: 'MG2 : Le Dr Martin, oui. On en parle au groupe Feldenkrais.\n',
  },
];

export function sampleGroups(language: Language = 'en'): FindingGroup[] {
  return reviewGroups(SAMPLE_TRANSCRIPTS, {}, new Map(), language);
}
