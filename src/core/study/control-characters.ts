/**
 * Names and ids that hold control or bidirectional characters (an escape sequence in a code name,
 * a right-to-left override in a participant id or a file name): invisible in an editor, they make
 * terminals act on them and make two different names look the same. `check` warns about each.
 */
import { controlCharactersIn } from '../text/terminal.js';
import type { Codebook, CodebookNode, Localized, Problem, Transcript } from '../types.js';

interface Named {
  file: string;
  line?: number;
  column?: number;
  what: Localized;
  value: string;
  hint: Localized;
}

function problem(named: Named): Problem | null {
  const found = controlCharactersIn(named.value);
  if (found.length === 0) return null;
  const list = [...new Set(found)].join(' ');
  const p: Problem = {
    severity: 'warning',
    file: named.file,
    kind: 'control-characters',
    message: {
      en: `${named.what.en} "${named.value}" holds control or bidirectional characters (${list}): terminals act on them, and two different names can look the same`,
      fr: `${named.what.fr} « ${named.value} » contient des caractères de contrôle ou de direction du texte (${list})\u00a0: les terminaux les interprètent, et deux noms différents peuvent sembler identiques`,
    },
    hint: named.hint,
  };
  if (named.line !== undefined) p.line = named.line;
  if (named.column !== undefined) p.column = named.column;
  return p;
}

const RETYPE: Localized = { en: 'retype it without them', fr: 'le retaper sans eux' };
const RENAME_FILE: Localized = { en: 'rename the file without them', fr: 'renommer le fichier sans eux' };

export function controlCharacterProblems(input: {
  codebookFile: string;
  codebook: Codebook;
  transcripts: readonly Transcript[];
  coders: readonly { coder: string; file: string }[];
}): Problem[] {
  const named: Named[] = [];
  const visit = (node: CodebookNode): void => {
    const where = { file: input.codebookFile, ...(node.line === undefined ? {} : { line: node.line }), ...(node.column === undefined ? {} : { column: node.column }) };
    const kind = node.kind === 'theme' ? { en: 'theme', fr: 'thème' } : { en: 'code', fr: 'code' };
    named.push({ ...where, what: { en: `The ${kind.en} name`, fr: `Le nom du ${kind.fr}` }, value: node.name, hint: RETYPE });
    named.push({ ...where, what: { en: `The ${kind.en} id`, fr: `L’identifiant du ${kind.fr}` }, value: node.id, hint: RETYPE });
    node.children.forEach(visit);
  };
  input.codebook.themes.forEach(visit);
  input.codebook.ungrouped.forEach(visit);
  for (const t of input.transcripts) {
    named.push({ file: t.file, what: { en: 'The file name', fr: 'Le nom de fichier' }, value: t.file, hint: RENAME_FILE });
    const stem = (t.file.split('/').pop() ?? t.file).replace(/\.[^.]+$/, '');
    if (t.id !== stem) named.push({ file: t.file, line: 1, what: { en: 'The participant id', fr: 'L’identifiant du participant' }, value: t.id, hint: RETYPE });
  }
  for (const c of input.coders) named.push({ file: c.file, what: { en: 'The coder name', fr: 'Le nom du codeur' }, value: c.coder, hint: RENAME_FILE });
  return named.map(problem).filter((p): p is Problem => p !== null);
}
