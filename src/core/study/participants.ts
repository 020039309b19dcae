import { detectDelimiter } from '../text/csv-delimiter.js';
import { csvRecordsWithLines } from '../csv.js';
import type { AttributeValue, Attributes, Problem } from '../types.js';

/** Numbers become numbers (`45`, `45,5` in French), empty cells null, the rest stays text. */
export function parseAttributeValue(cell: string): AttributeValue {
  const s = cell.trim();
  if (s === '') return null;
  if (/^-?\d+(?:[.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return s;
}

export interface ParticipantRow {
  id: string;
  attributes: Attributes;
  line: number;
}

/** Reads `participants.csv`: the first column is the participant id, the others are attributes. */
export function parseParticipantsCsv(text: string, file: string): { rows: ParticipantRow[]; columns: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvRecordsWithLines(text, detectDelimiter(text));
  } catch (error) {
    const e = error as { message: string; lines?: number; column?: number };
    problems.push({
      severity: 'error',
      file,
      line: e.lines ?? 1,
      kind: 'csv-syntax',
      message: { en: `unreadable CSV: ${e.message}`, fr: `CSV illisible : ${e.message}` },
      hint: { en: 'check the quotes on this line (a cell with a separator must be in "…")', fr: 'vérifier les guillemets de cette ligne (une cellule qui contient le séparateur doit être entre "…")' },
    });
    return { rows: [], columns: [], problems };
  }
  const header = records[0]?.record.map((cell) => cell.trim()) ?? [];
  if (header.length === 0) return { rows: [], columns: [], problems };
  const columns = header.slice(1);
  const seenColumns = new Set<string>();
  columns.forEach((name, i) => {
    if (name === '' || seenColumns.has(name)) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        column: i + 2,
        kind: 'csv-header',
        message: name === '' ? { en: `column ${i + 2} has no name`, fr: `la colonne ${i + 2} n’a pas de nom` } : { en: `column "${name}" appears twice`, fr: `la colonne « ${name} » apparaît deux fois` },
        hint: { en: 'give every column a distinct name on the first line', fr: 'donner à chaque colonne un nom distinct sur la première ligne' },
      });
    }
    seenColumns.add(name);
  });
  const rows: ParticipantRow[] = [];
  const seenIds = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const id = (record[0] ?? '').trim();
    if (id === '') {
      if (record.some((cell) => cell.trim() !== '')) {
        problems.push({
          severity: 'error',
          file,
          line,
          column: 1,
          kind: 'participant-id',
          message: { en: 'a row has no participant id', fr: "une ligne n’a pas d’identifiant de participant" },
          hint: { en: 'write the id (e.g. P03) in the first column', fr: "écrire l’identifiant (ex. P03) dans la première colonne" },
        });
      }
      continue;
    }
    if (seenIds.has(id)) {
      problems.push({
        severity: 'error',
        file,
        line,
        column: 1,
        kind: 'participant-duplicate',
        message: { en: `participant ${id} already has a row (line ${seenIds.get(id)})`, fr: `le participant ${id} a déjà une ligne (ligne ${seenIds.get(id)})` },
        hint: { en: 'keep one row per participant', fr: 'garder une seule ligne par participant' },
      });
      continue;
    }
    seenIds.set(id, line);
    const attributes: Attributes = {};
    columns.forEach((name, i) => {
      if (name !== '') attributes[name] = parseAttributeValue(record[i + 1] ?? '');
    });
    rows.push({ id, attributes, line });
  }
  return { rows, columns, problems };
}
