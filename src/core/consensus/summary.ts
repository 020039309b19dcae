/**
 * How the disagreements of a mise en commun were settled, read from its decisions log: how many
 * the coders decided one by one (in the reconcile screen, or written by hand in the log), with who
 * the log names, and how many a `--strategy` rule settled, rule by rule. The thesis texts
 * (methods, COREQ item 24, the report) say it from these numbers, never from a guess.
 */
import type { LogRow } from './log.js';
import { STRATEGIES, strategyOfWho, type Strategy, whoChoseStrategy } from './strategy.js';

export interface DecisionsSummary {
  /** The decisions log, relative to the study (`consensus-decisions.csv`). */
  log: string;
  /** The two coders as the log names them (columns coder_a, coder_b), when it does. */
  coders?: [string, string];
  /** Decisions people took, one disagreement at a time. */
  byPeople: number;
  /**
   * The people the log names for them, each once, in order of first appearance: a `who` cell
   * names one or several (`marie et paul`, `Marie D. & Paul L.`), as `--who` or the default (both
   * coders, joined in the study's language) wrote it.
   */
  who: string[];
  /**
   * Decisions a rule took, per strategy (in the order of `STRATEGIES`), none with a zero count;
   * `who`: the people `--who` named as choosing that rule (`peopleNamed`), absent when it named nobody.
   */
  byStrategy: { strategy: Strategy; count: number; who?: string[] }[];
  /**
   * The disagreements of the two coders and how many are still to settle, when codage recorded
   * them for the consensus as it is and they match the log (absent otherwise: then only the
   * log's decisions are known).
   */
  total?: number;
  pending?: number;
}

/** The conjunctions between names in a `who` cell: `et`, `and` (after a comma or not), `&`, `+`. */
const JOINED = /\s*,?\s+(?:et|and)\s+|\s*[&+]\s*/iu;

/**
 * The people a log's `who` cell names, in order: `marie et paul` (as codage reconcile writes it in
 * a French study), `Marie and Paul`, `marie, paul & anne`, `marie+paul`, `marie, paul`. A comma
 * separates names too, unless every name the conjunctions give holds one: `Dupont, Marie et
 * Leroy, Paul` is two people. The thesis texts join them again in their own language.
 */
export function peopleOf(who: string): string[] {
  const parts = who.split(JOINED).map((part) => part.trim()).filter((part) => part !== '');
  const commasInNames = parts.length > 1 && parts.every((part) => part.includes(','));
  return (commasInNames ? parts : parts.flatMap((part) => part.split(','))).map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * The people who settled the disagreements, each once, in the order met (`Marie` and `marie` are
 * one person): what the summary keeps of the names `peopleOf` reads, and what the sentences name.
 */
export function peopleNamed(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.trim().toLocaleLowerCase('fr');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/** The decisions of a log, by who took them. Rows with only a note are no decision. */
export function summarizeDecisions(rows: readonly LogRow[], log: string): DecisionsSummary {
  let byPeople = 0;
  const names: string[] = [];
  const counts = new Map<Strategy, number>();
  const ruleNames = new Map<Strategy, string[]>();
  let coders: [string, string] | undefined;
  for (const row of rows) {
    if (row.decision.choice === null) continue;
    const a = row.cells.coder_a.trim();
    const b = row.cells.coder_b.trim();
    if (coders === undefined && a !== '' && b !== '') coders = [a, b];
    const strategy = strategyOfWho(row.decision.who);
    if (strategy !== undefined) {
      counts.set(strategy, (counts.get(strategy) ?? 0) + 1);
      ruleNames.set(strategy, [...(ruleNames.get(strategy) ?? []), ...peopleOf(whoChoseStrategy(row.decision.who))]);
      continue;
    }
    byPeople++;
    names.push(...peopleOf(row.decision.who));
  }
  return {
    log,
    ...(coders ? { coders } : {}),
    byPeople,
    who: peopleNamed(names),
    byStrategy: STRATEGIES.filter((s) => counts.has(s)).map((strategy) => {
      const who = peopleNamed(ruleNames.get(strategy) ?? []);
      return { strategy, count: counts.get(strategy)!, ...(who.length > 0 ? { who } : {}) };
    }),
  };
}

/** How many decisions the log holds. */
export function decidedCount(summary: DecisionsSummary): number {
  return summary.byPeople + summary.byStrategy.reduce((sum, s) => sum + s.count, 0);
}

/**
 * Adds the number of disagreements and those still to settle that `codage reconcile` recorded,
 * when they agree with the log (every decision of the log on a disagreement of today): a log
 * holding decisions on disagreements that no longer exist gives no total.
 */
export function withRecordedTotal(summary: DecisionsSummary, recorded: { disagreements: number; pending: number } | null): DecisionsSummary {
  if (recorded === null || !Number.isInteger(recorded.disagreements) || !Number.isInteger(recorded.pending)) return summary;
  if (recorded.disagreements - recorded.pending !== decidedCount(summary)) return summary;
  return { ...summary, total: recorded.disagreements, pending: recorded.pending };
}
