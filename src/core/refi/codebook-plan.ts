/**
 * The codebook part of a REFI-QDA import: which of the project's codes become themes, which
 * become codes, which are already in the codebook (same name, reused), and the codebook text with
 * the new ones added.
 *
 * - A code that has sub-codes (or cannot be applied) is a theme grouping them; if it was applied
 *   itself, its own codings go to a code of the same name inside it.
 * - A code whose name a code already has under the same theme is that code; elsewhere, it gets
 *   its theme's name added (code names are unique in codage), and is refused if that name is taken.
 *
 * Every decision is taken on a model of the codebook, then every new theme and code is added in
 * one pass (`addNodes`): adding them one by one parsed and printed the file for each, which made
 * a project of 200 codes take seconds.
 */
import { addNodes, duplicateCode, type NewNode } from '../codebook/edit.js';
import { parseCodebook } from '../codebook/parse.js';
import { nameKey } from '../codebook/slug.js';
import type { Severity } from '../types.js';
import { readNodeDescription } from './description.js';
import type { ReportLine } from './import-plan.js';
import type { RefiCode } from './read.js';

export interface RefiCodebookPlan {
  /** codebook.yaml with the new themes and codes (the same text when nothing is new). */
  source: string;
  /** REFI code GUID → codage code id (codable codes only). */
  codeIds: Map<string, string>;
  report: ReportLine[];
  counts: { codes: number; themes: number };
}

/** A theme or code of the planned codebook: one already in the file (its id) or one to add (its index among the additions). */
type NodeRef = { id: string } | { index: number };

const refKey = (ref: NodeRef | null): string => (ref === null ? '' : 'id' in ref ? `id:${ref.id}` : `#${ref.index}`);

/** The codebook's themes and codes by name, as the import finds them and adds to them. */
class CodebookModel {
  /** Parent (refKey) → theme name key → the first theme of that name there. */
  private readonly themes = new Map<string, Map<string, NodeRef>>();
  /** Code name key → every code of that name (a hand-edited file may have two), in file order. */
  private readonly codes = new Map<string, { ref: NodeRef; parent: string; name: string }[]>();

  constructor(source: string) {
    const book = parseCodebook(source, 'codebook.yaml').codebook;
    for (const node of book.byId.values()) {
      const parent = node.parent === null ? null : { id: node.parent };
      if (node.kind === 'theme') this.addTheme(parent, node.name, { id: node.id });
      else this.addCode(parent, node.name, { id: node.id });
    }
  }

  theme(parent: NodeRef | null, name: string): NodeRef | undefined {
    return this.themes.get(refKey(parent))?.get(nameKey(name));
  }

  addTheme(parent: NodeRef | null, name: string, ref: NodeRef): void {
    const key = refKey(parent);
    let names = this.themes.get(key);
    if (names === undefined) this.themes.set(key, (names = new Map()));
    if (!names.has(nameKey(name))) names.set(nameKey(name), ref);
  }

  /** The codes of that name: the first one anywhere, and the first one under `parent`. */
  code(name: string, parent: NodeRef | null): { first?: { ref: NodeRef; parent: string; name: string }; under?: NodeRef } {
    const all = this.codes.get(nameKey(name)) ?? [];
    return { first: all[0], under: all.find((c) => c.parent === refKey(parent))?.ref };
  }

  addCode(parent: NodeRef | null, name: string, ref: NodeRef): void {
    const key = nameKey(name);
    let all = this.codes.get(key);
    if (all === undefined) this.codes.set(key, (all = []));
    all.push({ ref, parent: refKey(parent), name });
  }
}

export function planRefiCodebook(source: string, codes: readonly RefiCode[], codedGuids: ReadonlySet<string>, language: 'fr' | 'en'): RefiCodebookPlan {
  const report: ReportLine[] = [];
  const say = (severity: Severity, kind: string, en: string, fr: string) => report.push({ severity, kind, message: { en, fr } });
  const counts = { codes: 0, themes: 0 };
  const model = new CodebookModel(source);
  const additions: NewNode[] = [];
  const refs = new Map<string, NodeRef>();
  const add = (node: NewNode): NodeRef => {
    additions.push(node);
    return { index: additions.length - 1 };
  };

  const visit = (list: readonly RefiCode[], parent: { ref: NodeRef; name: string } | null) => {
    for (const code of list) {
      const name = code.name.trim();
      if (name === '') {
        say('warning', 'refi-code-unnamed', 'a code without a name was not brought over (nor its codings)', "un code sans nom n'a pas été repris (ni ses codages)");
        continue;
      }
      const colour = code.color ? { color: code.color } : {};
      if (code.children.length > 0 || !code.isCodable) {
        let theme = model.theme(parent?.ref ?? null, name);
        if (theme === undefined) {
          theme = add({ kind: 'theme', name, parent: parent?.ref ?? null, ...readNodeDescription(code.description ?? '', 'theme'), ...colour });
          model.addTheme(parent?.ref ?? null, name, theme);
          counts.themes++;
        }
        if (code.isCodable && codedGuids.has(code.guid)) {
          const found = model.code(name, theme);
          const existing = found.under ?? found.first?.ref;
          if (existing !== undefined) refs.set(code.guid, existing);
          else {
            const ref = add({ kind: 'code', name, parent: theme });
            model.addCode(theme, name, ref);
            refs.set(code.guid, ref);
            counts.codes++;
          }
          say('info', 'refi-code-with-children', `"${name}" has sub-codes and was applied itself: it is a theme, and its own codings are in the code "${name}" inside it`, `« ${name} » a des sous-codes et a été appliqué lui-même : c'est un thème, et ses propres codages sont dans le code « ${name} » qu'il contient`);
        }
        visit(code.children, { ref: theme, name });
        continue;
      }
      const same = model.code(name, null).first;
      if (same !== undefined && same.parent === refKey(parent?.ref ?? null)) {
        refs.set(code.guid, same.ref);
        continue;
      }
      // Code names are unique in codage: another code of that name elsewhere gets its theme's name added.
      const unique = same ? `${name} (${parent?.name ?? (language === 'fr' ? 'sans thème' : 'no theme')})` : name;
      if (same) say('warning', 'refi-code-renamed', `two codes are named "${name}": the one in "${parent?.name ?? '—'}" is now "${unique}"`, `deux codes s'appellent « ${name} » : celui de « ${parent?.name ?? '—'} » s'appelle désormais « ${unique} »`);
      const taken = model.code(unique, null).first;
      if (taken !== undefined) {
        const refused = duplicateCode(taken.name).localized;
        say('warning', 'refi-code-refused', `the code "${name}" was not brought over: ${refused.en}`, `le code « ${name} » n'a pas été repris : ${refused.fr}`);
        continue;
      }
      const ref = add({ kind: 'code', name: unique, parent: parent?.ref ?? null, ...readNodeDescription(code.description ?? '', 'code'), ...colour });
      model.addCode(parent?.ref ?? null, unique, ref);
      refs.set(code.guid, ref);
      counts.codes++;
    }
  };
  visit(codes, null);

  const added = addNodes(source, additions);
  const codeIds = new Map<string, string>();
  for (const [guid, ref] of refs) codeIds.set(guid, 'id' in ref ? ref.id : added.ids[ref.index]!);
  return { source: added.source, codeIds, report, counts };
}
