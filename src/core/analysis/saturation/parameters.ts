/**
 * Saturation parameters as the researcher types them on the command line: `--threshold 5` (or
 * `5 %`, `2,5`), `--stopping 10+3` or `last-two`, `--shares 90,95,100`, `--method guest,stopping`.
 * Anything else is refused with what to write instead (a usage error, exit 2).
 */
import { UsageError } from '../../errors.js';
import { GUEST_DEFAULTS, type GuestDenominator } from './guest.js';
import { SATURATION_DEFAULTS, SATURATION_METHODS, type SaturationLevel, type SaturationMethod, type SaturationOptions } from './saturation.js';
import { LAST_TWO, STOPPING_DEFAULTS, type StoppingParameters } from './stopping-rule.js';

export interface SaturationArguments {
  level?: string;
  method?: string;
  base?: string;
  run?: string;
  threshold?: string;
  denominator?: string;
  stopping?: string;
  shares?: string;
  coder?: string;
  by?: string;
}

function wholeNumber(option: string, value: string, min: number): number {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min) {
    throw new UsageError(
      { en: `${option} must be a whole number of interviews, at least ${min}: not "${value}"`, fr: `${option} doit être un nombre entier d’entretiens, au moins ${min} : pas « ${value} »` },
      { en: `e.g. ${option} ${Math.max(min, 2)}`, fr: `par exemple ${option} ${Math.max(min, 2)}` },
    );
  }
  return Number(trimmed);
}

/** A percentage: `5`, `5%`, `5 %`, `2,5`, `2.5`. */
function percentage(option: string, value: string): number {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(value);
  const n = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (!m || n > 100) {
    throw new UsageError(
      { en: `${option} is a percentage from 0 to 100: not "${value}"`, fr: `${option} est un pourcentage de 0 à 100 : pas « ${value} »` },
      { en: `e.g. ${option} 5 for 5 %`, fr: `par exemple ${option} 5 pour 5 %` },
    );
  }
  // 0.05 is most likely 5 % written as a fraction: ask rather than guess.
  if (n > 0 && n < 1 && m[2] === '') {
    throw new UsageError(
      { en: `${option} is in percent: "${value}" would mean ${value} %, not ${n * 100} %`, fr: `${option} est en pourcentage : « ${value} » voudrait dire ${value} %, pas ${String(n * 100).replace('.', ',')} %` },
      { en: `write ${option} ${n * 100} for ${n * 100} %, or ${option} ${value}% if you mean ${value} %`, fr: `écrire ${option} ${String(n * 100).replace('.', ',')} pour ${String(n * 100).replace('.', ',')} %, ou ${option} ${value}% si c’est bien ${value} %` },
    );
  }
  return n;
}

function stoppingRuleOf(value: string): StoppingParameters {
  const v = value.trim().toLowerCase();
  if (v === 'last-two' || v === 'last-2') return LAST_TWO;
  if (v === 'francis') return STOPPING_DEFAULTS;
  const m = /^(\d+)\s*\+\s*(\d+)$/.exec(v);
  if (!m || Number(m[2]) < 1) {
    throw new UsageError(
      { en: `--stopping is INITIAL+STOP (e.g. 10+3) or last-two: not "${value}"`, fr: `--stopping s’écrit INITIAL+ARRÊT (par ex. 10+3) ou last-two : pas « ${value} »` },
      {
        en: '10+3: an initial sample of 10 interviews, then 3 in a row without a new code (Francis et al. 2010); last-two: no new code in 2 interviews in a row (0+2)',
        fr: '10+3 : un échantillon initial de 10 entretiens, puis 3 consécutifs sans nouveau code (Francis et al. 2010) ; last-two : aucun nouveau code dans 2 entretiens consécutifs (0+2)',
      },
    );
  }
  return { initial: Number(m[1]), stop: Number(m[2]) };
}

function sharesOf(value: string): number[] {
  const parts = value.split(/[,;/\s]+/).filter((p) => p !== '');
  const shares = parts.map((p) => Number(p.replace(/%$/, '')));
  if (parts.length === 0 || shares.some((s) => !Number.isFinite(s) || s <= 0 || s > 100)) {
    throw new UsageError(
      { en: `--shares is a list of percentages above 0 and up to 100: not "${value}"`, fr: `--shares est une liste de pourcentages, au-dessus de 0 et jusqu’à 100 : pas « ${value} »` },
      { en: 'e.g. --shares 90,95,100', fr: 'par exemple --shares 90,95,100' },
    );
  }
  return [...new Set(shares)].sort((a, b) => a - b);
}

function methodsOf(value: string): SaturationMethod[] {
  const names = value.split(/[,\s]+/).filter((p) => p !== '').map((p) => p.toLowerCase());
  if (names.includes('all')) return [...SATURATION_METHODS];
  const unknown = names.filter((n) => !(SATURATION_METHODS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      { en: `unknown method "${unknown[0] ?? value}"`, fr: `méthode inconnue « ${unknown[0] ?? value} »` },
      {
        en: 'methods: guest (Guest et al. 2020), stopping (stopping rule), shares (share of the final codes), all; e.g. --method guest,stopping',
        fr: 'méthodes : guest (Guest et al. 2020), stopping (règle d’arrêt), shares (part des codes finaux), all ; par exemple --method guest,stopping',
      },
    );
  }
  return SATURATION_METHODS.filter((m) => names.includes(m));
}

/** Options for `computeSaturation` from the command line's strings (defaults for what is not given). */
export function saturationOptions(args: SaturationArguments): SaturationOptions {
  const level = (args.level ?? 'code') as SaturationLevel;
  if (level !== 'code' && level !== 'theme') {
    throw new UsageError({ en: `--level is code or theme: not "${args.level}"`, fr: `--level vaut code ou theme : pas « ${args.level} »` });
  }
  const denominator = (args.denominator ?? GUEST_DEFAULTS.denominator) as GuestDenominator;
  if (denominator !== 'fixed' && denominator !== 'growing') {
    throw new UsageError({ en: `--denominator is fixed or growing: not "${args.denominator}"`, fr: `--denominator vaut fixed ou growing : pas « ${args.denominator} »` });
  }
  return {
    level,
    methods: args.method === undefined ? [...SATURATION_DEFAULTS.methods] : methodsOf(args.method),
    guest: {
      base: args.base === undefined ? GUEST_DEFAULTS.base : wholeNumber('--base', args.base, 1),
      run: args.run === undefined ? GUEST_DEFAULTS.run : wholeNumber('--run', args.run, 1),
      threshold: args.threshold === undefined ? GUEST_DEFAULTS.threshold : percentage('--threshold', args.threshold) / 100,
      denominator,
    },
    stopping: args.stopping === undefined ? STOPPING_DEFAULTS : stoppingRuleOf(args.stopping),
    shares: args.shares === undefined ? [...SATURATION_DEFAULTS.shares] : sharesOf(args.shares),
    ...(args.coder !== undefined ? { coder: args.coder } : {}),
    ...(args.by !== undefined ? { by: args.by } : {}),
  };
}
