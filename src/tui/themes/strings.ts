/** Every word the themes screen shows, in French and English. */
import type { Language } from '../../core/types.js';
import type { HelpGroup } from '../strings.js';
import type { Mode } from './state.js';

export interface ThemesStrings {
  title: string;
  saving: string;
  who: (coder: string | null) => string;
  totals: (codes: number, themes: number, participants: number) => string;
  ungroupedTitle: (n: number) => string;
  treeTitle: (themes: number) => string;
  noUngrouped: string;
  noTheme: string;
  notInCodebook: string;
  panelTitle: string;
  participants: (n: number, N: number) => string;
  references: (n: number) => string;
  definition: string;
  include: string;
  exclude: string;
  description: string;
  memo: string;
  memoEntries: (n: number) => string;
  quotes: (n: number) => string;
  noQuote: string;
  themeCodes: (n: number) => string;
  emptyTheme: string;
  colon: string;
  moveTitle: (n: number, first: string) => string;
  moveEmpty: (query: string) => string;
  newThemeLabel: (parent: string | null) => string;
  renameLabel: (name: string) => string;
  helpTitle: string;
  help: HelpGroup[];
  noticesTitle: string;
  hints: Record<Mode, string[]>;
}

const fr: ThemesStrings = {
  title: 'Thèmes',
  saving: 'enregistrement…',
  who: (coder) => (coder === null ? 'tous les codeurs' : `codeur ${coder}`),
  totals: (codes, themes, N) => `${codes} code${codes > 1 ? 's' : ''} · ${themes} thème${themes > 1 ? 's' : ''} · N = ${N}`,
  ungroupedTitle: (n) => `Pas encore regroupés (${n})`,
  treeTitle: (n) => `Thèmes (${n})`,
  noUngrouped: 'Tous les codes sont regroupés.',
  noTheme: 'Aucun thème\u00a0: n en crée un.',
  notInCodebook: 'absent du livre de codes',
  panelTitle: 'Détail',
  participants: (n, N) => `${n}/${N} participant${N > 1 ? 's' : ''}`,
  references: (n) => `${n} référence${n > 1 ? 's' : ''}`,
  definition: 'Définition',
  include: 'Inclure',
  exclude: 'Exclure',
  description: 'Description',
  memo: 'Mémo',
  memoEntries: (n) => `(dernière de ${n} entrées\u00a0; codage memo les montre toutes)`,
  quotes: (n) => `Verbatims (${n})`,
  noQuote: 'Aucun segment ne porte ce code.',
  themeCodes: (n) => `Codes (${n})`,
  emptyTheme: 'Thème vide\u00a0: d le supprime.',
  colon: '\u00a0:',
  moveTitle: (n, first) => (n === 1 ? `Déplacer ${first} vers…` : `Déplacer ${n} éléments vers…`),
  moveEmpty: (query) => (query === '' ? 'Aucun thème.' : `Aucun thème ne correspond\u00a0: ⏎ crée le thème «\u00a0${query}\u00a0» et y déplace.`),
  newThemeLabel: (parent) => (parent === null ? 'Nouveau thème (premier niveau)\u00a0:' : `Nouveau sous-thème de «\u00a0${parent}\u00a0»\u00a0:`),
  renameLabel: (name) => `Renommer «\u00a0${name}\u00a0» en\u00a0:`,
  helpTitle: 'Thèmes : les touches',
  help: [
    {
      title: 'Aller',
      keys: [
        ['↑ ↓, j k', 'élément précédent, suivant'],
        ['Tab', 'passer d’un volet à l’autre (codes non regroupés, thèmes)'],
        ['← →, h l', 'replier, déplier un thème'],
        ['g G, Début Fin', 'premier, dernier'],
        ['PgPréc PgSuiv', 'page précédente, suivante'],
      ],
    },
    {
      title: 'Construire',
      keys: [
        ['Espace', 'marquer, démarquer (plusieurs à la fois)'],
        ['m', 'déplacer les éléments marqués (ou celui sous le curseur) : choisir le thème, « premier niveau » ou « pas encore regroupé »'],
        ['n', 'nouveau thème au premier niveau'],
        ['N', 'nouveau sous-thème du thème sous le curseur'],
        ['r', 'renommer le thème ou le code'],
        ['K J, Alt+↑ ↓', 'monter, descendre parmi ses voisins'],
        ['d, Suppr', 'supprimer un thème vide'],
        ['u', 'annuler la dernière modification faite ici (comme codage codebook undo)'],
        ['Échap', 'retirer les marques'],
      ],
    },
    {
      title: 'Voir',
      keys: [
        ['p, ⏎', 'afficher, masquer le détail : définition, verbatims, mémo'],
        ['[ ], Ctrl-u Ctrl-d', 'faire défiler le détail'],
      ],
    },
    { title: 'Autres', keys: [['?', 'cette aide'], ['q', 'quitter (tout est déjà enregistré)']] },
  ],
  noticesTitle: 'Avant de commencer',
  hints: {
    browse: ['Espace marquer', 'm déplacer', 'n thème', 'r renommer', 'K/J ordre', 'p détail', 'u annuler', 'Tab volet', '? aide', 'q quitter'],
    picker: ['taper pour filtrer', '↑↓', '⏎ déplacer', 'Échap annuler'],
    prompt: ['⏎ valider', 'Échap annuler'],
    help: ['↑↓ défiler', 'une touche pour revenir'],
    notices: ['une touche pour continuer'],
  },
};

const en: ThemesStrings = {
  title: 'Themes',
  saving: 'saving…',
  who: (coder) => (coder === null ? 'all coders' : `coder ${coder}`),
  totals: (codes, themes, N) => `${codes} code${codes === 1 ? '' : 's'} · ${themes} theme${themes === 1 ? '' : 's'} · N = ${N}`,
  ungroupedTitle: (n) => `Not yet grouped (${n})`,
  treeTitle: (n) => `Themes (${n})`,
  noUngrouped: 'Every code is grouped.',
  noTheme: 'No theme yet: n creates one.',
  notInCodebook: 'not in the codebook',
  panelTitle: 'Details',
  participants: (n, N) => `${n}/${N} participant${N === 1 ? '' : 's'}`,
  references: (n) => `${n} reference${n === 1 ? '' : 's'}`,
  definition: 'Definition',
  include: 'Include',
  exclude: 'Exclude',
  description: 'Description',
  memo: 'Memo',
  memoEntries: (n) => `(latest of ${n} entries; codage memo shows them all)`,
  quotes: (n) => `Quotes (${n})`,
  noQuote: 'No segment carries this code.',
  themeCodes: (n) => `Codes (${n})`,
  emptyTheme: 'Empty theme: d deletes it.',
  colon: ':',
  moveTitle: (n, first) => (n === 1 ? `Move ${first} to…` : `Move ${n} items to…`),
  moveEmpty: (query) => (query === '' ? 'No theme.' : `No theme matches: ⏎ creates the theme “${query}” and moves there.`),
  newThemeLabel: (parent) => (parent === null ? 'New theme (top level):' : `New sub-theme of “${parent}”:`),
  renameLabel: (name) => `Rename “${name}” to:`,
  helpTitle: 'Themes: the keys',
  help: [
    {
      title: 'Go',
      keys: [
        ['↑ ↓, j k', 'previous, next item'],
        ['Tab', 'switch pane (codes not yet grouped, themes)'],
        ['← →, h l', 'fold, unfold a theme'],
        ['g G, Home End', 'first, last'],
        ['PgUp PgDn', 'previous, next page'],
      ],
    },
    {
      title: 'Build',
      keys: [
        ['Space', 'mark, unmark (several at once)'],
        ['m', 'move the marked items (or the one under the cursor): choose the theme, “top level” or “not yet grouped”'],
        ['n', 'new top-level theme'],
        ['N', 'new sub-theme of the theme under the cursor'],
        ['r', 'rename the theme or code'],
        ['K J, Alt+↑ ↓', 'move up, down among its siblings'],
        ['d, Delete', 'delete an empty theme'],
        ['u', 'undo the last change made here (as codage codebook undo)'],
        ['Esc', 'clear the marks'],
      ],
    },
    {
      title: 'See',
      keys: [
        ['p, ⏎', 'show, hide the details: definition, quotes, memo'],
        ['[ ], Ctrl-u Ctrl-d', 'scroll the details'],
      ],
    },
    { title: 'Other', keys: [['?', 'this help'], ['q', 'quit (everything is already saved)']] },
  ],
  noticesTitle: 'Before you start',
  hints: {
    browse: ['Space mark', 'm move', 'n theme', 'r rename', 'K/J order', 'p details', 'u undo', 'Tab pane', '? help', 'q quit'],
    picker: ['type to filter', '↑↓', '⏎ move', 'Esc cancel'],
    prompt: ['⏎ confirm', 'Esc cancel'],
    help: ['↑↓ scroll', 'any key to go back'],
    notices: ['any key to go on'],
  },
};

export function themesStrings(language: Language): ThemesStrings {
  return language === 'fr' ? fr : en;
}
