/**
 * Reading a REFI-QDA project (`project.qde`) or codebook (`.qdc`) into plain data, whatever tool
 * wrote it: GUIDs in any case and with or without braces, elements in any order, the namespace
 * present or not. What codage cannot bring over (pictures, PDF, audio and video sources, links,
 * sets, graphs, codings of whole sources) is counted, to be reported.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { DataError } from '../errors.js';
import { guidKey } from './guid.js';

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  children: RefiCode[];
  /** The notes on this code (their GUIDs, key form). */
  notes?: string[];
}

export type RefiValue = string | number | boolean | null;

export interface RefiSelection {
  guid: string;
  /** The selection's text, when the tool wrote it (as the selection's name). */
  name?: string;
  start: number;
  end: number;
  /** User GUID (key form). */
  user?: string;
  at?: string;
  description?: string;
  codings: { code: string; user?: string }[];
  notes: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  plainTextPath?: string;
  content?: string;
  selections: RefiSelection[];
  notes: string[];
  values: { variable: string; value: RefiValue }[];
  /** Codings of the whole source (not of a selection): not brought over. */
  wholeCodings: number;
}

export interface RefiProject {
  name?: string;
  origin?: string;
  /** The project's own Description (codage writes the study's language there). */
  description?: string;
  /** Users by GUID (key form): the name the tool shows, and the `id` it gives (codage writes the coder file's name there). */
  users: Map<string, { name: string; id?: string }>;
  codes: RefiCode[];
  variables: Map<string, { name: string; type: string; description?: string }>;
  cases: { guid: string; name: string; description?: string; values: { variable: string; value: RefiValue }[]; sources: string[] }[];
  sources: RefiSource[];
  notes: Map<string, { name?: string; text: string; user?: string }>;
  /** The notes on the project as a whole (their GUIDs, key form). */
  projectNotes: string[];
  /** What is not brought over, by element name (PictureSource, Link, Set, Graph…), with how many. */
  left: Map<string, number>;
}

const children = (el: Element, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  }
  return out;
};
const child = (el: Element, name: string): Element | undefined => children(el, name)[0];
const attr = (el: Element, name: string): string | undefined => (el.hasAttribute(name) ? el.getAttribute(name)! : undefined);
const textOf = (el: Element | undefined): string | undefined => (el === undefined ? undefined : (el.textContent ?? ''));
const keyOf = (el: Element, name: string): string | undefined => {
  const value = attr(el, name);
  return value === undefined ? undefined : guidKey(value);
};

/** Parses XML, or throws a DataError naming the line and column of the first error. */
function parseXml(xml: string, file: string): Element {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
  } catch (error) {
    const e = error as { message: string; locator?: { lineNumber?: number; columnNumber?: number } };
    const position = /line:(\d+),col:(\d+)/.exec(e.message);
    const line = e.locator?.lineNumber ?? (position ? Number(position[1]) : undefined);
    const column = e.locator?.columnNumber ?? (position ? Number(position[2]) : undefined);
    const detail = e.message.replace(/^\[xmldom [a-zA-Z]+\]\s*/, '').split('\n')[0]!;
    throw new DataError(
      { en: `${file} is not well-formed XML: ${detail}`, fr: `${file} n’est pas un XML bien formé\u00a0: ${detail}` },
      {
        file,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
        hint: { en: 'export it again from the other tool; nothing was written', fr: "l’exporter à nouveau depuis l’autre logiciel ; rien n’a été écrit" },
      },
    );
  }
  const root = doc.documentElement;
  if (root === null) throw new DataError({ en: `${file} is empty`, fr: `${file} est vide` }, { file });
  return root as unknown as Element;
}

function readCodes(parent: Element | undefined): RefiCode[] {
  if (parent === undefined) return [];
  return children(parent, 'Code').map((el) => {
    const code: RefiCode = {
      guid: guidKey(attr(el, 'guid') ?? ''),
      name: attr(el, 'name') ?? '',
      isCodable: attr(el, 'isCodable') !== 'false' && attr(el, 'isCodable') !== '0',
      children: readCodes(el),
    };
    const color = attr(el, 'color');
    if (color !== undefined && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color.trim())) code.color = color.trim().toLowerCase();
    const description = textOf(child(el, 'Description'));
    if (description !== undefined && description.trim() !== '') code.description = description;
    const notes = children(el, 'NoteRef').map((r) => keyOf(r, 'targetGUID') ?? '').filter((g) => g !== '');
    if (notes.length > 0) code.notes = notes;
    return code;
  });
}

function readValue(el: Element): { variable: string; value: RefiValue } | null {
  const ref = child(el, 'VariableRef');
  const variable = ref ? keyOf(ref, 'targetGUID') : undefined;
  if (variable === undefined) return null;
  for (const kind of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
    const value = child(el, kind);
    if (value === undefined) continue;
    const text = (value.textContent ?? '').trim();
    if (kind === 'BooleanValue') return { variable, value: text === 'true' || text === '1' };
    if ((kind === 'IntegerValue' || kind === 'FloatValue') && text !== '' && Number.isFinite(Number(text))) return { variable, value: Number(text) };
    if (kind === 'TextValue') return { variable, value: value.textContent ?? '' };
    return { variable, value: text };
  }
  return { variable, value: null };
}

function count(left: Map<string, number>, name: string, n = 1): void {
  if (n > 0) left.set(name, (left.get(name) ?? 0) + n);
}

/** A `.qdc` codebook file: its codes. */
export function readCodebookXml(xml: string, file: string): { codes: RefiCode[]; origin?: string; left: Map<string, number> } {
  const root = parseXml(xml, file);
  if (root.localName !== 'CodeBook') {
    throw new DataError(
      { en: `${file} is not a REFI-QDA codebook: its root element is <${root.localName}>, not <CodeBook>`, fr: `${file} n’est pas un livre de codes REFI-QDA : son élément racine est <${root.localName}>, pas <CodeBook>` },
      { file, hint: { en: 'a codebook exchange file (.qdc) starts with <CodeBook>', fr: 'un fichier d’échange de livre de codes (.qdc) commence par <CodeBook>' } },
    );
  }
  const left = new Map<string, number>();
  const sets = child(root, 'Sets');
  if (sets) count(left, 'Set', children(sets, 'Set').length);
  const origin = attr(root, 'origin');
  return { codes: readCodes(child(root, 'Codes')), ...(origin !== undefined ? { origin } : {}), left };
}

/** A `project.qde` file. */
export function readProjectXml(xml: string, file: string): RefiProject {
  const root = parseXml(xml, file);
  if (root.localName !== 'Project') {
    throw new DataError(
      { en: `${file} is not a REFI-QDA project: its root element is <${root.localName}>, not <Project>`, fr: `${file} n’est pas un projet REFI-QDA : son élément racine est <${root.localName}>, pas <Project>` },
      { file, hint: { en: 'a project (.qdpx) holds a project.qde that starts with <Project>', fr: 'un projet (.qdpx) contient un project.qde qui commence par <Project>' } },
    );
  }
  const left = new Map<string, number>();
  const users = new Map<string, { name: string; id?: string }>();
  for (const el of children(child(root, 'Users') ?? root, 'User')) {
    const guid = keyOf(el, 'guid');
    const id = attr(el, 'id');
    if (guid !== undefined) users.set(guid, { name: attr(el, 'name') ?? id ?? '', ...(id !== undefined ? { id } : {}) });
  }
  const codebook = child(root, 'CodeBook');
  const codes = readCodes(codebook ? child(codebook, 'Codes') : undefined);
  const variables = new Map<string, { name: string; type: string; description?: string }>();
  for (const el of children(child(root, 'Variables') ?? root, 'Variable')) {
    const guid = keyOf(el, 'guid');
    const description = textOf(child(el, 'Description'));
    if (guid !== undefined) variables.set(guid, { name: attr(el, 'name') ?? '', type: attr(el, 'typeOfVariable') ?? 'Text', ...(description !== undefined ? { description } : {}) });
  }
  const cases = children(child(root, 'Cases') ?? root, 'Case').map((el) => {
    const description = textOf(child(el, 'Description'));
    return {
      guid: keyOf(el, 'guid') ?? '',
      name: attr(el, 'name') ?? '',
      ...(description !== undefined && description.trim() !== '' ? { description } : {}),
      values: children(el, 'VariableValue').map(readValue).filter((v) => v !== null),
      sources: children(el, 'SourceRef').map((ref) => keyOf(ref, 'targetGUID') ?? ''),
    };
  });
  const sources: RefiSource[] = [];
  const sourcesEl = child(root, 'Sources');
  for (let n = sourcesEl?.firstChild ?? null; n !== null; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName !== 'TextSource') {
      count(left, el.localName ?? el.nodeName);
      continue;
    }
    const content = textOf(child(el, 'PlainTextContent'));
    const plainTextPath = attr(el, 'plainTextPath');
    sources.push({
      guid: keyOf(el, 'guid') ?? '',
      name: attr(el, 'name') ?? '',
      ...(plainTextPath !== undefined ? { plainTextPath } : {}),
      ...(content !== undefined ? { content } : {}),
      selections: children(el, 'PlainTextSelection').map((s) => {
        const selection: RefiSelection = {
          guid: keyOf(s, 'guid') ?? '',
          start: Number(attr(s, 'startPosition')),
          end: Number(attr(s, 'endPosition')),
          codings: children(s, 'Coding').flatMap((c) => {
            const ref = child(c, 'CodeRef');
            const code = ref ? keyOf(ref, 'targetGUID') : undefined;
            const user = keyOf(c, 'creatingUser');
            return code === undefined ? [] : [{ code, ...(user !== undefined ? { user } : {}) }];
          }),
          notes: children(s, 'NoteRef').map((r) => keyOf(r, 'targetGUID') ?? ''),
        };
        const name = attr(s, 'name');
        if (name !== undefined) selection.name = name;
        const user = keyOf(s, 'creatingUser') ?? keyOf(s, 'modifyingUser');
        if (user !== undefined) selection.user = user;
        const at = attr(s, 'modifiedDateTime') ?? attr(s, 'creationDateTime');
        if (at !== undefined) selection.at = at;
        const description = textOf(child(s, 'Description'));
        if (description !== undefined && description.trim() !== '') selection.description = description;
        return selection;
      }),
      notes: children(el, 'NoteRef').map((r) => keyOf(r, 'targetGUID') ?? ''),
      values: children(el, 'VariableValue').map(readValue).filter((v) => v !== null),
      wholeCodings: children(el, 'Coding').length,
    });
  }
  const notes = new Map<string, { name?: string; text: string; user?: string }>();
  for (const el of children(child(root, 'Notes') ?? root, 'Note')) {
    const guid = keyOf(el, 'guid');
    if (guid === undefined) continue;
    const name = attr(el, 'name');
    const user = keyOf(el, 'creatingUser');
    notes.set(guid, { text: textOf(child(el, 'PlainTextContent')) ?? textOf(child(el, 'Description')) ?? '', ...(name !== undefined ? { name } : {}), ...(user !== undefined ? { user } : {}) });
  }
  for (const name of ['Links', 'Sets', 'Graphs'] as const) {
    const el = child(root, name);
    if (el) count(left, name.slice(0, -1), children(el, name.slice(0, -1)).length);
  }
  const name = attr(root, 'name');
  const origin = attr(root, 'origin');
  const projectNotes = children(root, 'NoteRef').map((r) => keyOf(r, 'targetGUID') ?? '').filter((g) => g !== '');
  const description = textOf(child(root, 'Description'));
  return { ...(name !== undefined ? { name } : {}), ...(origin !== undefined ? { origin } : {}), ...(description !== undefined && description.trim() !== '' ? { description } : {}), users, codes, variables, cases, sources, notes, projectNotes, left };
}
