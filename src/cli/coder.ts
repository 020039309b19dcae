import { resolveCoderName, type ResolvedCoder } from '../core/study/coder-name.js';
import { countedCoders } from '../core/report/report-study.js';
import { assertStudyFolder, listCoders, readStudyConfig } from '../io/study.js';

/**
 * `--coder NAME` checked against the coders of the study in `root` (see resolveCoderName):
 * every command that takes a coder name goes through here, before reading any file by it.
 */
export async function resolveCoder(root: string, name: string, options: { mustExist: boolean; given?: string }): Promise<ResolvedCoder> {
  await assertStudyFolder(root);
  return resolveCoderName(name, await listCoders(root), options);
}

/**
 * The coders a count or a listing shows: `--coder` (checked), else those exports show (see
 * countedCoders), known before any coder file is read so that only those are read. `chosen`: one
 * coder's codings shown by default while the study has others (stats says so).
 */
export async function codersToCount(root: string, asked: string | undefined): Promise<{ coders: string[]; chosen: boolean }> {
  // A coder asked for is checked against the study's coders, and is the answer.
  if (asked !== undefined) return { coders: [(await resolveCoder(root, asked, { mustExist: true })).coder], chosen: false };
  await assertStudyFolder(root);
  const [all, { config }] = await Promise.all([listCoders(root), readStudyConfig(root)]);
  const coders = countedCoders(all, undefined, config.coder);
  return { coders, chosen: coders.length === 1 && all.length > 1 };
}
