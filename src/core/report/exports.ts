/**
 * `codage export <what>`: each export computed once into a document (or, for the mind map, a
 * tree), whatever format it is then written in.
 */
import type { Language, Sentence, Transcript } from '../types.js';
import { codebookTable } from './codebook-table.js';
import { coreqTable } from './coreq.js';
import type { Block, ReportDocument, Table } from './document.js';
import { cooccurrenceTable, groupMatrix, pairMatrix, type CooccurrenceUnit } from './matrix.js';
import { memoBlocks } from './memos.js';
import { methodsSentences, type MethodsExtras } from './methods.js';
import { codebookMap, pairMaps, renderSvg, type MapNode } from './mindmap.js';
import { attributeColumns, participantsSummary, participantsTable } from './participants-table.js';
import { quoteLabel } from './quotes.js';
import type { ReportStudy } from './report-study.js';
import { studyFacts } from './study-facts.js';
import { themesTable } from './themes-table.js';
import { frenchSpacing } from './typography.js';

export const EXPORTS = ['themes', 'participants', 'codebook', 'matrix', 'cooccurrence', 'methods', 'coreq', 'mindmap', 'report'] as const;
export type ExportName = (typeof EXPORTS)[number];

export interface ExportOptions {
  /** Counts beside codes (themes table, mind map). */
  counts: boolean;
  /** Attributes of the participants table (`sexe,age,duree=Durée`). */
  attributes?: string[];
  /** Participant attribute for matrix columns, methods' group counts; `pair` for pairs. */
  by?: string;
  /** One quote per matrix cell. */
  cellQuotes: boolean;
  unit: CooccurrenceUnit;
  /** Codes no segment uses are still listed (themes table, mind map). */
  emptyCodes: boolean;
  /** Added to methods, COREQ and the report when those analyses are available. */
  extras: MethodsExtras & { saturationFigure?: { svg: string; width: number; height: number; caption: string } };
  /** Shown under the report's title ("Généré par codage 0.1.0 le …"), only when a date is asked for. */
  date?: string;
}

function titleOf(study: ReportStudy): string {
  return study.title ?? (study.language === 'fr' ? 'Étude' : 'Study');
}

function tableDocument(study: ReportStudy, table: Table): ReportDocument {
  return { title: titleOf(study), language: study.language, blocks: [{ type: 'table', table }] };
}

/** `--by pair` means the study's pair attribute, whatever it is called. */
export function isPairRequest(study: ReportStudy, by: string | undefined): boolean {
  return by !== undefined && (by === 'pair' || by === study.pairAttribute) && study.pairAttribute !== undefined;
}

export function methodsParagraph(study: ReportStudy, options: Pick<ExportOptions, 'by' | 'extras'>): string {
  return methodsSentences(studyFacts(study, options.by), study.language, options.extras).join(' ');
}

export function coreq(study: ReportStudy, options: Pick<ExportOptions, 'by' | 'extras'>): Table {
  const first = study.transcripts[0];
  return coreqTable(
    {
      facts: studyFacts(study, options.by),
      sampleDescription: participantsSummary(study, attributeColumns(study)),
      saturation: options.extras.saturation,
      ...(options.extras.agreement ? { agreement: options.extras.agreement } : {}),
      labelExample: first ? quoteLabel(study.quoteLabel, study.participants.get(first.id), first.id, study.language) : '(P1)',
    },
    study.language,
  );
}

export function mindmapTrees(study: ReportStudy, options: Pick<ExportOptions, 'by' | 'counts' | 'emptyCodes'>): MapNode[] {
  if (isPairRequest(study, options.by)) return pairMaps(study);
  return [codebookMap(titleOf(study), study.codebook, study.segments, study.transcripts.length, { counts: options.counts, all: options.emptyCodes })];
}

/** The document of a table or text export (everything but the mind map's own formats). */
export function exportDocument(
  what: ExportName,
  study: ReportStudy,
  options: ExportOptions,
  sentencesOf: (t: Transcript) => Sentence[],
): ReportDocument {
  const fr = study.language === 'fr';
  switch (what) {
    case 'themes':
      return tableDocument(study, themesTable(study, { counts: options.counts, emptyCodes: options.emptyCodes }));
    case 'participants':
      return tableDocument(study, participantsTable(study, attributeColumns(study, options.attributes)));
    case 'codebook':
      return tableDocument(study, codebookTable(study.codebook, study.language));
    case 'matrix':
      if (isPairRequest(study, options.by)) return tableDocument(study, pairMatrix(study));
      return tableDocument(study, groupMatrix(study, { by: options.by!, quotes: options.cellQuotes }));
    case 'cooccurrence':
      return tableDocument(study, cooccurrenceTable(study, options.unit, sentencesOf));
    case 'coreq':
      return tableDocument(study, coreq(study, options));
    case 'methods':
      return { title: titleOf(study), language: study.language, blocks: [{ type: 'heading', level: 2, text: fr ? 'Méthodes' : 'Methods' }, { type: 'paragraph', content: [{ text: methodsParagraph(study, options) }] }] };
    case 'mindmap': {
      const map = renderSvg(mindmapTrees(study, options));
      return { title: titleOf(study), language: study.language, blocks: [{ type: 'figure', figure: { caption: fr ? 'Modélisation : thèmes et codes' : 'Model: themes and codes', ...map } }] };
    }
    case 'report':
      return studyReport(study, options);
  }
}

/** The whole study on one page, for a supervisor. */
export function studyReport(study: ReportStudy, options: ExportOptions): ReportDocument {
  const fr = study.language === 'fr';
  const language: Language = study.language;
  const blocks: Block[] = [];
  const meta = fr
    ? `Rapport de ${study.software}${options.date ? ` du ${options.date}` : ''} ; codage présenté : ${study.coders.join(', ')}.`
    : `Report by ${study.software}${options.date ? ` on ${options.date}` : ''}; coding shown: ${study.coders.join(', ')}.`;
  blocks.push({ type: 'paragraph', content: [{ text: frenchSpacing(meta, language) }] });
  blocks.push({ type: 'heading', level: 1, text: fr ? 'Méthodes' : 'Methods' });
  blocks.push({ type: 'paragraph', content: [{ text: methodsParagraph(study, options) }] });
  blocks.push({ type: 'heading', level: 1, text: fr ? 'Participants' : 'Participants' });
  blocks.push({ type: 'table', table: participantsTable(study, attributeColumns(study), 1) });
  const quotes = study.selection.max > 0;
  blocks.push({ type: 'heading', level: 1, text: fr ? `Résultats\u00a0: thèmes et ${quotes ? 'verbatims' : 'codes'}` : `Results: themes and ${quotes ? 'quotes' : 'codes'}` });
  blocks.push({ type: 'table', table: themesTable(study, { counts: options.counts, emptyCodes: options.emptyCodes }, 2) });
  const map = renderSvg(mindmapTrees(study, { ...options, by: undefined }));
  blocks.push({ type: 'heading', level: 1, text: fr ? 'Modélisation' : 'Model' });
  blocks.push({ type: 'figure', figure: { caption: fr ? 'Figure 1 – Thèmes et codes (n/N participants)' : 'Figure 1 – Themes and codes (n/N participants)', ...map } });
  if (options.extras.saturationFigure) {
    blocks.push({ type: 'heading', level: 1, text: fr ? 'Saturation des données' : 'Data saturation' });
    if (options.extras.saturation) blocks.push({ type: 'paragraph', content: [{ text: options.extras.saturation }] });
    const { caption, ...figure } = options.extras.saturationFigure;
    blocks.push({ type: 'figure', figure: { caption, ...figure } });
  }
  if (options.extras.agreement) {
    blocks.push({ type: 'heading', level: 1, text: fr ? 'Accord entre codeurs' : 'Agreement between coders' });
    blocks.push({ type: 'paragraph', content: [{ text: options.extras.agreement }] });
  }
  blocks.push({ type: 'heading', level: 1, text: fr ? 'Livre de codes' : 'Codebook' });
  blocks.push({ type: 'table', table: { ...codebookTable(study.codebook, language, 3), landscape: false } });
  blocks.push(...memoBlocks(study));
  return { title: titleOf(study), language, blocks };
}
