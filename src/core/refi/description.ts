/**
 * A REFI-QDA code has one Description; a codage code or theme has up to five texts (description,
 * definition, include, exclude, example). The main text goes first, as other tools show it (a
 * code's definition, a theme's description); the others follow on lines of their own, each
 * after a label in the study's language (« Inclure : », "Include:"). Reading a Description back
 * recognises the labels of both languages, so a codebook comes back whole from any tool that
 * kept the text; a Description without labels is the main text.
 */
import { slugify } from '../codebook/slug.js';
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

/**
 * The label of the last line that gives a node's codage id, when the id is not the one codage
 * derives from its name (a code renamed since it was created keeps its first id: coder files
 * refer to it by that id). Another tool shows it as the description's last line.
 */
const ID_LABEL: Record<Language, string> = { en: 'codage id', fr: 'Identifiant codage' };
const ID_LINE = new RegExp(`^(?:${ID_LABEL.en}|${ID_LABEL.fr})[ \\u00a0\\u202f]?: ?([a-z0-9][a-z0-9._-]*)[ \\t]*$`, 'i');

/** The id codage gives a node of that name when nothing else says (as for a codebook written by hand). */
export function derivedNodeId(node: Pick<CodebookNode, 'kind' | 'name'>): string {
  return slugify(node.name, node.kind);
}

/** The Description of a code or theme, or undefined when it has no text. */
export function nodeDescription(node: Pick<CodebookNode, 'kind' | NodeText> & Partial<Pick<CodebookNode, 'id' | 'name'>>, language: Language): string | undefined {
  const main = mainField(node.kind);
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const lines: string[] = [];
  if (node[main] !== undefined) lines.push(node[main]!);
  for (const field of ORDER) {
    const value = node[field];
    if (field === main || value === undefined) continue;
    lines.push(`${LABELS[field][language]}${colon} ${value}`);
  }
  if (node.id !== undefined && node.name !== undefined && node.id !== derivedNodeId({ kind: node.kind, name: node.name }) && ID_LINE.test(`${ID_LABEL.en}: ${node.id}`)) {
    lines.push(`${ID_LABEL[language]}${colon} ${node.id}`);
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** A Description without its last line when that line gives the node's codage id, and that id. */
export function splitNodeId(text: string): { text: string; id?: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const match = lines.length > 0 ? ID_LINE.exec(lines[lines.length - 1]!.trim()) : null;
  if (match === null) return { text };
  lines.pop();
  return { text: lines.join('\n'), id: match[1]! };
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
