import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CodebookEditError } from '../../core/codebook/edit.js';
import { mergeCodebookThreeWay } from '../../core/codebook/merge.js';
import { frenchSpacing } from '../../core/report/typography.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { decodeStudyText } from '../../io/study.js';
import type { CommandContext } from '../context.js';
import { paint } from '../output.js';

/**
 * `codage merge-driver %O %A %B %P`: git's merge driver for codebook.yaml. Writes the merge of
 * the common ancestor (%O), this branch's version (%A, replaced by the result) and the other
 * branch's (%B); exits 0 when merged cleanly, 1 when something needs a person (git then marks
 * the file as conflicted, holding this branch's version with every change that could be applied).
 */
export async function run(ctx: CommandContext, base: string, ours: string, theirs: string, path: string | undefined): Promise<number> {
  const fr = ctx.language === 'fr';
  const name = path ?? 'codebook.yaml';
  const read = async (file: string) => decodeStudyText(await readFile(resolve(file)));
  const [o, a, b] = await Promise.all([read(base), read(ours), read(theirs)]);
  let result: ReturnType<typeof mergeCodebookThreeWay>;
  try {
    result = mergeCodebookThreeWay(o, a, b);
  } catch (error) {
    if (!(error instanceof CodebookEditError)) throw error;
    ctx.stderr.write(`${name}: ${paint.red(fr ? 'conflit' : 'conflict')}: ${error.localized[ctx.language]}\n`);
    return 1;
  }
  if (result.source !== a) await writeFileAtomic(resolve(ours), result.source);
  for (const change of result.applied) ctx.stderr.write(frenchSpacing(`${name}: ${change[ctx.language]}\n`, ctx.language));
  for (const conflict of result.conflicts) ctx.stderr.write(frenchSpacing(`${name}: ${paint.red(fr ? 'conflit' : 'conflict')}: ${conflict[ctx.language]}\n`, ctx.language));
  return result.conflicts.length > 0 ? 1 : 0;
}
