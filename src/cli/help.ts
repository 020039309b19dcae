import { frenchSpacing } from '../core/report/typography.js';
import type { Language } from '../core/types.js';

/** A command's help in one language, as commander shows it. */
interface HelpText {
  summary: string;
  after?: string;
  /** A command's most typical use, one line: `codage --help` lists one per command. */
  example?: string;
}

type Translated = Record<Language, string>;

/** One example command line of a command's help: written once, shown in both languages. */
export interface Example {
  /** The command line as typed; in both languages only where the line itself speaks one (a memo's text, a decimal comma). */
  line: string | Translated;
  /** Said after the line, in parentheses; a line break in it goes on under its first word. */
  note?: Translated;
  /** The line `codage --help` lists for this command (else its first example). */
  typical?: true;
  /**
   * Why the example cannot run unattended on a copy of the demo study: it opens a screen that
   * waits for keys (terminal), or it needs a file, or data, that neither the demo study nor the
   * test fixtures have. The test of the help runs every other example and parses these.
   */
  needs?: { kind: 'terminal' | 'file' | 'data'; why: string };
}

/** A command's texts in one language: its summary, and its prose before and after the examples. */
interface Texts {
  summary: string;
  after?: string;
  afterExamples?: string;
}

type Entry = Record<Language, Texts> & { examples?: Example[] };

const entries = {
  program: {
    en: {
      // Says what is there today: each command adds its own line to the examples below.
      summary: 'Code interview transcripts for a thesis, at the terminal.',
    },
    fr: {
      summary: 'Coder des entretiens pour une thèse, dans le terminal.',
    },
  },
  'help-command': { en: { summary: 'show help for a command' }, fr: { summary: "afficher l’aide d’une commande" } },
  version: { en: { summary: 'print the version' }, fr: { summary: 'afficher la version' } },
  help: { en: { summary: 'show help' }, fr: { summary: "afficher l’aide" } },
  init: {
    examples: [
      { line: 'codage init ma-these' },
      { line: 'codage init ma-these --codebook thematic-analysis --title "Douleur chronique en MG"', typical: true },
      { line: 'codage init --codebook grounded-theory', note: { en: 'in the current folder', fr: 'dans le dossier courant' } },
    ],
    en: {
      summary: 'create a study folder (transcripts/, codebook, codage.yaml, a README of its own)',
      afterExamples: `
Starter codebooks: empty, grounded-theory, thematic-analysis (see codebooks/).
An existing file is never overwritten.`,
    },
    fr: {
      summary: "créer le dossier d’une étude (transcripts/, livre de codes, codage.yaml, un README)",
      afterExamples: `
Livres de codes de départ : empty, grounded-theory, thematic-analysis (voir codebooks/).
Un fichier existant n’est jamais écrasé.`,
    },
  },
  check: {
    examples: [
      { line: 'codage check' },
      { line: 'codage check --study ma-these --json', typical: true },
      { line: 'codage check --fix', note: { en: 'save segments re-anchored after a transcript was edited,\nand add missing ids to codebook.yaml', fr: "enregistre les segments réancrés après la correction d’une\ntranscription, et ajoute les identifiants manquants au livre de codes" } },
      { line: 'codage check --privacy', note: { en: 'names, places, phones, e-mails, addresses, dates of birth\nleft in the transcripts; exit 1 when one is likely', fr: "noms, lieux, téléphones, e-mails, adresses, dates de naissance\nrestés dans les transcriptions ; code de sortie 1 si l’un est probable" } },
    ],
    en: {
      summary: 'validate the study: transcripts, participants, codebook and every coder file',
      after: `
Each problem is printed as file:line:col: message, with how to fix it.
Exit code 1 when anything is wrong (errors); warnings alone exit 0.`,
    },
    fr: {
      summary: "vérifier l’étude : transcriptions, participants, livre de codes et fichiers des codeurs",
      after: `
Chaque problème s’affiche sous la forme fichier:ligne:colonne: message, avec la façon de le corriger.
Code de sortie 1 s’il y a une erreur ; des avertissements seuls sortent avec 0.`,
    },
  },
  'import-codings': {
    examples: [
      { line: 'codage import-codings codage.csv --coder marie' },
      { line: 'codage import-codings codage.xlsx --coder paul --dry-run' },
      { line: 'codage import-codings codage.csv --coder marie --append --review revue.csv' },
    ],
    en: {
      summary: 'import a coding spreadsheet (CSV from Excel, or .xlsx): participant, code, quote',
      after: `
Columns (header names in French or English): participant, code, quote (verbatim),
optional theme ("Theme > Sub-theme"), memo, and quote_id (codage segments' listings: rows with
one id are the passages of one quote). Each quote is found in the participant’s own
words: exactly, then normalised (case, accents, apostrophes, punctuation), else aligned word by
word — a quote compiled from several passages ("...", "[…]", or nothing between them), in any
order, glued by a copy from a PDF, or edited (spelling, "ne", a word added or left out) becomes
one segment per passage, tied by a shared quote id; a quote whose words are all said, in
order, with a few words left out without "[…]", is placed from its first word to its last, to
check. A passage found at several places is
placed by the quote’s other passages or the neighbouring rows, and marked ambiguous for you to
confirm (codage confirm); a part that cannot be placed with confidence is left, with why, in the
review file. Codes and themes missing from codebook.yaml are added.
codebook.yaml and the coder file are written together or not at all; a coder file codage
cannot read completely is never rewritten. In the review file, a cell that starts with =, +,
-, @ gets a leading ' (never a formula). --dry-run writes nothing: the review only where
--review says.`,
    },
    fr: {
      summary: "importer un tableur de codage (CSV d’Excel ou .xlsx) : participant, code, verbatim",
      after: `
Colonnes (en-têtes en français ou en anglais) : participant, code, verbatim (citation),
et au besoin thème (« Thème > Sous-thème »), mémo et id_citation (listes de codage segments : les
lignes de même identifiant sont les passages d’une citation). Chaque verbatim est cherché dans les propres
mots du participant : à l’identique, puis normalisé (casse, accents, apostrophes, ponctuation),
sinon aligné mot à mot — un verbatim compilé de plusieurs passages (« ... », « […] » ou rien
entre eux), dans n’importe quel ordre, recollé par un copier-coller depuis un PDF, ou retouché
(orthographe, « ne », un mot ajouté ou omis) devient un segment par passage, liés par un
identifiant de citation commun ; un verbatim dont tous les mots sont dits, dans l’ordre, avec
quelques mots omis sans « […] », est placé de son premier mot au dernier, à vérifier. Un passage
présent à plusieurs endroits est placé d’après les
autres passages du verbatim ou les lignes voisines, et marqué ambigu pour que vous le confirmiez
(codage confirm) ; une partie impossible à placer avec certitude est laissée de côté, avec la
raison, dans le fichier de revue. Les codes et thèmes absents du livre de codes y sont ajoutés.
codebook.yaml et le fichier du codeur sont écrits ensemble ou pas du tout ; un fichier de codeur
que codage ne peut pas lire entièrement n’est jamais réécrit. Dans le fichier de revue, une
cellule qui commence par =, +, -, @ reçoit un ' devant (jamais de formule). --dry-run n’écrit
rien : la revue seulement là où --review l’indique.`,
    },
  },
  confirm: {
    examples: [
      { line: 'codage confirm k3j9x2tq --coder marie', needs: { kind: 'data', why: 'ids of segments an import marked ambiguous: the demo study has none' } },
      { line: 'codage confirm k3j9x2tq p0q7ab2c --coder marie --study ma-these', needs: { kind: 'data', why: 'ids of segments an import marked ambiguous: the demo study has none' } },
      { line: 'codage confirm --all --participant MG4 --coder marie', typical: true },
    ],
    en: {
      summary: 'confirm segments an import placed among several possible places, or from a quote found in part or under the min score (marked ambiguous)',
      after: `
codage check lists every ambiguous segment with its id and line. Check that it is the right
place in the transcript, then confirm it here: its "ambiguous" mark becomes "confirmed", which
import-codings --replace keeps while it places the quote at that same place. A place confirmed
whose surrounding words changed since, or whose quote now goes elsewhere, is to confirm again (codage check --fix and
import-codings --replace mark it so, and check and the coding screen say « to confirm again »): confirm it here the same way. A quote id
confirms every passage of that quote. If the place is wrong, code the right passage instead and
delete the segment’s line.`,
    },
    fr: {
      summary: "confirmer des segments qu’un import a placés parmi plusieurs endroits possibles, ou d’après une citation trouvée en partie ou sous le score minimum (marqués ambigus)",
      after: `
codage check liste chaque segment ambigu avec son identifiant et sa ligne. Vérifiez que c’est
le bon endroit de la transcription, puis confirmez-le ici : sa marque « ambiguous » devient
« confirmed », qu’import-codings --replace garde tant qu’il place la citation à ce même endroit.
Un endroit confirmé dont les mots autour ont changé depuis, ou dont la citation va maintenant
ailleurs, est à confirmer de nouveau (codage check --fix et import-codings --replace le marquent ainsi, check et l’écran de codage disent
« à confirmer de nouveau ») :
confirmez-le ici de la même façon. Un identifiant de citation confirme tous les passages de cette citation. Si l’endroit est faux,
codez plutôt le bon passage et supprimez la ligne du segment.`,
    },
  },
  segments: {
    examples: [
      { line: 'codage segments' },
      { line: 'codage segments --coder marie --format csv -o segments.csv', typical: true },
      { line: 'codage segments --code impuissance --json' },
      { line: 'codage segments --format excel -o segments.csv' },
      { line: 'codage segments --format xlsx -o segments.xlsx' },
    ],
    en: {
      summary: 'list every coded segment: coder, participant, theme path, code, start, end, text',
      after: `
One row per segment and code. Offsets count Unicode code points in the transcript text.
Formats: csv (RFC 4180, for R, Python, LibreOffice), tsv, json — their column names and
values stay in English (coder, code_id, exemplary=yes, status=unchanged) whatever the
language, for scripts; excel (a CSV French Excel opens by a double click: ;, BOM, CRLF) and
xlsx (a workbook, with -o) speak the study’s language (codeur, exemplaire=oui, inchangé).
codage import-codings reads back both.
In csv, tsv and excel, a cell that starts with =, +, -, @ (or a tab or a
carriage return) gets a leading ' so that a spreadsheet reads it as text,
never runs it as a formula; xlsx cells are text; json keeps every text exact.
-o never writes over the study’s own files (transcripts/, codings/, .codage/,
codebook.yaml, codage.yaml, participants.csv).`,
    },
    fr: {
      summary: 'lister chaque segment codé : codeur, participant, thème, code, début, fin, texte',
      after: `
Une ligne par segment et par code. Les positions comptent les points de code Unicode du texte.
Formats : csv (RFC 4180, pour R, Python, LibreOffice), tsv, json — noms de colonnes et valeurs
restent en anglais (coder, code_id, exemplary=yes, status=unchanged) quelle que soit la
langue, pour les scripts ; excel (un CSV qu’Excel en français ouvre d’un double clic : ;, BOM,
CRLF) et xlsx (un classeur, avec -o) parlent la langue de l’étude (codeur, exemplaire=oui,
inchangé). codage import-codings relit les deux.
En csv, tsv et excel, une cellule qui commence par =, +, -, @ (ou une
tabulation ou un retour chariot) reçoit un ' devant : un tableur la lit comme
du texte, sans jamais l’exécuter comme une formule ; les cellules xlsx sont du
texte ; json garde chaque texte à l’identique. -o n’écrit jamais par-dessus
les fichiers de l’étude (transcripts/, codings/, .codage/, codebook.yaml,
codage.yaml, participants.csv).`,
    },
  },
  codebook: {
    examples: [
      { line: 'codage codebook' },
      { line: 'codage codebook --coder marie --json' },
      { line: 'codage codebook add Autodérision --theme "Vécu du médecin > Ressources du médecin"' },
      { line: 'codage codebook describe Autodérision --definition "Le médecin rit de lui-même pour alléger la consultation."' },
      { line: 'codage codebook rename Autodérision "Humour du médecin"' },
      { line: 'codage codebook move "Humour du médecin" --to "Relation médecin-patient"' },
      { line: 'codage codebook merge Frustration Impuissance', typical: true },
      { line: 'codage codebook delete Gratification --merge-into "Prise de distance"' },
      { line: 'codage codebook undo --list' },
      { line: 'codage codebook undo' },
    ],
    en: {
      summary: 'the codebook as a tree with n/N, references and definitions; edit it (add, describe, rename, move, merge, split, delete, undo)',
      after: `
Without a subcommand: every theme and code with the participants who mention it
(n/N), its references (coded segments) and its definition; codes never used and
codes used in codings but missing from codebook.yaml are flagged.

Each edit is one change of codebook.yaml and every coder file at once (all or
nothing), keeps the comments, order and layout of codebook.yaml, keeps every
segment (ids are stable), says what changed, and can be taken back with
codage codebook undo. A name can be a code’s or a theme’s name (case and accents
do not matter), its id, or a path "Theme > Sub-theme".`,
    },
    fr: {
      summary: 'le livre de codes en arbre avec n/N, références et définitions ; le modifier (add, describe, rename, move, merge, split, delete, undo)',
      after: `
Sans sous-commande : chaque thème et code avec les participants qui en parlent
(n/N), ses références (segments codés) et sa définition ; les codes jamais
utilisés et les codes utilisés mais absents de codebook.yaml sont signalés.

Chaque modification change codebook.yaml et tous les fichiers des codeurs en une
fois (tout ou rien), garde les commentaires, l’ordre et la mise en forme de
codebook.yaml, garde chaque segment (les identifiants sont stables), dit ce qui a
changé, et s’annule avec codage codebook undo. Un nom peut être celui d’un code
ou d’un thème (majuscules et accents indifférents), son identifiant, ou un chemin
"Thème > Sous-thème".`,
    },
  },
  'codebook-add': {
    examples: [
      { line: 'codage codebook add Ruralité' },
      { line: 'codage codebook add Autodérision --theme "Vécu du médecin > Ressources du médecin" --definition "…"' },
      { line: 'codage codebook add "Télé-expertise" --theme "Organisation des soins"', note: { en: 'creates the theme', fr: 'crée le thème' } },
    ],
    en: {
      summary: 'add a code, in a theme (created if missing) or not yet grouped',
          },
    fr: {
      summary: 'ajouter un code, dans un thème (créé au besoin) ou non regroupé',
          },
  },
  'codebook-describe': {
    examples: [
      { line: 'codage codebook describe Impuissance --definition "Le médecin dit ne plus savoir quoi proposer."' },
      { line: 'codage codebook describe Impuissance --include "« démuni »" --exclude "manque de temps"' },
      { line: 'codage codebook describe "Vécu du médecin" --description ""', note: { en: 'removes it', fr: 'la retire' } },
    ],
    en: {
      summary: 'set the definition, inclusion and exclusion criteria, example… of a code or theme ("" removes one)',
          },
    fr: {
      summary: "renseigner définition, critères d’inclusion et d’exclusion, exemple… d’un code ou thème (\"\" retire)",
          },
  },
  'codebook-rename': {
    examples: [
      { line: 'codage codebook rename Impuissance "Sentiment d\'impuissance"' },
      { line: 'codage codebook rename "Vécu du médecin > Émotions négatives" "Émotions difficiles"' },
    ],
    en: {
      summary: 'rename a code or theme; its id stays, so every coding keeps it',
          },
    fr: {
      summary: "renommer un code ou un thème ; son identifiant reste, chaque codage le garde",
          },
  },
  'codebook-move': {
    examples: [
      { line: 'codage codebook move Humour --to "Vécu du médecin > Ressources du médecin"' },
      { line: 'codage codebook move "Émotions négatives" --to "Relation médecin-patient"', note: { en: 'a whole sub-theme', fr: 'tout un sous-thème' } },
      { line: 'codage codebook move Humour --ungrouped', note: { en: 'back among the codes not yet grouped', fr: 'parmi les codes non regroupés' } },
    ],
    en: {
      summary: 'move a code, or a theme with everything under it, into a theme (created if missing)',
          },
    fr: {
      summary: 'déplacer un code, ou un thème avec tout son contenu, dans un thème (créé au besoin)',
          },
  },
  'codebook-merge': {
    examples: [
      { line: 'codage codebook merge Frustration Impuissance' },
      { line: 'codage codebook merge "Contraintes de temps" "Manque de formation" --dry-run' },
    ],
    en: {
      summary: 'merge code A into code B: A\'s segments now carry B (once), and A leaves the codebook',
      after: `
A can also be a code id that coder files use but the codebook lacks.`,
    },
    fr: {
      summary: 'fusionner le code A dans le code B : les segments de A portent B (une fois), A quitte le livre de codes',
      after: `
A peut aussi être un identifiant de code utilisé par les codeurs mais absent du livre de codes.`,
    },
  },
  'codebook-delete': {
    examples: [
      { line: 'codage codebook delete Gratification --merge-into "Prise de distance"' },
      { line: 'codage codebook delete "Arrêt de travail" --drop-segments', note: { en: 'segments with no other code are removed;\ncodage codebook undo puts them back', fr: 'les segments sans autre code sont supprimés ;\ncodage codebook undo les remet' } },
    ],
    en: {
      summary: 'delete a code (refused while segments use it, unless --merge-into or --drop-segments) or an empty theme',
          },
    fr: {
      summary: "supprimer un code (refusé tant que des segments l’utilisent, sauf --merge-into ou --drop-segments) ou un thème vide",
          },
  },
  'codebook-split': {
    examples: [
      { line: 'codage codebook split Frustration --into Frustration Colère --segments 9782zkej=Colère' },
      { line: 'codage codebook split Frustration --into Frustration "Contre le système" --segments "s8dfahdv=Contre le système,go9szx66=Contre le système" --dry-run' },
    ],
    en: {
      summary: 'split a code that grew too broad: each listed segment gets one of the new codes',
      after: `
The new codes go beside the code, in its theme. When the code’s own name is among
--into, the segments not listed keep it; otherwise every segment must be listed.
Without --segments, on a terminal, a screen lists the code’s quotes: give each one
a new code with its number (1, 2, …) or initial, j/k or ↑/↓ to move, +/- for more or
less context, ⏎ to split, q to leave with nothing written. A quote made of several
segments moves as one. For scripts: codage segments --code NAME lists the segments
with their ids, for --segments.`,
    },
    fr: {
      summary: 'scinder un code devenu trop large : chaque segment listé reçoit un des nouveaux codes',
      after: `
Les nouveaux codes se placent à côté du code, dans son thème. Si le nom du code
est parmi --into, les segments non listés le gardent ; sinon chaque segment doit
être listé. Sans --segments, dans un terminal, un écran liste les citations du
code : donnez à chacune un nouveau code par son numéro (1, 2, …) ou son initiale,
j/k ou ↑/↓ pour se déplacer, +/- pour plus ou moins de contexte, ⏎ pour scinder,
q pour quitter sans rien écrire. Une citation faite de plusieurs segments suit
d’un bloc. Pour les scripts : codage segments --code NOM liste les segments avec
leurs identifiants, pour --segments.`,
    },
  },
  'codebook-undo': {
    examples: [
      { line: 'codage codebook undo --list' },
      { line: 'codage codebook undo' },
    ],
    en: {
      summary: 'take back the last edit of codage codebook (again for the one before), unless its files changed since',
          },
    fr: {
      summary: 'annuler la dernière modification de codage codebook (encore pour la précédente), sauf si ses fichiers ont changé depuis',
          },
  },
  participant: {
    examples: [
      { line: 'codage participant rename MG1 MG01 --dry-run' },
      { line: 'codage participant rename MG1 MG01', typical: true },
    ],
    en: {
      summary: 'participants: rename an id in every file of the study (rename)',
    },
    fr: {
      summary: 'participants : renommer un identifiant dans tous les fichiers de l’étude (rename)',
    },
  },
  'participant-rename': {
    examples: [
      { line: 'codage participant rename MG1 MG01 --dry-run', note: { en: 'list every file and count it would change', fr: 'liste chaque fichier et nombre qui changerait' } },
      { line: 'codage participant rename MG1 MG01' },
      { line: 'codage participant rename A2 ALGO2 --json' },
    ],
    en: {
      summary: 'rename a participant id everywhere: transcript (front matter, file name), participants.csv, order, every coder file, decisions logs, memos',
      after: `
One change of the study, all or nothing: every file is locked, each previous
version kept in .codage/backups/, and in each file only the id changes (its
encoding, line endings, quotes and layout stay). The transcript's file is renamed
when its name is the id; its extension stays. The interview's text is not changed,
even where a speaker is labelled with the id: the segments point into it.
Refused when the new id is taken (a transcript, a row of participants.csv, codings
of a participant without a transcript), with nothing changed.`,
    },
    fr: {
      summary: 'renommer un identifiant de participant partout : transcription (en-tête, nom du fichier), participants.csv, ordre, chaque fichier de codeur, journaux de décisions, mémos',
      after: `
Une seule modification de l'étude, tout ou rien : chaque fichier est verrouillé, sa
version précédente gardée dans .codage/backups/, et dans chaque fichier seul
l'identifiant change (encodage, fins de ligne, guillemets et mise en forme restent).
Le fichier de la transcription est renommé quand son nom est l'identifiant ; son
extension reste. Le texte de l'entretien n'est pas modifié, même là où un locuteur
porte l'identifiant : les segments pointent dedans. Refusé, sans rien modifier,
quand le nouvel identifiant est pris (une transcription, une ligne de
participants.csv, des codages d'un participant sans transcription).`,
    },
  },
  autocode: {
    examples: [
      { line: 'codage autocode "opioïde* OR morphine" --code "Prescription d\'opioïdes" --coder marie --dry-run' },
      { line: 'codage autocode "centre antidouleur" --code "Délais d\'accès" --coder marie --participants MG1,MG3' },
      { line: 'codage autocode "psy(chologue|chiatre)s?" --regex --code "Accès au psychologue" --coder paul --unit turn' },
      { line: 'codage autocode --by-question --guide guide-entretien.txt --coder marie' },
      { line: 'codage codebook undo' },
    ],
    en: {
      summary: 'code every hit of a search with a code, or every answer with its question (--by-question); undoable',
      after: `
The search ignores case, accents and apostrophe style and matches whole words: * stands for any
letters (douleur* finds "douleurs"), several words are a phrase, OR (or |) separates
alternatives; --regex takes a regular expression instead. Each hit is widened to --unit (the
words hit, their sentence — the default —, or the speaker’s turn) and coded for --coder, unless
that coder already coded it with the code; hits in the interviewer’s turns are left unless
--interviewer. --by-question codes each answer with its question: answers-only transcripts
numbered "1." "2." …, or each participant turn with the question the interviewer asked before it,
recognised in --guide (a text file of numbered questions) or numbered in order without it; the
codes "Q4 — <its first words>" are added to an "Interview guide" theme. Check first with
--dry-run; codage codebook undo takes the whole run back.`,
    },
    fr: {
      summary: 'coder chaque occurrence d’une recherche avec un code, ou chaque réponse avec sa question (--by-question) ; annulable',
      after: `
La recherche ignore la casse, les accents et la forme des apostrophes, et trouve des mots
entiers : * remplace des lettres (douleur* trouve « douleurs »), plusieurs mots forment une
expression, OR (ou |) sépare des possibilités ; --regex prend une expression régulière. Chaque
occurrence est élargie à --unit (les mots trouvés, leur phrase — par défaut —, ou le tour de
parole) et codée pour --coder, sauf si ce codeur l’a déjà codée avec ce code ; les occurrences
dans les tours de l’enquêteur sont laissées, sauf --interviewer. --by-question code chaque
réponse avec sa question : réponses écrites numérotées « 1. » « 2. » …, ou chaque tour du
participant avec la question posée avant lui, reconnue dans --guide (un fichier texte de
questions numérotées) ou numérotée dans l’ordre sans guide ; les codes « Q4 — <ses premiers
mots> » sont ajoutés dans un thème « Guide d’entretien ». Vérifier d’abord avec --dry-run ;
codage codebook undo annule tout le passage.`,
    },
  },
  memo: {
    examples: [
      { line: 'codage memo' },
      { line: { en: 'codage memo study "Saturation discussed with the supervisor: two more interviews."', fr: 'codage memo étude "Saturation discutée avec le directeur : deux entretiens de plus."' } },
      { line: { en: 'codage memo MG1 "Interview cut short by a home visit."', fr: 'codage memo MG1 "Entretien écourté par une visite à domicile."' }, typical: true },
      { line: { en: 'codage memo Frustration "Close to powerlessness? Compare MG3 and MG5." --coder marie', fr: 'codage memo Frustration "Proche de l’impuissance ? Comparer MG3 et MG5." --coder marie' } },
      { line: 'codage memo "Vécu du médecin" --json' },
    ],
    en: {
      summary: 'write and read memos on the study, a transcript, a code or a theme (Markdown files in memos/)',
      after: `
Without a subject, lists the memos. With one, shows its memo; with a text, adds a dated entry
(signed with --coder, else CODAGE_CODER, else "coder" in codage.yaml); with --edit, opens it in
$VISUAL or $EDITOR. The subject is "study", a participant id, or a code or theme (name, id, or
path); write transcript:, code: or theme: in front when a name could be either. "-" reads the
text from standard input. Memos are plain files: memos/study.md, memos/transcripts/MG1.md,
memos/codes/<code id>.md, memos/themes/<theme id>.md.`,
    },
    fr: {
      summary: 'écrire et lire des mémos sur l’étude, un entretien, un code ou un thème (fichiers Markdown dans memos/)',
      after: `
Sans sujet, liste les mémos. Avec un sujet, affiche son mémo ; avec un texte, y ajoute une
entrée datée (signée de --coder, sinon CODAGE_CODER, sinon « coder » dans codage.yaml) ; avec
--edit, l’ouvre dans $VISUAL ou $EDITOR. Le sujet est « étude », un identifiant de participant,
ou un code ou un thème (nom, identifiant ou chemin) ; écrire entretien:, code: ou thème: devant
quand un nom pourrait être l’un ou l’autre. « - » lit le texte sur l’entrée standard. Les mémos
sont de simples fichiers : memos/study.md, memos/transcripts/MG1.md, memos/codes/<id du code>.md,
memos/themes/<id du thème>.md.`,
    },
  },
  themes: {
    examples: [
      { line: 'codage themes', needs: { kind: 'terminal', why: 'opens the themes screen' } },
      { line: 'codage themes --coder marie', needs: { kind: 'terminal', why: 'opens the themes screen' } },
      { line: 'codage themes --study ma-these --lang en', needs: { kind: 'terminal', why: 'opens the themes screen' } },
      { line: 'codage codebook undo', needs: { kind: 'terminal', why: 'takes back a change made in the themes screen' } },
    ],
    en: {
      summary: 'build the theme tree on a screen: move codes into themes (several at once), create, rename, reorder; quotes beside',
      after: `
A full-screen editor of the codebook’s tree, for after open coding: the codes not yet grouped
on one side, the themes (sub-themes, codes; foldable) on the other, each with n/N participants
and references. Mark codes with Space and move them with m (to a theme, the top level or back
to "not yet grouped"); n creates a theme, N a sub-theme, r renames, K/J reorder, d deletes an
empty theme; p shows the code’s definition and every quote with its participant’s label. Each
change is saved at once as codage codebook would make it (comments and layout of codebook.yaml
kept) and recorded in its journal: u here, or codage codebook undo, takes it back. If another
program changes codebook.yaml meanwhile, nothing is overwritten: the screen says so and reads it
again. --coder counts and quotes one coder’s codings (default: every coder). ? lists the keys.`,
    },
    fr: {
      summary: 'construire l’arbre des thèmes à l’écran : regrouper les codes (plusieurs à la fois), créer, renommer, ordonner ; verbatims à côté',
      after: `
Un écran pour organiser le livre de codes après le codage ouvert : les codes pas encore
regroupés d’un côté, les thèmes (sous-thèmes, codes ; repliables) de l’autre, chacun avec n/N
participants et ses références. Marquez des codes avec Espace et déplacez-les avec m (vers un
thème, le premier niveau ou « pas encore regroupé ») ; n crée un thème, N un sous-thème, r
renomme, K/J change l’ordre, d supprime un thème vide ; p montre la définition du code et tous
ses verbatims avec l’étiquette du participant. Chaque changement est enregistré aussitôt comme
le ferait codage codebook (commentaires et mise en page de codebook.yaml gardés) et inscrit à
son journal : u ici, ou codage codebook undo, l’annule. Si un autre programme modifie
codebook.yaml entre-temps, rien n’est écrasé : l’écran le dit et le relit. --coder compte et
montre les codages d’un seul codeur (par défaut : tous). ? liste les touches.`,
    },
  },
  quotes: {
    examples: [
      { line: 'codage quotes Impuissance' },
      { line: 'codage quotes "Vécu du médecin" --coder paul' },
      { line: 'codage quotes Impuissance --by sexe --context 1', typical: true },
      { line: 'codage quotes "Émotions négatives" --json' },
    ],
    en: {
      summary: 'every quote of a code, or of a theme (the codes under it), with participant labels',
      after: `
Name a code or a theme by its name (case and accents do not matter), its id or its
path ("Vécu du médecin > Émotions négatives"). A name shared by a code and a theme:
say code:NAME or theme:NAME. The header gives the place in the theme tree, the
definition, include and exclude criteria, participants (n/N) and references.
Each quote is the transcript’s exact text, signed with the study’s quote_label;
the pieces of one quote are joined by […]; ★ marks an exemplary quote.
Whose coding: --coder; else the one exports show (consensus, coder: in codage.yaml,
the only coder); else every coder, each quote signed with its coder.
--context N adds N sentences before and after (dimmed, or in [brackets] without colour).`,
    },
    fr: {
      summary: "toutes les citations d’un code, ou d’un thème (ses codes), avec l’étiquette du participant",
      after: `
Nommez un code ou un thème par son nom (casse et accents indifférents), son
identifiant ou son chemin (« Vécu du médecin > Émotions négatives »). Un nom porté
par un code et par un thème : code:NOM ou thème:NOM. L’en-tête donne la place dans
l’arbre des thèmes, la définition, les critères d’inclusion et d’exclusion, les
participants (n/N) et les références. Chaque citation est le texte exact de la
transcription, signée selon quote_label ; les morceaux d’une même citation sont
joints par […] ; ★ marque une citation exemplaire.
Quel codage : --coder ; sinon celui des exports (consensus, coder: de codage.yaml,
le seul codeur) ; sinon tous les codeurs, chaque citation signée de son codeur.
--context N ajoute N phrases avant et après (en grisé, ou [entre crochets] sans couleur).`,
    },
  },
  stats: {
    examples: [
      { line: 'codage stats' },
      { line: 'codage stats --coder marie --by group', typical: true },
      { line: 'codage stats --json' },
    ],
    en: {
      summary: 'count transcripts, words, segments, codes and themes; per code (n/N), participant, group',
          },
    fr: {
      summary: 'compter transcriptions, mots, segments, codes et thèmes ; par code (n/N), participant, groupe',
          },
  },
  saturation: {
    examples: [
      { line: 'codage saturation' },
      { line: 'codage saturation --coder marie --by group', typical: true },
      { line: 'codage saturation --level theme --method guest' },
      { line: { en: 'codage saturation --threshold 2.5 --denominator growing --stopping last-two', fr: 'codage saturation --threshold 2,5 --denominator growing --stopping last-two' } },
      { line: 'codage saturation --figure saturation.svg --figure saturation.png' },
      { line: 'codage saturation --figure saturation.tex --csv saturation.csv', note: { en: 'LaTeX', fr: 'LaTeX' } },
      { line: 'codage saturation --json' },
    ],
    en: {
      summary: 'code saturation along the interviews: new codes per interview, Guest et al. 2020, the 10+3 stopping rule',
      after: `
Interviews in order (date, then "order" in codage.yaml, then id); for each, the
codes used, the new ones, the running total and its share of the final codes.
Then the methods with their parameters: Guest, Namey & Chen 2020 (base, run,
threshold; "s+R"), the stopping rule of Francis et al. 2010 (10+3), and when
90/95/100 % of the final codes were reached. When saturation is not reached, it
says how many more interviews would reach it. Ends with a chart, a
ready-to-paste methods sentence and the references.

Codings: the consensus coder’s where there is one, else every coder’s together
(union); --coder NAME for one coder. Interviews with nothing coded are left out,
and said.`,
    },
    fr: {
      summary: 'saturation des codes au fil des entretiens : nouveaux codes par entretien, Guest et al. 2020, règle 10+3',
      after: `
Les entretiens dans l’ordre (date, puis « order » de codage.yaml, puis
identifiant) ; pour chacun, les codes utilisés, les nouveaux, le cumul et sa
part des codes finaux. Puis les méthodes et leurs paramètres : Guest, Namey et
Chen 2020 (base, série, seuil ; « s+R »), la règle d’arrêt de Francis et al.
2010 (10+3), et quand 90/95/100 % des codes finaux ont été atteints. Si la
saturation n’est pas atteinte, combien d’entretiens de plus l’atteindraient.
Pour finir : un graphique, une phrase prête à coller dans la partie Méthodes et
les références.

Codages : ceux du codeur « consensus » là où il y en a, sinon ceux de tous les
codeurs réunis ; --coder NOM pour un seul codeur. Les entretiens où rien n’est
codé sont laissés de côté, et cités.`,
    },
  },
  export: {
    examples: [
      { line: 'codage export themes -o themes.docx', typical: true },
      { line: 'codage export themes --quotes 2 --one-per-participant --omit-annotations -o themes.md' },
      { line: 'codage export participants --attributes sexe,age,milieu,duree -o tableau1.docx' },
      { line: 'codage export matrix --by group --cell-quotes -o matrice.xlsx' },
      { line: 'codage export methods --by group --lang en' },
      { line: 'codage export coreq -o coreq.docx' },
      { line: 'codage export mindmap --format svg -o modelisation.svg' },
      { line: 'codage export themes --format tex --standalone -o themes.tex' },
      { line: 'codage export report -o rapport.html' },
      { line: 'codage export project --format qdpx -o etude.qdpx' },
      { line: 'codage export codebook --format qdc -o codes.qdc' },
    ],
    en: {
      summary: 'thesis tables and texts: themes with quotes, participants, codebook, matrices, methods, COREQ, report',
      after: `
What to export:
  themes        Theme | Sub-theme | Code (n/N) | Quotes — the results table, quotes exact and signed
  participants  "Table 1": one row per participant, and the summary sentence
  codebook      codes with definitions, inclusion/exclusion criteria, examples (appendix)
  matrix        codes × groups (--by group), n/N per cell; --by pair: the sides of each pair face to face
  cooccurrence  codes × codes on shared segments (--unit segment) or sentences (--unit sentence)
  methods       the methods paragraph with the study’s real numbers
  coreq         the 32-item COREQ checklist, the items codage knows filled in
  mindmap       themes → codes as Mermaid, Graphviz DOT or SVG (--by pair: one map per pair)
  report        the whole study on one standalone HTML page, printable on A4, the memos in an
                annex (docx: figures embedded; md with -o: figures written beside it as SVG)

Formats: md, csv (RFC 4180), excel (CSV for French Excel: ;, BOM), xlsx, docx, tex, html;
mindmap: mermaid, dot, svg, md, html. Without --format, the extension of -o decides.

For NVivo, MAXQDA, ATLAS.ti, QualCoder (REFI-QDA 1.5): "project --format qdpx" writes
the whole study (transcripts, codebook with themes as non-codable codes, every coder
as a user, every segment with its codes, memos as notes, participant attributes as
variables and cases); "codebook --format qdc" the codebook alone. GUIDs stay the same
from one export to the next; positions count Unicode code points.
The same study gives the same bytes; a date is written only with --date.
When the exported text holds a likely identifier (a name, a town, a phone number…), a warning
on stderr says where it was said (transcript:line:col); the export is written all the same.`,
    },
    fr: {
      summary: 'tableaux et textes de thèse : thèmes et verbatims, participants, livre de codes, matrices, méthodes, COREQ, rapport',
      after: `
À exporter :
  themes        Thème | Sous-thème | Code (n/N) | Verbatims — le tableau des résultats, verbatims exacts et signés
  participants  « Tableau 1 » : une ligne par participant, et la phrase de synthèse
  codebook      codes, définitions, critères d’inclusion et d’exclusion, exemples (annexe)
  matrix        codes × groupes (--by group), n/N par case ; --by pair : les deux côtés de chaque paire face à face
  cooccurrence  codes × codes sur les segments (--unit segment) ou les phrases (--unit sentence) partagés
  methods       le paragraphe de méthodes avec les vrais chiffres de l’étude
  coreq         la grille COREQ en 32 items, remplie pour ce que codage sait
  mindmap       thèmes → codes en Mermaid, Graphviz DOT ou SVG (--by pair : une carte par paire)
  report        toute l’étude sur une page HTML autonome, imprimable en A4, les mémos en annexe
                (docx : figures incluses ; md avec -o : figures écrites à côté, en SVG)

Formats : md, csv (RFC 4180), excel (CSV pour Excel en français : ;, BOM), xlsx, docx, tex, html ;
mindmap : mermaid, dot, svg, md, html. Sans --format, l’extension de -o décide.

Pour NVivo, MAXQDA, ATLAS.ti, QualCoder (REFI-QDA 1.5) : « project --format qdpx » écrit
toute l’étude (transcriptions, livre de codes avec les thèmes en codes non applicables,
chaque codeur en utilisateur, chaque segment avec ses codes, mémos en notes, attributs
des participants en variables et cas) ; « codebook --format qdc » le livre de codes
seul. Les GUID restent les mêmes d’un export à l’autre ; les positions comptent les
points de code Unicode.
La même étude donne les mêmes octets ; une date n’est écrite qu’avec --date.
Quand le texte exporté contient un identifiant probable (un nom, une ville, un téléphone…), un
avertissement sur stderr dit où il a été dit (transcription:ligne:colonne) ; l’export est écrit
quand même.`,
    },
  },
  'import-refi': {
    examples: [
      { line: 'codage import-refi projet-nvivo.qdpx --study these-marie', typical: true },
      { line: 'codage import-refi codes-superviseur.qdc' },
      { line: 'codage import-refi projet-maxqda.qdpx --study these-marie --dry-run' },
    ],
    en: {
      summary: 'create or extend a study from a REFI-QDA project (.qdpx) or codebook (.qdc) of NVivo, MAXQDA, ATLAS.ti, QualCoder',
      after: `
Without a study folder (no transcripts/ in --study), creates the study; otherwise
extends it. Codes become the codebook (codes with sub-codes become themes; codes of
the same name are reused), each text source a transcript (its Case’s variables in
its front matter), each user a coder file, each selection a segment, notes and
selection descriptions memos. A transcript already in the study is reused if its
text is the same; codage never overwrites a study file. A project codage exported
comes back as it was: the ids of segments, quotes, codes and themes, the segments
still to confirm, and the study’s language.

Positions: checked against each selection’s text where the tool writes it, and
corrected when the tool counted UTF-16 units (emoji), CRLF line breaks or the byte
order mark. What cannot be brought over (pictures, PDF, audio, links, sets, a
selection whose text is nowhere) is listed; nothing is placed elsewhere silently.`,
    },
    fr: {
      summary: "créer ou compléter une étude depuis un projet (.qdpx) ou un livre de codes (.qdc) REFI-QDA de NVivo, MAXQDA, ATLAS.ti, QualCoder",
      after: `
Sans dossier d’étude (pas de transcripts/ dans --study), crée l’étude ; sinon la
complète. Les codes forment le livre de codes (un code qui a des sous-codes devient
un thème ; un code de même nom est réutilisé), chaque source texte une transcription
(les variables de son cas dans son en-tête), chaque utilisateur un fichier de codeur,
chaque sélection un segment, les notes et descriptions de sélection des mémos. Une
transcription déjà dans l’étude est réutilisée si son texte est le même ; codage ne
remplace jamais un fichier de l’étude. Un projet exporté par codage revient tel qu’il
était : identifiants des segments, des citations, des codes et des thèmes, segments
à confirmer, langue de l’étude.

Positions : vérifiées sur le texte de chaque sélection quand le logiciel l’écrit, et
corrigées s’il a compté en unités UTF-16 (émojis), les sauts de ligne CRLF ou
l’indicateur d’ordre des octets. Ce qui ne peut pas être repris (images, PDF, audio,
liens, ensembles, une sélection dont le texte n’est nulle part) est listé ; rien
n’est placé ailleurs en silence.`,
    },
  },
  import: {
    examples: [
      { line: 'codage import entretien-MG3.docx' },
      { line: 'codage import "entretiens/*.docx" --speakers locuteurs.yaml', typical: true },
      { line: 'codage import zoom/GMT20240312-101500_Recording.transcript.vtt --speaker "Dr Martin=P3" --speaker "Marie Dupont=E"' },
      { line: 'codage import entretiens/ --dry-run' },
      { line: 'codage import relus/MG3.docx --force', needs: { kind: 'file', why: 'a Word file of an interview the study already has, corrected: no fixture holds the text of a demo transcript' } },
    ],
    en: {
      summary: 'import transcripts from Word (.docx), LibreOffice (.odt), subtitles (.vtt, .srt) or text (.txt, .md)',
      after: `
Each file becomes transcripts/<name>.txt: a front matter (id, date and duration when known,
source file), then the text with one speaker label per turn ("E : …" in French, "E: …" in
English). Word: paragraphs, soft line breaks and table rows are kept; comments, footnotes and
images are left out. Subtitles: consecutive cues of one speaker are merged into one turn that
keeps its start time ([00:01:23] P3 : …); speakers come from <v Name> voices (Teams) or
"Name:" prefixes (Zoom); the duration is the last cue’s time. Text in UTF-8 or Windows-1252.
A date and duration named before the first speaker ("Date: 2025-03-12, duration 42 minutes")
fill the front matter when nothing else gives them; those lines stay in the text as they are.
On a terminal, when the files name their speakers (Dr Martin, Claire Petit) and no map is
given, codage asks for the map: each label with a line it says, E proposed for the one who asks
the questions and P<n> from the file’s name, each code editable. Elsewhere it says how to pass
--speaker.
The original files are only read. An existing transcript is never replaced without --force;
with it, its front matter stays (id, date, duration, attributes: the new file only fills what
it lacks, and each value it gives otherwise is listed with both values) and every coder’s
codings on it are anchored on the new text in the same change (those that cannot be placed
are listed, kept as they were, and the exit code is 1).
Files that cannot be imported are listed with the reason (encrypted, empty, unreadable,
unsupported, binary); the exit code is then 1.`,
    },
    fr: {
      summary: 'importer des transcriptions Word (.docx), LibreOffice (.odt), sous-titres (.vtt, .srt) ou texte (.txt, .md)',
      after: `
Chaque fichier devient transcripts/<nom>.txt : un en-tête (id, date et durée quand elles sont
connues, fichier d’origine), puis le texte avec une étiquette de locuteur par tour de parole
(« E : … »). Word : paragraphes, sauts de ligne manuels et lignes de tableaux sont gardés ;
commentaires, notes de bas de page et images sont laissés de côté. Sous-titres : les
sous-titres consécutifs d’un même locuteur forment un seul tour, qui garde son heure de début
([00:01:23] P3 : …) ; les locuteurs viennent des voix <v Nom> (Teams) ou des préfixes « Nom: »
(Zoom) ; la durée est l’heure du dernier sous-titre. Texte en UTF-8 ou Windows-1252.
La date et la durée écrites avant le premier locuteur (« Date : 12/03/2025 — durée 42 min »)
remplissent l’en-tête quand rien d’autre ne les donne ; ces lignes restent telles quelles.
Dans un terminal, quand les fichiers nomment leurs locuteurs (Dr Martin, Claire Petit) et
qu’aucune table n’est donnée, codage la demande : chaque étiquette avec une phrase qu’elle dit,
E proposé pour celle qui pose les questions et P<n> d’après le nom du fichier, chaque code
modifiable. Ailleurs, il dit comment passer --speaker.
Les fichiers d’origine sont seulement lus. Une transcription existante n’est jamais remplacée
sans --force ; avec, son en-tête YAML reste (id, date, durée, attributs : le nouveau fichier ne
complète que ce qui manque, et chaque valeur qu’il donne autrement est listée avec les deux
valeurs) et les codages de chaque codeur sur elle sont réancrés sur le nouveau texte
dans le même changement (ceux qui ne peuvent pas être placés sont listés, gardés tels quels, et
le code de sortie est 1). Les fichiers qui ne peuvent pas être importés sont listés avec la
raison (chiffré, vide, illisible, non pris en charge, binaire) ; le code de sortie est alors 1.`,
    },
  },
  anonymise: {
    examples: [
      { line: 'codage anonymise' },
      { line: 'codage anonymise --dry-run', typical: true },
      { line: 'codage anonymise --key ~/cles/these-cle.yaml' },
      { line: 'codage anonymise --map remplacements.yaml' },
    ],
    en: {
      summary: 'replace names, places, phones, e-mails… in the transcripts with labels, codings kept in place',
      after: `
On a terminal, without --map: a review screen shows each text found (the same text across all
transcripts at once, most frequent first) in its sentence, with file:line:col, and a proposed
label of its kind ([Dr A], [town], [hospital], [first name]…). Enter replaces it everywhere, e
edits the label, k keeps it (added under allow: in privacy.yaml, never reported again), s leaves
it this time; Tab shows its next place. A summary comes before anything is written; q leaves with
nothing written.
Without a terminal (or with --dry-run): every likely identifier is replaced, a person by a letter
([A], [Dr B] keeping the title), a place by [town], a hospital by [hospital]…; capitalised words
that are only possibly names are listed to review. With --map FILE (lines "original: replacement";
"original:" with nothing after it keeps it), exactly that table is applied.
Front matter values are anonymised too (ville: Lyon → ville: "[town]"), and the memos (memos/, and
those in the coder files) with the same table; a memo's e-mails, phones, addresses are found there
too, and the headings of dated entries, which name the coder, are kept. The table is the key that
re-identifies people: it is written outside the study folder (default:
../<study>-anonymisation-key.yaml, read again next time so labels stay the same), with a warning
when --key puts it inside. Every coding follows the text it quotes; transcripts, coder files, memos
and privacy.yaml change together or not at all, and a coding not exactly in place stops the command
(run codage check --fix first).`,
    },
    fr: {
      summary: 'remplacer noms, lieux, téléphones, e-mails… des transcriptions par des étiquettes, codages conservés',
      after: `
Dans un terminal, sans --map : un écran de relecture montre chaque texte trouvé (le même texte
dans toutes les transcriptions à la fois, le plus fréquent d’abord) dans sa phrase, avec
fichier:ligne:colonne, et une étiquette proposée selon sa nature ([Dr A], [ville], [hôpital],
[prénom]…). Entrée le remplace partout, e modifie l’étiquette, k le garde (ajouté sous allow:
dans privacy.yaml, plus jamais signalé), s le laisse cette fois ; Tab montre l’occurrence
suivante. Un résumé vient avant toute écriture ; q quitte sans rien écrire.
Hors d’un terminal (ou avec --dry-run) : chaque identifiant probable est remplacé, une personne par
une lettre ([A], [Dr B] en gardant le titre), un lieu par [ville], un hôpital par [hôpital]… ; les
mots en majuscule qui ne sont que peut-être des noms sont listés à vérifier. Avec --map FICHIER
(lignes « original: remplacement » ; « original: » sans rien après le garde), exactement cette
table est appliquée.
Les valeurs de l’en-tête sont anonymisées aussi (ville: Lyon → ville: "[ville]"), et les mémos
(memos/, et ceux des fichiers des codeurs) avec la même table ; les e-mails, téléphones, adresses
d’un mémo y sont trouvés aussi, et les titres des entrées datées, qui nomment le codeur, restent.
La table est la clé qui ré-identifie les personnes : elle est écrite hors du dossier de l’étude
(par défaut : ../<étude>-cle-anonymisation.yaml, relue la fois suivante pour garder les mêmes
étiquettes), avec un avertissement si --key la place dedans. Chaque codage suit le texte qu’il cite ;
transcriptions, fichiers des codeurs, mémos et privacy.yaml changent ensemble ou pas du tout, et un
codage qui n’est pas exactement à sa place arrête la commande (lancer d’abord codage check --fix).`,
    },
  },
  code: {
    examples: [
      { line: 'codage code --coder marie', needs: { kind: 'terminal', why: 'opens the coding screen' } },
      { line: 'codage code P03 --coder marie', typical: true, needs: { kind: 'terminal', why: 'opens the coding screen' } },
      { line: 'CODAGE_CODER=paul codage code MG4 --study ma-these', needs: { kind: 'terminal', why: 'opens the coding screen' } },
    ],
    en: {
      summary: 'code a transcript interactively in the terminal',
      after: `
Without a participant, opens the next transcript not yet read through (speech neither read nor coded).
The coder comes from --coder, else CODAGE_CODER, else "coder" in codage.yaml.
Every action is saved at once; press ? in the screen for every key.`,
    },
    fr: {
      summary: 'coder une transcription au clavier, dans le terminal',
      after: `
Sans participant, ouvre la prochaine transcription pas encore lue jusqu’au bout (du texte ni lu ni codé).
Le codeur vient de --coder, sinon de CODAGE_CODER, sinon de « coder » dans codage.yaml.
Chaque action est enregistrée aussitôt ; ? dans l’écran montre toutes les touches.`,
    },
  },
  'arg-export': {
    en: { summary: 'themes, participants, codebook, matrix, cooccurrence, methods, coreq, mindmap, report, or project (REFI-QDA .qdpx)' },
    fr: { summary: 'themes, participants, codebook, matrix, cooccurrence, methods, coreq, mindmap, report, ou project (REFI-QDA .qdpx)' },
  },
  'opt-export-format': {
    en: { summary: 'md, docx, tex, html; tables also csv, excel, xlsx; mindmap mermaid, dot, svg; project qdpx, qdc (default: from the -o extension, else md)' },
    fr: { summary: "md, docx, tex, html ; les tableaux aussi csv, excel, xlsx ; mindmap mermaid, dot, svg ; project qdpx, qdc (par défaut : l’extension de -o, sinon md)" },
  },
  'opt-coder-export': {
    en: { summary: 'whose coding to export (default: consensus if it exists, else coder in codage.yaml, else the only coder)' },
    fr: { summary: 'codage à exporter (par défaut : consensus s’il existe, sinon coder de codage.yaml, sinon le seul codeur)' },
  },
  'opt-by-export': {
    en: { summary: 'participant attribute for the matrix columns and the methods group counts, or pair' },
    fr: { summary: 'attribut des participants pour les colonnes de la matrice et les groupes des méthodes, ou pair' },
  },
  'opt-quotes': { en: { summary: 'at most this many quotes per code, or all' }, fr: { summary: 'au plus ce nombre de verbatims par code, ou all' } },
  'opt-order': { en: { summary: 'order of the quotes: interview, shortest or longest' }, fr: { summary: 'ordre des verbatims : interview (entretiens), shortest (courts), longest (longs)' } },
  'opt-no-exemplary-first': { en: { summary: 'do not put exemplary quotes (*) first' }, fr: { summary: 'ne pas mettre les verbatims exemplaires (*) en premier' } },
  'opt-one-per-participant': { en: { summary: 'at most one quote per participant for each code' }, fr: { summary: 'au plus un verbatim par participant pour chaque code' } },
  'opt-omit-annotations': {
    en: { summary: 'leave out transcription marks such as *laughs* or (silence)' },
    fr: { summary: 'retirer les annotations de transcription comme *rire* ou (silence)' },
  },
  'opt-no-counts': { en: { summary: 'no n/N and reference counts beside codes' }, fr: { summary: 'sans les comptes n/N et références à côté des codes' } },
  'opt-no-empty-codes': { en: { summary: 'leave out codes that no segment uses' }, fr: { summary: "laisser de côté les codes qu’aucun segment n’utilise" } },
  'opt-attributes': {
    en: { summary: 'participants table columns, e.g. sex,age,years=Years in practice' },
    fr: { summary: "colonnes du tableau des participants, ex. sexe,age,annees_exercice=Années d’exercice" },
  },
  'opt-cell-quotes': { en: { summary: 'matrix: one quote in each cell' }, fr: { summary: 'matrix : un verbatim dans chaque case' } },
  'opt-unit': { en: { summary: 'cooccurrence: count shared segments or sentences' }, fr: { summary: 'cooccurrence : compter les segments ou les phrases partagés' } },
  'opt-landscape': { en: { summary: 'docx: landscape pages' }, fr: { summary: 'docx : pages en paysage' } },
  'opt-standalone': { en: { summary: 'tex: a whole document to compile, not a fragment to \\input' }, fr: { summary: 'tex : un document complet à compiler, pas un fragment à \\input' } },
  'opt-date': { en: { summary: 'write this date (YYYY-MM-DD or today) in the file' }, fr: { summary: 'écrire cette date (AAAA-MM-JJ ou today) dans le fichier' } },
  compare: {
    examples: [
      { line: 'codage compare marie paul', typical: true },
      { line: 'codage compare marie paul --unit char --aggregate mean' },
      { line: 'codage compare marie paul --participants MG1,MG4 --threshold 0.7' },
      { line: 'codage compare marie paul --format md -o accord.md' },
      { line: 'codage compare marie paul --format docx -o accord.docx' },
      { line: 'codage compare marie paul --disagreements' },
      { line: 'codage compare marie paul --disagreements --format excel -o desaccords.csv' },
      { line: 'codage compare marie paul jean --json' },
    ],
    en: {
      summary: 'agreement between coders: percent agreement, Cohen\'s kappa, Krippendorff\'s alpha; disagreements',
      after: `
Per code, per transcript and overall. By default only the transcripts every named coder coded
are compared (--participants to choose). Units: sentence (default), char (as NVivo),
paragraph (non-blank lines), transcript (code presence, as MAXQDA). Aggregation over
transcripts and codes: pooled table (default), unweighted mean, or mean weighted by size.
Undefined coefficients say "undefined" and why. Ends with a sentence for the thesis.`,
    },
    fr: {
      summary: 'accord entre codeurs : accord observé, kappa de Cohen, alpha de Krippendorff ; désaccords',
      after: `
Par code, par transcription et pour l’ensemble. Par défaut, seules les transcriptions codées par
tous les codeurs nommés sont comparées (--participants pour choisir). Unités : sentence (phrase,
par défaut), char (caractère, comme NVivo), paragraph (ligne non vide), transcript (présence du
code, comme MAXQDA). Agrégation sur les transcriptions et les codes : tableau cumulé (pooled,
par défaut), moyenne non pondérée (mean) ou pondérée par la taille (weighted). Un coefficient
non défini est dit « non défini », avec la raison. Se termine par une phrase pour la thèse.`,
    },
  },
  'arg-coders': { en: { summary: 'coder names (at least two)' }, fr: { summary: 'noms des codeurs (au moins deux)' } },
  'opt-agreement-unit': {
    en: { summary: 'unit of agreement: sentence, char, paragraph or transcript' },
    fr: { summary: "unité d’accord : sentence (phrase), char (caractère), paragraph ou transcript" },
  },
  'opt-participants': {
    en: { summary: 'compare only these participants (e.g. MG1,MG4)' },
    fr: { summary: 'comparer seulement ces participants (ex. MG1,MG4)' },
  },
  'opt-aggregate': {
    en: { summary: 'over transcripts and codes: pooled table, unweighted mean or size-weighted mean' },
    fr: { summary: 'sur les transcriptions et les codes : tableau cumulé (pooled), moyenne (mean) ou moyenne pondérée (weighted)' },
  },
  'opt-kappa-threshold': {
    en: { summary: 'mark codes whose kappa (alpha with 3 coders or more) is under this value' },
    fr: { summary: 'signaler les codes dont le kappa (l’alpha à partir de 3 codeurs) est sous cette valeur' },
  },
  'opt-tolerance': {
    en: { summary: 'words by which the boundaries of one code may differ and still agree' },
    fr: { summary: "nombre de mots d’écart toléré entre les limites d’un même code" },
  },
  'opt-disagreements': {
    en: { summary: 'list the disagreements (with --format csv|excel for a spreadsheet)' },
    fr: { summary: 'lister les désaccords (avec --format csv|excel pour un tableur)' },
  },
  'opt-compare-format': {
    en: { summary: 'text (screen), md (Markdown tables for the thesis), docx (Word, with -o), csv (R, Python), excel (CSV), xlsx (with -o); default: from the -o extension, else text' },
    fr: { summary: 'text (écran), md (tableaux Markdown pour la thèse), docx (Word, avec -o), csv (R, Python), excel (CSV), xlsx (avec -o) ; par défaut : l’extension de -o, sinon text' },
  },
  reconcile: {
    examples: [
      { line: 'codage reconcile marie paul --into consensus', needs: { kind: 'terminal', why: 'opens the screen that steps through the disagreements' } },
      { line: 'codage reconcile marie paul --into consensus --participants MG1,MG4', needs: { kind: 'terminal', why: 'opens the screen that steps through the disagreements' } },
      { line: 'codage reconcile marie paul --into consensus --strategy union' },
      { line: 'codage reconcile marie paul --into consensus --strategy prefer-a --json' },
      { line: 'codage stats --coder consensus' },
    ],
    en: {
      summary: 'settle the disagreements of two coders, one by one, into a consensus coder file',
      after: `
An interactive screen steps through every disagreement with its context: keep A’s coding,
B’s, both, neither, the text both coded, or edit the boundaries and codes; add a note; skip;
v reads the memos of both sides and the note whole (? lists every key). Each decision is saved at once in codings/<into>.yaml (a normal coder file: every command
takes --coder <into>) and in the decisions log <into>-decisions.csv (disagreement, both
codings, decision, note, who, when; in the study’s language), which documents the "mise en
commun" for the thesis. Run it again to go on where you stopped. Passages both coders coded
alike go into the consensus untouched; transcripts only one of them coded are copied. A
consensus segment keeps the memos (signed "coder : memo" when several) and exemplary marks of
the segments it comes from; those of codings a decision leaves out are listed at the end.
On the very passage of a coder’s segment, it keeps that segment’s quote id (quote), ambiguous
mark and context whatever codes were decided: a quote cited by its id (codage segments) is the
same quote in the consensus. A place confirmed in the consensus (codage confirm --coder
<into>) stays confirmed. A consensus changed since otherwise (coded on, edited by hand) is not
overwritten: the refusal says segment by segment what --force would do.
Without a terminal, --strategy decides every disagreement not yet decided by a rule:
union (keep both), intersection (only what both coded), prefer-a, prefer-b.`,
    },
    fr: {
      summary: 'trancher un à un les désaccords de deux codeurs, dans un fichier de codeur de consensus',
      after: `
Un écran présente chaque désaccord dans son contexte : garder le codage de A, celui de B, les
deux, aucun, le texte codé par les deux, ou modifier les limites et les codes ; ajouter une
note ; passer ; v affiche en entier les mémos des deux côtés et la note (? liste toutes les
touches). Chaque décision est enregistrée aussitôt dans codings/<into>.yaml (un fichier de
codeur ordinaire : toutes les commandes acceptent --coder <into>) et dans le journal
<into>-decisions.csv (désaccord, les deux codages, décision, note, qui, quand ; dans la langue
de l’étude), qui documente la mise en commun pour la thèse. Relancer la commande reprend là où
vous vous étiez arrêtés. Les passages codés de la même façon vont tels quels dans le consensus ;
les transcriptions codées par un seul des deux y sont copiées. Un segment du consensus garde
les mémos (signés « codeur : mémo » s’il y en a plusieurs) et les marques de verbatim exemplaire
des segments dont il vient ; ceux des codages qu’une décision écarte sont listés à la fin.
Sur le passage même d’un segment d’un codeur, il garde l’identifiant de citation (quote), la
marque ambiguous et le contexte de ce segment, quels que soient les codes décidés : une citation
désignée par son identifiant (codage segments) reste la même dans le consensus. Une place
confirmée dans le consensus (codage confirm --coder <into>) reste confirmée. Un consensus
modifié depuis autrement (codé, retouché à la main) n’est pas écrasé : le refus dit segment par
segment ce que ferait --force.
Sans terminal, --strategy tranche par une règle chaque désaccord pas encore tranché :
union (garder les deux), intersection (seulement ce que les deux ont codé), prefer-a, prefer-b.`,
    },
  },
  'arg-coder-a': { en: { summary: 'coder A' }, fr: { summary: 'codeur A' } },
  'arg-coder-b': { en: { summary: 'coder B' }, fr: { summary: 'codeur B' } },
  'opt-into': { en: { summary: 'name of the consensus coder file' }, fr: { summary: 'nom du fichier de codeur du consensus' } },
  'opt-strategy': {
    en: { summary: 'decide without the screen: union, intersection, prefer-a or prefer-b' },
    fr: { summary: "trancher sans l’écran : union, intersection, prefer-a ou prefer-b" },
  },
  'opt-who': { en: { summary: 'who decides, as written in the log (default: both coders; with --strategy, the rule follows)' }, fr: { summary: 'qui tranche, tel qu’écrit au journal (par défaut : les deux codeurs ; avec --strategy, suivi de la règle)' } },
  'opt-log': { en: { summary: 'decisions log (default: <into>-decisions.csv in the study)' }, fr: { summary: "journal des décisions (par défaut : <into>-decisions.csv dans l’étude)" } },
  'opt-force-consensus': {
    en: { summary: 'rebuild the consensus even if it was changed since (the old file is kept in .codage/backups)' },
    fr: { summary: 'reconstruire le consensus même s’il a été modifié depuis (l’ancien fichier est gardé dans .codage/backups)' },
  },
  merge: {
    examples: [
      { line: 'codage merge ../copie-paul' },
      { line: 'codage merge ../copie-paul --coder paul --dry-run', typical: true },
      { line: 'codage merge /media/cle/these --coder paul --force', needs: { kind: 'file', why: 'a copy of the study on a USB stick' } },
    ],
    en: {
      summary: "bring back a second coder’s coder file and new codes from their copy of the study",
      after: `
The second coder often codes on their own copy of the study (sent by e-mail, or a git clone).
merge brings their coder file back: codes are matched by id, then by name; their new themes
and codes are added to codebook.yaml (your comments untouched); renamed codes are reported
(your names are kept). Segments in a transcript that differs between the copies are found
again by their quoted text, and reported; one that cannot be placed is kept as it is and
reported by codage check. A coder file that already exists here and differs is not replaced
without --force (the old one is kept in .codage/backups/). Without --coder, the coder files of
the other copy that do not exist here are brought.`,
    },
    fr: {
      summary: "reprendre le fichier et les nouveaux codes d’un second codeur depuis sa copie de l’étude",
      after: `
Le second codeur code souvent sur sa propre copie de l’étude (envoyée par courriel, ou un clone
git). merge en reprend son fichier de codeur : les codes sont reconnus par leur identifiant,
puis par leur nom ; ses nouveaux thèmes et codes sont ajoutés à codebook.yaml (vos
commentaires intacts) ; les codes renommés sont signalés (vos noms sont gardés). Les segments
d’une transcription qui diffère entre les deux copies sont retrouvés par leur texte, et
signalés ; un segment introuvable est gardé tel quel et signalé par codage check. Un fichier
de codeur qui existe déjà ici et diffère n’est pas remplacé sans --force (l’ancien est gardé
dans .codage/backups/). Sans --coder, les fichiers de codeur de l’autre copie absents d’ici
sont repris.`,
    },
  },
  'merge-driver': {
    examples: [
      { line: { en: 'codage merge-driver base.yaml codebook.yaml other.yaml', fr: 'codage merge-driver base.yaml codebook.yaml autre.yaml' }, note: { en: 'by hand: writes into codebook.yaml', fr: 'à la main : écrit dans codebook.yaml' } },
    ],
    en: {
      summary: 'git merge driver for codebook.yaml (three-way, keeps comments); see the README',
      after: `
git calls it with the common ancestor, this branch’s file (replaced by the result) and the
other branch’s. Changes of the other branch are applied where this one left things alone;
both-sides changes and removals are reported and make the merge stop for you to look.`,
      afterExamples: `
Set up once in the study’s repository, for git to call it:
  echo "codebook.yaml merge=codage-codebook" >> .gitattributes
  git config merge.codage-codebook.name "codage codebook merge"
  git config merge.codage-codebook.driver "codage merge-driver %O %A %B %P"`,
    },
    fr: {
      summary: 'pilote de fusion git pour codebook.yaml (à trois voies, garde les commentaires) ; voir le README',
      after: `
git l’appelle avec l’ancêtre commun, le fichier de cette branche (remplacé par le résultat) et
celui de l’autre branche. Les modifications de l’autre branche sont appliquées là où celle-ci
n’a rien changé ; les modifications des deux côtés et les suppressions sont signalées et
arrêtent la fusion pour que vous regardiez.`,
      afterExamples: `
À configurer une fois dans le dépôt de l’étude, pour que git l’appelle :
  echo "codebook.yaml merge=codage-codebook" >> .gitattributes
  git config merge.codage-codebook.name "codage codebook merge"
  git config merge.codage-codebook.driver "codage merge-driver %O %A %B %P"`,
    },
  },
  'arg-other-study': { en: { summary: "the other copy of the study (its folder)" }, fr: { summary: "l’autre copie de l’étude (son dossier)" } },
  'opt-merge-coder': { en: { summary: 'coder file(s) to bring (e.g. paul)' }, fr: { summary: 'fichier(s) de codeur à reprendre (ex. paul)' } },
  'opt-force-merge': { en: { summary: 'replace a coder file that differs here (kept in .codage/backups)' }, fr: { summary: 'remplacer un fichier de codeur qui diffère ici (gardé dans .codage/backups)' } },
  'arg-base': { en: { summary: 'common ancestor (%O)' }, fr: { summary: 'ancêtre commun (%O)' } },
  'arg-ours': { en: { summary: "this branch’s file, replaced by the result (%A)" }, fr: { summary: 'fichier de cette branche, remplacé par le résultat (%A)' } },
  'arg-theirs': { en: { summary: "the other branch’s file (%B)" }, fr: { summary: "fichier de l’autre branche (%B)" } },
  'arg-path': { en: { summary: 'path of the file in the repository (%P)' }, fr: { summary: 'chemin du fichier dans le dépôt (%P)' } },
  'opt-study': { en: { summary: 'study folder' }, fr: { summary: "dossier de l’étude" } },
  'opt-lang': { en: { summary: 'language of messages (fr or en)' }, fr: { summary: 'langue des messages (fr ou en)' } },
  'opt-json': { en: { summary: 'print JSON' }, fr: { summary: 'afficher en JSON' } },
  'opt-json-format': { en: { summary: 'same as --format json' }, fr: { summary: 'comme --format json' } },
  'opt-fix': {
    en: { summary: 'write the safe fixes: re-anchored segments, missing codebook ids' },
    fr: { summary: 'écrire les corrections sûres : segments réancrés, identifiants manquants' },
  },
  'opt-starter': {
    en: { summary: 'starter codebook: empty, grounded-theory or thematic-analysis' },
    fr: { summary: 'livre de codes de départ : empty, grounded-theory ou thematic-analysis' },
  },
  'opt-title': { en: { summary: 'title of the study' }, fr: { summary: "titre de l’étude" } },
  'arg-dir': { en: { summary: 'folder to create (default: current folder)' }, fr: { summary: 'dossier à créer (par défaut : le dossier courant)' } },
  'arg-refi': { en: { summary: 'REFI-QDA project (.qdpx) or codebook (.qdc)' }, fr: { summary: 'projet (.qdpx) ou livre de codes (.qdc) REFI-QDA' } },
  'arg-spreadsheet': { en: { summary: 'CSV or .xlsx file' }, fr: { summary: 'fichier CSV ou .xlsx' } },
  'arg-segments': {
    en: { summary: 'segment ids (or quote ids) to confirm' },
    fr: { summary: 'identifiants des segments (ou des citations) à confirmer' },
  },
  'opt-all': { en: { summary: 'every ambiguous segment of the coder' }, fr: { summary: 'tous les segments ambigus du codeur' } },
  'opt-coder-confirm': { en: { summary: 'coder whose segments are confirmed' }, fr: { summary: 'codeur dont les segments sont confirmés' } },
  'arg-participant': { en: { summary: 'participant id (e.g. P03)' }, fr: { summary: 'identifiant du participant (ex. P03)' } },
  'opt-coder': { en: { summary: 'coder whose file receives the segments' }, fr: { summary: 'codeur dont le fichier reçoit les segments' } },
  'opt-coder-filter': { en: { summary: 'only this coder' }, fr: { summary: 'seulement ce codeur' } },
  'opt-coder-code': { en: { summary: 'your coder name' }, fr: { summary: 'votre nom de codeur' } },
  'opt-no-mouse': {
    en: { summary: 'leave the mouse to the terminal (its own selection and copy) instead of clicking and dragging to select' },
    fr: { summary: 'laisser la souris au terminal (sa propre sélection, copier) au lieu de cliquer et glisser pour sélectionner' },
  },
  'opt-participant-filter': { en: { summary: 'only this participant' }, fr: { summary: 'seulement ce participant' } },
  'opt-code-filter': { en: { summary: 'only this code (id or name)' }, fr: { summary: 'seulement ce code (identifiant ou nom)' } },
  'opt-append': { en: { summary: "add to the coder’s existing segments" }, fr: { summary: 'ajouter aux segments existants du codeur' } },
  'opt-replace': {
    en: { summary: "replace the coder’s segments (the old file is kept in .codage/backups; a segment found again where it was keeps its id)" },
    fr: { summary: "remplacer les segments du codeur (l’ancien fichier est gardé dans .codage/backups ; un segment retrouvé au même endroit garde son identifiant)" },
  },
  'opt-min-score': {
    en: { summary: 'lowest score (0–1) at which a quote is anchored' },
    fr: { summary: 'score minimal (0–1) pour ancrer un verbatim' },
  },
  'opt-review': {
    en: { summary: 'review file (default: import-review-<coder>.csv in the study)' },
    fr: { summary: "fichier de revue (par défaut : import-review-<codeur>.csv dans l’étude)" },
  },
  'opt-dry-run': { en: { summary: 'show what would be imported; write nothing' }, fr: { summary: "montrer ce qui serait importé, sans rien écrire" } },
  'arg-sources': { en: { summary: 'files, folders or globs to import' }, fr: { summary: 'fichiers, dossiers ou motifs à importer' } },
  'opt-speakers': { en: { summary: 'YAML file mapping speaker labels to the study\'s (Interviewer: E)' }, fr: { summary: 'fichier YAML des étiquettes de locuteur à remplacer (Enquêtrice: E)' } },
  'opt-speaker': { en: { summary: 'one speaker label to replace, "label=new" (repeatable)' }, fr: { summary: 'une étiquette de locuteur à remplacer, « étiquette=nouvelle » (répétable)' } },
  'opt-force': { en: { summary: 'replace transcripts that already exist' }, fr: { summary: 'remplacer les transcriptions qui existent déjà' } },
  'opt-dry-run-import': { en: { summary: 'show what would be imported; write nothing' }, fr: { summary: "montrer ce qui serait importé, sans rien écrire" } },
  'opt-privacy': {
    en: { summary: 'look for what could identify someone (names, places, phones, e-mails, addresses, dates of birth…)' },
    fr: { summary: 'chercher ce qui pourrait identifier quelqu’un (noms, lieux, téléphones, e-mails, adresses, dates de naissance…)' },
  },
  'opt-map': { en: { summary: 'apply this replacement table (YAML: "original: replacement")' }, fr: { summary: 'appliquer cette table de remplacements (YAML : « original: remplacement »)' } },
  'opt-key': { en: { summary: 'where the anonymisation key is kept (outside the study)' }, fr: { summary: "où garder la clé d’anonymisation (hors de l’étude)" } },
  'opt-dry-run-anonymise': { en: { summary: 'list every replacement; write nothing' }, fr: { summary: 'lister chaque remplacement, sans rien écrire' } },
  'opt-format': { en: { summary: 'output format' }, fr: { summary: 'format de sortie' } },
  'opt-segments-format': {
    en: { summary: 'output format (default: from the -o extension, else csv)' },
    fr: { summary: 'format de sortie (par défaut : l’extension de -o, sinon csv)' },
  },
  'opt-output': { en: { summary: 'write to this file instead of the screen' }, fr: { summary: "écrire dans ce fichier plutôt qu’à l’écran" } },
  'arg-quotes-node': { en: { summary: 'a code or a theme: name, id or path ("Theme > Sub-theme")' }, fr: { summary: 'un code ou un thème : nom, identifiant ou chemin (« Thème > Sous-thème »)' } },
  'opt-coder-quotes': {
    en: { summary: "this coder’s quotes (default: the coding exports show, else every coder)" },
    fr: { summary: 'les citations de ce codeur (par défaut : le codage des exports, sinon tous les codeurs)' },
  },
  'opt-by-quotes': {
    en: { summary: 'group the quotes by this participant attribute (e.g. sexe, group), with counts' },
    fr: { summary: 'grouper les citations par cet attribut des participants (ex. sexe, group), avec les effectifs' },
  },
  'opt-context': {
    en: { summary: 'show N sentences of the transcript before and after each quote' },
    fr: { summary: 'montrer N phrases de la transcription avant et après chaque citation' },
  },
  'opt-by': {
    en: { summary: 'also count per value of this participant attribute (e.g. group)' },
    fr: { summary: 'compter aussi par valeur de cet attribut des participants (ex. group)' },
  },
  'opt-coder-saturation': {
    en: { summary: 'only this coder (default: the consensus where there is one, else every coder)' },
    fr: { summary: 'seulement ce codeur (par défaut : le consensus là où il existe, sinon tous les codeurs)' },
  },
  'opt-by-saturation': {
    en: { summary: 'one analysis per value of this participant attribute (e.g. group)' },
    fr: { summary: 'une analyse par valeur de cet attribut des participants (ex. group)' },
  },
  'opt-level': {
    en: { summary: 'count codes, or the themes that directly hold them' },
    fr: { summary: 'compter les codes, ou les thèmes qui les contiennent directement' },
  },
  'opt-method': {
    en: { summary: 'methods to report: guest, stopping, shares, all (default: all)' },
    fr: { summary: 'méthodes à présenter : guest, stopping, shares, all (par défaut : all)' },
  },
  'opt-base': { en: { summary: 'Guest et al.: interviews in the base (default 4)' }, fr: { summary: 'Guest et al. : entretiens de la base (4 par défaut)' } },
  'opt-run': { en: { summary: 'Guest et al.: interviews per run (default 2)' }, fr: { summary: 'Guest et al. : entretiens par série (2 par défaut)' } },
  'opt-threshold': {
    en: { summary: 'Guest et al.: new-code threshold in percent (default 5)' },
    fr: { summary: 'Guest et al. : seuil de nouveaux codes, en pourcentage (5 par défaut)' },
  },
  'opt-denominator': {
    en: { summary: 'Guest et al.: ratio over the base (fixed) or over all codes seen before the run (growing)' },
    fr: { summary: 'Guest et al. : ratio rapporté à la base (fixed) ou à tous les codes vus avant la série (growing)' },
  },
  'opt-stopping': {
    en: { summary: 'stopping rule INITIAL+STOP (default 10+3, Francis et al. 2010), or last-two (0+2)' },
    fr: { summary: "règle d’arrêt INITIAL+ARRÊT (10+3 par défaut, Francis et al. 2010), ou last-two (0+2)" },
  },
  'opt-shares': {
    en: { summary: 'shares of the final codes to report, in percent (default 90,95,100)' },
    fr: { summary: 'parts des codes finaux à présenter, en pourcentage (90,95,100 par défaut)' },
  },
  'opt-figure': {
    en: { summary: 'write the figure: .svg, .png or .tex (pgfplots); can be given several times' },
    fr: { summary: 'écrire la figure : .svg, .png ou .tex (pgfplots) ; peut être répété' },
  },
  'opt-definition': { en: { summary: 'what the code means' }, fr: { summary: 'ce que le code veut dire' } },
  'opt-include': { en: { summary: 'inclusion criteria' }, fr: { summary: "critères d’inclusion" } },
  'opt-exclude': { en: { summary: 'exclusion criteria (and where such quotes go instead)' }, fr: { summary: "critères d’exclusion (et où vont ces verbatims)" } },
  'opt-example': { en: { summary: 'a typical quote' }, fr: { summary: 'un verbatim type' } },
  'opt-description': { en: { summary: 'a description (for a theme)' }, fr: { summary: 'une description (pour un thème)' } },
  'opt-color': { en: { summary: 'a colour, e.g. "#c0392b"' }, fr: { summary: 'une couleur, p. ex. "#c0392b"' } },
  'arg-code-name': { en: { summary: 'name of the new code' }, fr: { summary: 'nom du nouveau code' } },
  'arg-node': { en: { summary: 'a code or theme: name, id, or "Theme > Sub-theme"' }, fr: { summary: 'un code ou un thème : nom, identifiant, ou "Thème > Sous-thème"' } },
  'arg-new-name': { en: { summary: 'the new name' }, fr: { summary: 'le nouveau nom' } },
  'opt-theme': { en: { summary: 'theme to put it in: "Theme > Sub-theme" (created if missing)' }, fr: { summary: 'thème où le mettre : "Thème > Sous-thème" (créé au besoin)' } },
  'opt-to': { en: { summary: 'theme to move it into: "Theme > Sub-theme" (created if missing)' }, fr: { summary: 'thème où le déplacer : "Thème > Sous-thème" (créé au besoin)' } },
  'opt-ungrouped': { en: { summary: 'out of every theme (a code), or to the top level (a theme)' }, fr: { summary: 'hors de tout thème (un code), ou au premier niveau (un thème)' } },
  'arg-merge-from': { en: { summary: 'the code that disappears' }, fr: { summary: 'le code qui disparaît' } },
  'arg-merge-into': { en: { summary: 'the code its segments now carry' }, fr: { summary: 'le code que ses segments portent désormais' } },
  'arg-participant-old': { en: { summary: 'the participant id as it is (MG1)' }, fr: { summary: 'l’identifiant du participant tel qu’il est (MG1)' } },
  'arg-participant-new': { en: { summary: 'the new id (MG01)' }, fr: { summary: 'le nouvel identifiant (MG01)' } },
  'opt-edit-dry-run': { en: { summary: 'say what would change, write nothing' }, fr: { summary: 'dire ce qui changerait, sans rien écrire' } },
  'opt-merge-into': { en: { summary: 'give its segments this code instead' }, fr: { summary: 'donner ce code à ses segments à la place' } },
  'opt-drop-segments': {
    en: { summary: 'remove the code from its segments (segments left with no code are removed)' },
    fr: { summary: "retirer le code de ses segments (les segments sans plus aucun code sont supprimés)" },
  },
  'opt-split-into': { en: { summary: 'the codes it becomes (its own name keeps the rest)' }, fr: { summary: 'les codes qu’il devient (son propre nom garde le reste)' } },
  'opt-segments': {
    en: { summary: 'which code each segment goes to: ID=CODE,ID=CODE (can be repeated); without it, a screen on a terminal' },
    fr: { summary: 'le code de chaque segment : ID=CODE,ID=CODE (peut être répété) ; sans lui, un écran dans le terminal' },
  },
  'opt-undo-list': { en: { summary: 'list the edits that can be undone, last first' }, fr: { summary: 'lister les modifications annulables, la dernière d’abord' } },
  'arg-memo-subject': {
    en: { summary: '"study", a participant id, a code or a theme (none: list the memos)' },
    fr: { summary: '« étude », un identifiant de participant, un code ou un thème (aucun : lister les mémos)' },
  },
  'arg-memo-text': { en: { summary: 'the entry to add ("-": read it from standard input)' }, fr: { summary: 'l’entrée à ajouter (« - » : la lire sur l’entrée standard)' } },
  'opt-memo-edit': { en: { summary: 'open the memo in $VISUAL or $EDITOR' }, fr: { summary: 'ouvrir le mémo dans $VISUAL ou $EDITOR' } },
  'opt-memo-coder': { en: { summary: 'who signs the entry (else CODAGE_CODER, else codage.yaml)' }, fr: { summary: 'qui signe l’entrée (sinon CODAGE_CODER, sinon codage.yaml)' } },
  'arg-autocode-search': {
    en: { summary: 'words to find: * for any letters, OR between alternatives (or a regex with --regex)' },
    fr: { summary: 'mots à trouver : * pour des lettres, OR entre possibilités (ou une regex avec --regex)' },
  },
  'opt-autocode-code': { en: { summary: 'the code to give (name, id or path)' }, fr: { summary: 'le code à donner (nom, identifiant ou chemin)' } },
  'opt-autocode-unit': { en: { summary: 'what is coded around each hit: word, sentence or turn' }, fr: { summary: 'ce qui est codé autour de chaque occurrence : word (mot), sentence (phrase) ou turn (tour)' } },
  'opt-autocode-participants': { en: { summary: 'only these participants: P1,P4' }, fr: { summary: 'seulement ces participants : P1,P4' } },
  'opt-autocode-interviewer': { en: { summary: 'code hits in the interviewer’s turns too' }, fr: { summary: 'coder aussi les occurrences des tours de l’enquêteur' } },
  'opt-autocode-regex': { en: { summary: 'the search is a regular expression (case-insensitive)' }, fr: { summary: 'la recherche est une expression régulière (sans casse)' } },
  'opt-by-question': { en: { summary: 'code each answer with its question (structural coding)' }, fr: { summary: 'coder chaque réponse avec sa question (codage structurel)' } },
  'opt-guide': { en: { summary: 'the interview guide: a text file of numbered questions' }, fr: { summary: 'le guide d’entretien : un fichier texte de questions numérotées' } },
  'opt-autocode-dry-run': { en: { summary: 'list what would be coded, write nothing' }, fr: { summary: 'lister ce qui serait codé, sans rien écrire' } },
  'opt-csv': { en: { summary: 'write the table per interview as CSV' }, fr: { summary: 'écrire le tableau par entretien en CSV' } },
} satisfies Record<string, Entry>;

export type HelpEntry = keyof typeof entries;

/** Every entry of the help: commands, subcommands, arguments and options. */
export const HELP_ENTRIES = Object.keys(entries) as HelpEntry[];

/** Every entry that has examples, with them: what the test of the help runs. */
export function helpExamples(): [HelpEntry, Example[]][] {
  return (Object.entries(entries) as [HelpEntry, Entry][]).flatMap(([name, e]) => (e.examples === undefined ? [] : [[name, e.examples] as [HelpEntry, Example[]]]));
}

/** The command line of an example, in a language. */
export function exampleLine(example: Example, language: Language): string {
  return typeof example.line === 'string' ? example.line : example.line[language];
}

/**
 * The "Examples:" block: one line each, indented by two. A note starts three spaces after its
 * line, in one column with the notes of the lines next to it when those are of about its length
 * (ten characters apart at most), and goes on under its first word.
 */
function examplesBlock(examples: Example[], language: Language): string {
  const width = (s: string) => [...s].length;
  const lines = examples.map((e) => exampleLine(e, language));
  const columns = examples.map((e, i) => (e.note === undefined ? 0 : width(lines[i]!) + 3));
  for (let i = 0; i < examples.length; ) {
    let end = i + 1;
    if (columns[i]! > 0) {
      const run = (j: number) => columns.slice(i, j);
      while (end < examples.length && columns[end]! > 0 && Math.max(...run(end + 1)) - Math.min(...run(end + 1)) <= 10) end++;
      const column = Math.max(...run(end));
      for (let j = i; j < end; j++) columns[j] = column;
    }
    i = end;
  }
  const body = examples.map((e, i) => {
    const line = lines[i]!;
    if (e.note === undefined) return `  ${line}`;
    const column = columns[i]!;
    const [first, ...more] = helpProse(e.note[language], language).split('\n');
    return `${[`  ${line}${' '.repeat(column - width(line))}(${first}`, ...more.map((m) => `${' '.repeat(column + 3)}${m}`)].join('\n')})`;
  });
  return `${language === 'fr' ? 'Exemples\u00a0:' : 'Examples:'}\n${body.join('\n')}`;
}

/** A line of help that is a command to type: left exactly as written (the shell needs its quotes). */
const COMMAND_LINE = /^\s+(codage|git|npm|node)\s/;

/**
 * French typography for the help's prose, never for a command line: the apostrophe `’`, a
 * no-break space before `:` and a narrow one before `;` `!` `?`, no-break spaces inside « ».
 * English is returned unchanged.
 */
export function helpProse(text: string, language: Language): string {
  if (language !== 'fr') return text;
  return text
    .split('\n')
    .map((line) =>
      COMMAND_LINE.test(line)
        ? line
        : frenchSpacing(line.replace(/(\p{L})'(?=\p{L})/gu, '$1’'), 'fr')
            .replace(/« /g, '«\u00a0')
            .replace(/ »/g, '\u00a0»'),
    )
    .join('\n');
}

export function help(entry: HelpEntry, language: Language): HelpText {
  const e: Entry = entries[entry];
  const raw = e[language];
  const texts: Texts = {
    summary: helpProse(raw.summary, language),
    ...(raw.after === undefined ? {} : { after: helpProse(raw.after, language) }),
    ...(raw.afterExamples === undefined ? {} : { afterExamples: helpProse(raw.afterExamples, language) }),
  };
  const examples = e.examples ?? [];
  const parts = [texts.after, examples.length > 0 ? examplesBlock(examples, language) : undefined, texts.afterExamples]
    .filter((p): p is string => p !== undefined)
    .map((p) => p.replace(/^\n+|\n+$/g, ''));
  const typical = examples.find((x) => x.typical) ?? examples[0];
  return {
    summary: texts.summary,
    after: parts.length > 0 ? `\n${parts.join('\n\n')}` : undefined,
    example: typical === undefined ? undefined : exampleLine(typical, language),
  };
}

/** What `codage --help` says after the list of commands: one example per command there is. */
export function programHelp(language: Language, examples: string[]): string {
  const lines = examples.map((e) => `  ${e}`).join('\n');
  return language === 'fr'
    ? helpProse(`
Une étude est un dossier avec transcripts/ (et, au besoin, codage.yaml, participants.csv,
codebook.yaml, codings/). Chaque commande travaille sur le dossier courant, ou --study DOSSIER.

Exemples :
${lines}

Codes de sortie : 0 tout va bien, 1 les données de l’étude sont à corriger, 2 mauvais usage.
Langue : --lang fr|en, sinon « language » dans codage.yaml, sinon LANG. NO_COLOR retire les couleurs.`, 'fr')
    : `
A study is a folder with transcripts/ (and optionally codage.yaml, participants.csv,
codebook.yaml, codings/). Every command works on the current folder, or --study DIR.

Examples:
${lines}

Exit codes: 0 ok, 1 the study’s data needs fixing, 2 wrong usage.
Language: --lang fr|en, else codage.yaml "language", else LANG. NO_COLOR disables colours.`;
}
