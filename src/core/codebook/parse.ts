/**
 * Reads `codebook.yaml` (see the README ("The study folder")): themes → sub-themes (any depth) → codes,
 * and top-level `codes` not yet grouped. Every node and every problem carries its line and column.
 *
 * Ids: a node without `id` gets the slug of its name, made unique. Explicit ids are reserved
 * first, so a derived id never takes an id written elsewhere in the file; derived ids are then
 * given in file order. `derivedIds` lists them so that `ensureIds` (edit.ts) can write them.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Codebook, CodebookNode, CodebookNodeKind, Localized, Problem } from '../types.js';
import { nearest } from './nearest.js';
import { type CodebookParseRecord, codebookParseFromRecord, codebookParseRecord } from './parse-record.js';
import { nameKey, slugify, uniqueId } from './slug.js';
import { aliasBombProblem, positionAt, yamlProblems } from './yaml-problems.js';

/** Text fields every node may have, in the order codage writes them. */
export const NODE_FIELDS = ['name', 'id', 'description', 'definition', 'include', 'exclude', 'example', 'color'] as const;
export type NodeField = (typeof NODE_FIELDS)[number];
const TOP_KEYS = ['themes', 'codes'] as const;
const THEME_KEYS: readonly string[] = [...NODE_FIELDS, 'themes', 'codes'];
const CODE_KEYS: readonly string[] = NODE_FIELDS;

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;

/** Keys people write instead of the English ones (French, or near synonyms). */
const KEY_ALIASES: Record<string, { key: string; french: boolean }> = {
  nom: { key: 'name', french: true },
  libellé: { key: 'name', french: true },
  libelle: { key: 'name', french: true },
  titre: { key: 'name', french: true },
  intitulé: { key: 'name', french: true },
  identifiant: { key: 'id', french: true },
  thèmes: { key: 'themes', french: true },
  thème: { key: 'themes', french: true },
  'sous-thèmes': { key: 'themes', french: true },
  'sous-themes': { key: 'themes', french: true },
  sous_themes: { key: 'themes', french: true },
  sous_thèmes: { key: 'themes', french: true },
  catégories: { key: 'themes', french: true },
  categories: { key: 'themes', french: true },
  définition: { key: 'definition', french: true },
  inclure: { key: 'include', french: true },
  inclusion: { key: 'include', french: true },
  exclure: { key: 'exclude', french: true },
  exclusion: { key: 'exclude', french: true },
  exemple: { key: 'example', french: true },
  couleur: { key: 'color', french: true },
  theme: { key: 'themes', french: false },
  subthemes: { key: 'themes', french: false },
  'sub-themes': { key: 'themes', french: false },
  sub_themes: { key: 'themes', french: false },
  code: { key: 'codes', french: false },
  label: { key: 'name', french: false },
  title: { key: 'name', french: false },
  colour: { key: 'color', french: false },
  desc: { key: 'description', french: false },
};

export interface CodebookParse {
  codebook: Codebook;
  problems: Problem[];
  /** Ids that were derived from names because the file has no `id:` for them, in file order. */
  derivedIds: string[];
  /**
   * False when codage may not rewrite the file (add a code, write ids) before the user fixes it:
   * a YAML error (a tab, a key written twice), aliases that expand to too much data, or a file
   * that is not a mapping. Other problems (a misspelt key, a duplicate name) are kept as written
   * by every edit, which changes only the lines it must.
   */
  rewritable: boolean;
}

/** Where a node is written in the YAML document (used by edit.ts). */
export interface NodeSource {
  node: CodebookNode;
  map: YAMLMap;
  /** The list (`themes:` or `codes:`) the node is an item of. */
  list: YAMLSeq;
  /** The `id:` is written in the file. */
  explicitId: boolean;
  /** The node has a usable string `name`. */
  named: boolean;
}

export interface CodebookDocumentRead extends CodebookParse {
  sources: NodeSource[];
}

interface Pending {
  source: NodeSource;
  /** Slug base for a derived id, when no explicit id. */
  slugBase: string;
}

/** Parses the text of `codebook.yaml`. `file` is the path shown in problems. */
export function parseCodebook(source: string, file: string): CodebookParse {
  const key = `${file}\u0000${source}`;
  const known = recentReads.get(key);
  if (known !== undefined) {
    const again = codebookParseFromRecord(known);
    if (again !== null) return again;
  }
  const parsed = parseCodebookText(source, file);
  rememberCodebookParse(source, file, codebookParseRecord(parsed));
  return parsed;
}

/**
 * The last codebooks read in this process, as records: a command that reads the same text again
 * (import-codings reads it three times) gets a copy instead of parsing the YAML again.
 */
const recentReads = new Map<string, CodebookParseRecord>();

/** Remembers what `source` reads as (also from the codebook cache, io/codebook-cache.ts). */
export function rememberCodebookParse(source: string, file: string, record: CodebookParseRecord): void {
  const key = `${file}\u0000${source}`;
  recentReads.delete(key);
  recentReads.set(key, record);
  while (recentReads.size > 4) recentReads.delete(recentReads.keys().next().value as string);
}

function parseCodebookText(source: string, file: string): CodebookParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const { codebook, problems, derivedIds, rewritable } = readCodebookDocument(doc, file, lineCounter);
  return { codebook, problems: withoutKnockOns(problems), derivedIds, rewritable };
}

/**
 * One YAML syntax error (a line indented by one space too few, a tab) makes the parser and the
 * reader see a wrong shape everywhere after it: a dozen errors for one mistake, most with a fix
 * that does not apply. Only the first syntax error is kept, saying how many follow it, with what
 * the reader found before it; what it found after is left until that error is fixed.
 */
function withoutKnockOns(problems: Problem[]): Problem[] {
  const syntax = problems.filter((p) => p.kind === 'yaml-syntax' && p.severity === 'error');
  if (syntax.length === 0) return problems;
  const at = (p: Problem) => (p.line ?? 0) * 1e6 + (p.column ?? 0);
  const first = syntax.reduce((a, b) => (at(b) < at(a) ? b : a));
  const more = syntax.length - 1;
  const shown: Problem =
    more === 0
      ? first
      : {
          ...first,
          message: {
            en: `${first.message.en.replace(/\.$/, '')} (and ${more} more YAML error${more > 1 ? 's' : ''} after it, most likely caused by this one).`,
            fr: `${first.message.fr.replace(/\.$/, '')} (et ${more} autre${more > 1 ? 's' : ''} erreur${more > 1 ? 's' : ''} YAML après, sans doute dues à celle-ci).`,
          },
        };
  return problems.filter((p) => p === first || (p.kind !== 'yaml-syntax' && p.line !== undefined && p.line < first.line!) || (p.line === undefined && p.kind !== 'yaml-syntax')).map((p) => (p === first ? shown : p));
}

/** Builds the codebook from a parsed document; `lineCounter` must be the one used to parse it. */
export function readCodebookDocument(doc: Document, file: string, lineCounter: LineCounter): CodebookDocumentRead {
  const reader = new Reader(file, lineCounter);
  reader.problems.push(...yamlProblems(doc, file, lineCounter));
  const aliases = aliasBombProblem(doc, file, lineCounter);
  if (aliases) reader.problems.push(aliases);
  let rewritable = doc.errors.length === 0 && aliases === null;
  const codebook: Codebook = { themes: [], ungrouped: [], byId: new Map() };
  const contents = doc.contents;
  if (contents !== null && !(isScalar(contents) && contents.value === null)) {
    if (!isMap(contents)) {
      rewritable = false;
      reader.report('error', contents, 'codebook-not-mapping', {
        en: 'codebook.yaml must be a mapping with `themes:` and/or `codes:` at the top.',
        fr: 'codebook.yaml doit être un dictionnaire avec `themes:` et/ou `codes:` au premier niveau.',
      }, {
        en: 'Start the file with `themes:` (a list of themes) or `codes:` (codes not yet grouped).',
        fr: 'Commencez le fichier par `themes:` (une liste de thèmes) ou `codes:` (codes pas encore regroupés).',
      });
    } else {
      for (const pair of contents.items) {
        const key = keyText(pair);
        if (key === 'themes') codebook.themes = reader.readList(pair, 'theme', null);
        else if (key === 'codes') codebook.ungrouped = reader.readList(pair, 'code', null);
        else reader.unknownKey(pair, key, TOP_KEYS);
      }
    }
  }
  const derivedIds = reader.assignIds(codebook);
  return { codebook, problems: reader.problems, derivedIds, rewritable, sources: reader.pending.map((p) => p.source) };
}

function keyText(pair: Pair): string {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return String(k);
}

function describe(kind: CodebookNodeKind): Localized {
  return kind === 'theme' ? { en: 'theme', fr: 'thème' } : { en: 'code', fr: 'code' };
}

class Reader {
  readonly problems: Problem[] = [];
  readonly pending: Pending[] = [];

  constructor(
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  report(severity: Problem['severity'], at: unknown, kind: string, message: Localized, hint?: Localized): void {
    const problem: Problem = { severity, file: this.file, kind, message };
    const range = (at as YamlNode | null | undefined)?.range;
    if (range) Object.assign(problem, positionAt(this.lineCounter, range[0]));
    if (hint) problem.hint = hint;
    this.problems.push(problem);
  }

  unknownKey(pair: Pair, key: string, known: readonly string[]): void {
    const alias = KEY_ALIASES[key.toLowerCase()];
    const suggestion = alias && known.includes(alias.key) ? alias.key : nearest(key, known);
    let hint: Localized;
    if (alias?.french && suggestion) {
      hint = {
        en: `Keys are written in English: use \`${suggestion}:\` instead of \`${key}:\`.`,
        fr: `Les clés s’écrivent en anglais : utilisez \`${suggestion}:\` au lieu de \`${key}:\`.`,
      };
    } else if (suggestion) {
      hint = { en: `Did you mean \`${suggestion}:\`?`, fr: `Vouliez-vous écrire \`${suggestion}:\` ?` };
    } else {
      const list = known.map((k) => `\`${k}\``).join(', ');
      hint = { en: `Known keys here: ${list}.`, fr: `Clés possibles ici : ${list}.` };
    }
    this.report('warning', pair.key, 'codebook-unknown-key', {
      en: `Unknown key \`${key}\`: it is ignored.`,
      fr: `Clé inconnue \`${key}\` : elle est ignorée.`,
    }, hint);
  }

  /** Reads the list under `themes:` or `codes:`. */
  readList(pair: Pair, kind: CodebookNodeKind, parent: Pending | null): CodebookNode[] {
    const value = pair.value;
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
    const key = keyText(pair);
    if (!isSeq(value)) {
      this.report('error', value ?? pair.key, 'codebook-wrong-type', {
        en: `\`${key}\` must be a list.`,
        fr: `\`${key}\` doit être une liste.`,
      }, {
        en: `Write each ${describe(kind).en} on its own line starting with \`- name:\`.`,
        fr: `Écrivez chaque ${describe(kind).fr} sur sa ligne, commençant par \`- name:\`.`,
      });
      return [];
    }
    const nodes: CodebookNode[] = [];
    for (const item of value.items) {
      const node = this.readNode(item, kind, parent, value);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  readNode(item: unknown, kind: CodebookNodeKind, parent: Pending | null, list: YAMLSeq): CodebookNode | null {
    const what = describe(kind);
    if (!isMap(item)) {
      const shown = isScalar(item) && typeof item.value === 'string' ? item.value : '…';
      this.report('error', item, 'codebook-wrong-type', {
        en: `Each ${what.en} must be a mapping with \`name:\`.`,
        fr: `Chaque ${what.fr} doit être un dictionnaire avec \`name:\`.`,
      }, {
        en: `Write it as \`- name: ${shown}\`.`,
        fr: `Écrivez-le \`- name: ${shown}\`.`,
      });
      return null;
    }
    const node: CodebookNode = { kind, id: '', name: '', parent: parent ? parent.source.node.id : null, children: [] };
    const start = item.range?.[0];
    if (start !== undefined) Object.assign(node, positionAt(this.lineCounter, start));
    const pending: Pending = { source: { node, map: item, list, explicitId: false, named: false }, slugBase: '' };
    let sawFrenchName = false;
    const subThemes: CodebookNode[] = [];
    const codes: CodebookNode[] = [];
    const known = kind === 'theme' ? THEME_KEYS : CODE_KEYS;
    for (const pair of item.items) {
      const key = keyText(pair);
      if (key === 'themes' || key === 'codes') {
        if (kind === 'code') {
          this.report('error', pair.key, 'codebook-code-has-children', {
            en: `A code cannot contain \`${key}\`: codes are the leaves of the codebook.`,
            fr: `Un code ne peut pas contenir \`${key}\` : les codes sont les feuilles du livre de codes.`,
          }, {
            en: 'Make it a theme: move it under a `themes:` list, or move its children elsewhere.',
            fr: 'Faites-en un thème : placez-le dans une liste `themes:`, ou déplacez ses enfants ailleurs.',
          });
          continue;
        }
        // Children are read after the node's own id is known: see below.
        continue;
      }
      if (!(NODE_FIELDS as readonly string[]).includes(key)) {
        if (KEY_ALIASES[key.toLowerCase()]?.key === 'name') sawFrenchName = true;
        this.unknownKey(pair, key, known);
        continue;
      }
      const text = this.fieldText(pair, key as NodeField);
      if (text === undefined) continue;
      if (key === 'name') {
        node.name = text;
        pending.source.named = true;
      } else if (key === 'id') {
        node.id = text;
        pending.source.explicitId = true;
        if (!ID_PATTERN.test(text)) {
          this.report('error', pair.value, 'codebook-invalid-id', {
            en: `Invalid id \`${text}\`: use letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit.`,
            fr: `Identifiant \`${text}\` invalide : utilisez lettres, chiffres, \`-\`, \`_\` ou \`.\`, en commençant par une lettre ou un chiffre.`,
          }, {
            en: `For example \`id: ${slugify(text, kind)}\` (and change it in the coder files too).`,
            fr: `Par exemple \`id: ${slugify(text, kind)}\` (et changez-le aussi dans les fichiers des codeurs).`,
          });
        }
      } else {
        node[key as Exclude<NodeField, 'name' | 'id'>] = text;
      }
    }
    if (!pending.source.named) {
      this.report('error', item, 'codebook-missing-name', {
        en: `This ${what.en} has no \`name\`.`,
        fr: `Ce ${what.fr} n’a pas de \`name\`.`,
      }, sawFrenchName
        ? { en: 'Keys are written in English: use `name:` instead of `nom:`.', fr: 'Les clés s’écrivent en anglais : utilisez `name:` au lieu de `nom:`.' }
        : { en: `Add a line \`name: …\` to the ${what.en}.`, fr: `Ajoutez une ligne \`name: …\` au ${what.fr}.` });
      if (pending.source.explicitId) node.name = node.id;
    }
    pending.slugBase = slugify(node.name, kind);
    this.pending.push(pending);
    if (kind === 'theme') {
      for (const pair of item.items) {
        const key = keyText(pair);
        if (key === 'themes') subThemes.push(...this.readList(pair, 'theme', pending));
        else if (key === 'codes') codes.push(...this.readList(pair, 'code', pending));
      }
      node.children = [...subThemes, ...codes];
    }
    return node;
  }

  /** The text of a field, or undefined when empty or unusable (reported). */
  fieldText(pair: Pair, key: NodeField): string | undefined {
    const value = pair.value;
    if (isScalar(value)) {
      const v = value.value;
      if (v === null || v === undefined) {
        if (key === 'color' && value.range && value.range[0] === value.range[1]) {
          this.report('warning', pair.key, 'codebook-empty-color', {
            en: '`color` is empty: in YAML, `#` starts a comment.',
            fr: '`color` est vide : en YAML, `#` commence un commentaire.',
          }, { en: 'Put the colour in quotes: `color: "#c0392b"`.', fr: 'Mettez la couleur entre guillemets : `color: "#c0392b"`.' });
        }
        return undefined;
      }
      if (typeof v === 'string') return v === '' && key === 'name' ? undefined : v;
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
        const text = String(v);
        if (key === 'name') {
          this.report('error', value, 'codebook-wrong-type', {
            en: `\`name\` must be text, not \`${text}\`.`,
            fr: `\`name\` doit être du texte, pas \`${text}\`.`,
          }, { en: `Put it in quotes: \`name: "${text}"\`.`, fr: `Mettez-le entre guillemets : \`name: "${text}"\`.` });
        } else if (key !== 'id') {
          this.report('warning', value, 'codebook-wrong-type', {
            en: `\`${key}\` should be text; \`${text}\` is read as text.`,
            fr: `\`${key}\` devrait être du texte ; \`${text}\` est lu comme du texte.`,
          }, { en: `Put it in quotes: \`${key}: "${text}"\`.`, fr: `Mettez-le entre guillemets : \`${key}: "${text}"\`.` });
        }
        return text;
      }
    }
    this.report('error', value ?? pair.key, 'codebook-wrong-type', {
      en: `\`${key}\` must be text, not a list or a mapping: it is ignored.`,
      fr: `\`${key}\` doit être du texte, pas une liste ni un dictionnaire : il est ignoré.`,
    }, {
      en: `Write \`${key}:\` followed by the text on the same line (or \`${key}: |\` then indented lines).`,
      fr: `Écrivez \`${key}:\` suivi du texte sur la même ligne (ou \`${key}: |\` puis des lignes indentées).`,
    });
    return undefined;
  }

  /** Gives ids (explicit first, then derived in file order), fills `byId`, checks duplicates. */
  assignIds(codebook: Codebook): string[] {
    const taken = new Set<string>();
    const explicit = new Map<string, CodebookNode>();
    for (const p of this.pending) {
      if (!p.source.explicitId) continue;
      taken.add(p.source.node.id);
      if (!explicit.has(p.source.node.id)) explicit.set(p.source.node.id, p.source.node);
    }
    const derived: string[] = [];
    for (const p of this.pending) {
      if (p.source.explicitId) continue;
      const id = uniqueId(p.slugBase, taken);
      taken.add(id);
      p.source.node.id = id;
      derived.push(id);
      const holder = id === p.slugBase ? undefined : explicit.get(p.slugBase);
      if (holder !== undefined && p.source.named) {
        // The id this node's name gives is written on another node: codings that meant this
        // node by that id now point at the other one. Never silently.
        const node = p.source.node;
        this.report('warning', p.source.map.get('name', true) ?? p.source.map, 'codebook-id-taken', {
          en: `“${node.name}” has no id: its name gives \`${p.slugBase}\`, which is the id written on “${holder.name}” (line ${holder.line ?? '?'}), so it becomes \`${id}\`; codings with \`${p.slugBase}\` are “${holder.name}”'s.`,
          fr: `« ${node.name} » n’a pas d’identifiant : son nom donne \`${p.slugBase}\`, qui est l’identifiant écrit sur « ${holder.name} » (ligne ${holder.line ?? '?'}) ; il devient donc \`${id}\`, et les codages en \`${p.slugBase}\` sont ceux de « ${holder.name} ».`,
        }, {
          en: `If codings with \`${p.slugBase}\` mean “${node.name}”, give “${holder.name}” another id; otherwise write \`id: ${id}\` under “${node.name}”.`,
          fr: `Si les codages en \`${p.slugBase}\` désignent « ${node.name} », donnez un autre identifiant à « ${holder.name} » ; sinon écrivez \`id: ${id}\` sous « ${node.name} ».`,
        });
      }
    }
    // Parent ids were copied before the parents' derived ids were known.
    const fix = (nodes: CodebookNode[], parent: string | null): void => {
      for (const n of nodes) {
        n.parent = parent;
        fix(n.children, n.id);
      }
    };
    fix(codebook.themes, null);
    fix(codebook.ungrouped, null);

    const codeNames = new Map<string, CodebookNode>();
    const themeNames = new Map<string, CodebookNode>();
    for (const p of this.pending) {
      const node = p.source.node;
      const first = codebook.byId.get(node.id);
      if (first) {
        this.report('error', p.source.map.get('id', true) ?? p.source.map, 'codebook-duplicate-id', {
          en: `The id \`${node.id}\` is already used by “${first.name}” (line ${first.line ?? '?'}).`,
          fr: `L’identifiant \`${node.id}\` est déjà utilisé par « ${first.name} » (ligne ${first.line ?? '?'}).`,
        }, {
          en: 'Give each theme and code its own id; if codings use this id, decide which node they mean.',
          fr: 'Donnez à chaque thème et à chaque code son propre identifiant ; si des codages l’utilisent, décidez à quel nœud ils se rapportent.',
        });
      } else {
        codebook.byId.set(node.id, node);
      }
      if (!p.source.named) continue;
      const key = node.kind === 'code' ? nameKey(node.name) : `${node.parent ?? ''}\u0000${nameKey(node.name)}`;
      const names = node.kind === 'code' ? codeNames : themeNames;
      const other = names.get(key);
      if (other) {
        const what = describe(node.kind);
        this.report('error', p.source.map.get('name', true) ?? p.source.map, 'codebook-duplicate-name', {
          en: `Two ${what.en}s are named “${node.name}”${other.name !== node.name ? ` and “${other.name}”` : ''} (line ${other.line ?? '?'}).`,
          fr: `Deux ${what.fr}s s’appellent « ${node.name} »${other.name !== node.name ? ` et « ${other.name} »` : ''} (ligne ${other.line ?? '?'}).`,
        }, node.kind === 'code'
          ? { en: 'Rename one of them, or merge them into one code.', fr: 'Renommez l’un des deux, ou fusionnez-les en un seul code.' }
          : { en: 'Rename one of them, or merge them into one theme.', fr: 'Renommez l’un des deux, ou fusionnez-les en un seul thème.' });
      } else {
        names.set(key, node);
      }
    }
    return derived;
  }
}
