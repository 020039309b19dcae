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
export async function writeOutput(file: string, data: string | Uint8Array, where: { study: string; option: string }): Promise<void> {
  writeOutputFile(where.study, file, data, where.option);
}
