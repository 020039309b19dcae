import { assertStudyFolder, listCoders } from '../../io/study.js';
import { resolve } from 'node:path';
import { AGGREGATIONS, pick, type Aggregated, type Aggregation } from '../../core/analysis/agreement/aggregate.js';
import { computeAgreement, type AgreementCell, type AgreementSummary } from '../../core/analysis/agreement/compare.js';
import type { Disagreement, SideItem } from '../../core/analysis/agreement/disagreements.js';
import { reasonText, type Estimate } from '../../core/analysis/agreement/estimate.js';
import { prepareComparison, type PreparedComparison } from '../../core/analysis/agreement/prepare.js';
import { AGREEMENT_UNITS, type AgreementUnit } from '../../core/analysis/agreement/units.js';
import { codeLabel } from '../../core/codebook/query.js';
import { planReconciliation } from '../../core/consensus/plan.js';
import { UsageError } from '../../core/errors.js';
import { kindLabel } from '../../core/consensus/log.js';
import { agreementDocument, codeTable, documentTable, thesisSentence, transcriptTable, unitText, type AgreementView } from '../../core/report/agreement.js';
import { renderCsv } from '../../core/report/render/csv.js';
import { renderMarkdown } from '../../core/report/render/markdown.js';
import { disagreementLine, disagreementTable, type DisagreementEntry } from '../../core/report/disagreements.js';
import { deName, frenchSpacing, joinList, wrapQuote } from '../../core/report/typography.js';
import { tableToCsv, tableToText } from '../../core/report/table.js';
import { transcriptOffsets } from '../../core/study/anchor-codings.js';
import type { Study } from '../../core/study/study.js';
import type { Codebook, Language, Transcript } from '../../core/types.js';
import { openSentenceCache } from '../../io/sentence-cache.js';
import type { CommandContext } from '../context.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { warnOfUnfinishedReading } from '../unfinished-reading.js';
import { outputFormat, refuseStudyData, writeData, writeOutput } from '../output-file.js';
import { formatNumber, paint } from '../output.js';
import { jsonPieces } from '../../core/text/json-bytes.js';
import { terminalSafe, terminalSafeData } from '../../core/text/terminal.js';
import { someNames } from '../../core/text/some-names.js';
import { resolveCoder } from '../coder.js';
import { numberOption, parseParticipants } from '../study-checks.js';

export type CompareFormat = 'text' | 'md' | 'csv' | 'excel' | 'xlsx' | 'docx';

interface CompareOptions {
  study: string;
  unit: AgreementUnit;
  participants?: string;
  aggregate: Aggregation;
  threshold?: string;
  tolerance?: string;
  disagreements?: boolean;
  format: CompareFormat;
  json?: boolean;
  output?: string;
}

export const DEFAULT_THRESHOLD = 0.6;
export const DEFAULT_TOLERANCE = 3;

export async function run(baseCtx: CommandContext, coders: string[], options: CompareOptions): Promise<number> {
  const names = [...new Set(coders)];
  if (names.length < 2) {
    // The example names the study's own coders when it has two (`compare lea` → `compare lea thomas`).
    await assertStudyFolder(resolve(options.study));
    const known = await listCoders(resolve(options.study));
    const pair = known.includes(names[0] ?? '') ? [names[0]!, ...known.filter((c) => c !== names[0])].slice(0, 2) : known.slice(0, 2);
    const example = pair.length === 2 ? `codage compare ${pair.join(' ')}` : 'codage compare marie paul';
    throw new UsageError(
      { en: 'compare needs at least two different coders', fr: 'compare demande au moins deux codeurs différents' },
      {
        en: `for example: ${example}${known.length > 0 ? ` (coders of the study: ${known.join(', ')})` : ''}`,
        fr: `par exemple : ${example}${known.length > 0 ? ` (codeurs de l’étude : ${known.join(', ')})` : ''}`,
      },
    );
  }
  if (!AGREEMENT_UNITS.includes(options.unit) || !AGGREGATIONS.includes(options.aggregate)) throw new Error('commander let an unknown choice through');
  const threshold = numberOption('--threshold', options.threshold, DEFAULT_THRESHOLD, -1, 1);
  const tolerance = numberOption('--tolerance', options.tolerance, DEFAULT_TOLERANCE, 0, 1000, true);
  if (options.output) refuseStudyData(resolve(options.study), options.output, '-o');
  const format = outputFormat('compare', options.json ? 'json' : options.format, options.output, ['text', 'md', 'csv', 'excel', 'xlsx', 'docx', 'json'], 'text');
  // Each name checked against the study's coders (a typo is said, with the nearest name) before reading.
  for (let i = 0; i < names.length; i++) names[i] = (await resolveCoder(resolve(options.study), names[i]!, { mustExist: true, given: '' })).coder;
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, { coders: names });
  warnIfIncomplete(ctx, problems);
  const participants = parseParticipants(study, options.participants);
  const language = ctx.language;
  const selectionInput = { coders: names, transcripts: study.transcripts, segments, ...(participants ? { participants } : {}) };
  // Sentences take longer to cut than the study to read: kept in .codage/cache between runs.
  const store = options.unit === 'sentence' ? await openSentenceCache(study.root) : undefined;
  const prepared = prepareComparison({
    ...selectionInput,
    unit: options.unit,
    codebook: study.codebook,
    ...(store ? { sentences: (t: Transcript) => store.of(t) } : {}),
  });
  store?.save();
  if (prepared.input.transcripts.length === 0) {
    throw new UsageError(
      {
        en: `no transcript was coded by ${names.length === 2 ? 'both' : 'at least two'} of ${names.join(', ')}: nothing to compare`,
        fr: `aucune transcription n’a été codée par ${names.length === 2 ? 'les deux codeurs' : 'au moins deux'} parmi ${names.join(', ')} : rien à comparer`,
      },
      { en: 'name the double-coded transcripts with --participants P1,P4', fr: 'indiquer les transcriptions double-codées avec --participants P1,P4' },
    );
  }
  // A coder who stopped reading a double-coded transcript half-way: what follows counts as not coded.
  const comparedTranscripts = prepared.input.transcripts.map((t) => study.transcriptById.get(t.id)).filter((t): t is Transcript => t !== undefined);
  await warnOfUnfinishedReading(ctx, study.root, names, comparedTranscripts);
  const report = computeAgreement(prepared.input);
  const view: AgreementView = { report, codebook: study.codebook, language, aggregation: options.aggregate, threshold, selection: prepared.selection };
  // The tables for the thesis do not list disagreements: they are found only when shown.
  const entries = format === 'json' || format === 'text' || options.disagreements ? disagreementsOf(study, names, prepared, segments, tolerance) : [];

  if ((format === 'docx' || format === 'xlsx') && !options.output) {
    throw new UsageError({ en: `--format ${format} writes a file: add -o FILE.${format}`, fr: `--format ${format} écrit un fichier : ajouter -o FICHIER.${format}` });
  }
  // What is written: the agreement tables and the sentence, or the list of disagreements.
  const tables = options.disagreements ? [disagreementTable(entries, study.codebook, language, tolerance)] : [codeTable(view), transcriptTable(view)];
  const paragraphs = options.disagreements ? [] : [thesisSentence(view)];
  let out: string | Uint8Array | Uint8Array[];
  // Made piece by piece (17 MB of disagreements for 200 interviews); on a terminal, escaped as the other formats are.
  if (format === 'json') out = jsonPieces(jsonReport(view, prepared, entries, study.codebook, tolerance), !options.output && ctx.stdout.isTTY ? terminalSafe : undefined);
  else if (format === 'text') out = options.disagreements ? renderDisagreements(entries, study.codebook, language, tolerance) : renderText(view, prepared, entries, ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : Number.POSITIVE_INFINITY);
  // CSV for R or Python keeps the numbers in full; the other formats show the table as printed.
  else if (format === 'csv') out = tableToCsv(tables[0]!);
  else {
    const doc = agreementDocument(tables, paragraphs, language);
    if (format === 'md') out = renderMarkdown(doc, { title: false });
    // A spreadsheet holds one table: the codes' (its last row is the overall), or the disagreements.
    else if (format === 'excel') out = renderCsv(documentTable(tables[0]!), 'excel');
    else if (format === 'xlsx') {
      const { renderXlsx } = await import('../../core/report/render/xlsx.js');
      out = await renderXlsx(documentTable(tables[0]!, { numbers: true }));
    } else {
      const { renderDocx } = await import('../../core/report/render/docx.js');
      out = await renderDocx(doc);
    }
  }
  if (options.output) {
    const path = resolve(options.output);
    await writeOutput(path, out, { study: study.root, option: '-o' });
    ctx.stderr.write(language === 'fr' ? `Écrit dans ${terminalSafe(path)}\n` : `Written to ${terminalSafe(path)}\n`);
  } else {
    // The text report shows the study's names and quotes escaped (see renderText); the other
    // formats keep them exact, escaped only on a terminal.
    writeData(ctx.stdout, format !== 'text' && ctx.stdout.isTTY && typeof out === 'string' ? terminalSafe(out) : out);
  }
  return 0;
}

/** The disagreements on screen: one block each, quotes in full. */
function renderDisagreements(entries: DisagreementEntry[], codebook: Codebook, language: Language, tolerance: number): string {
  const fr = language === 'fr';
  const colon = fr ? '\u00a0: ' : ': ';
  const table = disagreementTable(entries, codebook, language, tolerance);
  if (entries.length === 0) return fr ? 'Aucun désaccord.\n' : 'No disagreement.\n';
  let out = `${paint.bold(table.title)} (${entries.length})\n`;
  const side = (who: string, items: readonly SideItem[], text: string) => {
    if (items.length === 0) return `  ${who}${colon}${paint.dim('—')}\n`;
    return items
      .map((i) => `  ${who}${colon}${paint.bold(terminalSafe(i.codes.map((c) => codeLabel(codebook, c)).join(', ')))} — ${wrapQuote(terminalSafe(text.slice(i.start, i.end)), language)}\n`)
      .join('');
  };
  for (const { coders, disagreement: d, transcript } of entries) {
    out += `\n${terminalSafe(d.participant)} ${fr ? 'l.' : 'line'} ${disagreementLine(d, transcript)} · ${kindLabel(d.kind)[language]}\n`;
    out += side(coders[0], d.a, transcript.text) + side(coders[1], d.b, transcript.text);
  }
  return `${out}\n${paint.dim(table.notes.join(' '))}\n`;
}

/** Disagreements of every pair of coders, in the compared transcripts. */
function disagreementsOf(study: Study, coders: string[], prepared: PreparedComparison, segments: Parameters<typeof planReconciliation>[0]['segments'], tolerance: number): DisagreementEntry[] {
  const entries: DisagreementEntry[] = [];
  const compared = prepared.input.transcripts;
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const [a, b] = [coders[i]!, coders[j]!];
      const ids = compared.filter((t) => t.coders.includes(a) && t.coders.includes(b)).map((t) => t.id);
      if (ids.length === 0) continue;
      const rec = planReconciliation({
        a: { coder: a, memos: {} },
        b: { coder: b, memos: {} },
        transcripts: study.transcripts,
        segments: segments.filter((s) => s.coder === a || s.coder === b),
        participants: ids,
        tolerance,
      });
      for (const c of rec.compared) for (const d of c.alignment.disagreements) entries.push({ coders: [a, b], disagreement: d, transcript: c.transcript });
    }
  }
  return entries;
}

function listOf(ids: string[], language: Language): string {
  return ids.length === 0 ? (language === 'fr' ? 'aucune' : 'none') : someNames(ids, language);
}

/** The report on screen: names, ids and quotes from the study with their control characters escaped (core/text/terminal.ts). */
/** The report for the terminal; `width`: the terminal's, which the tables fit (their names cut), or none for a pipe or a file. */
function renderText(view: AgreementView, prepared: PreparedComparison, entries: DisagreementEntry[], width: number): string {
  const { report, language } = view;
  const fr = language === 'fr';
  const colon = fr ? '\u00a0: ' : ': ';
  let out = '';
  const compared = report.transcripts.map((t) => terminalSafe(t.id));
  const why =
    prepared.selection === 'listed'
      ? fr ? 'demandées (--participants)' : 'as asked (--participants)'
      : prepared.selection === 'coded-by-all'
        ? fr ? 'codées par les deux' : 'coded by both'
        : fr ? 'codées par au moins deux d’entre eux' : 'coded by at least two of them';
  out += `${paint.bold(fr ? `Accord entre ${joinList(report.coders, language)}` : `Agreement between ${joinList(report.coders, language)}`)} — ${frenchSpacing(unitText(report.unit, language), language)}\n`;
  out += `  ${fr ? `Transcriptions comparées (${why})` : `Transcripts compared (${why})`}${colon}${listOf(compared, language)}\n`;
  if (prepared.notCompared.length > 0) {
    const list = prepared.notCompared.map((t) => `${terminalSafe(t.id)} (${t.coders.join(', ')})`).join(', ');
    out += `  ${fr ? 'Non comparées' : 'Not compared'}${colon}${list}\n`;
  }
  for (const u of prepared.uncoded) {
    out += `  ${paint.yellow(fr ? 'attention' : 'warning')}${colon}${fr ? `${u.coder} n’a rien codé dans ${u.participant} (comparé quand même\u00a0: chaque unité compte comme non codée)` : `${u.coder} coded nothing in ${u.participant} (compared anyway: every unit counts as not coded)`}\n`;
  }
  for (const [coder, n] of Object.entries(prepared.unplaced)) {
    if (n > 0) out += `  ${paint.yellow(fr ? 'attention' : 'warning')}${colon}${fr ? `${n} segment(s) ${deName(coder)} introuvable(s) dans leur transcription, laissé(s) de côté (voir codage check)` : `${n} segment(s) of ${coder} cannot be placed in their transcript and are left out (see codage check)`}\n`;
  }
  const codes = terminalSafeData(codeTable(view));
  out += `\n${paint.bold(codes.title)}\n${tableToText(codes, paint.red, width)}`;
  const transcripts = terminalSafeData(transcriptTable(view));
  out += `\n${paint.bold(transcripts.title)}\n${tableToText(transcripts, paint.red, width)}`;
  out += `\n${codes.notes.map((n) => paint.dim(n)).join('\n')}\n`;
  const two = report.coders.length === 2;
  const low = report.byCode.filter((s) => {
    const e = pick(two ? s.kappa! : s.alpha, view.aggregation);
    return e.defined && e.value < view.threshold;
  });
  if (low.length > 0) {
    out += `\n${paint.red(fr ? `Sous le seuil (${two ? 'κ' : 'α'} < ${String(view.threshold).replace('.', ',')})` : `Under the threshold (${two ? 'κ' : 'α'} < ${view.threshold})`)}${colon}${terminalSafe(low.map((s) => codeLabel(view.codebook, s.code)).join(', '))}\n`;
  }
  const byKind = (kind: Disagreement['kind']) => formatNumber(entries.filter((e) => e.disagreement.kind === kind).length, language);
  out += `\n${paint.bold(fr ? 'Désaccords' : 'Disagreements')}${colon}${formatNumber(entries.length, language)}`;
  if (entries.length > 0) {
    out += fr
      ? ` (code d’un seul codeur ${byKind('one-sided')}, codes différents ${byKind('different-codes')}, limites ${byKind('boundaries')})\n  liste\u00a0: codage compare ${report.coders.join(' ')} --disagreements\u202f; mise en commun\u00a0: codage reconcile ${report.coders.slice(0, 2).join(' ')} --into consensus\n`
      : ` (one coder only ${byKind('one-sided')}, different codes ${byKind('different-codes')}, boundaries ${byKind('boundaries')})\n  list: codage compare ${report.coders.join(' ')} --disagreements; to settle them: codage reconcile ${report.coders.slice(0, 2).join(' ')} --into consensus\n`;
  } else out += '\n';
  out += `\n${paint.bold(fr ? 'Pour la thèse' : 'For the thesis')}\n${terminalSafe(thesisSentence(view))}\n`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

function estimateJson(e: Estimate, language: Language): { value: number | null; undefined?: string; reason?: string } {
  return e.defined ? { value: e.value } : { value: null, undefined: e.reason, reason: reasonText(e.reason)[language] };
}

function aggregatedJson(a: Aggregated, language: Language) {
  return {
    pooled: estimateJson(a.pooled, language),
    mean: { ...estimateJson(a.mean.estimate, language), averaged: a.mean.averaged, leftOut: a.mean.leftOut },
    weighted: { ...estimateJson(a.weighted.estimate, language), averaged: a.weighted.averaged, leftOut: a.weighted.leftOut },
  };
}

function summaryJson(s: AgreementSummary, language: Language) {
  return {
    units: s.units,
    cells: s.cells,
    table: s.table,
    percent: aggregatedJson(s.percent, language),
    kappa: s.kappa ? aggregatedJson(s.kappa, language) : null,
    alpha: aggregatedJson(s.alpha, language),
  };
}

function cellJson(c: AgreementCell, language: Language) {
  return {
    code: c.code,
    transcript: c.transcript,
    units: c.units,
    coded: c.coded,
    agreed: c.agreed,
    table: c.table,
    percent: estimateJson(c.percent, language),
    kappa: c.kappa ? estimateJson(c.kappa, language) : null,
    alpha: estimateJson(c.alpha, language),
  };
}

function sideJson(items: readonly SideItem[], t: Transcript) {
  const map = transcriptOffsets(t);
  return items.map((i) => ({ start: map.toCodePoint(i.start), end: map.toCodePoint(i.end), codes: i.codes, segments: i.segments, text: t.text.slice(i.start, i.end) }));
}

function jsonReport(view: AgreementView, prepared: PreparedComparison, entries: DisagreementEntry[], codebook: Codebook, tolerance: number) {
  const { report, language } = view;
  const two = report.coders.length === 2;
  return {
    method: {
      coders: report.coders,
      unit: report.unit,
      unitDescription: unitText(report.unit, language),
      coefficients: [...(two ? ["Cohen's kappa (2×2 table per code, NVivo's expected frequencies)"] : []), "Krippendorff's alpha (nominal, binary per code)", 'percent agreement'],
      aggregation: view.aggregation,
      threshold: view.threshold,
      tolerance,
      selection: prepared.selection,
      transcripts: report.transcripts,
      notCompared: prepared.notCompared,
      uncoded: prepared.uncoded,
      unplaced: prepared.unplaced,
    },
    codes: report.byCode.map((s) => {
      const main = pick(two ? s.kappa! : s.alpha, view.aggregation);
      return { id: s.code, name: codeLabel(codebook, s.code), inCodebook: codebook.byId.has(s.code), ...summaryJson(s, language), belowThreshold: main.defined && main.value < view.threshold };
    }),
    transcripts: report.byTranscript.map((s) => ({ id: s.transcript, ...summaryJson(s, language) })),
    overall: summaryJson(report.overall, language),
    cells: report.cells.map((c) => cellJson(c, language)),
    disagreements: entries.map(({ coders, disagreement: d, transcript }) => ({
      coders,
      participant: d.participant,
      line: disagreementLine(d, transcript),
      kind: d.kind,
      key: d.key,
      a: sideJson(d.a, transcript),
      b: sideJson(d.b, transcript),
      ...(d.wordsApart !== undefined ? { wordsApart: d.wordsApart } : {}),
    })),
    sentence: thesisSentence(view),
  };
}
