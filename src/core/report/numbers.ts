import type { Language } from '../types.js';

/**
 * French or English number formatting with fixed decimals and grouped thousands, written out by
 * hand so that output never depends on the machine's ICU data: 15,711.5 and 15\u202f711,5.
 */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.length > 4 || (language === 'en' && whole.length > 3) ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'fr' ? '\u202f' : ',') : whole;
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : (language === 'fr' ? ',' : '.') + fraction);
}

export function formatPercent(value: number, language: Language, decimals = 0): string {
  const n = formatNumber(value * 100, language, decimals);
  return language === 'fr' ? `${n}\u00a0%` : `${n}%`;
}

/** At most `decimals` decimals, trailing zeros dropped: 47.25 → "47,3", 46 → "46", 45.5 → "45,5". */
export function formatDecimal(value: number, language: Language, decimals = 1): string {
  const text = formatNumber(value, language, decimals);
  if (decimals === 0) return text;
  const separator = language === 'fr' ? ',' : '.';
  return text.includes(separator) ? text.replace(/0+$/, '').replace(new RegExp(`\\${separator}$`), '') : text;
}
