import { quoteLabelProblems } from '../../core/report/quote-label-check.js';
import { deName } from '../../core/report/typography.js';
import { basename, extname, resolve } from 'node:path';
import { DataError, UsageError } from '../../core/errors.js';
import { EXPORTS, exportDocument, mindmapTrees, type ExportName, type ExportOptions } from '../../core/report/exports.js';
import { attributeColumns, synonymConflicts } from '../../core/report/participants-table.js';
import type { QuoteOrder } from '../../core/report/quotes.js';
import { renderCsv } from '../../core/report/render/csv.js';
import { renderHtml } from '../../core/report/render/html.js';
import { renderLatex } from '../../core/report/render/latex.js';
import { renderMarkdown } from '../../core/report/render/markdown.js';
import { renderDot, renderMermaid, renderSvg } from '../../core/report/mindmap.js';
import { CONSENSUS_CODER } from '../../core/consensus/consensus-coder.js';
import { reportedCoder, reportStudyOf } from '../../core/report/report-study.js';
import { studyAgreementSentence } from '../../core/report/agreement.js';
import { withoutFigures, type Figure, type ReportDocument } from '../../core/report/document.js';
import { documentPieces, findingsInExport, type AttributeText } from '../../core/privacy/in-export.js';
import { KIND_NAMES } from '../../core/privacy/problems.js';
import { computeSaturation, SATURATION_DEFAULTS } from '../../core/analysis/saturation/saturation.js';
import { saturationSentence } from '../../core/report/saturation/sentence.js';
import { FIGURE_FONT, saturationSvg } from '../../core/report/saturation/svg.js';
import type { AnchoredSegment } from '../../core/study/anchor-codings.js';
import { STUDY_FILES, type Study } from '../../core/study/study.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { Language, Localized } from '../../core/types.js';
import { openSentenceCache, type SentenceStore } from '../../io/sentence-cache.js';
import type { CommandContext } from '../context.js';
import { loadForCommand } from '../load.js';
import { outputFormat, refuseStudyData, writeOutput } from '../output-file.js';
import { refuseExportWithErrors, requireAttribute } from '../study-checks.js';
import { readMemos } from '../../io/memos.js';
import { readPrivacyLists } from '../../io/privacy-lists.js';
import { resolveCoder } from '../coder.js';
import { noticePrinter, warningPrinter, warnIfReconciliationUnfinished } from '../notices.js';
import { formatProblem, paint } from '../output.js';
import { codageVersion } from '../version.js';
import { exportRefi, refiFormat } from './export-refi.js';
import { consensusDecidedInterviews, consensusDecisions } from '../../io/reconcile-files.js';

export const FORMATS = ['md', 'csv', 'excel', 'xlsx', 'docx', 'tex', 'html', 'svg', 'mermaid', 'dot', 'qdpx', 'qdc'] as const;
export type ExportFormat = (typeof FORMATS)[number];

interface ExportCommandOptions {
  study: string;
  format?: ExportFormat;
  output?: string;
  coder?: string;
  by?: string;
  quotes: string;
  order: QuoteOrder;
  exemplaryFirst: boolean;
  onePerParticipant?: boolean;
  omitAnnotations?: boolean;
  counts: boolean;
  emptyCodes: boolean;
  attributes?: string;
  cellQuotes?: boolean;
  unit: 'segment' | 'sentence';
  landscape?: boolean;
  standalone?: boolean;
  date?: string;
}

const TABLES: ExportName[] = ['themes', 'participants', 'codebook', 'matrix', 'cooccurrence', 'coreq'];
const DOCUMENT_FORMATS: ExportFormat[] = ['md', 'docx', 'tex', 'html'];
const TABLE_FORMATS: ExportFormat[] = ['md', 'csv', 'excel', 'xlsx', 'docx', 'tex', 'html'];

/** Formats each export can be written in. */
export function formatsOf(what: ExportName): ExportFormat[] {
  if (what === 'mindmap') return ['mermaid', 'dot', 'svg', 'md', 'html'];
  if (TABLES.includes(what)) return TABLE_FORMATS;
  return DOCUMENT_FORMATS;
}

function parseDate(value: string | undefined, today: () => Date): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'today' || value === 'aujourdhui' || value === "aujourd'hui") return today().toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  throw new UsageError(
    { en: `--date must be YYYY-MM-DD or "today", not "${value}"`, fr: `--date doit être AAAA-MM-JJ ou « today », pas « ${value} »` },
    { en: 'e.g. --date 2024-06-01', fr: 'par ex. --date 2024-06-01' },
  );
}

function parseQuotes(value: string): number {
  if (value === 'all' || value === 'tous' || value === 'toutes') return Number.POSITIVE_INFINITY;
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(
    { en: `--quotes must be a number or "all", not "${value}"`, fr: `--quotes doit être un nombre ou « all », pas « ${value} »` },
    { en: 'e.g. --quotes 2', fr: 'par ex. --quotes 2' },
  );
}

export async function run(baseCtx: CommandContext, what: string, options: ExportCommandOptions): Promise<number> {
  const refi = refiFormat(options.format, options.output);
  if (refi !== undefined || what === 'project') {
    return exportRefi(baseCtx, what, refi ?? 'qdpx', options);
  }
  if (!(EXPORTS as readonly string[]).includes(what)) {
    throw new UsageError(
      { en: `nothing called "${what}" to export`, fr: `rien ne s’appelle « ${what} » parmi les exports` },
      { en: `choose one of: ${[...EXPORTS, 'project'].join(', ')}`, fr: `choisir parmi : ${[...EXPORTS, 'project'].join(', ')}` },
    );
  }
  const name = what as ExportName;
  const format = outputFormat(name, options.format, options.output, formatsOf(name), name === 'mindmap' ? 'mermaid' : name === 'report' ? 'html' : 'md');
  if ((format === 'docx' || format === 'xlsx') && !options.output) {
    throw new UsageError(
      { en: `a ${format} file needs a name: add -o FILE.${format}`, fr: `un fichier ${format} a besoin d’un nom : ajouter -o FICHIER.${format}` },
      { en: `e.g. codage export ${name} -o ${name}.${format}`, fr: `par ex. codage export ${name} -o ${name}.${format}` },
    );
  }
  const max = parseQuotes(options.quotes);
  const date = parseDate(options.date, () => new Date());
  if (options.output) refuseStudyData(resolve(options.study), options.output, '-o');

  const askedCoder = options.coder === undefined ? undefined : (await resolveCoder(resolve(options.study), options.coder, { mustExist: true })).coder;
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study);
  const fr = ctx.language === 'fr';
  refuseExportWithErrors(ctx, problems);
  if (name === 'matrix' && options.by === undefined) {
    // The example names an attribute the study has.
    const attributes = [...new Set([...study.participants.values()].flatMap((p) => Object.keys(p.attributes)))].sort();
    const example = `codage export matrix --by ${attributes[0] ?? 'pair'}`;
    throw new UsageError(
      { en: 'matrix needs --by ATTRIBUTE (a participant attribute, or pair)', fr: 'matrix a besoin de --by ATTRIBUT (un attribut des participants, ou pair)' },
      {
        en: `e.g. ${example} (attributes: ${attributes.join(', ') || 'none'})`,
        fr: `par ex. ${example} (attributs : ${attributes.join(', ') || 'aucun'})`,
      },
    );
  }
  const coder = reportedCoder(study.coders.map((c) => c.coder), askedCoder, study.config.coder);
  warnIfReconciliationUnfinished(ctx, study.root, [coder]);
  const report = reportStudyOf(study, segments, {
    coder,
    consensusInterviews: await consensusDecidedInterviews(study.root),
    consensusDecisions: await consensusDecisions(study.root),
    language: ctx.language,
    software: `codage ${codageVersion()}`,
    // The report ends with the memos.
    ...(name === 'report' ? { memos: await readMemos(study.root) } : {}),
    selection: {
      max,
      exemplaryFirst: options.exemplaryFirst,
      onePerParticipant: options.onePerParticipant === true,
      order: options.order,
      omitAnnotations: options.omitAnnotations === true,
    },
  });
  const pairAttribute = report.pairAttribute;
  const byPair = options.by !== undefined && (options.by === 'pair' || options.by === pairAttribute);
  if (byPair && pairAttribute === undefined) {
    throw new UsageError(
      { en: 'the study has no pairs: no participant attribute links two sides', fr: "l’étude n’a pas de paires : aucun attribut des participants ne relie deux côtés" },
      { en: 'add a column pair (or binome) to participants.csv, or name it with pair: in codage.yaml', fr: 'ajouter une colonne binome (ou pair) à participants.csv, ou la nommer avec pair: dans codage.yaml' },
    );
  }
  if (options.by !== undefined && !byPair) requireAttribute(study, options.by);
  if (byPair && name !== 'matrix' && name !== 'mindmap') {
    throw new UsageError(
      { en: `--by ${options.by} links the sides of pairs: only matrix and mindmap use it`, fr: `--by ${options.by} relie les côtés des paires : seuls matrix et mindmap l’utilisent` },
      { en: 'pairs never appear in thesis tables', fr: "les paires n’apparaissent jamais dans les tableaux de la thèse" },
    );
  }
  // Sentences (agreement of the reports, context of quotes, co-occurrence in sentences) are kept
  // in .codage/cache between runs: cutting them takes longer than reading the study.
  const sentences = await openSentenceCache(study.root);
  const exportOptions: ExportOptions = {
    counts: options.counts,
    ...(options.attributes !== undefined ? { attributes: options.attributes.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(options.by !== undefined ? { by: byPair ? 'pair' : options.by } : {}),
    cellQuotes: options.cellQuotes === true,
    unit: options.unit,
    emptyCodes: options.emptyCodes,
    extras:
      name === 'methods' || name === 'coreq' || name === 'report'
        ? {
            ...saturationExtras(study, segments, coder, byPair ? undefined : options.by, ctx.language, name === 'report'),
            ...agreementExtras(study, segments, ctx.language, sentences),
          }
        : {},
    ...(date !== undefined ? { date } : {}),
  };

  // What the reader of the export should know: quotes that could not be placed, synonyms that disagree.
  const unplaced = report.segments.filter((s) => s.status === 'unplaced').length;
  if (unplaced > 0) {
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${
        fr
          ? `${unplaced} segment(s) ${deName(coder ?? '')} introuvable(s) dans leur transcription ne sont ni montrés ni comptés ; voir codage check`
          : `${unplaced} segment(s) of ${coder} cannot be found in their transcript: neither shown nor counted; see codage check`
      }\n`,
    );
  }
  // An empty transcript (an interview not pasted in yet) still counts among the N interviews.
  const empty = problems.filter((p) => p.kind === 'empty-transcript').map((p) => p.file);
  if (empty.length > 0 && (name === 'themes' || name === 'participants' || name === 'methods' || name === 'report' || name === 'matrix' || name === 'coreq')) {
    const n = study.transcripts.length;
    const several = empty.length > 1;
    warningPrinter(ctx)({
      fr: `${empty.join(', ')} ${several ? 'sont vides mais comptent' : 'est vide mais compte'} parmi les ${n} entretiens (N) : y coller l’entretien, ou ${several ? 'les' : 'le'} sortir de transcripts/`,
      en: `${empty.join(', ')} ${several ? 'are empty but count' : 'is empty but counts'} among the ${n} interviews (N): paste the interview in, or move ${several ? 'them' : 'it'} out of transcripts/`,
    });
  }
  // A label field no participant has: every quote signed without it.
  if (name === 'themes' || name === 'matrix' || name === 'report') {
    for (const problem of quoteLabelProblems(study.config, study.participants.values())) ctx.stderr.write(`${formatProblem(problem, ctx.language)}\n`);
  }
  if (name === 'participants' || name === 'report' || name === 'methods' || name === 'coreq') {
    for (const problem of synonymConflicts(report, attributeColumns(report, name === 'participants' ? exportOptions.attributes : undefined), study.participantColumns ?? [])) {
      ctx.stderr.write(`${formatProblem(problem, ctx.language)}\n`);
    }
  }

  let out: string | Uint8Array;
  if (name === 'mindmap' && (format === 'mermaid' || format === 'dot' || format === 'svg')) {
    const trees = mindmapTrees(report, exportOptions);
    out = format === 'mermaid' ? renderMermaid(trees) : format === 'dot' ? renderDot(trees) : renderSvg(trees).svg;
  } else {
    const doc: ReportDocument = exportDocument(name, report, exportOptions, (t) => sentences.of(t));
    sentences.save();
    if (name === 'mindmap' && format === 'md') doc.blocks.push({ type: 'code', language: 'mermaid', text: renderMermaid(mindmapTrees(report, exportOptions)) });
    warnIdentifiers(ctx, doc, report.segments, study);
    // The mind map's own Markdown gives its figure as Mermaid source, under its caption.
    const placed = name === 'mindmap' ? { doc, files: [] } : await placeFigures(ctx, doc, format, options.output);
    out = await render(placed.doc, format, { landscape: options.landscape, standalone: options.standalone, date });
    // The figures first: the Markdown never links to a file not yet written.
    for (const file of placed.files) await writeOutput(file.path, file.svg, { study: study.root, option: '-o' });
  }

  if (options.output) {
    const path = resolve(options.output);
    await writeOutput(options.output, out, { study: study.root, option: '-o' });
    ctx.stderr.write(fr ? `export ${name} (${format}) écrit dans ${path}\n` : `export ${name} (${format}) written to ${path}\n`);
  } else {
    // On a terminal, nothing from the study may act on it; a pipe or a file gets the exact text.
    ctx.stdout.write(ctx.stdout.isTTY && typeof out === 'string' ? terminalSafe(out) : out);
  }
  return 0;
}

/**
 * A warning on stderr for each likely identifier the exported text holds, with where it was
 * said; the export itself goes on (its exit code is unchanged).
 */
function warnIdentifiers(ctx: CommandContext, doc: ReportDocument, segments: readonly AnchoredSegment[], study: Study): void {
  const passages = segments.filter((s) => s.status !== 'unplaced');
  const attributes: AttributeText[] = [];
  for (const t of study.transcripts) {
    for (const [key, value] of Object.entries(study.participants.get(t.id)?.attributes ?? t.attributes)) {
      if (typeof value !== 'string') continue;
      const inFront = t.attributes[key] === value;
      attributes.push({ file: inFront ? t.file : STUDY_FILES.participants, ...(inFront ? t.attributePositions?.[key] : undefined), text: value });
    }
  }
  const found = findingsInExport(documentPieces(doc), passages, attributes, readPrivacyLists(study.root).lists);
  if (found.length === 0) return;
  const fr = ctx.language === 'fr';
  const colon = fr ? '\u00a0: ' : ': ';
  ctx.stderr.write(
    `${paint.yellow(fr ? 'attention' : 'warning')}${colon}${
      fr
        ? `l’export contient ${found.length} identifiant(s) probable(s) ; vérifiez avec codage check --privacy, remplacez avec codage anonymise`
        : `the export holds ${found.length} likely identifier(s); check with codage check --privacy, replace with codage anonymise`
    }\n`,
  );
  for (const f of found) {
    const where = f.places.map((p) => [p.file, p.line, p.column].filter((x) => x !== undefined).join(':')).join(', ');
    const text = fr ? `«\u00a0${f.text}\u00a0»` : `"${f.text}"`;
    ctx.stderr.write(`  ${terminalSafe(text)} (${KIND_NAMES[f.kind][ctx.language]})${colon}${terminalSafe(where)}\n`);
  }
}

/**
 * Code saturation as `codage saturation` computes it with its default parameters, on the coding
 * exported: the methods sentence (method, parameters, result) and, for the report, its figure.
 */
function saturationExtras(study: Study, segments: AnchoredSegment[], coder: string | undefined, by: string | undefined, language: Language, figure: boolean): ExportOptions['extras'] {
  if (coder === undefined) return {};
  const report = computeSaturation(
    { interviewOrder: study.interviewOrder, participants: study.participants, codebook: study.codebook, coders: study.coders.map((c) => c.coder), segments },
    { ...SATURATION_DEFAULTS, coder, ...(by !== undefined ? { by } : {}) },
  );
  // With several coders, the paragraph says whose coding it counted: `codage saturation` counts
  // every coder's together by default, and the two would otherwise seem to disagree.
  const whose = study.coders.length < 2 || report.analyses.length === 0 ? '' : ` ${whoseCoding(coder, language)}`;
  const sentence = saturationSentence(report, language) + whose;
  if (!figure || report.analyses.length === 0) return { saturation: sentence };
  const svg = saturationSvg(report, language, sentence);
  const size = (attribute: string) => Number(new RegExp(`<svg[^>]*\\s${attribute}="([\\d.]+)"`).exec(svg)?.[1] ?? 0);
  const caption = language === 'fr' ? 'Figure 2 – Saturation des codes au fil des entretiens' : 'Figure 2 – Code saturation along the interviews';
  return { saturation: sentence, saturationFigure: { svg, width: size('width'), height: size('height'), caption } };
}

/** The sentence saying whose coding the saturation counted. */
function whoseCoding(coder: string, language: Language): string {
  if (coder === CONSENSUS_CODER) return language === 'fr' ? 'La saturation a été évaluée sur le codage issu de la mise en commun.' : 'Saturation was assessed on the consensus coding.';
  return language === 'fr' ? `La saturation a été évaluée sur le codage ${deName(coder)}.` : `Saturation was assessed on ${coder}’s coding.`;
}

/** Agreement between the coders, as `codage compare` gives it by default, when the study was double-coded. */
function agreementExtras(study: Study, segments: AnchoredSegment[], language: Language, sentences: SentenceStore): ExportOptions['extras'] {
  const sentence = studyAgreementSentence({
    transcripts: study.transcripts,
    segments,
    codebook: study.codebook,
    coders: study.coders.map((c) => c.coder),
    language,
    consensus: CONSENSUS_CODER,
    sentences: (t) => sentences.of(t),
  });
  return sentence === null ? {} : { agreement: sentence };
}

/**
 * The figures (the report's mind map and saturation curve) as each format holds them: HTML draws
 * their SVG inline; Word gets the SVG with a PNG rendered here for the readers that cannot draw
 * SVG; Markdown written to a file links to SVG files written beside it (`rapport-figure-1.svg`).
 * A figure a format cannot hold — LaTeX, Markdown on standard output, a PNG when no font can draw
 * its labels — is left out with its caption (and a heading left empty), and said on stderr.
 */
async function placeFigures(
  ctx: CommandContext,
  doc: ReportDocument,
  format: ExportFormat,
  output: string | undefined,
): Promise<{ doc: ReportDocument; files: { path: string; svg: string }[] }> {
  const figures = doc.blocks.flatMap((b) => (b.type === 'figure' ? [b.figure] : []));
  if (figures.length === 0 || format === 'html') return { doc, files: [] };
  const leaveOut = (why: Localized) => {
    const { doc: without, left } = withoutFigures(doc, () => false);
    const captions = left.map((f) => f.caption).join(', ');
    const kind = format === 'tex' ? 'LaTeX' : format === 'md' ? 'Markdown' : 'Word';
    noticePrinter(ctx)({
      en: `${left.length === 1 ? 'one figure is' : `${left.length} figures are`} left out of the ${kind} export (${captions}); ${why.en}`,
      fr: `${left.length === 1 ? 'une figure n’est pas incluse' : `${left.length} figures ne sont pas incluses`} dans l’export ${kind} (${captions}) ; ${why.fr}`,
    });
    return { doc: without, files: [] };
  };
  if (format === 'tex') {
    return leaveOut({
      en: 'codage saturation --figure saturation.tex writes the saturation curve for LaTeX (pgfplots), codage export mindmap --format svg the map of themes',
      fr: 'codage saturation --figure saturation.tex écrit la courbe de saturation pour LaTeX (pgfplots), codage export mindmap --format svg la carte des thèmes',
    });
  }
  if (format === 'md') {
    if (output === undefined) {
      return leaveOut({
        en: 'they are written as SVG beside a Markdown file: add -o report.md (the HTML and Word reports hold them)',
        fr: 'elles sont écrites en SVG à côté d’un fichier Markdown : ajouter -o rapport.md (les rapports HTML et Word les contiennent)',
      });
    }
    const path = resolve(output);
    const base = path.slice(0, path.length - extname(path).length);
    const files = figures.map((f, i) => ({ figure: f, path: `${base}-figure-${i + 1}.svg` }));
    const blocks = doc.blocks.map((b) => {
      const file = b.type === 'figure' ? files.find((f) => f.figure === b.figure) : undefined;
      return file && b.type === 'figure' ? { ...b, figure: { ...b.figure, file: basename(file.path) } } : b;
    });
    return { doc: { ...doc, blocks }, files: files.map((f) => ({ path: f.path, svg: f.figure.svg })) };
  }
  if (format !== 'docx') return { doc, files: [] };
  // Word: each figure's PNG, 1,800 pixels wide (sharp at the width of the page's text).
  const { svgToPng } = await import('../../io/figure-png.js');
  const pngs = new Map<Figure, Uint8Array>();
  try {
    for (const f of figures) pngs.set(f, await svgToPng(f.svg, { width: 1800, fontFamily: FIGURE_FONT }));
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return leaveOut({
      en: `${error.localized.en}; install one (Debian/Ubuntu: apt install fonts-dejavu-core), or export the report as HTML, which draws them`,
      fr: `${error.localized.fr} ; en installer une (Debian/Ubuntu : apt install fonts-dejavu-core), ou exporter le rapport en HTML, qui les dessine`,
    });
  }
  return { doc: { ...doc, blocks: doc.blocks.map((b) => (b.type === 'figure' ? { ...b, figure: { ...b.figure, png: pngs.get(b.figure)! } } : b)) }, files: [] };
}

async function render(doc: ReportDocument, format: ExportFormat, options: { landscape?: boolean; standalone?: boolean; date?: string }): Promise<string | Uint8Array> {
  const table = () => {
    const first = doc.blocks.find((b) => b.type === 'table');
    if (first?.type !== 'table') throw new Error(`no table to write as ${format}`);
    return first.table;
  };
  switch (format) {
    case 'md':
      return renderMarkdown(doc);
    case 'csv':
    case 'excel':
      return renderCsv(table(), format);
    case 'xlsx': {
      const { renderXlsx } = await import('../../core/report/render/xlsx.js');
      return renderXlsx(table(), { date: options.date });
    }
    case 'docx': {
      // The Word writer is loaded only when a Word file is asked for.
      const { renderDocx } = await import('../../core/report/render/docx.js');
      return renderDocx(doc, { ...(options.landscape ? { landscape: true } : {}), ...(options.date ? { date: `${options.date}T00:00:00Z` } : {}) });
    }
    case 'tex':
      return renderLatex(doc, { standalone: options.standalone === true });
    case 'html':
      return renderHtml(doc);
    default:
      throw new Error(`format ${format} is not a document format`);
  }
}
