import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem, StudyConfig } from '../types.js';

const KNOWN_KEYS = ['title', 'language', 'quote_label', 'order', 'coder', 'pair', 'suggestions'] as const;

/** Reads `codage.yaml`. Every field is optional; problems carry line and column. */
export function parseStudyConfig(source: string, file: string): { config: StudyConfig; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const config: StudyConfig = {};
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  for (const error of doc.errors) {
    problems.push({
      severity: 'error',
      file,
      ...at(error.pos[0]),
      kind: 'yaml-syntax',
      message: { en: `invalid YAML: ${error.message.split('\n')[0]}`, fr: `YAML invalide : ${error.message.split('\n')[0]}` },
      hint: { en: 'fix the syntax (indentation, colons, quotes) at this place', fr: 'corriger la syntaxe (indentation, deux-points, guillemets) à cet endroit' },
    });
  }
  if (doc.errors.length > 0) return { config, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) {
    problems.push({
      severity: 'error',
      file,
      ...at(root.range?.[0]),
      kind: 'config-shape',
      message: { en: 'codage.yaml must be a mapping of settings', fr: 'codage.yaml doit être une liste de réglages « clé: valeur »' },
      hint: { en: 'write e.g. "language: fr" on its own line', fr: 'écrire par exemple « language: fr » sur sa propre ligne' },
    });
    return { config, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyPos = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = pair.value;
    const valuePos = at((value as { range?: [number, number, number] } | null)?.range?.[0] ?? (isScalar(pair.key) ? pair.key.range?.[0] : 0));
    const bad = (en: string, fr: string, hintEn: string, hintFr: string) =>
      problems.push({ severity: 'error', file, ...valuePos, kind: 'config-value', message: { en, fr }, hint: { en: hintEn, fr: hintFr } });
    const scalar = isScalar(value) ? value.value : undefined;
    switch (key) {
      case 'title':
        if (typeof scalar === 'string' || typeof scalar === 'number') config.title = String(scalar);
        else bad('title must be text', 'title doit être un texte', 'write title: "…"', 'écrire title: "…"');
        break;
      case 'language':
        if (scalar === 'fr' || scalar === 'en') config.language = scalar;
        else bad(`language must be fr or en, not ${JSON.stringify(scalar ?? null)}`, `language doit valoir fr ou en, pas ${JSON.stringify(scalar ?? null)}`, 'write language: fr or language: en', 'écrire language: fr ou language: en');
        break;
      case 'quote_label':
        if (typeof scalar === 'string') {
          config.quoteLabel = scalar;
          config.quoteLabelAt = valuePos;
        }
        else bad('quote_label must be text such as "{id}"', 'quote_label doit être un texte comme "{id}"', 'write quote_label: "{id}"', 'écrire quote_label: "{id}"');
        break;
      case 'coder':
        if (typeof scalar === 'string' && scalar.trim() !== '') config.coder = scalar.trim();
        else bad('coder must be a name', 'coder doit être un nom', 'write coder: marie', 'écrire coder: marie');
        break;
      case 'pair':
        if (typeof scalar === 'string' && scalar.trim() !== '') config.pair = scalar.trim();
        else bad('pair must be the name of a participant attribute', "pair doit être le nom d’un attribut des participants", 'write pair: binome', 'écrire pair: binome');
        break;
      case 'suggestions':
        if (typeof scalar === 'boolean') config.suggestions = scalar;
        else bad('suggestions must be true or false', 'suggestions doit valoir true ou false', 'write suggestions: false to turn code suggestions off', 'écrire suggestions: false pour ne plus suggérer de codes');
        break;
      case 'order':
        readOrder(value, at, problems, file, config, bad);
        break;
      default:
        problems.push({
          severity: 'warning',
          file,
          ...keyPos,
          kind: 'config-unknown-key',
          message: { en: `unknown setting "${key}"`, fr: `réglage inconnu « ${key} »` },
          hint: { en: `known settings: ${KNOWN_KEYS.join(', ')}`, fr: `réglages connus : ${KNOWN_KEYS.join(', ')}` },
        });
    }
  }
  return { config, problems };
}

/**
 * `order: [P01, P02, P03]` (or one `- P01` per line): the interview order, checked item by item so
 * that a message points at the id that is wrong. Ids written as numbers keep their digits
 * (`007` stays `007`). An id listed twice keeps its first place.
 */
function readOrder(
  value: unknown,
  at: (offset: number | undefined) => { line: number; column: number },
  problems: Problem[],
  file: string,
  config: StudyConfig,
  bad: (en: string, fr: string, hintEn: string, hintFr: string) => void,
): void {
  if (!isSeq(value)) {
    bad('order must be a list of participant ids', 'order doit être une liste d’identifiants de participants', 'write order: [P01, P02, P03]', 'écrire order: [P01, P02, P03]');
    return;
  }
  const order: string[] = [];
  const positions: { line: number; column: number }[] = [];
  const seen = new Map<string, number>();
  for (const item of value.items) {
    const where = at((item as { range?: [number, number, number] } | null)?.range?.[0] ?? value.range?.[0]);
    const id = isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? (typeof item.value === 'number' ? (item.source ?? String(item.value)) : item.value).trim() : '';
    if (id === '') {
      problems.push({
        severity: 'error',
        file,
        ...where,
        kind: 'config-value',
        message: { en: 'each item of order must be a participant id', fr: 'chaque élément de order doit être un identifiant de participant' },
        hint: { en: 'write the ids one after the other: order: [P01, P02, P03]', fr: 'écrire les identifiants à la suite : order: [P01, P02, P03]' },
      });
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        severity: 'warning',
        file,
        ...where,
        kind: 'order-duplicate',
        message: { en: `order lists ${id} twice (first on line ${first}): its first place counts`, fr: `order cite ${id} deux fois (d’abord ligne ${first}) : sa première place compte` },
        hint: { en: `remove this ${id}`, fr: `retirer ce ${id}` },
      });
      continue;
    }
    seen.set(id, where.line);
    order.push(id);
    positions.push(where);
  }
  config.order = order;
  config.orderPositions = positions;
}
