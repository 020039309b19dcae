import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';

/** Writes an output file the user named; a folder that does not exist is their typo, not a bug. */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EACCES' && code !== 'EPERM' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
    throw new UsageError(
      { en: `cannot write ${file} (${code})`, fr: `impossible d’écrire ${file} (${code})` },
      { en: 'check that its folder exists and that you may write there', fr: 'vérifier que son dossier existe et que vous avez le droit d’y écrire' },
    );
  }
}
