/**
 * Anonymising a transcript's front matter: the values that name someone or somewhere
 * (`ville: Lyon`, `source: Entretien Dr Martin.docx`) get the same labels as the text. A value is
 * rewritten only when it is written on its own line in a form read back exactly (plain, or in
 * quotes, without a comment after it), and the new front matter is read back to check that only
 * those values changed; anything else is left to the researcher, with its line.
 */
import { splitFrontMatter } from '../transcript/front-matter.js';
import { applyEdits, planEdits, type ReplacementTable } from './anonymise.js';

export interface FrontMatterEdit {
  attribute: string;
  line: number;
  column: number;
  original: string;
  replacement: string;
}

export interface FrontMatterRewrite {
  /** The whole file text with the new front matter (unchanged when nothing could be rewritten). */
  text: string;
  edits: FrontMatterEdit[];
  /** Values holding a replaced text that could not be rewritten safely: to fix by hand. */
  byHand: { attribute: string; line: number; value: string }[];
}

/** The value as written from its position to the end of its line, if it reads back exactly as `value`. */
function writtenAs(rest: string, value: string): boolean {
  if (rest === value) return true;
  if (rest.startsWith('"')) {
    try {
      return JSON.parse(rest) === value;
    } catch {
      return false;
    }
  }
  return rest.length >= 2 && rest.startsWith("'") && rest.endsWith("'") && rest.slice(1, -1).replace(/''/g, "'") === value;
}

/**
 * The table applied to the string values of the front matter of `text` (a transcript file's
 * whole text, decoded and normalised). Pure.
 */
export function anonymiseFrontMatter(text: string, file: string, table: ReplacementTable): FrontMatterRewrite {
  const front = splitFrontMatter(text, file);
  const none: FrontMatterRewrite = { text, edits: [], byHand: [] };
  if (front.bodyLine === 1 || front.problems.some((p) => p.severity === 'error')) return none;
  const lines = text.split('\n');
  const edits: FrontMatterEdit[] = [];
  const byHand: FrontMatterRewrite['byHand'] = [];
  const expected: Record<string, unknown> = { ...front.attributes };
  for (const [attribute, value] of Object.entries(front.attributes)) {
    if (typeof value !== 'string') continue;
    const valueEdits = planEdits(value, table);
    if (valueEdits.length === 0) continue;
    const at = front.positions[attribute];
    const raw = at === undefined ? undefined : lines[at.line - 1];
    const rest = raw?.slice(at!.column - 1).replace(/[ \t]+$/u, '');
    if (at === undefined || raw === undefined || rest === undefined || !writtenAs(rest, value)) {
      byHand.push({ attribute, line: at?.line ?? 1, value });
      continue;
    }
    const newValue = applyEdits(value, valueEdits);
    // Quoted: a label in brackets would otherwise read as a YAML list.
    lines[at.line - 1] = raw.slice(0, at.column - 1) + JSON.stringify(newValue);
    expected[attribute] = newValue;
    const quoted = rest.startsWith('"') || rest.startsWith("'") ? 1 : 0;
    for (const e of valueEdits) edits.push({ attribute, line: at.line, column: at.column + quoted + e.start, original: e.original, replacement: e.replacement });
  }
  if (edits.length === 0) return { ...none, byHand };
  const rewritten = lines.join('\n');
  const check = splitFrontMatter(rewritten, file);
  const same =
    check.problems.length === front.problems.length &&
    check.body === front.body &&
    check.id === front.id &&
    JSON.stringify(Object.entries(check.attributes)) === JSON.stringify(Object.entries(expected));
  if (!same) {
    // Read back otherwise than expected: nothing of the front matter is rewritten.
    return { text, edits: [], byHand: [...byHand, ...edits.map((e) => ({ attribute: e.attribute, line: e.line, value: String(front.attributes[e.attribute]) }))] };
  }
  return { text: rewritten, edits, byHand };
}
