/**
 * A codebook and the themes and codes to add to it, for the commands that add many at once (an
 * import, a merge of another copy). Each decision is taken on this model — which theme or code of
 * that name is already there, which id a new one gets, whether a name is taken — and `apply`
 * writes every addition into codebook.yaml in one pass (`addNodes`). Adding them one by one
 * parsed and printed the file for each: an import of 300 new codes took 7 s.
 *
 * Names are compared as everywhere in codage (`nameKey`); a theme name is taken among its
 * siblings, a code name in the whole codebook; of two nodes of the same name (a hand-edited file
 * may hold two, which check reports), the first in the file is the one found.
 */
import type { Codebook } from '../types.js';
import { addNodes, checkName, duplicateCode, duplicateTheme, newId, notATheme, unknownId, type NewNode, type NodeTexts } from './edit.js';
import { parseCodebook } from './parse.js';
import { nameKey } from './slug.js';

export interface PlannedNode {
  id: string;
  kind: 'theme' | 'code';
  name: string;
  /** The parent theme's id; null at the top. */
  parent: string | null;
}

export class PlannedCodebook {
  /** The codebook as read, before any addition. */
  readonly codebook: Codebook;
  private readonly nodes = new Map<string, PlannedNode>();
  /** Parent id (`''`: the top) → theme name key → the first theme of that name there. */
  private readonly themeNames = new Map<string, Map<string, PlannedNode>>();
  /** Code name key → every code of that name, the first one first. */
  private readonly codeNames = new Map<string, PlannedNode[]>();
  private readonly taken: Set<string>;
  private readonly additions: NewNode[] = [];
  /** A new node's id → its index among the additions. */
  private readonly addedAt = new Map<string, number>();

  constructor(readonly source: string) {
    this.codebook = parseCodebook(source, 'codebook.yaml').codebook;
    this.taken = new Set(this.codebook.byId.keys());
    for (const node of this.codebook.byId.values()) {
      const planned = { id: node.id, kind: node.kind, name: node.name, parent: node.parent };
      this.nodes.set(node.id, planned);
      if (node.kind === 'theme') this.noteTheme(planned);
      else this.noteCode(planned);
    }
  }

  /** The theme or code with that id, in the file or added. */
  byId(id: string): PlannedNode | undefined {
    return this.nodes.get(id);
  }

  /** The theme of that name under `parent` (null: the top). */
  theme(parent: string | null, name: string): PlannedNode | undefined {
    return this.themeNames.get(parent ?? '')?.get(nameKey(name));
  }

  /** The codes of that name (more than one only in a hand-edited file), the first one first. */
  codes(name: string): readonly PlannedNode[] {
    return this.codeNames.get(nameKey(name)) ?? [];
  }

  /** Plans a new theme under `parent` (refused as `addTheme` refuses). */
  addTheme(parent: string | null, name: string, fields: NodeTexts & { id?: string } = {}): PlannedNode {
    const clean = checkName(name);
    this.checkParent(parent);
    const sibling = this.theme(parent, clean);
    if (sibling !== undefined) throw duplicateTheme(sibling.name);
    return this.add('theme', parent, clean, fields);
  }

  /** Plans a new code in the theme `parent` (null: not yet grouped), refused as `addCode` refuses. */
  addCode(parent: string | null, name: string, fields: NodeTexts & { id?: string } = {}): PlannedNode {
    const clean = checkName(name);
    this.checkParent(parent);
    const other = this.codes(clean)[0];
    if (other !== undefined) throw duplicateCode(other.name);
    return this.add('code', parent, clean, fields);
  }

  /** How many themes and codes are to be added. */
  get added(): number {
    return this.additions.length;
  }

  /** codebook.yaml with every planned theme and code (the same text when none). */
  apply(): string {
    const result = addNodes(this.source, this.additions);
    result.ids.forEach((id, i) => {
      // The ids were given when planned, and addNodes keeps an id that is valid and free.
      if (id !== this.additions[i]!.id) throw new Error(`PlannedCodebook: ${this.additions[i]!.name} was planned as ${this.additions[i]!.id}, written as ${id}`);
    });
    return result.source;
  }

  /** A parent must be a theme, in the file or added (refused as `addCode` refuses). */
  private checkParent(parent: string | null): void {
    if (parent === null) return;
    const node = this.nodes.get(parent);
    if (node === undefined) throw unknownId(parent);
    if (node.kind !== 'theme') throw notATheme(node.name);
  }

  private add(kind: 'theme' | 'code', parent: string | null, name: string, fields: NodeTexts & { id?: string }): PlannedNode {
    const { id: preferred, ...texts } = fields;
    const id = newId(preferred, name, kind, this.taken);
    this.taken.add(id);
    const node: PlannedNode = { id, kind, name, parent };
    this.nodes.set(id, node);
    if (kind === 'theme') this.noteTheme(node);
    else this.noteCode(node);
    const at = parent === null ? undefined : this.addedAt.get(parent);
    this.addedAt.set(id, this.additions.length);
    this.additions.push({ kind, name, id, parent: parent === null ? null : at !== undefined ? { index: at } : { id: parent }, ...texts });
    return node;
  }

  private noteTheme(node: PlannedNode): void {
    const key = node.parent ?? '';
    let names = this.themeNames.get(key);
    if (names === undefined) this.themeNames.set(key, (names = new Map()));
    if (!names.has(nameKey(node.name))) names.set(nameKey(node.name), node);
  }

  private noteCode(node: PlannedNode): void {
    const key = nameKey(node.name);
    let all = this.codeNames.get(key);
    if (all === undefined) this.codeNames.set(key, (all = []));
    all.push(node);
  }
}
