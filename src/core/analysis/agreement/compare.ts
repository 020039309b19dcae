/**
 * Agreement between coders, per code and transcript, then summed up per code, per transcript
 * and overall. Works on plain data: each transcript's units and each coder's spans per code
 * (see `prepare.ts` for building them from a study).
 *
 * For every code and transcript (a "cell"), each unit is coded or not by each coder who coded
 * the transcript; the cell keeps how many units were coded by exactly k coders. From that come
 * percent agreement (units where all coders agree), Krippendorff's alpha (any number of coders;
 * coders who did not code a transcript are missing values there) and, for two coders, the 2×2
 * table and Cohen's kappa.
 */
import { aggregateOver, type Aggregated } from './aggregate.js';
import { defined, notDefined, type Estimate } from './estimate.js';
import { addTables, kappaOfTable, type Table2x2 } from './kappa.js';
import { addBinaryUnit, addCoincidences, binaryAlpha, emptyCoincidences, type BinaryCoincidences } from './krippendorff.js';
import { commonCount, coverageCounts, lengthOf, overlapLength, touchedUnits, type AgreementUnit } from './units.js';
import { mergeSpans } from '../../spans.js';
import type { Span } from '../../types.js';

export interface AgreementTranscript {
  id: string;
  /** Units: characters (code points) for `char`, sentences or paragraphs, 1 for `transcript`. */
  units: number;
  /** The units' spans for `sentence` and `paragraph`; null for `char` and `transcript`. */
  unitSpans: readonly Span[] | null;
  /** Coders whose coding of this transcript is compared, in the input's coder order. */
  coders: readonly string[];
  /** coder → code id → spans (code points for `char` units, else UTF-16 offsets). */
  spans: ReadonlyMap<string, ReadonlyMap<string, readonly Span[]>>;
}

export interface AgreementInput {
  unit: AgreementUnit;
  /** At least two. */
  coders: readonly string[];
  /** Code ids compared, in display order. */
  codes: readonly string[];
  transcripts: readonly AgreementTranscript[];
}

export interface AgreementCell {
  code: string;
  transcript: string;
  units: number;
  /** Units coded by each coder, in the input's coder order; null for a coder not compared here. */
  coded: (number | null)[];
  /** Units on which every compared coder made the same decision. */
  agreed: number;
  /** Two coders only: the 2×2 table (first coder = A). */
  table: Table2x2 | null;
  coincidences: BinaryCoincidences;
  percent: Estimate;
  /** Two coders only. */
  kappa: Estimate | null;
  alpha: Estimate;
}

export interface AgreementSummary {
  /** Units over all the cells summed up (a unit counts once per code). */
  units: number;
  cells: number;
  /** Two coders only: the pooled 2×2 table. */
  table: Table2x2 | null;
  percent: Aggregated;
  kappa: Aggregated | null;
  alpha: Aggregated;
}

export interface AgreementReport {
  unit: AgreementUnit;
  coders: string[];
  codes: string[];
  transcripts: { id: string; units: number; coders: string[] }[];
  /** Code by code, each in transcript order. */
  cells: AgreementCell[];
  byCode: (AgreementSummary & { code: string })[];
  byTranscript: (AgreementSummary & { transcript: string })[];
  overall: AgreementSummary;
}

const NO_SPANS: readonly Span[] = [];
const isEmpty = (spans: readonly Span[]) => spans.length === 0;
const unitsOf = (cell: AgreementCell) => cell.units;
const percentOf = (cell: AgreementCell) => cell.percent;
const alphaOf = (cell: AgreementCell) => cell.alpha;
const kappaOf = (cell: AgreementCell) => cell.kappa;

/** One code in one transcript. */
function computeCell(input: AgreementInput, t: AgreementTranscript, code: string): AgreementCell {
  const m = t.coders.length;
  const perCoder = t.coders.map((coder) => t.spans.get(coder)?.get(code) ?? NO_SPANS);
  const N = t.units;
  // byK[k]: units coded by exactly k of the m coders.
  const byK = new Float64Array(m + 1);
  const codedBy = new Float64Array(m);
  let aOnly = 0;
  let bOnly = 0;
  if (perCoder.every(isEmpty)) {
    byK[0] = N;
  } else if (input.unit === 'transcript') {
    let k = 0;
    perCoder.forEach((s, i) => {
      if (s.length > 0) {
        codedBy[i] = 1;
        k++;
      }
    });
    byK[k] = 1;
    if (m === 2 && k === 1) {
      if (codedBy[0]) aOnly = 1;
      else bOnly = 1;
    }
  } else if (input.unit === 'char') {
    const unions = perCoder.map((s) => mergeSpans(s));
    for (let i = 0; i < m; i++) codedBy[i] = lengthOf(unions[i]!);
    if (m === 2) {
      const both = overlapLength(unions[0]!, unions[1]!);
      aOnly = codedBy[0]! - both;
      bOnly = codedBy[1]! - both;
      byK[2] = both;
      byK[1] = aOnly + bOnly;
      byK[0] = N - both - aOnly - bOnly;
    } else byK.set(coverageCounts(unions, N));
  } else {
    // Sentences or paragraphs: the units each coder touched, as sorted lists (a code touches few).
    const unitSpans = t.unitSpans ?? [];
    const lists = perCoder.map((spans) => touchedUnits(unitSpans, spans));
    for (let i = 0; i < m; i++) codedBy[i] = lists[i]!.length;
    if (m === 2) {
      const both = commonCount(lists[0]!, lists[1]!);
      aOnly = lists[0]!.length - both;
      bOnly = lists[1]!.length - both;
      byK[2] = both;
      byK[1] = aOnly + bOnly;
      byK[0] = N - both - aOnly - bOnly;
    } else {
      const counts = new Map<number, number>();
      for (const list of lists) for (const u of list) counts.set(u, (counts.get(u) ?? 0) + 1);
      for (const k of counts.values()) byK[k]!++;
      byK[0] = N - counts.size;
    }
  }
  const coincidences = emptyCoincidences();
  for (let k = 0; k <= m; k++) addBinaryUnit(coincidences, m, k, byK[k]!);
  const agreed = byK[0]! + byK[m]!;
  const coded: (number | null)[] = input.coders.map((coder) => {
    const i = t.coders.indexOf(coder);
    return i < 0 ? null : codedBy[i]!;
  });
  let table: Table2x2 | null = null;
  let kappa: Estimate | null = null;
  if (input.coders.length === 2 && m === 2) {
    table = { both: byK[2]!, aOnly, bOnly, neither: byK[0]! };
    kappa = kappaOfTable(table).kappa;
  }
  return {
    code,
    transcript: t.id,
    units: N,
    coded,
    agreed,
    table,
    coincidences,
    percent: N === 0 ? notDefined('no-units') : defined(agreed / N),
    kappa,
    alpha: binaryAlpha(coincidences),
  };
}

/** Sums up cells: pooled table and coincidences, and means of the cells' coefficients. */
export function summarise(cells: readonly AgreementCell[], twoCoders: boolean): AgreementSummary {
  let units = 0;
  let agreed = 0;
  const coincidences = emptyCoincidences();
  for (const cell of cells) {
    units += cell.units;
    agreed += cell.agreed;
    addCoincidences(coincidences, cell.coincidences);
  }
  const percent = aggregateOver(units === 0 ? notDefined('no-units') : defined(agreed / units), cells, percentOf, unitsOf);
  const alpha = aggregateOver(binaryAlpha(coincidences), cells, alphaOf, unitsOf);
  let table: Table2x2 | null = null;
  let kappa: Aggregated | null = null;
  if (twoCoders) {
    table = addTables(cells.map((c) => c.table).filter((t): t is Table2x2 => t !== null));
    kappa = aggregateOver(kappaOfTable(table).kappa, cells, kappaOf, unitsOf);
  }
  return { units, cells: cells.length, table, percent, kappa, alpha };
}

/**
 * The agreement of the coders in `input`: every cell, each code's and each transcript's summary,
 * and the overall one. `overallOnly`: the per-code and per-transcript summaries are left empty
 * (the Methods' sentence reads the overall summary alone; each summary reads every cell again).
 */
export function computeAgreement(input: AgreementInput, options: { overallOnly?: boolean } = {}): AgreementReport {
  const every = options.overallOnly !== true;
  if (input.coders.length < 2) throw new RangeError('computeAgreement: at least two coders');
  const twoCoders = input.coders.length === 2;
  const cells: AgreementCell[] = [];
  const byTranscriptCells = new Map<string, AgreementCell[]>(input.transcripts.map((t) => [t.id, []]));
  const byCode: AgreementReport['byCode'] = [];
  for (const code of input.codes) {
    const codeCells: AgreementCell[] = [];
    for (const t of input.transcripts) {
      if (t.coders.length < 2) continue;
      const cell = computeCell(input, t, code);
      codeCells.push(cell);
      cells.push(cell);
      byTranscriptCells.get(t.id)!.push(cell);
    }
    if (every) byCode.push({ code, ...summarise(codeCells, twoCoders) });
  }
  return {
    unit: input.unit,
    coders: [...input.coders],
    codes: [...input.codes],
    transcripts: input.transcripts.map((t) => ({ id: t.id, units: t.units, coders: [...t.coders] })),
    cells,
    byCode,
    byTranscript: every ? input.transcripts.map((t) => ({ transcript: t.id, ...summarise(byTranscriptCells.get(t.id)!, twoCoders) })) : [],
    overall: summarise(cells, twoCoders),
  };
}
