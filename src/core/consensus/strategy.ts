/**
 * Non-interactive reconciliation, for scripts: one rule applied to every disagreement not yet
 * decided. `union` keeps both codings (for boundaries, the text either coded); `intersection`
 * keeps only what both coded (for boundaries, the text both coded; otherwise nothing);
 * `prefer-a` and `prefer-b` keep one coder's coding.
 */
import type { Disagreement } from '../analysis/agreement/disagreements.js';
import type { Choice, Decision } from './decisions.js';

export type Strategy = 'union' | 'intersection' | 'prefer-a' | 'prefer-b';

export const STRATEGIES: readonly Strategy[] = ['union', 'intersection', 'prefer-a', 'prefer-b'];

/**
 * The log's `who` of a decision taken by a rule: the command that took it, after the names given
 * with `--who` — so that the log, and the thesis texts built from it, never present a rule's
 * decision as one the coders took themselves.
 */
export function strategyWho(strategy: Strategy, who?: string): string {
  const rule = `codage reconcile --strategy ${strategy}`;
  return who === undefined || who.trim() === '' ? rule : `${who} (${rule})`;
}

/** The strategy that took a decision, from the log's `who` (`strategyWho`); undefined for a decision people took. */
export function strategyOfWho(who: string): Strategy | undefined {
  const m = /codage reconcile --strategy ([a-z-]+)/u.exec(who);
  const strategy = m?.[1] as Strategy | undefined;
  return strategy !== undefined && STRATEGIES.includes(strategy) ? strategy : undefined;
}

/**
 * The people `--who` named for a rule's decision (`marie et paul` of `marie et paul (codage
 * reconcile --strategy union)`): those who chose to settle by that rule; '' when none was named.
 */
export function whoChoseStrategy(who: string): string {
  const m = /^(.*?)\s*\(codage reconcile --strategy [a-z-]+\)\s*$/su.exec(who);
  return m?.[1]?.trim() ?? '';
}

export function strategyChoice(strategy: Strategy, d: Disagreement): Choice {
  switch (strategy) {
    case 'union':
      return 'both';
    case 'intersection':
      return d.kind === 'boundaries' ? 'common' : 'neither';
    case 'prefer-a':
      return 'keep-a';
    case 'prefer-b':
      return 'keep-b';
  }
}

/**
 * Decisions for the disagreements that have none (or only a note): earlier decisions are kept.
 * A note already written stays with the decision.
 */
export function applyStrategy(
  strategy: Strategy,
  disagreements: readonly Disagreement[],
  decisions: ReadonlyMap<string, Decision>,
  who: string,
  when: string,
): Map<string, Decision> {
  const out = new Map(decisions);
  for (const d of disagreements) {
    const existing = decisions.get(d.key);
    if (existing?.choice) continue;
    const decision: Decision = { key: d.key, choice: strategyChoice(strategy, d), who, when };
    if (existing?.note) decision.note = existing.note;
    out.set(d.key, decision);
  }
  return out;
}
