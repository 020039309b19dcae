/** Every word the split screen shows, in French and English. */
import type { Language } from '../../core/types.js';
import type { HelpGroup } from '../strings.js';

export interface SplitStrings {
  title: (code: string) => string;
  chosen: (n: number, total: number) => string;
  position: (i: number, n: number) => string;
  keeps: string;
  none: string;
  unplaced: string;
  codes: string;
  memo: string;
  context: (n: number) => string;
  colon: string;
  empty: string;
  helpTitle: string;
  help: HelpGroup[];
  hints: Record<'list' | 'help', string[]>;
}

const fr: SplitStrings = {
  title: (code) => `Scinder «\u00a0${code}\u00a0»`,
  chosen: (n, total) => `${n}/${total} attribuée${n > 1 ? 's' : ''}`,
  position: (i, n) => `citation ${i}/${n}`,
  keeps: 'garde le code',
  none: '?',
  unplaced: 'introuvable dans la transcription (texte enregistré)',
  codes: 'autres codes',
  memo: 'mémo',
  context: (n) => `contexte\u00a0: ${n} phrase${n > 1 ? 's' : ''}`,
  colon: '\u00a0:',
  empty: 'Aucun segment ne porte ce code : rien à scinder. ⏎ ou q pour quitter.',
  helpTitle: 'Scinder un code : les touches',
  help: [
    {
      title: 'Attribuer',
      keys: [
        ['1 … 9', 'cette citation va dans le 1er, 2e… nouveau code, puis citation suivante'],
        ['initiale', 'de même, par l’initiale du nouveau code (indiquée en haut)'],
        ['0, x ou ⌫', 'retirer le choix'],
      ],
    },
    {
      title: 'Lire',
      keys: [
        ['j k ↓ ↑', 'citation suivante, précédente'],
        ['PgDn PgUp g G', 'dix plus loin, plus haut ; première, dernière'],
        ['+ → / - ←', 'plus ou moins de contexte autour de la citation'],
      ],
    },
    {
      title: 'Finir',
      keys: [
        ['⏎', 'scinder (annulable : codage codebook undo)'],
        ['q ou Échap', 'quitter sans rien écrire'],
      ],
    },
  ],
  hints: {
    list: ['↑↓ citation', '+/- contexte', '? aide', '⏎ scinder', 'q quitter'],
    help: ['une touche pour revenir'],
  },
};

const en: SplitStrings = {
  title: (code) => `Split “${code}”`,
  chosen: (n, total) => `${n}/${total} assigned`,
  position: (i, n) => `quote ${i}/${n}`,
  keeps: 'keeps the code',
  none: '?',
  unplaced: 'not found in the transcript (stored text)',
  codes: 'other codes',
  memo: 'memo',
  context: (n) => `context: ${n} sentence${n > 1 ? 's' : ''}`,
  colon: ':',
  empty: 'No segment carries this code: nothing to split. ⏎ or q to leave.',
  helpTitle: 'Splitting a code: the keys',
  help: [
    {
      title: 'Assign',
      keys: [
        ['1 … 9', 'this quote goes to the 1st, 2nd… new code, then on to the next quote'],
        ['initial', 'the same, by the new code’s initial (shown at the top)'],
        ['0, x or ⌫', 'take the choice back'],
      ],
    },
    {
      title: 'Read',
      keys: [
        ['j k ↓ ↑', 'next, previous quote'],
        ['PgDn PgUp g G', 'ten down, up; first, last'],
        ['+ → / - ←', 'more or less context around the quote'],
      ],
    },
    {
      title: 'Finish',
      keys: [
        ['⏎', 'split (undoable: codage codebook undo)'],
        ['q or Esc', 'leave, nothing written'],
      ],
    },
  ],
  hints: {
    list: ['↑↓ quote', '+/- context', '? help', '⏎ split', 'q quit'],
    help: ['any key to go back'],
  },
};

export function splitStrings(language: Language): SplitStrings {
  return language === 'fr' ? fr : en;
}
