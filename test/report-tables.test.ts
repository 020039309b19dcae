/** The thesis tables computed from small, messy studies: quotes, labels, counts, participants, pairs. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { paragraphText, spreadsheetGrid, tableGrid } from '../src/core/report/document.js';
import { coreq, exportDocument, methodsParagraph } from '../src/core/report/exports.js';
import { groupMatrix, pairMatrix } from '../src/core/report/matrix.js';
import { pairMaps, renderDot, renderMermaid, renderSvg } from '../src/core/report/mindmap.js';
import { attributeColumns, participantsSummary, participantsTable, synonymConflicts } from '../src/core/report/participants-table.js';
import { themesTable } from '../src/core/report/themes-table.js';
import type { Memo, MemoSubject } from '../src/core/memo/memo.js';
import { segmentSentences } from '../src/core/transcript/sentences.js';
import { reportFixture } from './report-fixture.js';

const CODEBOOK = `
themes:
  - name: Vécu du médecin
    id: vecu
    themes:
      - name: Émotions négatives
        id: emotions
        codes:
          - name: Impuissance
            id: impuissance
            definition: Ne plus savoir quoi proposer.
          - name: Épuisement
            id: epuisement
  - name: Coordination des soins
    id: coordination
    codes:
      - name: Délais d'accès
        id: delais
codes:
  - name: Humour
    id: humour
`;

const P1 = `Enquêtrice : Et alors ?\n\nP1 : Je ne sais plus quoi lui proposer. *rire* On tourne en rond, et lui aussi. Huit mois pour le centre antidouleur.\n`;
const P2 = `E : Et vous ?\n\nP2 : Ces consultations-là, je les sens passer le soir. (silence) Je ne sais plus, vraiment. On bricole en attendant.\n`;
const P3 = `Q : Bonjour.\n\nP3 : Huit mois, c'est long. Je suis « démuni », voilà.\n`;

function study(overrides: Parameters<typeof reportFixture>[0] extends infer T ? Partial<T> : never = {}) {
  return reportFixture({
    transcripts: { P1, P2, P3 },
    attributes: {
      P1: { sexe: 'F', age: 34, duree: 28, milieu: 'rural', group: 'MG' },
      P2: { sexe: 'H', age: '58', duration: '1 h 05', milieu: 'urbain', group: 'MG' },
      P3: { sexe: 'F', age: 45.5, 'durée': null, milieu: 'rural', group: 'ALGO' },
    },
    codebook: CODEBOOK,
    segments: [
      { participant: 'P1', text: 'Je ne sais plus quoi lui proposer.', codes: ['impuissance'] },
      { participant: 'P1', text: 'On tourne en rond, et lui aussi.', codes: ['impuissance', 'epuisement'], exemplary: true },
      { participant: 'P2', text: 'Ces consultations-là, je les sens passer le soir. (silence) Je ne sais plus, vraiment.', codes: ['epuisement', 'impuissance'] },
      { participant: 'P3', text: 'Je suis « démuni », voilà.', codes: ['impuissance'] },
      { participant: 'P1', text: 'Huit mois pour le centre antidouleur.', codes: ['delais'] },
      { participant: 'P2', text: 'On bricole en attendant.', codes: ['delais'] },
      { participant: 'P3', text: "Huit mois, c'est long.", codes: ['delais', 'inconnu'] },
      { participant: 'P3', text: 'Phrase effacée de la transcription.', codes: ['delais'], unplaced: true },
    ],
    ...overrides,
  });
}

const quotesOf = (table: ReturnType<typeof themesTable>, code: string) => {
  const grid = tableGrid(table, '\n');
  const row = grid.find((r) => r.some((cell) => cell.startsWith(code)));
  return row ? row[row.length - 1]!.split('\n') : [];
};

describe('themes table', () => {
  it('lists codes in codebook order under spanning themes, with n/N and references counted as stats does', () => {
    const table = themesTable(study(), { counts: true, emptyCodes: true });
    expect(table.columns.map((c) => c.header)).toEqual(['Thème', 'Sous-thème', 'Code (n/N, réf.)', 'Verbatims']);
    const grid = tableGrid(table);
    expect(grid.map((r) => r[0])).toEqual(['Vécu du médecin', 'Vécu du médecin', 'Coordination des soins', 'Codes non regroupés', 'Codes absents du livre de codes']);
    expect(grid[0]![2]).toBe('Impuissance (3/3, 4 réf.)');
    // The unplaced segment is neither counted nor shown.
    expect(grid[2]![2]).toBe("Délais d'accès (3/3, 3 réf.)");
    expect(grid[3]![2]).toBe('Humour (0/3, 0 réf.)');
    expect(grid[4]![2]).toBe('inconnu (1/3, 1 réf.)');
    // In English, one reference is « 1 ref. », not « 1 refs ».
    const english = tableGrid(themesTable(study({ language: 'en' }), { counts: true, emptyCodes: true }));
    expect(english.map((r) => r[2])).toEqual(['Impuissance (3/3, 4 refs)', 'Épuisement (2/3, 2 refs)', "Délais d'accès (3/3, 3 refs)", 'Humour (0/3, 0 refs)', 'inconnu (1/3, 1 ref.)']);
    // A theme's own code, where sub-themes exist: '–' as its sub-theme, never a blank that reads as
    // the one above; the same for the codes not grouped and those missing from the codebook.
    expect(grid.map((r) => r[1])).toEqual(['Émotions négatives', 'Émotions négatives', '–', '–', '–']);
    const mixed = themesTable(
      study({ codebook: CODEBOOK.replace("  - name: Coordination des soins\n    id: coordination\n    codes:\n      - name: Délais d'accès\n        id: delais\n", '').replace('    themes:\n      - name: Émotions', "    codes:\n      - name: Délais d'accès\n        id: delais\n    themes:\n      - name: Émotions") }),
      { counts: false, emptyCodes: true },
    );
    expect(tableGrid(mixed).slice(0, 3).map((r) => r.slice(0, 3))).toEqual([
      ['Vécu du médecin', 'Émotions négatives', 'Impuissance'],
      ['Vécu du médecin', 'Émotions négatives', 'Épuisement'],
      ['Vécu du médecin', '–', "Délais d'accès"],
    ]);
    // The theme cell spans its two codes; the sub-theme too.
    expect(table.rows[0]!.cells[0]!.rowSpan).toBe(2);
    expect(table.rows[1]!.cells).toHaveLength(2);
    expect(table.rows[1]!.groupStart).toBe(false);
    expect(table.rows[2]!.groupStart).toBe(true);
  });

  it('writes each quote exactly as transcribed, in French guillemets with no-break spaces, exemplary first, signed', () => {
    const quotes = quotesOf(themesTable(study(), { counts: true, emptyCodes: true }), 'Impuissance');
    expect(quotes).toEqual([
      '«\u00a0On tourne en rond, et lui aussi.\u00a0» (P1)',
      '«\u00a0Je ne sais plus quoi lui proposer.\u00a0» (P1)',
      '«\u00a0Ces consultations-là, je les sens passer le soir. (silence) Je ne sais plus, vraiment.\u00a0» (P2)',
    ]);
    const row = themesTable(study(), { counts: true, emptyCodes: true }).rows[0]!;
    const verbatims = row.cells[row.cells.length - 1]!.paragraphs[0]!;
    expect(verbatims[0]).toMatchObject({ italic: true });
    expect(verbatims[1]).toEqual({ text: ' (P1)' });
  });

  it('chooses quotes: at most N, one per participant, shortest or longest, annotations left out on request', () => {
    const s = study({ selection: { max: 2, onePerParticipant: true, exemplaryFirst: false, order: 'shortest', omitAnnotations: true } });
    expect(quotesOf(themesTable(s, { counts: false, emptyCodes: true }), 'Impuissance')).toEqual([
      // The quote's own guillemets kept: “ ” around it (see quoteMarks).
      '“Je suis « démuni », voilà.” (P3)',
      '«\u00a0On tourne en rond, et lui aussi.\u00a0» (P1)',
    ]);
    const longest = study({ selection: { max: 1, order: 'longest', exemplaryFirst: false, omitAnnotations: true } });
    expect(quotesOf(themesTable(longest, { counts: false, emptyCodes: true }), 'Impuissance')).toEqual([
      '«\u00a0Ces consultations-là, je les sens passer le soir. Je ne sais plus, vraiment.\u00a0» (P2)',
    ]);
  });

  it('says under the table how many quotes it shows: one in the singular, none as none (--quotes 0)', () => {
    const note = (max: number, language: 'fr' | 'en') => paragraphText(themesTable(study({ language, selection: { max } }), { counts: false, emptyCodes: true }).note!);
    expect(note(0, 'fr')).toBe('sans verbatims\u202f; codage\u00a0: marie.');
    expect(note(0, 'en')).toBe('no quotes shown; coding: marie.');
    expect(note(1, 'fr')).toMatch(/^au plus 1 verbatim par code, exemplaires d’abord, dans l’ordre des entretiens\u202f;/);
    expect(note(1, 'en')).toMatch(/^at most 1 quote per code, exemplary ones first, in interview order;/);
    expect(note(3, 'fr')).toMatch(/^au plus 3 verbatims par code,/);
    expect(note(Number.POSITIVE_INFINITY, 'en')).toMatch(/^all quotes,/);
  });

  it('has no quotes column at all with --quotes 0, and says so in its caption and the report’s heading', () => {
    const none = study({ selection: { max: 0 } });
    const table = themesTable(none, { counts: true, emptyCodes: true });
    expect(table.caption).toBe('Thèmes et codes');
    expect(table.columns.map((c) => c.header)).toEqual(['Thème', 'Sous-thème', 'Code (n/N, réf.)']);
    // Every row as wide as the header, in the grid every renderer reads.
    for (const row of tableGrid(table)) expect(row).toHaveLength(3);
    expect(themesTable(study({ language: 'en', selection: { max: 0 } }), { counts: false, emptyCodes: true }).caption).toBe('Themes and codes');
    expect(themesTable(study({ selection: { max: 1 } }), { counts: true, emptyCodes: true }).columns.at(-1)!.header).toBe('Verbatims');
    const report = exportDocument('report', none, { counts: true, cellQuotes: false, unit: 'segment', emptyCodes: true, extras: {} }, (t) => segmentSentences(t.text, t.turns));
    const headings = report.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toContain('Résultats\u00a0: thèmes et codes');
  });

  it('signs quotes with the quote_label template and writes English quotes in curly double quotes', () => {
    const s = study({ language: 'en', quoteLabel: 'participant {n}, {sexe}, {age} ans' });
    const quotes = quotesOf(themesTable(s, { counts: true, emptyCodes: false }), 'Délais');
    expect(quotes[0]).toBe('\u201cHuit mois pour le centre antidouleur.\u201d (participant 1, F, 34 ans)');
    expect(themesTable(s, { counts: true, emptyCodes: false }).columns[3]!.header).toBe('Quotes');
    // --no-empty-codes: Humour is gone.
    expect(tableGrid(themesTable(s, { counts: true, emptyCodes: false })).some((r) => r.some((c) => c.startsWith('Humour')))).toBe(false);
  });

  it('shows the pieces of one quote (segments sharing a quote id) as one quote joined by […]', () => {
    const s = reportFixture({
      transcripts: { P1 },
      codebook: CODEBOOK,
      segments: [
        { participant: 'P1', text: 'On tourne en rond, et lui aussi.', codes: ['impuissance'], quote: 'q1' },
        { participant: 'P1', text: 'Je ne sais plus quoi lui proposer.', codes: ['impuissance'], quote: 'q1' },
        { participant: 'P1', text: 'Huit mois pour le centre antidouleur.', codes: ['impuissance'] },
      ],
    });
    expect(quotesOf(themesTable(s, { counts: true, emptyCodes: true }), 'Impuissance')).toEqual([
      '«\u00a0Je ne sais plus quoi lui proposer. […] On tourne en rond, et lui aussi.\u00a0» (P1)',
      '«\u00a0Huit mois pour le centre antidouleur.\u00a0» (P1)',
    ]);
    // Counted as the researcher counts them: two quotes, not three segments.
    const code = tableGrid(themesTable(s, { counts: true, emptyCodes: true })).flat().find((c) => c.startsWith('Impuissance'));
    expect(code).toMatch(/1\/\d+, 2 réf\./);
  });
});

describe('participants table', () => {
  it('merges duration synonyms into one column, formats numbers the French way and sums up in one sentence', () => {
    const s = study();
    const columns = attributeColumns(s);
    expect(columns.map((c) => c.header)).toEqual(['Sexe', 'Âge (ans)', 'Durée (min)', 'Milieu d’exercice', 'Groupe']);
    const grid = tableGrid(participantsTable(s, columns));
    expect(grid).toEqual([
      ['P1', 'F', '34', '28', 'rural', 'MG'],
      ['P2', 'H', '58', '65', 'urbain', 'MG'],
      ['P3', 'F', '45,5', '–', 'rural', 'ALGO'],
    ]);
    expect(participantsSummary(s, columns)).toBe(
      'Trois participants ont été interrogés (2 femmes, 1 homme), âgés de 34 à 58 ans (moyenne 45,8\u202f; médiane 45,5). ' +
        'Milieu d’exercice\u00a0: rural (2), urbain (1). Groupe\u00a0: ALGO (1), MG (2). ' +
        'Les entretiens ont duré de 28 à 65 minutes (moyenne 46,5\u202f; médiane 46,5\u202f; durée inconnue pour 1).',
    );
  });

  it('leaves out of Table 1 the file a transcript came from (source:, written by codage import), unless asked for', () => {
    const s = study({ attributes: { P1: { sexe: 'F', source: 'Entretien Dr Lefebvre Rouen.docx' }, P2: { sexe: 'H', source: 'P2.txt' }, P3: {} } });
    expect(attributeColumns(s).map((c) => c.header)).toEqual(['Sexe']);
    expect(participantsSummary(s, attributeColumns(s))).not.toContain('Lefebvre');
    expect(attributeColumns(s, ['sexe', 'source']).map((c) => c.sources)).toEqual([['sexe'], ['source']]);
  });

  it('writes the interview dates one way, whatever way each was written (--attributes date)', () => {
    const attributes = { P1: { date: '2025-01-14' }, P2: { date: '21/01/2025' }, P3: { date: '10 mars 2025 14h30' } };
    const fr = study({ attributes });
    expect(tableGrid(participantsTable(fr, attributeColumns(fr, ['date']))).map((row) => row[1])).toEqual(['14/01/2025', '21/01/2025', '10/03/2025']);
    const en = study({ language: 'en', attributes: { ...attributes, P3: { date: 'March 10, 2025' } } });
    expect(tableGrid(participantsTable(en, attributeColumns(en, ['date']))).map((row) => row[1])).toEqual(['2025-01-14', '2025-01-21', '2025-03-10']);
    // Not a date: shown as written.
    const other = study({ attributes: { P1: { date: 'printemps 2025' }, P2: {}, P3: {} } });
    expect(tableGrid(participantsTable(other, attributeColumns(other, ['date'])))[0]![1]).toBe('printemps 2025');
  });

  it('says so when two synonyms disagree, and keeps the first', () => {
    const s = study({ attributes: { P1: { duree: 28, duration: 31 }, P2: {}, P3: {} } });
    const problems = synonymConflicts(s, attributeColumns(s));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.fr).toContain('P1 : duree = 28, duration = 31');
  });

  it('says which characteristics are not given, and never writes "from 38 to 38"', () => {
    const s = study({ attributes: { P1: { sexe: 'F', age: 38, duree: 42 }, P2: {}, P3: {} } });
    expect(participantsSummary(s, attributeColumns(s))).toBe(
      'Trois participants ont été interrogés (1 femme\u202f; sexe non renseigné pour 2), âgés de 38 ans (âge non renseigné pour 2). ' +
        'Les entretiens ont duré 42 minutes (durée inconnue pour 2).',
    );
    const en = study({ language: 'en', attributes: { P1: { sexe: 'F', age: 38, duree: 42 }, P2: { age: 38, duree: 42 }, P3: { age: 38, duree: 42 } } });
    expect(participantsSummary(en, attributeColumns(en))).toBe('Three participants were interviewed (1 woman; sex not given for 2), aged 38. Interviews lasted 42 minutes.');
    expect(methodsParagraph(en, { extras: {} })).toContain('They lasted 42 minutes.');
  });

  it('reads ages written with their unit (« 52 ans »), counts one setting written in two cases once, and writes a decimal the French way', () => {
    const s = study({
      attributes: {
        P1: { sexe: 'H', age: '52 ans', milieu: 'Urbain', anciennete: 47.5 },
        P2: { sexe: 'F', age: 34, milieu: 'urbain', anciennete: 'non précisé' },
        P3: { sexe: 'F', age: '45,5 ans', milieu: 'Rural', anciennete: 3 },
      },
    });
    const columns = attributeColumns(s);
    expect(tableGrid(participantsTable(s, columns))).toEqual([
      ['P1', 'H', '52', 'Urbain', '47,5'],
      ['P2', 'F', '34', 'urbain', 'non précisé'],
      ['P3', 'F', '45,5', 'Rural', '3'],
    ]);
    expect(participantsSummary(s, columns)).toBe(
      'Trois participants ont été interrogés (2 femmes, 1 homme), âgés de 34 à 52 ans (moyenne 43,8\u202f; médiane 45,5). ' +
        'Milieu d’exercice\u00a0: Rural (1), Urbain (2). Anciennete\u00a0: 3 (1), 47,5 (1), non précisé (1).',
    );
  });

  it('writes the English sentence with English numbers', () => {
    const s = study({ language: 'en' });
    expect(participantsSummary(s, attributeColumns(s))).toMatch(/^Three participants were interviewed \(2 women, 1 man\), aged 34 to 58 \(mean 45\.8, median 45\.5\)\./);
  });

  it('takes the columns asked for, with their own headers, and refuses unknown ones', () => {
    const s = study();
    const columns = attributeColumns(s, ['age', 'milieu=Lieu', 'durée']);
    expect(columns.map((c) => c.header)).toEqual(['Âge (ans)', 'Lieu', 'Durée (min)']);
    expect(() => attributeColumns(s, ['poids'])).toThrow(UsageError);
  });
});

describe('pairs', () => {
  const dyads = () =>
    reportFixture({
      transcripts: { P1, P2, P3 },
      attributes: { P1: { binome: 'D1', role: 'patient' }, P2: { binome: 'D1', role: 'médecin' }, P3: { binome: 'D2', role: 'patient' } },
      codebook: CODEBOOK,
      segments: [
        { participant: 'P1', text: 'Je ne sais plus quoi lui proposer.', codes: ['impuissance'] },
        { participant: 'P1', text: 'Huit mois pour le centre antidouleur.', codes: ['delais'] },
        { participant: 'P2', text: 'Je ne sais plus, vraiment.', codes: ['impuissance'] },
        { participant: 'P2', text: 'On bricole en attendant.', codes: ['epuisement'] },
        { participant: 'P3', text: "Huit mois, c'est long.", codes: ['delais'] },
      ],
    });

  it('never shows the pair link in the participants table, nor lets it be asked for', () => {
    const s = dyads();
    expect(s.pairAttribute).toBe('binome');
    expect(attributeColumns(s).map((c) => c.sources[0])).toEqual(['role']);
    expect(() => attributeColumns(s, ['binome'])).toThrow(/links the two sides of a pair/);
    const text = JSON.stringify(exportDocument('themes', s, { counts: true, cellQuotes: false, unit: 'segment', emptyCodes: true, extras: {} }, () => []));
    expect(text).not.toContain('D1');
  });

  it('sets the two sides of each pair face to face, and maps shared codes', () => {
    const s = dyads();
    const table = pairMatrix(s);
    expect(table.columns.map((c) => c.header)).toEqual(['Thème', 'Code', 'D1 · P1', 'D1 · P2', 'D2 · P3', 'Paires où les deux côtés en parlent']);
    const grid = tableGrid(table);
    expect(grid.find((r) => r[1] === 'Impuissance')).toEqual(['Vécu du médecin', 'Impuissance', '1', '1', '–', '1']);
    expect(grid.find((r) => r[1] === "Délais d'accès")).toEqual(['Coordination des soins', "Délais d'accès", '1', '–', '1', '0']);
    const maps = pairMaps(s);
    expect(maps.map((m) => m.label)).toEqual(['Paire D1', 'Paire D2']);
    expect(maps[0]!.children.map((c) => [c.label, c.children.map((x) => x.label)])).toEqual([
      ['P1', ["Délais d'accès"]],
      ['P2', ['Épuisement']],
      ['Codes partagés', ['Impuissance']],
    ]);
    expect(renderMermaid(maps)).toContain('root(("Paire D1"))');
    expect(renderDot(maps)).toContain('subgraph cluster_1');
    expect(renderSvg(maps).svg).toMatch(/^<svg[^>]+viewBox/);
  });
});

describe('matrix, co-occurrence, methods', () => {
  it('counts participants per group, with a quote of that group on request', () => {
    const table = groupMatrix(study(), { by: 'group', quotes: true });
    expect(table.columns.map((c) => c.header)).toEqual(['Thème', 'Code', 'ALGO (N = 1)', 'MG (N = 2)']);
    const row = table.rows.find((r) => r.cells.some((c) => paragraphText(c.paragraphs[0]!) === 'Impuissance'))!;
    const algo = row.cells[row.cells.length - 2]!;
    expect(paragraphText(algo.paragraphs[0]!)).toBe('1/1');
    expect(paragraphText(algo.paragraphs[1]!)).toBe('“Je suis « démuni », voilà.” (P3)');
    // With its quote the cell is text; without, a spreadsheet holds n, a number (N is in the header),
    // where `9/10` would be text — and a date to French Excel opening a CSV.
    expect(algo.value).toBeUndefined();
    const counts = groupMatrix(study(), { by: 'group', quotes: false });
    const countRow = counts.rows.find((r) => r.cells.some((c) => paragraphText(c.paragraphs[0]!) === 'Impuissance'))!;
    expect(countRow.cells.slice(-2).map((c) => [paragraphText(c.paragraphs[0]!), c.value])).toEqual([
      ['1/1', 1],
      ['2/2', 2],
    ]);
    expect(spreadsheetGrid(counts).find((r) => r.includes('Impuissance'))!.slice(-2)).toEqual([1, 2]);
  });

  it('makes one group of a value typed in two cases (« MG », « mg », « MG␣»), named as most write it', () => {
    const s = study({
      attributes: { P1: { group: 'MG' }, P2: { group: 'mg' }, P3: { group: 'MG ' } },
    });
    expect(groupMatrix(s, { by: 'group', quotes: false }).columns.map((c) => c.header)).toEqual(['Thème', 'Code', 'MG (N = 3)']);
  });

  it('counts co-occurrences on segments and on sentences', () => {
    const s = study();
    const doc = (unit: 'segment' | 'sentence') =>
      exportDocument('cooccurrence', s, { counts: true, cellQuotes: false, unit, emptyCodes: true, extras: {} }, (t) => segmentSentences(t.text, t.turns));
    const grid = (unit: 'segment' | 'sentence') => {
      const b = doc(unit).blocks[0]!;
      return b.type === 'table' ? tableGrid(b.table) : [];
    };
    const seg = grid('segment');
    expect(seg[0]).toEqual(['1. Impuissance', '4', '2', '·', '·']);
    expect(seg[1]).toEqual(['2. Épuisement', '2', '2', '·', '·']);
    // P3's "Huit mois, c'est long." is one sentence holding delais and the unknown code.
    const sentence = grid('sentence');
    expect(sentence[2]).toEqual(["3. Délais d'accès", '·', '·', '3', '1']);
  });

  it('writes the methods paragraph from the real numbers', () => {
    const s = study({ attributes: { P1: { date: '2024-02-06', duree: 28, group: 'MG' }, P2: { date: '2024-03-01', duree: 65, group: 'MG' }, P3: { date: '2024-05-02', group: 'ALGO' } } });
    expect(methodsParagraph(s, { by: 'group', extras: {} })).toBe(
      'Trois entretiens ont été réalisés entre le 6 février et le 2 mai 2024 (2 MG, 1 ALGO). ' +
        'Ils ont duré de 28 à 65 minutes (moyenne 46,5\u202f; médiane 46,5\u202f; durée inconnue pour 1). ' +
        'L’analyse a été conduite avec codage 0.0.0-test\u00a0: marie a codé les 3 entretiens. ' +
        'Le codage retenu (marie) compte 7 segments codés, rattachés à 4 codes, regroupés en 3 thèmes et sous-thèmes (2 thèmes principaux).',
    );
  });

  it('names the coders of a consensus as the ones who coded, and the consensus as their pooling where both coded', () => {
    const segment = (participant: string, text: string, coder: string) => ({ participant, text, codes: ['impuissance'], coder });
    const s = study({
      segments: [
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'consensus'),
        segment('P2', 'On bricole en attendant.', 'consensus'),
        segment('P3', 'Je suis « démuni », voilà.', 'consensus'),
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'marie'),
        segment('P2', 'On bricole en attendant.', 'marie'),
        segment('P3', 'Je suis « démuni », voilà.', 'marie'),
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'paul'),
      ],
    });
    const text = methodsParagraph(s, { extras: {} });
    expect(text).toContain(
      'L’analyse a été conduite avec codage 0.0.0-test\u00a0: marie a codé indépendamment 3 entretiens sur 3 (100\u00a0%) et paul a codé indépendamment 1 entretien sur 3 (33\u00a0%)\u202f; ' +
        'le codage retenu est issu de la mise en commun de leurs codages pour l’entretien codé par plus d’un codeur et reprend tel quel le codage d’un seul codeur pour les 2 autres.',
    );
    expect(text).not.toContain('consensus a codé');
    // P2 and P3, coded by marie alone, were copied into the consensus by reconcile, not pooled.
    const item24 = tableGrid(coreq(s, { extras: {} })).find((row) => row[1] === '24')?.[4];
    expect(item24?.replace(/[\u00a0\u202f]/gu, ' ')).toBe(
      '2 codeurs (marie : 3/3 entretiens et paul : 1/3 entretiens) ; mise en commun (consensus) sur 1/3 entretiens (2 autres : codage d’un seul codeur repris tel quel)',
    );
  });

  it('says how the consensus’s disagreements were settled, from its decisions log, in the methods and COREQ item 24', () => {
    const segment = (participant: string, text: string, coder: string) => ({ participant, text, codes: ['impuissance'], coder });
    const s = study({
      segments: [
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'consensus'),
        segment('P2', 'On bricole en attendant.', 'consensus'),
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'marie'),
        segment('P2', 'On bricole en attendant.', 'marie'),
        segment('P1', 'Je ne sais plus quoi lui proposer.', 'paul'),
      ],
    });
    const byRule = { ...s, consensusDecisions: { log: 'consensus-decisions.csv', coders: ['marie', 'paul'] as [string, string], byPeople: 0, who: [], byStrategy: [{ strategy: 'union' as const, count: 3 }], total: 3, pending: 0 } };
    const ruled = 'Les 3 désaccords entre les codeurs ont été tranchés automatiquement, sans examen au cas par cas, par la stratégie « union » de codage reconcile (les deux codages gardés). Les décisions sont consignées dans le journal consensus-decisions.csv.';
    const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/gu, ' ');
    expect(plain(methodsParagraph(byRule, { extras: {} }))).toContain(`pour l’autre. ${ruled} Le codage retenu (consensus)`);
    const item24 = (x: typeof s, language: 'fr' | 'en' = 'fr') => plain(tableGrid(coreq({ ...x, language }, { extras: { agreement: 'Kappa : 0,70.' } })).find((row) => row[1] === '24')?.[4]);
    expect(item24(byRule)).toBe(`2 codeurs (marie : 2/3 entretiens et paul : 1/3 entretiens) ; mise en commun (consensus) sur 1/3 entretiens (1 autre : codage d’un seul codeur repris tel quel). ${ruled} Kappa : 0,70.`);
    // A rule settled them: never "after discussion".
    expect(item24(byRule, 'en')).not.toContain('discussion');
    expect(item24(byRule, 'en')).toContain('codings pooled into a consensus on 1/3 interviews (1 other: one coder’s coding as it stood). The 3 disagreements between the coders were settled automatically');
    const byPeople = { ...s, consensusDecisions: { log: 'consensus-decisions.csv', byPeople: 3, who: ['marie et paul'], byStrategy: [], total: 3, pending: 0 } };
    expect(plain(methodsParagraph(byPeople, { extras: {} }))).toContain('Les 3 désaccords entre les codeurs ont été examinés un à un et tranchés par marie et paul.');
    // No log: nothing said of how they were settled.
    expect(methodsParagraph(s, { extras: {} })).not.toMatch(/désaccord|journal/u);
    expect(item24(s, 'en')).toBe('2 coders (marie: 2/3 interviews and paul: 1/3 interviews); codings pooled into a consensus on 1/3 interviews (1 other: one coder’s coding as it stood). Kappa : 0,70.');
    // The coding of one coder reported: the methods say nothing of the consensus's decisions.
    expect(methodsParagraph({ ...byRule, coders: ['marie'], segments: byRule.segments.filter((x) => x.coder === 'marie') }, { extras: {} })).not.toContain('désaccord');
  });
});

describe('the report’s memos', () => {
  const memo = (file: string, subject: MemoSubject, text: string): [string, Memo] => [file, { file, subject, text }];
  const files = new Map<string, Memo>([
    memo('memos/transcripts/P2.md', { kind: 'transcript', id: 'P2' }, 'Entretien écourté.\n'),
    memo('memos/codes/impuissance.md', { kind: 'code', id: 'impuissance' }, '## 2026-12-01 06:55 — marie\n\nProche de la frustration ?\nComparer P1 et P3.\n'),
    memo('memos/study.md', { kind: 'study' }, 'Saturation discutée avec la directrice.\n'),
    memo('memos/themes/vecu.md', { kind: 'theme', id: 'vecu' }, 'Le thème central.\n'),
    memo('memos/codes/fusionne.md', { kind: 'code', id: 'fusionne' }, 'Un code fusionné depuis.\n'),
    memo('memos/codes/humour.md', { kind: 'code', id: 'humour' }, '   \n'),
  ]);
  const withMemos = () => {
    const s = study({
      segments: [
        { participant: 'P1', text: 'Je ne sais plus quoi lui proposer.', codes: ['impuissance'], memo: 'Dit deux fois.' },
        { participant: 'P1', text: 'On tourne en rond, et lui aussi.', codes: ['epuisement'] },
        { participant: 'P2', text: 'On bricole en attendant.', codes: ['delais'], memo: 'Mémo de paul.', coder: 'paul' },
      ],
    });
    return { ...s, memos: { files, notes: [{ coder: 'paul', participant: 'P1', text: 'Codé à l’aveugle.' }] } };
  };

  it('end the report in an annex, in the order codage memo lists them, each as its author wrote it', () => {
    const doc = exportDocument('report', withMemos(), { counts: true, cellQuotes: false, unit: 'segment', emptyCodes: true, extras: {} }, (t) => segmentSentences(t.text, t.turns));
    const at = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Mémos');
    expect(at).toBeGreaterThan(0);
    const annex = doc.blocks.slice(at).map((b) => (b.type === 'heading' ? `${'#'.repeat(b.level)} ${b.text}` : b.type === 'paragraph' ? b.content.map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text)).join('') : b.type));
    expect(annex).toEqual([
      '# Mémos',
      '## L’étude',
      'Saturation discutée avec la directrice.',
      '## Le thème «\u00a0Vécu du médecin\u00a0»',
      'Le thème central.',
      '## Le code «\u00a0Vécu du médecin > Émotions négatives > Impuissance\u00a0»',
      '**2026-12-01 06:55 — marie**',
      'Proche de la frustration ? Comparer P1 et P3.',
      '## L’entretien P1',
      '**Note de paul**',
      'Codé à l’aveugle.',
      '**Sur le passage ***«\u00a0Je ne sais plus quoi lui proposer.\u00a0»* (marie)',
      'Dit deux fois.',
      '## L’entretien P2',
      'Entretien écourté.',
    ]);
    // A memo on a code merged away is shown nowhere (codage check says so), nor is an empty one;
    // a segment memo of a coding not reported (paul's) is not this report's.
    const text = annex.join('\n');
    expect(text).not.toMatch(/fusionné|Mémo de paul|Humour/);
  });

  it('leave no annex when nobody wrote one, nor when the memos were not read', () => {
    const none = { ...study(), memos: { files: new Map<string, Memo>(), notes: [] } };
    const options = { counts: true, cellQuotes: false, unit: 'segment' as const, emptyCodes: true, extras: {} };
    for (const s of [none, study()]) expect(exportDocument('report', s, options, (t) => segmentSentences(t.text, t.turns)).blocks.some((b) => b.type === 'heading' && b.text === 'Mémos')).toBe(false);
  });
});
