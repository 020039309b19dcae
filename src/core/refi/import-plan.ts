/**
 * What importing another tool's REFI-QDA project (or codebook) makes of a study: the codebook
 * text, the transcripts to create, each coder's segments and memos, and a report of everything
 * that was brought over, corrected, or left behind. Pure: the CLI reads the archive and applies
 * the plan through `changeStudy`.
 *
 * - Codes: nested codes become themes and sub-themes (a code that has sub-codes groups them);
 *   a code that has sub-codes *and* was applied itself keeps its codings in a code of the same
 *   name inside its theme; codes already in the codebook (same name) are reused.
 * - Sources become transcripts (front matter: the participant id and their attributes, from the
 *   Cases and Variables); each User becomes a coder; each selection a segment placed by
 *   positions.ts; Notes and selection descriptions become memos.
 */
import { createHash } from 'node:crypto';
import { slugify, uniqueId } from '../codebook/slug.js';
import { DataError } from '../errors.js';
import { coderFilePath, isValidCoderName } from '../study/study.js';
import { parseAttributeValue, parseParticipantsCsv } from '../study/participants.js';
import { detectDelimiter } from '../text/csv-delimiter.js';
import { attributeCell, participantsCsvRows, readAttributePlace } from './attribute-places.js';
import type { AttributeValue, Attributes, Localized, Segment, Severity } from '../types.js';
import { planRefiCodebook } from './codebook-plan.js';
import { readSelectionDescription } from './marks.js';
import { placeSelection, matchingCountings, SourceText, type Counting } from './positions.js';
import type { RefiCode, RefiProject, RefiSelection, RefiValue } from './read.js';
import { memoFile, type MemoSubject } from '../memo/memo.js';

export interface ReportLine {
  severity: Severity;
  kind: string;
  message: Localized;
}

export interface ImportedSource {
  /** The decoded text as stored in the archive, and whether it had a byte order mark. */
  text: string;
  hadBom: boolean;
}

export interface ExistingStudy {
  /** Current codebook.yaml ('' when none); `emptyCodebook` is used instead of ''. */
  codebook: string;
  emptyCodebook: string;
  /** Transcript text by participant id (as codage reads it), for participants already there. */
  transcripts: Map<string, string>;
  /** File names already in transcripts/ (lower case), so that no new file takes one. */
  transcriptFiles: Set<string>;
  /**
   * participants.csv when the study has one: its text, and whether rows may be added at its end
   * (not when it is in another encoding than UTF-8: the rows would not read back).
   */
  participantsCsv?: { text: string; appendable: boolean };
}

export interface ImportPlan {
  codebook: string;
  codebookChanged: boolean;
  transcripts: { id: string; file: string; content: string }[];
  /** Each coder file: its name, the user's name when it is another (`coder:`), memos and segments. */
  coders: { coder: string; name?: string; memos: Record<string, string>; segments: Segment[] }[];
  /** participants.csv: the whole new file, or the rows to add at the end of the study's (`append`). */
  participants?: { file: string; text: string; append: boolean; rows: number };
  /** The attributes written in participants.csv (in its column order) and in the front matter: what went where. */
  attributes: { csv: string[]; frontMatter: string[] };
  /** Memo files of `memos/` the notes become: on the project, a transcript (a note with no user), a code or a theme. */
  memos: { file: string; text: string }[];
  report: ReportLine[];
  counts: { codes: number; themes: number; transcripts: number; reused: number; segments: number; memos: number; corrected: number; unplaced: number };
}

const COUNTING_NAMES: Record<Counting, Localized> = {
  'code-points': { en: 'code points', fr: 'points de code' },
  utf16: { en: 'UTF-16 units', fr: 'unités UTF-16' },
  'code-points-lf': { en: 'code points, a CRLF line break counted as one', fr: 'points de code, un saut de ligne CRLF compté pour un' },
  'utf16-lf': { en: 'UTF-16 units, a CRLF line break counted as one', fr: 'unités UTF-16, un saut de ligne CRLF compté pour un' },
  'code-points-bom': { en: 'code points, the byte order mark counted', fr: "points de code, l’indicateur d’ordre des octets compté" },
  'utf16-bom': { en: 'UTF-16 units, the byte order mark counted', fr: "unités UTF-16, l’indicateur d’ordre des octets compté" },
};

/** Eight characters from [a-z0-9], derived from the selection and the coder: the same at every import. */
function segmentId(parts: string[], taken: Set<string>): string {
  for (let n = 0; ; n++) {
    const hash = createHash('sha1').update([...parts, String(n)].join('\u001f')).digest();
    let id = '';
    for (let i = 0; i < 8; i++) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[hash[i]! % 36];
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const SOURCE_EXTENSION = /\.(docx?|txt|rtf|odt|pdf|md|html?)$/i;

/** A participant id from a source name: `Entretien P1.docx` → `Entretien P1`. */
function participantId(name: string, index: number): string {
  const id = name.replace(SOURCE_EXTENSION, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return id === '' ? `source-${index + 1}` : id;
}

/** A file name for a participant id: characters no system allows in names replaced by `_`. */
function transcriptFileName(id: string): string {
  return id.replace(/[/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(key) ? key : JSON.stringify(key);
}

function yamlValue(value: AttributeValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The attribute value of a REFI variable value, as codage reads attributes. */
function attributeValue(value: RefiValue, type: string): AttributeValue {
  if (value === null || typeof value !== 'string') return value;
  if (type === 'Text') return parseAttributeValue(value);
  return value.trim() === '' ? null : value;
}

const isDateTime = (s: string) => /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s);

export function planImport(project: RefiProject, texts: Map<string, ImportedSource | Localized>, existing: ExistingStudy, language: 'fr' | 'en'): ImportPlan {
  const report: ReportLine[] = [];
  const say = (severity: Severity, kind: string, en: string, fr: string) => report.push({ severity, kind, message: { en, fr } });
  const counts = { codes: 0, themes: 0, transcripts: 0, reused: 0, segments: 0, memos: 0, corrected: 0, unplaced: 0 };

  // --- Codebook -------------------------------------------------------------------------------
  const baseline = existing.codebook.trim() === '' ? existing.emptyCodebook : existing.codebook;
  const codedGuids = new Set<string>();
  for (const source of project.sources) for (const s of source.selections) for (const c of s.codings) codedGuids.add(c.code);
  const planned = planRefiCodebook(baseline, project.codes, codedGuids, language);
  const codebook = planned.source;
  /** REFI code GUID → codage code id (codable codes only). */
  const codeIds = planned.codeIds;
  report.push(...planned.report);
  counts.codes = planned.counts.codes;
  counts.themes = planned.counts.themes;

  // --- Coders ---------------------------------------------------------------------------------
  // Each user is a coder file of its own, named after the user (`Marie Dupont` → marie-dupont.yaml,
  // its `coder:` the user's name); a project codage wrote gives the file's name as the user's id.
  // Two users of the same name, or of names one file on macOS and Windows (`Léa`, `léa`), are two
  // files, never one: codings/marie-dupont-2.yaml. Codings that name no user of the project go to a
  // file named after the tool, and the report says how many.
  const fromCodage = /^codage\b/i.test(project.origin ?? '');
  const coderOfUser = new Map<string, string>();
  const displayNames = new Map<string, string>();
  /** File names taken, in lower case (one file on macOS and Windows). */
  const takenCoders = new Set<string>();
  const freeCoder = (base: string): string => {
    let name = base;
    for (let n = 2; takenCoders.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    takenCoders.add(name.toLowerCase());
    return name;
  };
  let withoutUser = 0;
  const fallbackCoder = () => {
    withoutUser++;
    let name = coderOfUser.get('');
    if (name === undefined) {
      name = freeCoder(slugify(project.origin?.split(/\s+/)[0] ?? '', 'refi'));
      coderOfUser.set('', name);
    }
    return name;
  };
  const usersByName = new Map<string, string[]>();
  for (const [guid, user] of project.users) usersByName.set(user.name.trim(), [...(usersByName.get(user.name.trim()) ?? []), guid]);
  const memoTexts = new Map<string, string[]>();
  const addMemo = (subject: MemoSubject, text: string) => {
    const file = memoFile(subject);
    memoTexts.set(file, [...(memoTexts.get(file) ?? []), text]);
    counts.memos++;
  };
  const coderFor = (user: string | undefined): string => {
    const u = user === undefined ? undefined : project.users.get(user);
    if (user === undefined || u === undefined) return fallbackCoder();
    let name = coderOfUser.get(user);
    if (name === undefined) {
      const wanted = u.name.trim();
      const base = fromCodage && u.id !== undefined && isValidCoderName(u.id) ? u.id : isValidCoderName(wanted) ? wanted : slugify(wanted === '' ? (u.id ?? '') : wanted, 'coder');
      name = freeCoder(base);
      coderOfUser.set(user, name);
      if (wanted !== '' && wanted !== name) displayNames.set(name, wanted);
      const namesakes = usersByName.get(wanted) ?? [];
      if (namesakes.length > 1 && wanted !== '') {
        say('warning', 'refi-coder-same-name', `${namesakes.length} users are named "${wanted}": each keeps their codings in a coder file of their own (this one: ${coderFilePath(name)})`, `${namesakes.length} utilisateurs s’appellent « ${wanted} »\u00a0: chacun garde ses codages dans son propre fichier de codeur (celui-ci\u00a0: ${coderFilePath(name)})`);
      } else if (wanted !== name && !(fromCodage && name === u.id)) {
        say('info', 'refi-coder-name', `the user "${wanted}" is the coder ${name} (${coderFilePath(name)}, coder: ${wanted})`, `l’utilisateur « ${wanted} » est le codeur ${name} (${coderFilePath(name)}, coder\u00a0: ${wanted})`);
      }
    }
    return name;
  };
  const coders = new Map<string, { memos: Record<string, string>; segments: Segment[]; ids: Set<string> }>();
  const coderData = (name: string) => {
    let data = coders.get(name);
    if (!data) coders.set(name, (data = { memos: {}, segments: [], ids: new Set() }));
    return data;
  };

  // --- Sources ---------------------------------------------------------------------------------
  const variableOf = (guid: string) => project.variables.get(guid);
  const valuesBySource = new Map<string, { variable: string; value: RefiValue }[]>();
  for (const c of project.cases) for (const s of c.sources) valuesBySource.set(s, [...(valuesBySource.get(s) ?? []), ...c.values]);
  // Where attributes go: participants.csv when the study keeps them there (its columns), or when
  // the project was made by codage from a study that did (the Variables' Descriptions); else, and
  // for what a cell cannot hold, each transcript's front matter.
  const csvText = existing.participantsCsv;
  const csvRead = csvText === undefined ? undefined : parseParticipantsCsv(csvText.text, 'participants.csv');
  const csvDelimiter = csvText !== undefined ? detectDelimiter(csvText.text) : language === 'fr' ? ';' : ',';
  const placeOf = new Map([...project.variables.values()].map((v) => [v.name, readAttributePlace(v.description)]));
  const csvColumns = csvRead !== undefined ? (csvText!.appendable ? csvRead.columns : []) : [...placeOf].filter(([name, place]) => place?.csv && name !== 'id' && name.trim() !== '').map(([name]) => name);
  const csvRowIds = new Set(csvRead?.rows.map((r) => r.id) ?? []);
  const csvRows: string[][] = [];
  /** Attribute → why some of its values went to the front matter instead of participants.csv. */
  const keptInFront = new Map<string, { reason: 'no-column' | 'cell' | 'row'; ids: string[] }>();
  const toFront = (name: string, reason: 'no-column' | 'cell' | 'row', id: string) => {
    const entry = keptInFront.get(`${name}\u001f${reason}`) ?? { reason, ids: [] };
    entry.ids.push(id);
    keptInFront.set(`${name}\u001f${reason}`, entry);
  };
  const placedCsv = new Set<string>();
  const placedFront = new Set<string>();
  const usedIds = new Set<string>();
  /** Source GUID → the transcript it became (or already was). */
  const transcriptOf = new Map<string, string>();
  const transcripts: ImportPlan['transcripts'] = [];
  const usedFiles = new Set(existing.transcriptFiles);

  // The counting the project's checked selections agree on (a tool counts one way throughout).
  const prepared = project.sources.map((source) => {
    const stored = texts.get(source.guid);
    return { source, text: stored !== undefined && 'text' in stored ? new SourceText(stored.text, stored.hadBom) : null, missing: stored !== undefined && !('text' in stored) ? stored : null };
  });
  const votes = new Map<Counting, number>();
  for (const { source, text } of prepared) {
    if (!text?.ambiguous) continue;
    for (const s of source.selections) {
      if (s.name === undefined) continue;
      const matching = matchingCountings(text, s.start, s.end, s.name);
      if (matching.length > 0 && matching.length < 6) for (const c of matching) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
  }
  const projectCounting = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  prepared.forEach(({ source, text, missing }, index) => {
    const label = source.name || source.guid;
    if (text === null) {
      const why = missing ?? { en: 'its text is not in the file', fr: "son texte n’est pas dans le fichier" };
      say('error', 'refi-source-missing', `the source "${label}" was not brought over (${why.en}), nor its ${source.selections.length} selection(s)`, `la source « ${label} » n’a pas été reprise (${why.fr}), ni ses ${source.selections.length} sélection(s)`);
      return;
    }
    let id = participantId(source.name, index);
    const same = existing.transcripts.get(id);
    let reused = false;
    if (same !== undefined) {
      if (same === text.text) {
        reused = true;
        counts.reused++;
      } else {
        throw new ImportConflict(id);
      }
    } else {
      id = uniqueId(id, usedIds);
    }
    usedIds.add(id);
    transcriptOf.set(source.guid, id);
    if (!reused) {
      const base = transcriptFileName(id);
      let file = `${base}.txt`;
      for (let n = 2; usedFiles.has(file.toLowerCase()); n++) file = `${base}-${n}.txt`;
      usedFiles.add(file.toLowerCase());
      const attributes: Attributes = {};
      for (const { variable, value } of [...(valuesBySource.get(source.guid) ?? []), ...source.values]) {
        const v = variableOf(variable);
        if (v === undefined) continue;
        if (v.name === 'id' || v.name.trim() === '') {
          say('warning', 'refi-variable-refused', `the variable "${v.name}" of ${id} was not brought over: codage keeps "id" for the participant id`, `la variable « ${v.name} » de ${id} n’a pas été reprise : codage réserve « id » à l’identifiant du participant`);
          continue;
        }
        attributes[v.name] = attributeValue(value, v.type);
      }
      const front: Attributes = {};
      const cells = new Map<string, string>();
      for (const [name, value] of Object.entries(attributes)) {
        const place = placeOf.get(name);
        const column = csvColumns.includes(name);
        const cell = column ? attributeCell(value, csvDelimiter === ';') : undefined;
        if (column && cell !== undefined && !csvRowIds.has(id)) cells.set(name, cell);
        else if (column) toFront(name, csvRowIds.has(id) ? 'row' : 'cell', id);
        else if (csvRead !== undefined && csvText!.appendable) toFront(name, 'no-column', id);
        // In the front matter as well when codage's export says it was there too (or says nothing).
        if (!cells.has(name) || csvRead === undefined && place?.frontMatter === true) front[name] = value;
      }
      if (cells.size > 0) {
        csvRows.push([id, ...csvColumns.map((c) => cells.get(c) ?? '')]);
        for (const name of cells.keys()) placedCsv.add(name);
      }
      for (const name of Object.keys(front)) placedFront.add(name);
      const frontLines = [`id: ${JSON.stringify(id)}`, ...Object.entries(front).map(([k, v]) => `${yamlKey(k)}: ${yamlValue(v)}`)];
      transcripts.push({ id, file: `transcripts/${file}`, content: `---\n${frontLines.join('\n')}\n---\n${text.text}` });
      counts.transcripts++;
    }
    if (source.wholeCodings > 0) say('warning', 'refi-source-coding', `${id}: ${source.wholeCodings} coding(s) of the whole source were not brought over (codage codes passages)`, `${id} : ${source.wholeCodings} codage(s) de la source entière n’ont pas été repris (codage code des passages)`);

    for (const noteRef of source.notes) {
      const note = project.notes.get(noteRef);
      if (!note || note.text.trim() === '') continue;
      if (note.user === undefined) {
        // Nobody's own note: the study's memo on the transcript.
        addMemo({ kind: 'transcript', id }, note.text);
        continue;
      }
      const data = coderData(coderFor(note.user));
      data.memos[id] = data.memos[id] === undefined ? note.text : `${data.memos[id]}\n\n${note.text}`;
      counts.memos++;
    }

    for (const s of source.selections) placeOne(s, id, text, label);
  });

  function placeOne(s: RefiSelection, id: string, text: SourceText, label: string): void {
    const where = `${id} [${s.start}–${s.end}]`;
    const placement = placeSelection(text, s.start, s.end, s.name, projectCounting);
    if (!placement.placed) {
      counts.unplaced++;
      const reason =
        placement.reason === 'out-of-range'
          ? { en: 'its positions lie outside the text', fr: 'ses positions sont hors du texte' }
          : placement.reason === 'text-ambiguous'
            ? { en: 'its text is not at its positions and occurs several times', fr: "son texte n’est pas à ses positions et apparaît plusieurs fois" }
            : { en: 'its text is not at its positions, under any way of counting, nor elsewhere', fr: "son texte n’est pas à ses positions, quelle que soit la façon de compter, ni ailleurs" };
      say('error', 'refi-selection-unplaced', `${where} in "${label}" was not brought over: ${reason.en}${s.name ? ` — "${s.name}"` : ''}`, `${where} dans « ${label} » n’a pas été repris : ${reason.fr}${s.name ? ` — « ${s.name} »` : ''}`);
      return;
    }
    if (placement.how === 'found-elsewhere') {
      counts.corrected++;
      say('warning', 'refi-selection-moved', `${where}: the text was not at its positions; placed where it occurs (once) — "${s.name}"`, `${where} : le texte n’était pas à ses positions ; placé là où il apparaît (une seule fois) — « ${s.name} »`);
    } else if (placement.counting !== 'code-points' && placement.counting !== null && placement.how !== 'unambiguous') {
      counts.corrected++;
    } else if (placement.how === 'unchecked') {
      say('warning', 'refi-selection-unchecked', `${where}: the tool gives no text to check its positions, which depend on how it counts; placed as the standard counts (code points) — check it`, `${where} : le logiciel ne donne pas de texte pour vérifier ses positions, qui dépendent de sa façon de compter ; placé comme le standard compte (points de code) — à vérifier`);
    }
    const quote = text.text.slice(placement.start, placement.end);
    // Offsets in coder files count code points.
    const start = text.codePoint(placement.start);
    const end = text.codePoint(placement.end);
    // codage's own marks (exemplary, to confirm, confirmed, quote and segment ids), or another tool's comment: a memo.
    const { marks, rest } = s.description === undefined ? { marks: {}, rest: undefined } : readSelectionDescription(s.description);
    const memoParts = s.notes.map((n) => project.notes.get(n)?.text ?? '').filter((t) => t.trim() !== '');
    if (rest !== undefined) memoParts.push(rest);
    const byCoder = new Map<string, string[]>();
    const unknown: string[] = [];
    for (const coding of s.codings) {
      const code = codeIds.get(coding.code);
      if (code === undefined) {
        unknown.push(coding.code);
        continue;
      }
      const coder = coderFor(coding.user ?? s.user);
      const list = byCoder.get(coder) ?? [];
      if (!list.includes(code)) list.push(code);
      byCoder.set(coder, list);
    }
    if (unknown.length > 0) say('warning', 'refi-coding-unknown-code', `${where}: ${unknown.length} coding(s) refer to a code that is not in the codebook, not brought over`, `${where} : ${unknown.length} codage(s) renvoient à un code absent du livre de codes, non repris`);
    if (byCoder.size === 0) {
      say('warning', 'refi-selection-no-code', `${where}: a selection without any code was not brought over${memoParts.length > 0 ? ' (nor its memo)' : ''}`, `${where} : une sélection sans aucun code n’a pas été reprise${memoParts.length > 0 ? ' (ni son mémo)' : ''}`);
      return;
    }
    for (const [coder, codes] of byCoder) {
      const data = coderData(coder);
      // The segment's own id when codage wrote it (one coder's selection) and the coder file has it free.
      const own = byCoder.size === 1 && marks.id !== undefined && !data.ids.has(marks.id) ? marks.id : undefined;
      if (own !== undefined) data.ids.add(own);
      const segment: Segment = { id: own ?? segmentId([s.guid, coder], data.ids), participant: id, start, end, text: quote, codes };
      if (memoParts.length > 0) segment.memo = memoParts.join('\n\n');
      if (marks.exemplary) segment.exemplary = true;
      if (marks.quote !== undefined) segment.quote = marks.quote;
      if (marks.ambiguous) segment.ambiguous = true;
      if (marks.confirmed) segment.confirmed = true;
      if (s.at !== undefined && isDateTime(s.at)) segment.at = s.at;
      data.segments.push(segment);
      counts.segments++;
    }
  }

  // What went where, said: participants.csv's columns, the front matter's attributes, and why a value is not where it was.
  for (const [key, { reason, ids }] of keptInFront) {
    const name = key.split('\u001f')[0]!;
    const who = ids.length > 4 ? `${ids.slice(0, 3).join(', ')}… (${ids.length})` : ids.join(', ');
    const why =
      reason === 'no-column'
        ? { en: `participants.csv has no column "${name}"`, fr: `participants.csv n’a pas de colonne « ${name} »` }
        : reason === 'row'
          ? { en: 'participants.csv already has a row for them (codage does not rewrite its lines)', fr: 'participants.csv a déjà une ligne pour eux (codage ne réécrit pas ses lignes)' }
          : { en: 'a cell of participants.csv would not read back the same (a yes/no, spaces around a text, a text that reads as a number)', fr: 'une cellule de participants.csv ne se relirait pas à l’identique (un oui/non, des espaces autour d’un texte, un texte qui se lit comme un nombre)' };
    say('warning', 'refi-attribute-front-matter', `"${name}" of ${who}: in the front matter, not in participants.csv: ${why.en}`, `« ${name} » de ${who}\u00a0: dans l’en-tête, pas dans participants.csv\u00a0: ${why.fr}`);
  }
  if (csvText !== undefined && !csvText.appendable && project.variables.size > 0) {
    say('warning', 'refi-participants-encoding', 'participants.csv is not in UTF-8: the attributes are in the transcripts\' front matter, not added to it', 'participants.csv n’est pas en UTF-8\u00a0: les attributs sont dans l’en-tête des transcriptions, pas ajoutés à ce fichier');
  }
  const participants =
    csvRows.length === 0
      ? undefined
      : csvRead !== undefined
        ? { file: 'participants.csv', text: participantsCsvRows(csvRows, csvDelimiter), append: true, rows: csvRows.length }
        : { file: 'participants.csv', text: participantsCsvRows([['id', ...csvColumns], ...csvRows], csvDelimiter), append: false, rows: csvRows.length };
  const anonymous = coderOfUser.get('');
  if (anonymous !== undefined && coders.has(anonymous)) {
    say('warning', 'refi-coding-no-user', `${withoutUser} coding(s) or note(s) name no user of the project: they are in ${coderFilePath(anonymous)}, apart from every user's`, `${withoutUser} codage(s) ou note(s) ne nomment aucun utilisateur du projet\u00a0: ils sont dans ${coderFilePath(anonymous)}, à part de ceux de chaque utilisateur`);
  }
  if (projectCounting !== null && projectCounting !== 'code-points') {
    say('info', 'refi-counting', `positions in this file count ${COUNTING_NAMES[projectCounting].en}, not code points as the standard says: corrected`, `les positions de ce fichier comptent en ${COUNTING_NAMES[projectCounting].fr}, et non en points de code comme le veut le standard : corrigées`);
  }
  // Notes on the project and on codes: the study's memos on the study, a theme or a code.
  for (const guid of project.projectNotes) {
    const note = project.notes.get(guid);
    if (note && note.text.trim() !== '') addMemo({ kind: 'study' }, note.text);
  }
  const codeNotes = (list: readonly RefiCode[]) => {
    for (const code of list) {
      for (const guid of code.notes ?? []) {
        const note = project.notes.get(guid);
        if (!note || note.text.trim() === '') continue;
        const theme = planned.themeIds.get(code.guid);
        const id = theme ?? codeIds.get(code.guid);
        if (id === undefined) {
          say('warning', 'refi-note-not-brought-over', `the note on "${code.name}" was not brought over, nor the code`, `la note sur « ${code.name} » n’a pas été reprise, ni le code`);
        } else addMemo({ kind: theme !== undefined ? 'theme' : 'code', id }, note.text);
      }
      codeNotes(code.children);
    }
  };
  codeNotes(project.codes);
  // A case's description is about its participant: the study's memo on the transcript(s).
  for (const c of project.cases) {
    if (c.description === undefined) continue;
    const ids = [...new Set(c.sources.map((g) => transcriptOf.get(g)).filter((id) => id !== undefined))];
    if (ids.length === 0) {
      say('warning', 'refi-note-not-brought-over', `the description of the case "${c.name}" was not brought over: none of its sources was`, `la description du cas « ${c.name} » n’a pas été reprise\u00a0: aucune de ses sources ne l’a été`);
      continue;
    }
    for (const id of ids) addMemo({ kind: 'transcript', id }, c.description);
  }
  // Notes nothing refers to (free memos): the study's memo, each under its name.
  const referenced = new Set<string>(project.projectNotes);
  const codeRefs = (list: readonly RefiCode[]) => {
    for (const code of list) {
      for (const guid of code.notes ?? []) referenced.add(guid);
      codeRefs(code.children);
    }
  };
  codeRefs(project.codes);
  for (const source of project.sources) {
    for (const guid of source.notes) referenced.add(guid);
    for (const s of source.selections) for (const guid of s.notes) referenced.add(guid);
  }
  let free = 0;
  for (const [guid, note] of project.notes) {
    if (referenced.has(guid) || note.text.trim() === '') continue;
    const name = note.name?.trim() ?? '';
    addMemo({ kind: 'study' }, name === '' || note.text.trimStart().startsWith(name) ? note.text : `${name}\n\n${note.text}`);
    free++;
  }
  if (free > 0) {
    say('info', 'refi-free-notes', `${free} note(s) attached to nothing (free memos) went to memos/study.md`, `${free} note(s) rattachée(s) à rien (mémos libres) reprise(s) dans memos/study.md`);
  }
  for (const [what, n] of project.left) {
    say('warning', 'refi-not-brought-over', `${n} ${what} element(s) not brought over (codage has no equivalent)`, `${n} élément(s) ${what} non repris (codage n’a pas d’équivalent)`);
  }
  return {
    ...(participants !== undefined ? { participants } : {}),
    attributes: { csv: csvColumns.filter((c) => placedCsv.has(c)), frontMatter: [...placedFront] },
    memos: [...memoTexts].map(([file, texts]) => ({ file, text: `${texts.join('\n\n').trimEnd()}\n` })),
    codebook,
    codebookChanged: codebook !== baseline || existing.codebook.trim() === '',
    transcripts,
    coders: [...coders.entries()].map(([coder, data]) => ({ coder, ...(displayNames.has(coder) ? { name: displayNames.get(coder)! } : {}), memos: data.memos, segments: data.segments })),
    report,
    counts,
  };
}

/** A participant of the import already has a transcript with a different text: nothing is written. */
export class ImportConflict extends DataError {
  constructor(readonly participant: string) {
    super(
      { en: `participant ${participant} already has a transcript in this study, with a different text`, fr: `le participant ${participant} a déjà une transcription dans cette étude, avec un texte différent` },
      {
        hint: {
          en: 'codage never overwrites a transcript: import into a new study (--study NEW_FOLDER), or rename that source in the other tool. Nothing was written.',
          fr: 'codage ne remplace jamais une transcription : importer dans une nouvelle étude (--study NOUVEAU_DOSSIER), ou renommer cette source dans l’autre logiciel. Rien n’a été écrit.',
        },
      },
    );
    this.name = 'ImportConflict';
  }
}
