/**
 * Documents put in `transcripts/` that are not transcripts yet (a Word file copied there): never
 * read, so never counted — said, with the command that brings each in, or the transcript it was
 * already imported as.
 */
import type { Problem } from '../types.js';

/** Documents `codage import` turns into transcripts; and others a transcript may come as. */
const IMPORTED_HERE = ['.docx', '.odt', '.vtt', '.srt', '.markdown', '.text'];
const SAVED_OTHERWISE = ['.doc', '.rtf', '.pdf', '.pages', '.html', '.htm'];
export const DOCUMENT_EXTENSIONS: readonly string[] = [...IMPORTED_HERE, ...SAVED_OTHERWISE];

/** A warning for each of `documents` (study paths), knowing the study's `transcripts` (study paths). */
export function documentsNotRead(documents: readonly string[], transcripts: readonly string[]): Problem[] {
  const stem = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '').toLowerCase();
  return documents.map((file): Problem => {
    const imported = transcripts.find((t) => stem(t) === stem(file));
    if (imported !== undefined) {
      return {
        severity: 'warning',
        file,
        kind: 'transcript-not-read',
        message: { en: `not read: the interview is ${imported}`, fr: `non lu : l’entretien est ${imported}` },
        hint: { en: 'move the document out of transcripts/ (keep it with your recordings)', fr: 'sortir le document de transcripts/ (le ranger avec les enregistrements)' },
      };
    }
    const importable = IMPORTED_HERE.some((extension) => file.toLowerCase().endsWith(extension));
    return {
      severity: 'warning',
      file,
      kind: 'transcript-not-read',
      message: {
        en: 'not read: a transcript is a .txt or .md file, so this interview is not in the study',
        fr: 'non lu : une transcription est un fichier .txt ou .md, cet entretien n’est donc pas dans l’étude',
      },
      hint: importable
        ? { en: `bring it in with codage import "${file}" (it writes the .txt beside it), then move the document out`, fr: `l’importer avec codage import "${file}" (qui écrit le .txt à côté), puis sortir le document du dossier` }
        : { en: 'save it as .docx (or .txt) and bring it in with codage import, then move the document out', fr: 'l’enregistrer en .docx (ou en .txt) et l’importer avec codage import, puis sortir le document du dossier' },
    };
  });
}
