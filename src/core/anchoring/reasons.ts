/** Why a quote, or a part of it, could not be placed, in both languages. */
import type { Localized } from '../types.js';

const NBSP = '\u00a0';

/**
 * A score with two decimals, rounded down: compared with a threshold, what is shown never crosses
 * it (0.846 is under 0.85: shown 0.84, not 0.85).
 */
function scoreText(score: number, language: 'en' | 'fr'): string {
  // (The small epsilon keeps 0.57, stored as 0.5699999…, at 0.57.)
  const s = (Math.floor(score * 100 + 1e-9) / 100).toFixed(2);
  return language === 'fr' ? s.replace('.', ',') : s;
}

/** The min score as the researcher gave it (`0.6`, `0.85`, `0.875`): not rounded, so never shown above or below itself. */
function thresholdText(minScore: number, language: 'en' | 'fr'): string {
  const s = String(minScore);
  return language === 'fr' ? s.replace('.', ',') : s;
}

function lineList(lines: readonly number[], language: 'en' | 'fr'): string {
  const shown = lines.slice(0, 6);
  const more = lines.length > shown.length ? (language === 'fr' ? '…' : '…') : '';
  const last = shown.length > 1 ? shown.pop() : undefined;
  const head = shown.join(', ');
  if (last === undefined) return head + more;
  return `${head} ${language === 'fr' ? 'et' : 'and'} ${last}${more}`;
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

/** Found at several equally good places, and nothing (neighbouring rows, reading order, the question) tells which. */
export function severalPlaces(lines: readonly number[]): Localized {
  return {
    en: `Found at ${lines.length} equally good places (lines ${lineList(lines, 'en')}) and nothing tells which one: code it by hand.`,
    fr: `Trouvée à ${lines.length} endroits aussi plausibles (lignes ${lineList(lines, 'fr')}) sans rien pour choisir${NBSP}: codez-la à la main.`,
  };
}

export function notFound(best: { score: number; line: number } | null, minScore: number): Localized {
  if (best === null) {
    return {
      en: 'Not found in this transcript: no passage comes close.',
      fr: `Introuvable dans cet entretien${NBSP}: aucun passage n’en approche.`,
    };
  }
  return {
    en: `Not found: best candidate scores ${scoreText(best.score, 'en')} at line ${best.line}, below the threshold of ${thresholdText(minScore, 'en')}.`,
    fr: `Introuvable${NBSP}: le meilleur candidat a un score de ${scoreText(best.score, 'fr')} à la ligne ${best.line}, sous le seuil de ${thresholdText(minScore, 'fr')}.`,
  };
}

/** The closest passage is similar enough but too short to be trusted. */
export function tooShort(words: number, line: number): Localized {
  return {
    en: `Not placed: only ${words} word(s) of it match, at line ${line}, too few to be sure of the place.`,
    fr: `Non placée${NBSP}: seuls ${words} mot(s) correspondent, à la ligne ${line}, trop peu pour être sûr de l’endroit.`,
  };
}

/** A part of the quote matches words the interviewer (or another speaker) says. */
export function otherSpeaker(line: number): Localized {
  return {
    en: `These are the interviewer’s (or another speaker’s) words, at line ${line}: a verbatim is placed in the participant’s own words only.`,
    fr: `Ce sont les mots de l’enquêteur (ou d’un autre locuteur), ligne ${line}${NBSP}: un verbatim n’est placé que dans les propres mots du participant.`,
  };
}

/** Words of the quote found only before the transcript's first speaker label. */
export function beforeFirstLabel(line: number): Localized {
  return {
    en: `These words come before the first speaker label (a title, a date…), at line ${line}: a verbatim is placed in the participant’s own words only.`,
    fr: `Ces mots précèdent la première étiquette de locuteur (un titre, une date…), ligne ${line}${NBSP}: un verbatim n’est placé que dans les propres mots du participant.`,
  };
}

/** A part of the quote that no passage of the participant's speech matches well enough. */
export function partNotFound(words: number): Localized {
  return {
    en: `This part (${words} word(s)) was not found in the participant’s words with enough confidence.`,
    fr: `Ce passage (${words} mot(s)) n’a pas été retrouvé avec assez de certitude dans les mots du participant.`,
  };
}

/**
 * A few words at the start (or the end) of a quote that the transcript does not say there: too
 * few to leave the quote for review, so the passage starts after them (or ends before them).
 */
export function edgeNotFound(edge: 'start' | 'end'): Localized {
  return edge === 'start'
    ? {
        en: 'not said there in the transcript: the passage starts after these words, to check.',
        fr: `pas dit ainsi à cet endroit de l’entretien${NBSP}: le passage commence après ces mots, à vérifier.`,
      }
    : {
        en: 'not said there in the transcript: the passage ends before these words, to check.',
        fr: `pas dit ainsi à cet endroit de l’entretien${NBSP}: le passage s’arrête avant ces mots, à vérifier.`,
      };
}

/** A coded segment must come back as one passage; its text now matches several, or only in part. */
export function notOnePassage(passages: number, line: number): Localized {
  return passages > 1
    ? {
        en: `Its text is now in ${passages} separate places (from line ${line}), no longer one passage.`,
        fr: `Son texte est maintenant à ${passages} endroits séparés (à partir de la ligne ${line}), plus en un seul passage.`,
      }
    : {
        en: `Only part of its text is still there (line ${line}).`,
        fr: `Seule une partie de son texte est encore là (ligne ${line}).`,
      };
}

export { scoreText, thresholdText };
