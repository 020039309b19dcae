/**
 * A study as REFI-QDA 1.5 (QDA-XML 1.0): the project file `project.qde` with its sources, and the
 * codebook file `.qdc`. Pure: the study comes in as plain data, the XML and the source texts go
 * out; `io/qdpx.ts` puts them in the archive.
 *
 * - Elements in the order of the schema (Users, CodeBook, Variables, Cases, Sources, Notes).
 * - Each transcript is a TextSource whose text is the transcript text codage codes (front matter
 *   removed, LF line endings, NFC): the selections' positions are the coder files' code point
 *   offsets, exactly as the standard counts them.
 * - Themes are codes that cannot be applied (`isCodable="false"`); a coder is a User; a segment is
 *   a PlainTextSelection carrying one Coding per code; every memo is a Note (on its transcript or
 *   on its segment); participant attributes are Variables, and each participant a Case.
 * - GUIDs derive from stable ids (guid.ts); no date unless one is given.
 */
import { deName } from '../report/typography.js';
import type { AttributeValue, Codebook, CodebookNode, Language, Localized, Participant, Segment } from '../types.js';
import { attributePlaceDescription, type AttributePlace } from './attribute-places.js';
import { nodeDescription } from './description.js';
import { projectDescription, selectionDescription } from './marks.js';
import { Utf8Writer } from '../text/utf8-writer.js';
import { stableGuid } from './guid.js';
import { attributes, isXmlText, xmlText } from './xml.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** A segment as exported: as stored, with its offsets (code points) where it is placed today. */
export type ExportedSegment = Pick<Segment, 'id' | 'participant' | 'start' | 'end' | 'text' | 'codes' | 'memo' | 'exemplary' | 'quote' | 'ambiguous' | 'confirmed' | 'at'>;

export interface RefiStudy {
  title: string;
  language: Language;
  /** `codage 0.1.0`, written as the project's origin. */
  origin: string;
  codebook: Codebook;
  /** In interview order. */
  transcripts: { id: string; text: string }[];
  participants: Map<string, Participant>;
  /** `name`: the coder's name as people write it (`coder:` in the coder file), when it is not the id. */
  coders: { coder: string; name?: string; memos: Record<string, string>; segments: ExportedSegment[] }[];
  /** The `coder` of codage.yaml, when it names one of the exported coders: said in the project's Description. */
  defaultCoder?: string;
  /** The `language` of codage.yaml, when it sets one: said in the project's Description. */
  studyLanguage?: Language;
  /**
   * Where each attribute is in the study (participants.csv, front matter), in the order of
   * participants.csv's columns, then of the front matter: the Variables' order and Descriptions.
   */
  attributePlaces?: ReadonlyMap<string, AttributePlace>;
  /** The study's memos (`memos/`): on the study, on a transcript (by id), on a code or theme (by id). */
  memos?: { study?: string; transcripts: ReadonlyMap<string, string>; nodes: ReadonlyMap<string, string> };
}

/** Text that XML cannot carry, found while writing: the export is refused with these. */
export interface UnwritableText {
  where: Localized;
}

class Writer {
  readonly lines: Utf8Writer;
  readonly unwritable: UnwritableText[] = [];
  constructor(
    readonly language: Language,
    onChunk?: (chunk: Uint8Array) => void,
  ) {
    this.lines = new Utf8Writer(onChunk);
  }

  check(text: string, where: Localized): string {
    if (!isXmlText(text)) this.unwritable.push({ where });
    return text;
  }
}

function codeElements(w: Writer, node: CodebookNode, indent: string, codeGuid: (id: string) => string, noteOf: (node: CodebookNode) => string | undefined = () => undefined): void {
  const description = nodeDescription(node, w.language);
  const color = node.color !== undefined && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(node.color) ? node.color : undefined;
  const where = { en: `the ${node.kind} "${node.name}" (${node.id})`, fr: `le ${node.kind === 'code' ? 'code' : 'thème'} « ${node.name} » (${node.id})` };
  const open = `${indent}<Code${attributes([
    ['guid', codeGuid(node.id)],
    ['name', w.check(node.name, where)],
    ['isCodable', node.kind === 'code'],
    ['color', color],
  ])}`;
  const note = noteOf(node);
  if (description === undefined && note === undefined && node.children.length === 0) {
    w.lines.line(`${open}/>`);
    return;
  }
  w.lines.line(`${open}>`);
  if (description !== undefined) w.lines.line(`${indent}  <Description>${xmlText(w.check(description, where))}</Description>`);
  if (note !== undefined) w.lines.line(`${indent}  <NoteRef${attributes([['targetGUID', note]])}/>`);
  for (const child of node.children) codeElements(w, child, `${indent}  `, codeGuid, noteOf);
  w.lines.line(`${indent}</Code>`);
}

/** Top-level nodes in codebook order: themes, then codes not yet grouped. */
function topNodes(codebook: Codebook): CodebookNode[] {
  return [...codebook.themes, ...codebook.ungrouped];
}

const codeGuidOf = (id: string) => stableGuid('code', id);

/** The codebook exchange file (`.qdc`). */
export function codebookQdc(codebook: Codebook, language: Language, origin: string): { xml: string; unwritable: UnwritableText[] } {
  const w = new Writer(language);
  w.lines.line('<?xml version="1.0" encoding="utf-8"?>');
  w.lines.line(`<CodeBook xmlns="${CODEBOOK_NAMESPACE}"${attributes([['origin', origin]])}>`);
  w.lines.line('  <Codes>');
  const nodes = topNodes(codebook);
  for (const node of nodes) codeElements(w, node, '    ', codeGuidOf);
  w.lines.line('  </Codes>');
  w.lines.line('</CodeBook>');
  if (nodes.length === 0) {
    // The schema wants at least one Code: an empty codebook cannot be exchanged.
    w.unwritable.push({ where: { en: 'the codebook: it has no code yet', fr: "le livre de codes : il n’a encore aucun code" } });
  }
  return { xml: w.lines.text(), unwritable: w.unwritable };
}

/** An xsd:dateTime (the `at` of a segment, which a hand edit may have left otherwise). */
function isDateTime(value: string | undefined): value is string {
  return value !== undefined && /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value);
}

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

/** One type per attribute, from every value it takes (mixed values are Text). */
function variableType(values: AttributeValue[]): VariableType {
  const present = values.filter((v): v is Exclude<AttributeValue, null> => v !== null);
  if (present.length === 0) return 'Text';
  if (present.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'Integer';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'Float';
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) return 'Date';
  return 'Text';
}

function valueElement(type: VariableType, value: Exclude<AttributeValue, null>): string {
  switch (type) {
    case 'Boolean':
      return `<BooleanValue>${value ? 'true' : 'false'}</BooleanValue>`;
    case 'Integer':
      return `<IntegerValue>${value}</IntegerValue>`;
    case 'Float':
      return `<FloatValue>${value}</FloatValue>`;
    case 'Date':
      return `<DateValue>${value}</DateValue>`;
    default:
      return `<TextValue>${xmlText(String(value))}</TextValue>`;
  }
}

/**
 * The project file (`project.qde`) and the text of each source, by its name in the archive. Given
 * `onXml`, the file's UTF-8 goes there a chunk at a time, in order, and `xml` is empty.
 */
export function projectQde(
  study: RefiStudy,
  onXml?: (chunk: Uint8Array) => void,
): { xml: Uint8Array; sources: { path: string; text: string }[]; unwritable: UnwritableText[] } {
  const w = new Writer(study.language, onXml);
  const fr = study.language === 'fr';
  // Each coder's and participant's GUID made once (they are on every selection and coding).
  const guids = new Map<string, string>();
  const once = (kind: string, name: string) => {
    const key = `${kind}\u001f${name}`;
    let guid = guids.get(key);
    if (guid === undefined) guids.set(key, (guid = stableGuid(kind, name)));
    return guid;
  };
  const userGuid = (coder: string) => once('user', coder);
  const sourceGuid = (participant: string) => once('source', participant);
  const codeGuid = (code: string) => once('code', code);
  // Each coder's segments by participant, in their order: one pass, not one per transcript.
  const byParticipant = new Map<(typeof study.coders)[number], Map<string, ExportedSegment[]>>();
  const segmentsOf = (c: (typeof study.coders)[number]) => {
    let groups = byParticipant.get(c);
    if (groups === undefined) {
      groups = new Map();
      for (const s of c.segments) {
        const group = groups.get(s.participant);
        if (group === undefined) groups.set(s.participant, [s]);
        else group.push(s);
      }
      byParticipant.set(c, groups);
    }
    return groups;
  };
  w.lines.line('<?xml version="1.0" encoding="utf-8"?>');
  w.lines.line(
    `<Project xmlns="${PROJECT_NAMESPACE}"${attributes([
      ['name', w.check(study.title, { en: 'the study title', fr: "le titre de l’étude" })],
      ['origin', study.origin],
    ])}>`,
  );

  if (study.coders.length > 0) {
    w.lines.line('  <Users>');
    // Named as the coder file says (`coder: Marie Dupont`); the id is the file's name, which an import gives the file back.
    for (const { coder, name } of study.coders) {
      const shown = name !== undefined && isXmlText(name) ? name : coder;
      w.lines.line(`    <User${attributes([['guid', userGuid(coder)], ['name', shown], ['id', coder]])}/>`);
    }
    w.lines.line('  </Users>');
  }

  // Notes, gathered while the codes and the sources are written (a coder's own, or the study's).
  const notes: { guid: string; name: string; coder?: string; text: string; at?: string }[] = [];
  const studyMemos = study.memos;
  const nodeNote = (node: CodebookNode): string | undefined => {
    const text = studyMemos?.nodes.get(node.id);
    if (text === undefined) return undefined;
    const guid = stableGuid('memo', 'node', node.id);
    w.check(text, { en: `the memo on "${node.name}"`, fr: `le mémo sur « ${node.name} »` });
    notes.push({ guid, name: fr ? `Mémo sur ${node.name}` : `Memo on ${node.name}`, text });
    return guid;
  };

  const nodes = topNodes(study.codebook);
  if (nodes.length > 0) {
    w.lines.line('  <CodeBook>');
    w.lines.line('    <Codes>');
    for (const node of nodes) codeElements(w, node, '      ', codeGuid, nodeNote);
    w.lines.line('    </Codes>');
    w.lines.line('  </CodeBook>');
  }

  // Variables: every attribute of any participant, in first-seen order.
  const names: string[] = [];
  const seen = new Set<string>();
  for (const t of study.transcripts) {
    for (const key of Object.keys(study.participants.get(t.id)?.attributes ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(key);
    }
  }
  // participants.csv's columns in their order, then the front matter's attributes.
  const placed = [...(study.attributePlaces?.keys() ?? [])].filter((name) => seen.has(name));
  names.splice(0, names.length, ...placed, ...names.filter((name) => !study.attributePlaces?.has(name)));
  const types = new Map(names.map((name) => [name, variableType(study.transcripts.map((t) => study.participants.get(t.id)?.attributes[name] ?? null))]));
  if (names.length > 0) {
    w.lines.line('  <Variables>');
    for (const name of names) {
      const open = `    <Variable${attributes([['guid', stableGuid('variable', name)], ['name', w.check(name, { en: `the attribute "${name}"`, fr: `l’attribut « ${name} »` })], ['typeOfVariable', types.get(name)!]])}`;
      const place = study.attributePlaces?.get(name);
      const description = place === undefined ? undefined : attributePlaceDescription(place, study.language);
      w.lines.line(description === undefined ? `${open}/>` : `${open}><Description>${xmlText(description)}</Description></Variable>`);
    }
    w.lines.line('  </Variables>');
  }

  if (study.transcripts.length > 0) {
    w.lines.line('  <Cases>');
    for (const t of study.transcripts) {
      w.lines.line(`    <Case${attributes([['guid', stableGuid('case', t.id)], ['name', w.check(t.id, { en: `the participant id "${t.id}"`, fr: `l’identifiant « ${t.id} »` })]])}>`);
      const values = study.participants.get(t.id)?.attributes ?? {};
      for (const name of names) {
        if (!(name in values)) continue;
        const value = values[name]!;
        const ref = `<VariableRef${attributes([['targetGUID', stableGuid('variable', name)]])}/>`;
        // A value left empty (null) is written as a VariableValue with no value: known to be empty.
        if (value !== null) w.check(String(value), { en: `the attribute "${name}" of ${t.id}`, fr: `l’attribut « ${name} » de ${t.id}` });
        w.lines.line(`      <VariableValue>${ref}${value === null ? '' : valueElement(types.get(name)!, value)}</VariableValue>`);
      }
      w.lines.line(`      <SourceRef${attributes([['targetGUID', sourceGuid(t.id)]])}/>`);
      w.lines.line('    </Case>');
    }
    w.lines.line('  </Cases>');
  }

  const sources: { path: string; text: string }[] = [];
  if (study.transcripts.length > 0) {
    w.lines.line('  <Sources>');
    for (const t of study.transcripts) {
      const guid = sourceGuid(t.id);
      sources.push({ path: `sources/${guid}.txt`, text: t.text });
      w.lines.line(`    <TextSource${attributes([['guid', guid], ['name', t.id], ['plainTextPath', `internal://${guid}.txt`]])}>`);
      for (const c of study.coders) {
        for (const s of segmentsOf(c).get(t.id) ?? []) {
          const selection = stableGuid('segment', c.coder, s.id);
          w.lines.line(
            `      <PlainTextSelection${attributes([
              ['guid', selection],
              // The quote, for tools that show it and to check positions on import; XML cannot carry some control characters.
              ['name', isXmlText(s.text) ? s.text : undefined],
              ['startPosition', s.start],
              ['endPosition', s.end],
              ['creatingUser', userGuid(c.coder)],
              ['modifyingUser', isDateTime(s.at) ? userGuid(c.coder) : undefined],
              ['modifiedDateTime', isDateTime(s.at) ? s.at : undefined],
            ])}>`,
          );
          const description = selectionDescription(s, study.language);
          if (description !== undefined) w.lines.line(`        <Description>${xmlText(description)}</Description>`);
          for (const code of s.codes) {
            w.lines.line(`        <Coding${attributes([['guid', stableGuid('coding', c.coder, s.id, code)], ['creatingUser', userGuid(c.coder)]])}>`);
            w.lines.line(`          <CodeRef${attributes([['targetGUID', codeGuid(code)]])}/>`);
            w.lines.line('        </Coding>');
          }
          if (s.memo !== undefined) {
            const note = stableGuid('memo', c.coder, s.id);
            w.check(s.memo, { en: `the memo of segment ${s.id} (${c.coder})`, fr: `le mémo du segment ${s.id} (${c.coder})` });
            notes.push({ guid: note, name: fr ? `Mémo ${c.coder}, ${t.id}, segment ${s.id}` : `Memo ${c.coder}, ${t.id}, segment ${s.id}`, coder: c.coder, text: s.memo, ...(s.at !== undefined ? { at: s.at } : {}) });
            w.lines.line(`        <NoteRef${attributes([['targetGUID', note]])}/>`);
          }
          w.lines.line('      </PlainTextSelection>');
        }
      }
      for (const c of study.coders) {
        const memo = c.memos[t.id];
        if (memo === undefined) continue;
        const note = stableGuid('memo', c.coder, 'participant', t.id);
        w.check(memo, { en: `the memo of ${c.coder} on ${t.id}`, fr: `le mémo ${deName(c.coder)} sur ${t.id}` });
        notes.push({ guid: note, name: fr ? `Mémo ${c.coder}, ${t.id}` : `Memo ${c.coder}, ${t.id}`, coder: c.coder, text: memo });
        w.lines.line(`      <NoteRef${attributes([['targetGUID', note]])}/>`);
      }
      const memo = studyMemos?.transcripts.get(t.id);
      if (memo !== undefined) {
        const note = stableGuid('memo', 'transcript', t.id);
        w.check(memo, { en: `the memo on ${t.id}`, fr: `le mémo sur ${t.id}` });
        notes.push({ guid: note, name: fr ? `Mémo sur ${t.id}` : `Memo on ${t.id}`, text: memo });
        w.lines.line(`      <NoteRef${attributes([['targetGUID', note]])}/>`);
      }
      w.lines.line('    </TextSource>');
    }
    w.lines.line('  </Sources>');
  }

  // The memo on the study: a note on the project as a whole.
  const studyNote = studyMemos?.study === undefined ? undefined : stableGuid('memo', 'study');
  if (studyNote !== undefined) {
    w.check(studyMemos!.study!, { en: 'the memo on the study', fr: 'le mémo sur l’étude' });
    notes.push({ guid: studyNote, name: fr ? 'Mémo sur l’étude' : 'Memo on the study', text: studyMemos!.study! });
  }
  if (notes.length > 0) {
    w.lines.line('  <Notes>');
    for (const note of notes) {
      w.lines.line(`    <Note${attributes([['guid', note.guid], ['name', note.name], ['creatingUser', note.coder === undefined ? undefined : userGuid(note.coder)]])}>`);
      w.lines.line(`      <PlainTextContent>${xmlText(note.text)}</PlainTextContent>`);
      w.lines.line('    </Note>');
    }
    w.lines.line('  </Notes>');
  }
  if (study.studyLanguage !== undefined || study.defaultCoder !== undefined) w.lines.line(`  <Description>${xmlText(projectDescription(study.studyLanguage, study.language, study.defaultCoder))}</Description>`);
  if (studyNote !== undefined) w.lines.line(`  <NoteRef${attributes([['targetGUID', studyNote]])}/>`);
  w.lines.line('</Project>');
  return { xml: w.lines.bytes(), sources, unwritable: w.unwritable };
}
