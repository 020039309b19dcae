/** `codage export` end to end on the demo study and on hostile ones. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { FIGURE_FONT } from '../src/core/report/saturation/svg.js';
import { decodeTranscriptBytes, normalizeText } from '../src/core/text/decode.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, DEMO, runCli, tempDir } from './helpers.js';
import { studyWithIdentifiers } from './support/study-with-identifiers.js';

afterAll(cleanTemps);

/** Every transcript's text as codage reads it (UTF-8 or Windows-1252, NFC, LF). */
function transcriptBodies(study: string): string {
  const dir = join(study, 'transcripts');
  return readdirSync(dir)
    .map((f) => normalizeText(decodeTranscriptBytes(readFileSync(join(dir, f))).text))
    .join('\n');
}

describe('codage export themes', () => {
  it('says an empty transcript still counts among the N interviews, in the tables and the methods', () => {
    const dir = copyStudy();
    writeFileSync(join(dir, 'transcripts/MG13.txt'), '');
    for (const what of ['methods', 'themes', 'participants']) {
      const r = runCli(['export', what, '--study', dir, '--format', 'md', '--lang', 'en']);
      expect(r.code, what).toBe(0);
      expect(r.stderr, what).toContain('warning: transcripts/MG13.txt is empty but counts among the 13 interviews (N): paste the interview in, or move it out of transcripts/');
    }
    expect(runCli(['export', 'methods', '--study', DEMO, '--lang', 'en']).stderr).not.toContain('is empty');
  });

  it('shows only quotes that are exactly in the transcripts, each signed with its participant', () => {
    const r = runCli(['export', 'themes', '--study', DEMO, '--format', 'csv', '--quotes', 'all']);
    expect(r.code).toBe(0);
    const bodies = transcriptBodies(DEMO);
    const quotes = [...r.stdout.matchAll(/«\u00a0([\s\S]*?)\u00a0» \((A\d|MG\d+)\)/g)];
    expect(quotes.length).toBeGreaterThan(300);
    for (const [, text] of quotes) {
      // Pieces of a quote are joined by […]; quotes that spanned lines are printed on one.
      for (const piece of text!.split(' […] ')) expect(bodies.replace(/\s*\n\s*/g, ' ')).toContain(piece);
    }
  });

  it('keeps a quote’s own guillemets as the transcript has them, the marks around it changed, in every format and the report', () => {
    // MG1: « Et il est revenu me voir, il m'a dit « vous m'avez sauvé ». » — in the thesis, “ ” around it.
    const dir = tempDir();
    const inner = "il m'a dit « vous m'avez sauvé ». Bon";
    const texts: Record<string, string> = {};
    for (const format of ['md', 'html', 'tex', 'docx']) {
      const file = join(dir, `themes.${format}`);
      expect(runCli(['export', 'themes', '--study', DEMO, '-o', file]).code).toBe(0);
      const bytes = readFileSync(file);
      texts[format] = format === 'docx' ? new TextDecoder().decode(unzipSync(bytes)['word/document.xml']) : bytes.toString('utf8');
    }
    texts.report = runCli(['export', 'report', '--study', DEMO]).stdout;
    texts.english = runCli(['export', 'themes', '--study', DEMO, '--format', 'md', '--lang', 'en']).stdout;
    for (const [format, text] of Object.entries(texts)) {
      const readable = text.replace(/&apos;|&#39;/g, "'");
      expect(readable, format).toContain("“J'ai un patient, M. Z");
      expect(readable, format).toContain(inner);
      expect(readable, format).not.toContain("«\u00a0J'ai un patient");
      expect(readable, format).not.toContain('“vous m');
    }
  });

  it('writes the same bytes on every run, in every format', () => {
    const dir = tempDir();
    for (const file of ['t.md', 't.csv', 't.xlsx', 't.docx', 't.tex', 't.html']) {
      expect(runCli(['export', 'themes', '--study', DEMO, '-o', join(dir, `a-${file}`)]).code).toBe(0);
    }
    for (const file of ['t.md', 't.csv', 't.xlsx', 't.docx', 't.tex', 't.html']) {
      expect(runCli(['export', 'themes', '--study', DEMO, '-o', join(dir, `b-${file}`)], { env: { TZ: 'Pacific/Kiritimati' } }).code).toBe(0);
      expect(readFileSync(join(dir, `a-${file}`)).equals(readFileSync(join(dir, `b-${file}`)))).toBe(true);
    }
  }, 180_000);

  it('writes an Excel workbook whose cells are the table, theme repeated on each row', async () => {
    const dir = tempDir();
    expect(runCli(['export', 'themes', '--study', DEMO, '-o', join(dir, 'themes.xlsx')]).code).toBe(0);
    const rows = (await readSheet(readFileSync(join(dir, 'themes.xlsx')))) as unknown as string[][];
    expect(rows[0]).toEqual(['Thème', 'Sous-thème', 'Code (n/N, réf.)', 'Verbatims']);
    expect(rows[1]!.slice(0, 3)).toEqual(['Vécu du médecin', 'Émotions négatives', 'Impuissance (11/12, 21 réf.)']);
    expect(rows[2]![0]).toBe('Vécu du médecin');
  });

  it('writes no quotes column with --quotes 0, in every format', async () => {
    const dir = tempDir();
    const out = (format: string) => {
      const file = join(dir, `themes.${format}`);
      const r = runCli(['export', 'themes', '--study', DEMO, '--quotes', '0', '-o', file]);
      expect(r.code, r.stderr).toBe(0);
      return file;
    };
    const md = readFileSync(out('md'), 'utf8');
    expect(md).toContain('**Thèmes et codes**');
    expect(md).toContain('| Thème | Sous-thème | Code (n/N, réf.) |\n|---|---|---|\n| **Vécu du médecin** | Émotions négatives | Impuissance (11/12, 21 réf.) |\n');
    expect(md).not.toContain('Verbatims');
    const html = readFileSync(out('html'), 'utf8');
    expect(html.match(/<th[ >]/g)).toHaveLength(3);
    expect(html).not.toContain('Verbatims');
    const tex = readFileSync(out('tex'), 'utf8');
    expect(tex).toContain('\\textbf{Thème} & \\textbf{Sous-thème} & \\textbf{Code (n/N, réf.)} \\\\');
    expect(tex).not.toContain('Verbatims');
    const docx = new TextDecoder().decode(unzipSync(readFileSync(out('docx')))['word/document.xml']);
    expect(docx.match(/<w:gridCol /g)).toHaveLength(3);
    expect(docx).not.toContain('Verbatims');
    const rows = (await readSheet(readFileSync(out('xlsx')))) as unknown as string[][];
    expect(rows[0]).toEqual(['Thème', 'Sous-thème', 'Code (n/N, réf.)']);
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(readFileSync(out('csv'), 'utf8').split('\n')[0]).not.toContain('Verbatims');
    // With quotes, the column is there.
    expect(runCli(['export', 'themes', '--study', DEMO, '--quotes', '1']).stdout).toContain('| Thème | Sous-thème | Code (n/N, réf.) | Verbatims |');
  }, 60_000);

  it('answers in English with English quotation marks', () => {
    const r = runCli(['export', 'themes', '--study', DEMO, '--lang', 'en', '--quotes', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Theme | Sub-theme | Code (n/N, refs) | Quotes |');
    expect(r.stdout).toMatch(/\*\u201c[^\u201d]+\u201d\* \(MG1\)/);
  });
});

describe('codage export: the other tables and texts', () => {
  it('writes Tableau 1 with one duration column for duration/duree and the summary sentence', () => {
    const r = runCli(['export', 'participants', '--study', DEMO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Participant | Sexe | Âge (ans) |');
    expect(r.stdout.match(/Durée/g)).toHaveLength(1);
    expect(r.stdout).toContain('| MG5 | H | 63 | 35 | rural | FMC | médecin généraliste | MG | – |');
    expect(r.stdout).toContain('Douze participants ont été interrogés (6 femmes, 6 hommes), âgés de 29 à 63 ans (moyenne 47,2\u202f; médiane 46).');
    expect(r.stdout).toContain('Les entretiens ont duré de 9 à 44 minutes (moyenne 19,2\u202f; médiane 16\u202f; durée inconnue pour 1).');
  });

  it('writes Tableau 1 for a spreadsheet: an empty cell where the page shows –, numbers as numbers', async () => {
    const csv = runCli(['export', 'participants', '--study', DEMO, '--format', 'csv']);
    expect(csv.stdout).toContain('\nMG5,H,63,35,rural,FMC,médecin généraliste,MG,\n');
    expect(csv.stdout).not.toContain('–');
    const dir = tempDir();
    expect(runCli(['export', 'participants', '--study', DEMO, '-o', join(dir, 'participants.xlsx')]).code).toBe(0);
    const rows = (await readSheet(readFileSync(join(dir, 'participants.xlsx')))) as unknown as (string | number | null)[][];
    expect(rows[0]!.slice(0, 3)).toEqual(['Participant', 'Sexe', 'Âge (ans)']);
    expect(rows.find((row) => row[0] === 'MG5')).toEqual(['MG5', 'H', 63, 35, 'rural', 'FMC', 'médecin généraliste', 'MG', null]);
    expect(rows.find((row) => row[0] === 'MG1')!.at(-1)).toBe(19);
    // Counts of the co-occurrence table too: 0 where the page shows ·.
    expect(runCli(['export', 'cooccurrence', '--study', DEMO, '-o', join(dir, 'cooccurrence.xlsx')]).code).toBe(0);
    const cooc = (await readSheet(readFileSync(join(dir, 'cooccurrence.xlsx')))) as unknown as (string | number | null)[][];
    expect(cooc[1]!.slice(0, 4)).toEqual(['1. Impuissance', 21, 2, 0]);
  });

  it('states the agreement between the coders, as codage compare gives it, in the methods, COREQ item 24 and the report', () => {
    const study = copyStudy();
    const compared = JSON.parse(runCli(['compare', 'marie', 'paul', '--study', study, '--json']).stdout) as {
      overall: { kappa: { pooled: { value: number } }; alpha: { pooled: { value: number } }; percent: { pooled: { value: number } } };
    };
    const kappa = compared.overall.kappa.pooled.value.toFixed(2);
    const alpha = compared.overall.alpha.pooled.value.toFixed(2);
    const percent = (compared.overall.percent.pooled.value * 100).toFixed(1);
    const en = `Cohen's kappa (sentence units, pooled table over 26 codes × 4 transcripts): ${kappa}; percent agreement: ${percent}%; Krippendorff's alpha (nominal, sentence units, pooled table over 26 codes × 4 transcripts): ${alpha}. Coders: marie and paul; double-coded transcripts: MG1, MG4, MG6, A2.`;
    const fr = `Kappa de Cohen (unité\u00a0: phrase, tableau cumulé sur 26 codes × 4 transcriptions)\u00a0: ${kappa.replace('.', ',')}`;
    // Sentences cut afresh, then read from .codage/cache: the same statement both times.
    rmSync(join(study, '.codage/cache'), { recursive: true, force: true });
    expect(runCli(['export', 'methods', '--study', study, '--lang', 'en']).stdout).toContain(en);
    expect(readdirSync(join(study, '.codage/cache'))).toContain('sentences.json');
    expect(runCli(['export', 'methods', '--study', study, '--lang', 'en']).stdout).toContain(en);
    expect(runCli(['export', 'report', '--study', DEMO, '--format', 'md', '--lang', 'en']).stdout).toContain(en);
    expect(runCli(['export', 'coreq', '--study', DEMO, '--lang', 'en']).stdout).toContain(`| 24 | **Number of data coders** | How many data coders coded the data? | 2 coders (marie: 12/12 interviews and paul: 4/12 interviews). ${en} |`);
    expect(runCli(['export', 'methods', '--study', DEMO]).stdout.replaceAll(' ', '\u00a0')).toContain(fr.replaceAll(' ', '\u00a0'));
    // One coder: no agreement to state.
    const single = copyStudy();
    rmSync(join(single, 'codings/paul.yaml'));
    expect(runCli(['export', 'methods', '--study', single, '--lang', 'en']).stdout).not.toMatch(/kappa|agreement/i);
  });

  it('writes the methods paragraph, the COREQ checklist, the codebook, matrices and the mind map', () => {
    const methods = runCli(['export', 'methods', '--study', DEMO, '--by', 'group']);
    expect(methods.stdout).toContain('Douze entretiens ont été réalisés entre le 6 février et le 2 mai 2024 (10 MG, 2 ALGO).');
    expect(methods.stdout).toContain('paul a codé indépendamment 4 entretiens sur 12 (33\u00a0%)');
    // Saturation as codage saturation reports it, per group with --by.
    expect(methods.stdout).toContain('La saturation des codes a été évaluée selon la méthode de Guest, Namey et Chen (2020)');
    expect(methods.stdout).toContain('dans le groupe «\u00a0MG\u00a0» (10 entretiens), la saturation a été atteinte');
    // Two coders: the paragraph says whose coding it counted (codage saturation counts both together).
    expect(methods.stdout).toContain('La saturation a été évaluée sur le codage de marie.');
    const coreq = runCli(['export', 'coreq', '--study', DEMO, '--format', 'csv']);
    expect(coreq.stdout.split('\n').filter((line) => /^"?Domaine|^,|^\d/.test(line)).length).toBeGreaterThan(0);
    expect(coreq.stdout).toContain(',27,Logiciel,');
    expect(coreq.stdout).toMatch(/,22,Saturation des données,[^\n]*Guest, Namey et Chen/);
    expect(coreq.stdout).toMatch(/,12,Taille de l’échantillon,[^\n]*,12 participants,/);
    const codebook = runCli(['export', 'codebook', '--study', DEMO, '--format', 'csv']);
    expect(codebook.stdout).toContain('Ne plus savoir quoi proposer'.length > 0 ? 'Impuissance' : '');
    const matrix = runCli(['export', 'matrix', '--study', DEMO, '--by', 'group', '--format', 'csv']);
    expect(matrix.stdout.split('\n')[0]).toBe('Thème,Code,ALGO (N = 2),MG (N = 10)');
    const mermaid = runCli(['export', 'mindmap', '--study', DEMO]);
    expect(mermaid.stdout.startsWith('mindmap\n  root((')).toBe(true);
    const dot = runCli(['export', 'mindmap', '--study', DEMO, '--format', 'dot']);
    expect(dot.stdout).toContain('rankdir=LR');
    const cooc = runCli(['export', 'cooccurrence', '--study', DEMO, '--unit', 'sentence', '--format', 'csv']);
    expect(cooc.code).toBe(0);
    // A numbered row label escaped so that Markdown prints « 1. », not « \1. ».
    expect(runCli(['export', 'cooccurrence', '--study', DEMO]).stdout).toContain('\n| 1\\. Impuissance | 21 |');
  }, 180_000);

  it('refuses what cannot be done, with exit code 2 and a way out', () => {
    const cases: [string[], RegExp][] = [
      [['export', 'tables', '--study', DEMO], /choose one of: themes.*, report, project/],
      [['export', 'themes', '--study', DEMO, '--format', 'docx'], /-o FILE\.docx/],
      [['export', 'methods', '--study', DEMO, '--format', 'csv'], /formats for methods/],
      [['export', 'matrix', '--study', DEMO], /e\.g\. codage export matrix --by age \(attributes: age, .*group/],
      [['export', 'matrix', '--study', DEMO, '--by', 'taille'], /attributes:/],
      [['export', 'matrix', '--study', DEMO, '--by', 'pair'], /no pairs/],
      [['export', 'themes', '--study', DEMO, '--coder', 'nobody'], /coders: marie, paul/],
      [['export', 'themes', '--study', DEMO, '--quotes', 'many'], /--quotes/],
      [['export', 'report', '--study', DEMO, '--date', '06/02/2024'], /YYYY-MM-DD/],
    ];
    for (const [args, message] of cases) {
      const r = runCli([...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 180_000);

  it('asks whose coding to export when the study has several coders and no default', () => {
    const study = copyStudy();
    writeFileSync(join(study, 'codage.yaml'), 'language: fr\n');
    const r = runCli(['export', 'themes', '--study', study, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --coder marie (coders: marie, paul)');
    expect(runCli(['export', 'themes', '--study', study, '--coder', 'paul']).code).toBe(0);
    // A consensus coder file, when there is one, is what the thesis shows.
    writeFileSync(join(study, 'codings/consensus.yaml'), readFileSync(join(study, 'codings/paul.yaml'), 'utf8').replace('coder: paul', 'coder: consensus'));
    const consensus = runCli(['export', 'themes', '--study', study]);
    expect(consensus.code).toBe(0);
    expect(consensus.stdout).toContain('codage\u00a0: consensus.');
  });

  it('has --help with examples in both languages', () => {
    for (const lang of ['en', 'fr']) {
      const r = runCli(['export', '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('codage export themes -o themes.docx');
      expect(r.stdout).toContain(lang === 'fr' ? 'Exemples' : 'Examples');
    }
  });
});

describe('a study with doctor–patient pairs and hostile cells', () => {
  function pairsStudy(): string {
    const dir = join(tempDir(), 'dyades');
    mkdirSync(join(dir, 'transcripts'), { recursive: true });
    mkdirSync(join(dir, 'codings'), { recursive: true });
    writeFileSync(join(dir, 'codage.yaml'), 'language: fr\nquote_label: "{id}, {role}"\n');
    writeFileSync(join(dir, 'participants.csv'), 'id;role;binome;ville\nP1;patient;D1;"=HYPERLINK(""http://x"")"\nMD1;médecin;D1;Lyon\nP2;patient;D2;+33 6\n');
    writeFileSync(join(dir, 'transcripts/P1.txt'), 'E : Bonjour.\n\nP1 : J\'ai mal partout. Le docteur m\'écoute.\n');
    writeFileSync(join(dir, 'transcripts/MD1.txt'), 'E : Bonjour.\n\nMD1 : Il a mal partout. Je l\'écoute, je ne sais plus quoi faire.\n');
    writeFileSync(join(dir, 'transcripts/P2.txt'), 'E : Bonjour.\n\nP2 : Personne ne m\'écoute.\n');
    writeFileSync(join(dir, 'codebook.yaml'), 'themes:\n  - name: Relation\n    codes:\n      - name: Écoute\n        id: ecoute\n      - name: Douleur\n        id: douleur\n');
    const seg = (id: string, p: string, text: string, codes: string[]) => {
      const body = readFileSync(join(dir, `transcripts/${p}.txt`), 'utf8');
      const start = [...body.slice(0, body.indexOf(text))].length;
      return `  - {"id": "${id}", "participant": "${p}", "start": ${start}, "end": ${start + [...text].length}, "codes": ${JSON.stringify(codes)}, "text": ${JSON.stringify(text)}}\n`;
    };
    writeFileSync(
      join(dir, 'codings/lea.yaml'),
      'version: 1\ncoder: lea\nsegments:\n' +
        seg('a1', 'P1', "J'ai mal partout.", ['douleur']) +
        seg('a2', 'P1', "Le docteur m'écoute.", ['ecoute']) +
        seg('a3', 'MD1', "Il a mal partout.", ['douleur']) +
        seg('a4', 'P2', "Personne ne m'écoute.", ['ecoute']),
    );
    return dir;
  }

  it('keeps the pair link out of thesis tables and sets pairs face to face on request', () => {
    const study = pairsStudy();
    const themes = runCli(['export', 'themes', '--study', study]);
    expect(themes.code).toBe(0);
    expect(themes.stdout).toContain('*«\u00a0J\'ai mal partout.\u00a0»* (P1, patient)');
    expect(themes.stdout).not.toMatch(/\bD[12]\b|binome/);
    const participants = runCli(['export', 'participants', '--study', study]);
    expect(participants.stdout).not.toMatch(/\bD[12]\b|binome/);
    expect(runCli(['export', 'participants', '--study', study, '--attributes', 'role,binome']).code).toBe(2);
    const matrix = runCli(['export', 'matrix', '--study', study, '--by', 'pair', '--format', 'csv']);
    expect(matrix.code).toBe(0);
    expect(matrix.stdout.split('\n')[0]).toBe('Thème,Code,D1 · MD1,D1 · P1,D2 · P2,Paires où les deux côtés en parlent');
    expect(matrix.stdout).toContain('Relation,Douleur,1,1,0,1');
    const map = runCli(['export', 'mindmap', '--study', study, '--by', 'pair']);
    expect(map.stdout).toContain('root(("Paire D1"))');
    expect(map.stdout).toMatch(/Codes partagés"\)\n\s+n\d+\["Douleur"\]/);
  });

  it('refuses a quote label that would reveal the pairs, before writing anything', () => {
    const study = pairsStudy();
    writeFileSync(join(study, 'codage.yaml'), 'quote_label: "{id} ({binome})"\n');
    const out = join(tempDir(), 'themes.md');
    const r = runCli(['export', 'themes', '--study', study, '-o', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quote_label uses {binome}');
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(study, 'codage.yaml'), 'pair: dyade\n');
    const unknown = runCli(['export', 'matrix', '--by', 'pair', '--study', study, '--lang', 'en']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('pair: dyade names no participant attribute');
  });

  it('neutralises formula-like cells in Excel CSV', () => {
    const study = pairsStudy();
    const r = runCli(['export', 'participants', '--study', study, '--format', 'excel']);
    expect(r.stdout.startsWith('\ufeffParticipant;Rôle;Ville\r\n')).toBe(true);
    expect(r.stdout).toContain(`P1;patient;"'=HYPERLINK(""http://x"")"\r\n`);
    expect(r.stdout).toContain("P2;patient;'+33 6\r\n");
  });
});

describe('a study not coded yet', () => {
  it('exports its tables and methods without inventing a coding', () => {
    const dir = join(tempDir(), 'vide');
    mkdirSync(join(dir, 'transcripts'), { recursive: true });
    writeFileSync(join(dir, 'transcripts/P1.txt'), '---\nsexe: F\nage: 40\n---\nE : Bonjour.\n\nP1 : Bonjour.\n');
    const methods = runCli(['export', 'methods', '--study', dir, '--lang', 'en']);
    expect(methods.code).toBe(0);
    expect(methods.stdout).toContain('One interview was conducted. The analysis was conducted with codage');
    expect(methods.stdout).toContain('No segment has been coded yet.');
    const themes = runCli(['export', 'themes', '--study', dir, '--lang', 'en']);
    expect(themes.code).toBe(0);
    expect(themes.stdout).not.toContain('coding:');
    expect(runCli(['export', 'report', '--study', dir, '-o', join(dir, 'r.html')]).code).toBe(0);
  }, 60_000);
});

describe('the Word file, read back', () => {
  it('holds a real table: repeated header, rows kept whole, merged theme cells, quotes in the Verbatim style', () => {
    const out = join(tempDir(), 'themes.docx');
    expect(runCli(['export', 'themes', '--study', DEMO, '-o', out]).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<w:tr>/g)!.length).toBe(28);
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBe(28);
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)!.length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('<w:rStyle w:val="Verbatim"/>');
    expect(xml).toContain('<w:t xml:space="preserve">«\u00a0Je me sens un peu inutile, en fait.');
  });
});

// A PNG needs a font to draw its labels (CI installs fonts-dejavu-core).
const fontFound =
  new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-family="${FIGURE_FONT}">Hé</text></svg>`, { font: { loadSystemFonts: true } }).getBBox() !== undefined;

describe('the report’s figures, in every format', () => {
  it('draws them in Word (SVG with its PNG), links them from Markdown written beside, and never prints a caption without its figure', () => {
    const dir = tempDir();
    const html = runCli(['export', 'report', '--study', DEMO]).stdout;
    expect(html.match(/<figure><svg /g)).toHaveLength(2);

    const docx = runCli(['export', 'report', '--study', DEMO, '-o', join(dir, 'rapport.docx')]);
    expect(docx.code).toBe(0);
    const files = unzipSync(readFileSync(join(dir, 'rapport.docx')));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    if (fontFound) {
      const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
      expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
      expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(2);
      expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
      expect(xml.match(/<wp:docPr id="(\d+)"/g)).toEqual(['<wp:docPr id="1"', '<wp:docPr id="2"']);
      expect(xml).toContain('Figure 2 – Saturation des codes au fil des entretiens');
    } else {
      expect(xml).not.toContain('Figure 1');
      expect(docx.stderr).toContain('2 figures ne sont pas incluses dans l’export Word');
    }

    const md = runCli(['export', 'report', '--study', DEMO, '-o', join(dir, 'rapport.md')]);
    expect(md.code).toBe(0);
    const text = readFileSync(join(dir, 'rapport.md'), 'utf8');
    expect(text).toContain('\n![Figure 1 – Thèmes et codes (n/N participants)](rapport-figure-1.svg)\n');
    expect(text).toContain('\n![Figure 2 – Saturation des codes au fil des entretiens](rapport-figure-2.svg)\n');
    for (const n of [1, 2]) expect(readFileSync(join(dir, `rapport-figure-${n}.svg`), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    // On standard output, or in LaTeX: no figure, so no caption (nor a heading left empty), and said.
    const stdout = runCli(['export', 'report', '--study', DEMO, '--format', 'md', '--lang', 'en']);
    expect(stdout.stdout).not.toMatch(/Figure [12]|# Model\n/);
    expect(stdout.stdout).toContain('# Data saturation\n');
    expect(stdout.stderr).toContain('note: 2 figures are left out of the Markdown export (Figure 1 – Themes and codes (n/N participants), Figure 2 – Code saturation along the interviews); they are written as SVG beside a Markdown file: add -o report.md');
    const tex = runCli(['export', 'report', '--study', DEMO, '--format', 'tex']);
    expect(tex.stdout).not.toContain('Figure');
    expect(tex.stderr).toContain('dans l’export LaTeX');
    expect(tex.stderr).toContain('codage saturation --figure saturation.tex');
  }, 120_000);
});

describe('the report’s memos', () => {
  it('are in its annex in every format: the study’s, a theme’s, a code’s, and the coders’ notes', () => {
    const study = copyStudy();
    const dir = tempDir();
    for (const [subject, text] of [
      ['étude', 'Saturation discutée avec la directrice : deux entretiens de plus.'],
      ['Vécu du médecin', 'Le thème le plus chargé.'],
      ['Frustration', 'Proche de l’impuissance ? Comparer MG3 et MG5.'],
    ]) {
      expect(runCli(['memo', subject!, text!, '--study', study, '--coder', 'marie']).code).toBe(0);
    }
    const plain = (s: string) => s.replace(/\s+/g, ' ');
    const md = runCli(['export', 'report', '--study', study, '--format', 'md']).stdout;
    expect(md).toContain('\n# Mémos\n\n## L’étude\n\n**');
    expect(md).toContain('Saturation discutée avec la directrice : deux entretiens de plus.');
    expect(md).toContain('## Le thème «\u00a0Vécu du médecin\u00a0»\n');
    expect(md).toContain('Proche de l’impuissance ? Comparer MG3 et MG5.');
    // The coders' notes on an interview, kept in their coder files.
    expect(md).toContain('**Note de marie**\n\nPremier entretien. Cabinet de groupe');
    const html = runCli(['export', 'report', '--study', study]).stdout;
    expect(html).toContain('<h2>Mémos</h2>');
    expect(html).toContain('Le thème le plus chargé.');
    const tex = runCli(['export', 'report', '--study', study, '--format', 'tex']).stdout;
    expect(tex).toContain('\\section*{Mémos}');
    expect(tex).toContain('Proche de l’impuissance~? Comparer MG3 et MG5.');
    expect(runCli(['export', 'report', '--study', study, '-o', join(dir, 'rapport.docx')]).code).toBe(0);
    const xml = plain(new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'rapport.docx')))['word/document.xml']));
    expect(xml).toContain('>Mémos</w:t>');
    expect(xml).toContain('Saturation discutée avec la directrice : deux entretiens de plus.');
  }, 120_000);
});

describe('an export that holds a likely identifier', () => {
  it('warns on stderr with where it was said, and exports the same as without it', () => {
    const dir = studyWithIdentifiers();
    const r = runCli(['export', 'themes', '--quotes', 'all', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('On a fait le tour avec le Dr Martin');
    expect(r.stderr).toContain('warning: the export holds 1 likely identifier(s); check with codage check --privacy, replace with codage anonymise');
    // The coded passage first, then the front matter where the same name is.
    expect(r.stderr).toMatch(/"Dr Martin" \(title and name\): transcripts\/MG1\.txt:19:\d+, transcripts\/MG1\.txt:10:19\n/);
    const fr = runCli(['export', 'participants', '--study', dir, '--lang', 'fr', '-o', join(tempDir(), 'participants.docx')]);
    expect(fr.code).toBe(0);
    expect(fr.stderr).toContain('«\u00a0Lyon\u00a0» (lieu)\u00a0: transcripts/MG1.txt:9:8');
    // Once anonymised, nothing to say.
    expect(runCli(['anonymise', '--study', dir, '--lang', 'en']).code).toBe(0);
    const after = runCli(['export', 'themes', '--quotes', 'all', '--study', dir, '--lang', 'en']);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
  });

  it('says nothing on the demo study, whose transcripts are anonymised', () => {
    for (const what of ['themes', 'participants', 'report']) {
      const r = runCli(['export', what, '--study', DEMO, '--lang', 'en', '--quotes', 'all']);
      expect(r.stderr, what).not.toContain('likely identifier');
    }
  });
});
