/**
 * The edits of `codage codebook`, planned as plain data: from the text of codebook.yaml and every
 * coder file, what to write (the new codebook text, the coder files that change) and what to say.
 * Pure: the command reads and writes (through `changeStudy`), so an edit is all or nothing.
 *
 * The codebook is changed by edit.ts (comments, order and formatting kept); coder files refer to
 * codes by id, so a rename or a move changes codebook.yaml alone, and only merge, split and delete
 * change the codes segments carry (recode.ts). Segment ids, spans and texts never change.
 */
import { UsageError } from '../errors.js';
import { recodeCoderFile, reassignSegments } from '../codings/recode.js';
import type { Codebook, CodebookNode, CoderFile, Localized } from '../types.js';
import { addCode, addTheme, CodebookEditError, moveNode, removeNode, renameNode, reorderNode, setNodeField } from './edit.js';
import { findCode, findNode, lookupNode, pathOf, splitPath } from './find-node.js';
import { parseCodebook } from './parse.js';
import { nameKey } from './slug.js';

export const DESCRIBED_FIELDS = ['description', 'definition', 'include', 'exclude', 'example', 'color'] as const;
export type DescribedField = (typeof DESCRIBED_FIELDS)[number];

export type CodebookEdit =
  | { kind: 'add'; name: string; theme?: string; texts?: Partial<Record<DescribedField, string>> }
  /** A new theme, empty, at the end of the top-level themes or of `parent`'s sub-themes (a name, path or id). */
  | { kind: 'add-theme'; name: string; parent: string | null }
  | { kind: 'describe'; target: string; texts: Partial<Record<DescribedField, string>> }
  | { kind: 'rename'; target: string; name: string }
  | { kind: 'move'; target: string; to: string | null }
  /** One place up (-1) or down (+1) among the siblings of the same kind. */
  | { kind: 'reorder'; target: string; by: -1 | 1 }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'delete'; target: string; mergeInto?: string; dropSegments?: boolean }
  | { kind: 'split'; target: string; into: string[]; segments: ReadonlyMap<string, string> };

export interface CoderCodings {
  coder: string;
  coderFile: CoderFile;
}

/** What one coder file goes through: segments recoded, already carrying the target, removed, moved. */
export interface CoderChange {
  coder: string;
  segments: number;
  alreadyHad: number;
  removed: number;
}

export interface RestructurePlan {
  /** The new text of codebook.yaml, or null when it does not change. */
  codebook: string | null;
  /** The coder files that change. */
  coders: CoderCodings[];
  /** What changed, one sentence per line, for the terminal. */
  summary: Localized[];
  /** The same for --json. */
  details: {
    edit: CodebookEdit['kind'];
    node?: { id: string; name: string; kind: 'theme' | 'code' };
    into?: { id: string; name: string } | { id: string; name: string }[];
    createdThemes: string[];
    coders: CoderChange[];
  };
}

type Q = (text: string) => { en: string; fr: string };
/** A name quoted in each language: “name” and « name ». */
const q: Q = (text) => ({ en: `“${text}”`, fr: `«\u00a0${text}\u00a0»` });

function codebookOf(source: string): Codebook {
  return parseCodebook(source, 'codebook.yaml').codebook;
}

/** Code ids used by the segments, so that a new code never takes an id some coding still carries. */
const usedIdsOf = new WeakMap<readonly CoderCodings[], Set<string>>();
function usedIds(coders: readonly CoderCodings[]): Set<string> {
  const known = usedIdsOf.get(coders);
  if (known) return known;
  const ids = new Set<string>();
  usedIdsOf.set(coders, ids);
  for (const c of coders) for (const s of c.coderFile.segments) for (const code of s.codes) ids.add(code);
  return ids;
}

/** The theme at `path`, created (with its missing parents) when absent. */
function ensureThemePath(source: string, path: string, taken: ReadonlySet<string>): { source: string; id: string; created: string[] } {
  const steps = splitPath(path);
  if (steps.length === 0) {
    throw new UsageError({ en: 'the theme path is empty', fr: 'le chemin du thème est vide' }, {
      en: 'give theme names separated by ">", e.g. "Vécu du médecin > Émotions négatives"',
      fr: 'donnez des noms de thèmes séparés par « > », p. ex. "Vécu du médecin > Émotions négatives"',
    });
  }
  let text = source;
  let parent: string | null = null;
  const created: string[] = [];
  if (steps.length === 1) {
    // One name: an existing theme anywhere (or an id), else a new top-level theme.
    const current = codebookOf(text);
    const node = lookupNode(current, steps[0] as string, 'theme') ?? lookupNode(current, steps[0] as string, 'code');
    if (node && node.kind === 'code') {
      throw new UsageError(
        { en: `"${node.name}" is a code, not a theme`, fr: `« ${node.name} » est un code, pas un thème` },
        { en: 'give the name or path of a theme', fr: "donnez le nom ou le chemin d’un thème" },
      );
    }
    if (node) return { source: text, id: node.id, created };
  }
  steps.forEach((step, i) => {
    const cb = codebookOf(text);
    const level = parent === null ? cb.themes : (cb.byId.get(parent)?.children ?? []);
    const found = level.find((n) => n.kind === 'theme' && nameKey(n.name) === nameKey(step));
    if (found) {
      parent = found.id;
      return;
    }
    const added = addTheme(text, { name: step, parentId: parent }, taken);
    text = added.source;
    parent = added.id;
    created.push(steps.slice(0, i + 1).join(' > '));
  });
  return { source: text, id: parent as unknown as string, created };
}

function nodeInfo(node: CodebookNode): { id: string; name: string; kind: 'theme' | 'code' } {
  return { id: node.id, name: node.name, kind: node.kind };
}

function segmentsUsing(coders: readonly CoderCodings[], codeId: string): { coder: string; count: number }[] {
  return coders
    .map((c) => ({ coder: c.coder, count: c.coderFile.segments.filter((s) => s.codes.includes(codeId)).length }))
    .filter((c) => c.count > 0);
}

function byCoder(changes: readonly { coder: string; count: number }[]): Localized {
  if (changes.length < 2) return { en: '', fr: '' };
  const list = changes.map((c) => `${c.coder} ${c.count}`).join(', ');
  return { en: ` (${list})`, fr: ` (${list})` };
}

function createdLine(created: string[]): Localized[] {
  if (created.length === 0) return [];
  const names = created.map(q);
  return [
    {
      en: `Created the theme${created.length > 1 ? 's' : ''} ${names.map((n) => n.en).join(', ')}.`,
      fr: `Thème${created.length > 1 ? 's' : ''} créé${created.length > 1 ? 's' : ''}\u00a0: ${names.map((n) => n.fr).join(', ')}.`,
    },
  ];
}

/** A code by name or id, or an id that only coder files still carry (a code missing from the codebook). */
function codeOrUsedId(codebook: Codebook, coders: readonly CoderCodings[], ref: string): { id: string; name: string; node: CodebookNode | null } {
  const node = lookupNode(codebook, ref, 'code');
  if (node) {
    return { id: node.id, name: node.name, node };
  }
  if (usedIds(coders).has(ref.trim())) return { id: ref.trim(), name: ref.trim(), node: null };
  return { ...nodeInfo(findCode(codebook, ref)), node: null };
}

/** Plans one edit (see the module comment). Throws UsageError or CodebookEditError when it cannot be made. */
export function planEdit(source: string, coders: readonly CoderCodings[], edit: CodebookEdit): RestructurePlan {
  const codebook = codebookOf(source);
  const taken = usedIds(coders);
  const details: RestructurePlan['details'] = { edit: edit.kind, createdThemes: [], coders: [] };

  switch (edit.kind) {
    case 'add': {
      let text = source;
      let themeId: string | null = null;
      let where = { en: 'the codes not yet grouped', fr: 'les codes non regroupés' };
      if (edit.theme !== undefined) {
        const theme = ensureThemePath(text, edit.theme, taken);
        text = theme.source;
        themeId = theme.id;
        details.createdThemes = theme.created;
        const path = pathOf(codebookOf(text), codebookOf(text).byId.get(theme.id) as CodebookNode);
        where = q(path);
      }
      const added = addCode(text, { name: edit.name, themeId, ...(edit.texts ?? {}) }, taken);
      const node = codebookOf(added.source).byId.get(added.id) as CodebookNode;
      details.node = nodeInfo(node);
      return {
        codebook: added.source,
        coders: [],
        details,
        summary: [
          ...createdLine(details.createdThemes),
          { en: `Added the code ${q(node.name).en} (id ${added.id}) to ${where.en}.`, fr: `Code ${q(node.name).fr} (identifiant ${added.id}) ajouté à ${where.fr}.` },
        ],
      };
    }

    case 'add-theme': {
      const parent = edit.parent === null ? null : findNode(codebook, edit.parent);
      if (parent !== null && parent.kind !== 'theme') {
        throw new UsageError(
          { en: `"${parent.name}" is a code, not a theme`, fr: `« ${parent.name} » est un code, pas un thème` },
          { en: 'give the name or path of a theme', fr: "donnez le nom ou le chemin d’un thème" },
        );
      }
      const added = addTheme(source, { name: edit.name, parentId: parent?.id ?? null }, taken);
      const cb = codebookOf(added.source);
      const node = cb.byId.get(added.id) as CodebookNode;
      details.node = nodeInfo(node);
      details.createdThemes = [pathOf(cb, node)];
      const where = parent === null ? { en: 'the top level', fr: 'au premier niveau' } : { en: `in ${q(pathOf(codebook, parent)).en}`, fr: `dans ${q(pathOf(codebook, parent)).fr}` };
      return {
        codebook: added.source,
        coders: [],
        details,
        summary: [
          parent === null
            ? { en: `Created the theme ${q(node.name).en} at ${where.en}.`, fr: `Thème ${q(node.name).fr} créé ${where.fr}.` }
            : { en: `Created the sub-theme ${q(node.name).en} ${where.en}.`, fr: `Sous-thème ${q(node.name).fr} créé ${where.fr}.` },
        ],
      };
    }

    case 'reorder': {
      const node = findNode(codebook, edit.target);
      details.node = nodeInfo(node);
      const text = reorderNode(source, node.id, edit.by);
      const siblings = (node.parent === null ? (node.kind === 'theme' ? codebook.themes : codebook.ungrouped) : (codebook.byId.get(node.parent)?.children ?? [])).filter(
        (n) => n.kind === node.kind,
      );
      const neighbour = siblings[siblings.indexOf(node) + edit.by];
      const kind = node.kind === 'code' ? { en: 'code', fr: 'Code' } : { en: 'theme', fr: 'Thème' };
      return {
        codebook: text === source ? null : text,
        coders: [],
        details,
        summary: [
          neighbour === undefined
            ? { en: `Nothing to move: the ${kind.en} ${q(node.name).en} is already ${edit.by < 0 ? 'first' : 'last'}.`, fr: `Rien à déplacer\u00a0: ${lower(kind.fr)} ${q(node.name).fr} est déjà ${edit.by < 0 ? 'en premier' : 'en dernier'}.` }
            : {
                en: `Moved the ${kind.en} ${q(node.name).en} ${edit.by < 0 ? 'before' : 'after'} ${q(neighbour.name).en}.`,
                fr: `${kind.fr} ${q(node.name).fr} placé ${edit.by < 0 ? 'avant' : 'après'} ${q(neighbour.name).fr}.`,
              },
        ],
      };
    }

    case 'describe': {
      const node = findNode(codebook, edit.target);
      details.node = nodeInfo(node);
      let text = source;
      const fields = DESCRIBED_FIELDS.filter((f) => edit.texts[f] !== undefined);
      if (fields.length === 0) {
        throw new UsageError(
          { en: 'nothing to describe', fr: 'rien à décrire' },
          { en: 'give --definition, --include, --exclude, --example, --description or --color', fr: 'donnez --definition, --include, --exclude, --example, --description ou --color' },
        );
      }
      for (const field of fields) text = setNodeField(text, node.id, field, edit.texts[field] ?? null);
      const cleared = fields.filter((f) => (edit.texts[f] ?? '').trim() === '');
      const set = fields.filter((f) => !cleared.includes(f));
      const summary: Localized[] = [];
      if (set.length > 0) summary.push({ en: `${q(node.name).en}: set ${set.join(', ')}.`, fr: `${q(node.name).fr}\u00a0: ${set.join(', ')} renseigné(s).` });
      if (cleared.length > 0) summary.push({ en: `${q(node.name).en}: removed ${cleared.join(', ')}.`, fr: `${q(node.name).fr}\u00a0: ${cleared.join(', ')} retiré(s).` });
      return { codebook: text === source ? null : text, coders: [], details, summary };
    }

    case 'rename': {
      const node = findNode(codebook, edit.target);
      details.node = nodeInfo(node);
      const text = renameNode(source, node.id, edit.name);
      const name = edit.name.trim();
      const keep =
        node.kind === 'code'
          ? { en: ` Its id stays ${node.id}: every segment keeps it.`, fr: ` Son identifiant reste ${node.id}\u00a0: chaque segment le garde.` }
          : { en: ` Its id stays ${node.id}.`, fr: ` Son identifiant reste ${node.id}.` };
      const kind = node.kind === 'code' ? { en: 'code', fr: 'Code' } : { en: 'theme', fr: 'Thème' };
      return {
        codebook: text === source ? null : text,
        coders: [],
        details,
        summary: [{ en: `Renamed the ${kind.en} ${q(node.name).en} to ${q(name).en}.${keep.en}`, fr: `${kind.fr} ${q(node.name).fr} renommé en ${q(name).fr}.${keep.fr}` }],
      };
    }

    case 'move': {
      const node = findNode(codebook, edit.target);
      details.node = nodeInfo(node);
      let text = source;
      let themeId: string | null = null;
      let where = node.kind === 'code' ? { en: 'the codes not yet grouped', fr: 'les codes non regroupés' } : { en: 'the top level', fr: 'le premier niveau' };
      if (edit.to !== null) {
        const theme = ensureThemePath(text, edit.to, taken);
        if (theme.id === node.id) {
          throw new CodebookEditError('codebook-move-into-itself', {
            en: `The theme “${node.name}” cannot be moved inside itself.`,
            fr: `Le thème « ${node.name} » ne peut pas être déplacé à l’intérieur de lui-même.`,
          });
        }
        text = theme.source;
        themeId = theme.id;
        details.createdThemes = theme.created;
      }
      text = moveNode(text, node.id, themeId);
      if (themeId !== null) where = q(pathOf(codebookOf(text), codebookOf(text).byId.get(themeId) as CodebookNode));
      const under = node.kind === 'theme' ? countUnder(node) : null;
      const what =
        under === null
          ? { en: `the code ${q(node.name).en}`, fr: `Code ${q(node.name).fr}` }
          : { en: `the theme ${q(node.name).en} with its ${under} code(s)`, fr: `Thème ${q(node.name).fr} et ses ${under} code(s)` };
      const same = themeId === node.parent;
      return {
        codebook: text === source ? null : text,
        coders: [],
        details,
        summary: [
          ...createdLine(details.createdThemes),
          same
            ? { en: `Nothing to move: ${what.en} is already in ${where.en}.`, fr: `Rien à déplacer\u00a0: ${lower(what.fr)} est déjà dans ${where.fr}.` }
            : { en: `Moved ${what.en} to ${where.en}.`, fr: `${what.fr} déplacé${node.kind === 'theme' ? 's' : ''} dans ${where.fr}.` },
        ],
      };
    }

    case 'merge':
    case 'delete': {
      if (edit.kind === 'delete' && edit.mergeInto === undefined) return planDelete(source, codebook, coders, edit.target, edit.dropSegments === true, details);
      const fromRef = edit.kind === 'merge' ? edit.from : edit.target;
      const intoRef = edit.kind === 'merge' ? edit.into : (edit.mergeInto as string);
      const from = codeOrUsedId(codebook, coders, fromRef);
      const into = findCode(codebook, intoRef);
      if (from.id === into.id) {
        throw new UsageError(
          { en: `"${fromRef}" and "${intoRef}" are the same code`, fr: `« ${fromRef} » et « ${intoRef} » sont le même code` },
          { en: 'give two different codes', fr: 'donnez deux codes différents' },
        );
      }
      details.node = from.node ? nodeInfo(from.node) : { id: from.id, name: from.name, kind: 'code' };
      details.into = { id: into.id, name: into.name };
      const changed: CoderCodings[] = [];
      for (const c of coders) {
        const r = recodeCoderFile(c.coderFile, from.id, into.id);
        if (r.segments === 0) continue;
        changed.push({ coder: c.coder, coderFile: r.coderFile });
        details.coders.push({ coder: c.coder, segments: r.segments, alreadyHad: r.alreadyHad, removed: r.removed });
      }
      const text = from.node ? removeNode(source, from.id) : source;
      const total = details.coders.reduce((n, c) => n + c.segments, 0);
      const already = details.coders.reduce((n, c) => n + c.alreadyHad, 0);
      const per = byCoder(details.coders.map((c) => ({ coder: c.coder, count: c.segments })));
      const also = already > 0 ? { en: `, ${already} of which already had it (kept once)`, fr: `, dont ${already} ${already > 1 ? 'l’avaient' : 'l’avait'} déjà (gardé une fois)` } : { en: '', fr: '' };
      const gone = from.node
        ? { en: ` ${q(from.name).en} is removed from the codebook.`, fr: ` ${q(from.name).fr} est retiré du livre de codes.` }
        : { en: ` (${from.id} was not in the codebook.)`, fr: ` (${from.id} n’était pas dans le livre de codes.)` };
      return {
        codebook: text === source ? null : text,
        coders: changed,
        details,
        summary: [
          {
            en: `Merged ${q(from.name).en} into ${q(into.name).en}: ${total} segment(s)${per.en} now carry ${q(into.name).en}${also.en}.${gone.en}`,
            fr: `${q(from.name).fr} fusionné dans ${q(into.name).fr}\u00a0: ${total} segment(s)${per.fr} portent maintenant ${q(into.name).fr}${also.fr}.${gone.fr}`,
          },
        ],
      };
    }

    case 'split':
      return planSplit(source, codebook, coders, edit, details);
  }
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function countUnder(node: CodebookNode): number {
  return node.children.reduce((n, child) => n + (child.kind === 'code' ? 1 : countUnder(child)), 0);
}

function planDelete(
  source: string,
  codebook: Codebook,
  coders: readonly CoderCodings[],
  target: string,
  drop: boolean,
  details: RestructurePlan['details'],
): RestructurePlan {
  const node = lookupNode(codebook, target);
  const code = node ?? (usedIds(coders).has(target.trim()) ? null : findNode(codebook, target));
  const id = code ? code.id : target.trim();
  const name = code ? code.name : id;
  details.node = code ? nodeInfo(code) : { id, name, kind: 'code' };
  if (code && code.kind === 'theme') {
    const text = removeNode(source, code.id);
    return { codebook: text, coders: [], details, summary: [{ en: `Deleted the theme ${q(name).en}.`, fr: `Thème ${q(name).fr} supprimé.` }] };
  }
  const using = segmentsUsing(coders, id);
  const total = using.reduce((n, c) => n + c.count, 0);
  if (total > 0 && !drop) {
    throw new UsageError(
      {
        en: `${total} segment(s) carry the code "${name}"${byCoder(using).en}: it is not deleted`,
        fr: `${total} segment(s) portent le code « ${name} »${byCoder(using).fr}\u00a0: il n’est pas supprimé`,
      },
      {
        en: 'give --merge-into CODE to give them another code, or --drop-segments to remove the code from them (segments left with no code are removed; a backup is kept and codage codebook undo puts everything back)',
        fr: "donnez --merge-into CODE pour leur donner un autre code, ou --drop-segments pour leur retirer ce code (les segments qui n’ont plus aucun code sont supprimés\u00a0; une sauvegarde est gardée et codage codebook undo remet tout en place)",
      },
    );
  }
  const changed: CoderCodings[] = [];
  for (const c of coders) {
    const r = recodeCoderFile(c.coderFile, id, null);
    if (r.segments === 0) continue;
    changed.push({ coder: c.coder, coderFile: r.coderFile });
    details.coders.push({ coder: c.coder, segments: r.segments, alreadyHad: 0, removed: r.removed });
  }
  const text = code ? removeNode(source, id) : source;
  const removed = details.coders.reduce((n, c) => n + c.removed, 0);
  const summary: Localized[] = [
    code
      ? { en: `Deleted the code ${q(name).en}.`, fr: `Code ${q(name).fr} supprimé.` }
      : { en: `Removed the code ${id} (not in the codebook) from the segments.`, fr: `Code ${id} (absent du livre de codes) retiré des segments.` },
  ];
  if (total > 0) {
    summary.push({
      en: `${total} segment(s)${byCoder(using).en} no longer carry it; ${removed} had no other code and are removed.`,
      fr: `${total} segment(s)${byCoder(using).fr} ne le portent plus\u00a0; ${removed} n’avai(en)t pas d’autre code et sont supprimé(s).`,
    });
  }
  return { codebook: text === source ? null : text, coders: changed, details, summary };
}

function planSplit(
  source: string,
  codebook: Codebook,
  coders: readonly CoderCodings[],
  edit: Extract<CodebookEdit, { kind: 'split' }>,
  details: RestructurePlan['details'],
): RestructurePlan {
  const code = findCode(codebook, edit.target);
  details.node = nodeInfo(code);
  const names = edit.into.map((n) => n.trim()).filter((n) => n !== '');
  if (names.length < 1) {
    throw new UsageError({ en: 'give the new codes: --into A1 A2', fr: 'donnez les nouveaux codes : --into A1 A2' });
  }
  // Each new code goes beside the code it comes from; a name that is the code's own keeps it.
  let text = source;
  const taken = usedIds(coders);
  const ids = new Map<string, string>();
  const created: { id: string; name: string }[] = [];
  for (const name of names) {
    if (nameKey(name) === nameKey(code.name)) {
      ids.set(name, code.id);
      created.push({ id: code.id, name: code.name });
      continue;
    }
    const existing = lookupNode(codebookOf(text), name, 'code');
    if (existing && existing.kind === 'code') {
      ids.set(name, existing.id);
      created.push({ id: existing.id, name: existing.name });
      continue;
    }
    const added = addCode(text, { name, themeId: code.parent }, taken);
    text = added.source;
    ids.set(name, added.id);
    created.push({ id: added.id, name: name });
  }
  details.into = created;
  const keepsOriginal = created.some((c) => c.id === code.id);
  // Which segments go where: every segment of the code must be given a place.
  const moves = new Map<string, string>();
  for (const [segment, name] of edit.segments) {
    const id = ids.get(name) ?? ids.get(names.find((n) => nameKey(n) === nameKey(name)) ?? '');
    if (id === undefined) {
      throw new UsageError(
        { en: `segment ${segment} is given to "${name}", which is not one of --into`, fr: `le segment ${segment} est attribué à « ${name} », qui n’est pas parmi --into` },
      );
    }
    moves.set(segment, id);
  }
  const using = new Set<string>();
  for (const c of coders) for (const s of c.coderFile.segments) if (s.codes.includes(code.id)) using.add(s.id);
  const unknown = [...moves.keys()].filter((id) => !using.has(id));
  if (unknown.length > 0) {
    throw new UsageError(
      { en: `segment(s) ${unknown.join(', ')} do not carry "${code.name}"`, fr: `le(s) segment(s) ${unknown.join(', ')} ne porte(nt) pas « ${code.name} »` },
      { en: `codage segments --code ${code.id} lists its segments with their ids`, fr: `codage segments --code ${code.id} liste ses segments avec leurs identifiants` },
    );
  }
  const left = [...using].filter((id) => !moves.has(id));
  if (left.length > 0 && !keepsOriginal) {
    throw new UsageError(
      {
        en: `${left.length} segment(s) of "${code.name}" are given no new code: ${left.slice(0, 8).join(', ')}${left.length > 8 ? ', …' : ''}`,
        fr: `${left.length} segment(s) de « ${code.name} » n’ont pas de nouveau code\u00a0: ${left.slice(0, 8).join(', ')}${left.length > 8 ? ', …' : ''}`,
      },
      {
        en: `give every segment a place (--segments ID=CODE,…), or keep "${code.name}" among --into for the rest`,
        fr: `attribuez chaque segment (--segments ID=CODE,…), ou gardez « ${code.name} » parmi --into pour le reste`,
      },
    );
  }
  const changed: CoderCodings[] = [];
  for (const c of coders) {
    const r = reassignSegments(c.coderFile, code.id, moves);
    if (r.moved === 0) continue;
    changed.push({ coder: c.coder, coderFile: r.coderFile });
    details.coders.push({ coder: c.coder, segments: r.moved, alreadyHad: 0, removed: 0 });
  }
  if (!keepsOriginal) text = removeNode(text, code.id);
  const counts = created.map((c) => {
    const n = c.id === code.id ? left.length : [...moves.values()].filter((v) => v === c.id).length;
    return { name: c.name, n };
  });
  return {
    codebook: text === source ? null : text,
    coders: changed,
    details,
    summary: [
      {
        en: `Split ${q(code.name).en} into ${counts.map((c) => `${q(c.name).en} (${c.n} segment(s))`).join(', ')}.${keepsOriginal ? '' : ` ${q(code.name).en} is removed from the codebook.`}`,
        fr: `${q(code.name).fr} scindé en ${counts.map((c) => `${q(c.name).fr} (${c.n} segment(s))`).join(', ')}.${keepsOriginal ? '' : ` ${q(code.name).fr} est retiré du livre de codes.`}`,
      },
    ],
  };
}

/**
 * Several edits made as one change (the themes screen moves several codes at once): each is
 * planned on the text the previous one left, and the whole is written, journalled and undone
 * as one. One that cannot be made stops them all (nothing is written).
 */
export function planEdits(source: string, coders: readonly CoderCodings[], edits: readonly CodebookEdit[]): RestructurePlan {
  if (edits.length === 1) return planEdit(source, coders, edits[0] as CodebookEdit);
  let text = source;
  let current: CoderCodings[] = [...coders];
  const changed = new Map<string, CoderCodings>();
  const summary: Localized[] = [];
  const createdThemes: string[] = [];
  let details: RestructurePlan['details'] | null = null;
  for (const edit of edits) {
    const plan = planEdit(text, current, edit);
    if (plan.codebook !== null) text = plan.codebook;
    for (const c of plan.coders) {
      changed.set(c.coder, c);
      current = current.map((old) => (old.coder === c.coder ? c : old));
    }
    summary.push(...plan.summary);
    createdThemes.push(...plan.details.createdThemes);
    details = plan.details;
  }
  return {
    codebook: text === source ? null : text,
    coders: [...changed.values()],
    summary,
    details: { ...(details ?? { edit: 'move', coders: [] }), createdThemes },
  };
}
