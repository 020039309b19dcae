import { describe, expect, it } from 'vitest';
import { openingNotices } from './opening-notices.js';

describe('openingNotices', () => {
  it('says nothing when the transcript opens as it was left', () => {
    expect(openingNotices({ coder: 'marie', coderFile: 'codings/marie.yaml', transcriptFile: 'transcripts/P01.txt', moved: 0, approximate: 0, ambiguous: [], unplaced: [] })).toEqual([]);
  });

  it('names a likely typo, re-anchored, ambiguous and unplaced segments, in both languages with French spacing', () => {
    const notices = openingNotices({
      coder: 'mari',
      coderFile: 'codings/mari.yaml',
      transcriptFile: 'transcripts/P01.txt',
      nearestCoder: 'marie',
      moved: 3,
      approximate: 1,
      ambiguous: ['s-1a2b', 's-3c4d'],
      confirmAgain: ['s-5e6f'],
      unplaced: [{ line: 12, text: 'on se sent un peu démuni' }, { text: 'x'.repeat(100) }],
    });
    expect(notices.map((n) => n.en)).toEqual([
      'New coder "mari": codings/mari.yaml will be created with the first coded segment. Did you mean marie? (q twice to quit, then codage code --coder marie)',
      'transcripts/P01.txt changed since the last session: 3 segment(s) re-anchored by their text (1 approximately).',
      '2 segment(s) placed by an import among several possible places or from a quote it was unsure of, to check then confirm: codage confirm s-1a2b s-3c4d --coder mari',
      '1 segment(s) to confirm again (their place or the words around them changed since they were confirmed), to check then confirm: codage confirm s-5e6f --coder mari',
      'Cannot be placed, kept as is in codings/mari.yaml (line 12): "on se sent un peu démuni"',
      `Cannot be placed, kept as is in codings/mari.yaml: "${'x'.repeat(70)}"`,
    ]);
    expect(notices[0]?.fr).toBe('Nouveau codeur «\u00a0mari\u00a0»\u00a0: codings/mari.yaml sera créé au premier segment codé. Vouliez-vous dire marie\u202f? (q deux fois pour quitter, puis codage code --coder marie)');
    expect(notices[3]?.fr).toBe('1 segment(s) à confirmer de nouveau (leur endroit ou les mots autour ont changé depuis leur confirmation), à vérifier puis confirmer\u00a0: codage confirm s-5e6f --coder mari');
    expect(notices[4]?.fr).toBe('Introuvable, gardé tel quel dans codings/mari.yaml (ligne 12)\u00a0: «\u00a0on se sent un peu démuni\u00a0»');
    // No ordinary space before a French colon, question mark or closing guillemet.
    for (const n of notices) expect(n.fr).not.toMatch(/ [:?»]/);
  });

  it('says what of the coder’s reading position was not found again in a changed transcript', () => {
    const base = { coder: 'marie', coderFile: 'codings/marie.yaml', transcriptFile: 'transcripts/P01.txt', moved: 0, approximate: 0, ambiguous: [], unplaced: [] };
    expect(openingNotices({ ...base, readingLost: { cursor: false, read: 0 } })).toEqual([]);
    const [notice] = openingNotices({ ...base, readingLost: { cursor: true, read: 2 } });
    expect(notice?.en).toBe(
      'transcripts/P01.txt changed since you last read it: where you stopped could not be found again, it opens at the start; 2 passages you had read could not be found again and no longer count as read.',
    );
    expect(notice?.fr).toBe(
      'transcripts/P01.txt a changé depuis votre dernière lecture\u00a0: l’endroit où vous vous étiez arrêté n’a pas été retrouvé, elle s’ouvre au début\u00a0; 2 passages lus n’ont pas été retrouvés et ne comptent plus comme lus.',
    );
    expect(openingNotices({ ...base, readingLost: { cursor: false, read: 1 } })[0]?.en).toBe(
      'transcripts/P01.txt changed since you last read it: a passage you had read could not be found again and no longer counts as read.',
    );
    expect(openingNotices({ ...base, readingLost: { cursor: false, read: 1 } })[0]?.fr).toBe(
      'transcripts/P01.txt a changé depuis votre dernière lecture\u00a0: un passage lu n’a pas été retrouvé et ne compte plus comme lu.',
    );
  });
});
