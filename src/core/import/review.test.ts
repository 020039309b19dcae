import { describe, it, expect } from 'vitest';
import { planImport } from './plan.js';
import { reviewRows } from './review.js';

const text = `Enquêteur : Et comment vous le vivez ?
P01 : Franchement, on se sent très démunis. On bricole en attendant.
Enquêteur : Et la kiné ?
P01 : La kiné, ça aide, on bricole. Et il revient, il revient.
Enquêteur : Et le centre ?
P01 : Huit mois d'attente. Huit mois ! Et on bricole encore.`;

const plan = planImport({
  rows: [
    { row: 2, cells: ['P01', 'Impuissance', 'On se sent tres demunis'] },
    { row: 3, cells: ['P09', 'Impuissance', 'on se sent très démunis'] },
    { row: 4, cells: ['P01', 'Refus', 'le patient refuse la morphine'] },
    { row: 5, cells: ['', '', ''] },
    { row: 6, cells: ['P01', 'Kiné', 'La kiné, ça aide'] },
    { row: 7, cells: ['P01', 'Bricolage', 'on bricole'] },
    { row: 8, cells: ['P01', 'Délais', 'Huit mois d’attente'] },
    { row: 9, cells: ['P01', 'Cercle vicieux', 'il revient'] },
    { row: 10, cells: ['P01', 'Impuissance', 'on se sent très démunis ... Et on bricole encore'] },
    { row: 11, cells: ['P01', 'Délais', 'Et comment vous le vivez ? Franchement, on se sent très démunis'] },
  ],
  columns: { participant: 0, code: 1, quote: 2 },
  transcripts: [{ id: 'P01', text, bodyLine: 9 }],
});

describe('reviewRows', () => {
  const rows = reviewRows(plan, 'en', new Map([[10, ['seg00001', 'seg00002']]]));
  const row = (n: number) => rows.find((r) => r[0] === String(n))!;

  it('lists every row in spreadsheet order, in English', () => {
    expect(rows[0]).toEqual(['row', 'participant', 'code', 'quote', 'status', 'score', 'passages', 'start', 'end', 'line', 'matched text', 'segment', 'reason']);
    expect(rows.map((r) => r[0])).toEqual(['row', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    const start = text.indexOf('on se sent');
    expect(row(2)).toEqual(['2', 'P01', 'Impuissance', 'On se sent tres demunis', 'normalised', '1.00', '1', String(start), String(start + 23), '10', 'on se sent très démunis', '', '']);
    expect(row(3).slice(0, 5)).toEqual(['3', 'P09', 'Impuissance', 'on se sent très démunis', 'unknown participant']);
    expect(row(3)[12]).toContain('No transcript for participant "P09"');
    expect(row(4)[4]).toBe('unresolved');
    expect(row(4)[7]).toBe('');
    expect(row(5)[4]).toBe('skipped');
  });

  it('says into how many passages a quote went, where, and the segments it became', () => {
    expect(row(10)[4]).toBe('several passages');
    expect(row(10)[6]).toBe('2');
    expect(row(10)[9]).toBe('10 ; 14');
    expect(row(10)[10]).toBe('on se sent très démunis […] Et on bricole encore');
    expect(row(10)[11]).toBe('seg00001 ; seg00002');
  });

  it('says which passage was chosen among several places, and why a part was left', () => {
    // `on bricole` three times: the neighbouring rows (lines 12 and 14) single out the one between them.
    expect(row(7)[4]).toBe('exact, ambiguous');
    expect(row(7)[9]).toBe('12');
    expect(row(7)[12]).toMatch(/^Passage at line 12 chosen by context among several equally good places \(also lines 10, 14\): to confirm/);
    // `il revient` twice in one answer: nothing tells which; placed nearest the neighbouring rows, to check.
    expect(row(9)[4]).toBe('exact, ambiguous');
    // Both in one line: told apart by their columns.
    expect(row(9)[12]).toBe('Found at 2 equally good places and nothing tells which: placed at line 12, column 52 (also line 12, column 40): to check, then confirm (codage confirm) or move.');
    expect(row(11)[4]).toBe('partly placed');
    expect(row(11)[12]).toMatch(/^Left out: "Et comment vous le vivez" — These are the interviewer’s .* line 9/);
  });

  it('speaks French with decimal commas', () => {
    const fr = reviewRows(plan, 'fr');
    expect(fr[0]![3]).toBe('citation');
    expect(fr[0]![9]).toBe('ligne dans l’entretien');
    expect(fr.find((r) => r[0] === '2')![4]).toBe('normalisée');
    expect(fr.find((r) => r[0] === '2')![5]).toBe('1,00');
    expect(fr.find((r) => r[0] === '7')![4]).toBe('exacte, ambiguë');
    expect(fr.find((r) => r[0] === '10')![4]).toBe('en plusieurs passages');
    expect(fr.find((r) => r[0] === '9')![12]).toBe('Trouvé à 2 endroits aussi plausibles sans rien pour choisir\u00a0: placé ligne 12, colonne 52 (aussi ligne 12, colonne 40)\u00a0: à vérifier, puis confirmer (codage confirm) ou déplacer.');
    expect(fr.find((r) => r[0] === '3')![4]).toBe('participant inconnu');
  });
});

describe('reviewRows: a passage that starts after the quote’s first words', () => {
  it('says which words were not found there, in French with its typography', () => {
    const said = 'Enquêteur : Et le dépistage ?\nMG5 : À son âge, le rapport bénéfice-risque n’est plus le même, hein.';
    const trimmed = planImport({
      rows: [{ row: 2, cells: ['MG5', 'Balance bénéfice-risque', 'à 90, le rapport bénéfice-risque n’est plus le même'] }],
      columns: { participant: 0, code: 1, quote: 2 },
      transcripts: [{ id: 'MG5', text: said }],
    });
    const row = reviewRows(trimmed, 'fr')[1]!;
    expect(row[4]).toBe('approchée');
    expect(row[10]).toBe('le rapport bénéfice-risque n’est plus le même');
    expect(row[12]).toBe('«\u00a0à 90\u00a0» pas dit ainsi à cet endroit de l’entretien\u00a0: le passage commence après ces mots, à vérifier.');
  });
});

describe('reviewRows: a quote placed under the min score', () => {
  const said = `Enquêtrice : Qu'est-ce que vous ressentez ?
MG1 : C'est difficile à dire. Je me sens un peu inutile, en fait. On a tout essayé, et euh, rien ne marche vraiment.`;
  const planAt = (minScore: number) =>
    planImport({
      rows: [
        // Two words the transcript does not say there, too few to leave the quote: the passage starts after them.
        { row: 2, cells: ['MG1', 'Impuissance', 'vous voyez, rien ne marche vraiment'] },
        // One word changed in a short passage: forgiven.
        { row: 3, cells: ['MG1', 'Impuissance', 'Je me sens un peu nul, en fait'] },
        { row: 4, cells: ['MG1', 'Impuissance', 'Je me sens un peu inutile, en fait.'] },
      ],
      columns: { participant: 0, code: 1, quote: 2 },
      transcripts: [{ id: 'MG1', text: said }],
      minScore,
    });

  it('counts apart, and says why, the edited quotes placed with a score under the min score', () => {
    const plan = planAt(0.85);
    expect(plan.results.map((r) => r.status)).toEqual(['approximate', 'approximate', 'exact']);
    expect(plan.summary).toMatchObject({ approximate: 2, approximateBelowMinScore: 2, exact: 1 });
    const fr = reviewRows(plan, 'fr');
    expect(fr[1]!.slice(4, 6)).toEqual(['approchée', '0,66']);
    expect(fr[1]![12]).toBe(
      'Placée avec un score de 0,66, sous le seuil de 0,85\u00a0: des mots à son début ou à sa fin ne sont pas dans le passage, à vérifier. | «\u00a0vous voyez\u00a0» pas dit ainsi à cet endroit de l’entretien\u00a0: le passage commence après ces mots, à vérifier.',
    );
    expect(fr[2]!.slice(4, 6)).toEqual(['approchée', '0,75']);
    expect(reviewRows(plan, 'en')[2]![12]).toBe('Placed with a score of 0.75, under the threshold of 0.85: one edited word is forgiven in a short passage, to check.');
    expect(fr[3]![12]).toBe('');
  });

  it('says how many words a quote left out without […], whatever the min score', () => {
    const said = `E : Comment vivez-vous les refus ?
P1 : Franchement, parfois je me sens un peu inutile quand ils refusent tout.
E : Et l'accès aux spécialistes ?
P1 : Oui, et puis les délais pour avoir un avis spécialisé sont énormes, six mois parfois.`;
    for (const minScore of [0.85, 0.4]) {
      const plan = planImport({
        rows: [
          { row: 2, cells: ['P1', 'Inutilité', 'Je me sens inutile'] },
          { row: 3, cells: ['P1', 'Délais', 'les délais sont énormes'] },
        ],
        columns: { participant: 0, code: 1, quote: 2 },
        transcripts: [{ id: 'P1', text: said }],
        minScore,
      });
      expect(plan.results.map((r) => r.status)).toEqual(['approximate', 'approximate']);
      expect(plan.summary).toMatchObject({ approximate: 2, approximateBelowMinScore: 2 });
      const fr = reviewRows(plan, 'fr');
      expect(fr[1]![10]).toBe('je me sens un peu inutile');
      expect(fr[1]![12]).toContain('2 mots omis sans […] dans le passage, à vérifier.');
      expect(fr[2]![10]).toBe('les délais pour avoir un avis spécialisé sont énormes');
      expect(reviewRows(plan, 'en')[2]![12]).toContain(': 5 words left out without […] in the passage, to check.');
    }
  });

  it('does not count an elided word (j’, qu’) among the words left out: it belongs to the next one', () => {
    const plan = planImport({
      rows: [{ row: 2, cells: ['P1', 'Inutilité', 'Franchement je me sens inutile'] }],
      columns: { participant: 0, code: 1, quote: 2 },
      transcripts: [{ id: 'P1', text: 'E : Et vous ?\nP1 : Franchement, j’avoue que je me sens inutile.' }],
      minScore: 0.85,
    });
    expect(plan.results.map((r) => r.status)).toEqual(['approximate']);
    expect(reviewRows(plan, 'fr')[1]![12]).toMatch(/: 2\smots omis sans \[…\] dans le passage/u);
  });

  it('counts a row under the min score only when it is: the same rows at 0.6', () => {
    const plan = planAt(0.6);
    expect(plan.summary).toMatchObject({ approximate: 2, approximateBelowMinScore: 0 });
    expect(reviewRows(plan, 'en')[1]![12]).toBe('"vous voyez" not said there in the transcript: the passage starts after these words, to check.');
    expect(reviewRows(plan, 'en')[2]![12]).toBe('');
  });
});

describe('a quote cut where the word at the cut may belong to the other passage', () => {
  const said = `E : Et les opioïdes ?
MG1 : On sait que c'est pas idéal, on sait qu'il y a la dépendance, mais on n'a pas grand-chose d'autre.`;
  const cut = planImport({
    rows: [
      { row: 2, cells: ['MG1', 'Tramadol', "c'est pas idéal, on... n'a pas grand-chose d'autre"] },
      { row: 3, cells: ['MG1', 'Tramadol', "c'est pas idéal, on sait... on n'a pas grand-chose"] },
    ],
    columns: { participant: 0, code: 1, quote: 2 },
    transcripts: [{ id: 'MG1', text: said, bodyLine: 5 }],
  });

  it('places it as the quote says, flagged for review: under the min score, the doubt said, in French and English', () => {
    const [doubtful, clear] = cut.results;
    expect(doubtful!.status).toBe('passages');
    expect(doubtful!.pieces.map((p) => p.text)).toEqual(["c'est pas idéal, on", "n'a pas grand-chose d'autre"]);
    expect(doubtful!.cutDoubts).toEqual([{ words: 'on', edge: 'end', line: 6, column: 74 }]);
    expect(doubtful!.match!.score).toBeLessThan(cut.minScore);
    // The cut at the right word: nothing to check.
    expect(clear!.status).toBe('passages');
    expect(clear!.cutDoubts).toBeUndefined();
    expect(clear!.match!.score).toBe(1);
    expect(cut.summary).toMatchObject({ passages: 2, passagesBelowMinScore: 1 });
    const fr = reviewRows(cut, 'fr')[1]!;
    expect(fr[5]).toBe('0,84');
    expect(fr[12]).toBe(
      'Placée avec un score de 0,84, sous le seuil de 0,85\u00a0: à une coupure, «\u00a0on\u00a0» peut appartenir au passage suivant (la transcription le dit aussi juste avant lui, ligne 6, colonne 74), à vérifier.',
    );
    expect(reviewRows(cut, 'en')[1]![12]).toBe(
      'Placed with a score of 0.84, under the threshold of 0.85: at a cut, "on" may belong to the next passage (the transcript also says it just before that passage, line 6, column 74), to check.',
    );
    expect(reviewRows(cut, 'en')[2]![12]).toBe('');
  });
});

describe('reviewRows: a negation the quote adds or drops', () => {
  const said = 'Enquêteur : Et vos confrères ?\nP02 : Je ne leur en veux pas, c’est normal. Ils apprennent comme nous.\n';
  const negated = planImport({
    rows: [{ row: 2, cells: ['P02', 'Indulgence', 'Je ne leur en veux pas, ce n’est pas normal. Ils apprennent comme nous.'] }],
    columns: { participant: 0, code: 1, quote: 2 },
    transcripts: [{ id: 'P02', text: said, bodyLine: 1 }],
  });

  it('places it where it was said, under the min score, and says the meaning may be reversed', () => {
    const [, row] = reviewRows(negated, 'fr');
    expect(row![4]).toBe('approchée');
    expect(row![10]).toBe('Je ne leur en veux pas, c’est normal. Ils apprennent comme nous.');
    expect(row![12]).toContain('une négation («\u00a0pas\u00a0») est dans la citation et pas dans le passage');
    expect(negated.summary.approximateBelowMinScore).toBe(1);
    expect(reviewRows(negated, 'en')[1]![12]).toContain('the meaning may be reversed');
  });
});

describe('planImport: placements the import was unsure of', () => {
  it('marks the segments of a row placed in part to confirm, as those of a row under the min score', () => {
    const said = 'Enquêteur : Et le soir ?\nP03 : Je suis épuisée à la fin de chaque garde, vraiment épuisée.\n';
    const plan = planImport({
      rows: [
        { row: 2, cells: ['P03', 'Épuisement', 'Je suis épuisée à la fin de chaque garde'] },
        { row: 3, cells: ['P03', 'Épuisement', 'Pas du tout fatiguée quand je rentre. Je suis épuisée à la fin de chaque garde'] },
      ],
      columns: { participant: 0, code: 1, quote: 2 },
      transcripts: [{ id: 'P03', text: said, bodyLine: 1 }],
    });
    expect(plan.results.map((r) => r.status)).toEqual(['exact', 'partial']);
    // The passage row 2 quotes exactly, and row 3 in part: to confirm (row 3's code may not belong there).
    const unsure = plan.segments.filter((s) => s.unsure === true);
    expect(unsure.map((s) => s.rows)).toEqual([[2, 3]]);
    const alone = planImport({
      rows: [{ row: 2, cells: ['P03', 'Épuisement', 'Je suis épuisée à la fin de chaque garde'] }],
      columns: { participant: 0, code: 1, quote: 2 },
      transcripts: [{ id: 'P03', text: said, bodyLine: 1 }],
    });
    expect(alone.segments.map((s) => s.unsure)).toEqual([undefined]);
  });
});
