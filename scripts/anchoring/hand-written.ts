/**
 * Quotes written by hand from the demo transcripts, the messy way a thesis author copies them
 * from Word or a PDF into a spreadsheet: the participant's label pasted after the quote,
 * guillemets with non-breaking spaces, curly apostrophes where the transcript has straight ones
 * (and the reverse), `euh` dropped, `ne` restored, a word added, numbers in figures, a word
 * hyphenated across a line break, hard line breaks, several passages compiled with `.....`,
 * `[...]`, `/` or nothing, passages glued, the interviewer's question pasted with the answer,
 * a repeated word, and a few quotes reworded beyond what can be placed with confidence.
 *
 * `truth`: the exact transcript passages the quote comes from, in the quote's order; a pair
 * `[text, n]` is the n-th occurrence (0 = first) of a passage found more than once.
 */
export interface HandWrittenCase {
  /** The transcript's participant id. */
  participant: string;
  /** The participant as the spreadsheet writes it, when it differs. */
  cell?: string;
  quote: string;
  truth: (string | [string, number])[];
}

export const HAND_WRITTEN: HandWrittenCase[] = [
  // MG1 — straight apostrophes in the transcript.
  {
    participant: 'MG1',
    quote: '« Je me sens un peu inutile, en fait. On a fait le tour, on a essayé les antidépresseurs, le Lyrica, la kiné, la balnéo… et rien ne marche vraiment » (MG1)',
    truth: ["Je me sens un peu inutile, en fait. On a fait le tour, on a essayé les antidépresseurs, le Lyrica, la kiné, la balnéo… et euh, rien ne marche vraiment"],
  },
  {
    participant: 'MG1',
    cell: 'mg01',
    quote: "Je pense que je fais trop d’examens, honnêtement..... moi j’ai toujours peur de passer à côté de quelque chose",
    truth: ["Je pense que je fais trop d'examens, honnêtement", "moi j'ai toujours peur de passer à côté de quelque chose"],
  },
  {
    participant: 'MG1',
    quote: "on bricole en attendantc'est des propositions que j'avais déjà faites",
    truth: ['On bricole en attendant', "c'est des propositions que j'avais déjà faites"],
  },
  {
    participant: 'MG1',
    quote: "J'aimerais bien faire une forma-\ntion, d'ailleurs, une FMC ou un DU, mais le temps... avec les enfants, le cabinet...",
    truth: ["J'aimerais bien faire une formation, d'ailleurs, une FMC ou un DU, mais le temps… avec les enfants, le cabinet…"],
  },
  {
    participant: 'MG1',
    quote: 'lombalgie',
    truth: [['lombalgie', 1]],
  },
  {
    participant: 'MG1',
    quote: 'je ne sais pas si elle est en manque ou si elle a mal',
    truth: ['je sais pas si elle est en manque ou si elle a mal'],
  },
  {
    participant: 'MG1',
    quote: "Il y en a une [kinésithérapeute] qui fait beaucoup de rééducation à l'effort, de reconditionnement",
    truth: ["Il y en a une qui fait beaucoup de rééducation à l'effort, de reconditionnement"],
  },
  {
    participant: 'MG1',
    quote: 'Vous la redoutez ? Oui, enfin, redouter c’est peut-être un grand mot.',
    truth: ["Oui, enfin, redouter c'est peut-être un grand mot."],
  },
  {
    participant: 'MG1',
    quote: '«\u00a0J’ai une hernie, docteur, c’est écrit.\u00a0» Et là, allez lui expliquer que c’est pas ça qui explique sa douleur',
    truth: ["« J'ai une hernie, docteur, c'est écrit. » Et là, allez lui expliquer que c'est pas ça qui explique sa douleur"],
  },
  {
    participant: 'MG1',
    quote: "Le centre anti-douleur, c'est huit mois d'attente.",
    truth: ["Le centre antidouleur… *rire* C'est huit mois d'attente."],
  },
  {
    participant: 'MG1',
    quote:
      "Il y a pas de psychologue à moins de vingt minutes, et c'est pas remboursé [...] Quand on dit psychologue, ils entendent « vous êtes fou » [...] J'essaie de voir la personne entière, pas juste le dos ou le genou.",
    truth: [
      "Il y a pas de psychologue à moins de vingt minutes, et c'est pas remboursé",
      'Quand on dit psychologue, ils entendent « vous êtes fou »',
      "J'essaie de voir la personne entière, pas juste le dos ou le genou.",
    ],
  },
  {
    participant: 'MG1',
    quote: "Il y a la pression du patient qui veut être arrêté, et en même temps je sais que plus l'arrêt est long, plus c'est dur de reprendreOn peut pas vérifier. On est obligé de faire confiance.",
    truth: ["Il y a la pression du patient qui veut être arrêté, et en même temps je sais que plus l'arrêt est long, plus c'est dur de reprendre", 'On peut pas vérifier. On est obligé de faire confiance.'],
  },
  // MG8 — labels without a space before the colon.
  {
    participant: 'MG8',
    quote: "Je me sens coincée. Je ne peux pas lui dire d'arrêter le cannabis sans rien lui proposer d'autre",
    truth: ["Je me sens coincée. Je peux pas lui dire d'arrêter le cannabis sans rien lui proposer d'autre"],
  },
  {
    participant: 'MG8',
    quote: "Au bout de 10 mois d'attente.",
    truth: ["Au bout de dix mois d'attente."],
  },
  {
    participant: 'MG8',
    quote: "Et moi je me retrouve avec lui, toute seule, sans planJ'y pense le soir, parfois.",
    truth: ['Et moi je me retrouve avec lui, toute seule, sans plan', "J'y pense le soir, parfois."],
  },
  {
    participant: 'MG8',
    quote: "Elles passent tous les jours, elles évaluent la douleur avec l'échelle [...] On a un groupe sur la messagerie sécurisée, c'est très pratique",
    truth: ["Elles passent tous les jours, elles évaluent la douleur avec l'échelle", "On a un groupe sur la messagerie sécurisée, c'est très pratique"],
  },
  {
    participant: 'MG8',
    quote: "« C'est l'âge, docteur. » Alors qu'on peut faire des choses. (MG8, F, 34 ans)",
    truth: ["« C'est l'âge, docteur. » Alors qu'on peut faire des choses."],
  },
  {
    participant: 'MG8',
    quote: 'je me sens dépassé',
    truth: ['Je me sens dépassée'],
  },
  {
    participant: 'MG8',
    quote: "Deux après-midi par semaine, c'est énorme en temps",
    truth: ["Deux après-midis par semaine. C'est énorme, en temps"],
  },
  {
    participant: 'MG8',
    quote: "Il a le droit d'essayer des choses. Mais ça n'a rien changé non plus. ... Non. La plus proche est à quarante minutes.",
    truth: ["Il a le droit d'essayer des choses. Mais ça n'a rien changé non plus.", 'Non. La plus proche est à quarante minutes.'],
  },
  {
    participant: 'MG8',
    quote:
      "Il a trente ans et il est en invalidité, vous vous rendez compte ? ... Il voudrait travailler, je crois, mais il sait pas quoi faire, avec sa jambe ... il tourne en rond chez sa mère ... c'est sa mère qui s'occupe de tout ... Elle est épuisée ... Je suis le médecin de toute la famille, et je porte un peu tout ça",
    truth: [
      'Il a trente ans et il est en invalidité, vous vous rendez compte ?',
      'Il voudrait travailler, je crois, mais il sait pas quoi faire, avec sa jambe',
      'il tourne en rond chez sa mère',
      "c'est sa mère qui s'occupe de tout",
      'Elle est épuisée',
      'Je suis le médecin de toute la famille, et je porte un peu tout ça',
    ],
  },
  {
    participant: 'MG8',
    quote: 'en invalidité',
    truth: [['en invalidité', 1]],
  },
  // A2 — labels E and R.
  {
    participant: 'A2',
    quote: '«\u00a0Ils sont en première ligne, ils connaissent le patient depuis des années, sa famille, son histoire\u00a0» (A2)',
    truth: ['Ils sont en première ligne, ils connaissent le patient depuis des années, sa famille, son histoire'],
  },
  {
    participant: 'A2',
    quote: 'On apprend à prescrire, on apprend pas à déprescrire',
    truth: ["On apprend à prescrire, on n'apprend pas à déprescrire"],
  },
  {
    participant: 'A2',
    quote: "Le programme de réentraînement à l'effort, pour les lombalgiques, c'est ce qui marche le mieux [...] Beaucoup trop d'opioïdes, et des opioïdes mal utilisés",
    truth: ["Le programme de réentraînement à l'effort, pour les lombalgiques, c'est ce qui marche le mieux", "Beaucoup trop d'opioïdes, et des opioïdes mal utilisés"],
  },
  {
    participant: 'A2',
    quote: "la réponse, souvent, elle est ailleursDans le mouvement, dans l'activité physique",
    truth: ['la réponse, souvent, elle est ailleurs', "Dans le mouvement, dans l'activité physique"],
  },
  {
    participant: 'A2',
    quote: 'Il y a une forme de détresse parfois dans les courriers',
    truth: ['Il y a une forme de… de détresse, parfois, dans les courriers'],
  },
  {
    participant: 'A2',
    quote: "On sait qu'il y a des gens qui attendent et qui vont mal et on ne peut rien faire, c'est frustrant pour nous aussi",
    truth: ["On sait qu'il y a des gens qui attendent et qui vont mal, et on ne peut rien faire. C'est frustrant, pour nous aussi"],
  },
  {
    participant: 'A2',
    quote: 'Le patient arrive avec un classeur, un vrai\nclasseur, avec toutes ses IRM depuis dix  ans.',
    truth: ['Le patient arrive avec un classeur, un vrai classeur, avec toutes ses IRM depuis dix ans.'],
  },
  {
    participant: 'A2',
    cell: 'a02',
    quote: 'Mais il y a une usure, c’est vrai. On entend beaucoup de souffrance, toute la journée',
    truth: ["Mais il y a une usure, c'est vrai. On entend beaucoup de souffrance, toute la journée"],
  },
  {
    participant: 'A2',
    quote: 'Je ne jette pas la pierre aux médecins généralistes, hein. Personne ne leur a jamais appris à arrêter un opioïde.',
    truth: ['Je ne jette pas la pierre aux généralistes, hein. Personne ne leur a appris à arrêter un opioïde.'],
  },
  {
    participant: 'A2',
    quote: 'télé-expertise',
    truth: [['télé-expertise', 1]],
  },
  // MG2 — curly apostrophes in the transcript.
  {
    participant: 'MG2',
    quote: "On se connaît bien, je connais sa femme, ses enfants, j'ai soigné ses parents.",
    truth: ['On se connaît bien, je connais sa femme, je connais ses enfants, j’ai soigné ses parents.'],
  },
  {
    participant: 'MG2',
    quote: 'Le plus proche est à une heure de route / Donc j’adresse peu / Il y a eu des bonnes idées aussi, ils ont mis une patiente sous TENS',
    truth: ['Le plus proche est à une heure de route', 'Donc j’adresse peu', 'Il y a eu des bonnes idées aussi, ils ont mis une patiente sous TENS'],
  },
  {
    participant: 'MG2',
    quote: 'Ça fait partie du soin',
    truth: [['ça fait partie du soin', 0]],
  },
  {
    participant: 'MG2',
    quote: 'Les infirmières libérales, elles passent tous les jours chez certains patients, elles voient toutC’est elles qui m’appellent quand ça va pas',
    truth: ['Les infirmières libérales, elles passent tous les jours chez certains patients, elles voient tout. C’est elles qui m’appellent quand ça va pas'],
  },
  {
    participant: 'MG2',
    quote: 'Un médecin de plus dans le canton ! … une consultation douleur avancée, un algologue qui viendrait une fois par mois à l’hôpital local',
    truth: ['Un médecin de plus dans le canton !', 'une consultation douleur avancée, un algologue qui viendrait une fois par mois à l’hôpital local'],
  },
  {
    // Reworded beyond a light edit: left for review is right.
    participant: 'MG2',
    quote: 'Que le spécialiste se déplace, pas le patient.',
    truth: ['Que ce soit le spécialiste qui se déplace, pas le patient.'],
  },
  {
    participant: 'MG2',
    quote: "Il y en a qui croient plus au rebouteux qu'à moi, faut être honnête",
    truth: ['Il y en a qui croient plus au rebouteux qu’à moi, hein, faut être honnête'],
  },
  {
    participant: 'MG2',
    quote: 'la douleur, ça existait pas. On disait « il faut serrer les dents »',
    truth: ['la douleur, ça existait pas. On disait « il faut serrer les dents »'],
  },
  // MG4 — bold Markdown labels, curly apostrophes.
  {
    participant: 'MG4',
    quote: "J'ai très peur des opioïdes. Vraiment. Même le tramadol, je ne suis pas à l'aise.",
    truth: ['J’ai très peur des opioïdes. Vraiment. Même le tramadol, je suis pas à l’aise.'],
  },
  {
    participant: 'MG4',
    quote: 'Du coup je ne prescris pas, ou très peu, et je me demande si je ne laisse pas des gens avoir mal pour rien',
    truth: ['Du coup je prescris pas, ou très peu, et je me demande si je laisse pas des gens avoir mal pour rien'],
  },
  {
    participant: 'MG4',
    quote: "Je l'ai écoutée, surtout. Longtemps ... Mais je suis pas sûre de l'avoir aidée",
    truth: ['Je l’ai écoutée, surtout. Longtemps', 'Mais je suis pas sûre de l’avoir aidée'],
  },
  // MG10 — bold Markdown labels.
  {
    participant: 'MG10',
    quote: 'Neuf mois au total, c’est le temps d’une grossesse ! – MG10',
    truth: ["Neuf mois au total, c'est le temps d'une grossesse !"],
  },
  {
    participant: 'MG10',
    quote: 'Elle tourne en rond, et moi je tourne en rond avec elleDe la lassitude, un peu.',
    truth: ['Elle tourne en rond, et moi je tourne en rond avec elle', 'de la lassitude, un peu.'],
  },
  {
    participant: 'MG10',
    quote: "J'essaie d'expliquer avec des mots simples, que la douleur parfois elle continue même quand la cause est partie",
    truth: ["J'essaie d'expliquer, avec des mots simples. Que la douleur, parfois, elle continue même quand la cause est partie"],
  },
  {
    participant: 'MG10',
    quote: "J'ai des créneaux de 20 minutes, et avec eux c'est toujours 30, 40 minutes",
    truth: ["J'ai des créneaux de vingt minutes, et avec eux c'est toujours trente, quarante minutes"],
  },
  {
    // Given to the wrong participant by the author: must not be placed in MG10.
    participant: 'MG10',
    quote: 'Je me sens coincée. Je peux pas lui dire d’arrêter le cannabis',
    truth: [],
  },
  {
    // Words left out without « […] » (« un peu »): placed from its first word to its last, for review.
    participant: 'MG1',
    quote: 'Je me sens inutile',
    truth: ['Je me sens un peu inutile'],
  },
  {
    // The same, in a list: « de la relaxation » left out.
    participant: 'A1',
    quote: "on propose de l'hypnose, de la méditation",
    truth: ["on propose de l'hypnose, de la relaxation, de la méditation"],
  },
];
