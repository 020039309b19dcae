import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import writeExcelFile from 'write-excel-file/node';
import { transcriptOffsets } from '../src/core/study/anchor-codings.js';
import { decodeWindows1252 } from '../src/core/text/decode.js';
import { loadStudy } from '../src/io/study.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, DEMO, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

const SHEET = join(DEMO, '.source/edited-quotes.csv');

/**
 * Row (1 = first data row) → true span, or null when it must stay unresolved. The truth file gives
 * UTF-16 offsets in the transcript text; the review, code points (as coder files): converted.
 */
async function truth(): Promise<Map<number, { participant: string; start: number; end: number } | null>> {
  const study = await loadStudy(DEMO);
  const codePoint = (participant: string, offset: number) => transcriptOffsets(study.transcriptById.get(participant)!).toCodePoint(offset);
  const map = new Map<number, { participant: string; start: number; end: number } | null>();
  for (const line of readFileSync(join(DEMO, '.source/edited-quotes.truth.csv'), 'utf8').split('\n')) {
    const [row, participant, start, end] = line.trim().split(';');
    if (!row || !participant) continue;
    map.set(Number(row), start === '-' ? null : { participant, start: codePoint(participant, Number(start)), end: codePoint(participant, Number(end)) });
  }
  return map;
}

describe('codage import-codings', () => {
  it('anchors ≥ 95 % of a spreadsheet of lightly edited quotes, none in the wrong place', async () => {
    const dir = copyStudy();
    const review = join(tempDir(), 'review.csv');
    const r = runCli(['import-codings', SHEET, '--coder', 'import', '--study', dir, '--review', review, '--lang', 'en', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { summary: { rows: number; anchored: number; unresolved: number }; codesAdded: string[] };
    expect(summary.summary.rows).toBe(126);
    expect(summary.summary.anchored / summary.summary.rows).toBeGreaterThanOrEqual(0.95);
    expect(summary.codesAdded.sort()).toEqual(['Errance médicale', 'Télé-expertise']);

    const rows = parse(readFileSync(review, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const expected = await truth();
    let anchored = 0;
    let passages = 0;
    for (const row of rows) {
      const want = expected.get(Number(row.row) - 1);
      expect(want, `row ${row.row} has a truth line`).not.toBeUndefined();
      if (row.start === '') continue;
      if (row.status !== 'partly placed') anchored++;
      // Never anchored where the quote is not: an invented quote, or a quote given to the wrong participant.
      expect(want, `row ${row.row} must stay unresolved`).not.toBeNull();
      expect(row.participant).toBe(want!.participant);
      // Every passage lies in the true span (give or take closing punctuation), and together they cover at least half of it (an author's cut leaves out the rest).
      const starts = row.start!.split(' ; ').map(Number);
      const ends = row.end!.split(' ; ').map(Number);
      expect(Number(row.passages)).toBe(starts.length);
      passages += starts.length;
      let covered = 0;
      starts.forEach((start, i) => {
        expect(start, `row ${row.row}`).toBeGreaterThanOrEqual(want!.start);
        expect(ends[i]!, `row ${row.row}`).toBeLessThanOrEqual(want!.end + 2);
        covered += ends[i]! - start;
      });
      expect(covered / (want!.end - want!.start), `row ${row.row}`).toBeGreaterThan(0.4);
    }
    expect(anchored).toBe(summary.summary.anchored);
    expect(passages).toBeGreaterThan(anchored);

    // Every segment written quotes its transcript exactly.
    const check = runCli(['check', '--study', dir, '--json']);
    expect(check.code).toBe(0);
    const problems = (JSON.parse(check.stdout) as { problems: { kind: string; file: string }[] }).problems;
    // …and the only thing check says of it is which segments were placed among several places, to confirm.
    const ambiguous = (JSON.parse(r.stdout) as { ambiguousSegments: number }).ambiguousSegments;
    expect(problems.filter((p) => p.file === 'codings/import.yaml').map((p) => p.kind)).toEqual(Array(ambiguous).fill('segment-ambiguous'));
    // The codebook kept its comments and gained the two codes.
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook).toContain('# Grille de codage de l\'étude de démonstration');
    expect(codebook).toContain('name: Télé-expertise');
  });

  it('marks a quote placed under the min score to confirm (a negation added), as a quote placed among several places: check lists it, confirm accepts it', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'negation.csv');
    writeFileSync(sheet, 'participant;code;verbatim\nMG1;Impuissance;« Ce n’est pas la consultation que je redoute un peu dans la journée. »\nMG1;Impuissance;C’est ça le problème.\n');
    const r = runCli(['import-codings', sheet, '--coder', 'neg', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('To confirm: 1 segment(s) of quotes placed in part or with a score under 0.85 (the review says why), marked "ambiguous"');
    const review = readFileSync(join(dir, 'import-review-neg.csv'), 'utf8');
    expect(review).toContain('the meaning may be reversed');
    const lines = readFileSync(join(dir, 'codings/neg.yaml'), 'utf8').split('\n').filter((line) => line.startsWith('  - {'));
    const placed = lines.map((line) => JSON.parse(line.slice(4)) as { id: string; text: string; ambiguous?: boolean });
    const negated = placed.find((s) => s.text.startsWith("C'est la consultation"))!;
    expect(negated.ambiguous).toBe(true);
    expect(placed.find((s) => s.text.startsWith("C'est ça"))!.ambiguous).toBeUndefined();
    const check = runCli(['check', '--study', dir, '--lang', 'en']);
    expect(check.stdout).toContain(`segment ${negated.id} (transcripts/MG1.txt, line 16) was placed by an import from a quote it found in part or with a score under the threshold`);
    expect(runCli(['confirm', negated.id, '--coder', 'neg', '--study', dir, '--lang', 'en']).code).toBe(0);
    expect(runCli(['check', '--study', dir, '--lang', 'en']).stdout).not.toContain(negated.id);
  });

  it('imports the same spreadsheet saved as .xlsx with the same result', async () => {
    const csv = parse(decodeWindows1252(readFileSync(SHEET)), { delimiter: ';' }) as string[][];
    const xlsx = join(tempDir(), 'codage.xlsx');
    await writeExcelFile(csv.map((row) => row.map((cell) => (cell === '' ? null : cell)))).toFile(xlsx);
    const fromCsv = JSON.parse(runCli(['import-codings', SHEET, '--coder', 'a', '--study', copyStudy(), '--json']).stdout) as { summary: unknown };
    const r = runCli(['import-codings', xlsx, '--coder', 'b', '--study', copyStudy(), '--json']);
    expect(r.code).toBe(0);
    const fromXlsx = JSON.parse(r.stdout) as { format: string; summary: unknown };
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.summary).toEqual(fromCsv.summary);
  });

  it('refuses to import into a codebook it cannot read completely, naming the line, and writes nothing', () => {
    const dir = copyStudy();
    const path = join(dir, 'codebook.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('themes:\n', 'themes:\n  - name: Thème doublon\n    id: doublon\n    codes:\n      - name: Antalgiques forts\n        id: doublon\n'));
    const before = readFileSync(path, 'utf8');
    const r = runCli(['import-codings', SHEET, '--coder', 'import', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/codebook\.yaml:\d+:\d+: error: The id `doublon` is already used/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to mix with existing codings unless told, and --dry-run writes nothing', () => {
    const dir = copyStudy();
    const before = readFileSync(join(dir, 'codings/marie.yaml'), 'utf8');
    const refused = runCli(['import-codings', SHEET, '--coder', 'marie', '--study', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--append/);
    const dry = runCli(['import-codings', SHEET, '--coder', 'marie', '--study', dir, '--dry-run', '--lang', 'en']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written');
    expect(readFileSync(join(dir, 'codings/marie.yaml'), 'utf8')).toBe(before);
    const appended = runCli(['import-codings', SHEET, '--coder', 'marie', '--study', dir, '--append', '--lang', 'en']);
    expect(appended.code).toBe(0);
    // Marie already coded most of these spans: the codes join her segments rather than duplicating them.
    const check = JSON.parse(runCli(['check', '--study', dir, '--json']).stdout) as { ok: boolean; problems: { kind: string }[] };
    expect(check.ok).toBe(true);
    expect(check.problems.filter((p) => p.kind === 'segment-duplicate')).toEqual([]);
  });

  it('names the file, line and column of a broken spreadsheet, and writes nothing', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'broken.csv');
    writeFileSync(sheet, 'Participant;Code;Verbatim\nMG1;Impuissance;"je suis vidée\nMG2;Épuisement;ok\n');
    const r = runCli(['import-codings', sheet, '--coder', 'x', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.csv:2:\d+: error:/);
    const noColumns = join(tempDir(), 'nocol.csv');
    writeFileSync(noColumns, 'Qui;Quoi\nMG1;x\n');
    const r2 = runCli(['import-codings', noColumns, '--coder', 'x', '--study', dir, '--lang', 'en']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/nocol\.csv:1:1: error: no participant, code, quote column/);
  });
});

describe("re-importing codage's own listings", () => {
  /** The demo's segments of one coder, as codage segments lists them (one row per segment and code). */
  function listed(dir: string, coder: string): { participant: string; start: number; end: number; code_id: string }[] {
    return JSON.parse(runCli(['segments', '--study', dir, '--coder', coder, '--json']).stdout) as { participant: string; start: number; end: number; code_id: string }[];
  }
  const key = (r: { participant: string; start: number; end: number; code_id: string }) => `${r.participant}:${r.start}:${r.end}:${r.code_id}`;

  it.each(['excel', 'xlsx'])('reads back every segment of --format %s in the study language, at its place', (format) => {
    const dir = copyStudy();
    const file = join(tempDir(), format === 'xlsx' ? 'segments.xlsx' : 'segments.csv');
    const written = runCli(['segments', '--study', dir, '--coder', 'marie', '--format', format, '-o', file]);
    expect(written.code).toBe(0);
    if (format === 'excel') expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe('\ufeffcodeur;participant;segment;id_citation;thème;code;id_code;début;fin;texte;mémo;exemplaire;statut');
    const r = runCli(['import-codings', file, '--coder', 'copie', '--study', dir, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { summary: { rows: number; anchored: number; exact: number } };
    const original = listed(dir, 'marie');
    expect(summary.summary.rows).toBe(original.length);
    expect(summary.summary.anchored).toBe(original.length);
    // Every code of every segment, at the same place.
    const copy = listed(dir, 'copie').map(key).sort();
    expect(copy).toEqual(original.map(key).sort());
  });

  it.each(['xlsx', 'excel', 'csv'])('keeps the passages of one quote one quote through --format %s: the same stats', (format) => {
    const dir = copyStudy();
    // Compiled quotes become quotes of several passages, tied by a quote id; one of them coded twice.
    const sheet = join(tempDir(), 'compiles.csv');
    writeFileSync(
      sheet,
      [
        'Participant;Code;Verbatim',
        'MG1;Impuissance;Je me sens un peu inutile, en fait. On a fait le tour [...] et rien ne marche vraiment.',
        'MG1;Échec thérapeutique;Je me sens un peu inutile, en fait. On a fait le tour [...] et rien ne marche vraiment.',
        "MG2;Prise de distance;Quand j'étais jeune médecin, je ramenais tout à la maison […] Maintenant, je ferme la porte du cabinet, et c'est fini.",
        "MG6;Contraintes de temps;Je fais des consultations de trente minutes pour les patients douloureux [...] C'est payé pareil qu'une consultation de dix minutes pour une angine.",
        "MG1;Délais d'accès;Le centre antidouleur... C'est huit mois d'attente. Huit mois.",
        'MG1;Impuissance;Je me sens un peu inutile, en fait.',
        '',
      ].join('\n'),
    );
    expect(runCli(['import-codings', sheet, '--coder', 'thomas', '--study', dir]).code).toBe(0);
    type Listed = { participant: string; start: number; end: number; quote_id: string };
    /** The quotes of a coder: each one's passages (participant:start-end), sorted. */
    const quotes = (coder: string) => {
      const rows = JSON.parse(runCli(['segments', '--study', dir, '--coder', coder, '--json']).stdout) as Listed[];
      const byQuote = new Map<string, Set<string>>();
      for (const row of rows) {
        const passage = `${row.participant}:${row.start}-${row.end}`;
        const key = row.quote_id === '' ? passage : row.quote_id;
        byQuote.set(key, (byQuote.get(key) ?? new Set()).add(passage));
      }
      return [...byQuote.values()].map((passages) => [...passages].sort().join(' + ')).sort();
    };
    const stats = (coder: string) => {
      const json = JSON.parse(runCli(['stats', '--study', dir, '--coder', coder, '--json']).stdout) as Record<string, unknown>;
      delete json.coders;
      return json;
    };
    const original = quotes('thomas');
    expect(original.filter((q) => q.includes(' + ')).length).toBe(4);
    const file = join(tempDir(), format === 'xlsx' ? 's.xlsx' : 's.csv');
    expect(runCli(['segments', '--study', dir, '--coder', 'thomas', '--format', format, '-o', file]).code).toBe(0);
    const r = runCli(['import-codings', file, '--coder', 'thomas2', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(quotes('thomas2')).toEqual(original);
    expect(stats('thomas2')).toEqual(stats('thomas'));
  });

  it("puts a listed passage back at its listing's place when its words are said twice, and searches when the text there changed", async () => {
    const dir = copyStudy();
    // « Voyez avec votre médecin traitant. » is said twice in MG3: a coder coded the second one.
    const { loadStudy } = await import('../src/io/study.js');
    const { serializeCoderFile } = await import('../src/core/codings/serialize.js');
    const text = (await loadStudy(dir, {})).transcriptById.get('MG3')!.text;
    const said = 'Voyez avec votre médecin traitant.';
    const second = text.indexOf(said, text.indexOf(said) + 1);
    expect(second).toBeGreaterThan(0);
    const at = [...text.slice(0, second)].length;
    const segment = { id: 'seg00001', participant: 'MG3', start: at, end: at + [...said].length, codes: ['reseau-de-soins'], text: said };
    writeFileSync(join(dir, 'codings/solo.yaml'), serializeCoderFile({ coder: 'solo', memos: {}, segments: [segment] }));
    const listing = join(tempDir(), 'solo.csv');
    expect(runCli(['segments', '--study', dir, '--coder', 'solo', '--format', 'csv', '-o', listing]).code).toBe(0);
    const placed = (coder: string) => (JSON.parse(runCli(['segments', '--study', dir, '--coder', coder, '--json']).stdout) as { start: number; end: number; status: string }[]).map((r) => `${r.start}-${r.end} ${r.status}`);
    expect(runCli(['import-codings', listing, '--coder', 'retour', '--study', dir]).code).toBe(0);
    expect(placed('retour')).toEqual([`${segment.start}-${segment.end} unchanged`]);
    // Without the listing's place (start/end columns emptied), the same row is one of two places.
    const rows = parse(readFileSync(listing, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    const write = (file: string, edit: (row: Record<string, string>) => void) => {
      const copy = rows.map((r) => ({ ...r }));
      copy.forEach(edit);
      writeFileSync(file, [header.join(','), ...copy.map((r) => header.map((h) => JSON.stringify(r[h] ?? '')).join(','))].join('\n'));
    };
    const unplaced = join(tempDir(), 'sans-place.csv');
    write(unplaced, (r) => {
      r.start = '';
      r.end = '';
    });
    const r = runCli(['import-codings', unplaced, '--coder', 'cherche', '--study', dir, '--json']);
    expect((JSON.parse(r.stdout) as { ambiguousSegments: number }).ambiguousSegments).toBe(1);
    // A listing whose text no longer matches the place (an edited cell) is searched for, not
    // trusted; among the places found, the listing's is taken, and needs no confirming.
    const edited = join(tempDir(), 'edite.csv');
    write(edited, (r) => {
      r.text = 'Voyez avec votre médecin.';
    });
    const e = runCli(['import-codings', edited, '--coder', 'edite', '--study', dir, '--json']);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout) as { summary: { exact: number }; ambiguousSegments: number }).toMatchObject({ summary: { exact: 0 }, ambiguousSegments: 0 });
    expect(placed('edite')[0]!.startsWith(`${segment.start}-`)).toBe(true);
  });

  it('says when rows with the same quote, said at several places, became one segment', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'memes.csv');
    const said = 'Voyez avec votre médecin traitant.';
    writeFileSync(sheet, `Participant;Code;Verbatim\nMG3;Réseau de soins;${said}\nMG3;Impuissance;${said}\n`);
    const r = runCli(['import-codings', sheet, '--coder', 'memes', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('À vérifier\u00a0: les lignes 2, 3 (MG3) ont le même verbatim, que l’entretien dit à 2 endroits');
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'memes2', '--study', dir, '--json']).stdout) as { sharedPlaces: unknown };
    expect(json.sharedPlaces).toEqual([{ participant: 'MG3', rows: [2, 3], places: 2 }]);
  });

  it('gives the review\'s start and end in code points, as the coder file does, after an emoji', () => {
    const dir = copyStudy();
    writeFileSync(join(dir, 'transcripts/MG9.txt'), 'Enquêtrice : Et alors ? 😊\n\nMG9 : Merci 😊 docteur. Je reviendrai la semaine prochaine, sans faute.\n');
    const sheet = join(tempDir(), 'emoji.csv');
    writeFileSync(sheet, 'Participant;Code;Verbatim\nMG9;Humour;Je reviendrai la semaine prochaine, sans faute.\n');
    const review = join(tempDir(), 'revue.csv');
    expect(runCli(['import-codings', sheet, '--coder', 'emo', '--study', dir, '--review', review]).code).toBe(0);
    const row = (parse(readFileSync(review, 'utf8'), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[])[0]!;
    const listed = JSON.parse(runCli(['segments', '--study', dir, '--coder', 'emo', '--json']).stdout) as { start: number; end: number }[];
    expect([Number(row['début']), Number(row.fin)]).toEqual([listed[0]!.start, listed[0]!.end]);
  });

  it('counts rows whose participant names no transcript apart, with the cells and how to correct them', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'inconnus.csv');
    const quote = 'Je me sens un peu inutile, en fait.';
    writeFileSync(sheet, `Participant;Code;Verbatim\nDr 3;Impuissance;${quote}\nM3;Impuissance;${quote}\nMG 12;Impuissance;${quote}\nM3;Impuissance;${quote}\nMG1;Impuissance;${quote}\n`);
    const r = runCli(['import-codings', sheet, '--coder', 'imp', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}non retrouvés \(à revoir\) +0 \(0.%\)$/m);
    expect(r.stdout).toMatch(/^ {2}participant inconnu \(à corriger\) +4 \(80.%\)$/m);
    expect(r.stdout).toContain(
      'Participants inconnus\u00a0: «\u00a0Dr 3\u00a0», «\u00a0M3\u00a0», «\u00a0MG 12\u00a0» (4 ligne(s), non importée(s)) — écrire dans la colonne participant l’identifiant d’un entretien de l’étude (MG1, MG2, A1, MG3, MG4, MG5, MG6, A2…), puis importer à nouveau le tableur avec --append (seul ce qui manque est ajouté).',
    );
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'imp2', '--study', dir, '--json']).stdout) as { summary: Record<string, unknown> };
    expect(json.summary).toMatchObject({ unresolved: 0, unknownParticipant: 4, unknownParticipants: ['Dr 3', 'M3', 'MG 12'] });
  });

  it('says which transcript it took a participant cell written otherwise for (« Dr B. (MG3) » → MG3), once per cell', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'lus.csv');
    const quote = 'Je me sens un peu inutile, en fait.';
    writeFileSync(sheet, `Participant;Code;Verbatim\nDr B. (MG1);Impuissance;${quote}\nmg 01;Impuissance;${quote}\nDr B. (MG1);Humour;${quote}\nMG1;Impuissance;${quote}\n`);
    const r = runCli(['import-codings', sheet, '--coder', 'lus', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    // `mg 01` and `MG1` write the id (case, space, zero): not listed.
    expect(r.stdout).toContain('Participants lus d’après le tableur\u00a0: «\u00a0Dr B. (MG1)\u00a0» \u2192 MG1 (2 ligne(s)) — à vérifier (la revue le dit ligne par ligne).\n');
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'lus2', '--study', dir, '--json', '--lang', 'en']).stdout) as { summary: Record<string, unknown> };
    expect(json.summary.participantsRead).toEqual([{ cell: 'Dr B. (MG1)', id: 'MG1', rows: 2 }]);
    expect(runCli(['import-codings', sheet, '--coder', 'lus3', '--study', dir, '--lang', 'en']).stdout).toContain('Participant cells read as: "Dr B. (MG1)" \u2192 MG1 (2 row(s))');
  });

  it('warns once per code whose theme in the sheet is not where the codebook has it, with the row', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'themes.csv');
    writeFileSync(
      sheet,
      [
        'Participant;Code;Thème;Verbatim',
        'MG1;Impuissance;Vécu du médecin;Je me sens un peu inutile, en fait.',
        'MG1;Impuissance;Leviers;Je suis vidée. Vraiment.',
        'MG1;Impuissance;Leviers;C’est la consultation que je redoute un peu dans la journée.',
        'MG1;Nouveau code;Thème A;Je suis vidée. Vraiment.',
        'MG1;Nouveau code;Thème B;Je me sens un peu inutile, en fait.',
        '',
      ].join('\n'),
    );
    const r = runCli(['import-codings', sheet, '--coder', 'imp', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `attention\u00a0: ${sheet}, ligne 3 (et 1 autre ligne)\u00a0: le thème «\u00a0Leviers\u00a0» n’est pas appliqué à «\u00a0Impuissance\u00a0», qui est sous «\u00a0Vécu du médecin > Émotions négatives\u00a0» dans codebook.yaml et y reste. Corriger le thème dans le tableur, ou déplacer le code\u00a0: codage codebook move "Impuissance" --to "Leviers"`,
      // A new code goes where the first row naming it says.
      `attention\u00a0: ${sheet}, ligne 6\u00a0: le thème «\u00a0Thème B\u00a0» n’est pas appliqué à «\u00a0Nouveau code\u00a0», qui est sous «\u00a0Thème A\u00a0» dans codebook.yaml et y reste. Corriger le thème dans le tableur, ou déplacer le code\u00a0: codage codebook move "Nouveau code" --to "Thème B"`,
    ]);
    expect(r.stdout).toContain('Ajoutés à codebook.yaml\u00a0: thème «\u00a0Thème A\u00a0», «\u00a0Nouveau code\u00a0»');
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'imp2', '--study', dir, '--json', '--lang', 'en']).stdout) as { themesNotApplied: unknown[] };
    expect(json.themesNotApplied).toEqual([
      { code: 'Impuissance', row: 3, given: ['Leviers'], rows: 2, codebook: ['Vécu du médecin', 'Émotions négatives'] },
      { code: 'Nouveau code', row: 6, given: ['Thème B'], rows: 1, codebook: ['Thème A'] },
    ]);
  });

  it('takes off the label and timestamp of a turn the co-author copied whole from the transcript', () => {
    const dir = join(tempDir(), 'etude');
    expect(runCli(['init', dir]).code).toBe(0);
    writeFileSync(join(dir, 'transcripts/Entretien P1.txt'), '[00:00:10] E : Et vous, vous le vivez comment ?\n\n[00:00:20] P1 : Mal. J’ai l’impression de tourner en rond.\n');
    const sheet = join(tempDir(), 'tours.csv');
    writeFileSync(sheet, 'participant;code;verbatim\nEntretien P1;Impuissance;P1 : Mal. J’ai l’impression de tourner en rond.\nP1;Impuissance;[00:00:20] P1 : Mal. J’ai l’impression\n');
    const review = join(tempDir(), 'revue.csv');
    const r = runCli(['import-codings', sheet, '--coder', 'imp', '--study', dir, '--review', review, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.status, row['matched text']])).toEqual([
      ['exact', 'Mal. J’ai l’impression de tourner en rond.'],
      ['exact', 'Mal. J’ai l’impression'],
    ]);
  });

  it('points out a code the sheet misspells, which it adds beside the right one, with the merge that joins them', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'faute.csv');
    writeFileSync(sheet, 'Participant;Code;Verbatim\nMG1;Impuisance;Je me sens un peu inutile, en fait.\nMG1;Consultation redoutée;Je suis vidée. Vraiment.\n');
    const r = runCli(['import-codings', sheet, '--coder', 'imp', '--study', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ajoutés à codebook.yaml\u00a0: «\u00a0Impuisance\u00a0», «\u00a0Consultation redoutée\u00a0»');
    expect(r.stdout).toContain(
      'À vérifier\u00a0: le code «\u00a0Impuisance\u00a0» a été ajouté à côté de «\u00a0Impuissance\u00a0» : une faute de frappe du tableur\u00a0? Ses références seraient comptées à part. Pour les réunir : codage codebook merge "Impuisance" "Impuissance"',
    );
    expect(r.stdout).not.toContain('Consultation redoutée\u00a0» a été ajouté');
    const en = runCli(['import-codings', sheet, '--coder', 'imp2', '--study', copyStudy(), '--lang', 'en', '--dry-run']);
    expect(en.stdout).toContain('Would add to codebook.yaml: “Impuisance”, “Consultation redoutée”');
    expect(en.stdout).toContain('To check: the code “Impuisance” would be added beside “Impuissance”');
  });

  it('says how many rows were found but name no code, and so were not imported', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'sans-code.csv');
    writeFileSync(sheet, 'participant;code;verbatim\nMG1;;Je suis vidée. Vraiment.\nMG1;Épuisement;C\'est la consultation que je redoute un peu dans la journée.\n');
    const r = runCli(['import-codings', sheet, '--coder', 'imp', '--study', dir, '--lang', 'en']);
    expect(r.stdout).toContain('of which 1 row(s) found but naming no code: not imported (the review says which)');
  });

  it('counts apart the quotes placed in several passages under the min score (words left out without […] in a part)', () => {
    const dir = copyStudy();
    writeFileSync(join(dir, 'transcripts', 'P9.txt'), "E : Et l'accès aux spécialistes ?\nP9 : Oui, et puis les délais pour avoir un avis spécialisé sont énormes, six mois minimum. Enfin voilà.\n");
    const sheet = join(tempDir(), 'passages.csv');
    writeFileSync(sheet, 'Participant;Code;Verbatim\nP9;Impuissance;les délais sont énormes... six mois minimum\nP9;Impuissance;les délais pour avoir un avis spécialisé sont énormes [...] Enfin voilà\n');
    const r = runCli(['import-codings', sheet, '--coder', 'passages', '--study', dir, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}en plusieurs passages \(compilés, recollés\) +1 \(50.%\)$/m);
    expect(r.stdout).toMatch(/^ {2}en plusieurs passages, score < 0,85 \(à vérifier\) +1 \(50.%\)$/m);
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'passages', '--study', dir, '--dry-run', '--json']).stdout) as { summary: Record<string, unknown> };
    expect(json.summary).toMatchObject({ passages: 2, passagesBelowMinScore: 1 });
  });

  it('counts on the « score ≥ » line only the edited quotes that score that much, the others apart', () => {
    const dir = copyStudy();
    const sheet = join(tempDir(), 'scores.csv');
    // 0.66 (two words at its start not said there) and 0.75 (one word changed in a short passage).
    writeFileSync(sheet, 'Participant;Code;Verbatim\nMG1;Impuissance;vous voyez, rien ne marche vraiment\nMG1;Impuissance;Je me sens un peu nul, en fait\n');
    const review = join(tempDir(), 'revue.csv');
    const at = (minScore: string) => runCli(['import-codings', sheet, '--coder', 'scores', '--study', dir, '--min-score', minScore, '--dry-run', '--review', review]);
    const high = at('0.85');
    expect(high.code, high.stderr).toBe(0);
    expect(high.stdout).toMatch(/^ {2}retouchés \(score ≥ 0,85\) +0 \(0.%\)$/m);
    expect(high.stdout).toMatch(/^ {2}retouchés, score < 0,85 \(à vérifier\) +2 \(100.%\)$/m);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.statut, r.score])).toEqual([
      ['approchée', '0,66'],
      ['approchée', '0,75'],
    ]);
    expect(rows.every((r) => r.raison!.startsWith(`Placée avec un score de ${r.score}, sous le seuil de 0,85`))).toBe(true);
    const low = at('0,7');
    expect(low.stdout).toMatch(/^ {2}retouchés \(score ≥ 0,7\) +1 \(50.%\)$/m);
    expect(low.stdout).toMatch(/^ {2}retouchés, score < 0,7 \(à vérifier\) +1 \(50.%\)$/m);
    const json = JSON.parse(runCli(['import-codings', sheet, '--coder', 'scores', '--study', dir, '--min-score', '0.6', '--dry-run', '--json']).stdout) as { summary: Record<string, unknown> };
    expect(json.summary).toMatchObject({ approximate: 2, approximateBelowMinScore: 0, anchored: 2 });
  });

  it('says that rows imported again were already there', () => {
    const dir = copyStudy();
    const first = runCli(['import-codings', SHEET, '--coder', 'imp', '--study', dir, '--lang', 'en']);
    expect(first.code).toBe(0);
    const again = runCli(['import-codings', SHEET, '--coder', 'imp', '--study', dir, '--append', '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/(\d+) segment\(s\) already in codings\/imp\.yaml \(same passage, same codes\): not added again\./);
    expect(again.stdout).toContain('0 segment(s) written to codings/imp.yaml');
  });
});

describe('import-codings: the edges of a passage', () => {
  /** A new study with two short transcripts (curly apostrophes, French spaces, a number in words). */
  function twoTranscripts(): string {
    const dir = join(tempDir(), 'etude');
    expect(runCli(['init', dir, '--lang', 'fr']).code).toBe(0);
    writeFileSync(
      join(dir, 'transcripts/MG7.txt'),
      'Enquêtrice : Et cette patiente ?\n\nMG7 : Elle m’a dit «\u00a0l’autre docteur ne m’a jamais embêtée avec ça\u00a0». Et son mari : «\u00a0il faut arrêter\u00a0». Voilà.\n',
    );
    writeFileSync(join(dir, 'transcripts/MG5.txt'), 'Enquêtrice : Et le dépistage ?\n\nMG5 : Alors à quatre-vingt-dix ans, le rapport bénéfice-risque n’est plus le même.\n');
    return dir;
  }

  it('keeps the quote’s guillemets and reads a number in figures as the words the participant said', () => {
    const dir = twoTranscripts();
    const sheet = join(tempDir(), 'codage.csv');
    writeFileSync(
      sheet,
      "participant;code;verbatim\nMG7;Test;Elle m'a dit « l'autre docteur ne m'a jamais embêtée avec ça ».\nMG5;Test;à 90 ans, le rapport bénéfice-risque\nMG7;Test;son mari : « il faut arrêter »\n",
    );
    const review = join(tempDir(), 'revue.csv');
    const r = runCli(['import-codings', sheet, '--coder', 'thomas', '--study', dir, '--review', review]);
    expect(r.code, r.stderr).toBe(0);
    const segments = JSON.parse(runCli(['segments', '--study', dir, '--coder', 'thomas', '--json']).stdout) as { text: string }[];
    expect(segments.map((s) => s.text).sort()).toEqual([
      'Elle m’a dit «\u00a0l’autre docteur ne m’a jamais embêtée avec ça\u00a0».',
      'son mari : «\u00a0il faut arrêter\u00a0»',
      'à quatre-vingt-dix ans, le rapport bénéfice-risque',
    ]);
    const rows = parse(readFileSync(review, 'utf8'), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.statut, row.score, row.raison])).toEqual([
      ['normalisée', '1,00', ''],
      ['approchée', '1,00', ''],
      ['normalisée', '1,00', ''],
    ]);
    expect(runCli(['check', '--study', dir]).code).toBe(0);
  });
});
