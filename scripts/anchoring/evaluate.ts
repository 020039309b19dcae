/**
 * Scores the import's anchoring on the test set (test-set.ts): the set is imported as one
 * spreadsheet, exactly as `codage import-codings` plans it, and every row's segments are
 * compared with the passages the quote truly comes from.
 *
 * - wrong: a segment holds a letter or digit outside the true passages (or the quote is not in
 *   this transcript and something was placed);
 * - anchored: not wrong, every true passage has a segment on it, and the segments cover at
 *   least 80 % of the true passages' letters;
 * - partly anchored: not wrong, some segment, but not anchored;
 * - left for review: nothing placed.
 * Rows whose quote is not in the transcript (truth empty) count only for `wrong`.
 */
import { detectColumns, type ImportColumns } from '../../src/core/import/columns.js';
import { planImport, type ImportPlan, type ImportRowResult } from '../../src/core/import/plan.js';
import type { Span } from '../../src/core/types.js';
import { CATEGORIES, importTranscripts, type Category, type TestQuote, type TestSet } from './test-set.js';

export type Outcome = 'anchored' | 'partial' | 'left' | 'wrong';

export interface QuoteOutcome {
  quote: TestQuote;
  result: ImportRowResult;
  outcome: Outcome;
  /** Share of the true passages' letters covered by segments. */
  coverage: number;
}

export interface CategoryScore {
  category: Category | 'all';
  quotes: number;
  /** Quotes whose truth is in the transcript (the base of the percentages). */
  scored: number;
  anchored: number;
  partial: number;
  left: number;
  wrong: number;
  /** Rows with a passage chosen among several places (marked ambiguous). */
  ambiguous: number;
}

export interface Evaluation {
  outcomes: QuoteOutcome[];
  categories: CategoryScore[];
  milliseconds: number;
}

const WORD = /[\p{L}\p{N}]/u;

function inside(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
}

/**
 * `marks`: the transcript's annotations (`euh`, `*rire*`): an author leaves them out at the ends
 * of a quote, so they do not count in the coverage.
 */
export function judge(text: string, truth: readonly Span[], placed: readonly Span[], marks: readonly Span[] = []): { outcome: Outcome; coverage: number } {
  for (const p of placed) {
    for (let i = p.start; i < p.end; i++) if (WORD.test(text[i]!) && !inside(truth, i)) return { outcome: 'wrong', coverage: 0 };
  }
  if (placed.length === 0) return { outcome: 'left', coverage: 0 };
  let letters = 0;
  let covered = 0;
  for (const t of truth) {
    for (let i = t.start; i < t.end; i++) {
      if (!WORD.test(text[i]!) || inside(marks, i)) continue;
      letters++;
      if (inside(placed, i)) covered++;
    }
  }
  const coverage = letters === 0 ? 0 : covered / letters;
  const everyPassage = truth.every((t) => placed.some((p) => p.start < t.end && t.start < p.end));
  return { outcome: everyPassage && coverage >= 0.8 ? 'anchored' : 'partial', coverage };
}

const HEADER = ['Participant', 'Code', 'Verbatim'];

export function evaluate(set: TestSet, options: { minScore?: number } = {}): Evaluation & { plan: ImportPlan } {
  const columns = detectColumns(HEADER) as ImportColumns;
  const rows = set.quotes.map((q, i) => ({ row: i + 2, cells: [q.participantCell, q.code, q.quote] }));
  const started = performance.now();
  const plan = planImport({ rows, columns, transcripts: importTranscripts(set.transcripts), minScore: options.minScore });
  const milliseconds = performance.now() - started;
  const byId = new Map(set.transcripts.map((t) => [t.id, t]));
  const outcomes = set.quotes.map((quote, i): QuoteOutcome => {
    const result = plan.results[i]!;
    const transcript = byId.get(quote.participant)!;
    const placedElsewhere = result.participant !== null && result.participant !== quote.participant && result.pieces.length > 0;
    const { outcome, coverage } = placedElsewhere
      ? { outcome: 'wrong' as const, coverage: 0 }
      : judge(transcript.text, quote.truth, result.pieces, transcript.annotations);
    return { quote, result, outcome, coverage };
  });
  const score = (category: Category | 'all'): CategoryScore => {
    const mine = outcomes.filter((o) => category === 'all' || o.quote.category === category);
    const scored = mine.filter((o) => o.quote.truth.length > 0);
    const count = (outcome: Outcome) => scored.filter((o) => o.outcome === outcome).length;
    return {
      category,
      quotes: mine.length,
      scored: scored.length,
      anchored: count('anchored'),
      partial: count('partial'),
      left: count('left'),
      wrong: mine.filter((o) => o.outcome === 'wrong').length,
      ambiguous: mine.filter((o) => o.result.ambiguous).length,
    };
  };
  return { plan, outcomes, milliseconds, categories: [...CATEGORIES.map(score), score('all')] };
}

function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`;
}

/** The table of results per category, in Markdown (it reads as plain text in a terminal too). */
export function formatTable(categories: readonly CategoryScore[]): string {
  const lines = [
    '| category | quotes | anchored | partly anchored | left for review | wrong | ambiguous (to confirm) |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of categories) {
    const name = c.category === 'all' ? '**all**' : c.category;
    lines.push(
      `| ${name} | ${c.quotes} | ${c.anchored} (${percent(c.anchored, c.scored)}) | ${c.partial} | ${c.left} | ${c.wrong} | ${c.ambiguous} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
