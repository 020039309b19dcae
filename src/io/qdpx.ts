/**
 * REFI-QDA files on disk: a project (`.qdpx`, a zip archive holding `project.qde` and a flat
 * `sources/` folder) or a codebook (`.qdc`, one XML file). Writing builds the archive (zip-writer.ts,
 * every entry dated 1 January 2000 so the same study gives the same bytes); reading goes through
 * the zip-bomb guard (zip-guard.ts) before anything is expanded.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataError } from '../core/errors.js';
import type { ImportedSource } from '../core/refi/import-plan.js';
import { readCodebookXml, readProjectXml, type RefiCode, type RefiProject } from '../core/refi/read.js';
import { decodeTranscriptBytes } from '../core/text/decode.js';
import type { Localized } from '../core/types.js';
import { asEnvironmentError } from './environment-error.js';
import { ArchiveError, boundedEntries, XLSX_MAX_EXPANDED_BYTES } from './zip-guard.js';
import { ZipWriter } from './zip-writer.js';

/**
 * The archive of a project: `project.qde` first, deflated chunk by chunk as `onXml` receives it
 * (while the rest of the file is being made), then each source, UTF-8 without BOM.
 */
export class QdpxArchive {
  private readonly zip = new ZipWriter(1);
  private readonly project = this.zip.entry('project.qde');
  readonly onXml = (chunk: Uint8Array): void => this.project.write(chunk);

  async bytes(sources: { path: string; text: string }[]): Promise<Uint8Array> {
    this.project.end();
    for (const source of sources) this.zip.file(source.path, Buffer.from(source.text, 'utf8'));
    return this.zip.bytes();
  }
}

export type RefiFile =
  | { kind: 'project'; project: RefiProject; texts: Map<string, ImportedSource | Localized>; notes: Localized[] }
  | { kind: 'codebook'; codes: RefiCode[]; left: Map<string, number> };

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function decodeXml(bytes: Uint8Array): string {
  return decodeTranscriptBytes(bytes).text;
}

/** Reads a `.qdpx` or `.qdc` (or a bare `project.qde`). Throws DataError with the file named. */
export function readRefiFile(path: string): RefiFile {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DataError({ en: `${path} does not exist`, fr: `${path} n’existe pas` }, { hint: { en: 'check the path of the file', fr: 'vérifier le chemin du fichier' } });
    }
    throw asEnvironmentError(error, 'read', path, 'unchanged');
  }
  if (!isZip(bytes)) {
    const xml = decodeXml(bytes);
    if (/<(?:\w+:)?CodeBook[\s>]/.test(xml.slice(0, 4096)) && !/<(?:\w+:)?Project[\s>]/.test(xml.slice(0, 4096))) {
      const read = readCodebookXml(xml, name);
      return { kind: 'codebook', codes: read.codes, left: read.left };
    }
    const project = readProjectXml(xml, name);
    return { kind: 'project', project, texts: inlineTexts(project, new Map(), name), notes: [] };
  }
  let entries: Map<string, Buffer>;
  try {
    entries = boundedEntries(bytes, (entry) => !entry.endsWith('/') && (entry.toLowerCase().endsWith('.qde') || entry.toLowerCase().startsWith('sources/')));
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    const tooLarge = error.reason === 'declared-too-large' || error.reason === 'expands-too-large' || error.reason === 'too-many-entries';
    const limit = String(Math.round(XLSX_MAX_EXPANDED_BYTES / (1024 * 1024)));
    throw new DataError(
      tooLarge
        ? { en: `${name} would expand to more than ${limit} MB once unzipped (${error.detail}): codage does not open it, to protect your computer's memory`, fr: `${name} occuperait plus de ${limit}\u00a0Mo une fois décompressé (${error.detail})\u00a0: codage ne l’ouvre pas, pour protéger la mémoire de votre ordinateur` }
        : { en: `${name} is a damaged zip archive (${error.detail})`, fr: `${name} est une archive zip endommagée (${error.detail})` },
      { file: path, hint: { en: 'export the project again from the other tool; nothing was written', fr: "exporter à nouveau le projet depuis l’autre logiciel ; rien n’a été écrit" } },
    );
  }
  const notes: Localized[] = [];
  const projects = [...entries.keys()].filter((entry) => entry.toLowerCase().endsWith('.qde'));
  let projectEntry: string | undefined = projects.find((entry) => entry === 'project.qde');
  if (projectEntry === undefined) {
    if (projects.length !== 1) {
      throw new DataError(
        projects.length === 0
          ? { en: `${name} holds no project.qde: it is not a REFI-QDA project`, fr: `${name} ne contient pas de project.qde : ce n’est pas un projet REFI-QDA` }
          : { en: `${name} holds several project files (${projects.join(', ')}) and no project.qde`, fr: `${name} contient plusieurs fichiers de projet (${projects.join(', ')}) et pas de project.qde` },
        { file: path, hint: { en: 'export the project again as "REFI-QDA project (.qdpx)"', fr: 'exporter à nouveau le projet en « projet REFI-QDA (.qdpx) »' } },
      );
    }
    projectEntry = projects[0]!;
    notes.push({ en: `the project file is named ${projectEntry}, not project.qde as the standard says: read anyway`, fr: `le fichier de projet s’appelle ${projectEntry}, et non project.qde comme le veut le standard : lu quand même` });
  }
  const project = readProjectXml(decodeXml(entries.get(projectEntry)!), `${name}/${projectEntry}`);
  return { kind: 'project', project, texts: inlineTexts(project, entries, name), notes };
}

/** Each text source's text: from the archive (`internal://…`), or written inside the project file. */
function inlineTexts(project: RefiProject, entries: Map<string, Buffer>, name: string): Map<string, ImportedSource | Localized> {
  const byLowerName = new Map([...entries.keys()].map((entry) => [entry.toLowerCase(), entry]));
  const texts = new Map<string, ImportedSource | Localized>();
  for (const source of project.sources) {
    const path = source.plainTextPath;
    if (path !== undefined && /^internal:\/\//i.test(path)) {
      const inside = path.replace(/^internal:\/\//i, '').replace(/^\/+/, '');
      const entry = byLowerName.get(`sources/${inside}`.toLowerCase()) ?? byLowerName.get(inside.toLowerCase());
      if (entry !== undefined) {
        const decoded = decodeTranscriptBytes(entries.get(entry)!);
        texts.set(source.guid, { text: decoded.text, hadBom: decoded.hadBom });
        continue;
      }
      if (source.content === undefined) {
        texts.set(source.guid, { en: `${path} is not in ${name}`, fr: `${path} n’est pas dans ${name}` });
        continue;
      }
    }
    if (source.content !== undefined) texts.set(source.guid, { text: source.content, hadBom: false });
    else if (path !== undefined) texts.set(source.guid, { en: `its text is outside the archive, at ${path}`, fr: `son texte est hors de l’archive, à ${path}` });
    else texts.set(source.guid, { en: 'it has no plain text (only a rich text document)', fr: "elle n’a pas de texte brut (seulement un document mis en forme)" });
  }
  return texts;
}
