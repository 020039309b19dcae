/**
 * Edits of `codebook.yaml` that keep the user's comments, order and formatting.
 *
 * Every edit works on the YAML text: it parses it with the `yaml` Document API, changes the
 * document, prints it with the file's own indentation, and then applies only the lines that
 * changed to the user's text (merge-lines.ts), so untouched lines stay byte for byte.
 * As the study-folder format says, writing the codebook also writes the ids that were missing
 * (the ids the parser derives from names), so a later rename never breaks a coding.
 */
import { isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, ToStringOptions } from 'yaml';
import { DataError } from '../errors.js';
import type { CodebookNode, Localized } from '../types.js';
import { keepFormatting } from './merge-lines.js';
import { ID_PATTERN, NODE_FIELDS, readCodebookDocument } from './parse.js';
import type { CodebookDocumentRead, NodeField, NodeSource } from './parse.js';
import { nameKey, slugify, uniqueId } from './slug.js';

/** An edit that cannot be made; `message` is the English text of `localized`. */
export class CodebookEditError extends DataError {
  constructor(
    readonly kind: string,
    localized: Localized,
    hint?: Localized,
    where?: { line: number; column: number },
  ) {
    super(localized, { hint, ...(where ? { file: 'codebook.yaml', ...where } : {}) });
    this.name = 'CodebookEditError';
  }
}

/** Optional text fields of a new node: the codebook node's own. */
export type NodeTexts = Pick<CodebookNode, 'description' | 'definition' | 'include' | 'exclude' | 'example' | 'color'>;

export interface NewCode extends NodeTexts {
  name: string;
  /** Theme to put the code in; null or absent: top-level `codes` (not yet grouped). */
  themeId?: string | null;
  /** The id to give it if that id is valid and free (a code brought from another copy of the study). */
  id?: string;
}

export interface NewTheme extends NodeTexts {
  name: string;
  /** Parent theme; null or absent: a top-level theme. */
  parentId?: string | null;
  /** The id to give it if that id is valid and free. */
  id?: string;
}

/** `preferred` when it is a valid id not taken, else a fresh id from the name. */
export function newId(preferred: string | undefined, name: string, fallback: string, taken: ReadonlySet<string>): string {
  if (preferred !== undefined && ID_PATTERN.test(preferred) && !taken.has(preferred)) return preferred;
  return uniqueId(slugify(name, fallback), taken);
}

const TEXT_FIELDS = ['description', 'definition', 'include', 'exclude', 'example', 'color'] as const;

interface Session {
  doc: Document;
  read: CodebookDocumentRead;
  options: ToStringOptions;
  /** The source without BOM, with LF line endings. */
  text: string;
  baseline: string;
  bom: boolean;
  crlf: boolean;
}

/** Indentation of the file: how far lists sit under their key. */
export function detectIndentation(text: string): { indent: number; indentSeq: boolean } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const key = /^( *)[^\s#-][^#]*:\s*(#.*)?$/.exec(lines[i] as string);
    if (!key) continue;
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j] as string)) j++;
    const dash = /^( *)- /.exec(lines[j] ?? '');
    if (!dash) continue;
    const keyIndent = (key[1] as string).length;
    const dashIndent = (dash[1] as string).length;
    if (dashIndent > keyIndent) return { indent: Math.min(dashIndent - keyIndent, 8), indentSeq: true };
    if (dashIndent === keyIndent) return { indent: 2, indentSeq: false };
  }
  return { indent: 2, indentSeq: true };
}

function open(source: string): Session {
  const bom = source.startsWith('\uFEFF');
  const crlf = source.includes('\r\n');
  const text = (bom ? source.slice(1) : source).replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const where = doc.errors[0]?.linePos?.[0];
    throw new CodebookEditError(
      'codebook-yaml-syntax',
      {
        en: 'codebook.yaml has a YAML syntax error: it cannot be changed safely.',
        fr: 'codebook.yaml contient une erreur de syntaxe YAML : impossible de le modifier sans risque.',
      },
      { en: 'Fix the file first (`codage check` says what is wrong).', fr: 'Corrigez d’abord le fichier (`codage check` dit ce qui ne va pas).' },
      where ? { line: where.line, column: where.col } : undefined,
    );
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    throw new CodebookEditError('codebook-not-mapping', {
      en: 'codebook.yaml must be a mapping with `themes:` and/or `codes:`: it cannot be changed.',
      fr: 'codebook.yaml doit être un dictionnaire avec `themes:` et/ou `codes:` : impossible de le modifier.',
    });
  }
  const read = readCodebookDocument(doc, 'codebook.yaml', lineCounter);
  const options: ToStringOptions = { ...detectIndentation(text), lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };
  const baseline = contents === null || isScalar(contents) ? text : doc.toString(options);
  return { doc, read, options, text, baseline, bom, crlf };
}

function close(s: Session): string {
  const edited = s.doc.toString(s.options);
  let result = keepFormatting(s.text, s.baseline, edited);
  if (result !== edited) {
    // The merge must mean exactly what the edited document means; otherwise use yaml's printing.
    const check = parseDocument(result);
    if (check.errors.length > 0 || JSON.stringify(check.toJS()) !== JSON.stringify(s.doc.toJS())) result = edited;
  }
  if (s.crlf) result = result.replace(/\n/g, '\r\n');
  return s.bom ? `\uFEFF${result}` : result;
}

/** A text scalar: block literal when it spans several lines. */
function textNode(value: string): Scalar {
  const node = new Scalar(value);
  if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function setText(map: YAMLMap, key: string, value: string, at?: number): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) {
    map.items.splice(at ?? map.items.length, 0, new Pair(new Scalar(key), textNode(value)));
    return;
  }
  if (isScalar(pair.value)) {
    const scalar = pair.value;
    scalar.value = value;
    if (value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
    else if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) scalar.type = undefined;
    return;
  }
  pair.value = textNode(value);
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Writes the ids the parser derived, right after each node's `name`. */
function writeMissingIds(s: Session): void {
  for (const src of s.read.sources) {
    if (src.explicitId || !src.named) continue;
    const at = src.map.items.findIndex((p) => keyOf(p) === 'name');
    setText(src.map, 'id', src.node.id, at + 1);
    src.explicitId = true;
  }
}

function findSource(s: Session, id: string): NodeSource {
  const node = s.read.codebook.byId.get(id);
  const src = node && s.read.sources.find((x) => x.node === node);
  if (!src) throw unknownId(id);
  return src;
}

/** Refusal of an id no theme or code has. */
export function unknownId(id: string): CodebookEditError {
  return new CodebookEditError('codebook-unknown-id', {
    en: `No theme or code has the id \`${id}\` in codebook.yaml.`,
    fr: `Aucun thème ni code n’a l’identifiant \`${id}\` dans codebook.yaml.`,
  });
}

/** Refusal of a code given as the theme to put something in. */
export function notATheme(name: string): CodebookEditError {
  return new CodebookEditError('codebook-not-a-theme', {
    en: `“${name}” is a code, not a theme: it cannot contain codes or themes.`,
    fr: `« ${name} » est un code, pas un thème : il ne peut contenir ni codes ni thèmes.`,
  });
}

function findTheme(s: Session, id: string): NodeSource {
  const src = findSource(s, id);
  if (src.node.kind !== 'theme') throw notATheme(src.node.name);
  return src;
}

function topMap(s: Session): YAMLMap {
  const contents = s.doc.contents;
  if (isMap(contents)) return contents;
  const map = new YAMLMap();
  s.doc.contents = map as unknown as typeof s.doc.contents;
  return map;
}

/** The block list under `key` in `map`, created when missing or empty. */
function listIn(map: YAMLMap, key: 'themes' | 'codes'): YAMLSeq {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (pair && isSeq(pair.value)) {
    pair.value.flow = false;
    return pair.value;
  }
  const list = new YAMLSeq();
  if (pair) {
    const old = pair.value;
    if (!(old === null || old === undefined || (isScalar(old) && old.value === null))) {
      throw new CodebookEditError('codebook-wrong-type', {
        en: `\`${key}\` is not a list in codebook.yaml: fix it before adding to it.`,
        fr: `\`${key}\` n’est pas une liste dans codebook.yaml : corrigez-le avant d’y ajouter quelque chose.`,
      });
    }
    if (isScalar(old) && old.comment) list.commentBefore = old.comment;
    pair.value = list;
    return list;
  }
  const created = new Pair(new Scalar(key), list);
  const codesAt = map.items.findIndex((p) => keyOf(p) === 'codes');
  if (key === 'themes' && codesAt >= 0) map.items.splice(codesAt, 0, created);
  else map.items.push(created);
  return list;
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw new CodebookEditError('codebook-empty-name', { en: 'A name cannot be empty.', fr: 'Un nom ne peut pas être vide.' });
  }
  return trimmed;
}

/** Refusal of a code name a code already has (`existing`: that code's name as written). */
export function duplicateCode(existing: string): CodebookEditError {
  return new CodebookEditError('codebook-duplicate-name', {
    en: `A code is already named “${existing}”.`,
    fr: `Un code s’appelle déjà « ${existing} ».`,
  }, { en: 'Choose another name, or use the existing code.', fr: 'Choisissez un autre nom, ou utilisez le code existant.' });
}

/** Refusal of a theme name a sibling theme already has. */
export function duplicateTheme(existing: string): CodebookEditError {
  return new CodebookEditError('codebook-duplicate-name', {
    en: `A theme here is already named “${existing}”.`,
    fr: `Un thème s’appelle déjà « ${existing} » à cet endroit.`,
  }, { en: 'Choose another name.', fr: 'Choisissez un autre nom.' });
}

function checkCodeName(s: Session, name: string, except?: CodebookNode): void {
  const key = nameKey(name);
  const other = s.read.sources.find((x) => x.node.kind === 'code' && x.node !== except && x.named && nameKey(x.node.name) === key);
  if (other) throw duplicateCode(other.node.name);
}

function checkThemeName(s: Session, name: string, parent: string | null, except?: CodebookNode): void {
  const key = nameKey(name);
  const other = s.read.sources.find(
    (x) => x.node.kind === 'theme' && x.node !== except && x.named && x.node.parent === parent && nameKey(x.node.name) === key,
  );
  if (other) throw duplicateTheme(other.node.name);
}

function newNodeMap(name: string, id: string, texts: NodeTexts): YAMLMap {
  const map = new YAMLMap();
  const add = (key: string, value: string): void => {
    map.items.push(new Pair(new Scalar(key), textNode(value)));
  };
  add('name', name);
  add('id', id);
  for (const field of TEXT_FIELDS) {
    const value = texts[field];
    if (value !== undefined && value.trim() !== '') add(field, value);
  }
  return map;
}

function allIds(s: Session, extra?: Iterable<string>): Set<string> {
  const ids = new Set<string>(extra ?? []);
  for (const src of s.read.sources) ids.add(src.node.id);
  return ids;
}

/** Adds the ids missing from the file (see parse.ts). Returns `source` unchanged when none is missing. */
export function ensureIds(source: string): string {
  const s = open(source);
  if (!s.read.sources.some((x) => !x.explicitId && x.named)) return source;
  writeMissingIds(s);
  return close(s);
}

/**
 * Adds a code at the end of a theme's `codes` (or of the top-level `codes`), with an explicit id
 * unique in the codebook and in `takenIds` (e.g. ids still used in coder files).
 */
export function addCode(source: string, code: NewCode, takenIds?: Iterable<string>): { source: string; id: string } {
  const s = open(source);
  const name = checkName(code.name);
  checkCodeName(s, name);
  const theme = code.themeId != null ? findTheme(s, code.themeId) : null;
  writeMissingIds(s);
  const id = newId(code.id, name, 'code', allIds(s, takenIds));
  const list = listIn(theme ? theme.map : topMap(s), 'codes');
  list.items.push(newNodeMap(name, id, code));
  return { source: close(s), id };
}

/** Adds a theme at the end of its parent's `themes` (or of the top-level `themes`). */
export function addTheme(source: string, theme: NewTheme, takenIds?: Iterable<string>): { source: string; id: string } {
  const s = open(source);
  const name = checkName(theme.name);
  const parent = theme.parentId != null ? findTheme(s, theme.parentId) : null;
  checkThemeName(s, name, parent ? parent.node.id : null);
  writeMissingIds(s);
  const id = newId(theme.id, name, 'theme', allIds(s, takenIds));
  const list = listIn(parent ? parent.map : topMap(s), 'themes');
  list.items.push(newNodeMap(name, id, theme));
  return { source: close(s), id };
}

/** A theme or code to add with `addNodes`: under an existing theme (its id), an earlier node of the batch (its index), or at the top. */
export interface NewNode extends NodeTexts {
  kind: 'theme' | 'code';
  name: string;
  parent: { id: string } | { index: number } | null;
  /** The id to give it if that id is valid and free (as `addCode`'s). */
  id?: string;
}

/**
 * Adds several themes and codes in one pass over the file — as `addTheme` and `addCode` one after
 * the other would, with the same checks and ids, but parsing and printing the file once (an
 * import that brings 300 new codes took 7 s the other way). Returns each node's id, in order.
 */
export function addNodes(source: string, nodes: readonly NewNode[], takenIds?: Iterable<string>): { source: string; ids: string[] } {
  if (nodes.length === 0) return { source, ids: [] };
  const s = open(source);
  writeMissingIds(s);
  const taken = allIds(s, takenIds);
  /** Names taken, by nameKey: every code's, and each parent's themes' (`''`: the top level), the file's and the batch's. */
  const named = (sources: readonly NodeSource[]) => new Map(sources.filter((x) => x.named).map((x) => [nameKey(x.node.name), x.node.name]));
  const codeNames = named(s.read.sources.filter((x) => x.node.kind === 'code'));
  const themeNames = new Map<string, Map<string, string>>();
  const themeNamesUnder = (parent: string): Map<string, string> => {
    let names = themeNames.get(parent);
    if (names === undefined) {
      names = named(s.read.sources.filter((x) => x.node.kind === 'theme' && (x.node.parent ?? '') === parent));
      themeNames.set(parent, names);
    }
    return names;
  };
  const added: { id: string; map: YAMLMap; kind: 'theme' | 'code' }[] = [];
  for (const node of nodes) {
    const name = checkName(node.name);
    let parent: { id: string; map: YAMLMap } | null = null;
    if (node.parent !== null && 'index' in node.parent) {
      const earlier = added[node.parent.index];
      if (earlier === undefined || earlier.kind !== 'theme') throw new RangeError(`addNodes: node ${node.parent.index} is not an earlier theme`);
      parent = earlier;
    } else if (node.parent !== null) {
      const theme = findTheme(s, node.parent.id);
      parent = { id: theme.node.id, map: theme.map };
    }
    const key = nameKey(name);
    const names = node.kind === 'code' ? codeNames : themeNamesUnder(parent?.id ?? '');
    const existing = names.get(key);
    if (existing !== undefined) throw node.kind === 'code' ? duplicateCode(existing) : duplicateTheme(existing);
    names.set(key, name);
    const id = newId(node.id, name, node.kind, taken);
    taken.add(id);
    const map = newNodeMap(name, id, node);
    listIn(parent ? parent.map : topMap(s), node.kind === 'theme' ? 'themes' : 'codes').items.push(map);
    added.push({ id, map, kind: node.kind });
  }
  return { source: close(s), ids: added.map((a) => a.id) };
}

/** Renames a theme or code; its id stays, so codings still point to it. */
export function renameNode(source: string, id: string, newName: string): string {
  const s = open(source);
  const src = findSource(s, id);
  const name = checkName(newName);
  if (src.node.kind === 'code') checkCodeName(s, name, src.node);
  else checkThemeName(s, name, src.node.parent, src.node);
  writeMissingIds(s);
  setText(src.map, 'name', name, 0);
  return close(s);
}

/**
 * Sets a text field of a node (`description`, `definition`, `include`, `exclude`, `example`,
 * `color`, or `name`); null or blank removes it. A new field goes where codage writes it.
 */
export function setNodeField(source: string, id: string, field: NodeField, value: string | null): string {
  if (field === 'name') {
    if (value === null) return renameNode(source, id, '');
    return renameNode(source, id, value);
  }
  if (field === 'id') {
    throw new CodebookEditError('codebook-id-readonly', {
      en: 'An id is not changed by an edit: coder files refer to it.',
      fr: 'Un identifiant ne se modifie pas ainsi : les fichiers des codeurs s’y réfèrent.',
    });
  }
  if (!(NODE_FIELDS as readonly string[]).includes(field)) {
    throw new CodebookEditError('codebook-unknown-field', {
      en: `Unknown field \`${String(field)}\`.`,
      fr: `Champ inconnu \`${String(field)}\`.`,
    });
  }
  const s = open(source);
  const src = findSource(s, id);
  writeMissingIds(s);
  if (value === null || value.trim() === '') {
    const at = src.map.items.findIndex((p) => keyOf(p) === field);
    if (at >= 0) src.map.items.splice(at, 1);
  } else {
    const rank = NODE_FIELDS.indexOf(field);
    let at = 0;
    src.map.items.forEach((p, i) => {
      const r = (NODE_FIELDS as readonly string[]).indexOf(keyOf(p));
      if (r >= 0 && r < rank) at = i + 1;
    });
    setText(src.map, field, value, at);
  }
  return close(s);
}

/**
 * Removes a code, or a theme that holds nothing. The caller has made sure no coding uses a
 * removed code (coder files refer to codes by id): the coding screen offers it for a code created
 * by mistake and no longer used; `codage codebook delete` recodes or drops the segments first.
 */
export function removeNode(source: string, id: string): string {
  const s = open(source);
  const src = findSource(s, id);
  if (src.node.kind === 'theme' && src.node.children.length > 0) {
    throw new CodebookEditError('codebook-theme-not-empty', {
      en: `The theme “${src.node.name}” still holds ${src.node.children.length} code(s) or sub-theme(s).`,
      fr: `Le thème « ${src.node.name} » contient encore ${src.node.children.length} code(s) ou sous-thème(s).`,
    }, {
      en: 'Move them elsewhere first (codage codebook move NAME --to THEME), then delete the theme.',
      fr: 'Déplacez-les d’abord (codage codebook move NOM --to THÈME), puis supprimez le thème.',
    });
  }
  writeMissingIds(s);
  src.list.items.splice(src.list.items.indexOf(src.map), 1);
  return close(s);
}

/** Removes a code (see removeNode); a theme is refused. */
export function removeCode(source: string, codeId: string): string {
  const s = open(source);
  const src = findSource(s, codeId);
  if (src.node.kind !== 'code') {
    throw new CodebookEditError('codebook-not-a-code', {
      en: `“${src.node.name}” is a theme; only codes are removed this way.`,
      fr: `« ${src.node.name} » est un thème ; seuls les codes se retirent ainsi.`,
    });
  }
  return removeNode(source, codeId);
}

/**
 * Moves a code, or a theme with everything under it, to the end of a theme's `codes` (or
 * `themes`), or to the top level with `themeId` null (a code there is "not yet grouped"). Ids do
 * not change, so every coding keeps its code. A theme cannot go inside itself.
 */
export function moveNode(source: string, id: string, themeId: string | null): string {
  const s = open(source);
  const src = findSource(s, id);
  const target = themeId !== null ? findTheme(s, themeId) : null;
  if (src.node.kind === 'theme') {
    for (let at: string | null = target ? target.node.id : null; at !== null; at = s.read.codebook.byId.get(at)?.parent ?? null) {
      if (at === src.node.id) {
        throw new CodebookEditError('codebook-move-into-itself', {
          en: `The theme “${src.node.name}” cannot be moved inside itself.`,
          fr: `Le thème « ${src.node.name} » ne peut pas être déplacé à l’intérieur de lui-même.`,
        });
      }
    }
    checkThemeName(s, src.node.name, target ? target.node.id : null, src.node);
  }
  writeMissingIds(s);
  if ((target ? target.node.id : null) !== src.node.parent) {
    const list = listIn(target ? target.map : topMap(s), src.node.kind === 'theme' ? 'themes' : 'codes');
    src.list.items.splice(src.list.items.indexOf(src.map), 1);
    list.items.push(src.map);
  }
  return close(s);
}

/** Moves a code into a theme (see moveNode); a theme is refused. */
export function moveCode(source: string, codeId: string, themeId: string | null): string {
  const s = open(source);
  const src = findSource(s, codeId);
  if (src.node.kind !== 'code') {
    throw new CodebookEditError('codebook-not-a-code', {
      en: `“${src.node.name}” is a theme; only codes are moved this way.`,
      fr: `« ${src.node.name} » est un thème ; seuls les codes se déplacent ainsi.`,
    });
  }
  return moveNode(source, codeId, themeId);
}

/**
 * Moves a code or a theme one place up (`by` -1) or down (+1) among its siblings of the same
 * kind (the codes of its theme, or its sibling themes), with everything under it. Returns
 * `source` unchanged at either end of the list.
 *
 * The two items are swapped as blocks of lines, each with the comment lines just above it, so
 * that every line keeps its bytes (a comment's alignment too); when the file's layout does not
 * allow it (several items on one line, a flow list), the document is printed as by other edits.
 */
export function reorderNode(source: string, id: string, by: -1 | 1): string {
  let s = open(source);
  // The ids a file leaves out are written first (as by every edit), so that the blocks swapped carry them.
  if (s.read.sources.some((x) => !x.explicitId && x.named)) {
    writeMissingIds(s);
    s = open(close(s));
  }
  const src = findSource(s, id);
  const items = src.list.items;
  const at = items.indexOf(src.map);
  const to = at + by;
  if (at < 0 || to < 0 || to >= items.length) return source;
  const first = items[Math.min(at, to)];
  const second = items[Math.max(at, to)];
  items.splice(at, 1);
  items.splice(to, 0, src.map);
  const swapped = swapBlocks(s.text, first, second);
  if (swapped !== null) {
    const check = parseDocument(swapped);
    if (check.errors.length === 0 && JSON.stringify(check.toJS()) === JSON.stringify(s.doc.toJS())) {
      const result = s.crlf ? swapped.replace(/\n/g, '\r\n') : swapped;
      return s.bom ? `\uFEFF${result}` : result;
    }
  }
  return close(s);
}

/** Where a line starts and ends (after its line feed). */
function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/**
 * The lines of a block list item: from the comment lines just above its dash (at the dash's
 * column) to the end of its last value. Null when the item does not start on its own `- ` line.
 */
function itemLines(text: string, item: unknown): { start: number; end: number } | null {
  const range = (item as { range?: [number, number, number] } | null)?.range;
  if (!range) return null;
  const lineStart = lineStartAt(text, range[0]);
  const lead = text.slice(lineStart, range[0]);
  const dash = /^(\s*)-\s+$/.exec(lead);
  if (!dash) return null;
  const column = (dash[1] as string).length;
  let start = lineStart;
  while (start > 0) {
    const previous = lineStartAt(text, start - 1);
    const line = text.slice(previous, start - 1);
    if (!new RegExp(`^ {${column}}#`).test(line)) break;
    start = previous;
  }
  let last = range[1];
  while (last > range[0] && /\s/.test(text[last - 1] as string)) last--;
  return { start, end: lineEndAt(text, last - 1) };
}

/** `text` with the line blocks of two neighbouring items swapped, or null when they are not on lines of their own. */
function swapBlocks(text: string, first: unknown, second: unknown): string | null {
  const a = itemLines(text, first);
  const b = itemLines(text, second);
  if (a === null || b === null || a.end > b.start) return null;
  const between = text.slice(a.end, b.start);
  if (between.trim() !== '') return null;
  const lastLine = b.end === text.length && !text.endsWith('\n');
  const blockB = lastLine ? `${text.slice(b.start, b.end)}\n` : text.slice(b.start, b.end);
  const blockA = lastLine ? text.slice(a.start, a.end).replace(/\n$/, '') : text.slice(a.start, a.end);
  return text.slice(0, a.start) + blockB + between + blockA + text.slice(b.end);
}
