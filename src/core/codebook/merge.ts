/**
 * Bringing codes from another copy of a codebook into this one, through the codebook editor (so
 * the user's comments, order and formatting stay as they are).
 *
 * - `mergeCodebook` (two-way, for `codage merge`): every theme and code of the other copy is
 *   matched with this one's by id, then by name (themes: under the same parent); what matches
 *   nothing is added, keeping its id when it is free. Names that differ for the same id are
 *   reported, not changed. The result maps the other copy's code ids to this one's.
 * - `mergeCodebookThreeWay` (for a git merge driver): the changes from a common ancestor to the
 *   other copy (new nodes, renames, changed fields, codes moved between themes) are applied to
 *   this one where this one left them alone; where both changed the same thing differently, or
 *   the other copy removed something, this copy's version stays and a conflict is reported.
 */
import type { Codebook, CodebookNode, Localized } from '../types.js';
import { CodebookEditError, moveCode, renameNode, setNodeField, type NodeTexts } from './edit.js';
import { parseCodebook } from './parse.js';
import { PlannedCodebook, type PlannedNode } from './planned.js';
import { allCodes, allThemes } from './query.js';
import { nameKey } from './slug.js';

const TEXTS = ['description', 'definition', 'include', 'exclude', 'example', 'color'] as const;

function textsOf(node: CodebookNode): NodeTexts {
  const texts: NodeTexts = {};
  for (const field of TEXTS) if (node[field] !== undefined) texts[field] = node[field];
  return texts;
}

function read(source: string): Codebook {
  return parseCodebook(source, 'codebook.yaml').codebook;
}

export interface CodebookMergeResult {
  source: string;
  /** The other copy's code id → this copy's (identical ids included). */
  codeIds: Map<string, string>;
  /** Codes added, with their id here. */
  addedCodes: { name: string; id: string; theirId: string }[];
  addedThemes: { name: string; id: string }[];
  /** Same id, another name in the other copy (this copy's name is kept). */
  renamed: { id: string; ours: string; theirs: string }[];
  /** Codes matched by name although their ids differ. */
  matchedByName: { name: string; ours: string; theirs: string }[];
  /** Codes only this copy has. */
  onlyOurs: string[];
}

/** Two-way merge: adds to `ours` (the text of this codebook.yaml) what `theirs` has and it lacks. */
export function mergeCodebook(ours: string, theirs: Codebook): CodebookMergeResult {
  // Every match and addition is decided on a model of this codebook, then written in one pass.
  const book = new PlannedCodebook(ours);
  const result: CodebookMergeResult = { source: ours, codeIds: new Map(), addedCodes: [], addedThemes: [], renamed: [], matchedByName: [], onlyOurs: [] };
  const themeIds = new Map<string, string>();
  const noteRename = (node: CodebookNode, mine: PlannedNode) => {
    if (nameKey(mine.name) !== nameKey(node.name)) result.renamed.push({ id: mine.id, ours: mine.name, theirs: node.name });
  };
  const visit = (node: CodebookNode, parent: string | null): void => {
    if (node.kind === 'theme') {
      let mine = book.byId(node.id);
      if (mine?.kind === 'theme') noteRename(node, mine);
      else mine = book.theme(parent, node.name);
      if (mine === undefined) {
        const added = book.addTheme(parent, node.name, { id: node.id, ...textsOf(node) });
        result.addedThemes.push({ name: node.name, id: added.id });
        themeIds.set(node.id, added.id);
      } else themeIds.set(node.id, mine.id);
      for (const child of node.children) visit(child, themeIds.get(node.id)!);
      return;
    }
    const byId = book.byId(node.id);
    if (byId?.kind === 'code') {
      noteRename(node, byId);
      result.codeIds.set(node.id, byId.id);
      return;
    }
    const byName = book.codes(node.name)[0];
    if (byName) {
      result.matchedByName.push({ name: byName.name, ours: byName.id, theirs: node.id });
      result.codeIds.set(node.id, byName.id);
      return;
    }
    const added = book.addCode(parent, node.name, { id: node.id, ...textsOf(node) });
    result.addedCodes.push({ name: node.name, id: added.id, theirId: node.id });
    result.codeIds.set(node.id, added.id);
  };
  for (const theme of theirs.themes) visit(theme, null);
  for (const code of theirs.ungrouped) visit(code, null);
  const theirIds = new Set([...result.codeIds.values()]);
  result.onlyOurs = allCodes(book.codebook).filter((c) => !theirIds.has(c.id)).map((c) => c.name);
  result.source = book.apply();
  return result;
}

export interface ThreeWayResult {
  source: string;
  applied: Localized[];
  conflicts: Localized[];
}

const FIELDS = ['name', ...TEXTS] as const;

function label(node: CodebookNode): string {
  return `${node.kind === 'theme' ? 'theme' : 'code'} « ${node.name} » (${node.id})`;
}

function labelFr(node: CodebookNode): string {
  return `${node.kind === 'theme' ? 'le thème' : 'le code'} « ${node.name} » (${node.id})`;
}

/** Three-way merge of codebook texts: `theirs`' changes since `base` applied to `ours`. */
export function mergeCodebookThreeWay(base: string, ours: string, theirs: string): ThreeWayResult {
  for (const [text, which, ancestor] of [
    [base, { en: 'the common ancestor', fr: "l’ancêtre commun" }, true],
    [ours, { en: "this branch's version", fr: 'la version de cette branche' }, false],
    [theirs, { en: "the other branch's version", fr: "la version de l’autre branche" }, false],
  ] as const) {
    const problems = parseCodebook(text, 'codebook.yaml').problems;
    const syntax = problems.find((p) => p.kind === 'yaml-syntax');
    if (syntax) {
      throw new CodebookEditError('codebook-yaml-syntax', {
        en: `${which.en} has a YAML syntax error (line ${syntax.line ?? '?'}): it cannot be merged safely`,
        fr: `${which.fr} contient une erreur de syntaxe YAML (ligne ${syntax.line ?? '?'}) : impossible de la fusionner sans risque`,
      });
    }
    // Two nodes with one id, a node without a name…: which node a coding means is not known.
    const error = ancestor ? undefined : problems.find((p) => p.severity === 'error');
    if (error) {
      throw new CodebookEditError('codebook-not-mergeable', {
        en: `${which.en} cannot be read completely (line ${error.line ?? '?'}: ${error.message.en}): it cannot be merged safely`,
        fr: `${which.fr} ne peut pas être lue entièrement (ligne ${error.line ?? '?'} : ${error.message.fr}) : impossible de la fusionner sans risque`,
      });
    }
  }
  const b = read(base);
  const t = read(theirs);
  let source = ours;
  let o = read(source);
  const applied: Localized[] = [];
  const conflicts: Localized[] = [];
  const nodes = (cb: Codebook) => [...allThemes(cb), ...allCodes(cb)];

  // New in both copies under the same id: the same node (nothing to do, unless its texts differ),
  // or two different ones — this copy's is kept and the conflict said (the other branch's codings
  // of that id would otherwise mean this copy's node without a word).
  for (const theirsNode of nodes(t)) {
    if (b.byId.has(theirsNode.id)) continue;
    const mine = o.byId.get(theirsNode.id);
    if (mine === undefined) continue;
    if (mine.kind === theirsNode.kind && nameKey(mine.name) === nameKey(theirsNode.name)) {
      const differ = FIELDS.filter((f) => f !== 'name' && (mine[f] ?? '') !== (theirsNode[f] ?? ''));
      if (differ.length > 0) {
        conflicts.push({
          en: `both copies added ${label(mine)}, with another ${differ.join(', ')}: kept this copy's`,
          fr: `les deux copies ont ajouté ${labelFr(mine)}, avec un autre contenu (${differ.join(', ')}) : celui de cette copie est gardé`,
        });
      }
      continue;
    }
    conflicts.push({
      en: `both copies added the id ${theirsNode.id}: ${label(mine)} here, ${label(theirsNode)} in the other copy; kept this copy's — the other copy's codings of ${theirsNode.id} now mean this copy's, give one of them another id`,
      fr: `les deux copies ont ajouté l’identifiant ${theirsNode.id} : ${labelFr(mine)} ici, ${labelFr(theirsNode)} dans l’autre copie ; celui de cette copie est gardé — les codages de ${theirsNode.id} de l’autre copie désignent maintenant celui-ci, donner à l’un des deux un autre identifiant`,
    });
  }

  // New themes and codes (parents first: themes depth-first, then codes).
  // Planned on a model of this copy, then written in one pass.
  const added = nodes(t).filter((n) => !b.byId.has(n.id) && !o.byId.has(n.id));
  const book = new PlannedCodebook(source);
  const addedIds = new Map<string, string>();
  for (const node of added) {
    const parent = node.parent === null ? null : (addedIds.get(node.parent) ?? (book.byId(node.parent) !== undefined ? node.parent : null));
    if (node.kind === 'code' && book.codes(node.name).length > 0) {
      conflicts.push({ en: `both copies added a code named « ${node.name} » with different ids: kept this copy's`, fr: `les deux copies ont ajouté un code « ${node.name} » sous des identifiants différents : celui de cette copie est gardé` });
      continue;
    }
    // Both copies added a theme of this name here: one theme, this copy's, which gets the other's codes.
    const sameTheme = node.kind === 'theme' ? book.theme(parent, node.name) : undefined;
    if (sameTheme !== undefined) {
      addedIds.set(node.id, sameTheme.id);
      applied.push({
        en: `${label(node)} is this copy's theme « ${sameTheme.name} » (${sameTheme.id}): what the other copy put in it goes there`,
        fr: `${labelFr(node)} est le thème « ${sameTheme.name} » (${sameTheme.id}) de cette copie : ce que l’autre copie y a mis y va`,
      });
      continue;
    }
    try {
      const r = node.kind === 'code' ? book.addCode(parent, node.name, { id: node.id, ...textsOf(node) }) : book.addTheme(parent, node.name, { id: node.id, ...textsOf(node) });
      addedIds.set(node.id, r.id);
      // The id written (another one when the other copy's is not a valid id).
      const written = { ...node, id: r.id } as CodebookNode;
      applied.push({ en: `added ${label(written)}`, fr: `ajouté : ${labelFr(written)}` });
    } catch (error) {
      if (!(error instanceof CodebookEditError)) throw error;
      const at = node.line !== undefined ? { en: ` (line ${node.line} of the other copy)`, fr: ` (ligne ${node.line} de l’autre copie)` } : { en: '', fr: '' };
      conflicts.push({ en: `${label(node)}${at.en} not added: ${error.localized.en}`, fr: `${labelFr(node)}${at.fr} non ajouté : ${error.localized.fr}` });
    }
  }
  if (book.added > 0) {
    source = book.apply();
    o = read(source);
  }

  // Changed fields and moves of nodes the three share; removals.
  for (const was of nodes(b)) {
    const theirsNode = t.byId.get(was.id);
    const oursNode = o.byId.get(was.id);
    if (theirsNode === undefined) {
      if (oursNode !== undefined) {
        conflicts.push({ en: `the other copy removed ${label(was)}: kept here (remove it by hand if no coding uses it)`, fr: `l’autre copie a supprimé ${labelFr(was)} : gardé ici (le supprimer à la main si aucun codage ne l’utilise)` });
      }
      continue;
    }
    if (oursNode === undefined) {
      const changed = FIELDS.some((f) => (was[f] ?? '') !== (theirsNode[f] ?? ''));
      if (changed) conflicts.push({ en: `this copy removed ${label(was)}, which the other copy changed: left removed`, fr: `cette copie a supprimé ${labelFr(was)}, que l’autre copie a modifié : laissé supprimé` });
      continue;
    }
    for (const field of FIELDS) {
      const before = was[field] ?? '';
      const after = theirsNode[field] ?? '';
      const mine = oursNode[field] ?? '';
      if (before === after || mine === after) continue;
      if (mine !== before) {
        conflicts.push({ en: `${label(oursNode)}: ${field} changed in both copies; kept this copy's`, fr: `${labelFr(oursNode)} : ${field} modifié dans les deux copies ; celui de cette copie est gardé` });
        continue;
      }
      source = field === 'name' ? renameNode(source, was.id, after) : setNodeField(source, was.id, field, after === '' ? null : after);
      o = read(source);
      applied.push({ en: `${label(oursNode)}: ${field} as in the other copy`, fr: `${labelFr(oursNode)} : ${field} comme dans l’autre copie` });
    }
    if (was.kind === 'code' && was.parent !== theirsNode.parent) {
      const mineNow = o.byId.get(was.id)!;
      if (mineNow.parent === theirsNode.parent) continue;
      if (mineNow.parent !== was.parent) {
        conflicts.push({ en: `${label(mineNow)} moved to different themes in both copies; kept this copy's`, fr: `${labelFr(mineNow)} déplacé dans des thèmes différents dans les deux copies ; celui de cette copie est gardé` });
      } else if (theirsNode.parent !== null && !o.byId.has(theirsNode.parent)) {
        conflicts.push({ en: `${label(mineNow)}: its new theme (${theirsNode.parent}) is not in this copy; not moved`, fr: `${labelFr(mineNow)} : son nouveau thème (${theirsNode.parent}) n’est pas dans cette copie ; non déplacé` });
      } else {
        source = moveCode(source, was.id, theirsNode.parent);
        o = read(source);
        applied.push({ en: `${label(mineNow)} moved as in the other copy`, fr: `${labelFr(mineNow)} déplacé comme dans l’autre copie` });
      }
    }
  }
  return { source, applied, conflicts };
}
