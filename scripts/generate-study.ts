/**
 * Writes a synthetic study in the format of the README ("The study folder"), for benchmarks and tests:
 *
 *   node dist/scripts/generate-study.js <dir> [--transcripts 200] [--words 10000] [--codes 60]
 *     [--themes 6] [--coders 2] [--segments 20000] [--import-rows 20000] [--seed 1]
 *
 * codage.yaml, participants.csv, codebook.yaml, transcripts/P001.txt… (front matter, speaker turns,
 * annotations, accents, abbreviations), codings/coder1.yaml… (segments that are real spans of their
 * transcripts; coder 2 and later repeat ~70 % of coder 1's spans, as in double coding) and
 * import.csv (a French Excel sheet of exact quotes). The same parameters always give the same
 * bytes.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, type Random } from './random.js';

export interface StudyParams {
  transcripts: number;
  /** Words per transcript (annotations and `euh` not counted). */
  words: number;
  codes: number;
  themes: number;
  coders: number;
  /** Segments per coder file. */
  segments: number;
  /** Rows of import.csv. */
  importRows: number;
  seed: number;
}

export const DEFAULT_PARAMS: StudyParams = {
  transcripts: 200,
  words: 10_000,
  codes: 60,
  themes: 6,
  coders: 2,
  segments: 20_000,
  importRows: 20_000,
  seed: 1,
};

/** A file of the study: path relative to the study folder (forward slashes) and content. */
export interface StudyFile {
  path: string;
  content: string;
}

export interface StudySummary {
  transcripts: number;
  words: number;
  characters: number;
  codes: number;
  themes: number;
  coders: number;
  segmentsPerCoder: number;
  importRows: number;
}

// ---------------------------------------------------------------------------------------------
// Seeds: every part of the study draws from its own stream, so that changing the number of
// coders does not change the transcripts, and so on.

function seedFor(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const STARTERS = [
  'Alors', 'Bon', 'En fait', 'Je pense que', 'Moi je trouve que', "C'est vrai que", 'Honnêtement', 'Disons que',
  'Après', 'Franchement', 'Souvent', 'Parfois', 'Au début', 'En général', 'Du coup', 'Enfin', 'Voilà, et',
  'Je dirais que', "J'ai l'impression que", 'Ce qui est difficile, c’est que',
];

const WORDS = [
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'à', 'au', 'et', 'mais', 'donc', 'ou', 'pour', 'avec', 'sans',
  'dans', 'sur', 'chez', 'entre', 'très', 'assez', 'trop', 'peu', 'beaucoup', 'toujours', 'jamais', 'déjà', 'encore',
  'vraiment', 'quand', 'comme', 'aussi', 'puis', 'là', 'ça', 'on', 'il', 'elle', 'nous', 'vous', 'ils', 'je', 'me',
  'patient', 'patiente', 'douleur', 'douleurs', 'médecin', 'généraliste', 'spécialiste', 'kiné', 'infirmière',
  'centre', 'antidouleur', 'consultation', 'consultations', 'traitement', 'traitements', 'morphine', 'opioïdes',
  'antalgiques', 'paracétamol', 'lombalgie', 'fibromyalgie', 'arthrose', 'migraine', 'séance', 'hôpital', 'clinique',
  'rendez-vous', 'délai', 'délais', 'mois', 'semaines', 'années', 'famille', 'travail', 'arrêt', 'sommeil', 'fatigue',
  'anxiété', 'dépression', 'écoute', 'confiance', 'relation', 'échec', 'impuissance', 'épuisement', 'temps',
  'formation', 'recommandations', 'protocole', 'examen', 'imagerie', 'IRM', 'radio', 'dossier', 'courrier',
  'ordonnance', 'posologie', 'sevrage', 'dépendance', 'activité', 'physique', 'marche', 'piscine', 'hypnose',
  'acupuncture', 'psychologue', 'psychiatre', 'rhumatologue', 'neurologue', 'pharmacien', 'entourage', 'quotidien',
  'difficile', 'compliqué', 'lourd', 'long', 'chronique', 'aigu', 'efficace', 'inefficace', 'démuni', 'démunie',
  'frustrant', 'épuisant', 'rassurant', 'inquiet', 'inquiète', 'seul', 'seule', 'global', 'globale', 'psychologique',
  'somatique', 'réel', 'réelle', 'important', 'essentiel', 'fréquent', 'rare', 'particulier', 'vrai', 'évident',
  'est', 'sont', 'était', 'a', 'ont', 'avait', 'fait', 'faire', 'dire', 'dit', 'peut', 'peuvent', 'faut', 'veut',
  'sais', 'sait', 'pense', 'crois', 'trouve', 'essaie', 'essaye', 'propose', 'prescris', 'adresse', 'revois',
  'explique', 'écoute', 'comprends', 'soulager', 'soulagé', 'améliorer', 'accompagner', 'orienter', 'gérer',
  'prendre', 'attendre', 'revenir', 'parler', 'entendre', 'réévaluer', 'augmenter', 'diminuer', 'arrêter',
  'là-dessus', "aujourd'hui", "jusqu'à", "qu'il", "qu'elle", "c'est", "n'est", "d'abord", "l'hôpital",
  'l’entourage', 'd’accord', 'peut-être', 'c’est-à-dire',
];

const NAMES = ['M. Durand', 'M. Lefèvre', 'Mme Bernard', 'Dr Martin', 'Dr Moreau', 'le Dr Petit', 'Mme Girard'];

const GUILLEMETS = [
  '« je ne sais plus quoi lui proposer »',
  '« on tourne en rond »',
  '« vous ne me croyez pas »',
  '« ça fait huit mois que j’attends »',
  '« c’est dans la tête »',
  '« il faut vivre avec »',
];

const QUESTIONS = [
  'Pouvez-vous me parler de votre dernier patient douloureux chronique ?',
  'Comment se passe une consultation avec ce type de patient ?',
  'Qu’est-ce qui vous semble le plus difficile ?',
  'Comment travaillez-vous avec les autres professionnels ?',
  'Que pensez-vous des délais pour le centre antidouleur ?',
  'Quelle place prennent les opioïdes dans votre pratique ?',
  'Vous sentez-vous formé à cette prise en charge ?',
  'Et au niveau de la relation avec le patient ?',
  'Comment le vivez-vous, personnellement ?',
  'Avez-vous un exemple précis en tête ?',
  'Qu’est-ce qui pourrait vous aider ?',
  'Comment abordez-vous la dimension psychologique ?',
  'D’accord. Et ensuite ?',
  'Vous pouvez préciser ?',
  'Que faites-vous quand le traitement ne marche pas ?',
];

const MEMOS = [
  'Entretien interrompu deux fois par le téléphone.',
  'Participant très à l’aise, entretien fluide.',
  'Beaucoup d’hésitations au début, puis plus libre.',
  'Entretien réalisé en visioconférence.',
  'Retranscription relue avec l’enregistrement.',
];

const SEGMENT_MEMOS = ['ironique', 'à rapprocher de P002', 'ambigu : épuisement ou impuissance ?', 'très parlant', 'vérifier le contexte'];

const THEME_NAMES = [
  'Vécu du médecin',
  'Coordination des soins',
  'Relation médecin-patient',
  'Prise en charge médicamenteuse',
  'Approches non médicamenteuses',
  'Formation et ressources',
  'Contraintes du système de soins',
  'Représentations de la douleur',
  'Place de l’entourage',
  'Perspectives d’amélioration',
];

const CODE_NAMES = [
  'Impuissance', 'Épuisement', 'Frustration', 'Sentiment d’échec', 'Empathie', 'Satisfaction quand ça marche',
  'Délais d’accès', 'Centre antidouleur', 'Courriers de liaison', 'Réseau de soins', 'Kinésithérapie', 'Avis spécialisé',
  'Confiance', 'Écoute', 'Patient exigeant', 'Nomadisme médical', 'Alliance thérapeutique', 'Conflit',
  'Opioïdes', 'Paliers antalgiques', 'Sevrage', 'Mésusage', 'Peur de la dépendance', 'Effets indésirables',
  'Activité physique adaptée', 'Hypnose', 'Acupuncture', 'Psychothérapie', 'Éducation thérapeutique', 'Balnéothérapie',
  'Formation initiale insuffisante', 'Formation continue', 'Recommandations', 'Outils d’évaluation', 'Échelles de douleur', 'Pairs',
  'Manque de temps', 'Rémunération', 'Charge administrative', 'Désert médical', 'Arrêts de travail', 'Reconnaissance',
  'Douleur psychogène', 'Subjectivité de la douleur', 'Légitimité de la plainte', 'Douleur invisible', 'Catastrophisme', 'Stigmatisation',
  'Soutien familial', 'Isolement social', 'Retentissement professionnel', 'Aidants', 'Conjoint', 'Enfants',
  'Consultation dédiée', 'Coordination pluriprofessionnelle', 'Télémédecine', 'Infirmière de pratique avancée', 'Humour', 'Anecdote',
];

const SUB_THEME = 'Émotions négatives';

// ---------------------------------------------------------------------------------------------
// Helpers

/** `Délais d'accès` → `delais-d-acces`: the slug rule of the README ("The study folder"). */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A YAML scalar: plain when that is unambiguous, else a JSON (double-quoted) string. */
function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-zÀ-ÿ0-9«]/.test(value) &&
    !/[:#]\s|\s$|[\n"{}[\],&*!|>%@`]/.test(value) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value) &&
    !value.endsWith(':');
  return plain ? value : JSON.stringify(value);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// Codebook

interface CodeInfo {
  id: string;
  name: string;
  /** Name of the top-level theme. */
  theme: string;
}

interface ThemePlan {
  name: string;
  id: string;
  codes: CodeInfo[];
  /** Codes of the sub-theme, if any. */
  subCodes: CodeInfo[];
}

function numbered(names: readonly string[], index: number, fallback: string): string {
  const base = names[index % names.length] ?? fallback;
  const round = Math.floor(index / names.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

function planCodebook(params: StudyParams): { themes: ThemePlan[]; codes: CodeInfo[] } {
  const themes: ThemePlan[] = [];
  const codes: CodeInfo[] = [];
  for (let t = 0; t < params.themes; t++) {
    const name = numbered(THEME_NAMES, t, 'Thème');
    themes.push({ name, id: slug(name), codes: [], subCodes: [] });
  }
  for (let c = 0; c < params.codes; c++) {
    const theme = themes[Math.min(themes.length - 1, Math.floor((c * themes.length) / params.codes))]!;
    const name = numbered(CODE_NAMES, c, 'Code');
    const code: CodeInfo = { id: slug(name), name, theme: theme.name };
    codes.push(code);
    theme.codes.push(code);
  }
  // The first theme gets a sub-theme with its first three codes, when it has enough of them.
  const first = themes[0];
  if (first && first.codes.length >= 4) first.subCodes = first.codes.splice(0, 3);
  return { themes, codes };
}

function codebookYaml(themes: ThemePlan[]): string {
  const lines = ['# Codebook of a synthetic study made by scripts/generate-study.ts.', 'themes:'];
  const code = (c: CodeInfo, indent: string) => {
    lines.push(`${indent}- name: ${yamlScalar(c.name)}`);
    lines.push(`${indent}  id: ${c.id}`);
    lines.push(`${indent}  definition: ${yamlScalar(`Le participant évoque ${c.name.toLowerCase()}.`)}`);
  };
  for (const theme of themes) {
    lines.push(`  - name: ${yamlScalar(theme.name)}`);
    lines.push(`    id: ${theme.id}`);
    lines.push(`    description: ${yamlScalar(`Ce que disent les participants sur : ${theme.name.toLowerCase()}.`)}`);
    if (theme.subCodes.length > 0) {
      lines.push('    themes:');
      lines.push(`      - name: ${yamlScalar(SUB_THEME)}`);
      lines.push(`        id: ${slug(SUB_THEME)}`);
      lines.push('        codes:');
      for (const c of theme.subCodes) code(c, '          ');
    }
    if (theme.codes.length > 0) {
      lines.push('    codes:');
      for (const c of theme.codes) code(c, '      ');
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Participants and transcripts

interface ParticipantPlan {
  id: string;
  sexe: 'F' | 'M';
  age: number;
  milieu: string;
  anneesExercice: number;
  group: 'MG' | 'SPE';
  date: string;
  duration: number;
}

/** A sentence span of a participant's turn, and the turn it belongs to. */
interface SentenceSpan {
  start: number;
  end: number;
  turn: number;
}

interface TranscriptPlan {
  participant: ParticipantPlan;
  text: string;
  sentences: SentenceSpan[];
  words: number;
}

function planParticipants(params: StudyParams): ParticipantPlan[] {
  const random = createRandom(seedFor(params.seed, 'participants'));
  const width = Math.max(3, String(params.transcripts).length);
  const participants: ParticipantPlan[] = [];
  let day = Date.UTC(2024, 0, 8);
  for (let i = 1; i <= params.transcripts; i++) {
    const age = random.int(28, 66);
    participants.push({
      id: `P${pad(i, width)}`,
      sexe: random.chance(0.55) ? 'F' : 'M',
      age,
      milieu: random.pick(['rural', 'semi-rural', 'urbain']),
      anneesExercice: random.int(1, age - 27),
      group: random.chance(0.6) ? 'MG' : 'SPE',
      date: new Date(day).toISOString().slice(0, 10),
      duration: random.int(15, 60),
    });
    day += random.int(1, 4) * 86_400_000;
  }
  return participants;
}

/** A sentence and how many words it counts. */
function sentence(random: Random): { text: string; words: number } {
  const parts: string[] = [];
  let words = 0;
  const starter = random.pick(STARTERS);
  parts.push(starter);
  words += starter.split(' ').length;
  const length = random.int(5, 18);
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    if (roll < 0.04) parts.push('euh');
    else if (roll < 0.045) parts.push('*rire*');
    else if (roll < 0.049) parts.push('(silence)');
    else if (roll < 0.052) parts.push('[inaudible]');
    else if (roll < 0.058) {
      const name = random.pick(NAMES);
      parts.push(name);
      words += name.split(' ').length;
    } else if (roll < 0.061) {
      const quote = random.pick(GUILLEMETS);
      parts.push(quote.replace('« ', '«\u00a0').replace(' »', '\u00a0»'));
      words += quote.split(' ').length - 2;
    } else {
      parts.push(random.pick(WORDS));
      words++;
      if (random.chance(0.012)) parts[parts.length - 1] += '…';
      else if (random.chance(0.05)) parts[parts.length - 1] += ',';
    }
  }
  let text = parts.join(' ');
  if (text.endsWith(',')) text = text.slice(0, -1);
  const end = random.next();
  const space = random.chance(0.5) ? '\u00a0' : ' ';
  if (end < 0.75) text += text.endsWith('…') ? '' : '.';
  else if (end < 0.85) text += `${space}?`;
  else if (end < 0.95) text += text.endsWith('…') ? '' : '…';
  else text += `${space}!`;
  return { text, words };
}

function planTranscript(participant: ParticipantPlan, index: number, params: StudyParams): TranscriptPlan {
  const random = createRandom(seedFor(params.seed, `transcript:${index}`));
  const lines: string[] = [];
  const sentences: SentenceSpan[] = [];
  let offset = 0;
  let words = 0;
  let turn = 0;
  while (words < params.words) {
    const question = random.pick(QUESTIONS);
    lines.push(`Enquêteur : ${question}`);
    words += question.split(' ').length;
    offset += lines[lines.length - 1]!.length + 1;
    turn++;

    const label = `${participant.id} : `;
    let line = label;
    const count = random.int(2, 8);
    for (let s = 0; s < count && (s === 0 || words < params.words); s++) {
      const { text, words: w } = sentence(random);
      if (s > 0) line += ' ';
      sentences.push({ start: offset + line.length, end: offset + line.length + text.length, turn });
      line += text;
      words += w;
    }
    lines.push(line);
    offset += line.length + 1;
    turn++;
  }
  const text = `${lines.join('\n')}\n`;
  if (/[\uD800-\uDFFF]/.test(text)) throw new Error(`${participant.id}: astral characters would make code points differ from code units`);
  if (text.normalize('NFC') !== text) throw new Error(`${participant.id}: the text is not in NFC`);
  return { participant, text, sentences, words };
}

function transcriptFile(t: TranscriptPlan): string {
  const p = t.participant;
  return `---\nid: ${p.id}\ndate: ${p.date}\nduration: ${p.duration}\ngroup: ${p.group}\n---\n${t.text}`;
}

function participantsCsv(participants: ParticipantPlan[]): string {
  const rows = ['id;sexe;age;milieu;annees_exercice;group'];
  for (const p of participants) rows.push([p.id, p.sexe, p.age, p.milieu, p.anneesExercice, p.group].join(';'));
  return `${rows.join('\n')}\n`;
}

function studyConfig(params: StudyParams): string {
  return [
    `title: Étude synthétique (${params.transcripts} entretiens, graine ${params.seed})`,
    'language: fr',
    'quote_label: "{id}"',
    'coder: coder1',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Coder files

interface SegmentPlan {
  id: string;
  transcript: number;
  start: number;
  end: number;
  codes: string[];
  memo?: string;
  exemplary?: boolean;
  at: number;
}

/**
 * Picks codes as they emerge in real studies: code k is used from interview `emergence[k]` on
 * (all within the first 40 % of interviews), and earlier codes are more frequent.
 */
class CodePicker {
  private readonly cumulative: Float64Array;
  private readonly emergence: Int32Array;

  constructor(
    private readonly codes: CodeInfo[],
    transcripts: number,
  ) {
    this.cumulative = new Float64Array(codes.length);
    this.emergence = new Int32Array(codes.length);
    let sum = 0;
    for (let k = 0; k < codes.length; k++) {
      sum += 1 / (k + 1) ** 0.8;
      this.cumulative[k] = sum;
      this.emergence[k] = Math.floor((k / codes.length) ** 1.5 * 0.4 * transcripts);
    }
  }

  pick(random: Random, transcript: number): string {
    let available = 0;
    while (available < this.codes.length && this.emergence[available]! <= transcript) available++;
    const r = random.next() * this.cumulative[available - 1]!;
    let lo = 0;
    let hi = available - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return this.codes[lo]!.id;
  }

  pickSet(random: Random, transcript: number): string[] {
    const first = this.pick(random, transcript);
    if (this.codes.length < 2 || !random.chance(0.25)) return [first];
    const second = this.pick(random, transcript);
    return second === first ? [first] : [first, second];
  }
}

function segmentId(random: Random, used: Set<string>): string {
  for (;;) {
    const id = Math.floor(random.next() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** 1–3 consecutive sentences of one participant turn. */
function randomSpan(random: Random, t: TranscriptPlan): { start: number; end: number } {
  const first = random.int(0, t.sentences.length - 1);
  const a = t.sentences[first]!;
  let last = first;
  const extra = random.int(0, 2);
  for (let k = 1; k <= extra; k++) {
    const next = t.sentences[first + k];
    if (!next || next.turn !== a.turn) break;
    last = first + k;
  }
  return { start: a.start, end: t.sentences[last]!.end };
}

const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

function planCoders(params: StudyParams, transcripts: TranscriptPlan[], picker: CodePicker): SegmentPlan[][] {
  const coders: SegmentPlan[][] = [];
  const at = (random: Random, transcript: number) => BASE_TIME + transcript * 86_400_000 + random.int(0, 8 * 3600) * 1000;
  const fresh = (random: Random, used: Set<string>): SegmentPlan => {
    const transcript = random.int(0, transcripts.length - 1);
    const span = randomSpan(random, transcripts[transcript]!);
    return { id: segmentId(random, used), transcript, ...span, codes: picker.pickSet(random, transcript), at: at(random, transcript) };
  };
  const decorate = (random: Random, s: SegmentPlan) => {
    if (random.chance(0.05)) s.memo = random.pick(SEGMENT_MEMOS);
    if (random.chance(0.03)) s.exemplary = true;
  };
  for (let c = 0; c < params.coders; c++) {
    const random = createRandom(seedFor(params.seed, `coder:${c}`));
    const used = new Set<string>();
    const segments: SegmentPlan[] = [];
    if (c > 0) {
      // Double coding: the same span as coder 1 for ~70 % of segments, sometimes another code.
      for (const s of coders[0]!) {
        if (segments.length >= params.segments) break;
        if (!random.chance(0.7)) continue;
        const codes = random.chance(0.8) ? s.codes.slice() : picker.pickSet(random, s.transcript);
        segments.push({ id: segmentId(random, used), transcript: s.transcript, start: s.start, end: s.end, codes, at: at(random, s.transcript) });
      }
    }
    while (segments.length < params.segments) segments.push(fresh(random, used));
    for (const s of segments) decorate(random, s);
    segments.sort((a, b) => a.transcript - b.transcript || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    coders.push(segments);
  }
  return coders;
}

function coderYaml(coder: string, segments: SegmentPlan[], transcripts: TranscriptPlan[], memos: Map<string, string>): string {
  const lines = [
    '# codage coder file. One coded segment per line; offsets count Unicode code points',
    '# in the transcript text (see the README, "The text that offsets refer to").',
    'version: 1',
    `coder: ${coder}`,
  ];
  if (memos.size === 0) lines.push('memos: {}');
  else {
    lines.push('memos:');
    for (const [participant, memo] of memos) lines.push(`  ${participant}: ${JSON.stringify(memo)}`);
  }
  if (segments.length === 0) lines.push('segments: []');
  else lines.push('segments:');
  for (const s of segments) {
    const t = transcripts[s.transcript]!;
    const fields = [
      `"id": ${JSON.stringify(s.id)}`,
      `"participant": ${JSON.stringify(t.participant.id)}`,
      `"start": ${s.start}`,
      `"end": ${s.end}`,
      `"codes": [${s.codes.map((c) => JSON.stringify(c)).join(', ')}]`,
      `"text": ${JSON.stringify(t.text.slice(s.start, s.end))}`,
    ];
    if (s.memo !== undefined) fields.push(`"memo": ${JSON.stringify(s.memo)}`);
    if (s.exemplary) fields.push('"exemplary": true');
    fields.push(`"at": ${JSON.stringify(isoSeconds(s.at))}`);
    lines.push(`  - {${fields.join(', ')}}`);
  }
  return `${lines.join('\n')}\n`;
}

function coderMemos(params: StudyParams, coder: number, transcripts: TranscriptPlan[]): Map<string, string> {
  const random = createRandom(seedFor(params.seed, `memos:${coder}`));
  const memos = new Map<string, string>();
  for (const t of transcripts) if (random.chance(0.1)) memos.set(t.participant.id, random.pick(MEMOS));
  return memos;
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet to import

function importCsv(params: StudyParams, transcripts: TranscriptPlan[], codes: CodeInfo[], picker: CodePicker): string {
  const random = createRandom(seedFor(params.seed, 'import'));
  const byId = new Map(codes.map((c) => [c.id, c]));
  const rows: { transcript: number; start: number; cells: string[] }[] = [];
  for (let i = 0; i < params.importRows; i++) {
    const transcript = random.int(0, transcripts.length - 1);
    const t = transcripts[transcript]!;
    const span = randomSpan(random, t);
    const code = byId.get(picker.pick(random, transcript))!;
    const memo = random.chance(0.05) ? random.pick(SEGMENT_MEMOS) : '';
    rows.push({ transcript, start: span.start, cells: [t.participant.id, code.name, code.theme, t.text.slice(span.start, span.end), memo] });
  }
  // Rows grouped by participant, as a researcher fills the sheet interview by interview.
  rows.sort((a, b) => a.transcript - b.transcript || a.start - b.start);
  const lines = ['Participant;Code;Thème;Verbatim;Mémo', ...rows.map((r) => r.cells.map(csvField).join(';'))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------

export function validateParams(params: StudyParams): void {
  for (const [key, value] of Object.entries(params)) {
    const option = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`--${option}: expected a whole number ≥ 0, got ${value}`);
  }
  if (params.transcripts < 1) throw new RangeError('--transcripts: at least 1');
  if (params.words < 1) throw new RangeError('--words: at least 1');
  if (params.codes < 1) throw new RangeError('--codes: at least 1');
  if (params.themes < 1) throw new RangeError('--themes: at least 1');
  if (params.themes > params.codes) throw new RangeError('--themes: at most as many as --codes');
}

/** Every file of the study, in a stable order. Pure: the same parameters give the same files. */
export function buildStudy(params: StudyParams): { files: StudyFile[]; summary: StudySummary } {
  validateParams(params);
  const { themes, codes } = planCodebook(params);
  const participants = planParticipants(params);
  const transcripts = participants.map((p, i) => planTranscript(p, i, params));
  const picker = new CodePicker(codes, transcripts.length);
  const coders = planCoders(params, transcripts, picker);

  const files: StudyFile[] = [
    { path: 'codage.yaml', content: studyConfig(params) },
    { path: 'participants.csv', content: participantsCsv(participants) },
    { path: 'codebook.yaml', content: codebookYaml(themes) },
  ];
  for (const t of transcripts) files.push({ path: `transcripts/${t.participant.id}.txt`, content: transcriptFile(t) });
  coders.forEach((segments, c) => {
    const name = `coder${c + 1}`;
    files.push({ path: `codings/${name}.yaml`, content: coderYaml(name, segments, transcripts, coderMemos(params, c, transcripts)) });
  });
  if (params.importRows > 0) files.push({ path: 'import.csv', content: importCsv(params, transcripts, codes, picker) });

  return {
    files,
    summary: {
      transcripts: transcripts.length,
      words: transcripts.reduce((n, t) => n + t.words, 0),
      characters: transcripts.reduce((n, t) => n + t.text.length, 0),
      codes: codes.length,
      themes: themes.length,
      coders: coders.length,
      segmentsPerCoder: params.segments,
      importRows: params.importRows,
    },
  };
}

export async function writeStudy(dir: string, files: StudyFile[]): Promise<void> {
  const folders = new Set(files.map((f) => path.dirname(path.join(dir, f.path))));
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  await Promise.all(files.map((f) => fs.writeFile(path.join(dir, f.path), f.content)));
}

export async function generateStudy(dir: string, params: StudyParams): Promise<StudySummary> {
  const { files, summary } = buildStudy(params);
  await writeStudy(dir, files);
  return summary;
}

export function formatSummary(dir: string, s: StudySummary, ms: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Generated ${n(s.transcripts)} transcripts (${n(s.words)} words), ${s.codes} codes in ${s.themes} themes, ` +
    `${s.coders} coders × ${n(s.segmentsPerCoder)} segments, ${n(s.importRows)} import rows in ${dir} (${(ms / 1000).toFixed(1)} s)`
  );
}

const OPTION_NAMES: Record<string, keyof StudyParams> = {
  transcripts: 'transcripts',
  words: 'words',
  codes: 'codes',
  themes: 'themes',
  coders: 'coders',
  segments: 'segments',
  'import-rows': 'importRows',
  seed: 'seed',
};

export function parseGeneratorArgs(argv: string[]): { dir: string; params: StudyParams } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(Object.keys(OPTION_NAMES).map((name) => [name, { type: 'string' as const }])),
  });
  if (positionals.length !== 1) throw new RangeError('usage: generate-study <dir> [--transcripts 200] [--words 10000] …');
  const params = { ...DEFAULT_PARAMS };
  for (const [option, key] of Object.entries(OPTION_NAMES)) {
    const raw = values[option];
    if (typeof raw !== 'string') continue;
    if (!/^\d+$/.test(raw)) throw new RangeError(`--${option}: expected a whole number, got "${raw}"`);
    params[key] = Number(raw);
  }
  validateParams(params);
  return { dir: positionals[0]!, params };
}

async function main(argv: string[]): Promise<number> {
  let parsed: { dir: string; params: StudyParams };
  try {
    parsed = parseGeneratorArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const started = performance.now();
  const summary = await generateStudy(parsed.dir, parsed.params);
  process.stdout.write(`${formatSummary(parsed.dir, summary, performance.now() - started)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
