import { extname } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { FileData } from '../io/atomic-write.js';
import { assertOutsideStudyData, writeOutputFile } from '../io/output-file.js';

/**
 * Refuses (exit 2), before any work, an output path that is one of the study's own data files
 * (see io/output-file.ts). `option` names it in the message: `-o`, `--review`, `--figure`.
 */
export function refuseStudyData(study: string, file: string, option: string): void {
  assertOutsideStudyData(study, file, option);
}

/**
 * Writes an output file the user named: never over the study's data (exit 2), atomically; a folder
 * that does not exist is their typo (exit 2); a read-only folder or a full disk is the environment
 * (exit 1, the file not written).
 */
export async function writeOutput(file: string, data: FileData, where: { study: string; option: string }): Promise<void> {
  writeOutputFile(where.study, file, data, where.option);
}

/** Writes text, bytes or bytes in pieces (one after the other) to standard output. */
export function writeData(stream: { write(data: string | Uint8Array): unknown }, data: FileData): void {
  if (typeof data === 'string' || data instanceof Uint8Array) stream.write(data);
  else for (const piece of data) stream.write(piece);
}

/** The formats a file's extension names (`-o accord.docx` is Word; `.csv` fits both CSV flavours). */
const EXTENSION_FORMATS: Record<string, readonly string[]> = {
  '.md': ['md'],
  '.markdown': ['md'],
  '.csv': ['csv', 'excel'],
  '.tsv': ['tsv'],
  '.xlsx': ['xlsx'],
  '.docx': ['docx'],
  '.tex': ['tex'],
  '.html': ['html'],
  '.htm': ['html'],
  '.svg': ['svg'],
  '.mmd': ['mermaid'],
  '.mermaid': ['mermaid'],
  '.dot': ['dot'],
  '.gv': ['dot'],
  '.json': ['json'],
  '.qdpx': ['qdpx'],
  '.qdc': ['qdc'],
  // Formats no command writes: named so that a text never lands in a file its program cannot open.
  '.pdf': ['pdf'],
  '.doc': ['doc'],
  '.rtf': ['rtf'],
  '.odt': ['odt'],
  '.xls': ['xls'],
  '.ods': ['ods'],
  '.png': ['png'],
  '.jpg': ['jpeg'],
  '.jpeg': ['jpeg'],
};

const FORMAT_NAMES: Record<string, string> = { docx: 'Word', xlsx: 'Excel', tex: 'LaTeX', html: 'HTML', md: 'Markdown', csv: 'CSV', excel: 'CSV', tsv: 'TSV', json: 'JSON', qdpx: 'REFI-QDA (qdpx)', qdc: 'REFI-QDA (qdc)', svg: 'SVG', mermaid: 'Mermaid', dot: 'Graphviz',
  pdf: 'PDF', doc: 'Word 97-2003', rtf: 'RTF', odt: 'OpenDocument', xls: 'Excel 97-2003', ods: 'OpenDocument', png: 'PNG', jpeg: 'JPEG' };

function formatName(format: string, language: 'en' | 'fr'): string {
  return format === 'text' ? (language === 'fr' ? 'texte' : 'text') : (FORMAT_NAMES[format] ?? format);
}

/**
 * The format a command writes: `--format` (or `--json`) as given; else the one the extension of
 * `-o` names, when the command can write it; else the command's default. A format the command
 * cannot write, or an extension that names another format than the one asked for (LaTeX into
 * `themes.docx`, a text table into `accord.docx`: a file its program would refuse to open), is
 * refused before any work (exit 2).
 */
export function outputFormat<F extends string>(
  command: string,
  given: string | undefined,
  output: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  const list = allowed.join(', ');
  if (given !== undefined && !(allowed as readonly string[]).includes(given)) {
    throw new UsageError(
      { en: `${command} cannot be written as ${given}`, fr: `${command} ne peut pas s’écrire en ${given}` },
      { en: `formats for ${command}: ${list}`, fr: `formats pour ${command}\u00a0: ${list}` },
    );
  }
  const extension = output === undefined ? '' : extname(output).toLowerCase();
  const named = EXTENSION_FORMATS[extension];
  if (named === undefined) return (given as F | undefined) ?? fallback;
  if (given !== undefined) {
    if (named.includes(given)) return given as F;
    throw otherProgram(`-o ${output}`, `--format ${given}`, output!, given, named.find((f) => (allowed as readonly string[]).includes(f)));
  }
  const fits = named.find((f) => (allowed as readonly string[]).includes(f));
  if (fits !== undefined) return fits as F;
  throw new UsageError(
    { en: `${command} cannot write a ${formatName(named[0]!, 'en')} file (-o ${output})`, fr: `${command} ne peut pas écrire de fichier ${formatName(named[0]!, 'fr')} (-o ${output})` },
    { en: `formats for ${command}: ${list} (--format, or the extension of -o)`, fr: `formats pour ${command}\u00a0: ${list} (--format, ou l’extension de -o)` },
  );
}

/**
 * Refuses (exit 2) a file named for another program than the one `format` is for: an option that
 * always writes one format (`saturation --csv tableau.xlsx`) would write a file that does not open.
 */
export function refuseOtherExtension(file: string, option: string, format: string): void {
  const named = EXTENSION_FORMATS[extname(file).toLowerCase()];
  if (named !== undefined && !named.includes(format)) throw otherProgram(`${option} ${file}`, option, file, format, undefined);
}

/**
 * The refusal of `file`, named for another program than `format` is for: `where` names the file
 * as given (`-o x.docx`), `writer` what writes `format` (`--format tex`); `fits`, the format the
 * extension names that could be written instead (by leaving out --format).
 */
function otherProgram(where: string, writer: string, file: string, format: string, fits: string | undefined): UsageError {
  const extension = extname(file).toLowerCase();
  const named = EXTENSION_FORMATS[extension]![0]!;
  const rename = `${file.slice(0, file.length - extension.length)}.${format === 'excel' ? 'csv' : format === 'text' ? 'txt' : format}`;
  return new UsageError(
    {
      en: `${where}: ${extension} is the extension of ${formatName(named, 'en')} files, but ${writer} writes ${formatName(format, 'en')}; the file would not open`,
      fr: `${where}\u00a0: ${extension} est l’extension des fichiers ${formatName(named, 'fr')}, mais ${writer} écrit un fichier ${formatName(format, 'fr')}\u202f; il ne s’ouvrirait pas`,
    },
    fits === undefined
      ? { en: `name the file ${rename}`, fr: `nommer le fichier ${rename}` }
      : {
          en: `name the file ${rename}, or leave out --format to write ${formatName(fits, 'en')}`,
          fr: `nommer le fichier ${rename}, ou retirer --format pour obtenir un fichier ${formatName(fits, 'fr')}`,
        },
  );
}
