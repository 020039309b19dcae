/**
 * YAML syntax errors as study problems, shared by the codebook and coder file readers.
 */
import { isAlias, visit } from 'yaml';
import type { Document, LineCounter, YAMLError } from 'yaml';
import type { Localized, Problem } from '../types.js';

/** French for the errors people make when editing YAML by hand. */
const FRENCH: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'indentation incorrecte',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter (seules les espaces sont permises)',
  DUPLICATE_KEY: 'clé en double dans le même bloc',
  MISSING_CHAR: 'caractère manquant (guillemet, crochet ou accolade non fermé ?)',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_SCALAR_START: 'valeur qui commence par un caractère réservé (mettez-la entre guillemets)',
  BLOCK_AS_IMPLICIT_KEY: 'deux-points en trop dans une valeur (mettez-la entre guillemets) ou bloc utilisé comme clé',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes (deux-points manquant à la ligne précédente ?)',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets doubles',
  BLOCK_IN_FLOW: 'bloc à l’intérieur de crochets ou d’accolades',
  MULTIPLE_DOCS: 'plusieurs documents YAML dans le même fichier (ligne « --- » en trop ?)',
  BAD_ALIAS: 'alias inconnu',
  KEY_OVER_1024_CHARS: 'clé de plus de 1 024 caractères',
};

/** Plain English for the same errors: the parser's own words name its grammar, not the mistake. */
const ENGLISH: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'wrong indentation',
  TAB_AS_INDENT: 'a tab used to indent (only spaces are allowed)',
  DUPLICATE_KEY: 'the same key twice in one block',
  MISSING_CHAR: 'a missing character (a quote, bracket or brace not closed?)',
  BAD_SCALAR_START: 'a value that starts with a reserved character (put it in quotes)',
  BLOCK_AS_IMPLICIT_KEY: 'a colon too many in a value (put it in quotes), or a block used as a key',
  MULTILINE_IMPLICIT_KEY: 'a key over several lines (a colon missing on the line before?)',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in double quotes',
  BLOCK_IN_FLOW: 'a block inside brackets or braces',
  MULTIPLE_DOCS: 'several YAML documents in one file (a "---" line too many?)',
  BAD_ALIAS: 'an unknown alias',
  KEY_OVER_1024_CHARS: 'a key of more than 1,024 characters',
};

/** A tab at the start of a line: say which line, and what to put instead. */
function tabHint(line: number): Localized {
  return {
    en: `Replace the tab at the start of line ${line} with spaces (YAML indents with spaces only: 2 per level in codage's files).`,
    fr: `Remplacez la tabulation en début de ligne ${line} par des espaces (YAML n’indente qu’avec des espaces : 2 par niveau dans les fichiers de codage).`,
  };
}

/**
 * A French value with " : " in it (`definition: Accès au psy : coût`) is the most common YAML
 * mistake in a French codebook: say so plainly, in both languages.
 */
const COLON_IN_VALUE: Localized = {
  en: 'A value holds ": " (colon then space), which YAML reads as a new key: put the whole value in double quotes, e.g. definition: "Accès au psychologue : coût".',
  fr: 'Une valeur contient « : » (deux-points puis espace), que YAML lit comme une nouvelle clé : mettez toute la valeur entre guillemets droits, par exemple definition: "Accès au psychologue : coût".',
};

const HINT: Localized = {
  en: 'Fix the YAML at this place (indent with spaces, close quotes and brackets), then run the command again.',
  fr: 'Corrigez le YAML à cet endroit (indentation avec des espaces, guillemets et crochets fermés), puis relancez la commande.',
};

/** 1-based line and column of a character offset. */
export function positionAt(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

function toProblem(error: YAMLError, severity: 'error' | 'warning', file: string, lineCounter: LineCounter): Problem {
  const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  const where = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  const fr = FRENCH[error.code] ?? `erreur de syntaxe (${error.code})`;
  return {
    severity,
    file,
    line: where.line,
    column: where.col,
    kind: 'yaml-syntax',
    message: { en: ENGLISH[error.code] === undefined ? `YAML syntax: ${firstLine}` : `YAML syntax: ${ENGLISH[error.code]}.`, fr: `Syntaxe YAML : ${fr}.` },
    hint:
      error.code === 'TAB_AS_INDENT'
        ? tabHint(where.line)
        : error.code === 'BLOCK_AS_IMPLICIT_KEY' || /nested mappings are not allowed/i.test(firstLine)
          ? COLON_IN_VALUE
          : HINT,
  };
}

/** The parse errors (and warnings) of a document read with `lineCounter`. */
export function yamlProblems(doc: Document, file: string, lineCounter: LineCounter): Problem[] {
  return [
    ...doc.errors.map((e) => toProblem(e, 'error', file, lineCounter)),
    ...doc.warnings.map((e) => toProblem(e, 'warning', file, lineCounter)),
  ];
}

/** The yaml library's default: far more aliases than a hand-edited study file ever has. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The problem of a document whose aliases expand to too much data (a "billion laughs" file), or
 * null when it has none or few. Such a file is not read, and never rewritten.
 */
export function aliasBombProblem(doc: Document, file: string, lineCounter: LineCounter): Problem | null {
  let first: unknown = null;
  visit(doc, {
    Alias(_key, node) {
      first = node;
      return visit.BREAK;
    },
  });
  if (first === null) return null;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return null;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
  }
  const range = isAlias(first) ? (first as { range?: [number, number, number] }).range : undefined;
  return {
    severity: 'error',
    file,
    ...(range ? positionAt(lineCounter, range[0]) : { line: 1 }),
    kind: 'yaml-aliases',
    message: {
      en: `The YAML aliases (*name) in this file expand to too much data (more than ${MAX_ALIAS_COUNT} copies): it is not read.`,
      fr: `Les alias YAML (*nom) de ce fichier se développent en trop de données (plus de ${MAX_ALIAS_COUNT} copies) : il n’est pas lu.`,
    },
    hint: {
      en: 'Write the values out instead of using aliases, or restore the file from .codage/backups/. codage will not rewrite it until then.',
      fr: 'Écrivez les valeurs au lieu d’utiliser des alias, ou restaurez le fichier depuis .codage/backups/. codage ne le réécrira pas d’ici là.',
    },
  };
}
