/**
 * A transcript's optional YAML front matter: the attributes of the interview
 * (`date`, `duration`, `sexe`, `age`…) between two `---` lines at the top of the file.
 *
 * The transcript text (what offsets count) starts on the line after the closing `---`,
 * so editing the front matter never moves a coding.
 */
import { positionOf } from '../text/lines.js';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { AttributeValue, Attributes, Problem } from '../types.js';

export interface FrontMatter {
  /** Attributes other than `id`. */
  attributes: Attributes;
  /** The `id` attribute as a string (a number keeps its leading zeros: `id: 007` → `007`). */
  id?: string;
  /** Where `id`'s value is written in the file (1-based), when it is. */
  idPosition?: { line: number; column: number };
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
  /** Where each attribute's value is written in the file (1-based), for messages about it. */
  positions: Record<string, { line: number; column: number }>;
  problems: Problem[];
}

const OPENING = /^---[ \t]*(?:\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/gm;


/**
 * The yaml library reports a missing closing quote where it gave up (the end of the front
 * matter); the user needs the line where the quote was opened.
 */
function unclosedQuote(source: string, offset: number): number {
  const opening = /^[^#\n]*?:[ \t]+(["'])/gm;
  let found = offset;
  for (let m = opening.exec(source); m !== null && m.index < offset; m = opening.exec(source)) {
    const quote = m[1]!;
    const lineEnd = source.indexOf('\n', m.index);
    const rest = source.slice(m.index + m[0].length, lineEnd === -1 ? source.length : lineEnd);
    const closed = quote === '"' ? /(?:^|[^\\])"/.test(rest) : rest.includes("'");
    if (!closed) found = m.index + m[0].length - 1;
  }
  return found;
}

function stringify(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map((v) => String(v)).join(', ');
  }
  return JSON.stringify(value);
}

/** `name: value` with a name a YAML reader takes for a string. */
const SIMPLE_LINE = /^(\p{L}[\p{L}\p{N}_-]*):(?: (.*))?$/u;
/**
 * A plain one-line value with nothing YAML reads specially: it starts with a letter, a digit or
 * a signed digit, has no `#`, `:`, brackets, braces, tab or control character, and no space at
 * its end.
 */
const SIMPLE_VALUE = /^(?:[\p{L}\p{N}]|[-+][0-9])[^\x00-\x1f\x7f-\x9f#:[\]{}\u2028\u2029\ufeff\ufffe\uffff]*(?<! )$/u;
const NOT_STRING_NAME = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
// The YAML 1.2 core schema, in the order the yaml library tries it.
const CORE_NULL = /^(?:[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A simple value as the YAML core schema reads it; undefined for octal and hexadecimal forms. */
function simpleScalar(text: string): AttributeValue | undefined {
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (text.startsWith('0o') || text.startsWith('0x')) return undefined;
  if (CORE_INT.test(text)) return parseInt(text, 10);
  if (CORE_FLOAT_EXP.test(text) || CORE_FLOAT.test(text)) return parseFloat(text);
  return text;
}

/**
 * The usual front matter, one `name: value` per line, read without the YAML parser (which is
 * slow to start, and a study has hundreds of transcripts): what the parser would give, or null
 * when the text holds anything else (comments, quotes, lists, duplicates, an odd `id`…).
 */
export function readSimpleFrontMatter(
  yamlSource: string,
): { attributes: Attributes; id?: string; idPosition?: { line: number; column: number }; positions: Record<string, { line: number; column: number }> } | null {
  const attributes: Attributes = {};
  const positions: Record<string, { line: number; column: number }> = {};
  let id: string | undefined;
  let idPosition: { line: number; column: number } | undefined;
  const seen = new Set<string>();
  const lines = yamlSource.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (m === null) return null;
    const key = m[1]!;
    const written = m[2];
    if (NOT_STRING_NAME.test(key) || seen.has(key)) return null;
    seen.add(key);
    if (written !== undefined && !SIMPLE_VALUE.test(written)) return null;
    const value = written === undefined ? null : simpleScalar(written);
    if (value === undefined) return null;
    if (key === 'id') {
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      id = written;
      idPosition = { line: index + 1, column: key.length + 3 };
      continue;
    }
    attributes[key] = value;
    // The YAML source starts on the file's second line; the value after `name: `.
    positions[key] = { line: index + 1, column: written === undefined ? 1 : key.length + 3 };
  }
  return id === undefined || idPosition === undefined ? { attributes, positions } : { attributes, id, idPosition, positions };
}

/** Splits `text` (already decoded and normalised) into front matter and body. */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const none: FrontMatter = { attributes: {}, body: text, bodyLine: 1, positions: {}, problems: [] };
  const open = OPENING.exec(text);
  if (!open) return none;

  const yamlStart = open[0].length;
  CLOSING.lastIndex = yamlStart;
  const close = CLOSING.exec(text);
  if (!close) {
    none.problems.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      kind: 'front-matter-unclosed',
      message: {
        en: 'The front matter opened by `---` on line 1 is never closed.',
        fr: 'L’en-tête ouvert par « --- » à la ligne 1 n’est jamais fermé.',
      },
      hint: {
        en: 'Add a line `---` after the last attribute (e.g. after `age: 52`), or remove the first line if it is not a front matter.',
        fr: 'Ajoutez une ligne « --- » après le dernier attribut (par exemple après « age: 52 »), ou supprimez la première ligne s’il ne s’agit pas d’un en-tête.',
      },
    });
    return none;
  }

  const yamlSource = text.slice(yamlStart, close.index);
  const afterClose = close.index + close[0].length;
  const body = afterClose < text.length ? text.slice(afterClose + 1) : '';
  const closingLine = positionOf(text, close.index).line;
  const result: FrontMatter = { attributes: {}, body, bodyLine: closingLine + 1, positions: {}, problems: [] };

  /** File position of an offset in the YAML source (which starts on line 2). */
  const at = (offset: number) => {
    const pos = positionOf(yamlSource, offset);
    return { line: pos.line + 1, column: pos.column };
  };

  const simple = readSimpleFrontMatter(yamlSource);
  if (simple !== null) {
    result.attributes = simple.attributes;
    for (const [key, pos] of Object.entries(simple.positions)) result.positions[key] = { line: pos.line + 1, column: pos.column };
    if (simple.id !== undefined) result.id = simple.id;
    if (simple.idPosition !== undefined) result.idPosition = { line: simple.idPosition.line + 1, column: simple.idPosition.column };
    return result;
  }

  const doc = parseDocument(yamlSource, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  // Later errors are mostly consequences of the first one: report that one, where it starts.
  const error = doc.errors[0];
  if (error !== undefined) {
    const offset = error.code === 'MISSING_CHAR' ? unclosedQuote(yamlSource, error.pos[0]) : error.pos[0];
    result.problems.push({
      severity: 'error',
      file,
      ...at(offset),
      kind: 'front-matter-yaml',
      message: {
        en: `The front matter is not valid YAML: ${error.message}`,
        fr: `L’en-tête n’est pas du YAML valide : ${error.message}`,
      },
      hint: {
        en: 'Write one `name: value` per line; put quotes around values containing `:` or `#`, and close every quote.',
        fr: 'Écrivez un « nom: valeur » par ligne ; mettez entre guillemets les valeurs qui contiennent « : » ou « # », et refermez chaque guillemet.',
      },
    });
    return result;
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return result;
  if (!isMap(contents)) {
    result.problems.push({
      severity: 'warning',
      file,
      ...at(contents.range?.[0] ?? 0),
      kind: 'front-matter-not-map',
      message: {
        en: 'The front matter is not a list of `name: value` attributes; it is ignored.',
        fr: 'L’en-tête n’est pas une liste d’attributs « nom: valeur » ; il est ignoré.',
      },
      hint: { en: 'Write one `name: value` per line, e.g. `age: 52`.', fr: 'Écrivez un « nom: valeur » par ligne, par exemple « age: 52 ».' },
    });
    return result;
  }

  const values = doc.toJS() as Record<string, unknown>;
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const valueNode = pair.value;
    const position = at((isScalar(keyNode) ? keyNode.range?.[0] : undefined) ?? 0);

    if (key === 'id') {
      if (isScalar(valueNode) && typeof valueNode.value === 'string' && valueNode.value.trim() !== '') {
        result.id = valueNode.value.trim();
        result.idPosition = at(valueNode.range?.[0] ?? 0);
      } else if (isScalar(valueNode) && typeof valueNode.value === 'number') {
        result.id = valueNode.source ?? String(valueNode.value);
        result.idPosition = at(valueNode.range?.[0] ?? 0);
      } else {
        result.problems.push({
          severity: 'warning',
          file,
          ...position,
          kind: 'front-matter-id',
          message: {
            en: 'The `id` in the front matter must be a text or a number; the file name is used instead.',
            fr: 'L’« id » de l’en-tête doit être un texte ou un nombre ; le nom du fichier est utilisé à la place.',
          },
          hint: { en: 'Write e.g. `id: P07`.', fr: 'Écrivez par exemple « id: P07 ».' },
        });
      }
      continue;
    }

    const raw = values[key];
    let value: AttributeValue;
    if (raw === null || raw === undefined) {
      value = null;
    } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      value = raw;
    } else {
      value = stringify(raw);
      result.problems.push({
        severity: 'warning',
        file,
        ...position,
        kind: 'front-matter-value',
        message: {
          en: `The attribute \`${key}\` holds a list or a table; it is read as the text "${value}".`,
          fr: `L’attribut « ${key} » contient une liste ou un tableau ; il est lu comme le texte « ${value} ».`,
        },
        hint: {
          en: `Give \`${key}\` a single value, e.g. \`${key}: rural\`.`,
          fr: `Donnez une seule valeur à « ${key} », par exemple « ${key}: rural ».`,
        },
      });
    }
    result.attributes[key] = value;
    result.positions[key] = at((isScalar(valueNode) && valueNode.value !== null ? valueNode.range?.[0] : undefined) ?? (isScalar(keyNode) ? keyNode.range?.[0] : undefined) ?? 0);
  }
  return result;
}
