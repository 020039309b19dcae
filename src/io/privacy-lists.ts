/**
 * `privacy.yaml` in the study folder: what the privacy check should also look for, and what it
 * should leave alone.
 *
 *     places: [Yvetot, Barentin, Pays de Caux]
 *     institutions: [Clinique du Cèdre, MSP des Falaises]
 *     allow: [Balint, Asalée]
 *
 * It lists places and institutions, never people: the names of participants belong in the
 * mapping key kept outside the study.
 */
import { positionOf } from '../core/text/lines.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { DataError } from '../core/errors.js';
import type { PrivacyLists } from '../core/privacy/find.js';
import type { Problem } from '../core/types.js';
import { decodeStudyText } from './study-text.js';

export const PRIVACY_FILE = 'privacy.yaml';

const KEYS = ['places', 'institutions', 'allow'] as const;

export function readPrivacyLists(root: string): { lists: PrivacyLists; problems: Problem[] } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(root, PRIVACY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lists: {}, problems: [] };
    throw error;
  }
  const doc = parseDocument(decodeStudyText(bytes), { prettyErrors: false });
  const problems: Problem[] = [];
  const hint = {
    en: 'write lists such as `places: [Yvetot, Barentin]`, `institutions: [Clinique du Cèdre]`, `allow: [Balint]`',
    fr: 'écrire des listes comme « places: [Yvetot, Barentin] », « institutions: [Clinique du Cèdre] », « allow: [Balint] »',
  };
  const error = doc.errors[0];
  if (error !== undefined) {
    problems.push({
      severity: 'error',
      file: PRIVACY_FILE,
      ...positionOf(String(bytes), error.pos[0]),
      kind: 'privacy-yaml',
      message: { en: `not valid YAML: ${error.message}`, fr: `YAML invalide : ${error.message}` },
      hint,
    });
    return { lists: {}, problems };
  }
  const data = doc.toJS() as unknown;
  const lists: PrivacyLists = {};
  if (data === null || data === undefined) return { lists, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ severity: 'error', file: PRIVACY_FILE, kind: 'privacy-yaml', message: { en: 'expected lists under places:, institutions: and allow:', fr: 'des listes sous places:, institutions: et allow: étaient attendues' }, hint });
    return { lists, problems };
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!(KEYS as readonly string[]).includes(key) || !Array.isArray(value)) {
      problems.push({ severity: 'error', file: PRIVACY_FILE, kind: 'privacy-yaml', message: { en: `unknown or malformed entry "${key}"`, fr: `entrée « ${key} » inconnue ou mal formée` }, hint });
      continue;
    }
    (lists as Record<string, string[]>)[key] = value.map(String);
  }
  return { lists, problems };
}

/**
 * The text of privacy.yaml with `words` added under `allow:` (the list created when there is
 * none), its comments and other lists kept. Refuses a privacy.yaml it cannot read.
 */
export function withAllowed(text: string | null, words: readonly string[]): string {
  const doc = parseDocument(text ?? '', { prettyErrors: false });
  const data = doc.toJS() as unknown;
  if (doc.errors.length > 0 || (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data)))) {
    throw new DataError(
      { en: `${PRIVACY_FILE} cannot be read, so the words to keep cannot be added to it: nothing was changed`, fr: `${PRIVACY_FILE} est illisible, les mots à garder ne peuvent pas y être ajoutés : rien n’a été modifié` },
      { file: PRIVACY_FILE, hint: { en: 'codage check --privacy says what is wrong in it', fr: 'codage check --privacy indique ce qui ne va pas' } },
    );
  }
  const existing = new Set((Array.isArray((data as { allow?: unknown } | null)?.allow) ? (data as { allow: unknown[] }).allow : []).map(String));
  const added = words.filter((w) => !existing.has(w));
  if (added.length === 0) return text ?? '';
  if (data === null || data === undefined) return `${text ?? ''}${text && !text.endsWith('\n') ? '\n' : ''}allow:\n${added.map((w) => `  - ${JSON.stringify(w)}`).join('\n')}\n`;
  const allow = doc.get('allow', true);
  if (isSeq(allow)) for (const w of added) allow.add(w);
  else doc.set('allow', added);
  return doc.toString({ lineWidth: 0 });
}
