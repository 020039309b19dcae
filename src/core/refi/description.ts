/**
 * A REFI-QDA code has one Description; a codage code or theme has up to five texts (description,
 * definition, include, exclude, example). The main text goes first, as other tools show it (a
 * code's definition, a theme's description); the others follow on lines of their own, each
 * after a label in the study's language (« Inclure : », "Include:"). Reading a Description back
 * recognises the labels of both languages, so a codebook comes back whole from any tool that
 * kept the text; a Description without labels is the main text.
 */
import type { CodebookNode, Language } from '../types.js';

export type NodeText = 'description' | 'definition' | 'include' | 'exclude' | 'example';
type Texts = Partial<Record<NodeText, string>>;

const LABELS: Record<NodeText, Record<Language, string>> = {
  description: { en: 'Description', fr: 'Description' },
  definition: { en: 'Definition', fr: 'Définition' },
  include: { en: 'Include', fr: 'Inclure' },
  exclude: { en: 'Exclude', fr: 'Exclure' },
  example: { en: 'Example', fr: 'Exemple' },
};
const ORDER: NodeText[] = ['description', 'definition', 'include', 'exclude', 'example'];

function mainField(kind: CodebookNode['kind']): NodeText {
  return kind === 'code' ? 'definition' : 'description';
}

/** The Description of a code or theme, or undefined when it has no text. */
export function nodeDescription(node: Pick<CodebookNode, 'kind' | NodeText>, language: Language): string | undefined {
  const main = mainField(node.kind);
  const lines: string[] = [];
  if (node[main] !== undefined) lines.push(node[main]!);
  for (const field of ORDER) {
    const value = node[field];
    if (field === main || value === undefined) continue;
    lines.push(`${LABELS[field][language]}${language === 'fr' ? '\u00a0:' : ':'} ${value}`);
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

const LABEL_LINE = new RegExp(
  `^(${ORDER.flatMap((f) => [LABELS[f].en, LABELS[f].fr]).join('|')})[ \\u00a0\\u202f]?: ?`,
);

/** The texts of a node from a Description written by `nodeDescription` (or by another tool). */
export function readNodeDescription(text: string, kind: CodebookNode['kind']): Texts {
  const texts: Texts = {};
  let field: NodeText = mainField(kind);
  let lines: string[] = [];
  const flush = () => {
    // A blank line before a label (as some tools write) is not part of the text.
    while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
    const value = lines.join('\n');
    if (value.trim() !== '') texts[field] = texts[field] === undefined ? value : `${texts[field]}\n${value}`;
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const label = LABEL_LINE.exec(line);
    const found = label ? ORDER.find((f) => LABELS[f].en === label[1] || LABELS[f].fr === label[1]) : undefined;
    if (label && found && texts[found] === undefined && !(found === field && lines.length > 0)) {
      flush();
      field = found;
      lines.push(line.slice(label[0].length));
    } else {
      lines.push(line);
    }
  }
  flush();
  return texts;
}
