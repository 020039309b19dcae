/**
 * The COREQ checklist (Tong, Sainsbury & Craig 2007, Int J Qual Health Care 19(6):349–357):
 * 32 items in 3 domains, as a table the thesis puts in its annex. Items codage knows from the
 * study are answered (sample size, description of the sample, durations, coders, coding tree,
 * saturation when measured, software, how quotations are identified); the others are left for
 * the researcher to fill in with the page where the thesis reports them.
 */
import { CONSENSUS_CODER } from '../consensus/consensus-coder.js';
import { decisionsSentence } from './consensus-sentence.js';
import { inBrackets, numberPhrase } from './participants-table.js';
import type { Language, Localized } from '../types.js';
import { numberCell, type Row, type Table, textCell } from './document.js';
import { formatDate, type StudyFacts } from './study-facts.js';
import { capitalize, frenchSpacing, joinList } from './typography.js';

interface Item {
  n: number;
  domain: Localized;
  topic: Localized;
  question: Localized;
}

const D1 = { en: 'Domain 1: Research team and reflexivity', fr: 'Domaine 1 : Équipe de recherche et réflexivité' };
const D2 = { en: 'Domain 2: Study design', fr: "Domaine 2 : Conception de l’étude" };
const D3 = { en: 'Domain 3: Analysis and findings', fr: 'Domaine 3 : Analyse et résultats' };

const item = (n: number, domain: Localized, en: [string, string], fr: [string, string]): Item => ({ n, domain, topic: { en: en[0], fr: fr[0] }, question: { en: en[1], fr: fr[1] } });

export const COREQ_ITEMS: Item[] = [
  item(1, D1, ['Interviewer/facilitator', 'Which author/s conducted the interview or focus group?'], ['Enquêteur/animateur', "Quel(s) auteur(s) a (ont) mené les entretiens ou les focus groups ?"]),
  item(2, D1, ['Credentials', "What were the researcher’s credentials? E.g. PhD, MD"], ['Titres', 'Quels étaient les titres du chercheur ? Par ex. PhD, MD']),
  item(3, D1, ['Occupation', 'What was their occupation at the time of the study?'], ['Activité', "Quelle était leur activité au moment de l’étude ?"]),
  item(4, D1, ['Gender', 'Was the researcher male or female?'], ['Genre', 'Le chercheur était-il un homme ou une femme ?']),
  item(5, D1, ['Experience and training', 'What experience or training did the researcher have?'], ['Expérience et formation', 'Quelle était l’expérience ou la formation du chercheur ?']),
  item(6, D1, ['Relationship established', 'Was a relationship established prior to study commencement?'], ['Relation antérieure', "Une relation avait-elle été établie avant le début de l’étude ?"]),
  item(7, D1, ['Participant knowledge of the interviewer', 'What did the participants know about the researcher? E.g. personal goals, reasons for doing the research'], ["Connaissances des participants au sujet de l’enquêteur", 'Que savaient les participants au sujet du chercheur ? Par ex. objectifs personnels, raisons de mener la recherche']),
  item(8, D1, ['Interviewer characteristics', 'What characteristics were reported about the interviewer/facilitator? E.g. bias, assumptions, reasons and interests in the research topic'], ["Caractéristiques de l’enquêteur", "Quelles caractéristiques de l’enquêteur/animateur ont été signalées ? Par ex. biais, hypothèses, raisons et intérêts pour le sujet"]),
  item(9, D2, ['Methodological orientation and theory', 'What methodological orientation was stated to underpin the study? E.g. grounded theory, discourse analysis, ethnography, phenomenology, content analysis'], ['Orientation méthodologique et théorie', "Quelle orientation méthodologique sous-tend l’étude ? Par ex. théorisation ancrée, analyse du discours, ethnographie, phénoménologie, analyse de contenu"]),
  item(10, D2, ['Sampling', 'How were participants selected? E.g. purposive, convenience, consecutive, snowball'], ['Échantillonnage', 'Comment les participants ont-ils été sélectionnés ? Par ex. raisonné, de convenance, consécutif, boule de neige']),
  item(11, D2, ['Method of approach', 'How were participants approached? E.g. face-to-face, telephone, mail, email'], ['Prise de contact', 'Comment les participants ont-ils été contactés ? Par ex. en personne, téléphone, courrier, courriel']),
  item(12, D2, ['Sample size', 'How many participants were in the study?'], ["Taille de l’échantillon", "Combien de participants comptait l’étude ?"]),
  item(13, D2, ['Non-participation', 'How many people refused to participate or dropped out? Reasons?'], ['Non-participation', 'Combien de personnes ont refusé de participer ou ont abandonné ? Pour quelles raisons ?']),
  item(14, D2, ['Setting of data collection', 'Where was the data collected? E.g. home, clinic, workplace'], ['Lieu de recueil', 'Où les données ont-elles été recueillies ? Par ex. domicile, cabinet, lieu de travail']),
  item(15, D2, ['Presence of non-participants', 'Was anyone else present besides the participants and researchers?'], ['Présence de non-participants', "Quelqu’un d’autre que les participants et les chercheurs était-il présent ?"]),
  item(16, D2, ['Description of sample', 'What are the important characteristics of the sample? E.g. demographic data, date'], ["Description de l’échantillon", "Quelles sont les principales caractéristiques de l’échantillon ? Par ex. données démographiques, date"]),
  item(17, D2, ['Interview guide', 'Were questions, prompts, guides provided by the authors? Was it pilot tested?'], ["Guide d’entretien", 'Les questions, relances et guides ont-ils été fournis par les auteurs ? Ont-ils été testés ?']),
  item(18, D2, ['Repeat interviews', 'Were repeat interviews carried out? If yes, how many?'], ['Entretiens répétés', 'Des entretiens répétés ont-ils été réalisés ? Si oui, combien ?']),
  item(19, D2, ['Audio/visual recording', 'Did the research use audio or visual recording to collect the data?'], ['Enregistrement audio/vidéo', 'Les données ont-elles été recueillies par enregistrement audio ou vidéo ?']),
  item(20, D2, ['Field notes', 'Were field notes made during and/or after the interview or focus group?'], ['Notes de terrain', "Des notes de terrain ont-elles été prises pendant et/ou après l’entretien ou le focus group ?"]),
  item(21, D2, ['Duration', 'What was the duration of the interviews or focus group?'], ['Durée', 'Quelle a été la durée des entretiens ou du focus group ?']),
  item(22, D2, ['Data saturation', 'Was data saturation discussed?'], ['Saturation des données', 'La saturation des données a-t-elle été discutée ?']),
  item(23, D2, ['Transcripts returned', 'Were transcripts returned to participants for comment and/or correction?'], ['Retour des retranscriptions', 'Les retranscriptions ont-elles été soumises aux participants pour commentaire et/ou correction ?']),
  item(24, D3, ['Number of data coders', 'How many data coders coded the data?'], ['Nombre de codeurs', 'Combien de codeurs ont codé les données ?']),
  item(25, D3, ['Description of the coding tree', 'Did authors provide a description of the coding tree?'], ['Description de l’arbre de codage', "Les auteurs ont-ils décrit l’arbre de codage ?"]),
  item(26, D3, ['Derivation of themes', 'Were themes identified in advance or derived from the data?'], ['Origine des thèmes', 'Les thèmes ont-ils été définis à l’avance ou issus des données ?']),
  item(27, D3, ['Software', 'What software, if applicable, was used to manage the data?'], ['Logiciel', 'Quel logiciel, le cas échéant, a servi à gérer les données ?']),
  item(28, D3, ['Participant checking', 'Did participants provide feedback on the findings?'], ['Vérification par les participants', 'Les participants ont-ils donné leur avis sur les résultats ?']),
  item(29, D3, ['Quotations presented', 'Were participant quotations presented to illustrate the themes/findings? Was each quotation identified? E.g. participant number'], ['Citations présentées', 'Des citations des participants ont-elles été présentées pour illustrer les thèmes/résultats ? Chaque citation était-elle identifiée ? Par ex. numéro de participant']),
  item(30, D3, ['Data and findings consistent', 'Was there consistency between the data presented and the findings?'], ['Cohérence des données et des résultats', 'Y avait-il une cohérence entre les données présentées et les résultats ?']),
  item(31, D3, ['Clarity of major themes', 'Were major themes clearly presented in the findings?'], ['Clarté des thèmes principaux', 'Les thèmes principaux ont-ils été clairement présentés dans les résultats ?']),
  item(32, D3, ['Clarity of minor themes', 'Is there a description of diverse cases or discussion of minor themes?'], ['Clarté des thèmes secondaires', 'Y a-t-il une description des cas particuliers ou une discussion des thèmes secondaires ?']),
];

export interface CoreqInput {
  facts: StudyFacts;
  /** The sentence under Tableau 1. */
  sampleDescription: string;
  /** Item 22, when saturation was measured: method, parameters and result. */
  saturation?: string;
  /** An example of a quote's label, e.g. `(MG1)`. */
  labelExample: string;
  /** Item 24, when the study was double-coded: the agreement between the coders, its method, unit and aggregation. */
  agreement?: string;
}

/** What codage can say for an item, from the study; undefined when it is the researcher's to answer. */
function answer(n: number, input: CoreqInput, language: Language): string | undefined {
  const fr = language === 'fr';
  const f = input.facts;
  switch (n) {
    case 12: {
      const groups = f.groups && f.groups.counts.length > 1 ? ` (${f.groups.counts.map((g) => `${g.count} ${g.value}`).join(', ')})` : '';
      return fr ? `${f.interviews} participants${groups}` : `${f.interviews} participants${groups}`;
    }
    case 16: {
      const when = f.dates ? (fr ? ` Entretiens du ${formatDate(f.dates.first, language)} au ${formatDate(f.dates.last, language)}.` : ` Interviews from ${formatDate(f.dates.first, language)} to ${formatDate(f.dates.last, language)}.`) : '';
      return input.sampleDescription + when;
    }
    case 21: {
      const d = f.durations.summary;
      if (!d) return undefined;
      const p = numberPhrase(d, language, 0);
      const missing = f.durations.missing > 0 ? (fr ? `inconnue pour ${f.durations.missing}` : `unknown for ${f.durations.missing}`) : undefined;
      const brackets = inBrackets([p.value === undefined ? p.centre : undefined, missing], language);
      return fr ? `${capitalize(p.value ?? p.range)} minutes${brackets}` : `${p.value ?? p.range} minutes${brackets}`;
    }
    case 22:
      return input.saturation;
    case 24: {
      // The consensus is the coders' mise en commun, not one more coder: said after them.
      const coded = f.coverage.filter((c) => c.interviews > 0);
      const coders = coded.filter((c) => c.coder !== CONSENSUS_CODER);
      const consensus = coded.find((c) => c.coder === CONSENSUS_CODER);
      if (coders.length === 0 && consensus === undefined) return undefined;
      const detail = coders.map((c) => (fr ? `${c.coder} : ${c.interviews}/${f.interviews} entretiens` : `${c.coder}: ${c.interviews}/${f.interviews} interviews`));
      let count = fr ? `${coders.length} codeur${coders.length > 1 ? 's' : ''} (${joinList(detail, language)})` : `${coders.length} coder${coders.length > 1 ? 's' : ''} (${joinList(detail, language)})`;
      if (consensus !== undefined) {
        // Interviews one coder alone coded are copied into the consensus, not pooled.
        const copied = f.consensusCopied ?? 0;
        count += fr
          ? ` ; mise en commun (consensus) sur ${consensus.interviews - copied}/${f.interviews} entretiens${copied > 0 ? ` (${copied} autre${copied > 1 ? 's' : ''} : codage d’un seul codeur repris tel quel)` : ''}`
          : `; codings pooled into a consensus on ${consensus.interviews - copied}/${f.interviews} interviews${copied > 0 ? ` (${copied} other${copied > 1 ? 's' : ''}: one coder’s coding as it stood)` : ''}`;
      }
      // How the disagreements were settled: by the coders one by one, or by a rule (the decisions log); nothing said without a log.
      const settled = consensus !== undefined && f.consensusDecisions ? decisionsSentence(f.consensusDecisions, language) : undefined;
      const sentences = [...(settled ? [settled] : []), ...(input.agreement && coders.length > 1 ? [input.agreement] : [])];
      return sentences.length > 0 ? `${count}. ${sentences.join(' ')}` : count;
    }
    case 25:
      return fr
        ? `Oui : ${f.codesUsed} codes regroupés en ${f.themes} thèmes et sous-thèmes (${f.topThemes} thèmes principaux) ; livre de codes en annexe (codage export codebook)`
        : `Yes: ${f.codesUsed} codes grouped into ${f.themes} themes and sub-themes (${f.topThemes} main themes); codebook in the appendix (codage export codebook)`;
    case 27:
      return f.software;
    case 29:
      return fr ? `Oui : chaque verbatim est suivi de l’identifiant du participant, par ex. ${input.labelExample}` : `Yes: each quotation is followed by the participant’s label, e.g. ${input.labelExample}`;
    default:
      return undefined;
  }
}

export function coreqTable(input: CoreqInput, language: Language): Table {
  const fr = language === 'fr';
  const rows: Row[] = [];
  COREQ_ITEMS.forEach((it, i) => {
    const cells = [];
    const first = i === 0 || COREQ_ITEMS[i - 1]!.domain !== it.domain;
    if (first) cells.push(textCell(frenchSpacing(it.domain[language], language), { rowSpan: COREQ_ITEMS.filter((x) => x.domain === it.domain).length, bold: true }));
    const known = answer(it.n, input, language);
    cells.push(
      numberCell(it.n),
      textCell(it.topic[language], { bold: true }),
      textCell(frenchSpacing(it.question[language], language)),
      known === undefined ? textCell('') : textCell(frenchSpacing(known, language)),
      textCell(''),
    );
    rows.push({ cells, groupStart: first });
  });
  return {
    caption: fr ? 'Grille COREQ (Tong, Sainsbury et Craig, 2007)' : 'COREQ checklist (Tong, Sainsbury & Craig, 2007)',
    columns: [
      { header: fr ? 'Domaine' : 'Domain', width: 2.2 },
      { header: 'N°', width: 0.7, align: 'right' },
      { header: fr ? 'Item' : 'Item', width: 2.4 },
      { header: fr ? 'Question' : 'Guide question', width: 4.2 },
      { header: fr ? 'Réponse (remplie par codage quand elle est connue)' : 'Answer (filled in by codage when known)', width: 4.4 },
      { header: fr ? 'Page' : 'Page', width: 1 },
    ],
    rows,
    note: [
      {
        text: frenchSpacing(
          fr
            ? 'Tong A, Sainsbury P, Craig J. Consolidated criteria for reporting qualitative research (COREQ): a 32-item checklist for interviews and focus groups. Int J Qual Health Care. 2007;19(6):349-57. Les réponses vides sont à compléter par le chercheur.'
            : 'Tong A, Sainsbury P, Craig J. Consolidated criteria for reporting qualitative research (COREQ): a 32-item checklist for interviews and focus groups. Int J Qual Health Care. 2007;19(6):349-57. Empty answers are for the researcher to fill in.',
          'en',
        ),
      },
    ],
    landscape: true,
  };
}
