/** Why a quote could not be placed, in both languages. */
import type { Localized } from '../types.js';

const NBSP = '\u00a0';

function scoreText(score: number, language: 'en' | 'fr'): string {
  const s = score.toFixed(2);
  return language === 'fr' ? s.replace('.', ',') : s;
}

export function emptyQuote(): Localized {
  return { en: 'The quote is empty.', fr: 'La citation est vide.' };
}

export function noWords(): Localized {
  return {
    en: 'The quote has no words to search for.',
    fr: 'La citation ne contient aucun mot à rechercher.',
  };
}

export function severalPlaces(score: number, lines: number[]): Localized {
  const en = lines.length > 1 ? ` (lines ${lines.join(' and ')})` : '';
  const fr = lines.length > 1 ? ` (lignes ${lines.join(' et ')})` : '';
  return {
    en: `Several places match about as well (score ${scoreText(score, 'en')})${en}: check the quote and code it by hand.`,
    fr: `Plusieurs endroits correspondent presque aussi bien (score ${scoreText(score, 'fr')})${fr}${NBSP}: vérifiez la citation et codez-la à la main.`,
  };
}

export function notFound(best: { score: number; line: number } | null, minScore: number, fragments: boolean): Localized {
  const partsEn = fragments ? ' The parts around the ellipsis were not found in order.' : '';
  const partsFr = fragments ? ' Les morceaux séparés par les points de suspension n’ont pas été trouvés dans l’ordre.' : '';
  if (best === null) {
    return {
      en: `Not found in this transcript: no passage comes close.${partsEn}`,
      fr: `Introuvable dans cet entretien${NBSP}: aucun passage n’en approche.${partsFr}`,
    };
  }
  return {
    en: `Not found: best candidate scores ${scoreText(best.score, 'en')} at line ${best.line}, below the threshold of ${scoreText(minScore, 'en')}.${partsEn}`,
    fr: `Introuvable${NBSP}: le meilleur candidat a un score de ${scoreText(best.score, 'fr')} à la ligne ${best.line}, sous le seuil de ${scoreText(minScore, 'fr')}.${partsFr}`,
  };
}

export { scoreText };
