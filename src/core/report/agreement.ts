/**
 * Agreement between coders, worded for the terminal and the thesis: the per-code and
 * per-transcript tables, the overall figures, and a sentence to paste into the Methods. Every
 * number says its method, unit, aggregation and parameters, in French or English.
 */
import type { Aggregation, Aggregated } from '../analysis/agreement/aggregate.js';
import { pick } from '../analysis/agreement/aggregate.js';
import { computeAgreement, type AgreementReport, type AgreementSummary } from '../analysis/agreement/compare.js';
import { reasonText, type Estimate, type UndefinedReason } from '../analysis/agreement/estimate.js';
import { prepareComparison, type Selection } from '../analysis/agreement/prepare.js';
import type { AgreementUnit } from '../analysis/agreement/units.js';
import { codeLabel } from '../codebook/query.js';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import type { Codebook, Language, Span, Transcript } from '../types.js';
import { NAMES_SHOWN } from '../text/some-names.js';
import { formatNumber, formatPercent } from './numbers.js';
import { numberCell, plain, textCell, type Cell as DocumentCell, type ReportDocument, type Table as DocumentTable } from './document.js';
import { cell, type Table, type TableCell } from './table.js';
import { capitalize, frenchSpacing, joinList } from './typography.js';

export interface AgreementView {
  report: AgreementReport;
  codebook: Codebook;
  language: Language;
  aggregation: Aggregation;
  /** Codes whose main coefficient (κ for two coders, else α) is under it are marked. */
  threshold: number;
  selection: Selection;
}

const UNIT: Record<AgreementUnit, { en: string; fr: string; short: { en: string; fr: string } }> = {
  char: {
    en: "character units (as NVivo's coding comparison)",
    fr: 'unité : le caractère (comme la comparaison de codage de NVivo)',
    short: { en: 'character units', fr: 'unité : caractère' },
  },
  sentence: {
    en: 'sentence units (a sentence counts as coded when any of its characters is)',
    fr: 'unité : la phrase (une phrase compte comme codée dès qu’un de ses caractères l’est)',
    short: { en: 'sentence units', fr: 'unité : phrase' },
  },
  paragraph: {
    en: 'paragraph units (each non-blank line; coded when any of its characters is)',
    fr: 'unité : le paragraphe (chaque ligne non vide ; codé dès qu’un de ses caractères l’est)',
    short: { en: 'paragraph units', fr: 'unité : paragraphe' },
  },
  transcript: {
    en: 'transcript units (was the code applied at all in the transcript, as MAXQDA’s code presence)',
    fr: 'unité : la transcription (le code a-t-il été appliqué dans la transcription, comme la présence de code de MAXQDA)',
    short: { en: 'transcript units', fr: 'unité : transcription' },
  },
};

export function unitText(unit: AgreementUnit, language: Language, short = false): string {
  return short ? UNIT[unit].short[language] : UNIT[unit][language];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "4 transcripts", "27 codes", "27 codes × 4 transcripts". */
function overText(codes: number | null, transcripts: number | null, language: Language): string {
  const fr = language === 'fr';
  const t = transcripts === null ? null : plural(transcripts, `transcript${fr ? 'ion' : ''}`, fr ? 'transcriptions' : 'transcripts');
  const c = codes === null ? null : plural(codes, 'code', 'codes');
  return [c, t].filter((x) => x !== null).join(' × ');
}

export function aggregationText(how: Aggregation, over: string, language: Language): string {
  const fr = language === 'fr';
  switch (how) {
    case 'pooled':
      return fr ? `tableau cumulé sur ${over}` : `pooled table over ${over}`;
    case 'mean':
      return fr ? `moyenne non pondérée sur ${over}` : `unweighted mean over ${over}`;
    case 'weighted':
      return fr ? `moyenne sur ${over} pondérée par le nombre d’unités` : `mean over ${over} weighted by size in units`;
  }
}

/**
 * `0,72`, or "undefined". With a threshold, a value under it never reads as the threshold itself
 * (0.5996 is written 0.5996, not 0.60), nor a value at or above it as under.
 */
export function estimateText(e: Estimate, language: Language, threshold?: number): string {
  if (!e.defined) return language === 'fr' ? 'non défini' : 'undefined';
  return formatNumber(e.value, language, estimateDecimals(e.value, threshold));
}

/** The decimals `estimateText` shows: 2, more when fewer would put the value on the wrong side of the threshold. */
function estimateDecimals(value: number, threshold?: number): number {
  let decimals = 2;
  if (threshold !== undefined) {
    const below = value < threshold;
    while (decimals < 6 && Number(value.toFixed(decimals)) < threshold !== below) decimals++;
  }
  return decimals;
}

/** An Excel number format with `decimals` decimals (`0.00`), a percentage with `%`, a mark after it as text. */
function numberFormat(decimals: number, options: { percent?: boolean; mark?: string } = {}): string {
  return `0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${options.percent ? '%' : ''}${options.mark ? `" ${options.mark}"` : ''}`;
}

function percentText(e: Estimate, language: Language): string {
  return e.defined ? formatPercent(e.value, language, 1) : language === 'fr' ? 'non défini' : 'undefined';
}

function leftOutText(agg: Aggregated, how: Aggregation, language: Language): string {
  if (how === 'pooled') return '';
  const m = agg[how];
  if (m.leftOut === 0) return '';
  return language === 'fr' ? ` (${m.leftOut} non défini(s) exclu(s))` : ` (${m.leftOut} undefined left out)`;
}

interface Columns {
  two: boolean;
  coders: string[];
}

function countColumns({ two, coders }: Columns, language: Language): Table['columns'] {
  const fr = language === 'fr';
  if (two) {
    return [
      { label: fr ? 'Les deux' : 'Both', align: 'right' },
      { label: fr ? `Uniquement ${coders[0]}` : `${coders[0]} only`, align: 'right' },
      { label: fr ? `Uniquement ${coders[1]}` : `${coders[1]} only`, align: 'right' },
      { label: fr ? 'Aucun' : 'Neither', align: 'right' },
    ];
  }
  return [
    ...coders.map((c) => ({ label: fr ? `Codé par ${c}` : `Coded by ${c}`, align: 'right' as const })),
    { label: fr ? 'Tous d’accord' : 'All agree', align: 'right' },
  ];
}

function summaryCells(s: AgreementSummary, view: AgreementView, coded: (number | null)[], agreed: number, used: Set<UndefinedReason>): TableCell[] {
  const { language, aggregation, threshold } = view;
  const two = s.table !== null && view.report.coders.length === 2;
  const n = (x: number) => cell(formatNumber(x, language), { value: x });
  const est = (e: Estimate, isMain: boolean): TableCell => {
    if (!e.defined) used.add(e.reason);
    const low = isMain && e.defined && e.value < threshold;
    const text = estimateText(e, language, isMain ? threshold : undefined) + (low ? ' ▼' : '');
    if (!e.defined) return cell(text, { value: null, low });
    return cell(text, { value: e.value, low, format: numberFormat(estimateDecimals(e.value, isMain ? threshold : undefined), low ? { mark: '▼' } : {}) });
  };
  const counts = two ? [n(s.table!.both), n(s.table!.aOnly), n(s.table!.bOnly), n(s.table!.neither)] : [...coded.map((c) => n(c ?? 0)), n(agreed)];
  const percent = pick(s.percent, aggregation);
  if (!percent.defined) used.add(percent.reason);
  return [
    ...counts,
    cell(percentText(percent, language), percent.defined ? { value: percent.value, format: numberFormat(1, { percent: true }) } : { value: null }),
    ...(two ? [est(pick(s.kappa!, aggregation), true)] : []),
    est(pick(s.alpha, aggregation), !two),
  ];
}

function statColumns(two: boolean, language: Language): Table['columns'] {
  const fr = language === 'fr';
  return [
    { label: fr ? 'Accord' : 'Agreement', align: 'right' },
    ...(two ? [{ label: 'κ', align: 'right' as const }] : []),
    { label: 'α', align: 'right' },
  ];
}

interface CodedSum {
  coded: (number | null)[];
  agreed: number;
}

const sumsCache = new WeakMap<AgreementReport, { byCode: Map<string, CodedSum>; byTranscript: Map<string, CodedSum>; all: CodedSum }>();

/** Units coded by each coder and units agreed on, summed per code, per transcript and overall (once per report). */
function codedSums(report: AgreementReport) {
  let sums = sumsCache.get(report);
  if (sums !== undefined) return sums;
  const empty = (): CodedSum => ({ coded: report.coders.map(() => 0), agreed: 0 });
  sums = { byCode: new Map(), byTranscript: new Map(), all: empty() };
  for (const c of report.cells) {
    let byCode = sums.byCode.get(c.code);
    if (!byCode) sums.byCode.set(c.code, (byCode = empty()));
    let byTranscript = sums.byTranscript.get(c.transcript);
    if (!byTranscript) sums.byTranscript.set(c.transcript, (byTranscript = empty()));
    for (const sum of [byCode, byTranscript, sums.all]) {
      c.coded.forEach((x, i) => {
        if (x !== null) sum.coded[i] = (sum.coded[i] ?? 0) + x;
      });
      sum.agreed += c.agreed;
    }
  }
  sumsCache.set(report, sums);
  return sums;
}

/** What the coefficients are, the unit, and the legend: one sentence each. */
export function methodNotes(view: AgreementView, reasons: Set<UndefinedReason>, aggregationOver: string): string[] {
  const { report, language } = view;
  const fr = language === 'fr';
  const two = report.coders.length === 2;
  const notes: string[] = [];
  notes.push(
    fr
      ? `${two ? `κ : kappa de Cohen (${report.coders[0]} = A, ${report.coders[1]} = B) ; ` : ''}α : alpha de Krippendorff (nominal ; pour chaque code, chaque unité codée ou non${two ? '' : ' ; un codeur qui n’a pas codé une transcription y compte comme valeur manquante'}) ; accord : part des unités traitées de la même façon par ${two ? 'les deux codeurs' : 'tous les codeurs'}.`
      : `${two ? `κ: Cohen's kappa (${report.coders[0]} = A, ${report.coders[1]} = B); ` : ''}α: Krippendorff's alpha (nominal; for each code, each unit coded or not${two ? '' : '; a coder who did not code a transcript is a missing value there'}); agreement: share of units ${two ? 'both coders' : 'all coders'} treated alike.`,
  );
  notes.push(fr ? `${capitalize(unitText(report.unit, language))} ; ${aggregationOver}.` : `${capitalize(unitText(report.unit, language))}; ${aggregationOver}.`);
  notes.push(
    fr
      ? `▼ : ${two ? 'κ' : 'α'} inférieur au seuil de ${formatNumber(view.threshold, language, 2)}.`
      : `▼: ${two ? 'κ' : 'α'} under the threshold of ${formatNumber(view.threshold, language, 2)}.`,
  );
  for (const reason of reasons) {
    notes.push(fr ? `Non défini : ${reasonText(reason).fr}.` : `Undefined: ${reasonText(reason).en}.`);
  }
  if (view.aggregation !== 'pooled') {
    const leftOut = new Set<UndefinedReason>();
    for (const c of report.cells) for (const e of [c.kappa, c.alpha, c.percent]) if (e !== null && !e.defined) leftOut.add(e.reason);
    if (leftOut.size > 0) {
      const why = [...leftOut].map((r) => reasonText(r)[language]).join(fr ? ' ; ' : '; ');
      notes.push(
        fr
          ? `Les moyennes excluent les cellules (un code dans une transcription) où le coefficient n’est pas défini : ${why}.`
          : `Means leave out the cells (a code in a transcript) where the coefficient is undefined: ${why}.`,
      );
    }
  }
  return notes.map((n) => frenchSpacing(n, language));
}

/** One row per code (summed up over the transcripts), then the overall row. */
export function codeTable(view: AgreementView): Table {
  const { report, language, codebook, aggregation } = view;
  const fr = language === 'fr';
  const two = report.coders.length === 2;
  const used = new Set<UndefinedReason>();
  const rows: TableCell[][] = report.byCode.map((s) => {
    const name = codeLabel(codebook, s.code) + (codebook.byId.has(s.code) ? '' : fr ? ' (absent du livre de codes)' : ' (not in codebook)');
    const { coded, agreed } = codedSums(report).byCode.get(s.code)!;
    return [cell(name), ...summaryCells(s, view, coded, agreed, used)];
  });
  const all = codedSums(report).all;
  rows.push([cell(fr ? 'Ensemble' : 'Overall'), ...summaryCells(report.overall, view, all.coded, all.agreed, used)]);
  const nT = report.transcripts.length;
  const perCode = aggregationText(aggregation, overText(null, nT, language), language);
  const overall = aggregationText(aggregation, overText(report.codes.length, nT, language), language);
  return {
    title: fr
      ? frenchSpacing(`Accord entre ${joinList(report.coders, language)} par code (${unitText(report.unit, language, true)})`, language)
      : `Agreement of ${joinList(report.coders, language)} per code (${unitText(report.unit, language, true)})`,
    columns: [{ label: 'Code', align: 'left' }, ...countColumns({ two, coders: report.coders }, language), ...statColumns(two, language)],
    rows,
    notes: methodNotes(view, used, fr ? `par code\u00a0: ${perCode}\u202f; «\u00a0Ensemble\u00a0»\u00a0: ${overall}` : `per code: ${perCode}; "Overall": ${overall}`),
  };
}

/** One row per transcript (summed up over the codes). */
export function transcriptTable(view: AgreementView): Table {
  const { report, language, aggregation } = view;
  const fr = language === 'fr';
  const two = report.coders.length === 2;
  const used = new Set<UndefinedReason>();
  const rows: TableCell[][] = report.byTranscript.map((s) => {
    const { coded, agreed } = codedSums(report).byTranscript.get(s.transcript) ?? { coded: report.coders.map(() => 0), agreed: 0 };
    const units = report.transcripts.find((t) => t.id === s.transcript)!.units;
    return [cell(s.transcript), cell(formatNumber(units, language), { value: units }), ...summaryCells(s, view, coded, agreed, used)];
  });
  const over = aggregationText(aggregation, overText(report.codes.length, null, language), language);
  return {
    title: fr ? frenchSpacing(`Accord par transcription (${unitText(report.unit, language, true)})`, language) : `Agreement per transcript (${unitText(report.unit, language, true)})`,
    columns: [
      { label: fr ? 'Transcription' : 'Transcript', align: 'left' },
      { label: fr ? 'Unités' : 'Units', align: 'right' },
      ...countColumns({ two, coders: report.coders }, language),
      ...statColumns(two, language),
    ],
    rows,
    notes: methodNotes(view, used, fr ? `par transcription : ${over} (chaque unité compte une fois par code)` : `per transcript: ${over} (each unit counts once per code)`),
  };
}

/** The sentence for the thesis's Methods: coefficients with their unit, aggregation and coders. */
export function thesisSentence(view: AgreementView): string {
  const { report, language, aggregation } = view;
  const fr = language === 'fr';
  const s = report.overall;
  const over = aggregationText(aggregation, overText(report.codes.length, report.transcripts.length, language), language);
  const unit = unitText(report.unit, language, true);
  const ids = report.transcripts.map((t) => t.id).join(', ');
  const coders = joinList(report.coders, language);
  const colon = fr ? ' : ' : ': ';
  const left = (agg: Aggregated) => leftOutText(agg, aggregation, language);
  const kappa = s.kappa ? `${fr ? 'Kappa de Cohen' : "Cohen's kappa"} (${unit}, ${over})${colon}${estimateText(pick(s.kappa, aggregation), language)}${left(s.kappa)}` : null;
  const alpha = `${fr ? 'alpha de Krippendorff' : "Krippendorff's alpha"} (nominal, ${unit}, ${over})${colon}${estimateText(pick(s.alpha, aggregation), language)}${left(s.alpha)}`;
  const percent = `${fr ? 'accord observé' : 'percent agreement'}${colon}${percentText(pick(s.percent, aggregation), language)}`;
  const stats = kappa ? `${kappa}${fr ? ' ; ' : '; '}${percent}${fr ? ' ; ' : '; '}${alpha}` : `${capitalize(alpha)}${fr ? ' ; ' : '; '}${percent}`;
  // The transcripts are named when they are a few (the thesis says which were double-coded);
  // a research team's 200 are counted instead of filling the paragraph with ids.
  const n = report.transcripts.length;
  const named = n <= NAMES_SHOWN;
  const who = fr
    ? named
      ? `Codeurs : ${coders} ; transcriptions ${report.coders.length === 2 ? 'double-codées' : 'comparées'}${colon}${ids}.`
      : `Codeurs : ${coders} ; ${formatNumber(n, language)} transcriptions ${report.coders.length === 2 ? 'double-codées' : 'comparées'}.`
    : named
      ? `Coders: ${coders}; ${report.coders.length === 2 ? 'double-coded' : 'compared'} transcripts: ${ids}.`
      : `Coders: ${coders}; ${formatNumber(n, language)} ${report.coders.length === 2 ? 'double-coded' : 'compared'} transcripts.`;
  return frenchSpacing(`${stats}. ${who}`, language);
}

/** A table of the terminal's model as a table of the thesis documents (render/: Markdown, Word, Excel). */
export function documentTable(table: Table, options: { numbers?: boolean } = {}): DocumentTable {
  // A cell's number, when asked for (xlsx, which shows it with its format as the page does: the
  // sheet can sort and compute); the text as printed everywhere else. An undefined coefficient
  // stays its words.
  const docCell = (c: TableCell): DocumentCell =>
    options.numbers && typeof c.value === 'number' ? { ...numberCell(c.value, c.text), ...(c.format !== undefined ? { format: c.format } : {}) } : textCell(c.text);
  return {
    caption: table.title,
    columns: table.columns.map((c, i) => ({ header: c.label, width: i === 0 ? 4 : c.align === 'left' ? 3 : 1, align: c.align })),
    rows: table.rows.map((row) => ({ cells: row.map(docCell) })),
    ...(table.notes.length > 0 ? { note: [{ text: table.notes.join(' '), italic: true }] } : {}),
    landscape: table.columns.length > 8,
  };
}

/** The agreement (or the disagreements) as a thesis document: its tables, then the sentence for the Methods. */
export function agreementDocument(tables: readonly Table[], paragraphs: readonly string[], language: Language): ReportDocument {
  return {
    title: language === 'fr' ? 'Accord inter-codeurs' : 'Inter-coder agreement',
    language,
    blocks: [...tables.map((t) => ({ type: 'table' as const, table: documentTable(t) })), ...paragraphs.map((p) => ({ type: 'paragraph' as const, content: plain(p) }))],
  };
}

/**
 * The agreement sentence of a study's methods, as `codage compare` writes it with its defaults
 * (sentence units, pooled table): between the coders other than the consensus, on the transcripts
 * at least two of them coded. Null when no transcript was double-coded.
 */
export function studyAgreementSentence(input: {
  transcripts: readonly Transcript[];
  segments: readonly AnchoredSegment[];
  codebook: Codebook;
  coders: readonly string[];
  language: Language;
  /** A consensus coder file is not a coder: it is left out. */
  consensus?: string;
  /** A transcript's sentences already cut (e.g. from a cache); without it they are cut here. */
  sentences?: (transcript: Transcript) => readonly Span[];
}): string | null {
  const coders = input.coders.filter((c) => c !== input.consensus);
  if (coders.length < 2) return null;
  const prepared = prepareComparison({
    unit: 'sentence',
    coders,
    transcripts: input.transcripts,
    segments: input.segments,
    codebook: input.codebook,
    ...(input.sentences ? { sentences: input.sentences } : {}),
  });
  if (prepared.input.transcripts.length === 0 || prepared.input.codes.length === 0) return null;
  // The sentence reads the overall summary alone.
  const report = computeAgreement(prepared.input, { overallOnly: true });
  return thesisSentence({ report, codebook: input.codebook, language: input.language, aggregation: 'pooled', threshold: 0.6, selection: prepared.selection });
}
