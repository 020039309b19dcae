import { resolveCoderName, type ResolvedCoder } from '../core/study/coder-name.js';
import { assertStudyFolder, listCoders } from '../io/study.js';

/**
 * `--coder NAME` checked against the coders of the study in `root` (see resolveCoderName):
 * every command that takes a coder name goes through here, before reading any file by it.
 */
export async function resolveCoder(root: string, name: string, options: { mustExist: boolean; given?: string }): Promise<ResolvedCoder> {
  await assertStudyFolder(root);
  return resolveCoderName(name, await listCoders(root), options);
}
