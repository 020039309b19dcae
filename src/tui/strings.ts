/** Every word the coding screen shows, in French and English. */
import { wrapQuote } from '../core/report/typography.js';
import type { Language } from '../core/types.js';

export interface HelpGroup {
  title: string;
  keys: [keys: string, what: string][];
}

export interface ScreenStrings {
  read: string;
  coded: string;
  sessionSegments: (n: number) => string;
  saved: (time: string) => string;
  notSaved: string;
  unsavedError: string;
  line: string;
  sentence: string;
  uncodedSentence: string;
  /** `speakers`: the speakers whose turns the selection covers, when more than one. */
  selection: (words: number, speakers?: readonly string[]) => string;
  word: (word: string) => string;
  segment: string;
  memo: string;
  exemplary: string;
  quote: (text: string) => string;
  colon: string;
  /** Key hints by mode, most useful first; the last two are always shown. */
  hints: Record<'read' | 'segment' | 'selecting' | 'picker' | 'firstCode' | 'theme' | 'remove' | 'transcript' | 'hits' | 'prompt' | 'help' | 'notices' | 'confirm', string[]>;
  picker: {
    apply: (quote: string) => string;
    edit: string;
    theme: (name: string) => string;
    /** Shown under the theme list: how to make a new theme. */
    themeHint: string;
    remove: string;
    transcripts: (coder: string) => string;
    /** The review of a search's hits before coding them all. */
    hits: (query: string, checked: number, total: number) => string;
    /** The code picker for every hit kept. */
    applyMany: (count: number) => string;
    /** Beside the filter: how many codes are checked (or hits kept, in a search's review). */
    checked: (count: number, hits: boolean) => string;
    noTranscript: (query: string) => string;
    noMatch: (query: string) => string;
    /** `noMatch` without its first half, for a long name. */
    create: (query: string) => string;
    /** `themes`: the new theme and sub-themes typed; `parent`: the existing theme they go in. */
    noTheme: (themes: string[], parent: string | null) => string;
    empty: string;
    notYetGrouped: string;
  };
  prompts: Record<'segment-memo' | 'transcript-memo' | 'search' | 'goto' | 'code-name', string>;
  noticesTitle: string;
  helpTitle: string;
  help: HelpGroup[];
  emptyTranscript: string;
}

const fr: ScreenStrings = {
  read: 'lu',
  coded: 'codé',
  sessionSegments: (n) => `${n} segment${n > 1 ? 's' : ''} cette séance`,
  saved: (time) => `enregistré à ${time}`,
  notSaved: 'rien à enregistrer',
  unsavedError: '⚠ NON ENREGISTRÉ',
  line: 'l.',
  sentence: 'phrase',
  uncodedSentence: 'Phrase non codée — ⏎ pour coder, v pour sélectionner',
  selection: (n, speakers) =>
    `Sélection\u00a0: ${n} mot${n > 1 ? 's' : ''}${speakers && speakers.length > 1 ? `, ${speakers.length} locuteurs (${speakers.join(', ')})` : ''} — ⏎ pour coder`,
  word: (word) => `Mot «\u00a0${word}\u00a0» — v sélectionne à partir de ce mot, ⏎ code la phrase`,
  segment: 'Segment',
  memo: 'Mémo\u00a0:',
  exemplary: '★ exemplaire',
  quote: (text) => wrapQuote(text, 'fr'),
  colon: '\u00a0:',
  hints: {
    read: ['↑↓ phrase', 'w b mot', 'v sélection', '⏎ coder', 'Tab non codé', 'u annuler', '/ chercher', 'e x m * segment', 't entretiens', '? aide', 'q quitter'],
    segment: ['e codes', 'x retirer', 'm mémo', '* exemplaire', '↑↓ phrase', 'v sélection', '⏎ coder', 'Tab non codé', 'u annuler', '/ chercher', 't entretiens', '? aide', 'q quitter'],
    selecting: ['↑↓ phrase', 'w b mot', '$ fin du tour', '/ jusqu’à', 'o autre bout', '⏎ coder', 'Échap annuler'],
    picker: ['tapez pour filtrer', 'Tab cocher', 'Ctrl-N nouveau code', '1-9 choix rapide (Alt-1-9 en tapant)', '↑↓', '⏎ appliquer', 'Échap annuler'],
    firstCode: ['tapez le nom du code', '⏎ le créer', 'Échap annuler'],
    theme: ['tapez pour filtrer', 'Ctrl-N nouveau thème', '↑↓ choisir', '⏎ ranger le code ici', 'Échap retour'],
    remove: ['↑↓ choisir', '1-9', '⏎ retirer', 'Échap annuler'],
    transcript: ['tapez pour filtrer (chiffres aussi)', 'Alt-1-9 le n°', '↑↓ choisir', '⏎ ouvrir', 'Échap retour'],
    hits: ['Espace décocher une fausse occurrence', '↑↓', '⏎ choisir le code', 'Échap annuler'],
    prompt: ['←→ curseur', 'Ctrl-U Ctrl-W effacer', '⏎ valider', 'Échap annuler'],
    help: ['↑↓ défiler', 'une autre touche pour fermer'],
    notices: ['une touche pour continuer'],
    confirm: ['o oui', 'n non'],
  },
  picker: {
    apply: (quote) => `Coder «\u00a0${quote}\u00a0»`,
    edit: 'Codes du segment (cochés) — Espace pour cocher ou décocher, ⏎ pour valider',
    theme: (name) => `Où ranger le nouveau code «\u00a0${name}\u00a0»\u00a0?`,
    themeHint: 'Choisissez un thème, ou tapez-en un nouveau («\u00a0Thème > Sous-thème\u00a0»).',
    remove: 'Retirer quel code de ce segment\u00a0?',
    transcripts: (coder) => `Ouvrir quel entretien\u00a0? (ce que ${coder} a lu et codé de chacun)`,
    hits: (query, checked, total) => `Occurrences de «\u00a0${query}\u00a0» à coder\u00a0: ${checked}/${total} cochée(s), décochez les fausses`,
    applyMany: (count) => `Coder ${count} passage(s) avec…`,
    checked: (n, hits) => (hits ? `${n} gardée${n > 1 ? 's' : ''}` : `${n} code${n > 1 ? 's' : ''} coché${n > 1 ? 's' : ''}`),
    noTranscript: (query) => `Aucun entretien ne correspond à «\u00a0${query}\u00a0»`,
    noMatch: (query) => `Aucun code ne correspond — ⏎ crée le code «\u00a0${query}\u00a0»`,
    create: (query) => `⏎ crée le code «\u00a0${query}\u00a0»`,
    noTheme: (themes, parent) =>
      themes.length === 0 && parent !== null
        ? `⏎ met le code dans «\u00a0${parent}\u00a0»`
        : `⏎ crée ${parent === null ? 'le thème ' : ''}«\u00a0${themes.join(' › ')}\u00a0»${parent === null ? '' : ` dans «\u00a0${parent}\u00a0»`}`,
    empty: 'Le livre de codes est vide — ⏎ pour créer un premier code',
    notYetGrouped: 'Pas encore regroupé',
  },
  prompts: {
    'segment-memo': 'Mémo du segment',
    'transcript-memo': 'Mémo de l’entretien',
    search: 'Chercher (sans tenir compte des accents)',
    goto: 'Aller à la ligne (120) ou au pourcentage (50 %)',
    'code-name': 'Nom du nouveau code',
  },
  noticesTitle: 'À savoir avant de commencer',
  helpTitle: 'Touches du codage',
  help: [
    {
      title: 'Lire',
      keys: [
        ['↓ ↑  j k', 'phrase suivante, précédente'],
        ['J K', 'tour de parole suivant, précédent'],
        ['w b  → ←  l h', 'mot suivant, précédent (le curseur de mot)'],
        ['5w  3j', 'un nombre devant une touche la répète'],
        ['PgDn PgUp  Espace', 'page suivante, précédente (aussi Ctrl-F ou Ctrl-D, Ctrl-B ou Ctrl-U)\u00a0; une réponse plus haute que l’écran défile d’abord'],
        ['g G  Début Fin', 'début, fin de l’entretien'],
        ['Tab  ]', 'phrase de participant non codée suivante'],
        ['⇧Tab  [', 'phrase non codée précédente'],
        ['/', 'chercher (accents ignorés\u00a0; ↑ dans la recherche\u00a0: les précédentes)'],
        ['n N', 'résultat suivant, précédent'],
        ['A', 'coder toutes les occurrences de la recherche (après revue)'],
        [':', 'aller à une ligne (120) ou à un pourcentage (50 %)'],
      ],
    },
    {
      title: 'Sélectionner',
      keys: [
        ['v', 'sélectionner le mot du curseur (ou le résultat cherché), sinon la phrase (v ou Échap\u00a0: abandonner)'],
        ['⇧↓ ⇧↑  j k', 'étendre ou réduire d’une phrase (j k pendant une sélection)'],
        ['⇧→ ⇧←  w e b', 'étendre ou réduire d’un mot (w e b l h pendant une sélection\u00a0; 5w\u00a0: cinq mots)\u00a0; le point qui termine une phrase vient avec son dernier mot'],
        ['J K', 'étendre ou réduire d’un tour de parole (pendant une sélection)'],
        ['$ ^', 'jusqu’à la fin, au début du tour de parole'],
        ['/ n N', 'pendant une sélection\u00a0: l’étendre jusqu’au résultat cherché'],
        ['souris', 'cliquer sur un mot, glisser pour sélectionner (⇧ en glissant\u00a0: sélection du terminal)'],
        ['o', 'changer le bout de la sélection qui bouge'],
      ],
    },
    {
      title: 'Coder',
      keys: [
        ['⏎  c', 'coder la sélection (ou la phrase courante)'],
        ['tapez', 'filtrer les codes (accents ignorés\u00a0: «\u00a0desempar\u00a0»)'],
        ['↑ ↓  PgUp PgDn', 'choisir dans la liste des codes (aussi Ctrl-P)'],
        ['Tab  (Espace)', 'cocher plusieurs codes (Espace tant que rien n’est tapé)'],
        ['1 … 9  (Alt-1 … 9)', 'appliquer le code numéroté (Alt une fois le filtre commencé)'],
        ['Ctrl-U  Ctrl-W', 'effacer le filtre, son dernier mot'],
        ['Ctrl-N  +', 'créer un nouveau code (le nom tapé), puis choisir son thème'],
        ['Ctrl-N (thèmes)', 'créer le thème tapé («\u00a0Thème > Sous-thème\u00a0» pour un sous-thème)'],
        ['e', 'modifier les codes du segment sous le curseur'],
        ['x  Suppr', 'retirer un code ou tout le segment'],
        ['s', 'passer au segment suivant sous le curseur (chevauchements)'],
        ['m', 'mémo du segment'],
        ['M', 'mémo de l’entretien'],
        ['t  Ctrl-O', 'changer d’entretien (la liste, avec ce qui est lu et codé de chacun)'],
        ['*', 'verbatim exemplaire (pour la thèse)'],
      ],
    },
    {
      title: 'Texte tapé (mémo, recherche, nom de code)',
      keys: [
        ['← →  Début Fin', 'déplacer le curseur dans le texte (aussi Ctrl-A, Ctrl-E)'],
        ['Suppr  Ctrl-D', 'effacer le caractère sous le curseur'],
        ['Ctrl-U  Ctrl-W', 'tout effacer, effacer le dernier mot'],
        ['↑ ↓', 'dans la recherche\u00a0: les recherches précédentes'],
        ['⏎  Échap', 'valider, annuler'],
      ],
    },
    {
      title: 'Séance',
      keys: [
        ['u  z  Ctrl-Z', 'annuler'],
        ['Ctrl-R  U  Z', 'rétablir'],
        ['?', 'cette aide'],
        ['q  Ctrl-C', 'quitter (chaque modification est déjà enregistrée)'],
      ],
    },
  ],
  emptyTranscript: 'Cet entretien est vide.',
};

const en: ScreenStrings = {
  read: 'read',
  coded: 'coded',
  sessionSegments: (n) => `${n} segment${n === 1 ? '' : 's'} this session`,
  saved: (time) => `saved at ${time}`,
  notSaved: 'nothing to save',
  unsavedError: '⚠ NOT SAVED',
  line: 'l.',
  sentence: 'sentence',
  uncodedSentence: 'Uncoded sentence — ⏎ to code, v to select',
  selection: (n, speakers) =>
    `Selection: ${n} word${n === 1 ? '' : 's'}${speakers && speakers.length > 1 ? `, ${speakers.length} speakers (${speakers.join(', ')})` : ''} — ⏎ to code`,
  word: (word) => `Word "${word}" — v to select from this word, ⏎ to code the sentence`,
  segment: 'Segment',
  memo: 'Memo:',
  exemplary: '★ exemplary',
  quote: (text) => wrapQuote(text, 'en'),
  colon: ':',
  hints: {
    read: ['↑↓ sentence', 'w b word', 'v select', '⏎ code', 'Tab uncoded', 'u undo', '/ search', 'e x m * segment', 't transcripts', '? help', 'q quit'],
    segment: ['e codes', 'x remove', 'm memo', '* exemplary', '↑↓ sentence', 'v select', '⏎ code', 'Tab uncoded', 'u undo', '/ search', 't transcripts', '? help', 'q quit'],
    selecting: ['↑↓ sentence', 'w b word', '$ end of turn', '/ up to', 'o other end', '⏎ code', 'Esc cancel'],
    picker: ['type to filter', 'Tab check', 'Ctrl-N new code', '1-9 quick pick (Alt-1-9 while typing)', '↑↓', '⏎ apply', 'Esc cancel'],
    firstCode: ['type the code’s name', '⏎ create it', 'Esc cancel'],
    theme: ['type to filter', 'Ctrl-N new theme', '↑↓ move', '⏎ put the code here', 'Esc back'],
    remove: ['↑↓ move', '1-9', '⏎ remove', 'Esc cancel'],
    transcript: ['type to filter (digits too)', 'Alt-1-9 quick pick', '↑↓ move', '⏎ open', 'Esc back'],
    hits: ['Space untick a false hit', '↑↓', '⏎ choose the code', 'Esc cancel'],
    prompt: ['←→ caret', 'Ctrl-U Ctrl-W erase', '⏎ confirm', 'Esc cancel'],
    help: ['↑↓ scroll', 'any other key to close'],
    notices: ['any key to continue'],
    confirm: ['y yes', 'n no'],
  },
  picker: {
    apply: (quote) => `Code "${quote}"`,
    edit: 'Codes of the segment (checked) — Space to check or uncheck, ⏎ to confirm',
    theme: (name) => `Where does the new code "${name}" go?`,
    themeHint: 'Choose a theme, or type a new one ("Theme > Sub-theme").',
    remove: 'Remove which code from this segment?',
    transcripts: (coder) => `Open which transcript? (what ${coder} has read and coded of each)`,
    hits: (query, checked, total) => `Hits of "${query}" to code: ${checked}/${total} ticked, untick the false ones`,
    applyMany: (count) => `Code ${count} passage(s) with…`,
    checked: (n, hits) => (hits ? `${n} kept` : `${n} code${n === 1 ? '' : 's'} checked`),
    noTranscript: (query) => `No transcript matches "${query}"`,
    noMatch: (query) => `No code matches — ⏎ creates the code "${query}"`,
    create: (query) => `⏎ creates the code "${query}"`,
    noTheme: (themes, parent) =>
      themes.length === 0 && parent !== null
        ? `⏎ puts the code in "${parent}"`
        : `⏎ creates ${parent === null ? 'the theme ' : ''}"${themes.join(' › ')}"${parent === null ? '' : ` in "${parent}"`}`,
    empty: 'The codebook is empty — ⏎ to create a first code',
    notYetGrouped: 'Not yet grouped',
  },
  prompts: {
    'segment-memo': 'Segment memo',
    'transcript-memo': 'Transcript memo',
    search: 'Search (accents ignored)',
    goto: 'Go to line (120) or percentage (50%)',
    'code-name': 'Name of the new code',
  },
  noticesTitle: 'Before you start',
  helpTitle: 'Coding keys',
  help: [
    {
      title: 'Read',
      keys: [
        ['↓ ↑  j k', 'next, previous sentence'],
        ['J K', 'next, previous speaker turn'],
        ['w b  → ←  l h', 'next, previous word (the word cursor)'],
        ['5w  3j', 'a number before a key repeats it'],
        ['PgDn PgUp  Space', 'next, previous page (also Ctrl-F or Ctrl-D, Ctrl-B or Ctrl-U); an answer taller than the screen scrolls first'],
        ['g G  Home End', 'start, end of the transcript'],
        ['Tab  ]', 'next uncoded participant sentence'],
        ['⇧Tab  [', 'previous uncoded sentence'],
        ['/', 'search (accents ignored; ↑ in the search: earlier ones)'],
        ['n N', 'next, previous match'],
        ['A', 'code every hit of the search (after a review)'],
        [':', 'go to a line (120) or a percentage (50%)'],
      ],
    },
    {
      title: 'Select',
      keys: [
        ['v', 'select the word under the word cursor (or the match found), else the sentence (v or Esc: drop it)'],
        ['⇧↓ ⇧↑  j k', 'extend or shrink by a sentence (j k while selecting)'],
        ['⇧→ ⇧←  w e b', 'extend or shrink by a word (w e b l h while selecting; 5w: five words); the full stop that ends a sentence comes with its last word'],
        ['J K', 'extend or shrink by a speaker turn (while selecting)'],
        ['$ ^', 'to the end, the start of the speaker turn'],
        ['/ n N', 'while selecting: extend it to the match found'],
        ['mouse', 'click a word, drag to select (⇧ while dragging: the terminal’s own selection)'],
        ['o', 'switch which end of the selection moves'],
      ],
    },
    {
      title: 'Code',
      keys: [
        ['⏎  c', 'code the selection (or the current sentence)'],
        ['type', 'filter codes (accents ignored)'],
        ['↑ ↓  PgUp PgDn', 'move in the list of codes (also Ctrl-P)'],
        ['Tab  (Space)', 'check several codes (Space while nothing is typed)'],
        ['1 … 9  (Alt-1 … 9)', 'apply the numbered code at once (Alt once a filter is typed)'],
        ['Ctrl-U  Ctrl-W', 'clear the filter, erase its last word'],
        ['Ctrl-N  +', 'create a new code (the name typed), then choose its theme'],
        ['Ctrl-N (themes)', 'create the theme typed ("Theme > Sub-theme" for a sub-theme)'],
        ['e', 'change the codes of the segment under the cursor'],
        ['x  Del', 'remove a code or the whole segment'],
        ['s', 'next segment under the cursor (overlaps)'],
        ['m', 'segment memo'],
        ['M', 'transcript memo'],
        ['t  Ctrl-O', 'open another transcript (the list, with what is read and coded of each)'],
        ['*', 'exemplary quote (for the thesis)'],
      ],
    },
    {
      title: 'Text typed (memo, search, code name)',
      keys: [
        ['← →  Home End', 'move the cursor in the text (also Ctrl-A, Ctrl-E)'],
        ['Del  Ctrl-D', 'erase the character under the cursor'],
        ['Ctrl-U  Ctrl-W', 'erase everything, erase the last word'],
        ['↑ ↓', 'in the search: earlier searches'],
        ['⏎  Esc', 'confirm, cancel'],
      ],
    },
    {
      title: 'Session',
      keys: [
        ['u  z  Ctrl-Z', 'undo'],
        ['Ctrl-R  U  Z', 'redo'],
        ['?', 'this help'],
        ['q  Ctrl-C', 'quit (every change is already saved)'],
      ],
    },
  ],
  emptyTranscript: 'This transcript is empty.',
};

export function screenStrings(language: Language): ScreenStrings {
  return language === 'fr' ? fr : en;
}

/** `12 %` in French (narrow no-break space), `12%` in English. */
export function percent(part: number, whole: number, language: Language): string {
  const value = whole === 0 ? 0 : Math.round((100 * part) / whole);
  return language === 'fr' ? `${value}\u202f%` : `${value}%`;
}
