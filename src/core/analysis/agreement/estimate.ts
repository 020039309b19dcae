/**
 * A statistic's value, or the plain reason it has none.
 *
 * Agreement coefficients are undefined in ordinary situations — neither coder applied a code
 * in a transcript (expected agreement 1), a transcript has no units, every value is the same
 * category — and a thesis must say so rather than print 1, 0 or NaN. Every coefficient of
 * `codage` is an `Estimate`: a number, or `undefined` with its reason.
 */
import type { Localized } from '../../types.js';

export type UndefinedReason =
  /** Nothing to compare: no unit at all (an empty transcript, no transcript). */
  | 'no-units'
  /** Both coders gave every unit the same single category: expected agreement is 1 (κ = 0/0). */
  | 'expected-agreement-one'
  /** Fewer than two values in any unit: nothing can be paired (α). */
  | 'no-pairable-values'
  /** Every value is the same category: no variation to agree on (α = 0/0). */
  | 'single-category'
  /** A mean over cells that are all undefined. */
  | 'all-undefined';

export type Estimate = { defined: true; value: number } | { defined: false; reason: UndefinedReason };

export const defined = (value: number): Estimate => ({ defined: true, value });
export const notDefined = (reason: UndefinedReason): Estimate => ({ defined: false, reason });

/** The value, or null when undefined (for JSON and arithmetic). */
// biome-ignore lint/suspicious/noShadowRestrictedNames: a module function, not a method: it shadows nothing an Estimate has
export function valueOf(estimate: Estimate): number | null {
  return estimate.defined ? estimate.value : null;
}

const REASONS: Record<UndefinedReason, Localized> = {
  'no-units': { en: 'no units to compare', fr: 'aucune unité à comparer' },
  'expected-agreement-one': {
    en: 'both coders gave every unit the same category (expected agreement 1)',
    fr: 'les deux codeurs ont classé toutes les unités dans la même catégorie (accord attendu de 1)',
  },
  'no-pairable-values': {
    en: 'no unit was coded by two coders or more',
    fr: 'aucune unité codée par au moins deux codeurs',
  },
  'single-category': {
    en: 'every value is the same category (no variation)',
    fr: 'toutes les valeurs sont de la même catégorie (aucune variation)',
  },
  'all-undefined': { en: 'undefined wherever it was computed', fr: 'non défini partout où il a été calculé' },
};

/** Why an estimate is undefined, in words. */
export function reasonText(reason: UndefinedReason): Localized {
  return REASONS[reason];
}
