import { describe, it, expect } from 'vitest';
import { detectColumns, type ImportColumns } from './columns.js';
import { planImport, splitThemePath, type ImportTranscript } from './plan.js';

const P01 = `Enquêteur : Pouvez-vous me parler de votre dernier patient douloureux chronique ?
P01 : Alors… *rire* c'est compliqué. Je ne sais plus quoi lui proposer, honnêtement. On a tout essayé : les antalgiques, la kiné, l'hypnose même.
Enquêteur : Et comment vous le vivez ?
P01 : Franchement, on se sent très démunis. Huit mois pour le centre antidouleur, vous imaginez ? On bricole en attendant. Et puis il revient, il revient, et on tourne en rond avec lui, et lui aussi il tourne en rond.
Enquêteur : Vous avez été formé à la prise en charge de la douleur ?
P01 : Non. Je ne suis pas formé à ça, on n'a jamais appris la douleur chronique à la fac. Oui. C'est sur le tas qu'on apprend, avec les années.
Enquêteur : Et le lien avec le patient ?
P01 : Oui, il faut de la confiance. Ces consultations-là, je les sens passer le soir. Mais c'est aussi ce qui fait l'intérêt du métier, oui.`;

const P02 = `Enquêtrice : Comment travaillez-vous avec les spécialistes ?
P02 : Le rhumatologue, j'ai son portable, ça aide énormément. Par contre pour la psychiatrie c'est la croix et la bannière, il faut des mois pour un rendez-vous.
Enquêtrice : Et les kinés ?
P02 : Les kinés du coin sont débordés. Moi je leur envoie quand même, parce que le mouvement c'est la base. Le patient doit être acteur de sa prise en charge, sinon ça ne marche pas.
Enquêtrice : Les opioïdes ?
P02 : J'en prescris le moins possible. J'ai peur de la dépendance, on voit les dégâts aux États-Unis. Mais parfois on n'a pas le choix, il faut soulager.`;

const P03 = `Enquêteur : Qu'est-ce qui vous aide au quotidien ?
P03 : L'écoute, surtout. Prendre le temps d'écouter le patient, même quand on est en retard. Et le travail en équipe avec l'infirmière du cabinet.`;

const transcripts: ImportTranscript[] = [
  { id: 'P01', text: P01 },
  { id: 'P02', text: P02 },
  { id: 'P03', text: P03 },
];
const texts: Record<string, string> = { P01, P02, P03 };

/** participant, theme, code, quote, memo, then the true span: [participant, exact text, nth occurrence] or null. */
type Row = [string, string, string, string, string, [string, string, number?] | null];
const sheet: Row[] = [
  ['P01', 'Vécu du médecin', 'Complexité', '« c\'est compliqué »', '', ['P01', "c'est compliqué"]],
  ['P1', 'Vécu du médecin > Émotions négatives', 'Impuissance', 'Je ne sais plus quoi lui proposer', 'mot-clé', ['P01', 'Je ne sais plus quoi lui proposer']],
  ['p001', 'Vécu du médecin', 'Impuissance', 'je ne sais plus quoi lui proposer, honnêtement', '', ['P01', 'Je ne sais plus quoi lui proposer, honnêtement']],
  ['participant 1', 'Thérapeutiques', 'Échec des traitements', 'On a tout essayé : les antalgiques, la kiné, l’hypnose même', '', ['P01', "On a tout essayé : les antalgiques, la kiné, l'hypnose même"]],
  ['P01', 'Vécu du médecin', 'Impuissance', 'on se sent tres demunis', '', ['P01', 'on se sent très démunis']],
  ['P01', 'Coordination des soins', "Délais d'accès", 'huit mois pour le centre anti-douleur', '', ['P01', 'Huit mois pour le centre antidouleur']],
  ['P01', 'Coordination des soins', 'Bricolage', 'On bricole en attendant.', '', ['P01', 'On bricole en attendant.']],
  ['P01', 'Relation', 'Cercle vicieux', 'il revient', '', ['P01', 'il revient', 0]],
  ['P01', 'Relation', 'Cercle vicieux', 'on tourne en rond […] et lui aussi', '', ['P01', 'on tourne en rond avec lui, et lui aussi']],
  ['P01', 'Formation', 'Manque de formation', 'je ne suis pas formé à ça, on ne nous a jamais appris la douleur chronique', '', ['P01', "Je ne suis pas formé à ça, on n'a jamais appris la douleur chronique"]],
  ['P01', 'Formation', 'Apprentissage sur le tas', "C'est sur le tas qu'on apprend... avec les années", '', ['P01', "C'est sur le tas qu'on apprend, avec les années"]],
  ['P01', 'Relation', 'Acquiescement', 'Oui', '', ['P01', 'Oui', 1]],
  ['P01', 'Relation', 'Confiance', 'il faut de la confiance', '', ['P01', 'il faut de la confiance']],
  ['P01', 'Vécu du médecin', 'Épuisement', 'ces consultations-là je les sens passer le soir', '', ['P01', 'Ces consultations-là, je les sens passer le soir']],
  ['P01', 'Vécu du médecin', 'Intérêt du métier', '« Mais c’est aussi ce qui fait l’intérêt du métier »', '', ['P01', "Mais c'est aussi ce qui fait l'intérêt du métier"]],
  ['P02', 'Coordination des soins', 'Réseau', "j'ai son portable, ça aide énormément", '', ['P02', "j'ai son portable, ça aide énormément"]],
  ['P02', 'Coordination des soins', "Délais d'accès", "pour la psychiatrie c'est la croix et la banniere", '', ['P02', "pour la psychiatrie c'est la croix et la bannière"]],
  ['P02', 'Coordination des soins', "Délais d'accès", 'il faut des mois pour avoir un rendez-vous', '', ['P02', 'il faut des mois pour un rendez-vous']],
  ['P02', 'Kinésithérapie', 'Débordement', 'Les kinés du coin sont débordés', '', ['P02', 'Les kinés du coin sont débordés']],
  ['P02', 'Kinésithérapie', 'Activité physique', "le mouvement, c'est la base", '', ['P02', "le mouvement c'est la base"]],
  ['P02', 'Patient acteur', 'Patient acteur', 'Le patient doit être acteur de sa prise en charge, sinon ça ne marche pas', '', ['P02', 'Le patient doit être acteur de sa prise en charge, sinon ça ne marche pas']],
  ['P2', '', 'Peur de la dépendance', "J'ai peur de la dépendance... on voit les dégâts aux Etats-Unis", '', ['P02', "J'ai peur de la dépendance, on voit les dégâts aux États-Unis"]],
  ['P02', 'Coordination des soins', 'Réseau', "Le rhumatologue [...] c'est la croix et la bannière", '', ['P02', "Le rhumatologue, j'ai son portable, ça aide énormément. Par contre pour la psychiatrie c'est la croix et la bannière"]],
  ['P02', 'Opioïdes', 'Prescription prudente', "J'en prescris le moins possible", '', ['P02', "J'en prescris le moins possible"]],
  ['P04', 'Opioïdes', 'Prescription prudente', "J'en prescris le moins possible", '', null],
  ['P02', 'Vécu du médecin', 'Impuissance', 'on se sent très démunis', '', null],
  ['P01', 'Opioïdes', 'Refus', 'le patient refuse toujours la morphine', '', null],
  ['', '', '', '', '', null],
  ['P01', 'Relation', 'Confiance', '', 'à compléter', null],
  ['E3', 'Relation', 'Écoute', "prendre le temps d'écouter le patient, même quand on est en retard", '', ['P03', "Prendre le temps d'écouter le patient, même quand on est en retard"]],
  ['3', 'Coordination des soins', 'Travail en équipe', "le travail en equipe avec l infirmiere du cabinet", '', ['P03', "le travail en équipe avec l'infirmière du cabinet"]],
  ['P01', 'Thérapeutiques', 'Échec thérapeutique', 'Je ne sais plus quoi lui proposer', 'bis', ['P01', 'Je ne sais plus quoi lui proposer']],
  ['P03', '', 'Relation > Écoute', 'L’écoute, surtout', '', ['P03', "L'écoute, surtout"]],
  ['P01', 'Vécu du médecin', 'Impuissance', 'Franchement, on se sent très démunies', '', ['P01', 'Franchement, on se sent très démunis']],
];

function trueSpan(expected: [string, string, number?]): { participant: string; start: number; end: number } {
  const [participant, quote, nth = 0] = expected;
  const text = texts[participant]!;
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test data: not in ${participant}: ${quote}`);
  return { participant, start, end: start + quote.length };
}

const header = ['Participant', 'Thème', 'Code', 'Verbatim', 'Mémo'];
const columns = detectColumns(header) as ImportColumns;
const rows = sheet.map((r, i) => ({ row: i + 2, cells: r.slice(0, 5) as string[] }));

describe('planImport on a French coding spreadsheet', () => {
  const plan = planImport({ rows, columns, transcripts });

  it('anchors at least 95 % of the quotes present, and none at a wrong place', () => {
    const present = sheet.filter((r) => r[5] !== null).length;
    let anchored = 0;
    sheet.forEach((r, i) => {
      const result = plan.results[i]!;
      expect(result.row).toBe(i + 2);
      const expected = r[5];
      if (result.pieces.length === 0) return;
      expect(expected, `row ${result.row} anchored but should not be`).not.toBeNull();
      const truth = trueSpan(expected!);
      expect(result.participant).toBe(truth.participant);
      for (const p of result.pieces) {
        // Every passage lies within the true span, and is exactly the transcript's text.
        expect(p.start, `row ${result.row}`).toBeGreaterThanOrEqual(truth.start);
        expect(p.end, `row ${result.row}`).toBeLessThanOrEqual(truth.end);
        expect(p.text).toBe(texts[truth.participant]!.slice(p.start, p.end));
      }
      anchored++;
    });
    expect(anchored / present).toBeGreaterThanOrEqual(0.95);
  });

  it('reports each row with the method that found it, and the passages it went to', () => {
    const byRow = (row: number) => plan.results.find((r) => r.row === row)!;
    expect(byRow(2).status).toBe('exact');
    expect(byRow(4).status).toBe('normalised');
    expect(byRow(6).status).toBe('normalised');
    expect(byRow(7).status).toBe('approximate');
    expect(byRow(10)).toMatchObject({ status: 'passages' });
    expect(byRow(10).pieces.map((p) => p.text)).toEqual(['on tourne en rond', 'et lui aussi']);
    expect(byRow(11).status).toBe('approximate');
    expect(byRow(24).status).toBe('passages');
    expect(byRow(24).pieces.map((p) => p.text)).toEqual(['Le rhumatologue', "c'est la croix et la bannière"]);
    expect(byRow(19).status).toBe('approximate');
    expect(byRow(35).status).toBe('approximate');
  });

  it('counts lines from the top of the transcript file', () => {
    const withFrontMatter = planImport({ rows, columns, transcripts: transcripts.map((t) => ({ ...t, bodyLine: 9 })) });
    const row = withFrontMatter.results.find((r) => r.row === 2)!;
    expect(row.pieces[0]!.line).toBe(9 + 1);
    expect(plan.results.find((r) => r.row === 2)!.pieces[0]!.line).toBe(2);
  });

  it('keeps wrong participants, invented quotes and empty rows out, with reasons', () => {
    const byRow = (row: number) => plan.results.find((r) => r.row === row)!;
    expect(byRow(26)).toMatchObject({ status: 'unknown-participant', participant: null });
    expect(byRow(26).reason?.fr).toContain('Aucun entretien pour le participant «\u00a0P04\u00a0»');
    expect(byRow(27)).toMatchObject({ status: 'unresolved', participant: 'P02' });
    expect(byRow(28)).toMatchObject({ status: 'unresolved', participant: 'P01' });
    expect(byRow(28).reason?.en).toMatch(/^Not (found|placed)/);
    expect(byRow(29)).toMatchObject({ status: 'skipped' });
    expect(byRow(29).reason?.en).toBe('Empty row.');
    expect(byRow(30).reason?.en).toBe('No quote in this row.');
  });

  it('places a repeated quote where the neighbouring rows say, else at its first place, marked ambiguous either way', () => {
    const revient = plan.results.find((r) => r.row === 9)!;
    // `il revient` twice in one answer: nothing tells which; the first is taken, to be confirmed.
    expect(revient.status).toBe('exact');
    expect(revient.pieces).toEqual([expect.objectContaining({ text: 'il revient', ambiguous: true, chosenBy: 'first', line: 4, otherPlaces: [{ line: 4, column: 144 }] })]);
    const oui = plan.results.find((r) => r.row === 13)!;
    expect(oui.status).toBe('exact');
    expect(oui.ambiguous).toBe(true);
    expect(oui.pieces[0]!.start).toBe(trueSpan(['P01', 'Oui', 1]).start);
    expect(oui.pieces[0]!.chosenBy).toBe('reading-order');
  });

  it('merges rows coding the same span into one segment with several codes', () => {
    const span = trueSpan(['P01', 'Je ne sais plus quoi lui proposer']);
    const seg = plan.segments.find((s) => s.participant === 'P01' && s.start === span.start && s.end === span.end)!;
    expect(seg.rows).toEqual([3, 33]);
    expect(seg.codes).toEqual([
      { name: 'Impuissance', themePath: ['Vécu du médecin', 'Émotions négatives'] },
      { name: 'Échec thérapeutique', themePath: ['Thérapeutiques'] },
    ]);
    expect(seg.memo).toBe('mot-clé\nbis');
    expect(seg.text).toBe('Je ne sais plus quoi lui proposer');
    const ecoute = plan.segments.find((s) => s.text === "L'écoute, surtout")!;
    expect(ecoute.codes).toEqual([{ name: 'Écoute', themePath: ['Relation'] }]);
    // segments are sorted by transcript then position, and every text is the transcript's
    for (const s of plan.segments) expect(texts[s.participant]!.slice(s.start, s.end)).toBe(s.text);
    const keys = plan.segments.map((s) => `${s.participant}:${String(s.start).padStart(6, '0')}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('reads a code cell joining codes with /, a comma or + as several codes when each part is a code, never splitting a code’s own name', () => {
    const cells = (code: string, quote: string) => ['P01', '', code, quote, ''];
    const joined = planImport({
      rows: [
        { row: 2, cells: cells('Impuissance / Épuisement', 'on se sent très démunis') },
        { row: 3, cells: cells('Confiance, Bricolage', 'il faut de la confiance') },
        { row: 4, cells: cells('Impuissance + Nouveau', 'On bricole en attendant.') },
        { row: 5, cells: cells('Nouveau', "C'est sur le tas qu'on apprend") },
        { row: 6, cells: cells('Relation médecin/patient', 'Oui, il faut de la confiance') },
        { row: 7, cells: cells('Médecin/patient, vécu', 'Huit mois pour le centre antidouleur') },
      ],
      columns,
      transcripts,
      codeNames: ['Impuissance', 'Épuisement', 'Confiance', 'bricolage', 'Médecin/patient, vécu'],
    });
    expect(joined.results.map((r) => r.codes)).toEqual([
      ['Impuissance', 'Épuisement'],
      ['Confiance', 'Bricolage'],
      ['Impuissance', 'Nouveau'],
      ['Nouveau'],
      ['Relation médecin/patient'],
      ['Médecin/patient, vécu'],
    ]);
  });

  it('ties the passages of one quote together by a shared quote key', () => {
    const rond = plan.segments.filter((s) => s.rows.includes(10));
    expect(rond.map((s) => s.text)).toEqual(['on tourne en rond', 'et lui aussi']);
    expect(rond[0]!.quote).toBeDefined();
    expect(rond[0]!.quote).toBe(rond[1]!.quote);
    expect(plan.segments.filter((s) => s.rows.includes(2))[0]!.quote).toBeUndefined();
  });

  it('counts every status', () => {
    const s = plan.summary;
    expect(s.rows).toBe(sheet.length);
    expect(s.skipped).toBe(2);
    expect(s.unresolved).toBe(2);
    // A participant cell naming no transcript is counted apart: the sheet is to correct.
    expect(s.unknownParticipant).toBe(1);
    expect(s.unknownParticipants).toEqual(['P04']);
    expect(s.exact + s.normalised + s.passages + s.approximate + s.partial).toBe(sheet.length - 5);
    expect(s.ambiguous).toBe(2);
  });

  it('plans every row of a 500-row import over 20 transcripts', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `P${String(i + 1).padStart(2, '0')}`, text: `${P01}\n${P02}\n`.repeat(20) }));
    const bigRows = Array.from({ length: 500 }, (_, i) => ({
      row: i + 2,
      cells: [`P${(i % 20) + 1}`, '', 'Code', sheet[i % 25]![3], ''],
    }));
    const big = planImport({ rows: bigRows, columns, transcripts: many });
    expect(big.results).toHaveLength(500);
    expect(big.results.every((r) => r.participant !== null)).toBe(true);
  });
});

describe('splitThemePath', () => {
  it('cuts a theme cell at its separators, skipping empty levels, and keeps names holding a slash', () => {
    expect(splitThemePath('Vécu du médecin > Émotions négatives')).toEqual(['Vécu du médecin', 'Émotions négatives']);
    expect(splitThemePath('Relation / Écoute → Temps › Fin')).toEqual(['Relation', 'Écoute', 'Temps', 'Fin']);
    expect(splitThemePath('A > > B')).toEqual(['A', 'B']);
    expect(splitThemePath('A >   > B')).toEqual(['A', 'B']);
    expect(splitThemePath(' > > ')).toEqual([]);
    expect(splitThemePath('Vécu du médecin > ')).toEqual(['Vécu du médecin']);
    expect(splitThemePath('> Vécu du médecin')).toEqual(['Vécu du médecin']);
    expect(splitThemePath('Relation médecin/patient')).toEqual(['Relation médecin/patient']);
    expect(splitThemePath('Avant>après')).toEqual(['Avant>après']);
  });
});

describe('participant resolution', () => {
  const plan = (cell: string, ids: string[]) =>
    planImport({
      rows: [{ row: 2, cells: [cell, '', 'C', 'bonjour', ''] }],
      columns,
      transcripts: ids.map((id) => ({ id, text: 'Enquêteur : bonjour' })),
    }).results[0]!;

  it('matches ids ignoring case and leading zeros, and numbers when unique', () => {
    expect(plan('p001', ['P01', 'P02']).participant).toBe('P01');
    expect(plan('P 2', ['P01', 'P02']).participant).toBe('P02');
    expect(plan('Entretien 2', ['P01', 'P02']).participant).toBe('P02');
    expect(plan('E02', ['P01', 'P02']).participant).toBe('P02');
    expect(plan('mg4', ['MG4', 'A4']).participant).toBe('MG4');
    expect(plan('P01.txt', ['P01']).participant).toBe('P01');
  });

  it('refuses a number shared by several transcripts', () => {
    const r = plan('4', ['MG4', 'A4']);
    expect(r.participant).toBeNull();
    expect(r.reason?.en).toContain('MG4, A4');
  });
});

describe('a cell that repeats a sentence', () => {
  it('gives one passage, not two overlapping ones shown with […] between them', () => {
    const repeated = planImport({
      rows: [{ row: 2, cells: ['P01', 'Vécu du médecin', 'Impuissance', 'On bricole en attendant. On bricole en attendant. Et puis il revient, il revient', ''] }],
      columns,
      transcripts,
    });
    const segments = repeated.segments.filter((s) => s.participant === 'P01');
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
    expect(segments.map((s) => s.text).join(' […] ')).toBe('On bricole en attendant. Et puis il revient, il revient');
  });
});

describe('planImport on codage’s own listing (one row per passage and code, with a quote id)', () => {
  const header = ['codeur', 'participant', 'segment', 'id_citation', 'thème', 'code', 'texte'];
  const cols = detectColumns(header) as ImportColumns;
  const listing = [
    ['thomas', 'P01', 's1', 'q1', 'Vécu', 'Impuissance', 'on se sent très démunis'],
    ['thomas', 'P01', 's2', 'q1', 'Vécu', 'Impuissance', 'On bricole en attendant.'],
    ['thomas', 'P01', 's1', 'q1', 'Vécu', 'Bricolage', 'on se sent très démunis'],
    ['thomas', 'P01', 's2', 'q1', 'Vécu', 'Bricolage', 'On bricole en attendant.'],
    ['thomas', 'P01', 's3', '', 'Vécu', 'Bricolage', 'Huit mois pour le centre antidouleur'],
    // The same id in another interview is another quote; an id left with one passage ties nothing.
    ['thomas', 'P02', 's4', 'q1', 'Réseau', 'Réseau', "j'ai son portable, ça aide énormément"],
  ];
  const plan = planImport({ rows: listing.map((cells, i) => ({ row: i + 2, cells })), columns: cols, transcripts });

  it('gives the passages of one quote the same quote key, with every code of each passage', () => {
    expect(plan.segments.map((s) => [s.participant, s.text, s.codes.map((c) => c.name)])).toEqual([
      ['P01', 'on se sent très démunis', ['Impuissance', 'Bricolage']],
      ['P01', 'Huit mois pour le centre antidouleur', ['Bricolage']],
      ['P01', 'On bricole en attendant.', ['Impuissance', 'Bricolage']],
      ['P02', "j'ai son portable, ça aide énormément", ['Réseau']],
    ]);
    const [first, alone, second, other] = plan.segments;
    expect(first!.quote).toBeDefined();
    expect(second!.quote).toBe(first!.quote);
    expect(alone!.quote).toBeUndefined();
    expect(other!.quote).toBeUndefined();
  });
});
