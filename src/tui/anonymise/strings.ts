/** Every word the anonymisation review shows, in French and English. */
import type { Language } from '../../core/types.js';
import type { ReviewMode } from './review.js';

/** In how many transcripts, and how many files of memos (memos/, the memos of a coder file), a text was found. */
export interface FileCounts {
  transcripts: number;
  memos: number;
}

function filesFr({ transcripts: t, memos: m }: FileCounts): string {
  const parts = [t > 0 || m === 0 ? `${t} transcription${t > 1 ? 's' : ''}` : '', m > 0 ? `${m} fichier${m > 1 ? 's' : ''} de mémos` : ''];
  return parts.filter((p) => p !== '').join(' et ');
}

function filesEn({ transcripts: t, memos: m }: FileCounts): string {
  const parts = [t > 0 || m === 0 ? `${t} transcript${t === 1 ? '' : 's'}` : '', m > 0 ? `${m} file${m === 1 ? '' : 's'} of memos` : ''];
  return parts.filter((p) => p !== '').join(' and ');
}

export interface ReviewStrings {
  title: string;
  subtitle: (groups: number) => string;
  progress: (decided: number, total: number) => string;
  position: (i: number, n: number) => string;
  quote: (text: string) => string;
  likely: string;
  possible: string;
  places: (n: number, files: FileCounts) => string;
  frontMatter: string;
  otherPlaces: (n: number) => string;
  undecided: (label: string) => string;
  replaced: (label: string) => string;
  kept: string;
  skipped: string;
  labelPrompt: (text: string) => string;
  summaryTitle: string;
  summaryReplace: (texts: number, places: number, files: FileCounts) => string;
  summaryKeep: (n: number) => string;
  summarySkip: (skipped: number, undecided: number) => string;
  summaryKey: (file: string) => string;
  keyInside: string;
  summaryAsk: string;
  quitAsk: string;
  hints: Record<ReviewMode, string[]>;
}

const fr: ReviewStrings = {
  title: 'Anonymisation',
  subtitle: (n) => `${n} texte${n > 1 ? 's' : ''} à examiner`,
  progress: (d, t) => `${d}/${t} décidé${d > 1 ? 's' : ''}`,
  position: (i, n) => `${i}/${n}`,
  quote: (t) => `«\u00a0${t}\u00a0»`,
  likely: 'identifiant probable',
  possible: 'à vérifier',
  places: (n, f) => `${n} occurrence${n > 1 ? 's' : ''} dans ${filesFr(f)} ; Tab\u00a0: la suivante`,
  frontMatter: 'en-tête',
  otherPlaces: (n) => (n > 1 ? `Les ${n} autres occurrences\u00a0:` : 'L’autre occurrence\u00a0:'),
  undecided: (l) => `À décider — proposé\u00a0: ${l}`,
  replaced: (l) => `Remplacé par ${l} partout`,
  kept: 'Gardé (ajouté aux mots permis de privacy.yaml)',
  skipped: 'Laissé tel quel cette fois',
  labelPrompt: (t) => `Remplacer «\u00a0${t}\u00a0» par (Entrée\u00a0: valider, Échap\u00a0: annuler)\u00a0:`,
  summaryTitle: 'Résumé avant d’écrire',
  summaryReplace: (t, p, f) => `Remplacer\u00a0: ${t} texte${t > 1 ? 's' : ''}, ${p} occurrence${p > 1 ? 's' : ''} dans ${filesFr(f)}`,
  summaryKeep: (n) => `Garder (ajoutés aux mots permis de privacy.yaml)\u00a0: ${n}`,
  summarySkip: (s, u) => `Laisser tels quels\u00a0: ${s + u}${u > 0 ? ` (dont ${u} non examiné${u > 1 ? 's' : ''})` : ''}`,
  summaryKey: (f) => `Clé d’anonymisation\u00a0: ${f}`,
  keyInside: 'Attention\u00a0: la clé sera DANS le dossier de l’étude ; elle ré-identifie les participants.',
  summaryAsk: 'Entrée\u00a0: écrire ces changements · Échap\u00a0: revenir · q\u00a0: quitter sans rien écrire',
  quitAsk: 'Quitter sans rien écrire\u00a0? o\u00a0: oui, autre touche\u00a0: non',
  hints: {
    review: ['Entrée remplacer', 'e étiquette', 'k garder', 's passer', '←/→ précédent/suivant', 'Tab occurrence', 'w résumé', 'q quitter'],
    label: ['Entrée valider', 'Échap annuler', 'Ctrl-U effacer'],
    summary: ['Entrée écrire', 'Échap revenir', '↑/↓ défiler', 'q quitter'],
    quit: ['o quitter sans écrire', 'autre touche rester'],
  },
};

const en: ReviewStrings = {
  title: 'Anonymisation',
  subtitle: (n) => `${n} text${n === 1 ? '' : 's'} to review`,
  progress: (d, t) => `${d}/${t} decided`,
  position: (i, n) => `${i}/${n}`,
  quote: (t) => `"${t}"`,
  likely: 'likely identifier',
  possible: 'to check',
  places: (n, f) => `${n} place${n === 1 ? '' : 's'} in ${filesEn(f)}; Tab: the next one`,
  frontMatter: 'front matter',
  otherPlaces: (n) => (n > 1 ? `The ${n} other places:` : 'The other place:'),
  undecided: (l) => `To decide — proposed: ${l}`,
  replaced: (l) => `Replaced with ${l} everywhere`,
  kept: 'Kept (added to the words privacy.yaml allows)',
  skipped: 'Left as it is this time',
  labelPrompt: (t) => `Replace "${t}" with (Enter: confirm, Esc: cancel):`,
  summaryTitle: 'Summary before writing',
  summaryReplace: (t, p, f) => `Replace: ${t} text${t === 1 ? '' : 's'}, ${p} place${p === 1 ? '' : 's'} in ${filesEn(f)}`,
  summaryKeep: (n) => `Keep (added to the words privacy.yaml allows): ${n}`,
  summarySkip: (s, u) => `Leave as they are: ${s + u}${u > 0 ? ` (${u} not reviewed)` : ''}`,
  summaryKey: (f) => `Anonymisation key: ${f}`,
  keyInside: 'Warning: the key will be INSIDE the study folder; it re-identifies the participants.',
  summaryAsk: 'Enter: write these changes · Esc: back · q: quit without writing anything',
  quitAsk: 'Quit without writing anything? y: yes, any other key: no',
  hints: {
    review: ['Enter replace', 'e edit label', 'k keep', 's skip', '←/→ previous/next', 'Tab place', 'w summary', 'q quit'],
    label: ['Enter confirm', 'Esc cancel', 'Ctrl-U clear'],
    summary: ['Enter write', 'Esc back', '↑/↓ scroll', 'q quit'],
    quit: ['y quit without writing', 'any other key stay'],
  },
};

export function reviewStrings(language: Language): ReviewStrings {
  return language === 'fr' ? fr : en;
}
