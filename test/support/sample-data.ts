/**
 * Small stand-ins for the transcript and codebook modules, so that the coding screen can be
 * tested, benchmarked and demonstrated on its own: speaker turns, annotations, sentences and
 * word spans found with simple rules, a codebook built from a plain tree, and a generator of
 * long French-like interviews. The real parsing lives in `src/core/transcript` and
 * `src/core/codebook`; nothing here is used by `codage code` itself.
 */
import type { Annotation, Codebook, CodebookNode, Sentence, Span, Transcript, Turn } from '../../src/core/types.js';
import { mulberry32 } from '../../scripts/random.js';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Word spans of `text[start, end)`: letters and digits, apostrophes and hyphens inside. */
export function simpleWordSpans(text: string): (start: number, end: number) => Span[] {
  return (start, end) => {
    const spans: Span[] = [];
    const slice = text.slice(start, end);
    for (const m of slice.matchAll(WORD)) spans.push({ start: start + m.index, end: start + m.index + m[0].length });
    return spans;
  };
}

const LABEL = /^([\p{Lu}][\p{L}]*\d*|[\p{Lu}]{1,3}\d+)\s?:\s*/u;

/** Speaker turns: a line starting with `Label :` opens a turn that runs to the next one. */
export function simpleTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = LABEL.exec(line);
    if (m !== null) {
      const speaker = m[1] ?? '';
      const role = /^(E|Enquêt|Interv|Q)/u.test(speaker) ? 'interviewer' : 'participant';
      const last = turns[turns.length - 1];
      if (last !== undefined) last.end = Math.max(last.start, offset - 1);
      turns.push({ start: offset, end: text.length, speaker, role, textStart: offset + m[0].length });
    } else if (turns.length === 0 && line.trim() !== '') {
      turns.push({ start: offset, end: text.length, speaker: null, role: 'unknown', textStart: offset });
    }
    offset += line.length + 1;
  }
  return turns;
}

/** `*rire*`, `(silence)`, `[inaudible]`. */
export function simpleAnnotations(text: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const m of text.matchAll(/\*[^*\n]{1,40}\*|\([^()\n]{1,40}\)|\[[^[\]\n]{1,40}\]/g)) {
    const inner = m[0].slice(1, -1).toLowerCase();
    const kind = /rire|laugh/.test(inner)
      ? 'laughter'
      : /silence|pause/.test(inner)
        ? 'silence'
        : /inaudible/.test(inner)
          ? 'inaudible'
          : 'nonverbal';
    annotations.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return annotations;
}

/** Sentences inside each turn: cut after `.`, `!`, `?`, `…` followed by a space. */
export function simpleSentences(text: string, turns: readonly Turn[]): Sentence[] {
  const sentences: Sentence[] = [];
  turns.forEach((turn, t) => {
    const body = text.slice(turn.textStart, turn.end);
    let from = 0;
    const push = (to: number): void => {
      const raw = body.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      if (raw.trim() !== '') {
        sentences.push({ start: turn.textStart + from + lead, end: turn.textStart + to - trail, turn: t });
      }
      from = to;
    };
    for (const m of body.matchAll(/[.!?…]+[»)\]]?(?=\s)|\n+/g)) push(m.index + m[0].length);
    push(body.length);
  });
  return sentences;
}

export function makeTranscript(text: string, id = 'P01'): Transcript {
  return {
    id,
    file: `transcripts/${id}.txt`,
    text,
    bodyLine: 1,
    encoding: 'utf-8',
    attributes: {},
    turns: simpleTurns(text),
    annotations: simpleAnnotations(text),
  };
}

export interface CodeSpec {
  id: string;
  name: string;
  definition?: string;
}

export interface ThemeSpec {
  id: string;
  name: string;
  themes?: ThemeSpec[];
  codes?: CodeSpec[];
}

/** A codebook from a plain tree of themes and codes. */
export function buildCodebook(themes: ThemeSpec[], ungrouped: CodeSpec[] = []): Codebook {
  const byId = new Map<string, CodebookNode>();
  const code = (spec: CodeSpec, parent: string | null): CodebookNode => {
    const node: CodebookNode = { kind: 'code', id: spec.id, name: spec.name, parent, children: [] };
    if (spec.definition !== undefined) node.definition = spec.definition;
    byId.set(node.id, node);
    return node;
  };
  const theme = (spec: ThemeSpec, parent: string | null): CodebookNode => {
    const node: CodebookNode = { kind: 'theme', id: spec.id, name: spec.name, parent, children: [] };
    byId.set(node.id, node);
    node.children = [...(spec.themes ?? []).map((t) => theme(t, spec.id)), ...(spec.codes ?? []).map((c) => code(c, spec.id))];
    return node;
  };
  return { themes: themes.map((t) => theme(t, null)), ungrouped: ungrouped.map((c) => code(c, null)), byId };
}

/** A copy of `codebook` with one more code (what the caller of `onCreateCode` returns). */
export function addCode(codebook: Codebook, spec: CodeSpec, themeId: string | null): Codebook {
  const byId = new Map(codebook.byId);
  const node: CodebookNode = { kind: 'code', id: spec.id, name: spec.name, parent: themeId, children: [] };
  byId.set(node.id, node);
  const copy = (n: CodebookNode): CodebookNode => {
    const children = n.children.map(copy);
    if (n.id === themeId) children.push(node);
    const out = { ...n, children };
    byId.set(out.id, out);
    return out;
  };
  const themes = codebook.themes.map(copy);
  const ungrouped = themeId === null ? [...codebook.ungrouped, node] : codebook.ungrouped;
  return { themes, ungrouped, byId };
}

const FRENCH_WORDS = (
  'alors euh je pense que le patient douloureux chronique on se sent un peu démuni face à ça parce que ' +
  'les traitements ne marchent pas toujours et puis il faut du temps beaucoup de temps pour écouter ' +
  'la consultation dure souvent plus longtemps que prévu les délais pour le centre antidouleur sont très longs ' +
  'huit mois parfois on bricole en attendant avec le kiné l’ostéopathe le psychologue quand il y en a ' +
  'c’est vrai que la relation avec ces patients est particulière ils reviennent souvent ils sont fatigués ' +
  'moi je dirais que l’écoute c’est déjà thérapeutique même si on ne guérit pas la douleur elle-même ' +
  'les opioïdes j’essaie d’éviter mais parfois on n’a pas le choix la famille aussi compte beaucoup ' +
  'au quotidien c’est handicapant pour eux le travail les loisirs tout est touché franchement c’est épuisant'
).split(' ');

/** A French-like interview of about `words` words, with turns, annotations and long answers. */
export function generateInterview(words: number, seed = 7): string {
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const annotations = ['*rire*', '(silence)', '[inaudible]', '(rires)', '[pause]'];
  const questions = [
    'Pouvez-vous me parler de votre dernier patient douloureux chronique ?',
    'Comment vous sentez-vous dans ces consultations ?',
    'Et avec les spécialistes, comment ça se passe ?',
    'Qu’est-ce qui vous aiderait ?',
  ];
  const lines: string[] = [];
  let count = 0;
  while (count < words) {
    const question = pick(questions);
    lines.push(`Enquêteur : ${question}`);
    count += question.split(' ').length;
    const sentences: string[] = [];
    const sentenceCount = 2 + Math.floor(random() * 7);
    for (let s = 0; s < sentenceCount; s++) {
      const length = 6 + Math.floor(random() * 22);
      const parts: string[] = [];
      for (let w = 0; w < length; w++) parts.push(pick(FRENCH_WORDS));
      if (random() < 0.15) parts.splice(Math.floor(random() * parts.length), 0, pick(annotations));
      const first = parts[0] ?? 'alors';
      parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(parts.join(' ') + pick(['.', '.', '.', ' ?', '…', ' !']));
      count += length;
    }
    lines.push(`P07 : ${sentences.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
