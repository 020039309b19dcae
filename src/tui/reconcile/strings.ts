/** Every word the reconciliation screen shows, in French and English. */
import type { Language } from '../../core/types.js';
import type { HelpGroup } from '../strings.js';
import type { Mode } from './state.js';

export interface ReconcileStrings {
  title: string;
  who: (a: string, b: string, into: string) => string;
  progress: (decided: number, total: number) => string;
  position: (i: number, n: number) => string;
  line: string;
  nothingCoded: string;
  decision: string;
  pending: string;
  note: string;
  edit: string;
  codes: string;
  noCode: string;
  colon: string;
  noteLabel: string;
  pickerTitle: string;
  pickerEmpty: (q: string) => string;
  helpTitle: string;
  help: HelpGroup[];
  /** Title of the memos read whole (`v`). */
  memosTitle: (participant: string, line: number) => string;
  /** The hint for `v`, when the disagreement on screen has a memo or a note. */
  memosHint: string;
  noticesTitle: string;
  noDisagreement: string;
  hints: Record<Mode, string[]>;
}

const fr: ReconcileStrings = {
  title: 'Mise en commun',
  who: (a, b, into) => `${a} / ${b} → ${into}`,
  progress: (d, t) => `${d}/${t} tranché${d > 1 ? 's' : ''}`,
  position: (i, n) => `désaccord ${i}/${n}`,
  line: 'l.',
  nothingCoded: 'rien codé ici',
  decision: 'Décision',
  pending: 'à trancher',
  note: 'Note',
  edit: 'Modification',
  codes: 'codes',
  noCode: 'aucun code (c pour en choisir)',
  colon: '\u00a0:',
  noteLabel: 'Note sur ce désaccord\u00a0:',
  pickerTitle: 'Codes du codage modifié',
  pickerEmpty: (q) => (q === '' ? 'Le livre de codes est vide.' : `Aucun code ne correspond à «\u00a0${q}\u00a0».`),
  helpTitle: 'Mise en commun : les touches',
  help: [
    {
      title: 'Trancher',
      keys: [
        ['a', 'garder le codage de A'],
        ['b', 'garder le codage de B'],
        ['2 ou +', 'garder les deux (pour des limites : le texte codé par l’un ou l’autre)'],
        ['0 ou -', 'n’en garder aucun'],
        ['c', 'garder le texte codé par les deux (même code, limites différentes)'],
        ['e ou ⏎', 'modifier : limites et codes, puis ⏎'],
        ['n', 'écrire une note (gardée dans le journal des décisions)'],
        ['s', 'passer : y revenir plus tard'],
      ],
    },
    {
      title: 'Aller',
      keys: [
        ['→ ↓ Espace', 'désaccord suivant'],
        ['← ↑ p', 'désaccord précédent'],
        ['Tab, ⇧Tab', 'prochain désaccord non tranché'],
        ['g, G', 'premier, dernier'],
      ],
    },
    {
      title: 'Modifier',
      keys: [
        ['→ ←', 'déplacer la limite d’un mot'],
        ['↓ ↑', 'déplacer la limite d’une phrase'],
        ['o', 'changer de limite (début / fin)'],
        ['c', 'choisir les codes (Espace coche, ⏎ valide)'],
        ['⏎', 'enregistrer la décision'],
        ['Échap', 'annuler'],
      ],
    },
    {
      title: 'Sur les lignes A et B',
      keys: [
        ['★', 'verbatim que le codeur a marqué exemplaire'],
        ['✎', 'mémo du codeur sur ce codage (coupé s’il est long)'],
        ['v', 'lire en entier les mémos et la note de ce désaccord (↑↓ défilent)'],
      ],
    },
    { title: 'Autres', keys: [['?', 'cette aide'], ['q', 'quitter (tout est déjà enregistré)']] },
  ],
  memosTitle: (participant, line) => `Mémos et note en entier · ${participant} l. ${line}`,
  memosHint: 'v mémo',
  noticesTitle: 'Avant de commencer',
  noDisagreement: 'Aucun désaccord : les deux codages concordent.',
  hints: {
    review: ['a garder A', 'b garder B', '2 les deux', '0 aucun', 'e modifier', 'n note', 's passer', 'c commun', '←→', '? aide', 'q quitter'],
    edit: ['→← mot', '↓↑ phrase', 'o autre limite', 'c codes', '⏎ enregistrer', 'Échap annuler'],
    codes: ['taper pour filtrer', 'Espace cocher', '↑↓', '⏎ valider', 'Échap'],
    note: ['⏎ enregistrer', 'Échap annuler'],
    help: ['↑↓ défiler', 'une touche pour revenir'],
    memos: ['↑↓ défiler', 'une touche pour revenir'],
    notices: ['une touche pour continuer'],
  },
};

const en: ReconcileStrings = {
  title: 'Reconciling',
  who: (a, b, into) => `${a} / ${b} → ${into}`,
  progress: (d, t) => `${d}/${t} settled`,
  position: (i, n) => `disagreement ${i}/${n}`,
  line: 'line',
  nothingCoded: 'nothing coded here',
  decision: 'Decision',
  pending: 'to settle',
  note: 'Note',
  edit: 'Edit',
  codes: 'codes',
  noCode: 'no code (c to choose)',
  colon: ':',
  noteLabel: 'Note on this disagreement:',
  pickerTitle: 'Codes of the edited coding',
  pickerEmpty: (q) => (q === '' ? 'The codebook is empty.' : `No code matches "${q}".`),
  helpTitle: 'Reconciling: the keys',
  help: [
    {
      title: 'Settle',
      keys: [
        ['a', "keep A's coding"],
        ['b', "keep B's coding"],
        ['2 or +', 'keep both (for boundaries: the text either coded)'],
        ['0 or -', 'keep neither'],
        ['c', 'keep the text both coded (same code, different boundaries)'],
        ['e or ⏎', 'edit: boundaries and codes, then ⏎'],
        ['n', 'write a note (kept in the decisions log)'],
        ['s', 'skip: come back to it later'],
      ],
    },
    {
      title: 'Go',
      keys: [
        ['→ ↓ Space', 'next disagreement'],
        ['← ↑ p', 'previous disagreement'],
        ['Tab, ⇧Tab', 'next disagreement not settled'],
        ['g, G', 'first, last'],
      ],
    },
    {
      title: 'Edit',
      keys: [
        ['→ ←', 'move the boundary by a word'],
        ['↓ ↑', 'move the boundary by a sentence'],
        ['o', 'switch boundary (start / end)'],
        ['c', 'choose the codes (Space checks, ⏎ confirms)'],
        ['⏎', 'save the decision'],
        ['Esc', 'cancel'],
      ],
    },
    {
      title: 'On the A and B lines',
      keys: [
        ['★', 'a quote the coder marked exemplary'],
        ['✎', 'the coder’s memo on this coding (cut when long)'],
        ['v', 'read the memos and the note of this disagreement whole (↑↓ scroll)'],
      ],
    },
    { title: 'Other', keys: [['?', 'this help'], ['q', 'quit (everything is already saved)']] },
  ],
  memosTitle: (participant, line) => `Memos and note in full · ${participant} line ${line}`,
  memosHint: 'v memo',
  noticesTitle: 'Before you start',
  noDisagreement: 'No disagreement: both codings agree.',
  hints: {
    review: ['a keep A', 'b keep B', '2 both', '0 neither', 'e edit', 'n note', 's skip', 'c common', '←→', '? help', 'q quit'],
    edit: ['→← word', '↓↑ sentence', 'o other end', 'c codes', '⏎ save', 'Esc cancel'],
    codes: ['type to filter', 'Space check', '↑↓', '⏎ done', 'Esc'],
    note: ['⏎ save', 'Esc cancel'],
    help: ['↑↓ scroll', 'any key to go back'],
    memos: ['↑↓ scroll', 'any key to go back'],
    notices: ['any key to go on'],
  },
};

export function reconcileStrings(language: Language): ReconcileStrings {
  return language === 'fr' ? fr : en;
}
